"""Cross-references computed once per build: who is named where, what is under which pillar.

Page templates ask questions such as "every task of this agency across all plans".
Answering them by walking every plan for every page would make the build quadratic,
so the answers are computed here in one pass over the dataset.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from site_builder.core.vocabulary import TOPICS
from site_builder.inputs.loader import Dataset
from site_builder.model import Activity, Node, Plan
from site_builder.model.plans import Deadline, NodeContext

Role = Literal["lead", "partner", "assignee", "reports", "receives", "issuer"]
LEVEL_ORDER = {"national": 0, "central": 1, "province": 2, "district": 3}
"""How units sort: the national level, the ministries and central agencies, then the
provinces and cities, then districts."""


@dataclass(frozen=True)
class PlacedNode:
    """A node of a plan's body with its anchor on the plan page and its inherited context."""

    plan: Plan
    node: Node
    ctx: NodeContext
    anchor: str
    depth: int


@dataclass(frozen=True)
class Involvement:
    """One mention of an agency: an activity it leads or supports, an assignment, a report."""

    plan: Plan
    role: Role
    activity: Activity | None = None
    placed: PlacedNode | None = None
    deadline: Deadline | None = None


@dataclass
class TopicView:
    """What every plan says under one pillar or topic."""

    themes: list[tuple[Plan, list[PlacedNode]]] = field(default_factory=list)
    activities: list[tuple[Plan, list[Activity]]] = field(default_factory=list)

    @property
    def activity_count(self) -> int:
        """Activities tagged with the topic, across plans."""
        return sum(len(acts) for _, acts in self.activities)


def placed_nodes(plan: Plan) -> Iterator[PlacedNode]:
    """Every node of a plan's body with its anchor on the plan page (``s-4-1``) and depth."""
    for node, ctx, position in plan.nodes():
        yield PlacedNode(plan, node, ctx, "s-" + "-".join(str(i + 1) for i in position), len(position))


class SiteIndex:
    """Indexes over a validated dataset, built in one pass."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        units = dataset.units
        self.plans: list[Plan] = sorted(
            dataset.plans.values(),
            key=lambda p: (LEVEL_ORDER[units[p.issuer].level], p.issuer, p.issued or "", p.id),
        )
        self.placed: dict[str, list[PlacedNode]] = {p.id: list(placed_nodes(p)) for p in self.plans}

        self.children: dict[str, list[Plan]] = defaultdict(list)
        self.involvements: dict[str, list[Involvement]] = defaultdict(list)
        self.topics: dict[str, TopicView] = {t.id: TopicView() for t in TOPICS}
        self.deadlines: list[tuple[Plan, PlacedNode, Deadline]] = []
        self.unit_children: dict[str, list[str]] = defaultdict(list)
        self.absorbed: dict[str, list[str]] = defaultdict(list)
        """Former units by the unit that took them over (``succeeded_by.to``)."""
        for unit in units.values():
            if unit.parent:
                self.unit_children[unit.parent].append(unit.id)
            for succession in unit.succeeded_by:
                if succession.to:
                    self.absorbed[succession.to].append(unit.id)
        self.carried: dict[str, list[str]] = {unit_id: self._carried(unit_id) for unit_id in units}
        """Per unit: the units whose plans, pages and news its section shows, itself first."""
        for plan in self.plans:
            self._index_plan(plan)

    def _carried(self, unit_id: str) -> list[str]:
        """The unit, the former units it was formed from (and theirs, in turn), the districts
        below a province, and any unit that was succeeded by it; in that order, each once.

        The national level carries only itself: its section lists every plan anyway, and
        "the plans of Viet Nam first" would put all of them first."""
        order: dict[str, None] = {}
        units = self.dataset.units

        def visit(uid: str) -> None:
            if uid in order or uid not in units:
                return
            order[uid] = None
            unit = units[uid]
            for pred in unit.predecessors:
                if pred.unit:
                    visit(pred.unit)
            if unit.level != "national":
                for child in self.unit_children.get(uid, []):
                    visit(child)
            for former in self.absorbed.get(uid, []):
                visit(former)

        visit(unit_id)
        return list(order)

    def successor(self, unit_id: str) -> str | None:
        """The unit of today that carries a former unit's plans and pages (following
        ``succeeded_by`` through any later reorganisation), or ``None`` for a unit of today."""
        seen = {unit_id}
        current = unit_id
        while not self.dataset.units[current].current:
            targets = [s.to for s in self.dataset.units[current].succeeded_by if s.to and s.to not in seen]
            if not targets:
                return None
            current = targets[0]
            seen.add(current)
        return None if current == unit_id else current

    def _index_plan(self, plan: Plan) -> None:
        if plan.parent_plan:
            self.children[plan.parent_plan].append(plan)
        self.involvements[plan.issuing_agency].append(Involvement(plan, "issuer"))
        themes: dict[str, list[PlacedNode]] = defaultdict(list)
        for placed in self.placed[plan.id]:
            node = placed.node
            for pillar in node.pillars:
                themes[pillar].append(placed)
            if node.kind == "assignment":
                for agency in node.agencies:
                    self.involvements[agency].append(Involvement(plan, "assignee", placed=placed))
            for deadline in node.deadlines:
                self.deadlines.append((plan, placed, deadline))
                for agency in deadline.from_agencies:
                    self.involvements[agency].append(Involvement(plan, "reports", placed=placed, deadline=deadline))
                for agency in deadline.to_agencies:
                    self.involvements[agency].append(Involvement(plan, "receives", placed=placed, deadline=deadline))
        for topic_id, nodes in themes.items():
            self.topics[topic_id].themes.append((plan, nodes))
        if plan.appendix is None:
            return
        by_topic: dict[str, list[Activity]] = defaultdict(list)
        for activity in plan.appendix.activities:
            for parties, role in ((activity.lead, "lead"), (activity.partners, "partner")):
                for agency in parties.agencies if parties else []:
                    self.involvements[agency].append(Involvement(plan, role, activity=activity))  # type: ignore[arg-type]
            for pillar in activity.pillars:
                by_topic[pillar].append(activity)
        for topic_id, activities in by_topic.items():
            self.topics[topic_id].activities.append((plan, activities))

    @cached_property
    def anchors(self) -> dict[int, str]:
        """A node of a plan's body (by identity) → its anchor on the plan page. Keyed by
        ``id()``, so made anew in each process (:meth:`__getstate__`)."""
        return {id(p.node): p.anchor for placed in self.placed.values() for p in placed}

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("anchors", None)
        return state

    def plans_by_level(self) -> list[tuple[str, list[Plan]]]:
        """Plans grouped by the level of their issuer, national first."""
        groups: dict[str, list[Plan]] = defaultdict(list)
        for plan in self.plans:
            groups[self.dataset.units[plan.issuer].level].append(plan)
        return [(level, groups[level]) for level in LEVEL_ORDER if groups[level]]

    def agencies_in(self, plan: Plan) -> list[str]:
        """Ids of the lead agencies of a plan's activities, in order of first appearance."""
        seen: dict[str, None] = {}
        for activity in plan.appendix.activities if plan.appendix else []:
            for agency in activity.lead.agencies if activity.lead else []:
                seen.setdefault(agency)
        return list(seen)
