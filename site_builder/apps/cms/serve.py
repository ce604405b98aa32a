"""Serving ``/admin/``: its Content-Security-Policy, its files by name, and the copy the live
preview (``make serve``) writes on the first request."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from site_builder.apps.cms.config import GitBackend, config
from site_builder.apps.cms.site import replace_admin
from site_builder.apps.cms.vendor import VendorError


def admin_policy(git_hosts: Iterable[str] = ()) -> str:
    """The Content-Security-Policy of ``/admin/`` only (the site keeps its own, stricter one).

    - ``style-src 'unsafe-inline'``: the CMS (Svelte) puts its styles in ``<style>``
      elements and ``style=`` attributes; no script can be inlined (``script-src 'self'``).
    - ``img-src blob: data:`` and ``media-src blob:``: previews of photos being uploaded.
    - ``worker-src blob:``: the CMS runs its image encoders in workers made from blobs.
    - ``connect-src``: ``data:`` and ``blob:`` (the CMS reads its own logo and photos
      being uploaded with ``fetch``), the site itself (the configuration, the interface strings) and
      the API of the Git host the published ``/admin/`` signs in to.
    - ``manifest-src blob:``: the CMS offers to install itself as an app with a manifest it
      makes as a blob (without it every load logs a policy error).
    - ``frame-ancestors 'none'``: the editor is never framed (clickjacking).
    """
    connect = " ".join(["'self'", "data:", "blob:", *git_hosts])
    return (
        "default-src 'self'; "
        "script-src 'self'; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; "
        "media-src 'self' blob:; "
        "font-src 'self'; "
        f"connect-src {connect}; "
        "worker-src 'self' blob:; "
        "frame-src 'self' blob:; "
        "manifest-src 'self' blob:; "
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'; "
        "frame-ancestors 'none'"
    )


GIT_HOSTS: dict[str, tuple[str, ...]] = {
    "github": ("https://api.github.com", "https://www.githubstatus.com"),
    "gitlab": ("https://gitlab.com",),
    "gitea": ("https://git.example.gov.vn",),
}
"""What ``connect-src`` adds for each backend (a self-hosted GitLab or Gitea: its address)."""

ADMIN_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".yml": "application/yaml; charset=utf-8",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
}


def admin_file(admin_dir: Path, url_path: str) -> tuple[int, str, bytes]:
    """The response to ``GET url_path`` (below ``/admin/``) from a written admin folder:
    status, content type and body. Only the files :func:`write_admin` writes, by name."""
    rel = url_path.split("?", 1)[0].removeprefix("/admin").lstrip("/") or "index.html"
    if not re.fullmatch(r"[a-zA-Z0-9_-]+(/[a-zA-Z0-9_.-]+)*\.[a-z0-9]+|[a-zA-Z0-9_.-]+", rel) or ".." in rel:
        return 404, "text/plain; charset=utf-8", b"not found\n"
    path = admin_dir / rel
    if path.suffix not in ADMIN_TYPES or not path.is_file() or path.is_symlink():
        return 404, "text/plain; charset=utf-8", b"not found\n"
    return 200, ADMIN_TYPES[path.suffix], path.read_bytes()


PREVIEW_DIR = Path(".cache/admin")
"""Where the preview writes ``/admin/`` (in the project, beside ``.cache/preview``)."""


def preview_config(root: Path) -> dict[str, Any]:
    """The configuration ``make serve`` serves: on 127.0.0.1 the editor works on the
    clone itself ("Work with Local Repository"); the sign-in of a Git host is for the
    published ``/admin/`` (``python -m site_builder cms``), so none is named here."""
    return config(root, GitBackend("gitea", repo=f"local/{root.resolve().name}", base_url="http://127.0.0.1"))


def preview_response(root: Path, url_path: str, written: dict[Path, bool]) -> tuple[int, dict[str, str], bytes]:
    """Answer a request below ``/admin`` in the live preview: status, headers, body.

    The folder is written on the first request of a run (``written`` remembers it), so
    that ``make serve`` starts as fast as before and works without the CMS installed."""
    headers = {"Content-Security-Policy": admin_policy(), "X-Content-Type-Options": "nosniff",
               "Referrer-Policy": "same-origin", "Cache-Control": "no-store"}
    if url_path.split("?", 1)[0] == "/admin":
        return 301, {**headers, "Location": "/admin/", "Content-Type": "text/plain; charset=utf-8"}, b""
    out = root / PREVIEW_DIR
    if not written.get(root):
        from site_builder.apps.errors import OutputError

        try:
            replace_admin(root, out, preview_config(root))
        except (VendorError, OutputError) as exc:
            return 503, {**headers, "Content-Type": "text/plain; charset=utf-8"}, f"{exc}\n".encode()
        written[root] = True
    status, content_type, body = admin_file(out, url_path)
    return status, {**headers, "Content-Type": content_type}, body
