"""What each kind of page shows, computed in Python when the page renders.

A page's kind is its spec's class (:mod:`site_builder.derive.kinds`), carrying its records;
:func:`page_context` asks :func:`kind_context`, dispatched on that class, for the rest of
what its template lays out: a plan page's summary, lead agencies and the plans carrying it
out, its full text with anchors and each assignment's history; an agency's involvements
and dashboard; a unit's plan groups, dashboards, local pages and the units below it; a
pillar's view across plans, its pages and news; the lists of the index pages; the home
page's front and unit section. Templates then only loop over these;
:class:`~site_builder.render.view.SiteView` keeps the text, date and address helpers and
:class:`~site_builder.render.portal.Portal` the charts.

Each context is computed for the page being rendered, never for all pages up front,
and reads content pages only through the view (``view.content``, ``view.content_page``,
``view.newsroom``), which records those reads for the incremental build
(:mod:`site_builder.engine.deps`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import singledispatch

from site_builder import LANGUAGES
from site_builder.core import urls
from site_builder.core.reads import listing, texts
from site_builder.core.slug import collation_key
from site_builder.core.vocabulary import QUIZ_BY_ID, QUIZ_TOPICS, TOPICS
from site_builder.derive.assignments import central_reports, unit_duties
from site_builder.derive.dashboards import (
    History,
    agency_dashboard,
    node_history,
    plan_dashboard,
    progress_summaries,
    task_history,
)
from site_builder.derive.embeds import card_code, csp_sources, frame_code
from site_builder.derive.index import LEVEL_ORDER, Involvement
from site_builder.derive.kinds import (
    ActivitiesWidget,
    ActivityPage,
    AgenciesIndex,
    AgencyPage,
    CalendarPage,
    DocumentsIndex,
    EmbedIndex,
    EventsWidget,
    HomePage,
    MembersIndex,
    NewsArchive,
    NewsList,
    NewsWidget,
    PageKind,
    PillarPage,
    PillarsIndex,
    PillarWidget,
    PlanPage,
    PlansIndex,
    PlanTextPage,
    ProgressWidget,
    QuizIndex,
    QuizPage,
    QuizWidget,
    TranslationsPage,
    UnitPage,
    UnitsIndex,
)
from site_builder.derive.membermap import tiles
from site_builder.derive.translation_status import Gap, gaps_of
from site_builder.model import Activity, Agency, Node, Plan, Unit
from site_builder.model.content import Document
from site_builder.model.plans import LegalRef
from site_builder.render import queries
from site_builder.render.frontpage import home_unit
from site_builder.render.planpage import summary
from site_builder.render.portal import Portal
from site_builder.render.queries import successor, unit_plan_groups, unit_plans
from site_builder.render.view import SiteView

Context = dict[str, object]
"""What a template gets besides ``page`` and ``record``."""


def page_context(portal: Portal, page: PageKind | None, src_uri: str | None,
                 meta: Mapping[str, object] | None) -> Context:
    """What the page being rendered shows besides its record: the portal (its charts), the
    page of a news list it is (``listing``), the news related to it (an article's), the
    unit of today that the former unit it is about is part of (``unit_now``, under a
    hand-written page), whether it is an editors' page, then what its kind shows."""
    view = portal.view
    unit = (meta or {}).get("unit")
    out: Context = {"portal": portal, "listing": queries.news_listing(view, src_uri),
                    "related_news": queries.related_news(view, src_uri),
                    "unit_now": successor(view, unit) if isinstance(unit, str) and unit else None,
                    # The guide and the translation report: left out of the search index.
                    "editors_page": bool(src_uri) and urls.for_editors(urls.from_src_uri(src_uri or ""))}
    if page is not None:
        out.update(kind_context(page, portal))
    return out


@singledispatch
def kind_context(page: PageKind, portal: Portal) -> Context:
    """What a kind of page shows; a kind with nothing registered needs nothing more."""
    return {}


# ── the home page ────────────────────────────────────────────────────────────────
@kind_context.register
def home_page(page: HomePage, portal: Portal) -> Context:
    """The front (news, tasks, events, figures, plans) and, in a unit's build, its section."""
    return {"home_unit": home_unit(portal.view), "front": portal.front}


# ── plan and activity pages ──────────────────────────────────────────────────────
@dataclass(frozen=True)
class BodyNode:
    """A node of a plan's full text as its page shows it: with its anchor (``s-4-1``), its
    history when it is an assignment the plan is tracked by, and the nodes under it."""

    node: Node
    anchor: str
    history: History | None
    items: list[BodyNode]


def full_text(view: SiteView, plan: Plan) -> list[BodyNode]:
    """A plan's full text, in source order."""
    tracker = view.project.tracker

    def visit(nodes: list[Node]) -> list[BodyNode]:
        return [BodyNode(n, view.index.anchors[id(n)], node_history(tracker, plan, n), visit(n.items or []))
                for n in nodes]

    return visit(plan.sections)


@kind_context.register
def plan_page(page: PlanPage, portal: Portal) -> Context:
    """The plan's summary (:mod:`site_builder.render.planpage`), the unit of today a former
    issuer is part of, and the plans carrying this one out."""
    view, plan = portal.view, page.plan
    return {
        "issuer_now": successor(view, plan.issuer),
        "children": view.index.children.get(plan.id, []),
        "plan_summary": summary(plan, view, portal.t),
    }


@kind_context.register
def plan_text_page(page: PlanTextPage, portal: Portal) -> Context:
    """A plan's original text with its anchors and each tracked assignment's history."""
    view = portal.view
    return {"issuer_now": successor(view, page.plan.issuer), "full_text": full_text(view, page.plan)}


def timeline_years(activity: Activity) -> str:
    """The years an activity's timeline spans (``2022–2025``), or its one year."""
    t = activity.timeline
    if t.start and t.end and t.start != t.end:
        return f"{t.start}–{t.end}"
    return str(t.start) if t.start else ""


def _years_unless_said(activity: Activity, view: SiteView) -> str:
    """:func:`timeline_years`, or nothing when the timeline's text is those years already: the
    source's "2021-2025" is shown as printed, not followed by "(2021–2025)"."""
    years = timeline_years(activity)
    text = view.plain(activity.timeline.text) if activity.timeline.text else ""
    return "" if "–" in years and "".join(text.split()).replace("-", "–") == years else years


@kind_context.register
def activity_page(page: ActivityPage, portal: Portal) -> Context:
    """An activity's group, its neighbours for the pager, its years and its history."""
    view, plan, activity = portal.view, page.plan, page.activity
    activities = page.appendix.activities
    i = next(k for k, found in enumerate(activities) if found is activity)  # the record itself, not an equal one
    return {
        "group": next((g for g in page.appendix.groups if g.id == activity.group), None),
        "previous": activities[i - 1] if i > 0 else None,
        "next": activities[i + 1] if i + 1 < len(activities) else None,
        "timeline_years": _years_unless_said(activity, view),
        "history": task_history(view.project.tracker, plan, activity.id),
    }


@kind_context.register
def plans_index(page: PlansIndex, portal: Portal) -> Context:
    """The home unit's plans first (in a unit's build), the plans by level, and the chain
    of legal basis: which document each plan carries out."""
    view = portal.view
    home = view.home_unit
    chain = [(plan, [(ref, view.data.plans[ref.plan] if ref.plan else None)
                     for ref in plan.legal_basis if ref.implements]) for plan in view.index.plans]
    return {
        "home_groups": unit_plan_groups(view, home.id) if home else [],
        "by_level": view.index.plans_by_level(),
        "chain": chain,
    }


@kind_context.register
def documents_index(page: DocumentsIndex, portal: Portal) -> Context:
    """Each document with the plans whose legal basis cites it (by number or plan id)."""
    view = portal.view

    def cited_by(document: Document) -> list[Plan]:
        return [plan for plan in view.index.plans if any(cites(ref, document) for ref in plan.legal_basis)]

    return {"documents": [(doc, cited_by(doc)) for doc in queries.documents(view)]}


def cites(ref: LegalRef, document: Document) -> bool:
    return bool((document.number and ref.number == document.number) or (document.plan and ref.plan == document.plan))


@kind_context.register
def calendar_index(page: CalendarPage, portal: Portal) -> Context:
    return {"events": queries.events(portal.view), "deadlines": queries.deadlines(portal.view)}


# ── agencies ─────────────────────────────────────────────────────────────────────
@kind_context.register
def agency_page(page: AgencyPage, portal: Portal) -> Context:
    view = portal.view
    involvements = view.index.involvements.get(page.agency.id, [])
    by_role: dict[str, list[Involvement]] = {}
    for found in involvements:
        by_role.setdefault(found.role, []).append(found)
    return {
        "implementation": agency_dashboard(view.project.tracker, view.index.plans, page.agency.id),
        "involvements": involvements,
        "involvements_by_role": by_role,
    }


@kind_context.register
def agencies_index(page: AgenciesIndex, portal: Portal) -> Context:
    """Agencies by unit (in the order of the units), collective phrases last, each with how
    many times the plans name it."""
    view = portal.view
    grouped: dict[str, list[Agency]] = {}
    for agency in view.data.agencies.values():
        grouped.setdefault(agency.unit, []).append(agency)
    mentions = view.index.involvements
    return {"agencies_by_unit": [
        (unit, [(a, len(mentions.get(a.id, [])))
                for a in sorted(grouped[unit.id], key=lambda a: (a.kind == "collective", view.plain(a.name)))])
        for unit in view.data.units.values() if unit.id in grouped
    ]}


# ── units ────────────────────────────────────────────────────────────────────────
@dataclass(frozen=True)
class UnitCard:
    """A unit on the units page: how many plans its section carries, and the unit of today
    a former unit is part of."""

    unit: Unit
    plans: int
    now: Unit | None


def unit_card(view: SiteView, unit: Unit) -> UnitCard:
    return UnitCard(unit, len(unit_plans(view, unit.id)), None if unit.current else successor(view, unit.id))


@kind_context.register
def units_index(page: UnitsIndex, portal: Portal) -> Context:
    """The national level, the provinces and cities of today in Vietnamese alphabetical
    order, then the former units, provinces first."""
    view = portal.view
    units = view.data.units.values()

    def name(u: Unit) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return collation_key((u.short_name or u.name).vi)

    today = sorted((u for u in units if u.level == "province" and u.current), key=name)
    former = sorted((u for u in units if not u.current), key=lambda u: (LEVEL_ORDER[u.level], name(u)))
    return {
        "national_units": [unit_card(view, u) for u in units if u.level == "national"],
        "central_units": [unit_card(view, u) for u in units if u.level == "central" and u.current],
        "today": [unit_card(view, u) for u in today],
        "cities": sum(1 for u in today if u.centrally_run),
        "former_units": [unit_card(view, u) for u in former],
    }


@kind_context.register
def unit_page(page: UnitPage, portal: Portal) -> Context:
    """The plans its section carries (by issuing unit), the national plans when it has none
    of its own, each carried plan's dashboard, its local pages and the units below it."""
    view, unit = portal.view, page.unit
    tracker = view.project.tracker
    return {
        "plan_groups": unit_plan_groups(view, unit.id),
        "own_plans": queries.plans_of(view, unit.id),
        "national_plans": queries.national_plans(view),
        "implementation": [(p, plan_dashboard(tracker, p)) for p in unit_plans(view, unit.id) if tracker.tasks(p)],
        "local_pages": queries.local_pages(view, unit.id),
        "units_below": [view.data.units[u] for u in view.index.unit_children.get(unit.id, [])],
        "duties": unit_duties(view.index, tracker, unit.id) if unit.level == "central" else None,
        "central_reports": central_reports(view.index) if unit.level == "national" else [],
    }


# ── pillars and topics ───────────────────────────────────────────────────────────
@kind_context.register
def pillar_page(page: PillarPage, portal: Portal) -> Context:
    """What every plan sets under the topic, the fact and tourism pages about it, its news."""
    view, topic = portal.view, page.topic
    return {
        "topic_view": view.index.topics[topic.id],
        "pages_about": [p for p in view.content.in_lang(view.lang)
                        if topic.id in p.meta.topics and p.meta.kind in ("fact", "tourism")],
        "news": queries.news(view, topic, 5),
    }


@kind_context.register
def pillars_index(page: PillarsIndex, portal: Portal) -> Context:
    return {"topic_views": [(tp, portal.view.index.topics[tp.id]) for tp in TOPICS]}


@kind_context.register
def pillar_widget(page: PillarWidget, portal: Portal) -> Context:
    """The topic's counts and its hand-written page (``asean/<topic>.md``), if any."""
    view = portal.view
    return {"topic_view": view.index.topics[page.topic.id], "hub": view.content_page(f"asean/{page.topic.id}.md")}


# ── news, quiz, members, widgets, translations ───────────────────────────────────
@kind_context.register(NewsArchive)
@kind_context.register(NewsList)
def newsroom(page: NewsArchive | NewsList, portal: Portal) -> Context:
    return {"newsroom": portal.view.newsroom}


@kind_context.register
def news_widget(page: NewsWidget, portal: Portal) -> Context:
    return {"news": queries.news(portal.view, None, 5)}


@kind_context.register
def members_index(page: MembersIndex, portal: Portal) -> Context:
    """The member states, and their tiles on the schematic map."""
    found = queries.members(portal.view)
    return {"members": found, "member_tiles": tiles(found, portal.view.lang)}


@kind_context.register
def quiz_index(page: QuizIndex, portal: Portal) -> Context:
    """(topic, title, number of questions) of each quiz with questions, the mixed quiz last."""
    view, t = portal.view, portal.view.gettext
    topics = [(topic.id, topic.label(t), len(queries.questions(view, topic.id))) for topic in QUIZ_TOPICS]
    return {"quiz_topics": [x for x in topics if x[2]] + [("mixed", QUIZ_BY_ID["mixed"].label(t), 10)]}


def quiz(view: SiteView, topic: str) -> Context:
    """The questions, and the title of the page each cites, so that its link says where it
    leads ("Read more: About ASEAN") instead of a bare "Read more"."""
    found = queries.questions(view, topic)
    titles = {spec.url: spec.title for spec in view.project.pages(view.lang)}
    titles.update({page.url: page.meta.title for page in view.content.in_lang(view.lang)})
    return {"questions": found,
            "source_titles": {q.source: titles.get(q.source.split("#", 1)[0], "") for q in found}}


@kind_context.register(QuizPage)
@kind_context.register(QuizWidget)
def quiz_page(page: QuizPage | QuizWidget, portal: Portal) -> Context:
    """A quiz, its printable copy (a :class:`QuizPage` too) and the widget's mixed quiz."""
    return quiz(portal.view, page.quiz)


@kind_context.register
def embed_index(page: EmbedIndex, portal: Portal) -> Context:
    """The widgets (in a unit's section, those of the plans it carries first), the codes to
    copy for each and the sources a portal's policy must allow."""
    view = portal.view
    found = view.project.widgets(view.lang)
    if view.home_unit is not None:
        # In a unit's section the widgets of the plans it carries come first: those are
        # the ones its portal embeds.
        own = {p.id for p in unit_plans(view, view.home_unit.id)}
        found = sorted(found, key=lambda w: not (isinstance(w.spec, ActivitiesWidget | ProgressWidget)
                                                 and w.spec.id in own))
    # Plain text: the card escapes it once, as it does the widget's title. (The template's
    # ``_()`` gave markup, which the card escaped a second time: "&amp;amp;".)
    link_text = view.gettext("Read it on %(site)s") % {"site": portal.site_name}
    return {
        "widgets": found,
        # Shown live three ways: a member state's card (short, the same in every build).
        "example": next((w for w in found if w.url == urls.embed("members", "viet-nam")), found[0]),
        "codes": {w.url: (frame_code(w, view.site, view.lang, True), card_code(w, view.site, view.lang, link_text))
                  for w in found},
        "csp": csp_sources(view.site.base),
    }


@kind_context.register
def translations_page(page: TranslationsPage, portal: Portal) -> Context:
    """What is left to translate; it compares the texts of every page of both languages."""
    view = portal.view
    view.reads.update(key(lang) for lang in LANGUAGES for key in (listing, texts))
    gaps = gaps_of(view.data, view.project.content)
    by_kind: dict[str, list[Gap]] = {}
    for gap in gaps:
        by_kind.setdefault(gap.kind, []).append(gap)
    return {"gaps": gaps, "gaps_by_kind": by_kind}


@kind_context.register
def progress_widget(page: ProgressWidget, portal: Portal) -> Context:
    """The plan's figures by year and their chart."""
    return {"summaries": progress_summaries(portal.view.project.tracker, page.plan),
            "progress_chart": portal.progress_chart(page.plan)}


@kind_context.register
def activities_widget(page: ActivitiesWidget, portal: Portal) -> Context:
    return {"lead_agencies": queries.lead_agencies(portal.view, page.plan)}


@kind_context.register
def events_widget(page: EventsWidget, portal: Portal) -> Context:
    return {"events": queries.events(portal.view), "deadlines": queries.deadlines(portal.view)}
