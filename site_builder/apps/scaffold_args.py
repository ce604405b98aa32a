"""What ``python -m site_builder new`` is given for an article, a plan, a unit or an event,
as the command line gives it (``None`` where an option was left out)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ArticleArgs:
    """A news article pair: its two titles, its topics and its source (a title, and its
    address or who published it); without ``slug`` the file is named after the Vietnamese title."""

    title_vi: str
    title_en: str
    topics: list[str]
    source: str
    source_url: str | None = None
    date: str | None = None
    slug: str | None = None
    unit: str | None = None
    source_publisher: str | None = None


@dataclass(frozen=True)
class PlanArgs:
    """A plan of ``unit`` for the years ``start`` to ``end``."""

    plan_id: str | None
    unit: str
    issuing_agency: str | None
    title_vi: str
    title_en: str
    start: int
    end: int


@dataclass(frozen=True)
class UnitArgs:
    """A unit to add (name and level needed) or one already in ``plans/units.yaml``."""

    unit_id: str
    name_vi: str | None = None
    name_en: str | None = None
    level: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class EventArgs:
    """An event of the calendar, once (``date``) or every year (``yearly``, ``MM-DD``)."""

    event_id: str
    title_vi: str
    title_en: str
    date: str | None
    yearly: str | None
    description_vi: str
    description_en: str
