"""What the national plans ask of each unit: the duties its section leads with.

A unit's section (``build --unit bo-ngoai-giao``) shows, in this order:

1. **Leads**: the activities whose lead agencies name the unit's body, and the assignments
   of a plan's body given to it (``kind: assignment``), and the reports it must send;
2. **Coordinates**: the activities it supports as a partner agency;
3. **Shared with other bodies**: what the plan gives to a group of bodies the unit belongs
   to ("các bộ, ngành liên quan", "UBND các tỉnh, thành phố"), in any of those roles.

A task appears once, in the first of these that applies: a ministry that leads an activity
is not told again that it also supports it as one of "the relevant ministries".

**Which body stands for the unit.** The agencies of ``plans/agencies.yaml`` that name the
unit in ``central_unit``: its own record (same id), a former body it took over (the
Ministry of Information and Communications for the Ministry of Science and Technology,
named under its own name with "former"), or a body of its own (the Ministry of Finance's
web portal). A province or city of today stands for itself only (its People's Committee
is named through the groups below).

**Groups (collective assignees).** Each group the national plans use has a rule in
:data:`GROUPS`: which units are its members, and whether that follows from what the group
is (*definitional*: every central press agency is one of "the central and local press
agencies"; every province is one of "the People's Committees of the provinces and cities")
or whether the plan leaves it open (*open*: "the relevant ministries and sectors" are not
named anywhere in the plan; the assignment is shown to every unit of the group's kind with
the plan's own words, never as a claim that the plan named this unit). No published list of
members was found for any open group (Decision 1603/QĐ-BTTTT of 2013 sets the Steering
Committee's composition but no copy of its membership list could be sourced), so none is
resolved to a list. A group without a rule, or whose members have no section (Viet Nam's
missions abroad, the publishers, the provincial radio and television stations), is shown
to no unit.

Status and deadlines come from the tracker (:mod:`.tracker`): each activity's status in
each year of its plan, "not reported" where no record exists (never zero, never done).
Which central units reported on the national plans in a year (:func:`central_reports`)
comes from the records' ``reporting_agency`` only; no record, no report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from site_builder.derive.tracker import Cell, Task, Tracker, plan_years
from site_builder.model import Activity, Plan, Unit
from site_builder.model.plans import Deadline, Timeline

if TYPE_CHECKING:
    from site_builder.derive.index import Involvement, PlacedNode, SiteIndex
    from site_builder.inputs.loader import Dataset

Section = Literal["leads", "coordinates", "shared"]
SECTIONS: tuple[Section, ...] = ("leads", "coordinates", "shared")
Role = Literal["lead", "partner", "assignee", "reports"]
"""What the plan asks: lead an activity, support it, carry out an assignment, send a report."""

STATE_BODIES = ("ministry", "ministerial-agency", "government-agency", "press")
"""Central units that are bodies of the State: the ministries and ministerial-level agencies,
and the Government agencies (Viet Nam Television, Voice of Viet Nam and the Viet Nam News
Agency are Government agencies by status, ``press`` by function)."""


@dataclass(frozen=True)
class Group:
    """Which units a collective assignee stands for."""

    levels: tuple[str, ...]
    """Unit levels of its members (``central``, ``province``); a former unit is never one."""
    kinds: tuple[str, ...] = ()
    """For central members: their ``kind``; empty: any."""
    agency_kinds: tuple[str, ...] = ()
    """For central members: the kind of the unit's own agency record (``broadcaster``); empty: any."""
    definitional: bool = False
    """Membership follows from what the group is; otherwise the plan leaves it open."""


GROUPS: dict[str, Group] = {
    # "Relevant ministries and sectors": the plan names none; the State's central bodies.
    "cac-bo-nganh-lien-quan": Group(("central",), STATE_BODIES),
    # "Ministries, (Party) commissions and sectors": the State's central bodies and the Party's commissions.
    "cac-bo-ban-nganh": Group(("central",), (*STATE_BODIES, "party")),
    # Members of the Steering Committee and its working group: no sourced membership list.
    "cac-bo-nganh-la-thanh-vien-ban-chi-dao-to-cong-tac-thong-tin-tuyen-truyen-asean":
        Group(("central",), (*STATE_BODIES, "party")),
    # "Ministries, sectors, agencies and units" that carry out the plan (its yearly report).
    "cac-bo-nganh-co-quan-don-vi": Group(("central", "province")),
    # "Relevant agencies", "relevant agencies and units": any central body; the plan names none.
    "cac-co-quan-lien-quan": Group(("central",)),
    "cac-co-quan-don-vi-co-lien-quan": Group(("central",)),
    # "Relevant organisations": the mass organisations and the chamber of commerce.
    "cac-to-chuc-lien-quan": Group(("central",), ("mass-organisation",)),
    # Every central press agency is one of "the central and local press agencies".
    "cac-co-quan-bao-chi-trung-uong-va-dia-phuong": Group(("central",), ("press",), definitional=True),
    "cac-co-quan-bao-chi-trong-va-ngoai-nganh-tai-chinh": Group(("central",), ("press",), definitional=True),
    # Central radio and television: the two broadcasters (the news agency is not one).
    "cac-dai-phat-thanh-truyen-hinh-trung-uong-va-dia-phuong":
        Group(("central",), ("press",), ("broadcaster",), definitional=True),
    # Every province and centrally-run city of today is a locality with a People's Committee.
    "uy-ban-nhan-dan-cac-tinh-thanh-pho-truc-thuoc-trung-uong": Group(("province",), definitional=True),
    "uy-ban-nhan-dan-cac-tinh-thanh-pho": Group(("province",), definitional=True),
    "so-thong-tin-va-truyen-thong-cac-tinh-thanh-pho-truc-thuoc-trung-uong": Group(("province",), definitional=True),
    "cac-dia-phuong": Group(("province",), definitional=True),
    # "Relevant localities": the plan names none.
    "cac-dia-phuong-lien-quan": Group(("province",)),
}
"""The rule for each group the national plans name. Left out on purpose: Viet Nam's
missions abroad, the central and local publishers and the provincial radio and television
stations (none of them is a unit with a section)."""


@dataclass(frozen=True)
class Duty:
    """One thing a plan asks of the unit."""

    plan: Plan
    section: Section
    role: Role
    """What the plan asks, as the source puts it (the group's role, for a shared task)."""
    named: tuple[str, ...]
    """The agencies named in the plan through which the task falls to the unit: its own
    record, a former body (kept under its own name), a body of its own, or groups."""
    former: tuple[str, ...]
    """Those of ``named`` that no longer exist (shown "as the former …")."""
    groups: tuple[str, ...] = ()
    """Those of ``named`` that are groups of bodies (``kind: collective``)."""
    open_groups: tuple[str, ...] = ()
    """Those of ``named`` that are groups the plan leaves open ("the relevant ministries")."""
    activity: Activity | None = None
    placed: PlacedNode | None = None
    """For an assignment or a report: the node of the plan's body and its anchor."""
    deadline: Deadline | None = None
    cells: tuple[Cell, ...] = ()
    """The task's status in each year of its plan (tracked tasks only)."""

    @property
    def timeline(self) -> Timeline | None:
        return self.activity.timeline if self.activity else None

    @property
    def key(self) -> str:
        """The activity's id, or the anchor of the node in the plan's body."""
        if self.activity is not None:
            return self.activity.id
        return self.placed.anchor if self.placed else ""

    @property
    def reported(self) -> int:
        """Years with a record."""
        return sum(1 for c in self.cells if c.record is not None)


@dataclass(frozen=True)
class UnitDuties:
    """What the national plans ask of one unit, by section, each in the plans' order."""

    unit: Unit
    leads: list[Duty]
    coordinates: list[Duty]
    shared: list[Duty]

    def __bool__(self) -> bool:
        return bool(self.leads or self.coordinates or self.shared)

    @property
    def example(self) -> bool:
        """Whether any status shown comes from example records."""
        return any(c.example for d in self.leads + self.coordinates + self.shared for c in d.cells)

    @property
    def tracked(self) -> bool:
        """Whether any duty has a status row (an appendix activity or a tracked assignment)."""
        return any(d.cells for d in self.leads + self.coordinates + self.shared)


def is_member(data: Dataset, unit: Unit, group_id: str) -> bool:
    """Whether ``unit`` is one of the bodies the group ``group_id`` stands for."""
    rule = GROUPS.get(group_id)
    if rule is None or not unit.current or unit.level not in rule.levels:
        return False
    if unit.level != "central":
        return True
    if rule.kinds and unit.kind not in rule.kinds:
        return False
    own = data.agencies.get(unit.id)
    return not rule.agency_kinds or (own is not None and own.kind in rule.agency_kinds)


def standing_for(data: Dataset, unit: Unit) -> tuple[list[str], list[str]]:
    """(bodies, groups): the agencies that stand for the unit in the plans, its own record
    first; and the groups it is a member of, in the order of ``plans/agencies.yaml``."""
    bodies = [unit.id] if unit.id in data.agencies else []
    if unit.level == "central":
        bodies += [a.id for a in data.agencies.values() if a.central_unit == unit.id and a.id != unit.id]
    groups = [a.id for a in data.agencies.values() if a.kind == "collective" and is_member(data, unit, a.id)]
    return bodies, groups


def _section(role: Role, direct: bool) -> Section:
    if not direct:
        return "shared"
    return "coordinates" if role == "partner" else "leads"


_ORDER = {section: i for i, section in enumerate(SECTIONS)}


@dataclass(frozen=True)
class _Mention:
    """A task or deadline of the plans as it falls to the unit: the section it is listed in,
    the role, the unit's bodies and groups the plan names for it, and the first mention."""

    section: Section
    role: Role
    named: list[str]
    inv: Involvement


def unit_duties(index: SiteIndex, tracker: Tracker, unit_id: str) -> UnitDuties:
    """What the plans issued at the national level ask of the unit ``unit_id``."""
    data = index.dataset
    unit = data.units[unit_id]
    bodies, groups = standing_for(data, unit)
    national = {p.id for p in index.plans if data.units[p.issuer].level == "national"}
    found: dict[tuple[str, str, int], _Mention] = {}
    """(plan, kind of mention, identity of the task) → the first section it falls in."""
    for agency_id in bodies + groups:
        for inv in index.involvements.get(agency_id, []):
            if inv.plan.id not in national or inv.role in ("issuer", "receives"):
                continue
            role: Role = inv.role  # type: ignore[assignment]  # lead, partner, assignee or reports
            section = _section(role, agency_id in bodies)
            target = inv.deadline if inv.deadline is not None else (inv.activity or (inv.placed and inv.placed.node))
            key = (inv.plan.id, "deadline" if inv.deadline is not None else "task", id(target))
            seen = found.get(key)
            if seen is None or _ORDER[section] < _ORDER[seen.section]:
                found[key] = _Mention(section, role, [agency_id], inv)
            elif _ORDER[section] == _ORDER[seen.section] and agency_id not in seen.named:
                seen.named.append(agency_id)
    out: dict[Section, list[Duty]] = {s: [] for s in SECTIONS}
    plan_rank = {p.id: i for i, p in enumerate(index.plans)}
    for mention in sorted(found.values(), key=lambda f: _position(f.inv, plan_rank)):
        out[mention.section].append(_duty(data, tracker, mention))
    return UnitDuties(unit, out["leads"], out["coordinates"], out["shared"])


def _position(inv: Involvement, plan_rank: dict[str, int]) -> tuple[int, int, int]:
    """Plans in the index's order; in a plan, the body's assignments and reports first (in
    source order, by anchor), then the appendix activities in order."""
    plan = inv.plan
    if inv.activity is not None and plan.appendix is not None:
        return plan_rank[plan.id], 1, next(i for i, a in enumerate(plan.appendix.activities) if a is inv.activity)
    placed = inv.placed
    return plan_rank[plan.id], 0, _anchor_rank(placed.anchor if placed else "")


def _anchor_rank(anchor: str) -> int:
    """``s-4-1`` → a number that sorts anchors in source order (up to 99 items a level)."""
    parts = [int(p) for p in anchor.split("-")[1:] if p.isdigit()]
    return sum(n * 100 ** (6 - i) for i, n in enumerate(parts[:6]))


def _duty(data: Dataset, tracker: Tracker, mention: _Mention) -> Duty:
    named, inv = tuple(mention.named), mention.inv
    former = tuple(a for a in named if data.agencies[a].succeeded_by)
    groups = tuple(a for a in named if data.agencies[a].kind == "collective")
    open_groups = tuple(a for a in groups if a in GROUPS and not GROUPS[a].definitional)
    task = _task(tracker, inv)
    cells = tuple(tracker.cells(task, plan_years(inv.plan))) if task is not None else ()
    return Duty(inv.plan, mention.section, mention.role, named, former, groups, open_groups, inv.activity, inv.placed,
                inv.deadline, cells)


def _task(tracker: Tracker, inv: Involvement) -> Task | None:
    """The tracked task an activity or an assignment is (reports are not tracked)."""
    if inv.deadline is not None:
        return None
    if inv.activity is not None:
        return tracker.task(inv.plan, inv.activity.id)
    node = inv.placed.node if inv.placed else None
    return next((t for t in tracker.tasks(inv.plan) if node is not None and t.node is node), None)


@dataclass(frozen=True)
class YearReports:
    """Which central units reported on the national plans in one year, with how many records."""

    year: int
    units: list[tuple[Unit, int]]


def central_reports(index: SiteIndex) -> list[YearReports]:
    """For each year of the national plans: the central units whose bodies reported on them
    (a record's ``reporting_agency`` is the unit's agency, a former body of it or a body of
    its own), in the order of ``plans/units.yaml``; an empty list where none did."""
    data = index.dataset
    plans = [p for p in index.plans if data.units[p.issuer].level == "national"]
    owner = {a.id: a.central_unit for a in data.agencies.values() if a.central_unit}
    central = [u for u in data.units.values() if u.level == "central"]
    out = []
    for year in sorted({y for plan in plans for y in plan_years(plan)}):
        counts: dict[str, int] = {}
        for plan in plans:
            file = data.progress.get((plan.id, year))
            for record in file.records if file else []:
                unit_id = owner.get(record.reporting_agency)
                if unit_id is not None:
                    counts[unit_id] = counts.get(unit_id, 0) + 1
        out.append(YearReports(year, [(u, counts[u.id]) for u in central if u.id in counts]))
    return out
