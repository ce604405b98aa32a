"""Links: the addresses of other sites that content and data point to, and the links
inside the site that MkDocs would refuse.

``check --links`` lists every address of another site, offline on purpose: it lists, it
does not fetch. Editors review the list (a source that moved, a link to an unofficial
page) without the build depending on other sites.

``check`` resolves every link and picture of every page the way MkDocs will when it
builds (:func:`check_links`): a link MkDocs warns about fails a ``--strict`` build, and
MkDocs names the file but not the line, after minutes of building. Found here, it is an
error with file and line before anything is built.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import stat
import threading
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from site_builder import LANGUAGES
from site_builder.core import cachedir
from site_builder.core.cachedir import write_atomically
from site_builder.core.problems import Problem
from site_builder.inputs.files import file_kind, walk
from site_builder.inputs.markup_check import MARKDOWN_CONFIG, MARKDOWN_EXTENSIONS, locate


class _Body(Protocol):
    @property
    def body(self) -> str: ...


class LinkedContent(Protocol):
    """What the link check reads of the checked content
    (:class:`site_builder.inputs.content_tree.ContentSet`, which imports this module)."""

    @property
    def pages(self) -> Mapping[tuple[str, str], _Body]: ...
    @property
    def sources(self) -> Mapping[str, set[str]]: ...
    @property
    def media(self) -> Mapping[str, set[str]]: ...
    @property
    def links(self) -> Mapping[tuple[str, str], tuple[tuple[int, str], ...]]: ...

URL = re.compile(r"https?://[A-Za-z0-9][^\s\"'<>()\[\]{}`]*")


@dataclass(frozen=True, order=True)
class ExternalLink:
    file: str
    line: int
    url: str

    def format(self) -> str:
        return f"{self.file}:{self.line}: {self.url}"


def external_links(root: Path) -> list[ExternalLink]:
    """Every http(s) address in ``content/`` and ``plans/``, with file and line, sorted."""
    found = []
    for folder in ("content", "plans"):
        for rel, info in walk(root, folder):  # links are not followed (``check`` refuses them)
            if file_kind(rel) not in ("page", "data") or not stat.S_ISREG(info.st_mode):
                continue
            text = (root / rel).read_bytes().decode("utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), 1):
                if line.lstrip().startswith("# yaml-language-server:"):
                    continue
                for match in URL.finditer(line):
                    found.append(ExternalLink(rel, number, match.group(0).rstrip(".,;:")))
    return sorted(found)


# ── Links inside the site, resolved as MkDocs resolves them ────────────────────────────
MADE_BY_MARKDOWN = frozenset({"headerlink", "footnote-ref", "footnote-backref"})
"""Classes of the links the Markdown extensions write themselves, to anchors they also write."""


class _Collect(Treeprocessor):
    """Every ``<a href>`` and ``<img src>`` of the element tree, where MkDocs looks at them
    (its ``relpath`` step, last of all): raw HTML is not in the tree, and MkDocs does not
    check it either."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.found: list[str] = []

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(str(element.tag))
            if key is None or element.get(key) is None:
                continue
            if set(str(element.get("class", "")).split()) & MADE_BY_MARKDOWN:
                continue  # a heading's permalink or a footnote's link: it always resolves
            self.found.append(str(element.get(key)))


_local = threading.local()


def _renderer() -> tuple[markdown.Markdown, _Collect]:
    pair = getattr(_local, "pair", None)
    if pair is None:
        md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)
        collect = _Collect(md)
        md.treeprocessors.register(collect, "asean_links", 0)
        pair = _local.pair = (md, collect)
    return pair


def _render(body: str) -> tuple[list[str], str]:
    md, collect = _renderer()
    collect.found = []
    html = md.reset().convert(body)
    return collect.found, html


Found = tuple[tuple[int, str], ...]
"""``(line, address)`` of the links of one page body."""


class LinkMemo:
    """The links found in page bodies, remembered across checks.

    Finding them renders the body (3 ms a page: six seconds of processor time at
    national scale, on every build). What a body links to depends only on the body,
    where it starts in its file and the code, so the answer is kept in the build cache
    under a digest of these (salted like :class:`site_builder.inputs.checked_bodies.CheckedBodies`),
    as JSON: addresses and line numbers, nothing that is run. Whether each link resolves
    is decided afresh on every check (it depends on the other files)."""

    def __init__(self, path: Path | None, salt: str, known: dict[str, Found]) -> None:
        self.path = path
        self.salt = salt
        self.known = known
        self.seen: dict[str, Found] = {}

    @classmethod
    def load(cls, root: Path, salt: str) -> LinkMemo:
        """The project's remembered links, kept only under the same ``salt`` (the code,
        theme, configuration and libraries of the build)."""

        key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
        path = cachedir.builds() / f"links-{key}.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            found = raw["links"] if raw.get("salt") == salt else {}
            known = {k: tuple((int(line), str(url)) for line, url in v) for k, v in found.items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            known = {}
        return cls(path, salt, known)

    def key(self, body: str, first_line: int) -> str:
        text = json.dumps([self.salt, first_line, body])
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def save(self) -> None:
        """Keep the links of this check's bodies only, atomically; skipped if it cannot be written."""
        if self.path is None or self.seen == self.known:
            return
        try:
            write_atomically(self.path, json.dumps({"salt": self.salt, "links": self.seen}).encode("utf-8"))
        except OSError:
            pass


def body_links(body: str, first_line: int, memo: LinkMemo | None = None) -> Found:
    """``(line, address)`` of every link and picture of a page body that MkDocs resolves.

    Only bodies that can hold one are rendered: a Markdown link or picture needs ``](``
    or a reference definition (``]:``); footnotes and heading permalinks always resolve."""
    if "](" not in body and "]:" not in body:
        return ()
    key = memo.key(body, first_line) if memo is not None else ""
    if memo is not None and key in memo.known:
        memo.seen[key] = memo.known[key]
        return memo.known[key]
    found, _ = _render(body)
    # Markdown expands a tab to spaces: the source may hold the tab where the address has spaces.
    links = tuple((locate(body, first_line, (url, re.sub(" {2,}", "\t", url), url.strip(), url[:40])), url)
                  for url in dict.fromkeys(found))
    if memo is not None:
        memo.seen[key] = links
    return links


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)


def body_anchors(body: str) -> frozenset[str]:
    """The ids a page body renders to (headings, ``{ #id }``, footnotes, raw HTML): the
    anchors a link may name, as MkDocs collects them."""
    _, html = _render(body)
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return frozenset(parser.ids)


def _link_problem(file: str, line: int, url: str, vi: str, en: str) -> Problem:
    shown = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in url[:80])
    shown = shown if len(url) <= 80 else shown[:77] + "..."
    return Problem(file, line, 0, "", f"liên kết '{shown}': {vi}", f"the link '{shown}': {en}")


def check_links(root: Path, content: LinkedContent, generated: Mapping[str, set[str]]) -> list[Problem]:
    """Every link and picture of every content page that MkDocs would warn about (and a
    ``--strict`` build then refuse), with file and line: an address starting with ``/``
    or ``\\``, a target that is not a file of the site (or lies outside it), an anchor
    the target page does not have. The same rules as MkDocs 1.6
    (``_RelativePathTreeprocessor.path_to_url`` and ``Page.validate_anchor_links``).
    ``generated``: the source paths of the pages generated from the data, by language."""
    problems: list[Problem] = []
    theme = _theme_files(root)
    anchors: dict[tuple[str, str], frozenset[str]] = {}

    def anchors_of(lang: str, rel: str) -> frozenset[str]:
        if (lang, rel) not in anchors:
            anchors[(lang, rel)] = body_anchors(content.pages[(lang, rel)].body)
        return anchors[(lang, rel)]

    for lang in LANGUAGES:
        other = next(x for x in LANGUAGES if x != lang)
        pages = content.sources.get(lang, set())
        notices = content.sources.get(other, set()) - pages
        files = pages | notices | generated.get(lang, set()) | content.media.get(lang, set()) | theme
        for (page_lang, rel), found in sorted(content.links.items()):
            if page_lang != lang:
                continue
            for line, url in found:
                problem = _resolve(rel, url, files)
                if problem is None:
                    target, anchor = _target(rel, url)
                    if anchor and (lang, target) in content.pages and anchor not in anchors_of(lang, target):
                        problem = (
                            f"trang {'này' if target == rel else f'content/{lang}/{target}'} không có neo "
                            f"'#{anchor}'",
                            f"{'this page' if target == rel else f'the page content/{lang}/{target}'} has no "
                            f"anchor '#{anchor}'",
                        )
                if problem is not None:
                    problems.append(_link_problem(f"content/{lang}/{rel}", line, url, *problem))
    return problems


def _target(src_uri: str, url: str) -> tuple[str, str]:
    """The file a relative link points at (``src_uri`` itself for ``#anchor``) and its anchor."""
    _, _, path, _, anchor = urlsplit(url)
    if not path:
        return src_uri, anchor
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path)).lstrip("/")), anchor


def _resolve(src_uri: str, url: str, files: set[str]) -> tuple[str, str] | None:
    """Why MkDocs would warn about ``url`` on the page ``src_uri``, or ``None``."""
    try:
        scheme, netloc, path, _, _ = urlsplit(url)
    except ValueError:
        return ("địa chỉ không đọc được (dấu '[' hoặc ']' sai chỗ?)",
                "the address cannot be read (a misplaced '[' or ']'?)")
    if scheme or netloc or AMP_SUBSTITUTE in url:
        return None
    if url.startswith(("/", "\\")):
        return ("liên kết trong trang được viết tương đối so với trang này (ví dụ ../plans/index.md), không bắt đầu "
                "bằng '/' hay '\\'",
                "links inside the site are written relative to this page (for example ../plans/index.md), not "
                "starting with '/' or '\\'")
    if not path:
        return None
    target, _ = _target(src_uri, url)
    if target == ".." or target.startswith("../"):
        return ("dẫn ra ngoài trang web", "leads out of the site")
    if target in files:
        return None
    return (f"không có tệp {target} trong trang web (hãy dẫn tới tệp .md của trang, ví dụ ../plans/index.md)",
            f"there is no file {target} in the site (link to the page's .md file, for example ../plans/index.md)")


def _theme_files(root: Path) -> frozenset[str]:
    """Files of the theme folder a page may link to (its pictures, for example), by their
    path in the site."""
    theme = root / "theme"
    if not theme.is_dir():
        return frozenset()
    return frozenset(p.relative_to(theme).as_posix() for p in theme.rglob("*") if p.is_file() and p.suffix != ".html")
