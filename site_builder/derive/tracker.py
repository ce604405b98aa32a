"""Implementation status computed from the records: per task, per plan, per agency and year.

A plan's tasks are its appendix activities or, for a plan without an appendix, the
assignments of its body (``kind: assignment``). A task's progress for a year is its own
record's progress together with that of the tasks nested below it (an assignment inside
an assignment), averaging only what was reported; a plan's or an agency's progress is
the average of its top-level tasks. "Not reported" is its own count, never zero and
never done; cancelled tasks count in no average.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from site_builder.core import vocabulary
from site_builder.core.vocabulary import STATUS_TABLE_ORDER, ids
from site_builder.derive.index import placed_nodes
from site_builder.model import Activity, Node, Plan, Text
from site_builder.model.progress import ProgressFile, Record

if TYPE_CHECKING:
    from site_builder.inputs.loader import Dataset

STATUSES = ids(STATUS_TABLE_ORDER)
"""Status ids in the order tables count them."""
NOT_REPORTED = vocabulary.NOT_REPORTED.id


@dataclass(frozen=True)
class Task:
    """One tracked task of a plan: an appendix activity or an assignment of the body."""

    plan: Plan
    kind: Literal["activity", "assignment"]
    key: str
    """The activity id (``II.3``) or the assignment's numbering path (``IV.7.c``)."""
    name: Text
    agencies: tuple[str, ...]
    """Who leads it: the activity's lead agencies, or the agencies it is assigned to."""
    parent: str | None = None
    """The key of the assignment it is nested in."""
    activity: Activity | None = None
    node: Node | None = None
    anchor: str = ""
    """For an assignment: its anchor on the plan page (``s-4-1``)."""
    pillars: tuple[str, ...] = ()
    """Pillars and topics: the activity's, or those the assignment is tagged with or inherits."""


def tasks_of(plan: Plan) -> list[Task]:
    """The plan's tracked tasks in source order."""
    if plan.appendix is not None:
        return [Task(plan, "activity", a.id, a.name, tuple(a.lead.agencies) if a.lead else (), activity=a,
                     pillars=tuple(a.pillars)) for a in plan.appendix.activities]
    placed = {id(p.node): p for p in placed_nodes(plan)}
    out = []
    for key, node, parent in plan.assignments():
        name = node.heading or node.text
        assert name is not None  # a node has a heading or a text (model)
        where = placed[id(node)]
        out.append(Task(plan, "assignment", key, name, tuple(node.agencies), parent, node=node,
                        anchor=where.anchor, pillars=where.ctx.pillars))
    return out


@dataclass
class Summary:
    """Counts by status for one year, and the computed progress."""

    year: int
    total: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    not_reported: int = 0
    example: bool = False
    progress: float | None = None
    """Average progress (%) of the reported top-level tasks; ``None`` when none was reported."""


@dataclass(frozen=True)
class Cell:
    """One task in one year: its record (``None``: not reported) and its computed progress."""

    year: int
    record: Record | None
    progress: float | None
    """The task's progress with the tasks nested below it; ``None`` when nothing was reported."""
    example: bool
    in_period: bool = True
    """False when the year is outside the task's plan period (agency dashboards span plans)."""

    @property
    def status(self) -> str:
        if not self.in_period:
            return ""
        return self.record.status if self.record else NOT_REPORTED


def records_of(data: Dataset, plan: Plan, year: int) -> tuple[ProgressFile | None, dict[str, Record]]:
    file = data.progress.get((plan.id, year))
    return file, ({r.target: r for r in file.records} if file else {})


def _mean(values: list[float]) -> float | None:
    """The average to one decimal (a whole number without ``.0``); ``None`` for no values."""
    if not values:
        return None
    value = round(sum(values) / len(values), 1)
    return int(value) if value.is_integer() else value


def computed_progress(tasks: list[Task], records: dict[str, Record]) -> dict[str, float | None]:
    """Every task's progress from its own record and its children's, averaging what was reported."""
    children: dict[str | None, list[str]] = {}
    for task in tasks:
        children.setdefault(task.parent, []).append(task.key)
    out: dict[str, float | None] = {}

    def visit(key: str) -> float | None:
        record = records.get(key)
        values = [float(record.percent)] if record is not None and record.percent is not None else []
        values += [v for child in children.get(key, []) if (v := visit(child)) is not None]
        out[key] = _mean(values)
        return out[key]

    for root in children.get(None, []):
        visit(root)
    return out


def plan_years(plan: Plan) -> list[int]:
    return list(range(plan.period.start, plan.period.end + 1))


class Tracker:
    """The records of a dataset seen by task: what pages, the report and the API ask.
    Tasks and computed progress are worked out once per plan and year."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self._tasks: dict[str, list[Task]] = {}
        self._progress: dict[tuple[str, int], dict[str, float | None]] = {}

    def tasks(self, plan: Plan) -> list[Task]:
        if plan.id not in self._tasks:
            self._tasks[plan.id] = tasks_of(plan)
        return self._tasks[plan.id]

    def task(self, plan: Plan, key: str) -> Task | None:
        return next((t for t in self.tasks(plan) if t.key == key), None)

    def progress(self, plan: Plan, year: int) -> dict[str, float | None]:
        if (plan.id, year) not in self._progress:
            self._progress[(plan.id, year)] = computed_progress(self.tasks(plan), records_of(self.data, plan, year)[1])
        return self._progress[(plan.id, year)]

    def summarize(self, year: int, groups: list[tuple[Plan, list[Task]]]) -> Summary:
        """Counts and progress for one year over some tasks of some plans. A task whose
        parent is among the tasks counts in its parent's progress, not again on its own."""
        result = Summary(year=year)
        percents: list[float] = []
        for plan, tasks in groups:
            if not plan.period.start <= year <= plan.period.end:
                continue
            file, records = records_of(self.data, plan, year)
            result.example |= bool(file and file.example)
            progress = self.progress(plan, year)
            keys = {t.key for t in tasks}
            for task in tasks:
                result.total += 1
                record = records.get(task.key)
                if record is None:
                    result.not_reported += 1
                else:
                    result.counts[record.status] += 1
                value = progress.get(task.key)
                if task.parent not in keys and value is not None:
                    percents.append(value)
        result.progress = _mean(percents)
        return result

    def summary(self, plan: Plan, year: int) -> Summary:
        return self.summarize(year, [(plan, self.tasks(plan))])

    def cells(self, task: Task, years: list[int]) -> list[Cell]:
        """The task's record and progress for each year (outside its plan's period: not applicable)."""
        out = []
        for year in years:
            if not task.plan.period.start <= year <= task.plan.period.end:
                out.append(Cell(year, None, None, False, in_period=False))
                continue
            file, records = records_of(self.data, task.plan, year)
            out.append(Cell(year, records.get(task.key), self.progress(task.plan, year).get(task.key),
                            bool(file and file.example)))
        return out

    def agency_tasks(self, plans: list[Plan], agency_id: str) -> list[tuple[Plan, list[Task]]]:
        """The tasks an agency leads (or is assigned), grouped by plan."""
        groups = []
        for plan in plans:
            tasks = [t for t in self.tasks(plan) if agency_id in t.agencies]
            if tasks:
                groups.append((plan, tasks))
        return groups


def years_of(groups: list[tuple[Plan, list[Task]]]) -> list[int]:
    return sorted({year for plan, _ in groups for year in plan_years(plan)})
