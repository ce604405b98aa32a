"""Data for other systems: the JSON API, the activities CSV, the calendar and the feeds.

Everything here is written from the checked project, never from the rendered HTML,
and is dated from the content (not the clock), so two builds of one commit are
byte-identical.
"""

from __future__ import annotations

from pathlib import Path

from ..index import SiteIndex
from ..project import Project
from .api import write_api
from .calendar import write_calendar
from .feeds import write_feeds
from .oembed import write_oembed


def write_exports(project: Project, site: Path, base: str) -> None:
    """Write every export below the staging folder ``site`` for the site at ``base``."""
    index = SiteIndex(project.data)
    write_api(project, index, site, base)
    write_calendar(project, index, site)
    write_feeds(project, index, site, base)
    write_oembed(project, index, site, base)


__all__ = ["write_exports"]
