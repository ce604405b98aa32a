"""The JSON API (``/api/v1/``): plans, one document per plan, agencies, the activities CSV.

Each JSON document has a JSON Schema published beside it (``*.schema.json``), generated
from the same pydantic models that build the document, so the two cannot drift.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Sequence
from typing import Literal, cast

from pydantic import BaseModel, ConfigDict, Field

from site_builder import LANGUAGES
from site_builder.core import urls
from site_builder.core.urls import SiteUrls
from site_builder.derive.project import Project
from site_builder.derive.tracker import NOT_REPORTED, plan_years, records_of
from site_builder.inputs.references import iter_models
from site_builder.model import Plan, Text
from site_builder.model.common import Succession
from site_builder.model.content import Question
from site_builder.model.plans import agency_references
from site_builder.model.progress import Record as ProgressRecord
from site_builder.output.exports.feeds import photo_fields
from site_builder.output.writer import Writer

VERSION = 1


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class Links(_Out):
    """Addresses of a record's page in each language."""

    vi: str
    en: str


class AgencyOut(_Out):
    """An agency as the API shows it: names in both languages and what it became."""

    id: str
    name: Text
    short: Text | None
    kind: str
    unit: str
    succeeded_by: list[Succession]
    url: Links


class UnitOut(_Out):
    id: str
    level: str
    name: Text
    url: Links


class PlanSummary(_Out):
    """One entry of ``plans.json``."""

    id: str
    title: Text
    short_title: Text
    number: str | None
    issued: str | None
    issuer: UnitOut
    issuing_agency: str
    period: dict[str, int]
    status: str
    implements: str | None
    """Id of the plan this one carries out, when we hold it."""
    activities: int
    url: Links
    data: str
    """Address of the plan's full JSON document."""


class PlansDocument(_Out):
    """``/api/v1/plans.json``: every plan, in order national → provincial → district."""

    version: int = VERSION
    plans: list[PlanSummary]


class PlanDocument(_Out):
    """``/api/v1/plans/<plan-id>.json``: one plan with every section and activity, in both
    languages, and every agency and unit it names resolved to their names."""

    version: int = VERSION
    plan: Plan
    agencies: dict[str, AgencyOut] = Field(description="Every agency the plan names, by id.")
    units: dict[str, UnitOut]
    url: Links


class AgenciesDocument(_Out):
    """``/api/v1/agencies.json``: every agency named in the plans."""

    version: int = VERSION
    agencies: list[AgencyOut]


class QuizDocument(_Out):
    """``/api/v1/quiz.json``: the whole question bank, for contest platforms. Each question's
    ``source`` is a page of this site below ``/vi/`` and ``/en/``."""

    version: int = VERSION
    base: str
    """The site's address: ``source`` pages are at ``{base}vi/{source}`` and ``{base}en/{source}``."""
    questions: list[Question]


class PhotoOut(_Out):
    """An article's photo: its widest JPEG (other sizes and formats are on the page)."""

    url: str
    type: str
    width: int
    height: int
    alt: str
    """What the photo shows, in the article's language."""
    caption: str | None
    credit: str
    """Who took or owns it: show it wherever the photo is shown."""
    licence: str
    """Under what terms it is published."""


class NewsItem(_Out):
    """A news article in one language."""

    lang: Literal["vi", "en"]
    path: str
    """Its path below ``content/<lang>/``: the same for both languages of one article."""
    title: str
    description: str
    date: str
    topics: list[str]
    tags: list[str]
    url: str
    image: PhotoOut | None


class NewsDocument(_Out):
    """``/api/v1/news.json``: every article of both languages, newest first per language."""

    version: int = VERSION
    news: list[NewsItem]


class TaskProgress(_Out):
    """One task of a plan in one year: an appendix activity or, for a plan without an
    appendix, an assignment of its body."""

    kind: Literal["activity", "assignment"]
    id: str
    """The activity id (``II.3``) or the assignment's numbering path (``IV.7.c``)."""
    parent: str | None
    """The assignment this one is nested in."""
    agencies: list[str]
    """Lead agencies (activity) or the agencies it is assigned to (assignment)."""
    status: str
    """The reported status, or ``not-reported``."""
    progress: float | None
    """Progress (%) from the task's record and the tasks nested below it; null when nothing was reported."""


class ProgressYear(_Out):
    """One plan's implementation in one year, computed from the records."""

    plan: str
    year: int
    example: bool
    """True while the records are examples, not the unit's real report."""
    total: int
    counts: dict[str, int]
    not_reported: int
    progress: float | None
    """Average progress (%) of the reported top-level tasks; null when none was reported."""
    tasks: list[TaskProgress]
    """Every task of the plan that year, reported or not."""
    records: list[ProgressRecord]


class ProgressDocument(_Out):
    """``/api/v1/progress.json``: implementation by plan and year, with every record."""

    version: int = VERSION
    years: list[ProgressYear]


DOCUMENTS: dict[str, type[BaseModel]] = {
    "plans": PlansDocument,
    "plan": PlanDocument,
    "agencies": AgenciesDocument,
    "quiz": QuizDocument,
    "progress": ProgressDocument,
    "news": NewsDocument,
}


def links(site: SiteUrls, path: str) -> Links:
    return Links(vi=site.page("vi", path), en=site.page("en", path))


def _agency_out(project: Project, agency_id: str, site: SiteUrls) -> AgencyOut:
    a = project.data.agencies[agency_id]
    return AgencyOut(id=a.id, name=a.name, short=a.short, kind=a.kind, unit=a.unit,
                     succeeded_by=a.succeeded_by, url=links(site, urls.agency(a.id)))


def _unit_out(project: Project, unit_id: str, site: SiteUrls) -> UnitOut:
    u = project.data.units[unit_id]
    return UnitOut(id=u.id, level=u.level, name=u.name, url=links(site, urls.unit(u.id)))


def _agency_ids(plan: Plan) -> list[str]:
    """Every agency id a plan names, in order of first mention."""
    seen: dict[str, None] = {plan.issuing_agency: None}
    for _, obj in iter_models(plan):
        for _, ids in agency_references(obj):
            seen.update(dict.fromkeys(ids))
    return list(seen)


def dump(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


@functools.cache
def schema_text(model: type[BaseModel], name: str) -> str:
    """The published JSON Schema of ``model``: made once per process (the models are code,
    and pydantic takes tens of milliseconds a schema), written by every build."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name,
              **model.model_json_schema(mode="serialization")}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_api(project: Project, writer: Writer, site: SiteUrls) -> None:
    """The JSON API and the CSV files under ``api/v1/``."""
    index = project.index
    summaries = []
    for plan in index.plans:
        url = links(site, urls.plan(plan.id))
        document = PlanDocument(
            plan=plan,
            agencies={a: _agency_out(project, a, site) for a in _agency_ids(plan)},
            units={u: _unit_out(project, u, site) for u in sorted({plan.issuer})},
            url=url,
        )
        writer.text(urls.api(f"plans/{plan.id}.json"), dump(document), "api")
        summaries.append(PlanSummary(
            id=plan.id, title=plan.title, short_title=plan.short_title, number=plan.number,
            issued=plan.issued, issuer=_unit_out(project, plan.issuer, site),
            issuing_agency=plan.issuing_agency,
            period={"start": plan.period.start, "end": plan.period.end}, status=plan.status,
            implements=plan.parent_plan,
            activities=len(plan.appendix.activities) if plan.appendix else 0,
            url=url, data=site.file(urls.api(f"plans/{plan.id}.json")),
        ))
    writer.text(urls.api("plans.json"), dump(PlansDocument(plans=summaries)), "api")
    agencies = [_agency_out(project, a, site) for a in project.data.agencies]
    writer.text(urls.api("agencies.json"), dump(AgenciesDocument(agencies=agencies)), "api")
    writer.bytes(urls.api("activities.csv"), activities_csv(project, site), "api")
    years = []
    tracker = project.tracker
    for plan in index.plans:
        tasks = tracker.tasks(plan)
        if not tasks:
            continue
        for year in plan_years(plan):
            s = tracker.summary(plan, year)
            file, records = records_of(project.data, plan, year)
            progress = tracker.progress(plan, year)
            years.append(ProgressYear(
                plan=plan.id, year=year, example=s.example, total=s.total, counts=s.counts,
                not_reported=s.not_reported, progress=s.progress,
                tasks=[TaskProgress(kind=t.kind, id=t.key, parent=t.parent, agencies=list(t.agencies),
                                    status=records[t.key].status if t.key in records else NOT_REPORTED,
                                    progress=progress.get(t.key)) for t in tasks],
                records=list(file.records) if file else [],
            ))
    writer.text(urls.api("progress.json"), dump(ProgressDocument(years=years)), "api")
    writer.bytes(urls.api("progress.csv"), progress_csv(project), "api")
    writer.text(urls.api("news.json"), dump(news_document(project, site)), "api")
    if project.content.quiz:
        quiz = QuizDocument(base=site.base, questions=list(project.content.quiz))
        writer.text(urls.api("quiz.json"), dump(quiz), "api")
    for name, model in DOCUMENTS.items():
        writer.text(urls.api(f"{name}.schema.json"), schema_text(model, f"{name}.schema.json"), "api")


def news_document(project: Project, site: SiteUrls) -> NewsDocument:
    items = []
    for lang in LANGUAGES:
        for page in project.content.news(lang):
            image = None
            if page.photo is not None:
                fields = photo_fields(page, page.photo, site)
                image = PhotoOut(
                    url=fields["url"], type=fields["type"], width=int(fields["width"]),
                    height=int(fields["height"]), alt=fields["alt"], caption=page.meta.image_caption,
                    credit=fields["credit"], licence=fields["licence"],
                )
            items.append(NewsItem(
                lang=cast(Literal["vi", "en"], lang), path=page.rel, title=page.meta.title, description=page.meta.description,
                date=str(page.meta.date), topics=list(page.meta.topics), tags=list(page.meta.tags),
                url=site.page(lang, page.url), image=image,
            ))
    return NewsDocument(news=items)


CSV_COLUMNS = [
    "plan_id", "plan_title_vi", "plan_title_en", "activity_id", "group", "group_name_vi", "group_name_en",
    "name_vi", "name_en", "lead_vi", "lead_en", "lead_agency_ids", "partners_vi", "partners_en",
    "partner_agency_ids", "timeline_vi", "timeline_en", "timeline_kind", "start_year", "end_year",
    "pillars", "not_stated", "url_vi", "url_en",
]


def _t(text: Text | None, lang: str) -> str:
    return (text.get(lang) or "") if text is not None else ""


FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""First characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a
formula (OWASP, CSV Injection; line feed added with carriage return). Texts in the CSV
come from editors' commits; provincial staff open the files in a spreadsheet, where a
cell such as ``=HYPERLINK(...)`` or a DDE call would run on their machine."""


def _cell(value: object) -> object:
    """One CSV cell, safe to open in a spreadsheet.

    Numbers the exporter itself computes (years, percentages) stay numbers. Every other
    value is text: when it starts with a formula trigger it gets a leading ``'``, which
    makes spreadsheets take the cell as text (programs that read the CSV see the quote).
    With :data:`csv.QUOTE_NONNUMERIC` every text cell is also written between double
    quotes, so a comma or a semicolon inside it (the list separator of Excel where the
    decimal mark is a comma, as in Vietnamese settings) cannot start a new cell that
    begins with a trigger.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


class _SafeWriter:
    """A CSV writer whose every cell goes through :func:`_cell`, so that no code path of
    the exports can write a cell that a spreadsheet runs as a formula."""

    def __init__(self, buffer: io.StringIO) -> None:
        self._writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)

    def writerow(self, row: Sequence[object]) -> None:
        self._writer.writerow([_cell(value) for value in row])


def activities_csv(project: Project, site: SiteUrls) -> bytes:
    """Every activity of every plan, one row each, as UTF-8 with a BOM so that Excel
    opens Vietnamese correctly. Blank cells of the source are empty and named in
    ``not_stated``; they are never filled in."""
    buffer = io.StringIO()
    writer = _SafeWriter(buffer)
    writer.writerow(CSV_COLUMNS)
    for plan in project.index.plans:
        if plan.appendix is None:
            continue
        groups = {g.id: g for g in plan.appendix.groups}
        for a in plan.appendix.activities:
            not_stated = [name for name, value in (("lead", a.lead), ("partners", a.partners)) if value is None]
            if a.timeline.kind == "not-stated":
                not_stated.append("timeline")
            page = urls.activity(plan.id, a.slug)
            writer.writerow([
                plan.id, plan.title.vi, _t(plan.title, "en"), a.id, a.group,
                groups[a.group].name.vi, _t(groups[a.group].name, "en"),
                a.name.vi, _t(a.name, "en"),
                _t(a.lead.text if a.lead else None, "vi"), _t(a.lead.text if a.lead else None, "en"),
                " ".join(a.lead.agencies) if a.lead else "",
                _t(a.partners.text if a.partners else None, "vi"), _t(a.partners.text if a.partners else None, "en"),
                " ".join(a.partners.agencies) if a.partners else "",
                _t(a.timeline.text, "vi"), _t(a.timeline.text, "en"), a.timeline.kind,
                a.timeline.start or "", a.timeline.end or "",
                " ".join(a.pillars), " ".join(not_stated),
                site.page("vi", page), site.page("en", page),
            ])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def progress_csv(project: Project) -> bytes:
    """One row per task (appendix activity or assignment) and year of every plan: the
    reported status, or ``not-reported``; ``computed_progress`` includes nested tasks."""
    buffer = io.StringIO()
    writer = _SafeWriter(buffer)
    writer.writerow(["plan_id", "year", "activity_id", "assignment", "parent", "status", "progress",
                     "computed_progress", "done_vi", "done_en", "reporting_agency", "updated", "example"])
    tracker = project.tracker
    for plan in project.index.plans:
        for year in plan_years(plan):
            file, records = records_of(project.data, plan, year)
            progress = tracker.progress(plan, year)
            for task in tracker.tasks(plan):
                ids = [task.key, ""] if task.kind == "activity" else ["", task.key]
                computed = progress.get(task.key)
                start = [plan.id, year, *ids, task.parent or ""]
                r = records.get(task.key)
                if r is None:
                    writer.writerow([*start, NOT_REPORTED, "", "" if computed is None else computed,
                                     "", "", "", "", ""])
                else:
                    writer.writerow([*start, r.status, "" if r.percent is None else r.percent,
                                     "" if computed is None else computed, r.done.vi, r.done.en or "",
                                     r.reporting_agency, r.updated, "yes" if file and file.example else "no"])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


__all__ = ["CSV_COLUMNS", "DOCUMENTS", "LANGUAGES", "write_api"]
