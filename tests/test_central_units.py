"""Sections of central units (issue 36): a ministry's and a press agency's own build.

`build --unit bo-ngoai-giao` builds the ASEAN section of the Ministry of Foreign Affairs: its
home page leads with what the national plan (01/QĐ-BCĐASEAN) asks of the ministry, the
activities it leads before those it coordinates, each with its timeline; an assignment given
to a body that a central unit of today took over (the Ministry of Information and
Communications, merged into the Ministry of Science and Technology on 1 March 2025) shows in
the successor's section under the former body's own name, as a former province's plans do.

These tests build from the real corpus (``plans/units.yaml``, ``level: central``) and wait
for the central units' home page (issue 36, point 2): until it lands they fail on the page's
content, not on the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import before, unit_sections
from conftest import read_page as read

SECTIONS = ("bo-ngoai-giao", "dai-tieng-noi-viet-nam", "bo-khoa-hoc-va-cong-nghe")
"""A ministry that leads many of the national plan's activities (Foreign Affairs); a press
agency that leads the press activities (Voice of Viet Nam); a ministry that took over one the
plan names (Science and Technology, with Information and Communications)."""

LEADS_MOFA = ("Xây dựng và cung cấp kế hoạch, định hướng tuyên truyền ASEAN theo kế hoạch sự kiện",
              "Develop and provide plans and guidance for ASEAN communication")
"""Activity I.2 of the national plan's appendix: led by the Ministry of Foreign Affairs (yearly)."""
COORDINATES_MOFA = ("Chỉ đạo, định hướng cho các cơ quan chức năng, các cơ quan báo chí",
                    "Direct and guide the functional agencies, press agencies")
"""Activity I.1: led by the Central Propaganda and Education Commission, with the ministry."""
LEADS_VOV = ("Chủ trì, sản xuất các chương trình, video ngắn về ASEAN",
             "Lead and produce programmes and short videos on ASEAN")
"""Activity III.5: led by VTV, VOV and VNA (yearly)."""
LEADS_MIC = ("Tổ chức tuyên truyền quảng bá về Hiệp định Đối tác Kinh tế toàn diện khu vực (RCEP)",
             "Communicate about and promote the Regional Comprehensive Economic Partnership (RCEP)")
"""Activity II.11: led by the former Ministry of Information and Communications (2021–2025)."""


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three sections, built from the real corpus without the search index."""
    return unit_sections(tmp_path_factory, SECTIONS)


@pytest.mark.site
def test_a_ministrys_section_leads_with_the_activities_it_leads_then_those_it_coordinates(
    central: dict[str, Path],
) -> None:
    site = central["bo-ngoai-giao"]
    vi, en = read(site, "vi/index.html"), read(site, "en/index.html")
    assert "<title>Chuyên mục ASEAN – Bộ Ngoại giao</title>" in vi
    assert "<title>ASEAN section – Ministry of Foreign Affairs</title>" in en
    assert "--md-primary-fg-color: #1d3f72;" in read(site, "vi/assets/unit.css")
    assert before(vi, LEADS_MOFA[0], COORDINATES_MOFA[0]) and before(en, LEADS_MOFA[1], COORDINATES_MOFA[1])
    assert before(vi, LEADS_MOFA[0], "Hàng năm") and before(en, LEADS_MOFA[1], "Yearly")  # with its timeline
    assert before(en, LEADS_MOFA[1], "Latest news")  # the shared ASEAN content follows


@pytest.mark.site
def test_a_press_agencys_section_leads_with_the_press_activities(central: dict[str, Path]) -> None:
    site = central["dai-tieng-noi-viet-nam"]
    vi, en = read(site, "vi/index.html"), read(site, "en/index.html")
    assert "<title>Chuyên mục ASEAN – Đài Tiếng nói Việt Nam</title>" in vi
    assert "<title>ASEAN section – Voice of Viet Nam</title>" in en
    assert LEADS_VOV[0] in vi and LEADS_VOV[1] in en
    # The ministry's own activity is not the broadcaster's to lead: where the plan gives it
    # to the press as a group ("Các cơ quan báo chí trung ương và địa phương"), it is shown
    # only among the tasks shared with other bodies.
    start = vi.index('id="duties-leads"')
    leads = vi[start:vi.index("<h3", start + 1)]
    assert LEADS_MOFA[0] not in leads
    assert LEADS_MOFA[0] in vi[vi.index('id="duties-shared"'):]


@pytest.mark.site
def test_a_predecessors_assignments_show_under_its_successor_with_its_own_name(central: dict[str, Path]) -> None:
    site = central["bo-khoa-hoc-va-cong-nghe"]
    vi, en = read(site, "vi/index.html"), read(site, "en/index.html")
    assert "<title>Chuyên mục ASEAN – Bộ Khoa học và Công nghệ</title>" in vi
    assert LEADS_MIC[0] in vi and LEADS_MIC[1] in en
    assert "Bộ Thông tin và Truyền thông (cũ)" in vi
    assert "Ministry of Information and Communications (former)" in en
    unit = read(site, "en/units/bo-khoa-hoc-va-cong-nghe/index.html")
    assert "Ministry of Information and Communications (former)" in unit and "1 March 2025" in unit
