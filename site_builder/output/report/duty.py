"""Who receives a report, by when, and which tasks it covers: the plan's reporting duty
(its deadlines that name the reporting agency, or the collective phrase it falls under)."""

from __future__ import annotations

import datetime as dt

from site_builder.derive.index import LEVEL_ORDER
from site_builder.derive.tracker import Task, Tracker, records_of
from site_builder.inputs.loader import Dataset
from site_builder.model import Plan
from site_builder.model.agencies import Agency
from site_builder.model.plans import Deadline
from site_builder.output.report.document import Duty

RANK = {"government": 0, "committee": 1, "ministry": 1, "party": 1, "people-committee": 2}
"""How high a body stands within its level of government; everything else ranks 3."""


def _standing(data: Dataset, agency: Agency) -> tuple[int, int]:
    unit = data.units.get(agency.unit)
    return (LEVEL_ORDER.get(unit.level, 0) if unit else 0, RANK.get(agency.kind, 3))


def plan_deadlines(plan: Plan) -> list[Deadline]:
    return [d for node, _, _ in plan.nodes() for d in node.deadlines]


def _from_collective(data: Dataset, deadline: Deadline) -> bool:
    """The deadline asks a collective phrase ("các cơ quan, đơn vị") to report."""
    return any(data.agencies[a].kind == "collective" for a in deadline.from_agencies if a in data.agencies)


def _matching(data: Dataset, plan: Plan, agency_id: str, years: list[int], collective: bool = True) -> list[Deadline]:
    """The plan's deadlines of the first recurrence that has any for ``agency_id``: those
    that name it among the bodies that report, else (with ``collective``) those addressed to
    a collective phrase it does not receive for."""
    deadlines = plan_deadlines(plan)
    for recurrence in (("once", "yearly", "unstated") if len(years) > 1 else ("yearly", "unstated")):
        candidates = [d for d in deadlines if d.recurrence == recurrence and d.to_agencies != [agency_id]]
        direct = [d for d in candidates if agency_id in d.from_agencies]
        if direct:
            return direct
        groups = [d for d in candidates if agency_id not in d.to_agencies and _from_collective(data, d)]
        if collective and groups:
            return groups
    return []


def _relays(data: Dataset, plan: Plan, agency_id: str) -> tuple[list[Deadline], str | None]:
    """The plan asks one of its bodies to report to the issuer *and* to others: the issuer's
    own report goes on to those others, drafted by that body. The deadlines, and the drafter."""
    relays = [d for d in plan_deadlines(plan) if agency_id in d.to_agencies and set(d.to_agencies) - {agency_id}
              and d.recurrence in ("yearly", "unstated")]
    if not relays:
        return [], None
    drafter = next((a for a in relays[0].from_agencies if a in data.agencies
                    and data.agencies[a].kind != "collective"), None)
    return relays, drafter


def _applicable(data: Dataset, plan: Plan, agency_id: str, years: list[int]) -> tuple[Plan, list[Deadline], str | None]:
    """The plan whose deadlines apply, those deadlines (none when no duty applies) and the drafter."""
    issuer = agency_id == plan.issuing_agency
    found = _matching(data, plan, agency_id, years, collective=not issuer)  # the issuer is not among those it addresses
    if found or not issuer:
        return plan, found, None
    if plan.parent_plan in data.plans:
        parent = data.plans[plan.parent_plan]
        found = _matching(data, parent, agency_id, years)
        if found:
            return parent, found, None
    relays, drafter = _relays(data, plan, agency_id)
    return plan, relays, drafter


def _due(deadline: Deadline, years: list[int]) -> dt.date | str | None:
    if deadline.recurrence == "yearly" and deadline.month and deadline.day:
        return dt.date(years[-1], deadline.month, deadline.day)
    if deadline.date:
        return str(deadline.date)
    return None


def reporting_duty(data: Dataset, plan: Plan, agency_id: str, years: list[int]) -> Duty:
    """The recipients and deadline of ``agency_id``'s report for ``years``.

    The plan's yearly deadlines (for a period report its one-off deadlines first, the
    five-year reviews) that name the agency among those who report, or else that name a
    collective phrase ("các cơ quan, đơn vị") the agency does not receive for (not for the
    body that issued the plan: those phrases name the bodies it addresses). The body that
    issued the plan, when its own plan sets it no duty, reports under the plan its plan
    implements. An agency with no duty at all reports to the plan's issuing body."""
    source, found, drafter = _applicable(data, plan, agency_id, years)
    if found:
        recipients = list(dict.fromkeys(a for d in found for a in d.to_agencies if a != agency_id))
        duty = Duty(recipients, _due(found[0], years), found[0].what, source, False, drafter)
    else:
        recipients = [plan.issuing_agency] if agency_id != plan.issuing_agency else []
        duty = Duty(recipients, None, None, None, False)
    mine = _standing(data, data.agencies[agency_id])
    duty.upward = any(_standing(data, data.agencies[r]) < mine for r in duty.recipients if r in data.agencies)
    return duty


def agency_tasks(tracker: Tracker, plan: Plan, agency_id: str, years: list[int]) -> list[Task]:
    """The tasks a report covers: every task for the plan's issuing body, else the tasks the
    agency leads or is assigned, and those it reported on."""
    tasks = tracker.tasks(plan)
    if agency_id == plan.issuing_agency:
        return tasks
    reported = {key for year in years for key, r in records_of(tracker.data, plan, year)[1].items()
                if r.reporting_agency == agency_id}
    return [t for t in tasks if agency_id in t.agencies or t.key in reported]
