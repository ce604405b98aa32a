"""What a citizen sees first on a plan page, built in Python for the template to lay out.

A plan is a long administrative text. Its page opens with a summary a person takes in
at a glance: what the plan is, who issued it, its period, whether it is still in force
(an ended plan says so, with the date, and points to what applies now), and how many
activities it sets by group, pillar and lead agency, drawn as charts. Notes on the source
(a blank cell, a corrected typo) are introduced by what part of the document they are
about, in plain words, never by the name of a data field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import contexts, urls
from .charts import Bar, Chart, Series, bar_chart
from .dashboards import progress_summaries
from .model import Plan, Text
from .tracker import NOT_REPORTED, STATUSES, Summary
from .vocabulary import N_, STATUS_BY_ID, TOPICS

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
    """The documents it carried out that run on (title, path of the document's entry)."""
    successor_unit: tuple[Text, str] | None = None
    """The unit of today that carries a former unit's plans (name, path)."""
    later: list[tuple[Text, str]] = field(default_factory=list)
    """Plans of the same issuer whose period starts after this one ended (title, path)."""


@dataclass(frozen=True)
class PlanSummary:
    """The top of a plan page."""

    period: str
    in_force: bool
    ended: Ended | None
    activities: int
    """Activities of the appendix (0 for a plan tracked by its assignments)."""
    tasks: int
    """Tasks reported on: activities, or assignments of the body."""
    charts: list[Chart]
    notes: list[Note]


def notes(quirks: list[Any], t: Callable[[str], str]) -> list[Note]:
    """Source notes with the part they are about in plain words."""
    return [Note(t(QUIRK_PARTS[q.field]) if q.field in QUIRK_PARTS else t("About this part"), q.note)
            for q in quirks]


def status_series(t: Callable[[str], str]) -> list[Series]:
    return [Series(key, STATUS_BY_ID[key].label(t)) for key in (*STATUSES, NOT_REPORTED)]


def status_chart(chart_id: str, title: str, summaries: list[Summary], t: Callable[[str], str],
                 number: Callable[[float], str]) -> Chart:
    """Implementation by year: one bar per year, stacked by reported status."""
    bars = [Bar(str(s.year), (*(float(s.counts[k]) for k in STATUSES), float(s.not_reported)))
            for s in summaries]
    return bar_chart(chart_id, title, bars, status_series(t), label_header=t("Year"), total_header=t("Total"),
                     number=number)


def activity_charts(plan: Plan, lang: str, text: Callable[[Text], str], agency_name: Callable[[str], str],
                    t: Callable[[str], str], number: Callable[[float], str]) -> list[Chart]:
    """Activities by group, by pillar or topic and by lead agency (the ten that lead most)."""
    if plan.appendix is None:
        return []
    app = plan.appendix
    count = [Series("count", t("Activities"))]
    groups = Counter(a.group for a in app.activities)
    by_group = [Bar(f"{g.id}. {text(g.name)}", (float(groups[g.id]),),
                    f"{urls.plan(plan.id)}#group-{g.id.lower()}")
                for g in app.groups]
    pillars = Counter(p for a in app.activities for p in a.pillars)
    by_pillar = [Bar(tp.name(lang), (float(pillars[tp.id]),), urls.topic(tp.id))
                 for tp in TOPICS if pillars[tp.id]]
    leads = Counter(agency for a in app.activities if a.lead for agency in dict.fromkeys(a.lead.agencies))
    ranked = sorted(leads.items(), key=lambda item: (-item[1], agency_name(item[0])))
    by_lead = [Bar(agency_name(agency), (float(n),), urls.agency(agency)) for agency, n in ranked[:10]]
    no_lead = sum(1 for a in app.activities if not a.lead)
    charts = [bar_chart(f"{plan.id}-groups", t("Activities by group"), by_group, count,
                        label_header=t("Group"), number=number)]
    if by_pillar:
        charts.append(bar_chart(f"{plan.id}-pillars", t("Activities by pillar or topic"), by_pillar, count,
                                label_header=t("Pillar or topic"), number=number))
    if by_lead:
        title = t("Lead agencies with the most activities") if len(ranked) > 10 else t("Activities by lead agency")
        if no_lead:
            by_lead.append(Bar(t("Lead agency not stated in the source"), (float(no_lead),), look="not-stated"))
        charts.append(bar_chart(f"{plan.id}-leads", title, by_lead, count, label_header=t("Lead agency"),
                                number=number))
    return charts


def summary(plan: Plan, view: Any, t: Callable[[str], str]) -> PlanSummary:
    """The summary of ``plan`` for the page in ``view``'s language.

    ``view`` is the :class:`~site_builder.view.SiteView` of the build (names, dates, the
    project and its tracker); ``t`` translates interface strings.
    """
    charts = activity_charts(plan, view.lang, view.plain, lambda a: view.plain(view.data.agencies[a].name), t, view.number)
    tracker = view.project.tracker
    tasks = tracker.tasks(plan)
    if tasks:
        charts.append(status_chart(f"{plan.id}-status", t("Implementation by year, as reported"),
                                   progress_summaries(tracker, plan), t, view.number))
    ended = None
    if plan.status == "expired":
        basis = []
        for ref in plan.legal_basis:
            if ref.implements and ref.number:
                doc = next((d for d in contexts.documents(view) if d.number == ref.number), None)
                if doc is not None:
                    basis.append((doc.title, f"{urls.INDEXES['documents']}#{doc.id}"))
        now = contexts.successor(view, plan.issuer)
        later = [(p.short_title, urls.plan(p.id)) for p in view.index.plans
                 if p.issuer in (plan.issuer, now.id if now else None) and p.period.start > plan.period.end]
        ended = Ended(view.date(f"{plan.period.end}-12-31"), basis,
                      (now.name, urls.unit(now.id)) if now else None, later)
    return PlanSummary(
        period=plan.period.label,
        in_force=plan.status == "in-force",
        ended=ended,
        activities=len(plan.appendix.activities) if plan.appendix else 0,
        tasks=len(tasks),
        charts=charts,
        notes=notes(plan.quirks, t),
    )
