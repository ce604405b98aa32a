"""site_builder/render/contexts.py: what each kind of page shows, on the rich mini project, and
what each context read of the content pages (the incremental build's record)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest
from conftest import PROGRESS, QUIZ, MiniProject, make_rich

from site_builder.core.vocabulary import TOPIC_BY_ID
from site_builder.derive.kinds import HOME, ActivityPage, NewsList, PageSpec, SearchPage
from site_builder.derive.project import Project, load_project
from site_builder.render import contexts
from site_builder.render.frontpage import home_unit
from site_builder.render.portal import Portal
from site_builder.render.view import SiteView

KINDS = {cls.KIND: cls for cls in get_args(PageSpec)}

SECOND = QUIZ.split("questions:\n", 1)[1].replace("ke-hoach", "ngay").replace("plans/", "asean/economic/")
"""The same question again, citing the economic pillar's page."""
HUB = ("---\ntitle: The economic pillar\ndescription: What the AEC is.\nkind: fact\ntopics: [economic]\n"
       "updated: 2025-01-01\nsources:\n  - {title: ASEAN, publisher: ASEAN Secretariat}\n---\n\n# Economic\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The rich mini project, with a year of records, a quiz and the economic pillar's page."""
    mini = make_rich(MiniProject(tmp_path_factory.mktemp("contexts") / "project"))
    mini.write("plans/progress/soc-trang-2022-2022.yaml", PROGRESS)
    mini.write("content/data/quiz.yaml", QUIZ + SECOND)
    for lang in ("vi", "en"):
        mini.write(f"content/{lang}/asean/economic.md", HUB)
    return load_project(mini.root)


def context(project: Project, kind: str, build_unit: str | None = None, **records: Any) -> tuple[dict[str, Any], set[str]]:
    """The context of a page of ``kind`` in English (without the portal every page gets),
    and what it read."""
    view = SiteView(project, "en", build_unit)
    cls = KINDS[kind]
    if cls is ActivityPage:
        records["appendix"] = records["plan"].appendix
    found = contexts.page_context(Portal(view, "Site & Co"), cls(url="x/", title="x", **records), None, None)
    portal = found.pop("portal")
    assert isinstance(portal, Portal) and portal.view is view
    return found, view.reads


def page_context(view: SiteView, src_uri: str | None, meta: dict[str, Any] | None) -> dict[str, Any]:
    """The context of a hand-written page (no kind)."""
    return contexts.page_context(Portal(view), None, src_uri, meta)


def ids(items: list[Any]) -> list[str]:
    return [item.id for item in items]


def test_a_plan_page_gets_the_unit_of_today_and_the_plans_carrying_it_out(project: Project) -> None:
    plan = project.data.plans["soc-trang-2022"]
    found, reads = context(project, "plan", plan=plan)
    assert found["issuer_now"].id == "can-tho"
    assert ids(found["children"]) == ["my-xuyen-2022"]
    assert "full_text" not in found  # the original text is a page of its own
    assert found.pop("plan_summary").tasks == 2  # the portal's summary, folded in
    assert (found["listing"], found["related_news"], reads) == (None, [], set())


def test_a_plans_text_page_gets_its_full_text_with_anchors(project: Project) -> None:
    plan = project.data.plans["soc-trang-2022"]
    found, reads = context(project, "plan-text", plan=plan)
    assert found["issuer_now"].id == "can-tho"
    assert [(b.anchor, [c.anchor for c in b.items]) for b in found["full_text"]] == [
        ("s-1", ["s-1-1"]), ("s-2", ["s-2-1", "s-2-2"])]
    assert [b.history for b in found["full_text"][1].items] == [None, None]  # tracked by its activities
    assert reads == set()


def test_a_plan_summary_groups_its_activities_with_their_status_by_year(project: Project) -> None:
    from site_builder.render.planpage import summary

    view = SiteView(project, "en")
    s = summary(project.data.plans["soc-trang-2022"], view, view.gettext)
    assert (s.tasks, s.noun, s.years, s.example) == (2, "activities", [2022], True)
    assert s.progress is not None and s.progress.example == "Example data"
    assert [(g.anchor, [(c.key, c.url, [cell.status for cell in c.cells]) for c in g.cards]) for g in s.groups] == [
        ("group-i", [("I.1", "plans/soc-trang-2022/activities/i-1/", ["in-progress"]),
                     ("I.2", "plans/soc-trang-2022/activities/i-2/", ["not-reported"])])]


def test_a_plan_tracked_by_its_assignments_shows_each_ones_history_in_its_full_text(project: Project) -> None:
    from site_builder.render.planpage import summary

    plan = project.data.plans["my-xuyen-2022"]
    found, _ = context(project, "plan-text", plan=plan)
    assignment = found["full_text"][1].items[0]
    assert assignment.node.kind == "assignment"
    assert [(c.year, c.record) for c in assignment.history.cells] == [(2022, None)]
    assert found["issuer_now"] is None
    view = SiteView(project, "en")
    s = summary(plan, view, view.gettext)
    # No record yet: no chart and no status cells, one sentence on the page instead.
    assert (s.noun, s.progress, s.years) == ("assignments", None, [])
    assert [c.url for g in s.groups for c in g.cards] == [f"plans/my-xuyen-2022/text/#{assignment.anchor}"]


def test_an_activity_page_gets_its_group_neighbours_years_and_history(project: Project) -> None:
    plan = project.data.plans["soc-trang-2022"]
    first, second = plan.appendix.activities
    found, _ = context(project, "activity", plan=plan, activity=first)
    assert (found["group"].id, found["previous"], found["next"].id, found["timeline_years"]) == ("I", None, "I.2", "2022")
    assert [(c.year, c.record.status, c.progress) for c in found["history"].cells] == [(2022, "in-progress", 40.0)]
    assert found["history"].unreported == []
    found, _ = context(project, "activity", plan=plan, activity=second)
    assert (found["previous"].id, found["next"]) == ("I.1", None)
    assert [c.record for c in found["history"].cells] == [None] and found["history"].unreported == [2022]


def test_the_years_of_a_timeline() -> None:
    from types import SimpleNamespace as NS

    assert contexts.timeline_years(NS(timeline=NS(start=2021, end=2025))) == "2021–2025"
    assert contexts.timeline_years(NS(timeline=NS(start=2022, end=2022))) == "2022"
    assert contexts.timeline_years(NS(timeline=NS(start=None, end=None))) == ""


def test_an_agency_page_gets_its_tasks_across_plans_and_its_involvements(project: Project) -> None:
    agency = project.data.agencies["soc-trang-so-thong-tin-va-truyen-thong"]
    found, _ = context(project, "agency", agency=agency)
    dash = found["implementation"]
    assert (dash.name, dash.noun, dash.total, dash.show_agencies) == ("progress-agency", "tasks", 3, True)
    assert [(plan.id, [row.task.key for row in rows]) for plan, rows in dash.rows] == [
        ("soc-trang-2022", ["I.1", "I.2"]), ("my-xuyen-2022", ["II.1"])]
    assert dash.rows[1][1][0].url == "plans/my-xuyen-2022/text/#s-2-1"
    assert [(x.plan.id, x.role) for x in found["involvements"]] == [
        ("soc-trang-2022", "reports"), ("soc-trang-2022", "assignee"), ("soc-trang-2022", "lead"),
        ("soc-trang-2022", "lead"), ("my-xuyen-2022", "assignee")]
    assert {role: len(items) for role, items in found["involvements_by_role"].items()} == {
        "reports": 1, "assignee": 2, "lead": 2}
    found, _ = context(project, "agency", agency=project.data.agencies["my-xuyen-uy-ban-nhan-dan-huyen"])
    assert found["implementation"] is None


def test_the_agencies_page_lists_them_by_unit_with_their_mentions(project: Project) -> None:
    found, _ = context(project, "agencies")
    assert [(unit.id, [(a.id, n) for a, n in agencies]) for unit, agencies in found["agencies_by_unit"]] == [
        ("soc-trang", [("soc-trang-so-thong-tin-va-truyen-thong", 5), ("soc-trang-uy-ban-nhan-dan-tinh", 3)]),
        ("my-xuyen", [("my-xuyen-uy-ban-nhan-dan-huyen", 1)])]


def test_a_unit_page_gets_the_plans_it_carries_their_dashboards_local_pages_and_units_below(project: Project) -> None:
    found, reads = context(project, "unit", unit=project.data.units["soc-trang"])
    assert [(unit.id, ids(plans)) for unit, plans in found["plan_groups"]] == [
        ("soc-trang", ["soc-trang-2022"]), ("my-xuyen", ["my-xuyen-2022"])]
    assert ids(found["own_plans"]) == ["soc-trang-2022"] and found["national_plans"] == []
    assert [(plan.id, dash.name) for plan, dash in found["implementation"]] == [
        ("soc-trang-2022", "progress-soc-trang-2022"), ("my-xuyen-2022", "progress-my-xuyen-2022")]
    assert [p.rel for p in found["local_pages"]] == ["news/tin-soc-trang.md"]
    assert ids(found["units_below"]) == ["my-xuyen"]
    assert reads == {"listing:en"}  # the local pages: a list of every page's front matter
    found, _ = context(project, "unit", unit=project.data.units["can-tho"])
    assert found["own_plans"] == [] and [u.id for u, _ in found["plan_groups"]] == ["soc-trang", "my-xuyen"]


def test_the_units_page_shows_the_national_level_the_units_of_today_and_the_former_ones(project: Project) -> None:
    found, reads = context(project, "units")
    cards = {key: [(c.unit.id, c.plans, c.now.id if c.now else None) for c in found[key]]
             for key in ("national_units", "today", "former_units")}
    assert cards == {"national_units": [("viet-nam", 0, None)], "today": [("can-tho", 2, None)],
                     "former_units": [("soc-trang", 2, "can-tho")]}
    assert found["cities"] == 0
    assert reads == set()


def test_the_plans_page_gets_the_plans_by_level_and_the_chain_of_legal_basis(project: Project) -> None:
    found, _ = context(project, "plans")
    assert found["home_groups"] == []
    assert [(level, ids(plans)) for level, plans in found["by_level"]] == [
        ("province", ["soc-trang-2022"]), ("district", ["my-xuyen-2022"])]
    assert [(plan.id, [(ref.number, parent.id if parent else None) for ref, parent in refs])
            for plan, refs in found["chain"]] == [
        ("soc-trang-2022", [("152/KH-UBND", None)]), ("my-xuyen-2022", [(None, "soc-trang-2022")])]
    found, _ = context(project, "plans", build_unit="can-tho")
    assert [unit.id for unit, _ in found["home_groups"]] == ["soc-trang", "my-xuyen"]


def test_the_calendar_lists_events_in_calendar_order_and_every_deadline(project: Project) -> None:
    found, _ = context(project, "calendar")
    assert ids(found["events"]) == ["ngay-asean", "hoi-nghi"]
    assert [(plan.id, placed.anchor, d.recurrence) for plan, placed, d in found["deadlines"]] == [
        ("soc-trang-2022", "s-2-1", "yearly"), ("soc-trang-2022", "s-2-1", "once"),
        ("soc-trang-2022", "s-2-1", "on-request")]
    widget, _ = context(project, "embed-events")
    assert widget == found


def test_a_document_is_cited_by_number_or_by_plan() -> None:
    from types import SimpleNamespace as NS

    assert contexts.cites(NS(number="152/KH-UBND", plan=None), NS(number="152/KH-UBND", plan=None))
    assert contexts.cites(NS(number=None, plan="p"), NS(number=None, plan="p"))
    assert not contexts.cites(NS(number=None, plan=None), NS(number=None, plan=None))


def test_a_pillar_page_gets_its_view_across_plans_its_pages_and_its_news(project: Project) -> None:
    found, reads = context(project, "pillar", topic=TOPIC_BY_ID["economic"])
    assert [(plan.id, [p.anchor for p in placed]) for plan, placed in found["topic_view"].themes] == [
        ("soc-trang-2022", ["s-1"])]
    assert [p.rel for p in found["pages_about"]] == ["asean/economic.md"]
    assert [p.rel for p in found["news"]] == ["news/tin-kinh-te.md"]
    assert reads == {"listing:en"}
    widget, reads = context(project, "embed-pillar", topic=TOPIC_BY_ID["economic"])
    assert widget["hub"].meta.title == "The economic pillar"
    assert reads == {"page:en/asean/economic.md"}  # its hub page only
    found, _ = context(project, "pillars")
    assert [(tp.id, len(v.themes), v.activity_count) for tp, v in found["topic_views"]][:2] == [
        ("political-security", 0, 0), ("economic", 1, 0)]


def test_news_lists_read_the_newsroom_and_an_article_gets_its_related_news(project: Project) -> None:
    found, reads = context(project, "news-archive")
    assert found["newsroom"] is project.newsroom("en") and reads == {"listing:en"}
    found, _ = context(project, "embed-news")
    assert [p.rel for p in found["news"]] == ["news/tin-soc-trang.md", "news/tin-kinh-te.md"]
    view = SiteView(project, "en")
    found = page_context(view, "news/tin-kinh-te.md", {"title": "Economic news"})
    assert [p.rel for p in found["related_news"]] == ["news/tin-soc-trang.md"]  # the same tag
    assert found["listing"] is None and view.reads == {"listing:en"}
    about = page_context(view, "news/tin-soc-trang.md", {"unit": "soc-trang"})
    assert about["unit_now"].id == "can-tho"  # the page is about a former province
    view = SiteView(project, "en")
    found = contexts.page_context(Portal(view), NewsList(url="news/", title="News"), "news/index.md", {"title": "News"})
    assert (found["listing"].number, found["listing"].total) == (1, 2)


def test_quiz_pages_get_their_questions_and_the_titles_of_the_pages_they_cite(project: Project) -> None:
    found, reads = context(project, "quiz", quiz="history")
    assert ids(found["questions"]) == ["ke-hoach", "ngay"]
    assert found["source_titles"] == {"plans/": "Plans", "asean/economic/": "The economic pillar"}
    assert reads == {"listing:en"}  # a cited page's title may change
    assert context(project, "quiz", quiz="economic")[0]["questions"] == []
    assert ids(context(project, "embed-quiz")[0]["questions"]) == ["ke-hoach", "ngay"]
    found, _ = context(project, "quiz-index")
    assert found["quiz_topics"] == [("history", "History of ASEAN", 2), ("mixed", "Mixed quiz: 10 random questions", 10)]


def test_the_embed_page_gets_every_widget_with_its_codes_and_the_policy_to_ask_for(project: Project) -> None:
    found, _ = context(project, "embed-index")
    assert list(found["codes"]) == [w.url for w in found["widgets"]]
    assert found["example"] is found["widgets"][0]  # no member states: the first widget
    frame, card = found["codes"]["embed/news/"]
    assert "<iframe" in frame and "/embed.js" in frame
    assert card.endswith(">Read it on Site &amp; Co</a></p>")  # escaped once, as HTML to copy
    assert set(found["csp"]) == {"frame-src", "script-src"}
    kinds = [w.spec.kind for w in context(project, "embed-index", build_unit="can-tho")[0]["widgets"]]
    assert kinds[:2] == ["embed-activities", "embed-progress"]  # the unit's own plans first


def test_the_home_page_of_a_units_section_gets_its_plans_and_local_pages(project: Project) -> None:
    view = SiteView(project, "en", "can-tho")
    home = home_unit(view)
    assert home is not None
    assert (home.unit.id, home.now, home.own_plans, home.national_plans) == ("can-tho", None, [], [])
    assert [(u.id, ids(plans)) for u, plans in home.plan_groups] == [
        ("soc-trang", ["soc-trang-2022"]), ("my-xuyen", ["my-xuyen-2022"])]
    assert [p.rel for p in home.local_pages] == ["news/tin-soc-trang.md"] and view.reads == {"listing:en"}
    assert not home.has_tourism
    view = SiteView(project, "en")
    assert home_unit(view) is None
    assert view.reads == set()
    # The home page is a kind of its own, recognised by its source path, not its front matter.
    portal = Portal(SiteView(project, "en", "can-tho"))
    found = contexts.page_context(portal, HOME, "index.md", {})
    assert found["home_unit"].unit.id == "can-tho" and found["front"] is portal.front
    assert "home_unit" not in contexts.page_context(portal, None, "about.md", {"template": "asean/home.html"})


def test_the_translation_status_reads_the_texts_of_both_languages(project: Project) -> None:
    found, reads = context(project, "translations")
    assert {g.kind for g in found["gaps"]} == {"outdated"}
    assert found["gaps_by_kind"] == {"outdated": found["gaps"]}
    assert reads == {"listing:en", "listing:vi", "texts:en", "texts:vi"}


def test_the_members_page_gets_the_members_and_their_map_and_other_pages_nothing_more(project: Project) -> None:
    common = {"listing": None, "related_news": [], "unit_now": None, "editors_page": False}
    assert context(project, "members")[0] == {**common, "members": [], "member_tiles": []}
    assert context(project, "search")[0] == common
    portal = Portal(SiteView(project, "en"))
    assert contexts.page_context(portal, None, None, None) == {**common, "portal": portal}
    assert contexts.page_context(portal, SearchPage(url="search/", title="Search"), None, None) == {**common, "portal": portal}


def test_the_editors_pages_are_marked_to_stay_out_of_the_search_index(project: Project) -> None:
    view = SiteView(project, "en")
    assert page_context(view, "guide/index.md", {})["editors_page"] is True
    assert page_context(view, "guide/cms.md", {})["editors_page"] is True
    assert page_context(view, "translations/index.md", {})["editors_page"] is True
    assert page_context(view, "news/guide.md", {})["editors_page"] is False


def test_the_progress_and_activities_widgets_get_their_figures(project: Project) -> None:
    plan = project.data.plans["soc-trang-2022"]
    found = context(project, "embed-progress", plan=plan)[0]
    summaries = found["summaries"]
    assert found["progress_chart"].id == "soc-trang-2022-progress"  # the portal's chart, folded in
    assert [(s.year, s.counts["in-progress"], s.not_reported, s.progress) for s in summaries] == [(2022, 1, 1, 40.0)]
    assert ids(context(project, "embed-activities", plan=plan)[0]["lead_agencies"]) == [
        "soc-trang-so-thong-tin-va-truyen-thong"]


def test_every_kind_with_a_context_is_one_the_generated_pages_have(project: Project, tmp_path: Path) -> None:
    kinds = {type(spec) for spec in project.pages("en")} | {type(HOME)}
    registered = set(contexts.kind_context.registry) - {object}
    assert all(any(issubclass(kind, cls) for kind in kinds) for cls in registered)
    assert all(isinstance(spec, get_args(PageSpec)) for spec in project.pages("en"))  # a closed set
