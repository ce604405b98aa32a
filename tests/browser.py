"""Real-browser fixtures: Debian's Chromium driven by Playwright, a loopback static server.

Chromium is never downloaded (`playwright install` cannot run here): tests use
``/usr/bin/chromium`` with the flags this workplace needs. Without it, browser tests
skip on a developer machine and fail in CI (``CI=true``), where `make test` installs it.
"""

from __future__ import annotations

import functools
import os
import threading
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


@pytest.fixture
def page(browser: object, server: StaticServer) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    watched = Watched(context.new_page(), server.url)
    yield watched
    context.close()


class _HeaderHandler(_QuietHandler):
    """Sends the deployment's security headers, as the examples in docs/deploy/ do."""

    def end_headers(self) -> None:
        from site_builder.csp import HEADERS, page_policy, widget_policy

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
