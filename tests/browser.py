"""Real-browser fixtures: Debian's Chromium driven by Playwright, a loopback static server.

Chromium is never downloaded (`playwright install` cannot run here): tests use
``/usr/bin/chromium`` with the flags this workplace needs. Without it, browser tests
skip on a developer machine and fail in CI (``CI=true``), where `make test` installs it.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@functools.cache
def _have_chromium() -> bool:
    return Path(CHROMIUM).exists()


def require_chromium() -> None:
    if not _have_chromium():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing in CI: `make test` should have installed Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")


class StaticServer:
    """Serves a folder on 127.0.0.1 on a free port, in a thread."""

    def __init__(self, directory: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> StaticServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[StaticServer]:
    with StaticServer(built_site) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


QUIET_MS = 100
"""How long no request may be in flight before a page counts as settled. Playwright's
``networkidle`` waits 500 ms of silence; the site's last requests (the logo Material's
script fetches, lazy pictures, flags) start within a few milliseconds of the load event,
so a fifth of that window tells the same thing, and each page test waits 0.4 s less."""


def open_settled(page: Any, url: str, timeout_ms: int = 15_000) -> Any:
    """Open ``url`` and return its response once the page has loaded and no request has been
    in flight for :data:`QUIET_MS` (what ``wait_for_load_state("networkidle")`` checks, with a
    shorter window). Fails if the page never settles within ``timeout_ms``."""
    pending: set[Any] = set()

    def started(request: Any) -> None:
        if not request.url.startswith(("data:", "blob:")):
            pending.add(request)

    def ended(request: Any) -> None:
        pending.discard(request)

    handlers = {"request": started, "requestfinished": ended, "requestfailed": ended}
    for event, handler in handlers.items():
        page.on(event, handler)
    try:
        response = page.goto(url, wait_until="load", timeout=timeout_ms)
        deadline = time.monotonic() + timeout_ms / 1000
        quiet_since = time.monotonic()
        while True:
            page.wait_for_timeout(20)  # events are delivered while Playwright waits
            now = time.monotonic()
            if pending:
                quiet_since = now
            elif now - quiet_since >= QUIET_MS / 1000:
                return response
            if now > deadline:
                raise AssertionError(f"{url}: requests still in flight after {timeout_ms} ms: "
                                     + ", ".join(r.url for r in list(pending)[:5]))
    finally:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)


class Watched:
    """A page that records console errors and failed or off-site requests."""

    def __init__(self, page: object, origin: str) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
        page.on("pageerror", lambda e: self.errors.append(str(e)))  # type: ignore[attr-defined]
        page.on("requestfailed", self._failed)  # type: ignore[attr-defined]
        page.on(  # type: ignore[attr-defined]
            "request",
            lambda r: None if r.url.startswith((origin, "data:")) else self.errors.append(f"off-site: {r.url}"),
        )

    def _failed(self, request: Any) -> None:
        """A request that got no response. Not one the browser cancelled itself
        (``net::ERR_ABORTED``): a picture still loading when the reader goes to another page
        is dropped, which is no fault of the site. A missing file is a 404 response, which
        the tests check apart; a blocked or refused request fails with another error."""
        if request.failure != "net::ERR_ABORTED":
            self.errors.append(f"failed: {request.url} ({request.failure})")


def _watched_tab(browser: object, server: StaticServer) -> Iterator[Watched]:
    """A watched desktop-sized tab in a context of its own, closed afterwards."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    yield Watched(context.new_page(), server.url)
    context.close()


@pytest.fixture
def page(browser: object, server: StaticServer) -> Iterator[Watched]:
    """A tab of its own, in a fresh context (no storage, no history): for tests that click,
    type or change what the page remembers."""
    yield from _watched_tab(browser, server)


@pytest.fixture(scope="module")
def _module_tab(browser: object, server: StaticServer) -> Iterator[Watched]:
    yield from _watched_tab(browser, server)


@pytest.fixture
def tab(_module_tab: Watched) -> Watched:
    """One tab shared by the tests of a module that only open a page and read it, its
    errors cleared for each test: a tab of its own per test costs a context, a renderer
    process and a cold script cache, about 0.3 s of the processors each time."""
    _module_tab.errors.clear()
    return _module_tab


class _HeaderHandler(_QuietHandler):
    """Sends the deployment's security headers, as the examples in docs/deploy/ do."""

    def end_headers(self) -> None:
        from site_builder.core.csp import HEADERS, page_policy, widget_policy

        path = self.path.split("?", 1)[0]
        policy = widget_policy() if "/embed/" in path else page_policy()
        self.send_header("Content-Security-Policy", policy)
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()


class CspServer(StaticServer):
    def __init__(self, directory: Path) -> None:
        handler = functools.partial(_HeaderHandler, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
