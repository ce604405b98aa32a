"""What templates see: the dataset and its indexes, in one language.

Templates stay simple by asking this object ("the name of agency X in this
language", "the record this page shows") instead of reaching into the models.
Nothing here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from . import urls
from .dates import format_date, format_day_month
from .index import SiteIndex
from .model import Activity, Agency, Plan, Text, Unit
from .model.plans import Deadline
from .topics import TOPIC_BY_ID, TOPICS, Topic


@dataclass(frozen=True)
class Record:
    """The record a generated page shows, resolved from its front matter."""

    kind: str
    plan: Plan | None = None
    activity: Activity | None = None
    agency: Agency | None = None
    unit: Unit | None = None
    topic: Topic | None = None


class SiteView:
    """The dataset seen in one language, for templates."""

    def __init__(self, index: SiteIndex, lang: str) -> None:
        self.index = index
        self.data = index.dataset
        self.lang = lang
        self.other_lang = "en" if lang == "vi" else "vi"
        self.topics = TOPICS
        self.urls = urls

    # ── text ─────────────────────────────────────────────────────────────────────
    def tx(self, text: Text | None) -> Markup:
        """A bilingual text in the page's language; Vietnamese, marked ``lang="vi"``, when
        the English is missing (a strict build refuses that, a preview shows it)."""
        if text is None:
            return Markup("")
        value = text.get(self.lang)
        if value is None:
            return Markup('<span lang="vi">{}</span>').format(text.vi)
        return Markup(escape(value))

    def plain(self, text: Text | None) -> str:
        if text is None:
            return ""
        return text.get(self.lang) or text.vi

    def date(self, value: Any) -> str:
        return format_date(value, self.lang)

    def day_month(self, month: int, day: int) -> str:
        return format_day_month(month, day, self.lang)

    # ── lookups ──────────────────────────────────────────────────────────────────
    def agency(self, agency_id: str) -> Agency:
        return self.data.agencies[agency_id]

    def unit(self, unit_id: str) -> Unit:
        return self.data.units[unit_id]

    def plan(self, plan_id: str) -> Plan:
        return self.data.plans[plan_id]

    def topic(self, topic_id: str) -> Topic:
        return TOPIC_BY_ID[topic_id]

    def record(self, meta: dict[str, Any] | None) -> Record | None:
        """The record named by a page's ``asean`` front matter."""
        if not meta or "asean" not in meta:
            return None
        kind, key = meta["asean"]["kind"], meta["asean"].get("id", "")
        if kind == "plan":
            return Record(kind, plan=self.data.plans[key])
        if kind == "activity":
            plan_id, activity_id = key.split("/", 1)
            plan = self.data.plans[plan_id]
            assert plan.appendix is not None
            activity = next(a for a in plan.appendix.activities if a.id == activity_id)
            return Record(kind, plan=plan, activity=activity)
        if kind == "agency":
            return Record(kind, agency=self.data.agencies[key])
        if kind == "unit":
            return Record(kind, unit=self.data.units[key])
        if kind == "pillar":
            return Record(kind, topic=TOPIC_BY_ID[key])
        return Record(kind)

    # ── questions pages ask ──────────────────────────────────────────────────────
    def plans_by_level(self) -> list[tuple[str, list[Plan]]]:
        return self.index.plans_by_level()

    def involvements(self, agency_id: str) -> list[Any]:
        return self.index.involvements.get(agency_id, [])

    def topic_view(self, topic_id: str) -> Any:
        return self.index.topics[topic_id]

    def placed(self, plan: Plan) -> list[Any]:
        return self.index.placed[plan.id]

    def children(self, plan: Plan) -> list[Plan]:
        return self.index.children.get(plan.id, [])

    def unit_children(self, unit_id: str) -> list[Unit]:
        return [self.data.units[u] for u in self.index.unit_children.get(unit_id, [])]

    def plans_of(self, unit_id: str) -> list[Plan]:
        return [p for p in self.index.plans if p.issuer == unit_id]

    def agencies_by_unit(self) -> list[tuple[Unit, list[Agency]]]:
        grouped: dict[str, list[Agency]] = {}
        for agency in self.data.agencies.values():
            grouped.setdefault(agency.unit, []).append(agency)
        order = [u for u in self.data.units.values() if u.id in grouped]
        return [
            (unit, sorted(grouped[unit.id], key=lambda a: (a.kind == "collective", self.plain(a.name))))
            for unit in order
        ]

    def lead_agencies(self, plan: Plan) -> list[Agency]:
        return [self.data.agencies[a] for a in self.index.agencies_in(plan)]

    def deadlines(self) -> list[tuple[Plan, Any, Deadline]]:
        """Every reporting deadline, yearly ones first by day of the year, then dated ones."""
        def key(item: tuple[Plan, Any, Deadline]) -> tuple[int, str, int, int]:
            deadline = item[2]
            if deadline.recurrence == "yearly":
                return (0, "", deadline.month or 0, deadline.day or 0)
            return (1, str(deadline.date or "9999"), 0, 0)

        return sorted(self.index.deadlines, key=key)

    def activity_url(self, plan: Plan, activity: Activity) -> str:
        return urls.activity(plan.id, activity.slug)

    def timeline_years(self, activity: Activity) -> str:
        t = activity.timeline
        if t.start and t.end and t.start != t.end:
            return f"{t.start}–{t.end}"
        return str(t.start) if t.start else ""
