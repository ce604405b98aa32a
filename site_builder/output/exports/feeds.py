"""Atom feeds of the news, per language, per pillar or topic, and per unit (feedgen).

``/vi/feed.xml`` and ``/en/feed.xml`` carry every article; ``/<lang>/feeds/pillars/<id>.xml``
and ``/<lang>/feeds/units/<id>.xml`` the articles on one topic or about one unit. A unit of
today's feed also carries the news of the former units it was formed from (Cần Thơ's
carries Sóc Trăng's), as its section does. A feed's ``updated`` is its newest article's
date, so feeds change only with content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from site_builder import LANGUAGES
from site_builder.core import urls
from site_builder.core.i18n import translations
from site_builder.core.urls import SiteUrls
from site_builder.core.vocabulary import TOPICS
from site_builder.derive.project import Project
from site_builder.inputs.content_tree import ContentPage
from site_builder.inputs.photos import Photo
from site_builder.output.writer import Writer

MEDIA_NS = "http://search.yahoo.com/mrss/"
"""Media RSS, which feed readers use for an entry's picture in Atom too: ``media:content``
with the picture's size, ``media:description`` (its alt text), ``media:credit`` and
``media:license``, so that a portal republishing the feed keeps the photographer's name."""


class PhotoExtension(BaseExtension):  # type: ignore[misc]  # feedgen ships no types
    def extend_ns(self) -> dict[str, str]:
        return {"media": MEDIA_NS}


class PhotoEntryExtension(BaseEntryExtension):  # type: ignore[misc]
    """An entry's photo in Media RSS (feedgen's own media extension has no credit)."""

    def __init__(self) -> None:
        self.photo: dict[str, str] | None = None

    def extend_atom(self, entry: object) -> object:
        if self.photo is not None:
            # The Atom enclosure is written here: feedgen 1.0.0 drops a link's rel and type.
            xml_elem("link", entry, href=self.photo["url"], rel="enclosure", type=self.photo["type"],
                     title=self.photo["alt"])
            content = xml_elem(f"{{{MEDIA_NS}}}content", entry)
            for attr in ("url", "type", "medium", "width", "height"):
                content.set(attr, self.photo[attr])
            xml_elem(f"{{{MEDIA_NS}}}description", content).text = self.photo["alt"]
            xml_elem(f"{{{MEDIA_NS}}}credit", content).text = self.photo["credit"]
            xml_elem(f"{{{MEDIA_NS}}}license", content).text = self.photo["licence"]
        return entry

    def extend_rss(self, item: object) -> object:
        return self.extend_atom(item)


def photo_fields(page: ContentPage, photo: Photo, site: SiteUrls) -> dict[str, str]:
    """The photo of an article as feeds and the API give it: its widest JPEG, absolute."""
    jpeg = photo.largest()
    return {
        "url": site.file(jpeg.path), "type": jpeg.mime, "medium": "image",
        "width": str(jpeg.width), "height": str(jpeg.height),
        "alt": page.meta.image_alt or "", "credit": page.meta.image_credit or "",
        "licence": page.meta.image_licence or "",
    }


def _when(page: ContentPage) -> dt.datetime:
    value = str(page.meta.date)
    year, month, day = ([int(x) for x in value.split("-")] + [1, 1])[:3]
    return dt.datetime(year, month, day, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Feed:
    """A feed of one language: where it is (``path``), the news it carries, newest first, and its title."""

    path: str
    items: list[ContentPage]
    title: str


def feed_xml(feed: Feed, lang: str, site: SiteUrls, subtitle: str) -> bytes:
    items = feed.items
    fg = FeedGenerator()
    self_url = site.page(lang, feed.path)
    fg.id(self_url)
    fg.title(feed.title)
    fg.subtitle(subtitle)
    fg.language(lang)
    fg.link(href=site.page(lang, urls.INDEXES["news"]), rel="alternate")
    fg.link(href=self_url, rel="self")
    fg.generator("ASEAN section kit")
    fg.register_extension("photo", PhotoExtension, PhotoEntryExtension)
    fg.updated(_when(items[0]) if items else dt.datetime(2021, 1, 1, tzinfo=dt.UTC))
    for page in reversed(items):  # feedgen prepends entries; keep newest first in the file
        entry = fg.add_entry()
        url = site.page(lang, page.url)
        entry.id(url)
        entry.title(page.meta.title)
        entry.link(href=url)
        entry.summary(page.meta.description)
        entry.updated(_when(page))
        entry.published(_when(page))
        for topic in page.meta.topics:
            entry.category(term=topic)
        for tag in page.meta.tags:
            entry.category(term=tag)
        if page.photo is not None:
            fields = photo_fields(page, page.photo, site)
            entry.photo.photo = fields
    atom: bytes = fg.atom_str(pretty=True)
    return atom


def write_feeds(project: Project, writer: Writer, site: SiteUrls) -> None:
    for lang in LANGUAGES:
        t = translations(lang).gettext
        news = project.content.news(lang)
        site_name = t("ASEAN section")
        subtitle = t("News about ASEAN and the ASEAN communication plans.")
        feeds = [Feed(urls.feed(), news, t("%(site)s: News") % {"site": site_name})]
        for topic in TOPICS:
            items = [p for p in news if topic.id in p.meta.topics]
            feeds.append(Feed(urls.feed("pillars", topic.id), items, f"{site_name}: {topic.name(lang)}"))
        for unit in project.data.units.values():
            carried = set(project.index.carried[unit.id])
            items = [p for p in news if p.meta.unit in carried]
            feeds.append(Feed(urls.feed("units", unit.id), items, f"{site_name}: {unit.name.text(lang)}"))
        for feed in feeds:
            writer.bytes(urls.in_language(lang, feed.path), feed_xml(feed, lang, site, subtitle), "feeds")
