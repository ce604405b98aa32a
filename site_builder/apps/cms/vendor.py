"""The vendored package: where ``npm ci --prefix cms`` installs it, and the rewrites that point
every address on another host the bundle loads at view time at a file served beside it.

The vendored bundle names a few files on other hosts (fonts, the interface strings of
languages other than English, a check for a newer version). :func:`localise_bundle`
points each one at a copy served beside the bundle, and fails when a new version no
longer contains the exact text it expects, so an upgrade can never quietly bring back
a request to another host.
"""

from __future__ import annotations

import json
from pathlib import Path

PACKAGE = "@sveltia/cms"
PACKAGE_DIR = Path("cms/node_modules/@sveltia/cms")
"""Where ``npm ci --prefix cms`` (``make cms``) installs the pinned package."""
INSTALL_HINT = (
    "CMS chưa được cài: chạy `make cms` (npm ci --prefix cms)\n"
    "    The CMS is not installed: run `make cms` (npm ci --prefix cms)"
)


FONTS = {
    "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2":
        ("source-sans-3-latin-wght-normal", "source-sans-3.LICENSE.txt"),
    "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2":
        ("noto-mono-latin-400-normal", "noto-mono.LICENSE.txt"),
    "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2":
        ("material-symbols-outlined-latin-wght-normal", "material-symbols-outlined.LICENSE.txt"),
}
"""Fonts the bundle's stylesheet loads from a CDN, and the same files in the package
(``npm/assets/<stem>-<hash>.woff2``), served from ``/admin/fonts/`` instead."""

REWRITES: tuple[tuple[str, str], ...] = (
    ("USe=`${iP}@${rP}/locales`", "USe=`locales`"),
    ("NSe=`${iP}/package.json`", "NSe=`version.json`"),
    ("MQ=()=>{let e=pne();return e&&jQ.includes(e)?e:AQ}", "MQ=()=>`vi`"),
    ("YW=async(e,t)=>hk(()=>import(`${JW(e)}/${t}`),void 0)",
     "YW=async(e,t)=>hk(()=>import(e===`immutable`?new URL(`vendor/immutable.es.js`,document.baseURI).href:"
     "`${JW(e)}/${t}`),void 0)"),
)
"""Exact texts of the pinned bundle pointed at files served beside it: the interface
strings of each language (only English is built in) and the newest-version check (a
fetch of the package's ``package.json`` from unpkg, answered by the pinned version), and the
interface language: Vietnamese unless the editor picks another in the CMS's settings (the
bundle would follow the browser's language, so an English-language browser got an English CMS),
and Immutable.js, which the bundle imports from unpkg when a save hook is registered
(:data:`ADMIN_JS`): the copy npm installed beside the package (``cms/node_modules/immutable``)."""

INTERFACE_LOCALES = ("vi", "en-US", "en-GB")
"""Interface languages served: Vietnamese, and English for the editors who prefer it."""


class VendorError(Exception):
    """The installed package is missing or is not the version :func:`localise_bundle` knows."""


def localise_bundle(text: str) -> str:
    """The bundle with every address on another host that it loads at view time
    replaced by a file of ``/admin/``; each replaced text must occur exactly as expected."""
    for url, (stem, _) in FONTS.items():
        if text.count(url) != 1:
            raise VendorError(f"the bundle no longer loads {url} once: review site_builder/apps/cms/vendor.py for this version")
        text = text.replace(url, f"fonts/{stem}.woff2")
    for old, new in REWRITES:
        if text.count(old) != 1:
            raise VendorError(f"the bundle no longer contains {old!r}: review site_builder/apps/cms/vendor.py for this version")
        text = text.replace(old, new)
    return text



def installed_version(root: Path) -> str:
    package = root / PACKAGE_DIR / "package.json"
    if not package.is_file():
        raise VendorError(INSTALL_HINT)
    return str(json.loads(package.read_text(encoding="utf-8"))["version"])

