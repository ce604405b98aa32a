"""The Content-Security-Policy the built site is made to satisfy, in one place.

The deployment examples in ``docs/deploy/`` send these headers, and a browser test
loads pages under them and fails on any violation. Notes on each directive:

- ``script-src 'self' 'wasm-unsafe-eval'``: no inline script anywhere (Material's
  inline helpers and its bundle are not used); Pagefind's search runs WebAssembly.
- ``style-src 'self'``: no inline ``<style>`` or ``style=`` attribute in our pages.
- ``img-src 'self' data:``: Material's stylesheet draws some icons as data: URIs.
- ``frame-ancestors``: only works as an HTTP header, never in a ``<meta>`` tag. Pages
  may be framed by the site itself; widget pages (``/<lang>/embed/``) by the portals
  that embed them, which a deployment lists in ``WIDGET_HOSTS``.
"""

from __future__ import annotations

BASE = (
    "default-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self'; "
    "img-src 'self' data:; "
    "font-src 'self'; "
    "connect-src 'self'; "
    "frame-src 'self'; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "form-action 'self'"
)


def page_policy() -> str:
    """The policy for every page but the widgets: framed by the site itself only."""
    return f"{BASE}; frame-ancestors 'self'"


def widget_policy(hosts: list[str] | None = None) -> str:
    """The policy for widget pages: framed by the listed portals (``*``: any site)."""
    ancestors = " ".join(["'self'", *hosts]) if hosts else "*"
    return f"{BASE}; frame-ancestors {ancestors}"


HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
"""Headers recommended for every response besides the CSP."""
