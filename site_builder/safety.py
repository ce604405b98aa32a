"""Content safety: what editors write can never put script on a government portal.

Templates autoescape every data value, so YAML text cannot inject markup at all; the
scan below still refuses dangerous text there, so that an editor learns of it at
``check`` time. Markdown is different: Python-Markdown passes raw HTML through, so each
page is rendered the way the site renders it and the resulting HTML is inspected:
``<script>``, ``<style>`` and other active elements, ``on*=`` event attributes (also
through ``{ attr_list }``), ``javascript:``/``vbscript:``/``data:`` addresses (also
when disguised with character references), and ``<iframe>`` from hosts that are not
allowed in ``content/safety.yaml``. Folders listed there as trusted skip the scan.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown
from pydantic import Field

from .model.common import Strict
from .problems import Problem
from .validation import field_path, validate
from .yamlsource import YamlDocument, load_yaml

SAFETY_FILE = "content/safety.yaml"
BANNED_TAGS = {"script", "style", "object", "embed", "applet", "base", "link", "meta", "frame", "frameset", "form"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset"}
BANNED_SCHEMES = ("javascript:", "vbscript:", "data:")
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "footnotes", "toc"]
_TEXT_DANGER = re.compile(
    r"<\s*/?\s*(script|style|iframe|object|embed)\b|<[a-z][^>]*\son[a-z]+\s*=|\b(javascript|vbscript)\s*:|\bdata:[a-z]+/",
    re.IGNORECASE,
)


class SafetyConfig(Strict):
    """``content/safety.yaml``: the exceptions a site's maintainers allow, and nothing more."""

    iframe_hosts: list[str] = Field(default_factory=list)
    """Hosts whose pages may be embedded with ``<iframe>`` in content (e.g. a video host)."""
    trusted_html: list[str] = Field(default_factory=list)
    """Folders below ``content/`` whose pages may use any raw HTML, e.g. ``vi/partners/``:
    only for pages written by the site's own maintainers."""


@dataclass(frozen=True)
class Finding:
    what: str
    """What was found, in words (``<script>``, ``onclick=``, ``javascript:`` address)."""
    needle: str
    """Text to look for in the source to locate it."""
    vi: str
    en: str


def load_config(root: Path) -> tuple[SafetyConfig, list[Problem]]:
    path = root / SAFETY_FILE
    if not path.exists():
        return SafetyConfig(), []
    doc = load_yaml(path, SAFETY_FILE)
    if isinstance(doc, Problem):
        return SafetyConfig(), [doc]
    config, problems = validate(doc, SafetyConfig)
    return (config if isinstance(config, SafetyConfig) else SafetyConfig()), problems


class _Inspector(HTMLParser):
    def __init__(self, iframe_hosts: list[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.iframe_hosts = {h.lower() for h in iframe_hosts}
        self.findings: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in BANNED_TAGS:
            self.findings.append(Finding(
                f"<{tag}>", f"<{tag}",
                f"không được dùng thẻ <{tag}> trong nội dung",
                f"the <{tag}> element is not allowed in content",
            ))
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.findings.append(Finding(
                    f"{name}=", name,
                    f"không được dùng thuộc tính sự kiện '{name}' (mã JavaScript) trong nội dung",
                    f"the event attribute '{name}' (JavaScript) is not allowed in content",
                ))
            if name in URL_ATTRS and value is not None:
                plain = re.sub(r"[\x00-\x20]+", "", html.unescape(value)).lower()
                scheme = next((s for s in BANNED_SCHEMES if plain.startswith(s)), None)
                if scheme:
                    self.findings.append(Finding(
                        f"{scheme} URL", scheme[:-1],
                        f"không được dùng địa chỉ '{scheme}' trong nội dung",
                        f"'{scheme}' addresses are not allowed in content",
                    ))
        if tag == "iframe":
            src = dict(attrs).get("src") or ""
            host = (urlsplit(src).hostname or "").lower()
            if host not in self.iframe_hosts or not src.startswith("https://"):
                allowed = ", ".join(sorted(self.iframe_hosts)) or "—"
                self.findings.append(Finding(
                    "<iframe>", "<iframe",
                    f"khung <iframe> từ '{host or src}' không nằm trong danh sách cho phép ({SAFETY_FILE}: {allowed})",
                    f"<iframe> from '{host or src}' is not on the allow-list ({SAFETY_FILE}: {allowed})",
                ))

    handle_startendtag = handle_starttag


_ATTR_LIST = re.compile(r"\{:?([^}]*)\}")
_PLAIN_ATTR = re.compile(r"[#.][\w-]+")
_CONTROL = re.compile(r"[\x00-\x20]+")


def can_carry_markup(body: str) -> bool:
    """Whether rendering ``body`` could produce anything :func:`scan_markdown` refuses.

    Rendering every page to inspect it costs as much as building it, and nearly every
    page is plain prose. Markdown only puts elements or attributes of the author's
    choosing into a page through raw HTML (``<``), character references (``&``),
    backslash escapes (``\\``) or ``{ attr_list }`` with more than ids and classes;
    and a dangerous address in a link needs ``script:`` or ``data:`` once blanks and
    control characters (which browsers ignore there) are taken out. A body with none of
    these renders to safe HTML, so only the others are rendered and inspected.
    """
    if any(ch in body for ch in "<&\\"):
        return True
    for match in _ATTR_LIST.finditer(body):
        if any(not _PLAIN_ATTR.fullmatch(token) for token in match.group(1).split()):
            return True
    squeezed = _CONTROL.sub("", body).lower()
    return "script:" in squeezed or "data:" in squeezed


def scan_markdown(body: str, iframe_hosts: list[str]) -> list[Finding]:
    """What a page's Markdown would put into the page that is not allowed."""
    if not can_carry_markup(body):
        return []
    rendered = markdown.markdown(body, extensions=MARKDOWN_EXTENSIONS)
    inspector = _Inspector(iframe_hosts)
    inspector.feed(rendered)
    inspector.close()
    return inspector.findings


def locate(body: str, first_line: int, needle: str) -> int:
    """The file line where ``needle`` first appears in the body (else the body's first line)."""
    lowered = needle.lower()
    for offset, line in enumerate(body.splitlines()):
        if lowered in line.lower():
            return first_line + offset
    return first_line


def check_page(file: str, rel: str, body: str, first_line: int, config: SafetyConfig) -> list[Problem]:
    if any(rel.startswith(folder) for folder in config.trusted_html):
        return []
    problems = []
    seen: set[tuple[int, str]] = set()
    for finding in scan_markdown(body, config.iframe_hosts):
        line = locate(body, first_line, finding.needle)
        if (line, finding.what) in seen:
            continue
        seen.add((line, finding.what))
        problems.append(Problem(file, line, 0, "", finding.vi, finding.en))
    return problems


def _strings(value: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, loc + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, loc + (i,))


def check_data(doc: YamlDocument) -> list[Problem]:
    """Refuse markup or script addresses in any text of a YAML file (they would be shown
    escaped, never run, but they have no place in plan data or front matter)."""
    problems = []
    for loc, text in _strings(doc.data):
        match = _TEXT_DANGER.search(text)
        if match:
            line, column = doc.mark(loc)
            found = match.group(0).strip()
            problems.append(Problem(
                doc.path, line, column, field_path(loc),
                f"văn bản chứa mã HTML hoặc địa chỉ không được phép: '{found}'",
                f"the text contains HTML or an address that is not allowed: '{found}'",
            ))
    return problems
