"""What every page generated from the data has, whatever its kind (:mod:`.kinds`): where it
goes, its title and description, its template, layout and output formats, the metadata
and the one-line Markdown body the engine gets.

The engine gets a one-line Markdown body, the title as the page heading; data is never
pasted into Markdown, and the templates in ``theme/`` render it with autoescaping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import ClassVar, Literal

from site_builder.core import urls


class Output(Enum):
    """A format a kind of page is published in (Hugo's output formats)."""

    HTML = "html"
    """The page itself."""
    JSON = "json"
    """A JSON document of the same records (``api/v1/...``; a widget's oEmbed document)."""
    CSV = "csv"
    """Rows of a CSV file of the API (``api/v1/activities.csv``, ``progress.csv``)."""
    ICS = "ics"
    """The iCalendar file (``calendar.ics``)."""
    FEED = "feed"
    """An Atom feed (``<lang>/feed.xml``, ``<lang>/feeds/...``)."""
    WIDGET = "widget"
    """A widget to embed in a portal (``<lang>/embed/...``)."""


Layout = Literal["front", "list", "article", "reference"]
"""How a page uses the width: the front page and lists up to about 1,140 px, an article's
text about 720 px, a reference page with its contents list beside it."""

@dataclass(frozen=True, kw_only=True)
class Generated:
    """What every page generated from the data has: where it goes, its title and description."""

    url: str
    """Directory URL below the language root, e.g. ``plans/soc-trang-2022/``."""
    title: str
    description: str = ""
    title_lang: str | None = None
    """``"vi"`` when the title is the Vietnamese text standing in for a missing translation."""
    extra: dict[str, object] = field(default_factory=dict)
    """More page metadata (``edit_path`` of the data file behind the page, ``hide``, ``full_page``)."""

    KIND: ClassVar[str]
    """The kind's name: the widget heights' key (:mod:`.embeds`) and the incremental build's."""
    TEMPLATE: ClassVar[str]
    LAYOUT: ClassVar[Layout] = "article"
    OUTPUTS: ClassVar[tuple[Output, ...]] = (Output.HTML,)

    @property
    def kind(self) -> str:
        return self.KIND

    @property
    def template(self) -> str:
        return self.TEMPLATE

    @property
    def id(self) -> str:
        """The key of the record, for addresses and widgets (``soc-trang-2022``)."""
        return ""

    @property
    def outputs(self) -> tuple[Output, ...]:
        return self.OUTPUTS

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)

    def meta(self) -> dict[str, object]:
        """The page's metadata as the templates see it (``page.meta``); handed to the
        engine as data, never written out as front matter to be parsed again."""
        meta: dict[str, object] = {"title": self.title, "template": self.template}
        if self.description:
            meta["description"] = self.description
        meta.update(self.extra)
        return meta

    def body(self) -> str:
        """The title as the page's only heading (it also anchors the skip link)."""
        heading = escape_markdown(self.title)
        if self.title_lang:
            heading = f'<span lang="{self.title_lang}">{heading}</span>'
        return f"# {heading}\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def escape_markdown(text: str) -> str:
    """Escape the characters Markdown would read as markup in a one-line heading."""
    return _MD_SPECIAL.sub(r"\\\1", text)
