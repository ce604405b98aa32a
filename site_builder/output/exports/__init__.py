"""Data for other systems: the JSON API, the activities CSV, the calendar and the feeds.

Everything here is written from the checked project, never from the rendered HTML,
and is dated from the content (not the clock), so two builds of one commit are
byte-identical.
"""

from __future__ import annotations

from site_builder.core.urls import SiteUrls
from site_builder.derive.project import Project
from site_builder.output.exports.api import write_api
from site_builder.output.exports.calendar import write_calendar
from site_builder.output.exports.feeds import write_feeds
from site_builder.output.exports.oembed import write_oembed
from site_builder.output.writer import Writer


def write_exports(project: Project, writer: Writer, site: SiteUrls) -> None:
    """Write every export through ``writer`` for the site at ``site``."""
    write_api(project, writer, site)
    write_calendar(project, writer)
    write_feeds(project, writer, site)
    write_oembed(project, writer, site)


__all__ = ["write_exports"]
