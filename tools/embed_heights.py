"""Measure every widget's height in Chromium at a phone's and a computer's width, and record
them in ``theme/asean/embed/heights.json``, which the build reads (``site_builder/derive/embeds.py``).

Why a tool run and a committed file, not a measurement during the build: measuring needs a
browser, and the build must not (it runs on a fresh runner, offline, in seconds). Why not a
formula from the content: a widget's height depends on how its text wraps in the reader's
fonts, which only a browser knows; the formulas used before (a fixed height per kind, 95 px
a year) left the quiz's fifth question cut and 400 px of white under the events list.

A widget is measured as a portal shows it: in a frame as wide as a 390 px phone's page and
a 1280 px computer's page less the host's 8 px margins (374 and 1264 px). Run it after a
change to the widgets' templates or styles, or when content changes a widget's length (a
new plan, more events), and commit the file; ``tests/test_embed.py`` checks the published
heights in a browser on every run, so a stale file fails the tests instead of cutting a
widget on a portal.

Usage: ``python -m site_builder build --site-dir /tmp/site && python tools/embed_heights.py --site /tmp/site``
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "theme/asean/embed/heights.json"
WIDTHS = {390: 374, 1280: 1264}
"""Page width: frame width (the host page's 8 px body margins on each side)."""
sys.path.insert(0, str(ROOT / "tests"))


def widget_paths(site: Path) -> list[str]:
    """Every widget page the "Embed this" pages list (``vi/embed/news/``...)."""
    paths = set()
    for lang in ("vi", "en"):
        page = (site / lang / "embed/index.html").read_text(encoding="utf-8")
        for code in re.findall(r'data-asean-code="frame"[^>]*>(.*?)</textarea>', page, re.S):
            src = re.search(r'src=&#34;([^&]+)&#34;|src=&quot;([^&]+)&quot;|src="([^"]+)"', code)
            if src:
                url = next(g for g in src.groups() if g)
                paths.add(re.sub(r"^https?://[^/]+/", "", url))
    return sorted(paths)


def measure(site: Path) -> dict[str, dict[str, int]]:
    """``{path: {"390": px, "1280": px}}`` for every widget of a built site."""
    from browser import CHROMIUM_ARGS  # the project's Chromium flags (tests/browser.py)
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    out: dict[str, dict[str, int]] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            for path in widget_paths(site):
                sizes = {}
                for width, frame in WIDTHS.items():
                    page.set_viewport_size({"width": frame, "height": 800})
                    page.goto(base + path, wait_until="load")
                    page.evaluate("document.fonts.ready")
                    sizes[str(width)] = page.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
                out[path] = sizes
            browser.close()
    finally:
        httpd.shutdown()
    return out


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site (python -m site_builder build)")
    args = parser.parse_args()
    heights = measure(args.site)
    OUT.write_text(json.dumps(heights, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(heights)} widgets measured at {', '.join(map(str, WIDTHS))} px: {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
