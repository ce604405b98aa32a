"""oEmbed documents for the widget pages (``<lang>/embed/.../oembed.json``).

A static host cannot answer ``?url=`` queries, so each widget has its own response
file, which the widget page announces with ``<link rel="alternate"
type="application/json+oembed">`` (oEmbed discovery). The code and height are the
ones the "Embed this" page gives (:mod:`site_builder.derive.embeds`).
"""

from __future__ import annotations

import json

from site_builder import LANGUAGES
from site_builder.core import urls
from site_builder.core.i18n import translations
from site_builder.core.urls import SiteUrls
from site_builder.derive.embeds import frame_code
from site_builder.derive.project import Project
from site_builder.output.writer import Writer

WIDTH = 640
"""oEmbed needs a width in pixels; the frame itself takes the width of its column."""


def write_oembed(project: Project, writer: Writer, site: SiteUrls) -> None:
    for lang in LANGUAGES:
        t = translations(lang).gettext
        for widget in project.widgets(lang):
            document = {
                "version": "1.0",
                "type": "rich",
                "title": widget.title,
                "provider_name": t("ASEAN section"),
                "provider_url": site.home(lang),
                "html": frame_code(widget, site, lang),
                "width": WIDTH,
                "height": widget.height,
            }
            text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
            writer.text(urls.in_language(lang, urls.oembed(widget.url)), text, "oembed")
