"""Editorial content: both languages, dated and sourced, the 11 members, the calendar."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MiniProject

from site_builder.content import check_content
from site_builder.project import check_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def project():  # type: ignore[no-untyped-def]
    project, problems = check_project(ROOT)
    assert not problems.errors and not problems.warnings, "\n".join(p.format() for p in problems.sorted())
    assert project is not None
    return project


def test_every_page_has_its_counterpart_or_is_reported(project) -> None:  # type: ignore[no-untyped-def]
    _, problems = check_project(ROOT)
    reported = {p.file for p in problems.notices}
    for (_lang, _rel), page in project.content.pages.items():
        if project.content.counterpart(page) is None:
            assert page.file in reported


def test_eleven_members_in_both_languages(project) -> None:  # type: ignore[no-untyped-def]
    members = project.content.members
    assert len(members) == 11
    assert {m.iso for m in members} == {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"}
    timor = next(m for m in members if m.iso == "TL")
    assert timor.joined == "2025-10-26"
    for member in members:
        for text in (member.name, member.official_name, member.capital, member.profile, member.relations):
            assert text.vi and text.en
        assert (ROOT / "theme/assets/flags" / f"{member.iso.lower()}.svg").exists()
    assert sum(m.founding for m in members) == 5


def test_news_items_are_dated_and_tagged(project) -> None:  # type: ignore[no-untyped-def]
    for lang in ("vi", "en"):
        news = project.content.news(lang)
        assert len(news) >= 12
        for page in news:
            assert page.meta.date is not None
            assert page.meta.topics, page.file
            assert page.meta.sources, page.file


def test_fact_pages_show_sources_and_a_date(project) -> None:  # type: ignore[no-untyped-def]
    facts = [p for p in project.content.pages.values() if p.meta.kind in ("fact", "tourism")]
    assert len(facts) >= 2 * 12
    for page in facts:
        assert page.meta.sources and page.meta.updated, page.file


def test_calendar_data_has_asean_day_and_week(project) -> None:  # type: ignore[no-untyped-def]
    yearly = {(e.month, e.day, e.end_month, e.end_day) for e in project.content.events if e.recurrence == "yearly"}
    assert (8, 8, None, None) in yearly
    assert (7, 28, 8, 8) in yearly


def test_tourism_page_for_every_unit_with_a_plan(project) -> None:  # type: ignore[no-untyped-def]
    units = {p.meta.unit for p in project.content.in_lang("vi") if p.meta.kind == "tourism"}
    assert units >= {"dong-thap-cu", "soc-trang", "binh-phuoc", "dong-son"}


def test_documents_link_to_the_plans_we_hold(project) -> None:  # type: ignore[no-untyped-def]
    docs = {d.number: d for d in project.content.documents if d.number}
    assert docs["1160/QĐ-TTg"].date == "2021-07-13"
    assert docs["01/QĐ-BCĐASEAN"].plan == "bcd-asean-2021-2025"


# ── front matter errors, located ───────────────────────────────────────────────────
def write_pair(mini: MiniProject, rel: str, vi: str, en: str | None) -> None:
    mini.write(f"content/vi/{rel}", vi)
    if en is not None:
        mini.write(f"content/en/{rel}", en)


def messages(mini: MiniProject) -> list[str]:
    _, problems = check_content(mini.root, {"viet-nam", "soc-trang"}, {"soc-trang-2022"})
    return [p.format() for p in problems.sorted() if "content/data" not in p.file]


def test_news_without_date_or_sources(mini: MiniProject) -> None:
    page = "---\ntitle: Tin\ndescription: Mô tả\nkind: news\ntopics: [economic]\n---\n\n# Tin\n"
    write_pair(mini, "news/tin.md", page, page)
    assert messages(mini)[0] == (
        "content/en/news/tin.md:2:1: trang loại 'news' cần ít nhất một nguồn (sources)\n"
        "    a 'news' page needs at least one source (sources)"
    )


def test_missing_translation_is_a_notice(mini: MiniProject) -> None:
    write_pair(mini, "gioi-thieu.md", "---\ntitle: Giới thiệu\ndescription: Trang giới thiệu\n---\n\n# Giới thiệu\n", None)
    assert messages(mini) == [
        "content/vi/gioi-thieu.md: lưu ý / note: chưa có bản tiếng Anh (content/en/gioi-thieu.md)\n"
        "    no English version yet (content/en/gioi-thieu.md)"
    ]


def test_front_matter_errors_point_at_the_line(mini: MiniProject) -> None:
    page = (
        "---\ntitle: Tin\ndescription: Mô tả\nkind: news\ndate: 2021-02-30\ntopics: [economy]\n"
        "sources:\n  - title: Nguồn\n    url: http://example.org/\n---\n\n# Tin\n"
    )
    write_pair(mini, "news/tin.md", page, page.replace("Tin", "News"))
    got = [m for m in messages(mini) if m.startswith("content/vi/")]
    assert got == [
        "content/vi/news/tin.md:5:7: date: ngày '2021-02-30' không tồn tại\n"
        "    the date '2021-02-30' does not exist",
        "content/vi/news/tin.md:6:10: topics[0]: cần một trong: 'political-security', 'economic', 'socio-cultural', "
        "'covid-19', 'tourism', 'identity', 'connectivity'; nhận được 'economy' (có phải 'economic'?)\n"
        "    expected one of: 'political-security', 'economic', 'socio-cultural', 'covid-19', 'tourism', "
        "'identity', 'connectivity'; found 'economy' (did you mean 'economic'?)",
        "content/vi/news/tin.md:9:10: sources[0].url: cần một địa chỉ https:// đầy đủ (vd. https://asean.org/); "
        "nhận được 'http://example.org/'\n"
        "    expected a full https:// address (e.g. https://asean.org/); found 'http://example.org/'",
    ]


def test_page_without_front_matter(mini: MiniProject) -> None:
    write_pair(mini, "x.md", "# Chỉ có tiêu đề\n", "---\ntitle: X\ndescription: Y\n---\n# X\n")
    assert messages(mini)[0] == (
        "content/vi/x.md:1:1: trang cần phần đầu (front matter) giữa hai dòng '---' với title và description\n"
        "    the page needs front matter between two '---' lines, with title and description"
    )
