"""News lists, archives and related news, computed on small in-memory articles (no build)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from site_builder.derive import newsroom
from site_builder.derive.newsroom import NEWS, Newsroom, PageLink, list_sizes, page_links


@dataclass
class Meta:
    date: Any
    kind: str = "news"
    tags: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


@dataclass
class Page:
    rel: str
    meta: Meta


def news(n: int, year: int = 2024, **kw: Any) -> list[Page]:
    """``n`` articles, one a day from 1 January, ``news/a-001.md`` the oldest."""
    return [Page(f"news/a-{i:03d}.md", Meta(f"{year}-{1 + i // 28:02d}-{1 + i % 28:02d}", **kw)) for i in range(n)]


def rels(items: list[Page]) -> list[str]:
    return [p.rel.removeprefix("news/").removesuffix(".md") for p in items]


def test_the_news_index_has_pages_of_twenty_newest_first() -> None:
    room = Newsroom(news(45, topics=["economic"]))
    pages = [p for p in room.pages() if p.key == NEWS]
    assert [(p.url, p.number, p.count, len(p.items), p.first, p.last) for p in pages] == [
        ("news/", 1, 3, 20, 1, 20),
        ("news/page/2/", 2, 3, 20, 21, 40),
        ("news/page/3/", 3, 3, 5, 41, 45),
    ]
    assert rels(pages[0].items)[:2] == ["a-044", "a-043"] and rels(pages[2].items)[-1] == "a-000"
    assert (pages[0].prev, pages[0].next) == (None, "news/page/2/")
    assert (pages[1].prev, pages[1].next) == ("news/", "news/page/3/")
    assert (pages[2].prev, pages[2].next) == ("news/page/2/", None)
    assert pages[1].links == [PageLink(1, "news/"), PageLink(2, "news/page/2/", True), PageLink(3, "news/page/3/")]
    assert room.page_at("news/page/3/") == pages[2] and room.page_at("news/page/4/") is None


def test_same_day_articles_are_ordered_by_path_whatever_the_input_order() -> None:
    a, b = Page("news/b.md", Meta("2024-05-01", topics=["economic"])), Page("news/a.md", Meta("2024-05-01", topics=["economic"]))
    assert rels(Newsroom([a, b]).news) == rels(Newsroom([b, a]).news) == ["b", "a"]


def test_an_empty_list_still_has_its_one_page() -> None:
    page = Newsroom([]).page(NEWS, 1)
    assert (page.count, page.items, page.first, page.last, page.prev, page.next) == (1, [], 0, 0, None, None)


@pytest.mark.parametrize(
    ("current", "count", "shown"),
    [
        (1, 1, [1]),
        (1, 5, [1, 2, 3, 4, 5]),
        (1, 9, [1, 2, 3, None, 9]),
        (5, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]),  # a gap of one page shows that page
        (8, 20, [1, None, 6, 7, 8, 9, 10, None, 20]),
        (20, 20, [1, None, 18, 19, 20]),
    ],
)
def test_page_links_keep_the_first_last_and_neighbours(current: int, count: int, shown: list[int | None]) -> None:
    links = page_links(NEWS, current, count)
    assert [link.number if link.url else None for link in links] == shown
    assert [link.number for link in links if link.current] == [current]


def test_archives_by_year_topic_and_tag_in_their_order() -> None:
    pages = [
        Page("news/x.md", Meta("2023-02", topics=["economic", "covid-19"], tags=["rcep"])),
        Page("news/y.md", Meta("2025-01-09", topics=["political-security"], tags=["timor-leste", "rcep"])),
        Page("news/z.md", Meta("2023", topics=["economic"])),
        Page("asean/rcep.md", Meta(None, kind="fact", tags=["rcep"], topics=["economic"])),
    ]
    room = Newsroom(pages, tag_order=["timor-leste", "unused", "rcep"])
    assert [(e.id, e.count, e.url) for e in room.years()] == [("2025", 1, "news/years/2025/"), ("2023", 2, "news/years/2023/")]
    assert [(e.id, e.count) for e in room.topics()] == [("political-security", 1), ("economic", 2), ("covid-19", 1)]
    assert [(e.id, e.count, e.url) for e in room.tags()] == [("timor-leste", 1, "news/tags/timor-leste/"),
                                                             ("rcep", 3, "news/tags/rcep/")]
    # A fact page with the tag follows the news in the tag's list; topic lists hold news only.
    assert rels(room.page(("news-tag", "rcep"), 1).items) == ["y", "x", "asean/rcep"]
    assert rels(room.page(("news-topic", "economic"), 1).items) == ["x", "z"]
    assert rels(room.page(("news-year", "2023"), 1).items) == ["x", "z"]
    assert room.keys() == [NEWS, ("news-year", "2025"), ("news-year", "2023"), ("news-topic", "political-security"),
                           ("news-topic", "economic"), ("news-topic", "covid-19"), ("news-tag", "timor-leste"),
                           ("news-tag", "rcep")]
    assert room.page(("news-tag", "rcep"), 1).url == "news/tags/rcep/"


def test_both_languages_get_the_same_list_pages() -> None:
    """A list of the other language exists here too, with as many pages, even when this
    language has fewer articles in it: every page of /vi/ has its /en/ counterpart."""
    vi = news(25, topics=["economic"]) + [Page("news/only-vi.md", Meta("2019-03-01", tags=["du-lich"]))]
    en = news(21, topics=["economic"])
    sizes_vi = list_sizes(vi)
    assert sizes_vi[NEWS] == 26 and sizes_vi[("news-year", "2019")] == 1 and sizes_vi[("news-tag", "du-lich")] == 1
    room_en = Newsroom(en, shared=sizes_vi, tag_order=["du-lich"])
    room_vi = Newsroom(vi, shared=list_sizes(en), tag_order=["du-lich"])
    assert [p.url for p in room_en.pages()] == [p.url for p in room_vi.pages()]
    assert room_en.page(("news-tag", "du-lich"), 1).items == []
    assert [(e.id, e.count) for e in room_en.years()] == [("2024", 21), ("2019", 0)]
    last = room_en.page(NEWS, 2)
    assert (len(last.items), last.first, last.total) == (1, 21, 21)


def test_related_news_share_the_most_tags_then_topics_then_are_closest_in_date() -> None:
    base = Page("news/base.md", Meta("2024-06-15", tags=["rcep"], topics=["economic"]))
    both = Page("news/both.md", Meta("2020-01-01", tags=["rcep"], topics=["economic"]))  # 3 points, far in time
    tag = Page("news/tag.md", Meta("2024-06-01", tags=["rcep"], topics=["identity"]))  # 2 points
    near = Page("news/near.md", Meta("2024-06-14", topics=["economic"]))  # 1 point, 1 day away
    far = Page("news/far.md", Meta("2024-01-01", topics=["economic"]))  # 1 point, further
    after = Page("news/after.md", Meta("2024-06-16", topics=["economic"]))  # 1 point, 1 day away, newer
    unrelated = Page("news/other.md", Meta("2024-06-15", topics=["identity"]))
    fact = Page("asean/rcep.md", Meta(None, kind="fact", tags=["rcep"]))
    room = Newsroom([base, both, tag, near, far, after, unrelated, fact])
    assert rels(room.related(base)) == ["both", "tag", "after", "near"]
    assert rels(room.related(base, limit=6)) == ["both", "tag", "after", "near", "far"]
    assert room.related(fact) == []


def test_related_news_look_only_at_a_bounded_window() -> None:
    """Work per article does not grow with the archive: with hundreds of articles on one
    topic, only the WINDOW nearest on each side are candidates."""
    items = news(300, topics=["economic"])
    room = Newsroom(items)
    middle = items[150]
    found = room.related(middle, limit=100)
    assert len(found) == 2 * newsroom.WINDOW
    assert rels(found)[:4] == ["a-151", "a-149", "a-152", "a-148"]


def test_dates_partial_or_full_give_day_numbers_and_years() -> None:
    from datetime import date

    assert newsroom.day_number("2022-04") == date(2022, 4, 1).toordinal()
    assert newsroom.day_number("2022") == date(2022, 1, 1).toordinal()
    assert newsroom.day_number(date(2022, 4, 9)) == date(2022, 4, 9).toordinal()
    assert newsroom.year_of(date(2022, 4, 9)) == newsroom.year_of("2022-04") == "2022"


def test_a_page_outside_its_list_is_refused() -> None:
    with pytest.raises(ValueError, match="has 1 pages, not 2"):
        Newsroom(news(3, topics=["economic"])).page(NEWS, 2)
