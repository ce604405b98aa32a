"""A loopback static server that behaves like a production host for measurements:
pre-compressed ``.gz`` files when the browser accepts gzip, the security headers of
``docs/deploy/``, and a short cache lifetime. Used by the benchmarks only."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from site_builder.core.csp import HEADERS, page_policy, widget_policy


class Handler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        gz = path.with_name(path.name + ".gz")
        if gz.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gz.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            import io

            return io.BytesIO(data)
        return super().send_head()

    def end_headers(self) -> None:
        policy = widget_policy() if "/embed/" in self.path else page_policy()
        self.send_header("Content-Security-Policy", policy)
        for name, value in HEADERS.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"
