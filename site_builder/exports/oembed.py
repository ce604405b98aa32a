"""oEmbed documents for the widget pages (``<lang>/embed/.../oembed.json``).

A static host cannot answer ``?url=`` queries, so each widget has its own response
file, which the widget page announces with ``<link rel="alternate"
type="application/json+oembed">`` (oEmbed discovery). The code and height are the
ones the "Embed this" page gives (:mod:`site_builder.embeds`).
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import LANGUAGES
from ..embeds import frame_code, widgets
from ..i18n import translations
from ..index import SiteIndex
from ..project import Project

WIDTH = 640
"""oEmbed needs a width in pixels; the frame itself takes the width of its column."""


def write_oembed(project: Project, index: SiteIndex, site: Path, base: str) -> None:
    for lang in LANGUAGES:
        t = translations(lang).gettext
        for widget in widgets(index, project.content, lang, t):
            document = {
                "version": "1.0",
                "type": "rich",
                "title": widget.title,
                "provider_name": t("ASEAN section"),
                "provider_url": f"{base}{lang}/",
                "html": frame_code(widget, base, lang),
                "width": WIDTH,
                "height": widget.height,
            }
            target = site / lang / widget.url / "oembed.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
