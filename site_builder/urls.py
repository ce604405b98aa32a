"""Where each kind of page lives, below the language root (``/vi/``, ``/en/``).

These paths are a published contract: provinces link to them. Changing one needs a
redirect.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def plan(plan_id: str) -> str:
    return f"plans/{plan_id}/"


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


QUIZ_TOPICS = ("history", "pillars", "members", "covid-19", "viet-nam", "local")


def quiz(topic: str = "") -> str:
    """A quiz page: ``quiz/`` (index), ``quiz/<topic>/`` or ``quiz/mixed/``."""
    return f"quiz/{topic}/" if topic else "quiz/"


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
