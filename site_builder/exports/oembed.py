"""oEmbed documents for the widget pages (``<lang>/embed/.../oembed.json``).

A static host cannot answer ``?url=`` queries, so each widget has its own response
file, which the widget page announces with ``<link rel="alternate"
type="application/json+oembed">`` (oEmbed discovery).
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from .. import LANGUAGES
from ..i18n import translations
from ..index import SiteIndex
from ..pages import widget_specs
from ..project import Project

WIDTH, HEIGHT = 640, 480


def embed_code(src: str, title: str, base: str) -> str:
    """The copy-paste code for one widget."""
    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" loading="lazy" style="width:100%;border:0"></iframe>'
        f'<script src="{escape(base)}embed.js" async></script>'
    )


def write_oembed(project: Project, index: SiteIndex, site: Path, base: str) -> None:
    for lang in LANGUAGES:
        t = translations(lang).gettext
        for spec in widget_specs(index, project.content, lang, t):
            if spec.kind == "embed-index":
                continue
            src = f"{base}{lang}/{spec.url}"
            document = {
                "version": "1.0",
                "type": "rich",
                "title": spec.title,
                "provider_name": t("ASEAN section"),
                "provider_url": f"{base}{lang}/",
                "html": embed_code(src, spec.title, base),
                "width": WIDTH,
                "height": HEIGHT,
            }
            target = site / lang / spec.url / "oembed.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
