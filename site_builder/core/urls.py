"""Where each kind of page lives, below the language root (``/vi/``, ``/en/``).

These paths are a published contract: provinces link to them. Changing one needs a
redirect.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
"""The address of a build without a published one: the preview's, on this computer only."""


def configured_address(site_url: str | None = None) -> str | None:
    """The published address asked for: ``--site-url``, else ``SITE_URL``, else ``None``;
    with the trailing ``/`` a site root needs added when it is missing (a pipeline variable
    typed as ``https://host/repo`` would otherwise give ``…/reposoc-trang/``).

    The one place the environment is read for it. What a build for publishing refuses
    besides a missing address, a placeholder copied from an example, is
    :func:`placeholder_problem`."""
    url = site_url or os.environ.get("SITE_URL") or None
    if url is not None and not url.endswith("/"):
        url += "/"
    return url


PLACEHOLDER_LABELS = ("example", "your-org", "your-repo", "your-domain", "your-site")
"""Host or path words of the examples and templates (``https://asean.example.gov.vn/``,
``https://YOUR-ORG.github.io/YOUR-REPO/``), compared without case."""
RESERVED_TLDS = ("example", "invalid", "test", "localhost")
"""Top-level names reserved for examples and tests (RFC 2606, RFC 6761): never a real site."""


def placeholder_problem(url: str) -> tuple[str, str] | None:
    """Why ``url`` is a placeholder and not a unit's real address, in Vietnamese and in
    English, or ``None``. A build for publishing (``build --strict``) refuses such an address
    (:func:`site_builder.apps.address.require_address`): it is a valid https address, so it would
    otherwise be published into every canonical link, hreflang, feed and embed code.

    Refused: a host or path word of :data:`PLACEHOLDER_LABELS` (a whole label such as
    ``example`` in ``cong.example.gov.vn``, or ``YOUR-ORG``), a reserved top-level name
    (:data:`RESERVED_TLDS`), or an address of this computer only (``localhost``, ``127.0.0.1``)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    labels = host.split(".")
    words = [w for w in parts.path.lower().split("/") if w]
    found = next((w for w in (*labels, *words) if w in PLACEHOLDER_LABELS or w.startswith("your-")), None)
    if found is None and labels[-1] in RESERVED_TLDS:
        found = "." + labels[-1]
    if found is None and is_preview_address(url):
        found = host or url
    if found is None:
        return None
    return (f"SITE_URL {url} là địa chỉ mẫu (có “{found}”), không phải địa chỉ thật của chuyên mục",
            f"SITE_URL {url} is a placeholder (it has “{found}”), not the section's real address")


def base_url(site_url: str | None = None) -> str:
    """The site's root address, always ending in ``/`` (asked for, or the local default):
    :meth:`SiteUrls.configured`'s ``base``, for the build that passes it on as text."""
    return SiteUrls.configured(site_url).base


@dataclass(frozen=True)
class SiteUrls:
    """Every absolute address of one built site, from its root address (``base``, ending in
    ``/``): pages in each language, files at the root (API, feeds, pictures), alternates.

    Pages, the API, feeds, oEmbed documents, the sitemap and embed codes all build their
    addresses here, so a change of layout is made once."""

    base: str

    @classmethod
    def configured(cls, site_url: str | None = None) -> SiteUrls:
        """The site at the address asked for (:func:`configured_address`: ``--site-url``,
        else ``SITE_URL``), else at the local preview address (:data:`DEFAULT_SITE_URL`)."""
        return cls(configured_address(site_url) or DEFAULT_SITE_URL)

    def __post_init__(self) -> None:
        if not self.base.endswith("/"):
            raise ValueError(f"a site's root address ends in '/': {self.base!r}")

    def home(self, lang: str) -> str:
        """``{base}vi/``: the root of one language."""
        return f"{self.base}{lang}/"

    def page(self, lang: str, path: str = "") -> str:
        """A page (a directory URL below the language root, ``plans/x/``) in one language."""
        return f"{self.base}{lang}/{path}"

    def file(self, path: str) -> str:
        """A file at the site root: ``api/v1/plans.json``, ``feed.xml``, ``images/…``."""
        return f"{self.base}{path}"

    def alternates(self, path: str, languages: Sequence[str]) -> dict[str, str]:
        """The page at ``path`` in each language."""
        return {lang: self.page(lang, path) for lang in languages}

    @property
    def is_preview(self) -> bool:
        """Whether these addresses work only on the computer that built the site."""
        return is_preview_address(self.base)


def plan(plan_id: str) -> str:
    return f"plans/{plan_id}/"


def plan_text(plan_id: str) -> str:
    """A plan's original text (its body with the anchors ``#s-4-1``, recipients, notes on
    the source): a page of its own, so that the plan's page stays short on a phone."""
    return f"plans/{plan_id}/text/"


def plan_node(plan_id: str, anchor: str) -> str:
    """A part of a plan's original text: ``plans/<id>/text/#s-4-1``."""
    return f"{plan_text(plan_id)}#{anchor}"


def activity(plan_id: str, activity_slug: str) -> str:
    return f"plans/{plan_id}/activities/{activity_slug}/"


def agency(agency_id: str) -> str:
    return f"agencies/{agency_id}/"


def topic(topic_id: str) -> str:
    return f"pillars/{topic_id}/"


def unit(unit_id: str) -> str:
    return f"units/{unit_id}/"


def member(member_id: str) -> str:
    return f"members/{member_id}/"


def news_tag(tag: str) -> str:
    return f"news/tags/{tag}/"


def news_topic(topic_id: str) -> str:
    return f"news/topics/{topic_id}/"


def news_year(year: str) -> str:
    return f"news/years/{year}/"


def embed(kind: str, key: str = "") -> str:
    """A widget page: ``embed/plans/<plan-id>/``, ``embed/news/``, ``embed/members/<id>/``..."""
    return f"embed/{kind}/{key}/" if key else f"embed/{kind}/"


def quiz(topic: str = "") -> str:
    """A quiz page: ``quiz/`` (index), ``quiz/<topic>/`` or ``quiz/mixed/``."""
    return f"quiz/{topic}/" if topic else "quiz/"


# ── Files of the site (published paths, a contract as the pages are) ───────────────────
# At the site root: ``api/v1/…``, ``calendar.ics``, ``sitemap.xml``, ``robots.txt``,
# ``embed.js``, ``media/…``; below a language root: ``feed.xml``, ``feeds/…`` and each
# widget's ``oembed.json``. :meth:`SiteUrls.file` and :meth:`SiteUrls.page` make them
# absolute; :func:`in_language` gives the path of a language's file inside the site folder.

API = "api/v1/"
"""The JSON API and its CSV files, at the site root."""
CALENDAR = "calendar.ics"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
EMBED_SCRIPT = "embed.js"
"""The script that sizes widget frames on a host page (:mod:`site_builder.derive.embeds`)."""
MEDIA = "media/"
"""The encoded photos and link-preview cards, at the site root beside ``vi/`` and ``en/``."""
ROOT_PAGE = "index.html"
"""The redirect to ``vi/`` (a single site) or the list of units (an ``--all-units`` build)."""


def api(name: str) -> str:
    """A file of the API: ``api/v1/plans.json``, ``api/v1/plans/<id>.json``, ``api/v1/activities.csv``."""
    return f"{API}{name}"


def feed(kind: str = "", key: str = "") -> str:
    """An Atom feed below a language root: ``feed.xml`` (every article), or
    ``feeds/<kind>/<key>.xml`` (``feeds/pillars/<topic>.xml``, ``feeds/units/<unit>.xml``)."""
    return f"feeds/{kind}/{key}.xml" if kind else "feed.xml"


def oembed(widget_url: str) -> str:
    """A widget's oEmbed document, beside its page: ``embed/members/viet-nam/oembed.json``."""
    return f"{widget_url}oembed.json"


def in_language(lang: str, path: str) -> str:
    """Where a file below a language root lies in the site folder: ``vi/feed.xml``."""
    return f"{lang}/{path}"


INDEXES = {
    "quiz": "quiz/",
    "embed": "embed/",
    "members": "members/",
    "news": "news/",
    "news-archive": "news/archive/",
    "documents": "documents/",
    "plans": "plans/",
    "agencies": "agencies/",
    "pillars": "pillars/",
    "units": "units/",
    "calendar": "calendar/",
    "search": "search/",
}


EDITORS = ("guide/", "translations/")
"""The editors' pages: the editors' guide and the translation report. They stay at their
addresses (``/vi/guide/``), but the public site leaves them out of its sitemap, its search
index and its navigation: citizens never meet the workshop."""


def for_editors(url: str) -> bool:
    """Whether the page at ``url`` (below the language root) is one of :data:`EDITORS`."""
    return url.startswith(EDITORS)


def src_uri(url: str) -> str:
    """The Markdown source path MkDocs needs for a directory URL: ``plans/x/`` → ``plans/x/index.md``."""
    return f"{url}index.md" if url else "index.md"


def from_src_uri(src_uri: str) -> str:
    """The directory URL of a Markdown source: ``news/x.md`` → ``news/x/``, ``index.md`` → ``""``."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def is_preview_address(url: str | None) -> bool:
    """Whether a site address works only on the computer that built the site: none at all,
    ``localhost`` (and ``*.localhost``), a loopback or an unspecified IP address. A build
    with such an address writes it into embed codes, canonical links, feeds and the API,
    which then lead nowhere once the folder is copied to a real host."""
    host = (urlsplit(url).hostname or "") if url else ""
    if not host or host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified
