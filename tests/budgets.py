"""Page weights as a first visit downloads them: the page, its stylesheets and scripts,
the fonts its stylesheets name and (when asked) its pictures, each gzipped."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

LINKS = re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"')
SCRIPTS = re.compile(r'<script[^>]+src="([^"]+)"')
IMAGES = re.compile(r'<img(?![^>]*loading="lazy")[^>]+src="([^"]+)"')
"""Pictures loaded with the page; a lazy one (a list's thumbnails, the home page's smaller
story cards) waits until it is scrolled near, so it is not part of the first load."""
CSS_URLS = re.compile(r'url\("?([^")]+\.woff2)"?\)')


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def first_load(page: Path, images: bool = True) -> dict[str, int]:
    """Gzipped bytes by file for a first visit to ``page`` (a built ``index.html``)."""
    html = page.read_text(encoding="utf-8")
    sizes = {str(page): gz(html.encode())}
    refs = LINKS.findall(html) + SCRIPTS.findall(html) + (IMAGES.findall(html) if images else [])
    for ref in refs:
        target = (page.parent / ref.split("?")[0]).resolve()
        if not target.is_file():
            continue
        data = target.read_bytes()
        sizes[str(target)] = gz(data)
        if target.suffix == ".css":
            for font in CSS_URLS.findall(data.decode("utf-8")):
                font_path = (target.parent / font).resolve()
                sizes[str(font_path)] = gz(font_path.read_bytes())
    return sizes
