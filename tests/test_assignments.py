"""What the national plan asks of each unit (site_builder/derive/assignments.py, issue 36):
the activities and assignments a unit leads, then those it supports, then those the plan gives
to a group of bodies it belongs to; a former body's tasks under its successor with its own
name; the status of each from the records, and which central units reported in a year."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import ROOT

from site_builder.core.problems import ProblemList
from site_builder.derive.assignments import (
    GROUPS,
    Duty,
    UnitDuties,
    central_reports,
    is_member,
    standing_for,
    unit_duties,
)
from site_builder.derive.index import SiteIndex
from site_builder.derive.project import Project
from site_builder.derive.tracker import Tracker
from site_builder.inputs.loader import Dataset
from site_builder.model.progress import ProgressFile

NATIONAL = "bcd-asean-2021-2025"
LEFT_OUT = {"cac-co-quan-dai-dien-viet-nam-o-nuoc-ngoai", "cac-co-quan-xuat-ban-trung-uong-va-dia-phuong",
            "cac-dai-phat-thanh-truyen-hinh-cac-tinh"}
"""Groups whose members have no section of their own (missions abroad, publishers, provincial
stations): shown to no unit, on purpose (the module's docstring)."""


@pytest.fixture(scope="module")
def data(real_check: tuple[Project | None, ProblemList]) -> Dataset:
    project, problems = real_check
    assert project is not None, problems
    return project.data


def duties_of(data: Dataset, unit_id: str) -> UnitDuties:
    return unit_duties(SiteIndex(data), Tracker(data), unit_id)


def keys(duties: list[Duty]) -> list[str]:
    return [d.key for d in duties]


def test_a_ministry_leads_then_coordinates_then_shares_each_task_once(data: Dataset) -> None:
    mofa = duties_of(data, "bo-ngoai-giao")
    assert keys(mofa.leads)[:3] == ["I.2", "I.3", "I.4"]  # the appendix's order
    assert "I.1" in keys(mofa.coordinates)  # led by the Propaganda Commission, with the ministry
    everything = keys(mofa.leads) + keys(mofa.coordinates) + keys(mofa.shared)
    assert len(everything) == len(set(everything))  # I.2's "relevant ministries" does not repeat it
    assert all(d.named == ("bo-ngoai-giao",) and not d.former for d in mofa.leads + mofa.coordinates)
    assert {d.role for d in mofa.leads} == {"lead"} and {d.role for d in mofa.coordinates} == {"partner"}
    shared = {d.key: d for d in mofa.shared}
    assert shared["II.5"].groups == shared["II.5"].open_groups == ("cac-bo-nganh-lien-quan", "cac-co-quan-lien-quan")
    assert [d.section for d in mofa.leads + mofa.coordinates + mofa.shared] == \
        ["leads"] * len(mofa.leads) + ["coordinates"] * len(mofa.coordinates) + ["shared"] * len(mofa.shared)


def test_a_former_bodys_tasks_show_under_its_successor_with_its_name(data: Dataset) -> None:
    most = duties_of(data, "bo-khoa-hoc-va-cong-nghe")
    leads = {d.key: d for d in most.leads}
    assert leads["II.11"].named == leads["II.11"].former == ("bo-thong-tin-va-truyen-thong",)
    report = next(d for d in most.leads if d.deadline is not None)  # MIC compiled the yearly report
    assert report.role == "reports" and report.former == ("bo-thong-tin-va-truyen-thong",) and not report.cells
    home = duties_of(data, "bo-noi-vu")  # the Ministry of Labour, Invalids and Social Affairs' activities
    assert home.leads and all(d.former == ("bo-lao-dong-thuong-binh-va-xa-hoi",) for d in home.leads)
    # the Ministry of Finance's web portal, a body of its own, stands for it too (a partner in
    # activities the ministry leads: shown once, as led)
    assert standing_for(data, data.units["bo-tai-chinh"])[0] == ["bo-tai-chinh", "cong-thong-tin-dien-tu-bo-tai-chinh"]


def test_a_press_agency_leads_the_press_activities_and_shares_those_of_the_press(data: Dataset) -> None:
    vov = duties_of(data, "dai-tieng-noi-viet-nam")
    assert "III.5" in keys(vov.leads) and not vov.coordinates
    shared = {d.key: d for d in vov.shared}
    assert "I.2" in shared and "I.2" not in keys(vov.leads)
    assert "cac-co-quan-bao-chi-trung-uong-va-dia-phuong" in shared["I.2"].groups
    assert "cac-co-quan-bao-chi-trung-uong-va-dia-phuong" not in shared["I.2"].open_groups  # every press agency is one
    radio_tv = "cac-dai-phat-thanh-truyen-hinh-trung-uong-va-dia-phuong"
    assert is_member(data, data.units["dai-tieng-noi-viet-nam"], radio_tv)
    assert not is_member(data, data.units["thong-tan-xa-viet-nam"], radio_tv)  # a news agency, not a broadcaster


def test_a_province_shares_what_the_plan_gives_every_provincial_peoples_committee(data: Dataset) -> None:
    province = duties_of(data, "ha-tinh")
    assert not province.leads and not province.coordinates
    article_4 = next(d for d in province.shared if d.role == "assignee")
    assert "uy-ban-nhan-dan-cac-tinh-thanh-pho-truc-thuoc-trung-uong" in article_4.groups
    assert "uy-ban-nhan-dan-cac-tinh-thanh-pho-truc-thuoc-trung-uong" not in article_4.open_groups
    named = {g for d in province.shared for g in d.groups}
    assert not named & {"cac-bo-nganh-lien-quan", "cac-bo-ban-nganh"}  # not a ministry
    assert "cac-bo-nganh-co-quan-don-vi" in named  # but one of the bodies that report on the plan each year


def test_former_and_unrelated_units_are_members_of_no_group(data: Dataset) -> None:
    for unit_id in ("bo-thong-tin-va-truyen-thong", "soc-trang", "viet-nam"):
        unit = data.units[unit_id]
        assert not any(is_member(data, unit, group) for group in GROUPS), unit_id
    youth = data.units["trung-uong-doan-thanh-nien-cong-san-ho-chi-minh"]
    assert is_member(data, youth, "cac-to-chuc-lien-quan") and not is_member(data, youth, "cac-bo-nganh-lien-quan")


def test_every_group_the_national_plan_names_has_a_rule(data: Dataset) -> None:
    plan = data.plans[NATIONAL]
    named = {a for node, _, _ in plan.nodes() for a in node.agencies}
    named |= {a for node, _, _ in plan.nodes() for d in node.deadlines for a in d.from_agencies}
    for activity in plan.appendix.activities if plan.appendix else []:
        for parties in (activity.lead, activity.partners):
            named |= set(parties.agencies) if parties else set()
    groups = {a for a in named if data.agencies[a].kind == "collective"}
    assert groups - set(GROUPS) == LEFT_OUT
    assert set(GROUPS) <= {a.id for a in data.agencies.values() if a.kind == "collective"}


def test_status_comes_from_the_records_and_only_from_them(data: Dataset) -> None:
    mofa = duties_of(data, "bo-ngoai-giao")
    first = mofa.leads[0]
    assert [c.year for c in first.cells] == [2021, 2022, 2023, 2024, 2025]
    assert {c.status for c in first.cells} == {"not-reported"} and first.reported == 0
    assert all(not y.units for y in central_reports(SiteIndex(data)))  # no record: none reported

    record = ProgressFile.model_validate({
        "plan": NATIONAL, "year": 2023, "reported_by": "bo-khoa-hoc-va-cong-nghe", "updated": "2024-01-15",
        "records": [{"activity": "I.2", "status": "done", "done": {"vi": "Đã xây dựng kế hoạch.", "en": "Plan made."},
                     "reporting_agency": "bo-ngoai-giao", "updated": "2023-12-20"},
                    {"activity": "II.11", "status": "in-progress", "done": {"vi": "Đang làm.", "en": "Under way."},
                     "reporting_agency": "bo-thong-tin-va-truyen-thong", "updated": "2023-12-20"}]})
    with_record = dataclasses.replace(data, progress={**data.progress, (NATIONAL, 2023): record})
    i2 = duties_of(with_record, "bo-ngoai-giao").leads[0]
    assert i2.key == "I.2" and [c.status for c in i2.cells] == ["not-reported"] * 2 + ["done"] + ["not-reported"] * 2
    reports = {y.year: [(u.id, n) for u, n in y.units] for y in central_reports(SiteIndex(with_record))}
    # a record by a former body counts for the unit that carries its tasks today
    assert reports[2023] == [("bo-ngoai-giao", 1), ("bo-khoa-hoc-va-cong-nghe", 1)]
    assert reports[2022] == [] and sorted(reports) == [2021, 2022, 2023, 2024, 2025]


def test_a_central_unit_can_be_the_reporting_agency_of_a_record(data: Dataset) -> None:
    """The progress model names agencies; a central unit's agency has the unit's id, so a
    ministry reports on the national plan's activities it leads in the plan's yearly file."""
    for unit in (u for u in data.units.values() if u.level == "central" and u.current):
        assert unit.id in data.agencies and data.agencies[unit.id].central_unit == unit.id, unit.id


def test_the_module_stays_in_its_layer() -> None:
    text = (ROOT / "site_builder/derive/assignments.py").read_text(encoding="utf-8")
    assert "site_builder.render" not in text and "site_builder.output" not in text
    assert Path(ROOT / "theme/asean/unit-duties.html").exists()


# ── A press agency's built section (issue 36, points 2-5) ─────────────────────────────
@pytest.fixture(scope="module")
def vov(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Voice of Viet Nam's section, built from the real corpus without the search index."""
    from conftest import no_search_index

    from site_builder.apps import build
    from site_builder.apps.build import build_site

    site = tmp_path_factory.mktemp("vov") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build, "index_search", no_search_index)
        build_site(ROOT, site, site_url="https://portal.example.vn/vov/asean/", unit="dai-tieng-noi-viet-nam")
    return site


def part(html: str, start: str, end: str) -> str:
    return html[html.index(start):html.index(end, html.index(start))]


@pytest.mark.site
def test_a_press_agencys_home_page_leads_with_its_duties_then_the_shared_ones(vov: Path) -> None:
    en = (vov / "en/index.html").read_text(encoding="utf-8")
    vi = (vov / "vi/index.html").read_text(encoding="utf-8")
    assert en.index('id="duties"') < en.index('id="duties-leads"') < en.index('id="duties-shared"') < en.index('id="news"')
    leads, shared = part(en, 'id="duties-leads"', 'id="duties-shared"'), part(en, 'id="duties-shared"', 'id="news"')
    assert "III.5</span> Lead and produce programmes and short videos on ASEAN" in leads
    assert "I.2</span>" in shared and "I.2</span>" not in leads
    assert "“Central and local press agencies”</a> (as partner agency), which include this body." in shared
    assert "the plan does not name them, so it applies to this body if it is one of them." in shared
    assert "Voice of Viet Nam in the national plan" in en and "Đài Tiếng nói Việt Nam trong kế hoạch quốc gia" in vi
    assert "Giao chung cho nhiều cơ quan" in vi and "Chủ trì (5)" in vi


@pytest.mark.site
def test_the_units_page_the_agency_page_and_the_national_reports(vov: Path) -> None:
    units = (vov / "en/units/index.html").read_text(encoding="utf-8")
    central = part(units, 'id="central"', 'id="today"')
    assert central.count('class="asean-card"') == 14 and "Press agency" in central and "Voice of Viet Nam" in central
    assert units.index('id="central"') < units.index('id="today"') < units.index('id="former"')
    agency = (vov / "vi/agencies/bo-thong-tin-va-truyen-thong/index.html").read_text(encoding="utf-8")
    assert 'href="../../units/bo-khoa-hoc-va-cong-nghe/"' in agency  # a former body: its successor's section
    national = (vov / "en/units/viet-nam/index.html").read_text(encoding="utf-8")
    reports = part(national, 'id="central-reports"', "</ul>")
    assert reports.count("no ministry or central agency has reported") == 5  # 2021-2025, no record: none


@pytest.mark.browser
def test_a_central_section_passes_axe(browser, vov: Path) -> None:  # type: ignore[no-untyped-def]
    from browser import StaticServer, open_settled
    from test_accessibility import AXE, run_axe

    if not AXE.exists():
        pytest.skip("axe-core not installed (npm ci --prefix tests/node)")
    with StaticServer(vov) as srv:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        for path in ("vi/", "en/", "en/units/", "vi/units/dai-tieng-noi-viet-nam/", "en/units/viet-nam/"):
            open_settled(page, f"{srv.url}{path}")
            assert run_axe(page, AXE.read_text(encoding="utf-8")) == [], path
        context.close()
