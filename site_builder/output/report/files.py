"""The report's files: each language composed once and written by each writer chosen
(Markdown and the Decree-30 ``.docx`` by default), named after the plan, year and agency."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from site_builder.derive.tracker import Tracker, plan_years
from site_builder.inputs.loader import Dataset
from site_builder.model import Plan
from site_builder.output.report.compose import build_report
from site_builder.output.report.document import Report
from site_builder.output.report.docx import to_docx
from site_builder.output.report.markdown import to_markdown
from site_builder.output.report.request import Request

Writer = tuple[str, Callable[[Report], bytes]]
"""A file suffix and what writes a report into such a file."""


def _markdown_bytes(report: Report) -> bytes:
    return to_markdown(report).encode("utf-8")


MARKDOWN: Writer = ("md", _markdown_bytes)
DOCX: Writer = ("docx", to_docx)
WRITERS: tuple[Writer, ...] = (MARKDOWN, DOCX)


def report_label(plan: Plan, year: int | None, agency_id: str | None, as_unit: str | None = None) -> str:
    years = plan_years(plan) if year is None else [year]
    label = str(year) if year is not None else f"{years[0]}-{years[-1]}"
    if agency_id and agency_id != plan.issuing_agency:
        label += f"-{agency_id}"
    if as_unit:
        label += f"-as-{as_unit}"
    return f"{plan.id}-{label}"


def write_reports(data: Dataset, request: Request, out: Path, tracker: Tracker | None = None,
                  writers: Sequence[Writer] = WRITERS) -> list[Path]:
    """Both languages, by each of ``writers``; the whole period when the request's year is ``None``."""
    tracker = tracker or Tracker(data)
    name = report_label(request.plan, request.year, request.agency_id, request.as_unit)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in ("vi", "en"):
        report = build_report(data, request, lang, tracker)
        for suffix, write in writers:
            path = out / f"{name}.{lang}.{suffix}"
            path.write_bytes(write(report))
            written.append(path)
    return written
