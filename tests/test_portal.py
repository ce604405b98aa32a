"""site_builder/render/portal.py: which page gets which context, and notes in the reader's language."""

from __future__ import annotations

from types import SimpleNamespace as NS

from site_builder.render.portal import Portal


def test_each_page_kind_gets_its_context_and_every_page_the_chart_helper() -> None:
    from site_builder.derive.kinds import MembersIndex, NewsList
    from site_builder.render.contexts import kind_context, page_context

    view = NS(lang="en", project=NS(newsroom=lambda lang: NS(page_at=lambda url: None), content=NS(pages={}, members=None)))
    portal = Portal(view)  # type: ignore[arg-type]
    assert page_context(portal, None, None, None)["portal"] is portal
    assert page_context(portal, MembersIndex(url="members/", title="x"), None, {})["portal"] is portal
    assert "front" not in kind_context(MembersIndex(url="members/", title="x"), portal)
    assert "front" not in kind_context(NewsList(url="news/", title="x"), NS(view=NS(newsroom=None)))  # type: ignore[arg-type]


def test_source_notes_are_introduced_in_the_readers_language() -> None:
    quirk = NS(field="number", note=NS(vi="…", en="…"))
    assert Portal(NS(lang="vi")).notes([quirk])[0].part == "Số văn bản"
    assert Portal(NS(lang="en")).notes([quirk])[0].part == "Number of the document"


def test_a_dashboard_is_drawn_with_a_title_for_what_its_tasks_are() -> None:
    from site_builder.derive.tracker import Summary

    dashboard = NS(name="progress-x", noun="assignments", summaries=[Summary(2023, total=2, not_reported=2)])
    chart = Portal(NS(lang="en", number=lambda v: f"{v:g}")).dashboard_chart(dashboard)
    assert chart.id == "chart-progress-x"
    assert chart.title == "Implementation by year: assignments by reported status"
