"""Member-state profiles (``content/data/members.yaml``): each fact with its source.

A profile is read by citizens as a fact sheet (the member pages, the home page's map and
totals), so every figure names the source it comes from (``MemberSource``, by ``id``)
and the year it describes; the page numbers the sources in citation order.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import Field, model_validator

from site_builder.model.common import (
    HttpsUrl,
    NonEmpty,
    PartialDate,
    Slug,
    Strict,
    Text,
    bilingual_error,
    deep_link,
)
from site_builder.model.content import review_before_update


class MemberSource(Strict):
    """A page or document a member-state profile draws on; each fact names it by ``id``.

    Unlike a page's ``sources``, the address is required and must lead below a site's
    root (the page that states the fact, not a home page), and the day it was read is
    recorded: profiles hold figures that change.
    """

    id: Slug
    """How the facts of this profile refer to the source (``mofa-profile``)."""
    title: NonEmpty
    """The title of the page or document, in its own language."""
    publisher: NonEmpty
    """Who published it (Ministry of Foreign Affairs, Viet Nam News Agency...)."""
    url: HttpsUrl
    """The page that states the facts (https, below the site's root)."""
    date: PartialDate | None = None
    """When the source was published or last updated, where it says so."""
    read: PartialDate
    """When we read it."""

    @model_validator(mode="after")
    def _deep_link(self) -> MemberSource:
        if not deep_link(self.url):
            raise bilingual_error(
                f"'{self.url}' là trang chủ của một trang web; cần địa chỉ của chính trang nêu thông tin",
                f"'{self.url}' is a site's home page; give the address of the page that states the facts",
            )
        return self


SourceIds = Annotated[list[Slug], Field(min_length=1)]
"""The ``id`` of one or more of the profile's ``sources``."""


class SourcedText(Text):
    """A text in both languages and the sources that state it."""

    source: SourceIds


class SourcedDate(Strict):
    """A date and the sources that state it."""

    date: PartialDate
    source: SourceIds


class Area(Strict):
    """A country's total area."""

    km2: float = Field(gt=0)
    """In square kilometres, as the source gives it."""
    source: SourceIds


class Population(Strict):
    """A population figure, always with the year (or date) it describes."""

    count: int = Field(gt=0)
    """Number of people, as the source gives it (a rounded figure stays rounded)."""
    approximate: bool = False
    """The source gives a rounded or estimated figure ("about 7.4 million")."""
    year: PartialDate
    """The year or date the figure describes, not when it was published."""
    source: SourceIds


class HeritageSite(Strict):
    """A property on UNESCO's World Heritage List."""

    name: Text
    year: int | None = Field(default=None, ge=1978, le=2100)
    """Year of inscription, when a source states it."""
    note: Text | None = None
    """What a reader should know (an extension, a property shared with another country)."""
    source: SourceIds


class WorldHeritage(Strict):
    """A member's properties on the World Heritage List, as far as the sources tell."""

    sites: list[HeritageSite] = Field(default_factory=list)
    note: SourcedText | None = None
    """What the sources say about the list as a whole (a count, or that there is no site
    yet); required when ``sites`` is empty, so that an empty list is never a silent gap."""

    @model_validator(mode="after")
    def _not_silent(self) -> WorldHeritage:
        if not self.sites and self.note is None:
            raise bilingual_error(
                "danh sách di sản trống cần 'note' có nguồn, nói rõ tình hình",
                "an empty heritage list needs a sourced 'note' saying why",
            )
        return self


class Highlight(Strict):
    """Something a Vietnamese visitor would want to see, and why."""

    name: Text
    text: Text
    """One or two sentences, from the source."""
    source: SourceIds


class Relations(Strict):
    """A member's relations with Viet Nam."""

    diplomatic: SourcedDate
    """When diplomatic relations were established."""
    framework: SourcedText
    """The framework of the relationship (Comprehensive Strategic Partnership since...)."""
    summary: SourcedText | None = None
    """Further facts about the relationship."""


class Member(Strict):
    """An ASEAN member state (``content/data/members.yaml``).

    Every fact carries the ``id`` of one of the member's ``sources``, so the page can
    show where each one comes from; ``check`` refuses a fact without a source and a
    source that no fact uses.
    """

    id: Slug
    iso: str = Field(pattern=r"^[A-Z]{2}$")
    """ISO 3166-1 alpha-2 code; the flag is ``theme/assets/flags/<iso lower>.svg``."""
    name: Text
    """The short name used in running text (the site's naming convention)."""
    official_name: SourcedText
    capital: SourcedText
    joined: SourcedDate
    """Date of admission to ASEAN."""
    founding: bool = False
    """One of the five signatories of the Bangkok Declaration."""
    area: Area
    population: Population
    currency: SourcedText
    languages: SourcedText
    """The official (or national) languages."""
    government: SourcedText
    """The system of government, in plain words."""
    profile: SourcedText
    """Two or three sentences introducing the country; also the page's description."""
    relations: Relations | None = None
    """Relations with Viet Nam; only Viet Nam itself has none."""
    world_heritage: WorldHeritage
    highlights: list[Highlight] = Field(default_factory=list)
    """What a Vietnamese visitor would want to see; Viet Nam's own page has none."""
    sources: list[MemberSource] = Field(min_length=1)
    updated: PartialDate
    """When the profile was last checked against its sources."""
    review_by: dt.date | None = None
    """The date by which the profile's figures must be checked again (``freshness`` lists
    it once past); not before ``updated``."""

    @model_validator(mode="after")
    def _complete(self) -> Member:
        review_before_update(self.review_by, self.updated)
        home = self.iso == "VN"
        if not home and self.relations is None:
            raise bilingual_error(
                "cần 'relations': quan hệ với Việt Nam (ngày thiết lập quan hệ ngoại giao, khuôn khổ quan hệ)",
                "'relations' is required: relations with Viet Nam (diplomatic relations, framework)",
            )
        if home and self.relations is not None:
            raise bilingual_error("Việt Nam không có mục 'relations'", "Viet Nam has no 'relations'")
        if not home and not self.highlights:
            raise bilingual_error(
                "cần ít nhất một điểm đến trong 'highlights'",
                "'highlights' needs at least one place to see",
            )
        ids = [s.id for s in self.sources]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise bilingual_error(
                f"mã nguồn bị trùng: {', '.join(duplicates)}",
                f"duplicate source ids: {', '.join(duplicates)}",
            )
        used = set(self.cited())
        unknown = sorted(used - set(ids))
        if unknown:
            raise bilingual_error(
                f"nguồn không có trong 'sources': {', '.join(unknown)}",
                f"sources not listed in 'sources': {', '.join(unknown)}",
            )
        unused = [i for i in ids if i not in used]
        if unused:
            raise bilingual_error(
                f"nguồn không được thông tin nào dẫn: {', '.join(unused)}",
                f"sources no fact cites: {', '.join(unused)}",
            )
        return self

    def cited(self) -> list[str]:
        """The source ids the facts cite, in the order the page shows the facts."""
        facts: list[Any] = [
            self.official_name, self.capital, self.joined, self.area, self.population,
            self.currency, self.languages, self.government, self.profile,
        ]
        if self.relations:
            facts += [self.relations.diplomatic, self.relations.framework, self.relations.summary]
        facts += [self.world_heritage.note, *self.world_heritage.sites, *self.highlights]
        out: list[str] = []
        for fact in facts:
            for ref in getattr(fact, "source", None) or []:
                if ref not in out:
                    out.append(ref)
        return out

    def source_number(self, source_id: str) -> int:
        """The number a source has in the page's list (1-based, in citation order)."""
        return self.cited().index(source_id) + 1

    def cited_sources(self) -> list[MemberSource]:
        """The sources in citation order, as the page numbers them."""
        by_id = {s.id: s for s in self.sources}
        return [by_id[i] for i in self.cited() if i in by_id]


class MemberFile(Strict):
    members: list[Member]
