"""The hook that hands the portal's page contexts to the templates (issue 17).

The home page, plan pages, the progress widget and the implementation dashboards get
contexts and charts built in Python (:mod:`.frontpage`, :mod:`.planpage`, :mod:`.charts`),
so that their templates only lay them out; every other kind of page gets its context
from :mod:`.contexts`. The engine plugin calls
:meth:`Portal.context` once per page and adds what it returns to the template context;
a successor engine does the same with its own page objects. Nothing here imports MkDocs.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from site_builder.core.i18n import translations
from site_builder.derive.charts import Chart
from site_builder.derive.dashboards import progress_summaries
from site_builder.render.frontpage import front_page
from site_builder.render.planpage import Note, notes, status_chart, summary


class Portal:
    """Page contexts and charts for one language of a build."""

    def __init__(self, view: Any) -> None:
        self.view = view
        self.t = translations(view.lang).gettext

    @cached_property
    def _front(self) -> Any:
        return front_page(self.view, self.t)

    def context(self, meta: dict[str, Any] | None, record: Any) -> dict[str, Any]:
        """What a page's template gets besides ``page`` and ``record``: ``front`` on the
        home page, ``plan_summary`` on a
        plan page, ``progress_chart`` on a plan's progress widget, and ``portal`` (for
        dashboard charts) everywhere."""
        out: dict[str, Any] = {"portal": self}
        if meta and meta.get("template") == "asean/home.html":
            out["front"] = self._front
        if record is not None and record.kind == "plan":
            out["plan_summary"] = summary(record.plan, self.view, self.t)
        if record is not None and record.kind == "embed-progress":
            out["progress_chart"] = self.progress_chart(record.plan)
        return out

    def dashboard_chart(self, dashboard: Any) -> Chart:
        """A dashboard's counts by year and status, drawn (its table stays under it)."""
        return status_chart(f"chart-{dashboard.name}", self._chart_title(dashboard.noun), dashboard.summaries, self.t,
                            self.view.number)

    def progress_chart(self, plan: Any) -> Chart:
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

    def notes(self, quirks: list[Any]) -> list[Note]:
        """Notes on the source, introduced by the part of the document they are about."""
        return notes(quirks, self.t)

    def ended_on(self, plan: Any) -> str:
        """The last day of an ended plan's period in the reader's words; empty while in force."""
        return "" if plan.status == "in-force" else self.view.date(f"{plan.period.end}-12-31")
