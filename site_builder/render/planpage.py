"""What a citizen sees on a plan page, built in Python for the template to lay out.

A plan is a long administrative text; its page is read on a phone. It opens with a
summary a person takes in at a glance: who issued it, its number and date, its period,
whether it is still being carried out (an ended plan says so, with the date, and points to
what applies now), and what it asks, in the plan's own words (its purposes and
requirements, three to five of them). Then its progress: a chart where records were
published, else one sentence saying none were. Then its activities (or, for a plan
without an appendix, its assignments) by section, each section with its count and
collapsed, each activity a card with its status by year as one row of small cells. The
original text is a page of its own (:func:`site_builder.core.urls.plan_text`). Notes on the
source (a blank cell, a corrected typo) are introduced by what part of the document they
are about, in plain words, never by the name of a data field, and only on that page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from site_builder.core import urls
from site_builder.core.vocabulary import N_, STATUS_BY_ID
from site_builder.derive.charts import Bar, Chart, ChartOptions, Series, bar_chart
from site_builder.derive.dashboards import progress_summaries, task_url
from site_builder.derive.tracker import NOT_REPORTED, STATUSES, Cell, Summary, Task, plan_years
from site_builder.model import Plan, Text, Timeline
from site_builder.model.common import Quirk
from site_builder.render import queries

if TYPE_CHECKING:
    from site_builder.render.view import SiteView

QUIRK_PARTS: dict[str, str] = {
    "number": N_("Number of the document"),
    "issued": N_("Date of issue"),
    "place": N_("Place of issue"),
    "signer": N_("Signature"),
    "signer.title": N_("Title of the signatory"),
    "title": N_("Title"),
    "recipients": N_("Recipients"),
    "appendix.note": N_("Note under the list of activities"),
    "deadlines": N_("Reporting deadlines"),
    "name": N_("Name of the activity"),
    "lead": N_("Lead agency"),
    "partners": N_("Partner agencies"),
    "timeline": N_("Timeline"),
    "text": N_("Wording of this part"),
    "heading": N_("Heading of this part"),
    "agencies": N_("Agencies named"),
}
"""What part of the document a source note is about, as gettext ids; a part not listed
here is introduced as "About this part" (plain words, never the field's name)."""


@dataclass(frozen=True)
class Note:
    """A note on the source: the part of the document it is about, and what to know."""

    part: str
    text: Text


@dataclass(frozen=True)
class Ended:
    """An ended plan: since when, and what applies now."""

    on: str
    """The last day of its period, in the reader's words (31/12/2025)."""
    basis: list[tuple[Text, str]] = field(default_factory=list)
    """The documents it carried out, as the plan cites them (citation, path of the document's entry)."""
    successor_unit: tuple[Text, str] | None = None
    """The unit of today that carries a former unit's plans (name, path)."""
    later: list[tuple[Text, str]] = field(default_factory=list)
    """Plans of the same issuer whose period starts after this one ended (title, path)."""


ASKS = 5
"""At most this many of the plan's purposes and requirements under "What it asks"."""


@dataclass(frozen=True)
class TaskCard:
    """An activity (or an assignment) as a card: its number, name, who leads it, when, and
    its status in each year of the plan (``cells``: empty while the plan has no records)."""

    key: str
    name: Text
    url: str
    agencies: tuple[str, ...]
    timeline: Timeline | None
    """The activity's timeline (``None`` for an assignment, which has none of its own)."""
    cells: list[Cell]


@dataclass(frozen=True)
class TaskGroup:
    """A section of the plan's activities: its anchor on the plan page (``group-ii``),
    its title and its cards."""

    anchor: str
    title: Text
    ref: str
    cards: list[TaskCard]


@dataclass(frozen=True)
class PlanSummary:
    """What a plan page shows, in order."""

    period: str
    in_force: bool
    ended: Ended | None
    asks: list[Text]
    """What the plan asks, in its own words: its purposes, then its requirements."""
    progress: Chart | None
    """Implementation by year, drawn; ``None`` while no record was published."""
    summaries: list[Summary]
    """The same figures with the progress of each year, the table under the chart."""
    tasks: int
    """Tasks reported on: activities, or assignments of the body (0: nothing to track)."""
    noun: str
    """``activities`` or ``assignments``: what the groups hold."""
    groups: list[TaskGroup]
    years: list[int]
    """The years of the status row (empty while the plan has no records)."""
    example: bool
    """Whether the records shown are examples (labelled in the chart and the legend)."""
    notes: list[Note]


def notes(quirks: list[Quirk], t: Callable[[str], str]) -> list[Note]:
    """Source notes with the part they are about in plain words."""
    return [Note(t(QUIRK_PARTS[q.field]) if q.field in QUIRK_PARTS else t("About this part"), q.note)
            for q in quirks]


def status_series(t: Callable[[str], str]) -> list[Series]:
    return [Series(key, STATUS_BY_ID[key].label(t)) for key in (*STATUSES, NOT_REPORTED)]


def status_chart(chart_id: str, title: str, summaries: list[Summary], t: Callable[[str], str],
                 number: Callable[[float], str]) -> Chart:
    """Implementation by year: one bar per year, stacked by reported status; labelled
    inside the picture as example data when any year's figures are example records."""
    bars = [Bar(str(s.year), (*(float(s.counts[k]) for k in STATUSES), float(s.not_reported)))
            for s in summaries]
    example = t("Example data") if any(s.example for s in summaries) else ""
    options = ChartOptions(label_header=t("Year"), total_header=t("Total"), number=number, example=example)
    return bar_chart(chart_id, title, bars, status_series(t), options)


def asks(plan: Plan, limit: int = ASKS) -> list[Text]:
    """What the plan asks, in its own words: the text of its purposes (the node marked
    ``purposes``, then each item under it), then of its requirements, at most ``limit``;
    requirements keep at least two places when the plan states them. Nothing is written
    here: a plan that states neither gets an empty list, and its page says nothing."""
    def texts(kind: str) -> list[Text]:
        node = next((n for n, _, _ in plan.nodes() if n.kind == kind), None)
        if node is None:
            return []
        found = [node.text] if node.text else []
        return found + [item.text for item in node.items or [] if item.text]

    purposes, requirements = texts("purposes"), texts("requirements")
    keep = max(limit - min(2, len(requirements)), limit - len(requirements))
    chosen = purposes[:keep]
    return chosen + requirements[: limit - len(chosen)]


def task_groups(plan: Plan, tasks: list[Task], cells: Callable[[Task], list[Cell]]) -> list[TaskGroup]:
    """The plan's tasks by section: its appendix groups, or, for a plan tracked by its
    assignments, the top-level sections of its body (``IV. Tổ chức thực hiện``)."""
    def card(task: Task) -> TaskCard:
        timeline = task.activity.timeline if task.activity is not None else None
        return TaskCard(task.key, task.name, task_url(task), task.agencies, timeline, cells(task))

    if plan.appendix is not None:
        return [TaskGroup(f"group-{g.id.lower()}", g.name, g.id,
                          [card(task) for task in tasks if task.activity is not None and task.activity.group == g.id])
                for g in plan.appendix.groups]
    groups: list[TaskGroup] = []
    for i, section in enumerate(plan.sections):
        prefix = f"s-{i + 1}-"
        found = [card(task) for task in tasks if task.anchor.startswith(prefix) or task.anchor == prefix[:-1]]
        if found:
            title = section.heading or section.text
            assert title is not None  # a node has a heading or a text (model)
            groups.append(TaskGroup(f"group-{(section.ref or str(i + 1)).lower()}", title, section.ref or "", found))
    return groups


def ended(plan: Plan, view: SiteView) -> Ended | None:
    """What the page says of an ended plan: when it ended, what it carried out, the unit of
    today its issuer is part of and the later plans of that unit; ``None`` while in force."""
    if plan.status != "expired":
        return None
    basis = []
    for ref in plan.legal_basis:
        if ref.implements and ref.number:
            doc = next((d for d in queries.documents(view) if d.number == ref.number), None)
            if doc is not None:  # named as the plan cites it: "Decision 1160/QĐ-TTg of 13 July 2021 of…"
                basis.append((ref.citation, f"{urls.INDEXES['documents']}#{doc.id}"))
    now = queries.successor(view, plan.issuer)
    later = [(p.short_title, urls.plan(p.id)) for p in view.index.plans
             if p.issuer in (plan.issuer, now.id if now else None) and p.period.start > plan.period.end]
    return Ended(view.date(f"{plan.period.end}-12-31"), basis, (now.name, urls.unit(now.id)) if now else None, later)


def summary(plan: Plan, view: SiteView, t: Callable[[str], str]) -> PlanSummary:
    """The summary of ``plan`` for the page in ``view``'s language.

    ``view`` is the :class:`~site_builder.render.view.SiteView` of the build (names, dates, the
    project and its tracker); ``t`` translates interface strings.
    """
    tracker = view.project.tracker
    tasks = tracker.tasks(plan)
    summaries = progress_summaries(tracker, plan) if tasks else []
    reported = any(sum(s.counts.values()) for s in summaries)
    progress = None
    if reported:
        noun = "assignments" if plan.tracks_assignments else "activities"
        title = {"activities": t("Implementation by year: activities by reported status"),
                 "assignments": t("Implementation by year: assignments by reported status")}[noun]
        progress = status_chart(f"{plan.id}-status", title, summaries, t, view.number)
    years = plan_years(plan) if reported else []
    return PlanSummary(
        period=plan.period.label,
        in_force=plan.status == "in-force",
        ended=ended(plan, view),
        asks=asks(plan),
        progress=progress,
        summaries=summaries,
        tasks=len(tasks),
        noun="assignments" if plan.tracks_assignments else "activities",
        groups=task_groups(plan, tasks, lambda task: tracker.cells(task, years) if years else []),
        years=years,
        example=any(s.example for s in summaries),
        notes=notes(plan.quirks, t),
    )
