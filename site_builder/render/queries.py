"""What several kinds of page ask of the project: a unit's plans and pages, the news, the
events and deadlines, the documents, the member states and the quiz questions; and what
any page may be besides its kind: a page of a news list, an article with related news.

The page contexts (:mod:`.contexts`), the home page (:mod:`.frontpage`) and the plan
summary (:mod:`.planpage`) share these. Content pages are read through the view only
(``view.content``, ``view.newsroom``), which records the reads for the incremental build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from site_builder.core import urls
from site_builder.core.reads import listing
from site_builder.core.vocabulary import Topic
from site_builder.derive.index import PlacedNode
from site_builder.derive.newsroom import ListingPage
from site_builder.inputs.content_tree import ContentPage
from site_builder.model import Agency, Plan, Unit
from site_builder.model.content import Document, Event, Question
from site_builder.model.members import Member
from site_builder.model.plans import Deadline

if TYPE_CHECKING:
    from site_builder.render.view import SiteView


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


def events(view: SiteView) -> list[Event]:
    """Yearly events by day of the year, then dated events, newest first."""
    found = list(view.project.content.events or [])
    yearly = sorted((e for e in found if e.recurrence == "yearly"), key=lambda e: (e.month or 0, e.day or 0))
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


def documents(view: SiteView) -> list[Document]:
    """Documents, newest first; undated ones last."""
    return sorted(view.project.content.documents or [], key=lambda d: str(d.date or "0000"), reverse=True)


def members(view: SiteView) -> list[Member]:
    return list(view.project.content.members or [])


def questions(view: SiteView, topic: str | None) -> list[Question]:
    """The questions of a quiz topic (all of them for the mixed quiz)."""
    bank = list(view.project.content.quiz or [])
    return bank if topic in (None, "mixed") else [q for q in bank if q.topic == topic]


def lead_agencies(view: SiteView, plan: Plan) -> list[Agency]:
    """The agencies that lead any of a plan's activities (its activity table's filter)."""
    return [view.data.agencies[a] for a in view.index.agencies_in(plan)]


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
