"""The content boundary against a hostile corpus (``tests/hostile/payloads.yaml``), in
Markdown bodies.

An editor who can commit to ``content/`` and ``plans/`` must not be able to run script
on the portal, redirect a reader, or load anything from another site (issue 15). Every
payload of the corpus is placed in a Markdown body: ``check`` must name the file and a
line of every page whose payload renders to anything active (an HTML5 parser decides
what is active, not the checker's own parser), and the build must neutralise the bodies
even when ``check`` is bypassed: each page is opened in Chromium with no
Content-Security-Policy (:mod:`hostile_probe`). Front matter and data fields are tested
in ``test_hostile_data.py``.

In Chromium a page fails on any dialog (alert, confirm, prompt, print), navigation away
from it, request to a host other than 127.0.0.1, console message about a Content
Security Policy, script error, and on anything active left in its DOM that a clean page
of the same kind does not have. Nothing here is marked xfail: a failure is a payload that
gets through.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import CliResult, MiniProject, make_tiny, run_cli
from hostile_probe import (
    ALLOWED_IFRAME_HOST,
    CONTROL_PAYLOADS,
    PAYLOADS,
    TEXT_PAYLOADS,
    PageErrors,
    active_in_html,
    allow_iframe_host,
    build_corpus,
    inspect_pages,
    render_body,
    report,
)

# ── The corpus itself ───────────────────────────────────────────────────────────────────
SOURCE = re.compile(
    r"^https://github\.com/(OWASP/CheatSheetSeries|PortSwigger/xss-cheatsheet-data|cure53/H5SC|"
    r"cure53/DOMPurify|OWASP/www-community)/blob/[0-9a-f]{40}/\S+#L\d+$"
    r"|^issue (?P<issue>15|30) of this repository \(`issues show (?P=issue)`\): \S.*$"
)


def test_corpus_is_well_formed() -> None:
    assert len(PAYLOADS) >= 170
    assert all(set(p) == {"id", "source", "payload"} for p in PAYLOADS)
    assert all(isinstance(p["payload"], str) and p["payload"].strip() for p in PAYLOADS)
    ids = [p["id"] for p in PAYLOADS]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids)
    assert len({p["payload"] for p in PAYLOADS}) >= 150
    assert [p["id"] for p in PAYLOADS if not SOURCE.match(p["source"])] == []
    per_sheet = Counter(p["source"].split("/")[4] for p in PAYLOADS if p["source"].startswith("https://"))
    assert all(per_sheet[sheet] >= 30 for sheet in ("CheatSheetSeries", "xss-cheatsheet-data", "H5SC")), per_sheet
    assert CONTROL_PAYLOADS and len(TEXT_PAYLOADS) >= 150


# ── Corpus projects ─────────────────────────────────────────────────────────────────────
def payload_page(ident: str, payload: str) -> str:
    return (f"---\ntitle: Trang thử {ident}\ndescription: Trang thử tải {ident}.\n---\n\n"
            f"# Trang thử {ident}\n\nĐoạn mở đầu.\n\n{payload}\n\nĐoạn kết.\n")


BODY_FIRST_LINE = 5
"""The first line of a page's body in :func:`payload_page` (after the front matter)."""


def body_project(root: Path, payloads: list[dict[str, str]]) -> MiniProject:
    """The tiny project with one page per payload in Vietnamese (``p-<id>``), a plain English
    counterpart, and a clean page of the same kind (``p-clean``) to compare with."""
    mini = make_tiny(MiniProject(root))
    allow_iframe_host(mini.root)
    for ident, payload in [(p["id"], p["payload"]) for p in payloads] + [("clean", "Một đoạn văn bình thường.")]:
        mini.write(f"content/vi/p-{ident}.md", payload_page(ident, payload))
        mini.write(f"content/en/p-{ident}.md", payload_page(ident, "An ordinary paragraph."))
    return mini


def run_check(root: Path) -> CliResult:
    return run_cli("--root", str(root), "check")


@pytest.fixture(scope="module")
def body_check(tmp_path_factory: pytest.TempPathFactory) -> CliResult:
    mini = body_project(tmp_path_factory.mktemp("check") / "project", PAYLOADS)
    return run_check(mini.root)


def reported_lines(output: str) -> dict[str, set[int]]:
    """``file -> lines`` of every error ``check`` printed (warnings and notes left out)."""
    found: dict[str, set[int]] = {}
    for match in re.finditer(r"^(content/\S+?\.md):(\d+)(?::\d+)?: (?!cảnh báo|lưu ý)", output, re.MULTILINE):
        found.setdefault(match.group(1), set()).add(int(match.group(2)))
    return found


# ── (a) check ───────────────────────────────────────────────────────────────────────────
def test_check_names_every_active_markdown_payload(body_check: CliResult) -> None:
    output = body_check.stdout + body_check.stderr
    assert "Traceback" not in output, output[-3000:]
    assert body_check.returncode == 1, output[-3000:]
    reported = reported_lines(body_check.stdout)
    missed = {}
    for p in PAYLOADS:
        text = payload_page(p["id"], p["payload"])
        active = active_in_html(render_body(text.split("---\n", 2)[2]))
        if not active:
            continue
        last_line = text.count("\n")
        lines = reported.get(f"content/vi/p-{p['id']}.md", set())
        if not any(BODY_FIRST_LINE <= line <= last_line for line in lines):
            missed[p["id"]] = active
    assert missed == {}, f"{len(missed)} pages with active markup that `check` lets through:\n" + "\n".join(
        f"  content/vi/p-{ident}.md: {', '.join(what)}" for ident, what in missed.items())
    assert "content/vi/p-clean.md" not in reported


def test_check_refuses_control_characters_in_bodies(body_check: CliResult) -> None:
    assert "Traceback" not in body_check.stdout + body_check.stderr
    reported = reported_lines(body_check.stdout)
    missed = [p["id"] for p in CONTROL_PAYLOADS if not reported.get(f"content/vi/p-{p['id']}.md")]
    assert missed == [], f"control characters that pass `check`: {missed}"



# ── (b) the build sanitises bodies without `check` ──────────────────────────────────────
def build_bodies(mini: MiniProject, out: Path, may_refuse: bool = False) -> tuple[Path, dict[str, str]]:
    """Build with `check`'s Markdown scan switched off: what the build itself lets through.
    A payload page that makes the build fail is recorded (``id -> error``), taken out, and
    the build tried again, so that one crash does not hide the rest of the corpus."""
    from site_builder.apps.errors import BuildError

    crashed: dict[str, str] = {}
    handler = PageErrors()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr("site_builder.inputs.content_tree._markup_problems", lambda *args, **kwargs: [])
            mp.setattr("site_builder.derive.project.check_links", lambda *args: [])  # links MkDocs would warn about
            while True:
                handler.pages.clear()
                try:
                    return build_corpus(mini.root, out, may_refuse), crashed
                except BuildError as exc:
                    pages = [p for p in handler.pages if re.fullmatch(r"p-[a-z0-9-]+\.md", p)]
                    if not pages or len(crashed) > 20:
                        raise
                    for page in pages:
                        crashed[page[2:-3]] = str(exc).splitlines()[0][:200]
                        for lang in ("vi", "en"):
                            (mini.root / "content" / lang / page).unlink(missing_ok=True)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)


@pytest.fixture(scope="module")
def body_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    mini = body_project(tmp_path_factory.mktemp("bodies") / "project", TEXT_PAYLOADS)
    return build_bodies(mini, mini.root.parent / "site")


@pytest.mark.browser
def test_built_markdown_bodies_are_inert_in_chromium(browser: Any, body_site: tuple[Path, dict[str, str]]) -> None:
    from site_builder.inputs.markup_check import check_page
    from site_builder.inputs.sanitize import Policy

    site, crashed = body_site
    paths = [f"vi/p-{p['id']}/" for p in TEXT_PAYLOADS if p["id"] not in crashed]
    results = inspect_pages(browser, site, paths, lambda path: "vi/p-clean/")
    # A page that makes the build fail is a finding only if the real `check` lets it
    # through: a page check refuses never reaches a build.
    payloads = {p["id"]: p["payload"] for p in TEXT_PAYLOADS}
    policy = Policy((ALLOWED_IFRAME_HOST,))
    results.update({f"vi/p-{ident}/": [f"the build failed and check let it through: {error}"]
                    for ident, error in crashed.items() if not check_page("p.md", payloads[ident], 1, policy)})
    assert results == {}, report(results)


@pytest.mark.browser
def test_control_character_bodies_never_reach_a_page(browser: Any, tmp_path: Path) -> None:
    """Bodies with NUL and other control characters: the build either refuses them, naming
    each file, or publishes them inert; never a traceback."""
    from site_builder.apps.errors import BuildError
    from site_builder.core.problems import InputError

    mini = body_project(tmp_path / "project", CONTROL_PAYLOADS)
    try:
        site, crashed = build_bodies(mini, tmp_path / "site", may_refuse=True)
    except InputError as exc:
        named = exc.report()
        assert [p["id"] for p in CONTROL_PAYLOADS if f"content/vi/p-{p['id']}.md:" not in named] == []
        return
    except BuildError as exc:
        pytest.fail(f"the build failed on control characters instead of refusing them with file and line: {exc}")
    results = inspect_pages(browser, site, [f"vi/p-{p['id']}/" for p in CONTROL_PAYLOADS if p["id"] not in crashed],
                            lambda path: "vi/p-clean/")
    results.update({f"vi/p-{ident}/": [f"the build failed: {error}"] for ident, error in crashed.items()})
    assert results == {}, report(results)


# ── One front-matter parse ──────────────────────────────────────────────────────────────
FRONT_MATTER_CASES = {
    "fm-clean": ("Trang bình thường", "Một trang bình thường."),
    "fm-impossible-date": ("2021-02-30", "Tiêu đề trông như một ngày không có thật."),
    "fm-impossible-date-payload": ("2021-02-31", '<img src=x onerror=alert(1)><script>alert(2)</script>'),
}
"""Front matter that ``check``'s YAML reads as text but MkDocs' YAML refuses (it builds a
date), so that MkDocs renders the whole front matter as the page's Markdown (issue 15,
"two front-matter parsers")."""


@pytest.mark.browser
def test_front_matter_is_read_once(browser: Any, tmp_path: Path) -> None:
    """The page shows the title ``check`` validated, and nothing of its front matter runs."""
    from selectolax.lexbor import LexborHTMLParser

    mini = make_tiny(MiniProject(tmp_path / "project"))
    for name, (title, description) in FRONT_MATTER_CASES.items():
        for lang in ("vi", "en"):
            mini.write(f"content/{lang}/{name}.md",
                       f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {name}\n\nNội dung.\n")
    site = build_corpus(mini.root, tmp_path / "site")
    results = inspect_pages(browser, site, [f"vi/{name}/" for name in FRONT_MATTER_CASES], lambda path: "vi/fm-clean/")
    for name, (title, _) in FRONT_MATTER_CASES.items():
        page = LexborHTMLParser((site / "vi" / name / "index.html").read_text(encoding="utf-8"))
        shown = page.css_first("title").text()
        if not shown.startswith(title):
            results.setdefault(f"vi/{name}/", []).append(f"MkDocs read other front matter: <title>{shown}</title>")
        if "description:" in page.css_first("article").text():
            results.setdefault(f"vi/{name}/", []).append("the front matter is shown as the page's text")
    assert results == {}, report(results)


