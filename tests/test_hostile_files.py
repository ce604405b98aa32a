"""The whole hostile corpus through ``check --strict`` and ``build --strict``, and the
files that are not pages (issue 30).

``check`` is the gate editors see: a content tree it accepts must build with
``build --strict`` (MkDocs' strict mode, the published address), and whatever the build
would refuse, ``check`` must refuse first, naming the file (and the line, for a page).
The corpus here is every payload of ``tests/hostile/payloads.yaml`` as a page body, and
every file class of issue 30 (:func:`hostile_probe.file_cases`): suffixes in capitals,
theme folders in capitals, pictures and documents that are also web pages, cut in half,
or carry script. The published files are then opened in Chromium, served as a careless
host would (Python's file server: a type guessed from the name, no ``nosniff``, no
Content-Security-Policy).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from browser import StaticServer, require_chromium
from conftest import MiniProject, make_tiny, run_cli
from hostile_probe import PAYLOADS, allow_iframe_host, file_cases

SITE_URL = "https://asean.test-portal.gov.vn/asean/"
"""Built with ``--strict``, which refuses a placeholder such as an ``example`` host."""


def payload_page(ident: str, payload: str) -> str:
    return (f"---\ntitle: Trang thử {ident}\ndescription: Trang thử tải {ident}.\n---\n\n# Trang thử {ident}\n\n"
            f"Đoạn mở đầu.\n\n{payload}\n\nĐoạn kết.\n")


def corpus_project(root: Path) -> MiniProject:
    """The tiny project with one page per payload (Vietnamese; a plain English twin) and
    every file case below ``content/vi/``."""
    mini = make_tiny(MiniProject(root))
    allow_iframe_host(mini.root)
    for p in PAYLOADS:
        mini.write(f"content/vi/p-{p['id']}.md", payload_page(p["id"], p["payload"]))
        mini.write(f"content/en/p-{p['id']}.md", payload_page(p["id"], "An ordinary paragraph."))
    for rel, data, _ in file_cases():
        mini.write(f"content/vi/{rel}", data)
    return mini


ERROR = re.compile(r"^(content/\S+?)(?::(\d+))?(?::\d+)?: (?!cảnh báo|lưu ý)", re.MULTILINE)


def refused(output: str) -> dict[str, set[int]]:
    """``file -> lines`` of every error ``check`` printed (0: the whole file)."""
    found: dict[str, set[int]] = {}
    for match in ERROR.finditer(output):
        found.setdefault(match.group(1), set()).add(int(match.group(2) or 0))
    return found


@pytest.fixture(scope="module")
def agreed(tmp_path_factory: pytest.TempPathFactory) -> tuple[MiniProject, dict[str, set[int]], Path]:
    """The corpus checked with ``check --strict``; every file it refuses removed (until it
    refuses nothing, at most three rounds); then built with ``build --strict``."""
    from site_builder.apps import build

    root = tmp_path_factory.mktemp("agree") / "project"
    mini = corpus_project(root)
    all_refused: dict[str, set[int]] = {}
    for _ in range(3):
        result = run_cli("--root", str(mini.root), "check", "--strict")
        assert "Traceback" not in result.stdout + result.stderr, result.stderr[-3000:]
        found = refused(result.stdout)
        if result.returncode == 0:
            break
        assert found, result.stdout[-3000:]
        for rel in found:
            path = mini.root / rel
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
        all_refused.update(found)
    else:
        pytest.fail("check still refuses files after three rounds")
    site = root.parent / "site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(build, "index_search", lambda lang_dir: None)  # search is not what this is about
        mp.setenv("SITE_URL", SITE_URL)
        build.build_site(mini.root, site, jobs=1, strict=True, publishing=True)
    return mini, all_refused, site


Agreed = tuple[MiniProject, dict[str, set[int]], Path]


@pytest.mark.site
def test_check_refuses_with_a_location_what_the_build_would_refuse(agreed: Agreed) -> None:
    """Every page ``check`` refuses is named with a line, every other file with its path;
    and the files refused are exactly the cases that must not be published."""
    _, found, _ = agreed
    pages = {f for f in found if f.endswith(".md")}
    assert all(lines - {0} for f, lines in found.items() if f in pages and "/files/" not in f), {
        f: lines for f, lines in found.items() if f in pages and not lines - {0}}
    expected = {f"content/vi/{rel}" for rel, _, published in file_cases() if not published}
    files = {f for f in found if not re.fullmatch(r"content/(vi|en)/p-[a-z0-9-]+\.md", f)}
    assert files == expected, (sorted(files - expected), sorted(expected - files))


@pytest.mark.site
def test_what_check_accepts_builds_strict(agreed: Agreed) -> None:
    """The pruned corpus built with MkDocs' strict mode (the fixture fails otherwise), and
    every page ``check`` kept is in the site."""
    mini, _, site = agreed
    kept = sorted(p.stem for p in (mini.root / "content/vi").glob("p-*.md"))
    assert len(kept) >= 40  # the payloads that render to nothing active pass, and build
    missing = [name for name in kept if not (site / "vi" / name / "index.html").is_file()]
    assert missing == []


@pytest.mark.site
def test_no_file_with_a_capital_suffix_or_a_raw_picture_is_published(agreed: Agreed) -> None:
    mini, _, site = agreed
    published = [p for p in site.rglob("*") if p.is_file()]
    assert [p for p in published if p.suffix != p.suffix.lower()] == []
    for rel, _, ok in file_cases():
        target = site / "vi" / rel
        if not ok:
            assert not target.exists(), rel
            continue
        data = (mini.root / "content/vi" / rel).read_bytes()
        if target.suffix in (".png", ".jpg", ".gif", ".webp", ".avif"):
            assert target.read_bytes() != data and b"<script" not in target.read_bytes(), rel
        else:
            assert target.read_bytes() == data, rel  # a clean document, published as it is


@pytest.mark.browser
def test_published_files_are_inert_in_chromium(browser: Any, agreed: Agreed) -> None:
    """Every file case, published or not, opened as a top-level document in Chromium
    served by a host that guesses types from names and sends no ``nosniff``: no dialog,
    no script run, nothing loaded from elsewhere."""
    require_chromium()
    _, _, site = agreed
    found: dict[str, list[str]] = {}
    with StaticServer(site) as server:
        context = browser.new_context(proxy={"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"})
        page = context.new_page()
        page.set_default_timeout(3000)
        events: list[str] = []
        page.on("dialog", lambda d: (events.append(f"dialog {d.message[:40]}"), d.dismiss()))
        page.on("request", lambda r: events.append(f"request {r.url[:60]}")
                if r.url.startswith(("http:", "https:", "ws:", "wss:")) and not r.url.startswith(server.url) else None)
        page.on("pageerror", lambda e: events.append(f"script error {str(e)[:60]}"))
        context.on("page", lambda p: events.append("popup"))
        for rel, _, _ in file_cases():
            events.clear()
            try:
                page.goto(f"{server.url}vi/{rel}", wait_until="load")
                page.wait_for_timeout(50)
                scripts = page.evaluate("document.querySelectorAll('script').length")
            except Exception as exc:  # noqa: BLE001 - a download or a refused navigation: nothing ran
                scripts = 0
                if "Download is starting" not in str(exc):
                    events.append(f"failed: {str(exc).splitlines()[0][:80]}")
            if scripts:
                events.append(f"{scripts} <script> in the document")
            if events:
                found[rel] = list(events)
        context.close()
    assert found == {}, found
