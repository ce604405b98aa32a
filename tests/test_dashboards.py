"""site_builder/derive/dashboards.py: implementation arranged as pages lay it out, on stub tasks."""

from __future__ import annotations

from types import SimpleNamespace as NS

from site_builder.derive.dashboards import agency_dashboard, dashboard, node_history, noun, task_url


def plan(**more: object) -> NS:
    base: dict[str, object] = dict(id="p", tracks_assignments=True, period=NS(start=2022, end=2023))
    base.update(more)
    return NS(**base)


def tracker(tasks: list[NS]) -> NS:
    return NS(tasks=lambda p: tasks, summarize=lambda year, groups: f"summary {year}",
              cells=lambda task, years: [f"{task.key} {y}" for y in years], task=lambda p, key: None,
              agency_tasks=lambda plans, agency: [])


def test_the_tasks_are_named_for_what_they_are() -> None:
    assert noun([True, True]) == "assignments"
    assert noun([False]) == "activities"
    assert noun([True, False]) == "tasks"


def test_an_activity_links_to_its_page_and_an_assignment_to_its_place_in_the_full_text() -> None:
    activity = NS(plan=plan(), activity=NS(slug="i-1"), anchor="")
    assignment = NS(plan=plan(), activity=None, anchor="s-4-7")
    assert task_url(activity) == "plans/p/activities/i-1/"
    assert task_url(assignment) == "plans/p/text/#s-4-7"


def test_a_row_says_whether_its_progress_includes_the_assignments_below_it() -> None:
    p = plan()
    parent = NS(plan=p, key="IV.7", parent=None, activity=None, anchor="s-4-7")
    child = NS(plan=p, key="IV.7.c", parent="IV.7", activity=None, anchor="s-4-7-3")
    found = dashboard(tracker([parent, child]), "progress-p", [(p, [parent, child])], show_agencies=False)
    assert (found.years, found.summaries, found.noun, found.total) == ([2022, 2023], ["summary 2022", "summary 2023"],
                                                                      "assignments", 2)
    assert [(row.task.key, row.cells, row.url, row.nests) for row in found.rows[0][1]] == [
        ("IV.7", ["IV.7 2022", "IV.7 2023"], "plans/p/text/#s-4-7", True),
        ("IV.7.c", ["IV.7.c 2022", "IV.7.c 2023"], "plans/p/text/#s-4-7-3", False),
    ]


def test_an_agency_without_tasks_has_no_dashboard_and_a_heading_no_history() -> None:
    assert agency_dashboard(tracker([]), [plan()], "a") is None
    assert node_history(tracker([]), plan(), NS(kind="purposes")) is None
    assert node_history(tracker([]), plan(tracks_assignments=False), NS(kind="assignment")) is None
