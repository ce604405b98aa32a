"""The home page's context: what a citizen sees first, built in Python, laid out by
``theme/asean/home.html``.

A portal's ASEAN section competes with news sites that lead with stories, pictures and
numbers, so its front page does the same: a lead story and the latest news as cards
(the article's photo, or a cover drawn from its topic when it has none), the three
pillars and the topics as cards, the next events, ASEAN in numbers from the member
states' data (each figure with its year and source), the map of the member states and
the section's plans with their implementation as small charts. Nothing here depends on
the day of the build: which events are "next" is decided in the reader's browser by
``upcoming.js`` (without it, every event is listed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import contexts, urls
from .charts import Bar, Cell, Chart, Series, bar_chart
from .dashboards import progress_summaries
from .membermap import Tile, tiles
from .model import Plan
from .planpage import status_series
from .tracker import STATUSES
from .vocabulary import TOPICS

LATEST = 4
"""News cards under the lead story."""
UPCOMING = 4
"""Events shown (by ``upcoming.js``) in "Coming up"."""
TOPIC_PAGES = {"tourism": "tourism/index.md", "identity": "asean/symbols.md", "connectivity": "asean/vision-2045.md"}
"""Topics whose hand-written page is not ``asean/<topic>.md`` (the home page's links)."""


@dataclass(frozen=True)
class StoryCard:
    """A news article as a card."""

    title: str
    url: str
    date: str
    """ISO date for ``<time datetime>``; empty when the article has none."""
    date_text: str
    description: str
    picture: Any = None
    """The article's photo (:class:`~site_builder.images.Picture`), or ``None``."""
    cover: str = "general"
    """Without a photo: the topic whose drawn cover the card shows (a CSS class)."""
    cover_label: str = ""
    topics: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TopicCard:
    id: str
    name: str
    abbr: str
    url: str
    text: str
    """What the topic's page is about (its description), or empty."""


@dataclass(frozen=True)
class EventItem:
    """An event or deadline for "Coming up"; ``upcoming.js`` keeps the next ones."""

    id: str
    title: str
    when: str
    month: int | None = None
    day: int | None = None
    date: str = ""
    url: str | None = None


@dataclass(frozen=True)
class Figure:
    """One of "ASEAN in numbers": the figure, what it counts, and its year or basis."""

    value: str
    label: str
    note: str


@dataclass(frozen=True)
class PlanCard:
    title: str
    url: str
    issuer: str
    period: str
    in_force: bool
    ended_on: str
    """For an ended plan: the last day of its period, in the reader's words."""
    chart: Chart | None
    """Its implementation in the latest year with reports; ``None`` when nothing was reported."""


@dataclass(frozen=True)
class FrontPage:
    lead: StoryCard | None
    news: list[StoryCard]
    pillars: list[TopicCard]
    topics: list[TopicCard]
    events: list[EventItem]
    figures: list[Figure]
    population: Chart | None
    """Population by member, with each figure's year and source in its table."""
    tiles: list[Tile]
    plans: list[PlanCard]
    upcoming: int = UPCOMING


def story(page: Any, view: Any, page_url: str) -> StoryCard:
    meta = page.meta
    first = meta.topics[0] if meta.topics else "general"
    topic = next((tp for tp in TOPICS if tp.id == first), None)
    return StoryCard(
        title=meta.title,
        url=page.url,
        date=str(meta.date or ""),
        date_text=view.date(meta.date) if meta.date else "",
        description=meta.description,
        picture=view.picture(page, page_url),
        cover=first,
        cover_label=topic.abbr if topic else "ASEAN",
        topics=[tp.name(view.lang) for tp in TOPICS if tp.id in meta.topics],
    )


def topic_cards(view: Any) -> tuple[list[TopicCard], list[TopicCard]]:
    """(pillars, topics), each linking to its hand-written page when there is one."""
    pillars, others = [], []
    for tp in TOPICS:
        hub = view.content_page(TOPIC_PAGES.get(tp.id, f"asean/{tp.id}.md"))
        url = hub.url if hub else urls.topic(tp.id)
        card = TopicCard(tp.id, tp.name(view.lang), tp.abbr, url, hub.meta.description if hub else "")
        (pillars if tp.pillar else others).append(card)
    return pillars, others


def events(view: Any, found: list[Any], deadlines: list[Any]) -> list[EventItem]:
    """Yearly and dated events (``found``, in calendar order), and the yearly reporting
    deadlines of plans in force (``deadlines``: (plan, placed node, deadline))."""
    out = []
    for e in found:
        url = e.link or f"{urls.INDEXES['calendar']}#{e.id}"
        if e.recurrence == "yearly":
            out.append(EventItem(e.id, view.plain(e.title), view.day_month(e.month, e.day), e.month, e.day, url=url))
        else:
            out.append(EventItem(e.id, view.plain(e.title), view.date(e.date), date=str(e.date), url=url))
    for plan, placed, d in deadlines:
        if d.recurrence == "yearly" and plan.status == "in-force":
            out.append(EventItem(f"{plan.id}-{placed.anchor}", f"{view.plain(d.what)} ({view.plain(plan.short_title)})",
                                 view.day_month(d.month, d.day), d.month, d.day,
                                 url=urls.plan_node(plan.id, placed.anchor)))
    return out


def figures(members: list[Any], view: Any, t: Callable[[str], str]) -> tuple[list[Figure], Chart | None]:
    """ASEAN in numbers, summed from the member profiles, and population by member."""
    if not members:
        return [], None
    number = view.number
    founded = min(members, key=lambda m: str(m.joined.date))
    newest = max(members, key=lambda m: str(m.joined.date))
    people = sum(m.population.count for m in members)
    area = sum(m.area.km2 for m in members)
    years = sorted({str(m.population.year)[:4] for m in members})
    span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    out = [
        Figure(number(len(members)), t("member states"),
               t("the newest, %(name)s, joined on %(date)s") % {"name": view.plain(newest.name),
                                                                "date": view.date(newest.joined.date)}),
        Figure(t("%(n)s million") % {"n": number(round(people / 1_000_000))}, t("people"),
               t("sum of the member states' latest figures, for the years %(years)s") % {"years": span}),
        Figure(t("%(n)s million km²") % {"n": number(round(area / 1_000_000, 2))}, t("total area"),
               t("sum of the member states' areas")),
        Figure(str(founded.joined.date)[:4], t("ASEAN founded"),
               t("on %(date)s, by its five founding members") % {"date": view.date(founded.joined.date)}),
    ]
    ranked = sorted(members, key=lambda m: -m.population.count)
    bars = [Bar(view.plain(m.name), (round(m.population.count / 1_000_000, 1),), urls.member(m.id)) for m in ranked]
    chart = bar_chart("population", t("Population by member state, in millions"), bars,
                      [Series("count", t("Millions of people"))], label_header=t("Member state"), number=number)
    rows = []
    for m in ranked:
        sources = [s for s in m.cited_sources() if s.id in m.population.source]
        rows.append([
            Cell(view.plain(m.name), urls.member(m.id)),
            Cell(view.population(m.population)),
            Cell(t("%(n)s km²") % {"n": number(m.area.km2)}),
            *[Cell(s.title, s.url) for s in sources[:1]],
        ])
    chart = Chart(chart.id, chart.title, chart.summary, chart.svg,
                  [t("Member state"), t("Population"), t("Area"), t("Source of the population figure")], rows)
    return out, chart


def plan_card(plan: Plan, view: Any, t: Callable[[str], str]) -> PlanCard:
    """A plan with its implementation in the latest year that has reports (or its last year)."""
    chart = None
    tracker = view.project.tracker
    reported = [s for s in progress_summaries(tracker, plan) if sum(s.counts.values())] if tracker.tasks(plan) else []
    if reported:
        latest = reported[-1]
        bar = Bar(str(latest.year), (*(float(latest.counts[k]) for k in STATUSES), float(latest.not_reported)))
        chart = bar_chart(f"home-{plan.id}", t("Implementation in %(year)s, as reported") % {"year": latest.year},
                          [bar], status_series(t), label_header=t("Year"), number=view.number, share=True)
    return PlanCard(
        title=view.plain(plan.short_title),
        url=urls.plan(plan.id),
        issuer=view.plain(view.data.units[plan.issuer].name),
        period=plan.period.label,
        in_force=plan.status == "in-force",
        ended_on="" if plan.status == "in-force" else view.date(f"{plan.period.end}-12-31"),
        chart=chart,
    )


def front_page(view: Any, t: Callable[[str], str], page_url: str = "") -> FrontPage:
    """The home page of ``view``'s language (and unit, in a unit's build)."""
    news = contexts.news(view, None, LATEST + 1)
    cards = [story(p, view, page_url) for p in news]
    pillars, others = topic_cards(view)
    members = contexts.members(view)
    numbers, population = figures(members, view, t)
    plans = contexts.unit_plans(view, view.home_unit.id) if view.home_unit else list(view.index.plans)
    return FrontPage(
        lead=cards[0] if cards else None,
        news=cards[1:],
        pillars=pillars,
        topics=others,
        events=events(view, contexts.events(view), contexts.deadlines(view)),
        figures=numbers,
        population=population,
        tiles=tiles(members, view.lang),
        plans=[plan_card(p, view, t) for p in plans],
    )
