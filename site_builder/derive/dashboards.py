"""Implementation as pages show it: dashboards of tasks by year, a task's history.

The tracker (:mod:`.tracker`) knows the records; this arranges them the way a plan,
agency or unit page and the progress widget lay them out, so that templates only loop
over what is here (each task row carries its address and whether its progress counts
the assignments below it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from site_builder.core import urls
from site_builder.derive.tracker import Cell, Summary, Task, Tracker, plan_years, years_of
from site_builder.model import Node, Plan


class TaskRow(NamedTuple):
    """One task of a dashboard: the task, its cells by year, its page and whether its
    progress includes the assignments nested in it."""

    task: Task
    cells: list[Cell]
    url: str
    nests: bool


@dataclass(frozen=True)
class Dashboard:
    """Implementation of some tasks by year: counts per year, and each task's status per year."""

    name: str
    """Names the filter form and the tables it filters (``data-asean-filter``)."""
    years: list[int]
    summaries: list[Summary]
    rows: list[tuple[Plan, list[TaskRow]]]
    """Per plan: its tasks."""
    show_agencies: bool
    """Whether the table names each task's agencies (on agency pages, where co-leads matter;
    a plan page already shows them in its activity table and full text)."""
    noun: str
    """What the tasks are, for captions: ``activities``, ``assignments`` (plans without an
    appendix) or ``tasks`` (an agency with both)."""

    @property
    def total(self) -> int:
        """How many tasks the dashboard lists."""
        return sum(len(tasks) for _, tasks in self.rows)


def noun(by_assignment: list[bool]) -> str:
    """What a set of plans' tasks are called: all assignments, all activities, or a mix."""
    if all(by_assignment):
        return "assignments"
    return "tasks" if any(by_assignment) else "activities"


def task_url(task: Task) -> str:
    """An activity's own page, or an assignment's place in its plan's original text."""
    if task.activity is not None:
        return urls.activity(task.plan.id, task.activity.slug)
    return urls.plan_node(task.plan.id, task.anchor)


def dashboard(tracker: Tracker, name: str, groups: list[tuple[Plan, list[Task]]], show_agencies: bool) -> Dashboard:
    """The dashboard of some tasks grouped by plan, over every year of their plans."""
    years = years_of(groups)
    parents = {(plan.id, t.parent) for plan, _ in groups for t in tracker.tasks(plan) if t.parent}
    return Dashboard(
        name=name,
        years=years,
        summaries=[tracker.summarize(year, groups) for year in years],
        rows=[(plan, [TaskRow(task, tracker.cells(task, years), task_url(task), (plan.id, task.key) in parents)
                      for task in tasks]) for plan, tasks in groups],
        show_agencies=show_agencies,
        noun=noun([plan.tracks_assignments for plan, _ in groups]),
    )


def plan_dashboard(tracker: Tracker, plan: Plan) -> Dashboard:
    """A plan's tasks by year (its page and its unit's page)."""
    return dashboard(tracker, f"progress-{plan.id}", [(plan, tracker.tasks(plan))], show_agencies=False)


def agency_dashboard(tracker: Tracker, plans: list[Plan], agency_id: str) -> Dashboard | None:
    """The tasks an agency leads or is assigned, across plans; ``None`` when it has none."""
    groups = tracker.agency_tasks(plans, agency_id)
    return dashboard(tracker, "progress-agency", groups, show_agencies=True) if groups else None


def progress_summaries(tracker: Tracker, plan: Plan) -> list[Summary]:
    """A plan's counts and progress for each year of its period."""
    return [tracker.summary(plan, year) for year in plan_years(plan)]


@dataclass(frozen=True)
class History:
    """A task's record and progress for each year of its plan."""

    cells: list[Cell]

    @property
    def unreported(self) -> list[int]:
        """The years without a record (listed together as "not reported")."""
        return [cell.year for cell in self.cells if not cell.record]


def task_history(tracker: Tracker, plan: Plan, key: str) -> History:
    """A task's record and progress for each year of its plan (no years for an unknown task)."""
    task = tracker.task(plan, key)
    return History(tracker.cells(task, plan_years(plan)) if task else [])


def node_history(tracker: Tracker, plan: Plan, node: Node) -> History | None:
    """For an assignment tracked by its plan: its record and progress for each year."""
    if not plan.tracks_assignments or node.kind != "assignment":
        return None
    task = next((t for t in tracker.tasks(plan) if t.node is node), None)
    return task_history(tracker, plan, task.key) if task else None
