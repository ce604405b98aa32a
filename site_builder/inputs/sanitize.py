"""The HTML allow-list every page body passes through: content can hold no script.

Python-Markdown passes raw HTML through, and ``{ attr_list }`` lets a page set any
attribute, so the HTML rendered from ``content/`` is untrusted. It is not inspected for
known-bad patterns; it is rebuilt by ammonia (the Rust sanitiser, through ``nh3``),
which parses it as a browser does (html5ever) and keeps exactly the elements,
attributes, classes and URL schemes listed here: what the site's Markdown extensions
produce (headings with permalinks, tables, admonitions, footnotes, images, links) and
the few plain elements an editor may write by hand. Anything else is dropped, with the
text of unknown elements kept and the content of script-like elements removed.

The same :class:`Policy` serves the build (:meth:`Policy.clean` on every page) and
``check`` (:func:`removals`), which reports what the build would drop, with file and
line, so that an editor learns of it before publishing; the build never depends on
that report.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import nh3
from selectolax.lexbor import LexborHTMLParser

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
    "u", "ul",
})
"""Elements a page body may hold. Nothing that runs, loads a document, submits, styles
or changes how the page's links resolve (no script, style, form, base, meta, object)."""

CLEAN_CONTENT_TAGS = frozenset({
    "script", "style", "noscript", "template", "textarea", "title", "xmp", "noembed", "noframes",
    "plaintext", "iframe", "object", "embed", "applet", "svg", "math", "select", "option",
})
"""Elements removed together with what they contain (their text is code or a document,
never prose to keep). ``iframe`` is here unless the maintainers allow embedding."""

ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "lang", "dir", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "details": {"open"},
    "iframe": {"src", "width", "height", "allowfullscreen"},
}
"""Attributes per element (``*``: on every element). No ``style`` (the site's CSP
forbids inline styles), no event handlers, no ``name``, no ``target``."""

CLASSES: dict[str, set[str]] = {
    "a": {"headerlink", "footnote-ref", "footnote-backref"},
    "div": {
        "admonition", "footnote", "note", "abstract", "info", "tip", "success", "question",
        "warning", "failure", "danger", "bug", "example", "quote",
    },
    "p": {"admonition-title"},
    "th": {"asean-align-left", "asean-align-center", "asean-align-right"},
    "td": {"asean-align-left", "asean-align-center", "asean-align-right"},
}
"""Classes the Markdown extensions give (permalinks, footnotes, admonitions, table
alignment; ``language-*`` on code blocks): page authors cannot borrow the theme's
classes to imitate its interface. Other class names are dropped one by one."""

LANGUAGE_CLASS = re.compile(r"^language-[a-z0-9+#_-]{1,30}$")
"""The class fenced code blocks give ``<code>`` (```` ```sh ```` → ``language-sh``)."""

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes allowed in ``href`` and ``src``; relative addresses are always allowed."""

ID_PATTERN = re.compile(r"^(?!__)[A-Za-z0-9_][A-Za-z0-9_:.-]{0,127}$")
"""Ids from heading slugs (``_1`` for a heading with no letters) and footnotes
(``fn:1``); Material's own start with ``__``."""

RESERVED_IDS = frozenset({
    "asean-search-q", "asean-search-status", "asean-search-results", "asean-search-more",
})
"""Ids the theme's scripts look up with ``getElementById``: a page body may not take them
(DOM clobbering); a test keeps this list in step with ``theme/assets/*.js``."""

PRE_ATTRIBUTES = {"tabindex": "0"}
"""Set on every ``<pre>``: a code block scrolls sideways and must be reachable by keyboard."""

IFRAME_ATTRIBUTES = {
    "sandbox": "allow-scripts allow-same-origin allow-presentation allow-popups",
    "referrerpolicy": "strict-origin-when-cross-origin",
    "loading": "lazy",
}
"""Set on every allowed ``<iframe>``: the framed page can play its video but never
navigate the portal's window (no ``allow-top-navigation``)."""

_HOST = re.compile(r"^https://([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+)(/[^\s\\]*)?$")
"""An https address whose authority is a bare host name: no user info (``a@b``), no
port, no backslash, nothing a browser and a Python URL parser could read differently."""

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def local_path(url: str) -> bool:
    """Whether ``url`` stays on the site: a relative path, no scheme, no ``//host``."""
    squeezed = re.sub(r"[\x00-\x20]", "", url)
    return not (_SCHEME.match(squeezed) or squeezed.startswith(("//", "\\", "/\\")) or "\\" in squeezed)


@dataclass(frozen=True)
class Policy:
    """The allow-list, with the hosts whose pages may be framed (``mkdocs.yml``:
    ``plugins: - asean: iframe_hosts: [...]``, decided by the site's maintainers)."""

    iframe_hosts: tuple[str, ...] = ()

    @cached_property
    def _cleaner(self) -> nh3.Cleaner:
        tags = set(TAGS) | ({"iframe"} if self.iframe_hosts else set())
        return nh3.Cleaner(
            tags=tags,
            clean_content_tags=set(CLEAN_CONTENT_TAGS) - tags,
            attributes={tag: set(names) for tag, names in ATTRIBUTES.items() if tag in tags or tag == "*"},
            attribute_filter=self._attribute,
            strip_comments=True,
            link_rel=None,
            url_schemes=set(URL_SCHEMES),
            set_tag_attribute_values=self._set_values(),
        )

    def _set_values(self) -> dict[str, dict[str, str]]:
        """Attributes the sanitiser sets: every code block is focusable, so that keyboard
        users can scroll a long line (WCAG 2.1.1; axe ``scrollable-region-focusable``);
        every allowed frame gets :data:`IFRAME_ATTRIBUTES`."""
        values = {"pre": dict(PRE_ATTRIBUTES)}
        if self.iframe_hosts:
            values["iframe"] = dict(IFRAME_ATTRIBUTES)
        return values

    def _attribute(self, tag: str, name: str, value: str) -> str | None:
        """Per-value rules beyond ammonia's: ids, local images, allowed frame hosts."""
        if name == "id":
            return value if ID_PATTERN.match(value) and value not in RESERVED_IDS else None
        if name == "class":
            allowed = CLASSES.get(tag, set())
            kept = [c for c in value.split() if c in allowed or (tag == "code" and LANGUAGE_CLASS.match(c))]
            return " ".join(kept) or None
        if tag == "img" and name == "src":
            return value if local_path(value) else None
        if tag == "iframe" and name == "src":
            match = _HOST.match(value)
            return value if match and match.group(1) in self.iframe_hosts else None
        return value

    def clean(self, html: str) -> str:
        """The allowed part of ``html``, as HTML."""
        return self._cleaner.clean(html)


@dataclass(frozen=True)
class Removal:
    """One element or attribute the sanitiser dropped."""

    tag: str
    attribute: str = ""
    value: str = ""
    count: int = 1


def inventory(html: str) -> Counter[tuple[str, str, str]]:
    """Every element (``(tag, "", "")``) and attribute (``(tag, name, value)``) of a
    fragment, as a browser-grade HTML5 parser (lexbor) builds it."""
    found: Counter[tuple[str, str, str]] = Counter()
    body = LexborHTMLParser(f"<body>{html}</body>").body
    if body is None:
        return found
    for node in body.traverse(include_text=False):
        if node is body:
            continue
        tag = (node.tag or "").lower()
        if tag.startswith("-"):
            continue  # comments and other non-elements: the sanitiser drops comments, harmless
        found[(tag, "", "")] += 1
        for name, value in node.attributes.items():
            if name == "class":
                for token in (value or "").split():
                    found[(tag, "class", token)] += 1
            else:
                found[(tag, name.lower(), value or "")] += 1
    return found


def removals(html: str, policy: Policy) -> list[Removal]:
    """What :meth:`Policy.clean` drops from ``html``: elements, attributes, classes.

    Both sides are parsed with the same HTML5 parser, so serialisation differences
    (quoting, entities) do not count; attributes the sanitiser adds do not either.
    """
    before = inventory(html)
    after = inventory(policy.clean(html))
    dropped = before - after
    removed_tags = {tag for tag, name, _ in dropped if not name}
    result = []
    for (tag, name, value), count in sorted(dropped.items()):
        if name and tag in removed_tags:
            continue  # the element went, its attributes with it: one report
        if not name:  # name the element by its address, when it has one (an iframe's src)
            value = next((v for (t, n, v) in dropped if t == tag and n == "src"), "")
        result.append(Removal(tag, name, value, count))
    return result
