"""Atom feeds of the news, per language, per pillar or topic, and per unit (feedgen).

``/vi/feed.xml`` and ``/en/feed.xml`` carry every article; ``/<lang>/feeds/pillars/<id>.xml``
and ``/<lang>/feeds/units/<id>.xml`` the articles on one topic or about one unit. A unit of
today's feed also carries the news of the former units it was formed from (Cần Thơ's
carries Sóc Trăng's), as its section does. A feed's ``updated`` is its newest article's
date, so feeds change only with content.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from feedgen.feed import FeedGenerator

from .. import LANGUAGES
from ..content import ContentPage
from ..i18n import translations
from ..index import SiteIndex
from ..project import Project
from ..topics import TOPICS


def _when(page: ContentPage) -> dt.datetime:
    value = str(page.meta.date)
    year, month, day = ([int(x) for x in value.split("-")] + [1, 1])[:3]
    return dt.datetime(year, month, day, tzinfo=dt.UTC)


def feed_xml(items: list[ContentPage], lang: str, base: str, path: str, title: str, subtitle: str) -> bytes:
    fg = FeedGenerator()
    self_url = f"{base}{lang}/{path}"
    fg.id(self_url)
    fg.title(title)
    fg.subtitle(subtitle)
    fg.language(lang)
    fg.link(href=f"{base}{lang}/news/", rel="alternate")
    fg.link(href=self_url, rel="self")
    fg.generator("ASEAN section kit")
    fg.updated(_when(items[0]) if items else dt.datetime(2021, 1, 1, tzinfo=dt.UTC))
    for page in reversed(items):  # feedgen prepends entries; keep newest first in the file
        entry = fg.add_entry()
        url = f"{base}{lang}/{page.url}"
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
    return fg.atom_str(pretty=True)


def write_feeds(project: Project, index: SiteIndex, site: Path, base: str) -> None:
    for lang in LANGUAGES:
        t = translations(lang).gettext
        news = project.content.news(lang)
        site_name = t("ASEAN section")
        subtitle = t("News about ASEAN and the ASEAN communication plans.")
        feeds: list[tuple[str, list[ContentPage], str]] = [("feed.xml", news, t("%(site)s: News") % {"site": site_name})]
        for topic in TOPICS:
            items = [p for p in news if topic.id in p.meta.topics]
            feeds.append((f"feeds/pillars/{topic.id}.xml", items, f"{site_name}: {topic.name(lang)}"))
        for unit in project.data.units.values():
            carried = set(index.carried[unit.id])
            items = [p for p in news if p.meta.unit in carried]
            feeds.append((f"feeds/units/{unit.id}.xml", items, f"{site_name}: {unit.name.get(lang) or unit.name.vi}"))
        for path, items, title in feeds:
            target = site / lang / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(feed_xml(items, lang, base, path, title, subtitle))
