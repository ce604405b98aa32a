"""The news of one language at a ministry's volume: lists in pages of 20, archives by
year, topic and tag, and the related news under each article.

A portal's news runs to thousands of articles per language. Listing them all on one
page makes a page of megabytes, and answering "the news of this topic" or "the news
related to this article" by walking every article for every page would make the build
quadratic. So every list is computed here, once per language, in one pass over the
articles: an inverted index from each key (a year, a topic, a tag) to its articles,
newest first. A listing page is then a slice of one of those lists, and the related
news of an article are found among its closest neighbours in the lists of its own
tags and topics (:data:`WINDOW` on each side), never among all articles: a fixed amount
of work per article, so the build stays linear in the number of articles.

Paths are those of :mod:`.urls`, below the language root; templates turn them into
links. Nothing here knows about MkDocs or about the reader's language.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Protocol, TypeVar

from site_builder import LANGUAGES
from site_builder.core import urls
from site_builder.core.vocabulary import TOPICS
from site_builder.inputs.content_tree import ContentPage, ContentSet

PER_PAGE = 20
"""Articles on one page of a list: a phone scrolls through them in a minute, and the page
stays small (each item has a thumbnail, loaded only when scrolled to)."""
RELATED = 4
"""Related articles shown under an article."""
WINDOW = 12
"""How far along the list of one of its tags or topics the related news of an article are
looked for, on each side (newer and older). It bounds the work per article; articles
sharing several keys with it are near it in time in each of those lists, in practice."""
TAG_WEIGHT = 2
"""A shared tag (``rcep``, ``timor-leste``) says more than a shared topic (one of seven
pillars and topics), so it counts twice."""
GAP_AROUND = 2
"""Page links shown on each side of the current page, besides the first and the last."""

Key = tuple[str, str]
"""A list of news: ``("news", "")``, ``("news-year", "2024")``, ``("news-topic",
"economic")`` or ``("news-tag", "rcep")``; the first part is also the page's kind."""
NEWS: Key = ("news", "")


class Meta(Protocol):
    """What this module reads of an article's front matter (read-only, so that a page's
    own, narrower types satisfy it)."""

    @property
    def kind(self) -> str: ...

    @property
    def date(self) -> object: ...

    @property
    def tags(self) -> Sequence[str]: ...

    @property
    def topics(self) -> Sequence[str]: ...


class Article(Protocol):
    """What this module reads of a page: :class:`.content_tree.ContentPage` satisfies it."""

    @property
    def rel(self) -> str: ...

    @property
    def meta(self) -> Meta: ...


A = TypeVar("A", bound=Article)


def year_of(value: object) -> str:
    """The year of a full or partial date (``2022-04``, ``2022``, a ``date``) as text."""
    return str(value)[:4]


def day_number(value: object) -> int:
    """A full or partial date as a day count, a partial date on its first day: to tell
    how far apart two articles are."""
    if isinstance(value, date):
        return value.toordinal()
    parts = [int(p) for p in str(value).split("-")] + [1, 1]
    return date(parts[0], parts[1] or 1, parts[2] or 1).toordinal()


def newest_first(items: Iterable[A]) -> list[A]:
    """News newest first; same day by path, so that the order never depends on the disk."""
    return sorted(items, key=lambda p: (str(p.meta.date), p.rel), reverse=True)


def base_url(key: Key) -> str:
    """The address of a list's first page."""
    kind, value = key
    if kind == "news":
        return urls.INDEXES["news"]
    if kind == "news-year":
        return urls.news_year(value)
    if kind == "news-topic":
        return urls.news_topic(value)
    return urls.news_tag(value)


def page_url(key: Key, number: int) -> str:
    """Page ``number`` of a list: the list's own address for the first, ``page/<n>/`` below it after."""
    base = base_url(key)
    return base if number == 1 else f"{base}page/{number}/"


def page_count(items: int, per_page: int = PER_PAGE) -> int:
    """Pages a list of ``items`` needs; an empty list still has its one page."""
    return max(1, math.ceil(items / per_page))


@dataclass(frozen=True)
class PageLink:
    """One entry of a list's page links: a page, or a gap (``url`` is ``None``) standing
    for the pages left out between two shown."""

    number: int
    url: str | None
    current: bool = False


def page_links(key: Key, current: int, count: int, around: int = GAP_AROUND) -> list[PageLink]:
    """The first page, the last, and ``around`` pages on each side of the current one, with
    a gap where pages are left out; a gap of a single page shows that page instead."""
    shown = {1, count, *range(current - around, current + around + 1)}
    numbers = sorted(n for n in shown if 1 <= n <= count)
    links: list[PageLink] = []
    for n in numbers:
        if links and n - links[-1].number == 2:
            links.append(PageLink(n - 1, page_url(key, n - 1)))
        elif links and n - links[-1].number > 2:
            links.append(PageLink(links[-1].number + 1, None))
        links.append(PageLink(n, page_url(key, n), n == current))
    return links


@dataclass(frozen=True)
class ListingPage:
    """One page of a list of news, with what its links and ``<head>`` need."""

    key: Key
    number: int
    count: int
    """How many pages the list has."""
    items: list[ContentPage]
    total: int
    """Articles in the whole list, in this language."""
    first: int
    """Position of the first item on this page in the whole list (from 1); 0 when empty."""
    links: list[PageLink]

    @property
    def kind(self) -> str:
        return self.key[0]

    @property
    def url(self) -> str:
        return page_url(self.key, self.number)

    @property
    def prev(self) -> str | None:
        """The newer page (``rel="prev"``), none on the first."""
        return page_url(self.key, self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        """The older page (``rel="next"``), none on the last."""
        return page_url(self.key, self.number + 1) if self.number < self.count else None

    @property
    def last(self) -> int:
        """Position of the last item on this page in the whole list."""
        return self.first + len(self.items) - 1 if self.items else 0


@dataclass(frozen=True)
class ArchiveEntry:
    """A year, topic or tag of the archive, with its address and how many articles it holds."""

    key: Key
    count: int

    @property
    def id(self) -> str:
        return self.key[1]

    @property
    def url(self) -> str:
        return base_url(self.key)


def keys_of(page: Article) -> list[Key]:
    """Every list an article belongs to besides the whole news: its year, topics and tags."""
    keys: list[Key] = []
    if page.meta.kind == "news":
        keys.append(("news-year", year_of(page.meta.date)))
        keys += [("news-topic", topic) for topic in page.meta.topics]
    keys += [("news-tag", tag) for tag in page.meta.tags]
    return keys


def list_sizes(pages: Iterable[Article]) -> dict[Key, int]:
    """How many pages each list holds: what the other language needs so that both have the
    same list pages (every page of ``/vi/`` has its counterpart under ``/en/``)."""
    sizes: dict[Key, int] = defaultdict(int)
    for page in pages:
        if page.meta.kind == "news":
            sizes[NEWS] += 1
        for key in keys_of(page):
            sizes[key] += 1
    return dict(sizes)


class Newsroom:
    """Every list of news of one language, built in one pass.

    Arguments:
        pages: every page of the language; news are dated articles, other pages appear
            only in the lists of their tags, after the news.
        shared: the sizes of the other language's lists (:func:`list_sizes`): a list
            that exists there exists here too, with at least as many pages.
        tag_order: tag ids in the order of ``content/data/tags.yaml``.
        per_page: articles on a page.
    """

    def __init__(self, pages: Iterable[ContentPage], shared: Mapping[Key, int] | None = None,
                 tag_order: Sequence[str] = (), per_page: int = PER_PAGE) -> None:
        self.per_page = per_page
        every = sorted(pages, key=lambda p: p.rel)
        self.news: list[ContentPage] = newest_first(p for p in every if p.meta.kind == "news")
        self.lists: dict[Key, list[ContentPage]] = defaultdict(list)
        self.lists[NEWS] = self.news
        for page in self.news:
            for key in keys_of(page):
                self.lists[key].append(page)
        for page in every:  # other pages with tags: after the news, by path
            if page.meta.kind != "news":
                for key in keys_of(page):
                    self.lists[key].append(page)
        self.position: dict[tuple[Key, str], int] = {
            (key, page.rel): i for key, items in self.lists.items() for i, page in enumerate(items)
        }
        """Where each article sits in each of its lists: its neighbours there are found
        without searching."""
        self.counts: dict[Key, int] = {}
        """Pages of each list: the larger of this language's and the other's."""
        sizes = dict(shared or {})
        for key in [*self.lists, *sizes]:
            self.counts[key] = page_count(max(len(self.lists.get(key, [])), sizes.get(key, 0)), per_page)
        self.tag_order = [tag for tag in tag_order if ("news-tag", tag) in self.counts]

    # ── list pages ──────────────────────────────────────────────────────────────
    def keys(self) -> list[Key]:
        """Every list: the whole news, then years newest first, topics, tags."""
        return [NEWS] + [entry.key for entry in (*self.years(), *self.topics(), *self.tags())]

    def page(self, key: Key, number: int) -> ListingPage:
        """Page ``number`` (from 1) of a list."""
        items = self.lists.get(key, [])
        count = self.counts[key]
        if not 1 <= number <= count:
            raise ValueError(f"{key} has {count} pages, not {number}")
        start = (number - 1) * self.per_page
        chunk = items[start:start + self.per_page]
        return ListingPage(key, number, count, chunk, len(items), start + 1 if chunk else 0,
                           page_links(key, number, count))

    def pages(self) -> list[ListingPage]:
        """Every page of every list."""
        return [self.page(key, n) for key in self.keys() for n in range(1, self.counts[key] + 1)]

    def page_at(self, url: str) -> ListingPage | None:
        """The list page published at ``url`` (below the language root), if any."""
        return self._by_url.get(url)

    @cached_property
    def _by_url(self) -> dict[str, ListingPage]:
        return {page.url: page for page in self.pages()}

    # ── archive ─────────────────────────────────────────────────────────────────
    def _entries(self, kind: str, ids: Iterable[str]) -> list[ArchiveEntry]:
        return [ArchiveEntry((kind, i), len(self.lists.get((kind, i), []))) for i in ids if (kind, i) in self.counts]

    def years(self) -> list[ArchiveEntry]:
        """Years with news in either language, newest first."""
        years = sorted((value for kind, value in self.counts if kind == "news-year"), reverse=True)
        return self._entries("news-year", years)

    def topics(self) -> list[ArchiveEntry]:
        """Pillars and topics with news in either language, in the order of :data:`.vocabulary.TOPICS`."""
        return self._entries("news-topic", [topic.id for topic in TOPICS])

    def tags(self) -> list[ArchiveEntry]:
        """Tags used in either language, in the order of ``tags.yaml``."""
        return self._entries("news-tag", self.tag_order)

    # ── related news ────────────────────────────────────────────────────────────
    def related(self, page: Article, limit: int = RELATED) -> list[ContentPage]:
        """News that share the most tags (each counting :data:`TAG_WEIGHT`) and topics with
        an article, then the closest in date, then the newer; looked for among the
        :data:`WINDOW` nearest articles of each of its tag and topic lists."""
        if page.meta.kind != "news":
            return []
        scores: dict[str, int] = defaultdict(int)
        found: dict[str, ContentPage] = {}
        for key in keys_of(page):
            if key[0] == "news-year":
                continue
            items = self.lists[key]
            at = self.position[(key, page.rel)]
            for other in items[max(0, at - WINDOW):at + WINDOW + 1]:
                if other.rel == page.rel or other.meta.kind != "news":
                    continue
                scores[other.rel] += TAG_WEIGHT if key[0] == "news-tag" else 1
                found[other.rel] = other
        day = day_number(page.meta.date)

        def rank(rel: str) -> tuple[int, int, int, str]:
            other_day = day_number(found[rel].meta.date)
            return (-scores[rel], abs(other_day - day), -other_day, rel)

        return [found[rel] for rel in sorted(found, key=rank)[:limit]]


def for_language(content: ContentSet, lang: str) -> Newsroom:
    """The news lists of one language of a :class:`.content_tree.ContentSet`, with as many
    pages as the other language's lists need."""
    other = next(code for code in LANGUAGES if code != lang)
    return Newsroom(content.in_lang(lang), list_sizes(content.in_lang(other)), [tag.id for tag in content.tags or []])
