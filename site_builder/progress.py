"""Implementation status computed from the records: per activity, per plan and year.

A plan's progress for a year is the average of its activities' progress, counting only
activities that were reported (and not cancelled): "not reported" is its own count,
never zero and never done.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .loader import Dataset
from .model import Plan
from .model.progress import ProgressFile, Record

STATUSES = ("done", "ongoing", "in-progress", "not-started", "cancelled")


@dataclass
class Summary:
    """Counts by status for one plan and year, and the computed progress."""

    year: int
    total: int
    counts: dict[str, int] = field(default_factory=dict)
    not_reported: int = 0
    example: bool = False
    progress: float | None = None
    """Average progress (%) of the reported activities; ``None`` when none was reported."""


def records_of(data: Dataset, plan: Plan, year: int) -> tuple[ProgressFile | None, dict[str, Record]]:
    file = data.progress.get((plan.id, year))
    return file, ({r.activity: r for r in file.records} if file else {})


def summary(data: Dataset, plan: Plan, year: int) -> Summary:
    activities = [a.id for a in plan.appendix.activities] if plan.appendix else []
    file, records = records_of(data, plan, year)
    result = Summary(year=year, total=len(activities), example=bool(file and file.example))
    percents = []
    for status in STATUSES:
        result.counts[status] = 0
    for activity in activities:
        record = records.get(activity)
        if record is None:
            result.not_reported += 1
            continue
        result.counts[record.status] += 1
        if record.percent is not None:
            percents.append(record.percent)
    result.progress = round(sum(percents) / len(percents), 1) if percents else None
    return result


def plan_years(plan: Plan) -> list[int]:
    return list(range(plan.period.start, plan.period.end + 1))


def activity_history(data: Dataset, plan: Plan, activity_id: str) -> list[tuple[int, Record | None, bool]]:
    """(year, record or None for not reported, example?) for every year of the plan."""
    out = []
    for year in plan_years(plan):
        file, records = records_of(data, plan, year)
        out.append((year, records.get(activity_id), bool(file and file.example)))
    return out
