"""site_builder/render/view.py: what templates may still ask, and the reads it records, on the rich
mini project."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MiniProject, make_rich

from site_builder.derive.project import Project, load_project
from site_builder.model import Text
from site_builder.render.view import SiteView


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return load_project(make_rich(MiniProject(tmp_path_factory.mktemp("view") / "project")).root)


def test_the_template_api_is_text_date_and_address_helpers_and_id_lookups() -> None:
    public = {name for name in vars(SiteView) if not name.startswith("_")}
    assert public == {"content", "content_page", "newsroom", "source_links", "picture", "social_card", "tx",
                      "status_name", "plain", "date", "number", "population", "day_month", "in_sentence", "agency",
                      "unit", "topic", "citation", "tag_name", "search_context", "search_attributes", "ROW_WEIGHT",
                      "percent", "photo_credit", "term", "terms"}


def test_texts_dates_and_numbers_in_the_readers_language(project: Project) -> None:
    vi, en = SiteView(project, "vi"), SiteView(project, "en")
    only_vi = Text(vi="Tỉnh Sóc Trăng", en=None)
    assert str(en.tx(only_vi)) == '<span lang="vi">Tỉnh Sóc Trăng</span>'
    assert str(vi.in_sentence(only_vi)) == "tỉnh Sóc Trăng" and str(en.in_sentence(Text(vi="x", en="A & B"))) == "A &amp; B"
    assert (vi.number(5769), en.number(5769), vi.number(692.7)) == ("5.769", "5,769", "692,7")
    assert (en.status_name("not-reported"), en.plain(None), str(en.tx(None))) == ("Not reported", "", "")


def test_ids_in_the_data_stand_for_their_records(project: Project) -> None:
    view = SiteView(project, "en")
    assert view.plain(view.agency("soc-trang-uy-ban-nhan-dan-tinh").name) == "Sóc Trăng Provincial People's Committee"
    assert (view.unit("soc-trang").current, view.topic("economic").abbr) == (False, "AEC")
    assert (view.tag_name("hop-tac"), view.tag_name("none")) == ("Cooperation", "none")
    assert view.reads == set()


def test_content_is_served_with_what_the_page_read(project: Project) -> None:
    view = SiteView(project, "en")
    assert view.content_page("news/tin-kinh-te.md").meta.title == "Economic news"
    assert view.content_page("nowhere.md") is None
    assert view.reads == {"page:en/news/tin-kinh-te.md", "page:en/nowhere.md"}
    view.reads = set()
    assert len(view.newsroom.news) == 2 and view.reads == {"listing:en"}
    view.reads = set()
    assert view.picture("news/tin-kinh-te.md", "news/tin-kinh-te/") is None  # no photo
    assert view.reads == {"page:en/news/tin-kinh-te.md"}


def test_edit_and_view_links_of_the_file_behind_a_page(project: Project) -> None:
    view = SiteView(project, "en")
    repo = {"url": "https://git.example.org/asean/", "branch": "live"}
    assert view.source_links(repo, "plans/units.yaml") == (
        "https://git.example.org/asean/edit/live/plans/units.yaml", "https://git.example.org/asean/blob/live/plans/units.yaml")
    assert view.source_links(None, "plans/units.yaml") is None and view.source_links(repo, None) is None


def test_search_attributes_name_the_page_and_keep_a_row_below_titles(project: Project) -> None:
    """What a search result shows under its title, and how Pagefind weighs the page: an
    activity names its plan and unit, has no headline (its title is a plan's row) and a low
    weight; other pages carry their title as the headline the search page boosts."""
    from site_builder.derive.kinds import ActivityPage, PlanPage

    vi, en = SiteView(project, "vi"), SiteView(project, "en")
    plan = project.data.plans["soc-trang-2022"]
    activity = ActivityPage(url="x/", title="x", plan=plan, appendix=plan.appendix, activity=plan.appendix.activities[0])
    assert str(vi.search_attributes("I.1 · Họp báo", activity)) == (
        ' data-pagefind-meta="context[data-context]"'
        ' data-context="Hoạt động I.1 · Kế hoạch năm 2022 · Tỉnh Sóc Trăng" data-pagefind-weight="0.5"')
    assert en.search_context(activity) == "Activity I.1 · 2022 plan · Sóc Trăng Province"
    assert en.search_context(PlanPage(url="x/", title="x", plan=plan)) == (
        "Plan · Sóc Trăng Provincial People's Committee · April 2022")
    news = str(en.search_attributes('A "quoted" & title', None, {"kind": "news", "date": "2024-08-08"}))
    assert news == (' data-pagefind-meta="headline[data-headline], context[data-context]"'
                    ' data-headline="A &#34;quoted&#34; &amp; title" data-context="News · 8 August 2024"')
    page = str(vi.search_attributes("Văn hóa", None, {}))
    assert page == ' data-pagefind-meta="headline[data-headline]" data-headline="Văn hóa"'


def test_shares_in_the_readers_format(project: Project) -> None:
    """"46,7 %" with a decimal comma (and a space the line never breaks at) in Vietnamese,
    "46.7%" in English; whole shares without decimals."""
    vi, en = SiteView(project, "vi"), SiteView(project, "en")
    assert (vi.percent(46.7), en.percent(46.7)) == ("46,7\u00a0%", "46.7%")
    assert (vi.percent(100), en.percent(0), vi.percent(63.25)) == ("100\u00a0%", "0%", "63,2\u00a0%")


@pytest.mark.site
def test_no_page_writes_a_number_in_the_other_languages_format(built_site: Path) -> None:
    """Every share and figure the site formats: no "46.7 %" on a Vietnamese page, no "46,7 %"
    or "70 %" on an English one; the shares of the implementation records (the examples a
    non-strict build shows) as each language writes them."""
    import re

    def text(page: Path) -> str:
        html = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
        return re.sub(r"<[^>]+>", " ", html)

    wrong = {"vi": re.compile(r"(?<![\w.])\d+\.\d+\s?%"), "en": re.compile(r"\d+,\d+\s?%|\d\s%")}
    found = [f"{page.relative_to(built_site)}: {m.group(0)}" for lang, pattern in wrong.items()
             for page in sorted((built_site / lang).rglob("*.html")) for m in pattern.finditer(text(page))]
    assert found == []
    agency = Path("agencies") / "dong-thap-cong-thong-tin-dien-tu" / "index.html"
    shares = {lang: re.findall(r"\d+(?:[.,]\d)?\s?%", text(built_site / lang / agency)) for lang in ("vi", "en")}
    assert shares["vi"] and all(s.endswith("\u00a0%") for s in shares["vi"]), shares
    assert shares["en"] and all(s[-2].isdigit() for s in shares["en"]), shares
