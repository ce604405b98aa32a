"""The hostile corpus (``tests/hostile/payloads.yaml``) and the Chromium probe that opens
pages built from it: what counts as a page doing or holding something active.

Shared by the two halves of the content-boundary tests: ``test_hostile_corpus.py``
(Markdown bodies: ``check`` and the build's sanitiser) and ``test_hostile_data.py``
(front matter and data fields, feeds and exports). Two modules, so that ``make test``'s
workers can run the two long Chromium passes side by side.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from browser import StaticServer, require_chromium
from conftest import ROOT

from site_builder.inputs.files import CONTROL as INPUT_CONTROL

CORPUS = Path(__file__).parent / "hostile" / "payloads.yaml"
PAYLOADS: list[dict[str, str]] = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["payloads"]
BY_ID = {p["id"]: p["payload"] for p in PAYLOADS}

CONTROL = INPUT_CONTROL
"""The characters ``check`` refuses in any text with file and line (controls, line and
paragraph separators, bidirectional overrides...): payloads holding one are tested for
that refusal, the others for staying inert."""
TEXT_PAYLOADS = [p for p in PAYLOADS if not CONTROL.search(p["payload"])]
CONTROL_PAYLOADS = [p for p in PAYLOADS if CONTROL.search(p["payload"])]

ALLOWED_IFRAME_HOST = "allowed.example"
"""The one host the corpus projects' ``mkdocs.yml`` allows for iframes: the
host-confusion payloads (userinfo, backslash) try to pass another host off as this one."""


def allow_iframe_host(root: Path) -> None:
    """Let the project's maintainers (its ``mkdocs.yml``) allow :data:`ALLOWED_IFRAME_HOST`."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "iframe_hosts: []" in text
    config.write_text(text.replace("iframe_hosts: []", f"iframe_hosts: [{ALLOWED_IFRAME_HOST}]"), encoding="utf-8")


SETTLE_MS = 30
"""How long a page is watched after its load event (timers, animations, autofocus)."""



# ── What counts as active, in an HTML5 parse (the oracle for `check`) ───────────────────
BAD_SCHEMES = ("javascript", "vbscript", "data")
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
             "codebase", "dynsrc", "lowsrc", "ping"}
EMBEDDING = {"iframe", "frame", "object", "embed", "applet", "portal", "fencedframe"}
ANIMATIONS = {"animate", "set", "animatemotion", "animatetransform"}
_NOSCRIPT = re.compile(r"(</?)noscript\b", re.IGNORECASE)


_C0_AND_SPACE = "".join(chr(i) for i in range(0x21))


def scheme(url: str) -> str:
    """The scheme a browser reads in ``url``: C0 controls and spaces stripped from both
    ends, tabs and line feeds dropped anywhere (the URL standard)."""
    cleaned = re.sub(r"[\t\n\r]", "", url.strip(_C0_AND_SPACE))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def host_of(url: str) -> str | None:
    """The host a browser reads in an http(s) ``url`` (backslashes are slashes there), or
    ``None`` for a relative address or another scheme."""
    cleaned = re.sub(r"[\t\n\r]", "", url.strip(_C0_AND_SPACE)).replace("\\", "/")
    if scheme(cleaned) not in ("http", "https") and not cleaned.startswith("//"):
        return None
    try:
        return (urlsplit(cleaned).hostname or "").lower()
    except ValueError:
        return "?"


def active_in_html(fragment: str) -> list[str]:
    """What is active in ``fragment`` once parsed as the body of a page by an HTML5 parser
    (lexbor), read both as written and with ``<noscript>`` as the raw text it is in a
    browser with scripting on."""
    from selectolax.lexbor import LexborHTMLParser

    found: list[str] = []
    for variant in (fragment, _NOSCRIPT.sub(r"\1xmp", fragment)):
        tree = LexborHTMLParser("<!doctype html><html><head></head><body><article>" + variant)
        pending = [tree.root] if tree.root is not None else []
        while pending:
            node = pending.pop()
            for el in node.css("*"):
                tag = (el.tag or "").lower()
                attrs = {(k or "").lower(): v or "" for k, v in el.attributes.items()}
                if tag == "template":  # declarative shadow roots make template content live
                    inner = LexborHTMLParser("<!doctype html><body>" + (el.inner_html or "")).root
                    pending += [inner] if inner is not None else []
                if tag == "script":
                    found.append("<script>")
                if tag == "meta" and "http-equiv" in attrs:
                    found.append("<meta http-equiv>")
                if tag == "base":
                    found.append("<base>")
                if tag in EMBEDDING - {"iframe", "frame"}:
                    found.append(f"<{tag}>")
                if tag in ("iframe", "frame"):
                    host = host_of(attrs.get("src", ""))
                    if host is not None and host not in (ALLOWED_IFRAME_HOST,):
                        found.append(f"<{tag}> from {host}")
                if tag in ANIMATIONS:
                    target = attrs.get("attributename", "").lower()
                    if target in ("href", "xlink:href") or target.startswith("on"):
                        found.append(f"<{tag}> of {target}")
                for name, value in attrs.items():
                    if re.fullmatch(r"on[a-z]+", name):
                        found.append(f"{name}=")
                    if name == "srcdoc":
                        found.append("srcdoc=")
                    if name in URL_ATTRS and scheme(value) in BAD_SCHEMES:
                        found.append(f"{name}={scheme(value)}:")
                    if name in ("action", "formaction") and host_of(value) not in (None, "127.0.0.1"):
                        found.append(f"{name} to {host_of(value)}")
    return sorted(set(found))


@functools.cache
def _markdown_settings() -> tuple[list[Any], dict[str, Any]]:
    """The Markdown extensions and their settings, as ``mkdocs.yml`` gives them to the site."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def render_body(body: str) -> str:
    import markdown

    extensions, configs = _markdown_settings()
    return markdown.markdown(body, extensions=extensions, extension_configs=configs)


# ── Chromium ────────────────────────────────────────────────────────────────────────────
INIT_SCRIPT = """
(() => {
  const note = () => console.log("hostile-corpus: print() called");
  try { Object.defineProperty(window, "print", {value: note, configurable: false, writable: false}); } catch (e) {}
})();
"""

INVENTORY = """
([allowedHosts, themeIds, isMain]) => {
  // Built-ins are reached through their prototypes: a payload that clobbers
  // document.querySelectorAll or a form's attributes must not blind the inventory.
  const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
  const call = (fn, self, ...args) => Function.prototype.call.call(fn, self, ...args);
  const localName = (el) => call(getter(Element.prototype, "localName"), el);
  const attributes = (el) => Array.from(call(getter(Element.prototype, "attributes"), el));
  const attribute = (el, name) => call(Element.prototype.getAttribute, el, name);
  const shadowRoot = (el) => call(getter(Element.prototype, "shadowRoot"), el);
  const all = (root) => call(root === document ? Document.prototype.querySelectorAll
                                               : DocumentFragment.prototype.querySelectorAll, root, "*");
  const baseURI = call(getter(Node.prototype, "baseURI"), document);
  const origin = location.origin;
  const out = [];
  const SCHEMES = ["javascript:", "data:", "vbscript:"];
  const URL_ATTRS = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster",
    "background", "codebase", "dynsrc", "lowsrc", "ping"]);
  const EMBEDS = new Set(["object", "embed", "applet", "portal", "fencedframe"]);
  const ANIMATIONS = new Set(["animate", "set", "animatemotion", "animatetransform"]);
  const parse = (v) => { try { return new URL(v, baseURI); } catch (e) { return null; } };
  const scheme = (v) => { const u = parse(v); return u ? u.protocol : ""; };
  const builtin = (v) => [Document.prototype, Node.prototype, EventTarget.prototype, Object.prototype]
    .some((proto) => v in proto);
  const ids = new Map();
  const roots = [document];
  let header = false;
  for (let i = 0; i < roots.length; i++) {
    for (const el of Array.from(all(roots[i]))) {
      const tag = localName(el).toLowerCase();
      const shadow = shadowRoot(el);
      if (shadow) { roots.push(shadow); out.push("shadow root on <" + tag + ">"); }
      const attrs = attributes(el).map((a) => [a.name.toLowerCase(), a.value]);
      if (tag === "header" && attrs.some(([a, v]) => a === "class" && v.split(" ").includes("md-header"))) header = true;
      if (tag === "script") {
        const src = attribute(el, "src");
        const u = src === null ? null : parse(src);
        if (src === null) out.push("inline <script>: " + call(getter(Node.prototype, "textContent"), el).trim().slice(0, 80));
        else if (!(u && u.origin === origin && /\\/(assets|pagefind)\\//.test(u.pathname)))
          out.push("<script src=" + src.slice(0, 80) + ">");
      }
      for (const [a, value] of attrs) {
        if (/^on[a-z]+$/.test(a)) out.push("<" + tag + " " + a + "=>");
        if (a === "srcdoc") out.push("<" + tag + " srcdoc=>");
        if (URL_ATTRS.has(a) && SCHEMES.includes(scheme(value)))
          out.push("<" + tag + " " + a + "=" + scheme(value) + ">");
        if ((a === "action" || a === "formaction") && value.trim()) {
          const u = parse(value);
          if (u && u.origin !== origin && !SCHEMES.includes(u.protocol)) out.push("<" + tag + " " + a + "> to " + u.host);
        }
        if (a === "id") ids.set(value, (ids.get(value) || 0) + 1);
        if ((a === "name" || a === "id") && value && builtin(value)) {
          const found = document[value];
          if (found instanceof Element || found instanceof HTMLCollection)
            out.push("document." + value + " clobbered by <" + tag + " " + a + ">");
        }
      }
      if (tag === "meta" && attribute(el, "http-equiv") !== null)
        out.push("<meta http-equiv=" + attribute(el, "http-equiv").toLowerCase() + ">");
      if (tag === "base") out.push("<base href=" + attribute(el, "href") + " target=" + attribute(el, "target") + ">");
      if (EMBEDS.has(tag)) out.push("<" + tag + ">");
      if (tag === "iframe" || tag === "frame") {
        const src = attribute(el, "src");
        const u = src === null ? null : parse(src);
        if (u && u.protocol !== "about:" && !allowedHosts.includes(u.hostname))
          out.push("<" + tag + "> from " + u.protocol + "//" + u.host);
      }
      if (ANIMATIONS.has(tag)) {
        const target = (attribute(el, "attributeName") || "").toLowerCase();
        if (target === "href" || target === "xlink:href" || target.startsWith("on"))
          out.push("<" + tag + "> animating " + target);
      }
    }
  }
  for (const id of (themeIds || ids.keys())) if ((ids.get(id) || 0) > 1) out.push("theme id #" + id + " used again");
  if (isMain && !header) out.push("the theme's header is gone: the document was rewritten");
  return [out, Array.from(ids.keys())];
}
"""


class Probe:
    """One Chromium page, reused for every visit, that records whatever a payload makes the
    browser do: dialogs, navigations, requests to other hosts, script errors, console
    messages about a Content Security Policy, popups; and what is active in the DOM."""

    def __init__(self, browser: Any, origin: str) -> None:
        self.origin = origin
        # Every request that is not to the loopback address goes to a proxy that is not
        # there, so nothing ever leaves the machine; the requests are still seen below.
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900}, service_workers="block",
            proxy={"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"},
        )
        self.context.add_init_script(INIT_SCRIPT)
        self.context.on("page", self._popup)
        self.events: list[str] = []
        self.expected = ""
        self.creating = False
        self.page = self._new_page()

    def _new_page(self) -> Any:
        self.creating = True
        try:
            page = self.context.new_page()
        finally:
            self.creating = False
        page.set_default_timeout(3000)
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.events.append(f"script error: {str(exc)[:120]}"))
        page.on("framenavigated", self._navigated)
        page.on("request", self._request)
        return page

    def _request(self, request: Any) -> None:
        url = request.url
        if url.startswith((self.origin, "data:", "blob:", "about:")):
            return
        if urlsplit(url).hostname != ALLOWED_IFRAME_HOST:
            self.events.append(f"request outside the site: {url[:120]}")

    def _dialog(self, dialog: Any) -> None:
        self.events.append(f"dialog {dialog.type}: {dialog.message[:80]}")
        for close in ((dialog.accept,) if dialog.type == "beforeunload" else (dialog.dismiss, dialog.accept)):
            try:
                close()
                return
            except Exception:  # noqa: BLE001, S112 - the page may be gone already
                continue

    def _console(self, message: Any) -> None:
        text = message.text
        if "hostile-corpus: print()" in text:
            self.events.append("print() called")
        elif "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.events.append(f"console: {text[:160]}")

    def _navigated(self, frame: Any) -> None:
        if frame == self.page.main_frame and frame.url.split("#")[0] != self.expected.split("#")[0]:
            self.events.append(f"navigated away to {frame.url[:120]}")

    def _popup(self, page: Any) -> None:
        if not self.creating:
            self.events.append(f"popup opened: {page.url[:120]}")
            page.close()

    def visit(self, url: str, theme_ids: list[str] | None) -> tuple[list[str], list[str]]:
        """Everything ``url`` did or holds that is active, frames included, and the ids of
        its elements. ``theme_ids``: ids that must stay unique (``None``: the page's own)."""
        self.events = []
        self.expected = url
        found: list[str] = []
        ids: list[str] = []
        try:
            self.page.goto(url, wait_until="load")
            self.page.wait_for_timeout(SETTLE_MS)
            if self.page.url.split("#")[0] != url.split("#")[0]:
                return self.events, ids  # navigated away: that is the finding, not the page it went to
            for frame in list(self.page.frames):
                is_main = frame == self.page.main_frame
                if frame.url.startswith("chrome-error://"):
                    # Chromium's own error page, shown in an allowed host's frame because the
                    # harness blocks the network: the browser's, not the payload's.
                    continue
                try:  # a function wait, not evaluate: it gives up if a dialog blocks the page
                    items, frame_ids = frame.wait_for_function(
                        INVENTORY, arg=[["127.0.0.1", ALLOWED_IFRAME_HOST], theme_ids, is_main], polling=100,
                    ).json_value()
                except Exception as exc:  # noqa: BLE001 - a frame that went away or never loaded
                    if not is_main:
                        continue
                    items, frame_ids = [f"page could not be inspected: {str(exc)[:120]}"], []
                if not is_main and frame.url.startswith("chrome-error://"):
                    continue  # the error page came while the frame was read: the browser's, as above
                if is_main:
                    ids = frame_ids
                where = frame.url.replace(self.origin, "/")[:60]
                found += [item if is_main else f"in frame {where}: {item}" for item in items]
        except Exception as exc:  # noqa: BLE001 - a payload that hangs or kills the page
            self.events.append(f"page failed: {str(exc).splitlines()[0][:160]}")
            try:
                self.page.close()
            except Exception:  # noqa: BLE001 - already gone
                pass
            self.page = self._new_page()
        return self.events + found, ids

    def close(self) -> None:
        self.context.close()


def _subtract(found: list[str], baseline: list[str]) -> list[str]:
    return list((Counter(found) - Counter(baseline)).elements())


def inspect_pages(browser: Any, site: Path, paths: list[str], baseline_of: Callable[[str], str],
                  clean_site: Path | None = None) -> dict[str, list[str]]:
    """Open every page of ``paths`` (below ``site``) in Chromium; return what each did or
    holds beyond what a clean page of its kind (``baseline_of(path)``, a path of
    ``clean_site``, by default ``site`` itself) does and holds. Empty lists are dropped."""
    require_chromium()
    results: dict[str, list[str]] = {}
    with contextlib.ExitStack() as stack:
        srv = stack.enter_context(StaticServer(site))
        clean_srv = stack.enter_context(StaticServer(clean_site)) if clean_site is not None else srv
        probe = Probe(browser, srv.url)
        stack.callback(probe.close)
        clean_probe = probe
        if clean_srv is not srv:
            clean_probe = Probe(browser, clean_srv.url)
            stack.callback(clean_probe.close)
        baselines: dict[str, tuple[list[str], list[str]]] = {}
        for path in paths:
            base_path = baseline_of(path)
            if base_path not in baselines:
                baselines[base_path] = clean_probe.visit(clean_srv.url + base_path, None)
                trouble = [x for x in baselines[base_path][0] if x.startswith(
                    ("dialog", "navigated", "request outside", "page failed", "script error", "print"))]
                assert trouble == [], f"the clean page {base_path} is not clean: {trouble}"
            baseline, theme_ids = baselines[base_path]
            extra = _subtract(probe.visit(srv.url + path, theme_ids)[0], baseline)
            if extra:
                results[path] = extra
    return results


def report(results: dict[str, list[str]]) -> str:
    lines = [f"{len(results)} pages let something active through:"]
    for path, found in results.items():
        lines.append(f"  {path}: " + "; ".join(sorted(set(found)))[:400])
    return "\n".join(lines)


def build_corpus(root: Path, out: Path, may_refuse: bool = False, unit: str | None = None) -> Path:
    """Build in this process (so that a test can switch a check off), MkDocs' strict mode
    off: a link warning is not what these tests are about. ``check`` refusing the input
    fails the test with its first problems, unless the caller ``may_refuse``."""
    from site_builder.apps.build import build_site
    from site_builder.core.problems import InputError

    try:
        build_site(root, out, jobs=1, strict=False, unit=unit)
    except InputError as exc:
        if may_refuse:
            raise
        problems = exc.report().splitlines()
        pytest.fail(f"`check` refused the corpus ({len(problems)} lines of problems), so nothing was built:\n"
                    + "\n".join(problems[:12]), pytrace=False)
    return out


class PageErrors(logging.Handler):
    """The pages MkDocs names when it fails to read one."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.pages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        match = re.match(r"Error reading page '([^']+)'", record.getMessage())
        if match:
            self.pages.append(match.group(1))




# ── Files that are not pages (issue 30): names, kinds, polyglots ───────────────────────
HTML_PAYLOAD = b"<html><body><script>alert(document.domain)</script></body></html>\n"


def _picture(fmt: str) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (22, 58, 134)).save(buffer, fmt)
    return buffer.getvalue()


def _pdf() -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _docx(extra: dict[str, bytes] | None = None) -> bytes:
    import io
    import zipfile

    import docx

    document = docx.Document()
    document.add_paragraph("Kế hoạch")
    buffer = io.BytesIO()
    document.save(buffer)
    if not extra:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        for name, data in extra.items():
            target.writestr(name, data)
    return out.getvalue()


def file_cases() -> list[tuple[str, bytes, bool]]:
    """``(path below content/vi/, bytes, published?)`` of every file class of issue 30:
    names whose suffix is in capitals, theme folders in capitals, pictures and documents
    with a web page after their end, cut in half, or carrying script inside. ``published``:
    whether ``check`` accepts it (a picture with bytes after its end is accepted, and the
    build republishes its pixels only); every other case is refused, with its file."""
    png, jpeg, gif, webp, avif = (_picture(f) for f in ("PNG", "JPEG", "GIF", "WEBP", "AVIF"))
    pdf, docx_file = _pdf(), _docx()
    return [
        ("files/evil.MD", HTML_PAYLOAD, False),
        ("files/evil.Md", b"---\ntitle: x\ndescription: x\n---\n\n<script>alert(1)</script>\n", False),
        ("files/evil.HTML", HTML_PAYLOAD, False),
        ("files/anh.PNG", png, False),
        ("Assets/table.png", png, False),
        ("SEARCH/x.pdf", pdf, False),
        ("Embed/x.png", png, False),
        ("files/poly.png", png + HTML_PAYLOAD, True),
        ("files/poly.jpg", jpeg + HTML_PAYLOAD, True),
        ("files/poly.gif", gif + b"/*" + HTML_PAYLOAD + b"*/alert(1)", True),
        ("files/poly.webp", webp + HTML_PAYLOAD, True),
        ("files/poly.avif", avif + HTML_PAYLOAD, True),
        ("files/cut.png", png[: len(png) // 2], False),
        ("files/cut.jpg", jpeg[: len(jpeg) // 2], False),
        ("files/poly.pdf", pdf + HTML_PAYLOAD, False),
        ("files/script.pdf", pdf.replace(b"%%EOF", b"<script>alert(1)</script>\n%%EOF"), False),
        ("files/poly.docx", docx_file + HTML_PAYLOAD, False),
        ("files/page.docx", _docx({"word/afchunk.htm": HTML_PAYLOAD}), False),
        ("files/hidden.docx", _docx({"docProps/x.txt": HTML_PAYLOAD}), False),
        ("files/word.xlsx", docx_file, False),
        ("files/clean.png", png, True),
        ("files/clean.pdf", pdf, True),
        ("files/clean.docx", docx_file, True),
    ]
