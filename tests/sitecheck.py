"""Offline checks of a built site: pages, links, anchors, languages. Used by the tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit


@dataclass
class Page:
    path: Path
    lang: str = ""
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(tag.attribute, value) of every href/src."""
    alternates: dict[str, str] = field(default_factory=dict)
    h1: int = 0
    headings: list[int] = field(default_factory=list)
    nav_links: int = 0
    scripts_inline: int = 0


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_primary_nav = 0
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page.lang = a.get("lang", "")
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.page.alternates[a["hreflang"]] = a.get("href", "")
        for attr in ("href", "src"):
            if attr in a and not (tag == "link" and a.get("rel") in ("alternate", "canonical")):
                self.page.links.append((f"{tag}.{attr}", a[attr]))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = int(tag[1])
            self.page.headings.append(level)
            if level == 1:
                self.page.h1 += 1
        if tag == "a" and "md-nav__link" in a.get("class", "") and not a.get("href", "").startswith("#"):
            self.page.nav_links += 1
        if tag == "script":
            self.in_script = "src" not in a and a.get("type", "") not in ("application/json", "application/ld+json")

    def handle_data(self, data: str) -> None:
        if self.in_script and data.strip():
            self.page.scripts_inline += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False


def parse(path: Path) -> Page:
    page = Page(path)
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    return page


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def resolve(site: Path, page: Path, url: str, base_path: str = "/") -> tuple[Path | None, str]:
    """The file a URL on ``page`` points at, and its fragment; ``None`` if external.

    Absolute paths (MkDocs' 404 page uses them) are read below ``base_path``, the path
    of the published address."""
    target, fragment = urldefrag(url)
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or url.startswith("//"):
        return None, fragment
    if not target:
        return page, fragment
    if parts.path.startswith("/"):
        if not parts.path.startswith(base_path):
            return site / "__outside_the_site__", fragment
        path = (site / unquote(parts.path[len(base_path):])).resolve()
    else:
        path = (page.parent / unquote(parts.path)).resolve()
    if target.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, fragment


def broken_links(site: Path, base_path: str = "/", cache: dict[Path, Page] | None = None) -> list[str]:
    """Every internal link or anchor that does not resolve, as ``page -> url``.

    ``cache`` holds pages already parsed, by resolved path (:class:`ParsedSite`); each
    page is parsed once either way."""
    cache = {} if cache is None else cache

    def parsed(path: Path) -> Page:
        # Not ``cache.setdefault(path, parse(path))``: that parses again on every call.
        if path not in cache:
            cache[path] = parse(path)
        return cache[path]

    broken = []
    site = site.resolve()
    for file in html_pages(site):
        page = parsed(file)
        for _kind, url in page.links:
            if url.startswith(("mailto:", "tel:", "data:")):
                continue
            path, fragment = resolve(site, file.resolve(), url, base_path)
            if path is None:
                continue
            if not path.exists():
                broken.append(f"{file.relative_to(site)} -> {url}")
                continue
            if fragment and path.suffix == ".html":
                target = parsed(path)
                if unquote(fragment) not in target.ids:
                    broken.append(f"{file.relative_to(site)} -> {url} (no anchor)")
    return broken


class ParsedSite:
    """The pages of one built site, each parsed once however many tests read it."""

    def __init__(self) -> None:
        self.cache: dict[Path, Page] = {}

    def __call__(self, path: Path) -> Page:
        path = path.resolve()
        if path not in self.cache:
            self.cache[path] = parse(path)
        return self.cache[path]
