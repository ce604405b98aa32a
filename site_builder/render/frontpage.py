"""The home page's context: what a citizen sees first, built in Python, laid out by
``theme/asean/home.html``.

People open the section for a few things (PORTAL.md): what is happening in ASEAN this
year, what it means for them (travel, study, work), the member states, a quiz their
school set, and the news. So the page leads as news portals and GOV.UK's start pages do:
the lead story (its picture and headline) and four task cards fill a phone's first
screen; then the latest news as cards, the next events, ASEAN in numbers with one chart
whose source and years are written under it, and the owner's plans, one line each with
their status. Nothing here depends on the day of the build: which events are "next" is
decided in the reader's browser by ``upcoming.js`` (without it, every event is listed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import escape

from site_builder.core import urls
from site_builder.core.illustrations import Illustration
from site_builder.core.vocabulary import TOPICS
from site_builder.derive.assignments import UnitDuties, unit_duties
from site_builder.derive.charts import Bar, Cell, Chart, ChartOptions, Series, bar_chart
from site_builder.derive.index import PlacedNode
from site_builder.inputs.content_tree import ContentPage
from site_builder.inputs.photos import Picture
from site_builder.model import Plan, Unit
from site_builder.model.content import Event
from site_builder.model.members import Member, MemberSource
from site_builder.model.plans import Deadline
from site_builder.render import queries
from site_builder.render.sitechrome import navigation

if TYPE_CHECKING:
    from site_builder.render.view import SiteView

LATEST = 4
"""News cards under the lead story (with it, five stories)."""
UPCOMING = 3
"""Events shown (by ``upcoming.js``) in "Coming up"."""
TRAVEL_PAGE = "asean/di-lai-va-lam-viec.md"
"""The citizens' guide to travelling, studying and working in ASEAN."""


@dataclass(frozen=True)
class StoryCard:
    """A news article as a card."""

    title: str
    url: str
    date: str
    """ISO date for ``<time datetime>``; empty when the article has none."""
    date_text: str
    description: str
    picture: Picture | Illustration | None = None
    """The article's photo (:class:`~site_builder.inputs.photos.Picture`) or drawing, or ``None``."""
    cover: str = "general"
    """Without a photo: the topic whose drawn cover the card shows (a CSS class)."""
    cover_label: str = ""
    topics: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TaskCard:
    """One of the top tasks: a large card with a pictogram, under the lead story."""

    id: str
    """Names its pictogram (``theme/asean/home.html``)."""
    title: str
    text: str
    """What the reader finds there, in a few words."""
    url: str


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
    """A plan on one line: its title, who issued it, its period and its status."""

    title: str
    url: str
    issuer: str
    period: str
    in_force: bool
    ended_on: str
    """For an ended plan: the last day of its period, in the reader's words."""


@dataclass(frozen=True)
class FrontPage:
    lead: StoryCard | None
    news: list[StoryCard]
    tasks: list[TaskCard]
    events: list[EventItem]
    figures: list[Figure]
    population: Chart | None
    """Population by member, with each figure's year and source in its table."""
    population_note: str
    """Under the chart: where its figures come from and for which years."""
    plans: list[PlanGroup]
    own_plans: bool
    """Whether the owner has plans of its own (a unit without says so in words)."""
    upcoming: int = UPCOMING
    duties: UnitDuties | None = None
    """In a unit's build: what the national plans ask of it (a central unit's page leads with it)."""


def story(page: ContentPage, view: SiteView, page_url: str) -> StoryCard:
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


def tasks(view: SiteView, t: Callable[[str], str]) -> list[TaskCard]:
    """The top tasks, each only where its page exists: ASEAN this year (the newest "ASEAN
    <year>" page, as in the navigation), travelling, studying and working, the member
    states, the quiz."""
    items = dict((path, title) for title, path in navigation(view.project, view.lang, t))
    out = []
    year_page = next((path for path in items if path.startswith("asean/asean-")), None)
    if year_page:
        out.append(TaskCard("year", items[year_page], t("Who chairs ASEAN and what is on its agenda"),
                            urls.from_src_uri(year_page)))
    if TRAVEL_PAGE in items:
        out.append(TaskCard("travel", t("Travel, study and work"), t("Visas, scholarships and recognised skills"),
                            urls.from_src_uri(TRAVEL_PAGE)))
    members_page = urls.src_uri(urls.INDEXES["members"])
    if members_page in items:
        out.append(TaskCard("members", t("Member states"), t("The countries of ASEAN at a glance"),
                            urls.INDEXES["members"]))
    quiz_page = urls.src_uri(urls.INDEXES["quiz"])
    if quiz_page in items:
        out.append(TaskCard("quiz", t("Test what you know"), t("Short quizzes, each answer with its source"),
                            urls.INDEXES["quiz"]))
    return out


def events(view: SiteView, found: list[Event], deadlines: list[tuple[Plan, PlacedNode, Deadline]]) -> list[EventItem]:
    """Yearly and dated events (``found``, in calendar order), and the yearly reporting
    deadlines of plans in force (``deadlines``: (plan, placed node, deadline))."""
    out = []
    for e in found:
        url = e.link or f"{urls.INDEXES['calendar']}#{e.id}"
        if e.recurrence == "yearly" and e.month is not None and e.day is not None:  # both set (model)
            out.append(EventItem(e.id, view.plain(e.title), view.day_month(e.month, e.day), e.month, e.day, url=url))
        else:
            out.append(EventItem(e.id, view.plain(e.title), view.date(e.date), date=str(e.date), url=url))
    for plan, placed, d in deadlines:
        if d.recurrence == "yearly" and plan.status == "in-force" and d.month is not None and d.day is not None:
            out.append(EventItem(f"{plan.id}-{placed.anchor}", f"{view.plain(d.what)} ({view.plain(plan.short_title)})",
                                 view.day_month(d.month, d.day), d.month, d.day,
                                 url=urls.plan_node(plan.id, placed.anchor)))
    return out


def figures(members: list[Member], view: SiteView, t: Callable[[str], str]) -> tuple[list[Figure], Chart | None]:
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
               t("sum of the member states' figures for %(year)s, from one source") % {"year": span}
               if common_population_source(members) is not None
               else t("sum of the member states' latest figures, for the years %(years)s") % {"years": span}),
        Figure(t("%(n)s million km²") % {"n": number(round(area / 1_000_000, 2))}, t("total area"),
               t("sum of the member states' areas")),
        Figure(str(founded.joined.date)[:4], t("ASEAN founded"),
               t("on %(date)s, by its five founding members") % {"date": view.date(founded.joined.date)}),
    ]
    ranked = sorted(members, key=lambda m: -m.population.count)
    bars = [Bar(view.plain(m.name), (round(m.population.count / 1_000_000, 1),), urls.member(m.id)) for m in ranked]
    chart = bar_chart("population", t("Where ASEAN's people live: population of each member state, in millions"), bars,
                      [Series("count", t("Millions of people"))], ChartOptions(label_header=t("Member state"), number=number))
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


def population_note(members: list[Member], t: Callable[[str], str]) -> str:
    """The line under the population chart: whose figures, and for which years (each
    member's figure has its own source, named in the chart's table and on its page)."""
    years = sorted({str(m.population.year)[:4] for m in members})
    if not years:
        return ""
    span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    source = common_population_source(members)
    if source is not None:
        return t("Source: %(publisher)s, %(title)s. One source and one year, %(year)s, for every member state.") % {
            "publisher": source.publisher, "title": source.title, "year": span}
    return t("Source: the latest figure each member state publishes, for the years %(years)s; each figure's "
             "source is named in the table and on the member state's page.") % {"years": span}


def common_population_source(members: list[Member]) -> MemberSource | None:
    """The one source every member's population comes from, for one and the same year, or
    ``None`` when the figures come from several sources or years (and are then said to)."""
    if not members or len({str(m.population.year)[:4] for m in members}) != 1:
        return None
    ids = {tuple(m.population.source) for m in members}
    if len(ids) != 1 or len(next(iter(ids))) != 1:
        return None
    return {s.id: s for s in members[0].cited_sources()}.get(next(iter(ids))[0])


def plan_card(plan: Plan, view: SiteView, t: Callable[[str], str]) -> PlanCard:
    """A plan on one line, with its status: in force, or ended on the last day of its period.
    A former unit's plan says so, so that it is never read as the plan of today's unit."""
    unit = view.data.units[plan.issuer]
    issuer = view.plain(unit.name)
    return PlanCard(
        title=view.plain(plan.short_title),
        url=urls.plan(plan.id),
        issuer=issuer if unit.current else t("%(name)s (former)") % {"name": issuer},
        period=plan.period.label,
        in_force=plan.status == "in-force",
        ended_on="" if plan.status == "in-force" else view.date(f"{plan.period.end}-12-31"),
    )


@dataclass(frozen=True)
class PlanGroup:
    """Plans under one heading on the front page."""

    heading: str
    """Empty for the owner's own plans; else whose plans these are (``Markup``: a unit's
    name inside it may carry its language)."""
    plans: list[PlanCard]


def owner_plans(view: SiteView, t: Callable[[str], str]) -> tuple[list[PlanGroup], bool]:
    """The plans of the section's owner, and whether it has any of its own.

    The national build: the national plans. A unit's build: its own plans, then those of
    the units it carries (a former province it was formed from), each under that unit's
    name; a province or city with no plan of its own also gets the national plans, which
    apply to every one of them, and so does a ministry or central agency (they give it its tasks)."""
    unit = view.home_unit
    if unit is None:
        return [PlanGroup("", [plan_card(p, view, t) for p in queries.national_plans(view)])], True
    groups, own = [], False
    for issuer, plans in queries.unit_plan_groups(view, unit.id):
        cards = [plan_card(p, view, t) for p in plans]
        if issuer.id == unit.id:
            own = True
            groups.append(PlanGroup("", cards))
        elif issuer.current:
            groups.append(PlanGroup(escape(t("Plans of %(name)s")) % {"name": view.in_sentence(issuer.name)}, cards))
        else:
            groups.append(PlanGroup(escape(t("Plans of the former %(name)s")) % {"name": view.in_sentence(issuer.name)},
                                    cards))
    if not own and unit.level in ("province", "central") and unit.current:
        national = [plan_card(p, view, t) for p in queries.national_plans(view)]
        if national:
            heading = (t("The national plan, which applies to every province and city") if unit.level == "province"
                       else t("The national plan, which gives this body its tasks"))
            groups.append(PlanGroup(heading, national))
    return groups, own


def front_page(view: SiteView, t: Callable[[str], str], page_url: str = "") -> FrontPage:
    """The home page of ``view``'s language (and unit, in a unit's build)."""
    news = queries.news(view, None, LATEST + 1)
    cards = [story(p, view, page_url) for p in news]
    members = queries.members(view)
    numbers, population = figures(members, view, t)
    plans, own = owner_plans(view, t)
    return FrontPage(
        lead=cards[0] if cards else None,
        news=cards[1:],
        tasks=tasks(view, t),
        events=events(view, queries.events(view), queries.deadlines(view)),
        figures=numbers,
        population=population,
        population_note=population_note(members, t),
        plans=plans,
        own_plans=own,
        duties=None if view.home_unit is None else unit_duties(view.index, view.project.tracker, view.home_unit.id),
    )


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


def home_unit(view: SiteView) -> HomeUnit | None:
    """The unit section of the home page in a unit's build; ``None`` in the national build."""
    unit = view.home_unit
    if unit is None:
        return None
    return HomeUnit(unit, queries.successor(view, unit.id), queries.unit_plan_groups(view, unit.id),
                    queries.plans_of(view, unit.id), queries.national_plans(view), queries.local_pages(view, unit.id))
