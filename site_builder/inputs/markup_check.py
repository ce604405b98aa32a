"""What ``check`` tells an editor about markup and text the site will not publish.

The guarantee itself is made elsewhere, by construction: every page body goes through
the allow-list sanitiser (:mod:`site_builder.inputs.sanitize`) when the site is built, and
every data value is escaped by the templates. This module renders a page's Markdown
the way the site does and reports, with file and line, whatever the sanitiser would
remove, so that the editor fixes the page instead of finding it silently altered; and
it refuses control and bidirectional-override characters in any text. ``check`` fails
on either, so nothing is published that differs from what was reviewed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import markdown

from site_builder.core.problems import Problem
from site_builder.core.slug import slugify_heading
from site_builder.inputs.files import control_characters, control_message, strings
from site_builder.inputs.sanitize import Policy, Removal, local_path, removals
from site_builder.inputs.siteconfig import iframe_hosts
from site_builder.inputs.validation import field_path
from site_builder.inputs.yamlsource import YamlDocument

MARKDOWN_EXTENSIONS: list[str] = [
    "toc", "tables", "fenced_code",  # MkDocs always adds these three
    "attr_list", "admonition", "md_in_html", "footnotes", "site_builder.render.markdown_ext",
]
"""The site's Markdown extensions, as MkDocs configures them from ``mkdocs.yml`` (a test
keeps the two equal)."""
MARKDOWN_CONFIG: dict[str, dict[str, object]] = {"toc": {"permalink": "#", "slugify": slugify_heading}}

_local = threading.local()


def render(body: str) -> str:
    """A page body as the site renders it (one Markdown instance per thread, reset)."""
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)
    return md.reset().convert(body)


def policy_for(root: Path) -> Policy:
    """The sanitiser policy of a project: the frame hosts its maintainers allow in ``mkdocs.yml``."""
    return Policy(iframe_hosts(root))


_CONTROL = re.compile(r"[\x00-\x20]+")
_LINK_SCHEME = re.compile(r"\]\(<?([a-z][a-z0-9+.-]*):|\]:<?([a-z][a-z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def can_carry_markup(body: str) -> bool:
    """Whether rendering ``body`` could produce anything the sanitiser removes.

    Rendering every page to inspect it costs as much as building it, and nearly every
    page is plain prose. Markdown only puts elements, attributes or classes of the
    author's choosing into a page through raw HTML (``<``), character references
    (``&``), backslash escapes, ``{ attr_list }``, admonitions (``!!!``, whose type
    becomes a class) and images (``![``, whose address must stay on the site); and a
    link the sanitiser would empty needs a scheme other than http(s), mailto or tel
    (blanks and control characters, which browsers ignore there, taken out). A body
    with none of these renders to HTML the sanitiser leaves as it is.

    This only spares ``check`` work: the build sanitises every page regardless.
    """
    if any(ch in body for ch in "<&\\{") or "!!!" in body or "![" in body:
        return True
    squeezed = _CONTROL.sub("", body).lower()
    for match in _LINK_SCHEME.finditer(squeezed):
        if (match.group(1) or match.group(2)) not in _SAFE_SCHEMES:
            return True
    return False


def locate(body: str, first_line: int, needles: Sequence[str]) -> int:
    """The file line where the first of ``needles`` first appears (else the body's first line)."""
    lines = body.lower().splitlines()
    for needle in needles:
        lowered = needle.lower()
        if not lowered:
            continue
        for offset, line in enumerate(lines):
            if lowered in line:
                return first_line + offset
    return first_line


def _message(removal: Removal, policy: Policy) -> tuple[tuple[str, ...], str, str]:
    """Where to look for a removal in the source, and what to tell the editor."""
    tag, name, value = removal.tag, removal.attribute, removal.value
    if tag == "iframe" and (not name or name == "src"):
        allowed = ", ".join(policy.iframe_hosts) or "—"
        shown = (urlsplit(value).hostname or value)[:80] if value else "?"
        return (
            ("<iframe",),
            f"khung <iframe> từ '{shown}' không nằm trong danh sách cho phép: chỉ nhúng trang https từ các "
            f"máy chủ người quản trị cho phép (mkdocs.yml: iframe_hosts: {allowed})",
            f"<iframe> from '{shown}' is not on the allow-list: only https pages from the hosts the "
            f"maintainers allow (mkdocs.yml: iframe_hosts: {allowed})",
        )
    if not name:
        return (f"<{tag}", tag), (
            f"không được dùng thẻ <{tag}> trong nội dung"
        ), f"the <{tag}> element is not allowed in content"
    if name.startswith("on"):
        return (name,), (
            f"không được dùng thuộc tính sự kiện '{name}' (mã JavaScript) trong nội dung"
        ), f"the event attribute '{name}' (JavaScript) is not allowed in content"
    if tag == "img" and name == "src" and re.match(r"^\s*(https?:)?//", value, re.IGNORECASE):
        return (value[:40],), (
            f"ảnh phải là tệp trong content/, không tải từ trang khác: '{value[:80]}'"
        ), f"pictures must be files in content/, not loaded from another site: '{value[:80]}'"
    if name in ("href", "src") and not local_path(value):
        scheme = _CONTROL.sub("", value).split(":", 1)[0].lower()
        return (value[:40], scheme), (
            f"không được dùng địa chỉ '{scheme}:' trong nội dung"
        ), f"'{scheme}:' addresses are not allowed in content"
    if name == "class":
        return (value,), (
            f"lớp (class) '{value}' không dùng được trong nội dung"
        ), f"the class '{value}' is not available to content"
    if name == "id":
        return (value,), (
            f"mã neo (id) '{value}' không hợp lệ hoặc đã được giao diện dùng"
        ), f"the id '{value}' is not valid or is taken by the theme"
    return (name,), (
        f"không được dùng thuộc tính '{name}' của thẻ <{tag}> trong nội dung"
    ), f"the '{name}' attribute of <{tag}> is not allowed in content"


def _unreadable_markup(file: str, body: str, first_line: int) -> Problem | None:
    """Raw HTML that MkDocs cannot read: before converting a page it feeds the Markdown to
    an HTML tokenizer (Python-Markdown's copy of ``html.parser``, to find anchors), which
    gives up on some malformed declarations (``<![>``); the build would then fail."""
    # Python-Markdown's patched copy of html.parser: its stubs import it without exporting it
    from markdown.htmlparser import htmlparser  # type: ignore[attr-defined]

    parser = htmlparser.HTMLParser()
    try:
        parser.feed(body)
        parser.close()
    except Exception as exc:  # noqa: BLE001 - whatever the tokenizer raises, the page cannot be built
        snippet = str(exc).split("'", 1)[1][:12] if "'" in str(exc) else "<!"
        line = locate(body, first_line, (snippet, "<!"))
        return Problem(
            file, line, 0, "",
            "đoạn mã HTML này không đọc được (một khai báo '<!' hoặc '<![' sai cú pháp): hãy xóa hoặc viết lại",
            "this HTML cannot be read (a malformed '<!' or '<![' declaration): remove or rewrite it",
        )
    return None


def check_page(file: str, body: str, first_line: int, policy: Policy) -> list[Problem]:
    """What the sanitiser would remove from a page body, located in the file."""
    if not can_carry_markup(body):
        return []
    unreadable = _unreadable_markup(file, body, first_line) if "<!" in body else None
    if unreadable is not None:
        return [unreadable]
    problems = []
    seen: set[tuple[int, str]] = set()
    for removal in removals(render(body), policy):
        needles, vi, en = _message(removal, policy)
        line = locate(body, first_line, needles)
        if (line, en) in seen:
            continue
        seen.add((line, en))
        problems.append(Problem(file, line, 0, "", vi, en))
    return problems


def check_body_text(file: str, body: str, first_line: int) -> list[Problem]:
    """Control and invisible characters in a page body, every one (up to
    :data:`site_builder.inputs.files.MAX_REPORTED`), with line and column."""
    problems = []
    for line, column, code in control_characters(body):
        vi, en = control_message(code)
        problems.append(Problem(file, first_line + line - 1, column, "", vi, en))
    return problems


def check_data(doc: YamlDocument) -> list[Problem]:
    """Control and invisible characters in any text of a YAML document, every one.

    Markup in data text is not refused: the templates, feeds, calendar and exports
    escape every value, so ``<b>`` in a title is shown as the four characters it is.
    """
    problems = []
    for loc, text in strings(doc.data):
        found = control_characters(text)
        if found:
            line, column = doc.mark(loc)
            for code in dict.fromkeys(code for _, _, code in found):
                vi, en = control_message(code)
                problems.append(Problem(doc.path, line, column, field_path(loc), vi, en))
    return problems
