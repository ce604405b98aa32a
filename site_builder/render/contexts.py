"""What each kind of page shows, computed in Python when the page renders.

A generated page is a spec (:mod:`.pages`) carrying its record; the plugin asks
:func:`page_context` for the rest of what its template lays out: a plan page's lead
agencies, the plans carrying it out, its full text with anchors and each assignment's
history, and its dashboard; an agency's involvements and dashboard; a unit's plan
groups, dashboards, local pages and the units below it; a pillar's view across plans,
its pages and news; and the lists of the index pages. Templates then only loop over
these; :class:`~site_builder.render.view.SiteView` keeps the text, date and address helpers.

Each context is computed for the page being rendered, never for all pages up front,
and reads content pages only through the view (``view.content``, ``view.content_page``,
``view.newsroom``), which records those reads for the incremental build
(:mod:`.deps`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from site_builder import LANGUAGES
from site_builder.core import urls
from site_builder.core.slug import collation_key
from site_builder.core.vocabulary import QUIZ_BY_ID, QUIZ_TOPICS, TOPICS, Topic
from site_builder.derive.dashboards import (
    History,
    agency_dashboard,
    node_history,
    plan_dashboard,
    progress_summaries,
    task_history,
)
from site_builder.derive.index import LEVEL_ORDER, Involvement, PlacedNode
from site_builder.derive.membermap import tiles
from site_builder.derive.newsroom import ListingPage
from site_builder.derive.pages import Subject
from site_builder.core.reads import listing, texts
from site_builder.inputs.content_tree import ContentPage
from site_builder.model import Activity, Agency, Plan, Unit
from site_builder.model.plans import Deadline, LegalRef

if TYPE_CHECKING:
    from site_builder.render.view import SiteView


# ── what several pages ask ───────────────────────────────────────────────────────
def successor(view: SiteView, unit_id: str) -> Unit | None:
    """The unit of today that carries a former unit's plans and pages."""
    found = view.index.successor(unit_id)
    return view.data.units[found] if found else None


def plans_of(view: SiteView, unit_id: str) -> list[Plan]:
    """The plans a unit issued itself."""
    return [p for p in view.index.plans if p.issuer == unit_id]


def unit_plan_groups(view: SiteView, unit_id: str) -> list[tuple[Unit, list[Plan]]]:
    """(issuing unit, its plans) for the unit and each unit it carries that has plans."""
    groups = [(view.data.units[u], plans_of(view, u)) for u in view.index.carried.get(unit_id, [unit_id])]
    return [(unit, plans) for unit, plans in groups if plans]


def unit_plans(view: SiteView, unit_id: str) -> list[Plan]:
    """The plans a unit's section carries, its own first, then by the unit that issued them."""
    return [plan for _, plans in unit_plan_groups(view, unit_id) for plan in plans]


def national_plans(view: SiteView) -> list[Plan]:
    """Plans issued at the national level: the ones every province carries out."""
    return [p for p in view.index.plans if view.data.units[p.issuer].level == "national"]


def local_pages(view: SiteView, unit_id: str) -> list[ContentPage]:
    """Pages of this language about a unit and about the units it carries (the former
    provinces it was formed from, the districts below it): tourism pages first."""
    units = set(view.index.carried.get(unit_id, [unit_id]))
    pages = [p for p in view.content.in_lang(view.lang) if p.meta.unit in units]
    return sorted(pages, key=lambda p: (p.meta.kind != "tourism", str(p.meta.date or ""), p.rel))


def news(view: SiteView, topic: Topic | None = None, limit: int | None = None) -> list[ContentPage]:
    """News of this language, newest first; only those of ``topic`` when given."""
    room = view.newsroom
    items = room.lists.get(("news-topic", topic.id), []) if topic is not None else room.news
    return items[:limit] if limit else list(items)


def events(view: SiteView) -> list[Any]:
    """Yearly events by day of the year, then dated events, newest first."""
    found = list(view.project.content.events or [])
    yearly = sorted((e for e in found if e.recurrence == "yearly"), key=lambda e: (e.month, e.day))
    dated = sorted((e for e in found if e.recurrence == "once"), key=lambda e: str(e.date), reverse=True)
    return yearly + dated


def deadlines(view: SiteView) -> list[tuple[Plan, PlacedNode, Deadline]]:
    """Every reporting deadline, yearly ones first by day of the year, then dated ones."""
    def key(item: tuple[Plan, PlacedNode, Deadline]) -> tuple[int, str, int, int]:
        deadline = item[2]
        if deadline.recurrence == "yearly":
            return (0, "", deadline.month or 0, deadline.day or 0)
        return (1, str(deadline.date or "9999"), 0, 0)

    return sorted(view.index.deadlines, key=key)


def documents(view: SiteView) -> list[Any]:
    """Documents, newest first; undated ones last."""
    return sorted(view.project.content.documents or [], key=lambda d: str(d.date or "0000"), reverse=True)


def members(view: SiteView) -> list[Any]:
    return list(view.project.content.members or [])


def questions(view: SiteView, topic: str | None) -> list[Any]:
    """The questions of a quiz topic (all of them for the mixed quiz)."""
    bank = list(view.project.content.quiz or [])
    return bank if topic in (None, "mixed") else [q for q in bank if q.topic == topic]


def lead_agencies(view: SiteView, plan: Plan) -> list[Agency]:
    """The agencies that lead any of a plan's activities (its activity table's filter)."""
    return [view.data.agencies[a] for a in view.index.agencies_in(plan)]


# ── plan and activity pages ──────────────────────────────────────────────────────
@dataclass(frozen=True)
class BodyNode:
    """A node of a plan's full text as its page shows it: with its anchor (``s-4-1``), its
    history when it is an assignment the plan is tracked by, and the nodes under it."""

    node: Any
    anchor: str
    history: History | None
    items: list[BodyNode]


def full_text(view: SiteView, plan: Plan) -> list[BodyNode]:
    """A plan's full text, in source order."""
    tracker = view.project.tracker

    def visit(nodes: list[Any]) -> list[BodyNode]:
        return [BodyNode(n, view.index.anchors[id(n)], node_history(tracker, plan, n), visit(n.items or []))
                for n in nodes]

    return visit(plan.sections)


def plan_page(record: Subject, view: SiteView) -> dict[str, Any]:
    """The unit of today a former issuer is part of, and the plans carrying this one out
    (the rest of a plan page is its summary, :mod:`site_builder.render.planpage`)."""
    plan = record.plan
    assert plan is not None
    return {
        "issuer_now": successor(view, plan.issuer),
        "children": view.index.children.get(plan.id, []),
    }


def plan_text_page(record: Subject, view: SiteView) -> dict[str, Any]:
    """A plan's original text with its anchors and each tracked assignment's history."""
    plan = record.plan
    assert plan is not None
    return {"issuer_now": successor(view, plan.issuer), "full_text": full_text(view, plan)}


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


def activity_page(record: Subject, view: SiteView) -> dict[str, Any]:
    """An activity's group, its neighbours for the pager, its years and its history."""
    plan, activity = record.plan, record.activity
    assert plan is not None and plan.appendix is not None and activity is not None
    activities = plan.appendix.activities
    i = next(k for k, found in enumerate(activities) if found is activity)  # the record itself, not an equal one
    return {
        "group": next((g for g in plan.appendix.groups if g.id == activity.group), None),
        "previous": activities[i - 1] if i > 0 else None,
        "next": activities[i + 1] if i + 1 < len(activities) else None,
        "timeline_years": _years_unless_said(activity, view),
        "history": task_history(view.project.tracker, plan, activity.id),
    }


def plans_index(record: Subject, view: SiteView) -> dict[str, Any]:
    """The home unit's plans first (in a unit's build), the plans by level, and the chain
    of legal basis: which document each plan carries out."""
    home = view.home_unit
    chain = [(plan, [(ref, view.data.plans[ref.plan] if ref.plan else None)
                     for ref in plan.legal_basis if ref.implements]) for plan in view.index.plans]
    return {
        "home_groups": unit_plan_groups(view, home.id) if home else [],
        "by_level": view.index.plans_by_level(),
        "chain": chain,
    }


def documents_index(record: Subject, view: SiteView) -> dict[str, Any]:
    """Each document with the plans whose legal basis cites it (by number or plan id)."""
    def cited_by(document: Any) -> list[Plan]:
        return [plan for plan in view.index.plans if any(cites(ref, document) for ref in plan.legal_basis)]

    return {"documents": [(doc, cited_by(doc)) for doc in documents(view)]}


def cites(ref: LegalRef, document: Any) -> bool:
    return bool((document.number and ref.number == document.number) or (document.plan and ref.plan == document.plan))


def calendar_index(record: Subject, view: SiteView) -> dict[str, Any]:
    return {"events": events(view), "deadlines": deadlines(view)}


# ── agencies ─────────────────────────────────────────────────────────────────────
def agency_page(record: Subject, view: SiteView) -> dict[str, Any]:
    agency = record.agency
    assert agency is not None
    involvements = view.index.involvements.get(agency.id, [])
    by_role: dict[str, list[Involvement]] = {}
    for found in involvements:
        by_role.setdefault(found.role, []).append(found)
    return {
        "implementation": agency_dashboard(view.project.tracker, view.index.plans, agency.id),
        "involvements": involvements,
        "involvements_by_role": by_role,
    }


def agencies_index(record: Subject, view: SiteView) -> dict[str, Any]:
    """Agencies by unit (in the order of the units), collective phrases last, each with how
    many times the plans name it."""
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


def units_index(record: Subject, view: SiteView) -> dict[str, Any]:
    """The national level, the provinces and cities of today in Vietnamese alphabetical
    order, then the former units, provinces first."""
    units = view.data.units.values()

    def name(u: Unit) -> str:
        return collation_key((u.short_name or u.name).vi)

    today = sorted((u for u in units if u.level == "province" and u.current), key=name)
    former = sorted((u for u in units if not u.current), key=lambda u: (LEVEL_ORDER[u.level], name(u)))
    return {
        "national_units": [unit_card(view, u) for u in units if u.level == "national"],
        "today": [unit_card(view, u) for u in today],
        "cities": sum(1 for u in today if u.centrally_run),
        "former_units": [unit_card(view, u) for u in former],
    }


def unit_page(record: Subject, view: SiteView) -> dict[str, Any]:
    """The plans its section carries (by issuing unit), the national plans when it has none
    of its own, each carried plan's dashboard, its local pages and the units below it."""
    unit = record.unit
    assert unit is not None
    tracker = view.project.tracker
    return {
        "plan_groups": unit_plan_groups(view, unit.id),
        "own_plans": plans_of(view, unit.id),
        "national_plans": national_plans(view),
        "implementation": [(p, plan_dashboard(tracker, p)) for p in unit_plans(view, unit.id) if tracker.tasks(p)],
        "local_pages": local_pages(view, unit.id),
        "units_below": [view.data.units[u] for u in view.index.unit_children.get(unit.id, [])],
    }


@dataclass(frozen=True)
class HomeUnit:
    """The top of a unit's own section: the unit, the unit of today it is part of, the plans
    its section carries, the national plans when it has none, and its local pages."""

    unit: Unit
    now: Unit | None
    plan_groups: list[tuple[Unit, list[Plan]]]
    own_plans: list[Plan]
    national_plans: list[Plan]
    local_pages: list[ContentPage]

    @property
    def has_tourism(self) -> bool:
        """Whether a tourism page is among its local pages (else the page links to all of them)."""
        return any(p.meta.kind == "tourism" for p in self.local_pages)


def home_page(view: SiteView) -> dict[str, Any]:
    unit = view.home_unit
    if unit is None:
        return {"home_unit": None}
    return {"home_unit": HomeUnit(unit, successor(view, unit.id), unit_plan_groups(view, unit.id),
                                  plans_of(view, unit.id), national_plans(view), local_pages(view, unit.id))}


# ── pillars and topics ───────────────────────────────────────────────────────────
def pillar_page(record: Subject, view: SiteView) -> dict[str, Any]:
    """What every plan sets under the topic, the fact and tourism pages about it, its news."""
    topic = record.topic
    assert topic is not None
    return {
        "topic_view": view.index.topics[topic.id],
        "pages_about": [p for p in view.content.in_lang(view.lang)
                        if topic.id in p.meta.topics and p.meta.kind in ("fact", "tourism")],
        "news": news(view, topic, 5),
    }


def pillars_index(record: Subject, view: SiteView) -> dict[str, Any]:
    return {"topic_views": [(tp, view.index.topics[tp.id]) for tp in TOPICS]}


def pillar_widget(record: Subject, view: SiteView) -> dict[str, Any]:
    """The topic's counts and its hand-written page (``asean/<topic>.md``), if any."""
    topic = record.topic
    assert topic is not None
    return {"topic_view": view.index.topics[topic.id], "hub": view.content_page(f"asean/{topic.id}.md")}


# ── news, quiz, members, widgets, translations ───────────────────────────────────
def newsroom(record: Subject, view: SiteView) -> dict[str, Any]:
    return {"newsroom": view.newsroom}


def news_listing(view: SiteView, src_uri: str | None) -> ListingPage | None:
    """The page of a news list a page shows (``None`` for any other page, which then reads
    nothing here)."""
    found = view.project.newsroom(view.lang).page_at(urls.from_src_uri(src_uri)) if src_uri else None
    if found is not None:
        view.reads.add(listing(view.lang))  # a list page depends on every article's metadata
    return found


def related_news(view: SiteView, src_uri: str | None) -> list[ContentPage]:
    """The news related to an article (shared tags and topics); none for other pages."""
    page = view.project.content.pages.get((view.lang, src_uri)) if src_uri else None
    if page is None or page.meta.kind != "news":
        return []
    return view.newsroom.related(page)


def news_widget(record: Subject, view: SiteView) -> dict[str, Any]:
    return {"news": news(view, None, 5)}


def members_index(record: Subject, view: SiteView) -> dict[str, Any]:
    """The member states, and their tiles on the schematic map."""
    found = members(view)
    return {"members": found, "member_tiles": tiles(found, view.lang)}


def quiz_index(record: Subject, view: SiteView) -> dict[str, Any]:
    """(topic, title, number of questions) of each quiz with questions, the mixed quiz last."""
    t = view.gettext
    topics = [(topic.id, topic.label(t), len(questions(view, topic.id))) for topic in QUIZ_TOPICS]
    return {"quiz_topics": [x for x in topics if x[2]] + [("mixed", QUIZ_BY_ID["mixed"].label(t), 10)]}


def quiz_page(record: Subject, view: SiteView) -> dict[str, Any]:
    """The questions, and the title of the page each cites, so that its link says where it
    leads ("Read more: About ASEAN") instead of a bare "Read more"."""
    found = questions(view, record.quiz)
    titles = {spec.url: spec.title for spec in view.project.pages(view.lang)}
    titles.update({page.url: page.meta.title for page in view.content.in_lang(view.lang)})
    return {"questions": found,
            "source_titles": {q.source: titles.get(q.source.split("#", 1)[0], "") for q in found}}


def embed_index(record: Subject, view: SiteView, site_name: str) -> dict[str, Any]:
    """The widgets (in a unit's section, those of the plans it carries first), the codes to
    copy for each and the sources a portal's policy must allow."""
    from site_builder.derive.embeds import card_code, csp_sources, frame_code

    found = view.project.widgets(view.lang)
    if view.home_unit is not None:
        # In a unit's section the widgets of the plans it carries come first: those are
        # the ones its portal embeds.
        own = {p.id for p in unit_plans(view, view.home_unit.id)}
        found = sorted(found, key=lambda w: not (w.spec.kind in ("embed-activities", "embed-progress")
                                                 and w.spec.id in own))
    # Plain text: the card escapes it once, as it does the widget's title. (The template's
    # ``_()`` gave markup, which the card escaped a second time: "&amp;amp;".)
    link_text = view.gettext("Read it on %(site)s") % {"site": site_name}
    return {
        "widgets": found,
        # Shown live three ways: a member state's card (short, the same in every build).
        "example": next((w for w in found if w.url == "embed/members/viet-nam/"), found[0]),
        "codes": {w.url: (frame_code(w, view.site, view.lang, True), card_code(w, view.site, view.lang, link_text))
                  for w in found},
        "csp": csp_sources(view.site.base),
    }


def translations_page(record: Subject, view: SiteView) -> dict[str, Any]:
    """What is left to translate; it compares the texts of every page of both languages."""
    from site_builder.derive.translation_status import gaps_of

    view.reads.update(key(lang) for lang in LANGUAGES for key in (listing, texts))
    gaps = gaps_of(view.data, view.project.content)
    by_kind: dict[str, list[Any]] = {}
    for gap in gaps:
        by_kind.setdefault(gap.kind, []).append(gap)
    return {"gaps": gaps, "gaps_by_kind": by_kind}


def progress_widget(record: Subject, view: SiteView) -> dict[str, Any]:
    assert record.plan is not None
    return {"summaries": progress_summaries(view.project.tracker, record.plan)}


def activities_widget(record: Subject, view: SiteView) -> dict[str, Any]:
    assert record.plan is not None
    return {"lead_agencies": lead_agencies(view, record.plan)}


def events_widget(record: Subject, view: SiteView) -> dict[str, Any]:
    return {"events": events(view), "deadlines": deadlines(view)}


def quiz_widget(record: Subject, view: SiteView) -> dict[str, Any]:
    return quiz_page(Subject("quiz", quiz="mixed"), view)


CONTEXTS: dict[str, Callable[[Subject, SiteView], dict[str, Any]]] = {
    "plan": plan_page,
    "plan-text": plan_text_page,
    "activity": activity_page,
    "agency": agency_page,
    "unit": unit_page,
    "pillar": pillar_page,
    "plans": plans_index,
    "agencies": agencies_index,
    "units": units_index,
    "pillars": pillars_index,
    "calendar": calendar_index,
    "documents": documents_index,
    "members": members_index,
    "quiz-index": quiz_index,
    "quiz": quiz_page,
    "quiz-print": quiz_page,
    "translations": translations_page,
    "news-archive": newsroom,
    "news": newsroom,
    "news-year": newsroom,
    "news-topic": newsroom,
    "news-tag": newsroom,
    "embed-news": news_widget,
    "embed-events": events_widget,
    "embed-pillar": pillar_widget,
    "embed-progress": progress_widget,
    "embed-activities": activities_widget,
    "embed-quiz": quiz_widget,
}
"""The context of each kind of generated page (a kind not listed needs none)."""


def page_context(view: SiteView, src_uri: str | None, meta: dict[str, Any] | None, record: Subject | None,
                 site_name: str = "") -> dict[str, Any]:
    """What the page being rendered shows besides its record: the page of a news list it is
    (``listing``), the news related to it (an article's) and the unit of today that the
    former unit it is about is part of (``unit_now``, under a hand-written page), then the home page's unit
    section or the context of its kind. ``site_name`` is the build's (the embed codes'
    link text)."""
    unit = (meta or {}).get("unit")
    out: dict[str, Any] = {"listing": news_listing(view, src_uri), "related_news": related_news(view, src_uri),
                           "unit_now": successor(view, unit) if unit else None,
                           # The guide and the translation report: left out of the search index.
                           "editors_page": bool(src_uri) and urls.for_editors(urls.from_src_uri(src_uri or ""))}
    if meta and meta.get("template") == "asean/home.html":
        out.update(home_page(view))
    elif record is not None and record.kind == "embed-index":
        out.update(embed_index(record, view, site_name))
    elif record is not None and record.kind in CONTEXTS:
        out.update(CONTEXTS[record.kind](record, view))
    return out
