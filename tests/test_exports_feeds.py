"""site_builder.output.exports.feeds: the Atom feeds, read with feedparser as a feed reader reads them."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import MiniProject
from PIL import Image

from site_builder.core.urls import SiteUrls
from site_builder.derive.project import load_project
from site_builder.output.exports.feeds import write_feeds
from site_builder.output.writer import Writer

BASE = "https://example.org/asean/"
PHOTO = {
    "vi": ("image: 2024/co-asean.jpg\nimage_alt: Lá cờ ASEAN tung bay\nimage_caption: Lễ thượng cờ\n"
           "image_credit: Ảnh của Sở TT&TT\nimage_licence: CC BY 4.0\n"),
    "en": ("image: 2024/co-asean.jpg\nimage_alt: The ASEAN flag flying\nimage_caption: Flag-raising ceremony\n"
           "image_credit: Photo by the Department of Information and Communications\nimage_licence: CC BY 4.0\n"),
}


@pytest.fixture
def feeds(rich: MiniProject, tmp_path: Path) -> Path:
    """The feeds of the rich mini project, whose economic article has a photo."""
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), (20, 60, 160)).save(buffer, "JPEG")
    rich.write("content/media/2024/co-asean.jpg", buffer.getvalue())
    for lang in ("vi", "en"):
        rich.replace(f"content/{lang}/news/tin-kinh-te.md", "sources:", PHOTO[lang] + "sources:")
    project = load_project(rich.root)
    write_feeds(project, Writer(tmp_path), SiteUrls(BASE))
    return tmp_path


def read(path: Path) -> Any:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.bozo_exception
    return feed


def day(parsed: time.struct_time) -> str:
    """A date feedparser read (in UTC), as ISO text."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", parsed)


def test_one_feed_per_language_topic_and_unit(feeds: Path) -> None:
    topics = ["connectivity", "covid-19", "economic", "identity", "political-security", "socio-cultural", "tourism"]
    units = ["can-tho", "my-xuyen", "soc-trang", "viet-nam"]
    assert sorted(p.relative_to(feeds).as_posix() for p in feeds.rglob("*.xml")) == sorted(
        [f"{lang}/feed.xml" for lang in ("vi", "en")]
        + [f"{lang}/feeds/pillars/{t}.xml" for lang in ("vi", "en") for t in topics]
        + [f"{lang}/feeds/units/{u}.xml" for lang in ("vi", "en") for u in units]
    )


def test_the_news_feed_newest_first(feeds: Path) -> None:
    feed = read(feeds / "en/feed.xml")
    assert feed.feed.title == "ASEAN section: News"
    assert feed.feed.subtitle == "News about ASEAN and the ASEAN communication plans."
    assert feed.feed.language == "en"
    assert feed.feed.id == f"{BASE}en/feed.xml"
    assert [(link.rel, link.href) for link in feed.feed.links] == [
        ("alternate", f"{BASE}en/news/"), ("self", f"{BASE}en/feed.xml"),
    ]
    assert day(feed.feed.updated_parsed) == "2022-05-02T00:00:00"
    assert [(e.title, e.link, e.summary, [t.term for t in e.tags]) for e in feed.entries] == [
        ("Sóc Trăng news", f"{BASE}en/news/tin-soc-trang/", "Sóc Trăng news.", ["identity", "hop-tac"]),
        ("Economic news", f"{BASE}en/news/tin-kinh-te/", "Economic news.", ["economic", "hop-tac"]),
    ]
    assert [e.id for e in feed.entries] == [e.link for e in feed.entries]
    assert [day(e.published_parsed) for e in feed.entries] == ["2022-05-02T00:00:00", "2022-03-01T00:00:00"]
    assert [day(e.updated_parsed) for e in feed.entries] == ["2022-05-02T00:00:00", "2022-03-01T00:00:00"]
    vi = read(feeds / "vi/feed.xml")
    assert vi.feed.title == "Chuyên mục ASEAN: Tin tức"
    assert vi.feed.subtitle == "Tin tức về ASEAN và các kế hoạch tuyên truyền, quảng bá ASEAN."
    assert [e.title for e in vi.entries] == ["Tin Sóc Trăng", "Tin kinh tế"]


def test_a_photo_as_enclosure_and_media_rss_with_its_credit(feeds: Path) -> None:
    entry = read(feeds / "en/feeds/pillars/economic.xml").entries[0]
    [enclosure] = [link for link in entry.links if link.rel == "enclosure"]
    assert re.fullmatch(re.escape(BASE) + r"media/co-asean-1600\.[0-9a-f]{10}\.jpg", enclosure.href)
    assert (enclosure.type, enclosure.title) == ("image/jpeg", "The ASEAN flag flying")
    assert entry.media_content == [
        {"url": enclosure.href, "type": "image/jpeg", "medium": "image", "width": "1600", "height": "900"},
    ]
    assert entry.media_credit == [{"content": "Photo by the Department of Information and Communications"}]
    assert entry.media_license == {"content": "CC BY 4.0"}
    vi = read(feeds / "vi/feeds/pillars/economic.xml").entries[0]
    assert vi.media_credit == [{"content": "Ảnh của Sở TT&TT"}]


def test_topic_feeds_hold_the_articles_on_that_topic(feeds: Path) -> None:
    economic = read(feeds / "en/feeds/pillars/economic.xml")
    assert economic.feed.title == "ASEAN section: Economic pillar"
    assert [e.title for e in economic.entries] == ["Economic news"]
    assert read(feeds / "vi/feeds/pillars/economic.xml").feed.title == "Chuyên mục ASEAN: Trụ cột Kinh tế"
    assert [e.title for e in read(feeds / "en/feeds/pillars/identity.xml").entries] == ["Sóc Trăng news"]


def test_a_unit_of_today_carries_the_news_of_the_units_it_was_formed_from(feeds: Path) -> None:
    can_tho = read(feeds / "vi/feeds/units/can-tho.xml")
    assert can_tho.feed.title == "Chuyên mục ASEAN: Thành phố Cần Thơ"
    assert [e.title for e in can_tho.entries] == ["Tin Sóc Trăng"]
    assert [e.title for e in read(feeds / "en/feeds/units/soc-trang.xml").entries] == ["Sóc Trăng news"]
    empty = read(feeds / "en/feeds/units/my-xuyen.xml")
    assert empty.feed.title == "ASEAN section: Mỹ Xuyên District"
    assert empty.entries == []
    assert day(empty.feed.updated_parsed) == "2021-01-01T00:00:00"  # fixed, not the clock
