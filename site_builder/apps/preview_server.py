"""The preview's web server: 127.0.0.1 only, the loopback's names only, and the live
reload, the banner and the error pages of :class:`site_builder.apps.preview.Preview`.

``serve`` starts it: the server answers at once (the previous build, or a page saying the
first build is running) while the preview builds in the background.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from site_builder import LANGUAGES
from site_builder.apps.preview import Preview, after_body, request_page

BANNER_CSS = """#preview-banner{position:sticky;top:0;z-index:1000;margin:0;padding:.75rem 1rem;background:#fff6cc;
color:#1a1a1a;border-bottom:4px solid #c8102e;font:16px/1.5 system-ui,sans-serif}
#preview-banner pre{white-space:pre-wrap;margin:.5rem 0 0;font-size:14px;max-height:12rem;overflow:auto}
"""
"""The error banner's style, served as a file (``/__preview__/banner.css``): the pages'
Content-Security-Policy allows no inline style."""
RELOAD_JS = """(function () {
  var seen = null;
  function poll() {
    fetch("/__preview__/state", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (s) { if (seen !== null && s.version !== seen) location.reload(); seen = s.version; })
      .catch(function () {}).finally(function () { setTimeout(poll, 700); });
  }
  poll();
})();
"""

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
"""The only host names the preview answers to. The server listens on 127.0.0.1 alone, but
a web page can still reach it through a name of its own that it re-points to 127.0.0.1
(DNS rebinding) and then read the preview, unpublished drafts included, as a page of its
own site: such requests carry that other name in ``Host`` and are refused."""

_HOST = re.compile(r"(?P<name>\[[^\[\]]*\]|[^\[\]:]+)(?::[0-9]{1,5})?")
"""``Host``: a name or a bracketed IPv6 literal, then an optional port."""


def host_status(values: list[str]) -> int:
    """``0`` when the request's ``Host`` header names the loopback; otherwise the status to
    refuse it with: 400 for a missing, repeated or malformed header, 421 for another name."""
    if len(values) != 1:
        return 400
    match = _HOST.fullmatch(values[0].strip())
    if match is None:
        return 400
    return 0 if match["name"].lower() in LOOPBACK_NAMES else 421


class _Handler(SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def parse_request(self) -> bool:
        """Every request, whatever its method, first shows a loopback ``Host``."""
        if not super().parse_request():
            return False
        status = host_status(self.headers.get_all("Host") or [])
        if status:
            self.close_connection = True
            self._send(status, "text/plain; charset=utf-8", (
                "Bản xem trước chỉ trả lời tại http://127.0.0.1 hoặc http://localhost\n"
                "The preview answers only at http://127.0.0.1 or http://localhost\n"
            ).encode())
            return False
        return True

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """No folder listings: a folder without ``index.html`` is not a page (a published
        site would not list it either)."""
        self._send(404, "text/plain; charset=utf-8", "Không có trang này / Page not found\n".encode())
        return None

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if self.path.startswith("/__preview__/"):
            self._preview_asset()
            return
        if self.path == "/admin" or self.path.startswith(("/admin/", "/admin?")):
            self._admin()
            return
        with self.preview.lock:
            error, broken, first = self.preview.error, self.preview.broken_pages, self.preview.building_first
        path = self.path.split("?", 1)[0]
        is_page = path.endswith("/") or path.endswith(".html")
        if first and is_page and not self.preview.has_build():
            self._send(503, "text/html; charset=utf-8", self.preview.waiting_page())
            return
        if error and is_page and (request_page(path) in broken or not self.preview.has_build()):
            self._send(500, "text/html; charset=utf-8", self.preview.error_page())
            return
        target = Path(self.translate_path(path))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" and target.exists():
            page = target.read_bytes().replace(b"</body>", b'<script src="/__preview__/reload.js"></script></body>', 1)
            if error:
                page = after_body(page, self.preview.banner())
            self._send(200, "text/html; charset=utf-8", page)
            return
        if not target.exists() and self.not_found(path):
            return
        super().do_GET()

    def not_found(self, path: str) -> bool:
        """A missing page answered as a published host answers it (docs/deploy.md): the
        site's own "page not found" page in the address's language, with the status 404.
        ``False`` when that language has no such page (then the plain 404 is sent)."""
        lang = path.lstrip("/").split("/", 1)[0]
        page = Path(self.directory) / (lang if lang in LANGUAGES else LANGUAGES[0]) / "404.html"
        if not page.is_file():
            return False
        self._send(404, "text/html; charset=utf-8", page.read_bytes())
        return True

    def _preview_asset(self) -> None:
        if self.path.startswith("/__preview__/state"):
            with self.preview.lock:
                state = {"version": self.preview.version, "error": self.preview.error is not None}
            self._send(200, "application/json", json.dumps(state).encode())
        elif self.path.startswith("/__preview__/reload.js"):
            self._send(200, "text/javascript; charset=utf-8", RELOAD_JS.encode())
        elif self.path.startswith("/__preview__/banner.css"):
            self._send(200, "text/css; charset=utf-8", BANNER_CSS.encode())
        else:
            self._send(404, "text/plain", b"not found")

    def _admin(self) -> None:
        """The CMS on the editor's own clone (:mod:`site_builder.apps.cms`), under its own CSP."""
        from site_builder.apps.cms import preview_response

        status, headers, body = preview_response(self.preview.root, self.path, self.preview.admin_written)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def make_server(preview: Preview, port: int) -> ThreadingHTTPServer:
    """The preview's HTTP server, bound to 127.0.0.1 alone (``port`` 0: any free port)."""
    handler = type("PreviewHandler", (_Handler,), {"preview": preview})
    return ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(preview.out)))


def serve(root: Path, port: int) -> None:
    """Serve on 127.0.0.1:``port`` at once (the previous build, if any), build in the
    background, and rebuild on change, until interrupted (Ctrl-C, or SIGTERM from a process
    manager or a test)."""
    signal.signal(signal.SIGTERM, _interrupt)
    preview = Preview(root.resolve(), port)
    preview.adopt_output()
    preview.building_first = not preview.has_build()
    observer, changes = preview.observe()
    httpd = make_server(preview, port)
    threading.Thread(target=preview.watch, args=(changes,), daemon=True).start()
    threading.Thread(target=preview.builder, daemon=True).start()
    preview.reload_after_build = True  # open tabs show the previous build until this one ends
    preview.wanted.set()
    print(f"Xem trước / preview: http://127.0.0.1:{port}/vi/  (Ctrl-C để dừng / to stop)", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        httpd.server_close()
        # A background build may be running in worker processes: stop them too, so
        # that none is left behind waiting for work.
        for child in multiprocessing.active_children():
            child.terminate()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
