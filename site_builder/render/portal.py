"""The hook that hands the portal's page contexts to the templates (issue 17).

The home page, plan pages, the progress widget and the implementation dashboards get
contexts and charts built in Python (:mod:`.frontpage`, :mod:`.planpage`, :mod:`.charts`),
so that their templates only lay them out. The engine plugin makes one :class:`Portal`
per language and asks :func:`site_builder.render.contexts.page_context` for each page's
context with it; a successor engine does the same with its own page objects. Nothing
here imports MkDocs.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from site_builder.core.i18n import translations
from site_builder.derive.charts import Chart
from site_builder.derive.dashboards import Dashboard, progress_summaries
from site_builder.model import Plan
from site_builder.model.common import Quirk
from site_builder.render.frontpage import FrontPage, front_page
from site_builder.render.planpage import Note, notes, status_chart

if TYPE_CHECKING:
    from site_builder.render.view import SiteView


class Portal:
    """Page contexts and charts for one language of a build: what
    :func:`site_builder.render.contexts.page_context` computes a page's context with, and
    ``portal`` in every template (for dashboard charts, notes on the source, end dates)."""

    def __init__(self, view: SiteView, site_name: str = "") -> None:
        self.view = view
        self.t = translations(view.lang).gettext
        self.site_name = site_name
        """The build's name (the embed codes' link text)."""

    @cached_property
    def front(self) -> FrontPage:
        """The home page's context (:mod:`.frontpage`), computed once."""
        return front_page(self.view, self.t)

    def dashboard_chart(self, dashboard: Dashboard) -> Chart:
        """A dashboard's counts by year and status, drawn (its table stays under it)."""
        return status_chart(f"chart-{dashboard.name}", self._chart_title(dashboard.noun), dashboard.summaries, self.t,
                            self.view.number)

    def progress_chart(self, plan: Plan) -> Chart:
        """A plan's implementation by year and status, drawn for its progress widget (the
        widget's table of the same figures, with the progress column, goes under it)."""
        noun = "assignments" if plan.tracks_assignments else "activities"
        return status_chart(f"{plan.id}-progress", self._chart_title(noun), progress_summaries(self.view.project.tracker, plan),
                            self.t, self.view.number)

    def _chart_title(self, noun: str) -> str:
        """The title of a chart of implementation by year, naming what it counts."""
        return {
            "activities": self.t("Implementation by year: activities by reported status"),
            "assignments": self.t("Implementation by year: assignments by reported status"),
            "tasks": self.t("Implementation by year: tasks by reported status"),
        }[noun]

    def notes(self, quirks: list[Quirk]) -> list[Note]:
        """Notes on the source, introduced by the part of the document they are about."""
        return notes(quirks, self.t)

    def ended_on(self, plan: Plan) -> str:
        """The last day of an ended plan's period in the reader's words; empty while in force."""
        return "" if plan.status == "in-force" else self.view.date(f"{plan.period.end}-12-31")
