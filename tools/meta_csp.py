"""Write the site's Content-Security-Policy into every page as a ``<meta>`` tag.

For hosts that cannot send response headers (GitHub Pages): the policy the pages are
built to satisfy (:mod:`site_builder.core.csp`) then still reaches the browser, from the page
itself. A ``<meta>`` policy applies only to what follows it in the document, so it is
written right after ``<meta charset>``, before any stylesheet or script; and it cannot
carry ``frame-ancestors`` (browsers ignore that directive there and warn), so it is the
policy without it: framing and ``X-Content-Type-Options: nosniff`` still need a proxy or
CDN that sends headers (docs/deploy.md).

    .venv/bin/python tools/meta_csp.py site

Run after the build, before uploading. Running it twice changes nothing.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from site_builder.core.csp import BASE

TAG = f'<meta http-equiv="Content-Security-Policy" content="{BASE}">'
"""The policy of every page, without ``frame-ancestors`` (header-only)."""
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)


def add_policy(html: str) -> str:
    """``html`` with :data:`TAG` first in its head (after the charset), once."""
    if TAG in html:
        return html
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("no <head> to put the policy in")
    return html[: anchor.end()] + TAG + html[anchor.end():]


def main(site: Path) -> int:
    """Every ``.html`` file below ``site``; a pre-compressed ``.gz`` copy would keep the
    page without the policy, so its presence is an error (build without ``--precompress``)."""
    if any(site.rglob("*.html.gz")):
        print(f"{site}: .html.gz copies present; build without --precompress for this host", file=sys.stderr)
        return 1
    count = 0
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        changed = add_policy(text)
        if changed != text:
            path.write_text(changed, encoding="utf-8")
            count += 1
    print(f"{count} pages carry the policy in a <meta> tag")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
