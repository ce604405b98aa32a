"""Quick smoke test of a built site, run by the pipelines after each build.

Serves the folder on 127.0.0.1 and fetches the pages a reader opens first; fails
(exit 1) naming what is missing. Standard library only: runs on any CI image.
"""

from __future__ import annotations

import functools
import sys
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = {"vi/": '<html lang="vi"', "en/": '<html lang="en"', "vi/news/": "<h1", "en/plans/": "<h1"}


def main(site: Path) -> int:
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None  # type: ignore[method-assign]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    failed = []
    for path, needle in PAGES.items():
        try:
            with urllib.request.urlopen(base + path, timeout=10) as response:  # noqa: S310 - loopback only
                body = response.read().decode("utf-8")
            if needle not in body:
                failed.append(f"{path}: '{needle}' not found")
        except OSError as exc:
            failed.append(f"{path}: {exc}")
    httpd.shutdown()
    for line in failed:
        print(f"KHÔNG ĐẠT / FAILED {line}")
    print("ĐẠT / OK" if not failed else f"{len(failed)} trang lỗi / page(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
