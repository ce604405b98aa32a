"""What ``mkdocs.yml`` decides that the engine-neutral core needs to know.

``mkdocs.yml`` belongs to the site's maintainers (like the code and the theme), not to
the editors who commit to ``content/`` and ``plans/``, so the exceptions to the content
allow-list live there: ``plugins: - asean: iframe_hosts: [...]``. The core reads it
without MkDocs, with a safe YAML loader that leaves MkDocs' own tags (``!ENV``,
``!!python/name:``) unresolved.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from site_builder.model.common import PORT

HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")
"""A lower-case host name (no scheme, port, path or wildcard)."""


class _Loader(yaml.SafeLoader):
    """Safe loading; any tag is read as ``None`` instead of being resolved or refused."""


def _opaque(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_Loader.add_multi_constructor("!", _opaque)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _opaque)


def plugin_options(root: Path) -> dict[str, Any]:
    """The options of the ``asean`` plugin in ``root/mkdocs.yml`` (empty when absent)."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), _Loader) or {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "asean" in plugin:
            return dict(plugin["asean"] or {})
    return {}


def iframe_hosts(root: Path) -> tuple[str, ...]:
    """Hosts whose https pages content may frame; a malformed entry is an error, not ignored."""
    hosts = plugin_options(root).get("iframe_hosts") or []
    bad = [h for h in hosts if not isinstance(h, str) or not HOST.match(h)]
    if bad:
        raise ValueError(f"mkdocs.yml: plugins › asean › iframe_hosts: not a host name: {bad!r}")
    return tuple(sorted(hosts))


UNIT_URL = re.compile(
    r"^https://[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+(?::" + PORT + ")?"
    r"(?:/[A-Za-z0-9._~/-]*)?$"
)
"""A section's published address: ``https://``, a lower-case host, a path of plain characters."""


def unit_urls(root: Path) -> dict[str, str]:
    """Where each unit publishes its section (``plugins: - asean: unit_urls: {soc-trang:
    https://...}``): the address a ``build --unit`` without ``SITE_URL`` or ``--site-url``
    uses for canonical links, the sitemap, the API and the embed codes other portals paste.

    It lives in ``mkdocs.yml``, which the maintainers own: an editor who could change it
    could make every portal that embeds the unit load script from another site. A
    malformed entry is an error, not ignored."""
    urls = plugin_options(root).get("unit_urls") or {}
    if not isinstance(urls, dict):
        raise ValueError("mkdocs.yml: plugins › asean › unit_urls: expected a mapping of unit ids to addresses")
    bad = {k: v for k, v in urls.items() if not isinstance(k, str) or not isinstance(v, str) or not UNIT_URL.match(v)}
    if bad:
        raise ValueError(f"mkdocs.yml: plugins › asean › unit_urls: not an https address: {bad!r}")
    return dict(urls)
