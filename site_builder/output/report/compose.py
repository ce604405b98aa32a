"""``python -m site_builder report``: the yearly (or five-year) report the plans require.

Composed from the implementation records in the form the plans ask for: results per
content area and per agency, activities not carried out and why, activities not
reported, difficulties and proposals, by one reporting agency (``--agency``; by default
the body that issued the plan, which then reports on every task), in Vietnamese or
English, as a :class:`~site_builder.output.report.document.Report` that
:mod:`~site_builder.output.report.markdown` and :mod:`~site_builder.output.report.docx` write.

The Vietnamese report is an administrative document under Decree 30/2020/NĐ-CP: the
elements around its body come from :mod:`~site_builder.output.report.letterhead`, its
recipients and deadline from the plan's reporting duty (:mod:`~site_builder.output.report.duty`).
The English report is a courtesy translation in a plain layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from site_builder.core.i18n import format_share, translations
from site_builder.core.vocabulary import CANCELLED, NOT_STARTED, STATUS_BY_ID, TOPICS
from site_builder.derive.tracker import NOT_REPORTED, STATUSES, Task, Tracker, records_of
from site_builder.inputs.loader import Dataset
from site_builder.model import Plan
from site_builder.model.agencies import Agency
from site_builder.model.progress import ProgressFile, Record
from site_builder.output.report.bodies import agency_today, former_note
from site_builder.output.report.citation import citation
from site_builder.output.report.document import Duty, Report, Section, Table, text_of
from site_builder.output.report.duty import agency_tasks, reporting_duty
from site_builder.output.report.letterhead import letterhead
from site_builder.output.report.request import Request
from site_builder.render.dates import format_date

POINTS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y")
"""Points are lettered in the order of the Vietnamese alphabet (Appendix I, Part I, II.6.đ),
as the appendix itself does: a), b), c), d), đ), e), g)."""

OVERVIEW_WIDTHS = [1.6, 1.3, 1.5, 1.3, 1.3, 1.1, 1.3, 1.6]
RESULT_WIDTHS = [3.4, 4.3, 1.6, 1.5, 2.4]
"""Relative column widths of the overview and of the results tables (a year column of 1.2
comes first in a report on several years)."""


@dataclass(frozen=True)
class _Scope:
    """What one report covers, and the words it is written in."""

    data: Dataset
    plan: Plan
    years: list[int]
    lang: str
    tracker: Tracker
    tasks: list[Task]
    t: Callable[[str], str]
    status_names: dict[str, str]

    @property
    def several_years(self) -> bool:
        return len(self.years) > 1

    @property
    def span(self) -> str:
        return str(self.years[0]) if len(self.years) == 1 else f"{self.years[0]}–{self.years[-1]}"


@dataclass
class _Findings:
    """What the records say, gathered over the years and tasks a report covers."""

    overview: list[list[str]] = field(default_factory=list)
    by_topic: dict[str, list[list[str]]] = field(default_factory=dict)
    by_agency: dict[str, list[str]] = field(default_factory=dict)
    not_done: list[str] = field(default_factory=list)
    not_reported: list[str] = field(default_factory=list)
    difficulties: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)

    def add_record(self, scope: _Scope, year: int, task: Task, record: Record, computed: float | None) -> None:
        """A task's record in the results by content area and by agency, and among the tasks not
        carried out when it was not started or was cancelled."""
        lang, several = scope.lang, scope.several_years
        name = task_name(task, lang)
        status = scope.status_names[record.status]
        row = ([str(year)] if several else []) + [
            name, _result(record, lang), status, _percent(scope, record, computed), _evidence(record, lang) or "—"]
        for topic in task.pillars or ("-",):
            self.by_topic.setdefault(topic, []).append(row)
        percent_note = f", {format_share(record.percent, lang)})" if record.percent is not None else ")"
        line = f"{task.key} ({status}" + percent_note
        self.by_agency.setdefault(record.reporting_agency, []).append((f"{year}, " if several else "") + line)
        if record.status in (NOT_STARTED.id, CANCELLED.id):
            line = f"{year}, {name}: {status}"
            if record.percent is not None:
                line += f" ({format_share(record.percent, lang)})"
            self.not_done.append(f"{line}. {text_of(record.done, lang)}")


def task_name(task: Task, lang: str) -> str:
    """A task's key and full sentence, ready for ": status": without the end punctuation, and
    without the comma left when a list the source ends with "..." loses its dots."""
    return f"{task.key} {text_of(task.name, lang).rstrip('.;:, ')}"


# ── What the records say ────────────────────────────────────────────────────────────

def _evidence(record: Record, lang: str) -> str:
    out = []
    for item in record.evidence:
        where = item.url or f"/{lang}/{item.page}"
        out.append(f"{text_of(item.title, lang)} ({where})")
    return "; ".join(out)


def _result(record: Record, lang: str) -> str:
    """What was done, then each milestone with its date."""
    result = text_of(record.done, lang)
    for milestone in record.milestones:
        when_done = format_date(milestone.date, lang)
        result += f" {when_done[:1].upper()}{when_done[1:]}: {text_of(milestone.text, lang).rstrip('.')}."
    return result


def _percent(scope: _Scope, record: Record, computed: float | None) -> str:
    """The reported progress, and the progress of the assignments below the task where it differs."""
    t = scope.t
    percent = "—" if record.percent is None else format_share(record.percent, scope.lang)
    if computed is not None and computed != record.percent:
        below = t("with the assignments below it: %(progress)s") % {"progress": format_share(computed, scope.lang)}
        percent += f" ({below})"
    return percent


def _overview_row(scope: _Scope, year: int) -> list[str]:
    """A year's line of the overview: how many tasks in each status, how many not reported, the progress."""
    t = scope.t
    s = scope.tracker.summarize(year, [(scope.plan, scope.tasks)])
    example_mark = t("example data")
    return [f"{year} ({example_mark})" if s.example else str(year), *[str(s.counts[x]) for x in STATUSES],
            str(s.not_reported), "—" if s.progress is None else format_share(s.progress, scope.lang)]


def _gather(scope: _Scope) -> _Findings:
    found = _Findings()
    for year in scope.years:
        found.overview.append(_overview_row(scope, year))
        file, records = records_of(scope.data, scope.plan, year)
        progress = scope.tracker.progress(scope.plan, year)
        for task in scope.tasks:
            record = records.get(task.key)
            if record is None:
                found.not_reported.append(f"{year}: {task_name(task, scope.lang)}")
            else:
                found.add_record(scope, year, task, record, progress.get(task.key))
        if file is not None and file.difficulties:
            found.difficulties.append(f"{year}: {text_of(file.difficulties, scope.lang)}")
        if file is not None and file.proposals:
            found.proposals.append(f"{year}: {text_of(file.proposals, scope.lang)}")
    return found


# ── The sections of the form ────────────────────────────────────────────────────────

def _nothing(scope: _Scope) -> str:
    t = scope.t
    return t("No assignment was reported.") if scope.plan.tracks_assignments else t("No activity was reported.")


def _overview(scope: _Scope, rows: list[list[str]]) -> Section:
    """I.1: per year, the number of tasks in each status, not reported, and the progress."""
    t, names = scope.t, scope.status_names
    progress = (t("Progress of reported assignments") if scope.plan.tracks_assignments
                else t("Progress of reported activities"))
    header = [t("Year"), *[names[s] for s in STATUSES], names[NOT_REPORTED], progress]
    return Section("1. " + t("Overview"), level=2, table=Table(header, rows, OVERVIEW_WIDTHS.copy()))


def _by_content_area(scope: _Scope, by_topic: dict[str, list[list[str]]]) -> list[Section]:
    """I.2: a point per content area (pillar), in the vocabulary's order, with a table of its tasks."""
    t, lang = scope.t, scope.lang
    content = Section("2. " + t("Results by content area"), level=2)
    if not by_topic:
        content.paragraphs.append(_nothing(scope))
    by_assignment = scope.plan.tracks_assignments
    other = t("Other assignments") if by_assignment else t("Other activities")
    topic_names = {tp.id: tp.name(lang) for tp in TOPICS} | {"-": other}
    task_word = t("Assignment") if by_assignment else t("Activity")
    year = [t("Year")] if scope.several_years else []
    header = year + [task_word, t("Results"), t("Status"), t("Progress"), t("Evidence")]
    widths = ([1.2] if scope.several_years else []) + RESULT_WIDTHS
    letters = iter(POINTS)
    points = [Section(f"{next(letters)}) {topic_names[topic]}", level=3, table=Table(header, by_topic[topic], widths))
              for topic in [*(tp.id for tp in TOPICS), "-"] if topic in by_topic]
    return [content, *points]


def _by_agency(scope: _Scope, by_agency: dict[str, list[str]]) -> Section:
    """I.3, for the whole plan: each reporting agency's tasks with their status and progress."""
    t, agencies = scope.t, scope.data.agencies
    items = [f"{text_of(agencies[a].name, scope.lang)}: {'; '.join(lines)}." for a, lines in by_agency.items()]
    return Section("3. " + t("Results by agency"), level=2, items=items or [_nothing(scope)])


def _results(scope: _Scope, found: _Findings, whole_plan: bool) -> list[Section]:
    """I. Results: the overview, by content area and (for the whole plan) by agency."""
    t = scope.t
    sections = [Section("I. " + t("Results")), _overview(scope, found.overview),
                *_by_content_area(scope, found.by_topic)]
    if whole_plan:
        sections.append(_by_agency(scope, found.by_agency))
    return sections


def _not_carried_out(scope: _Scope, lines: list[str]) -> Section:
    """II. The tasks not started or cancelled, with what the records say why."""
    t = scope.t
    heading = (t("Assignments not carried out, and why") if scope.plan.tracks_assignments
               else t("Activities not carried out, and why"))
    return Section("II. " + heading, items=lines or [t("None.")])


def _not_reported(scope: _Scope, lines: list[str]) -> Section:
    """III. The tasks without a record, by year."""
    t = scope.t
    heading = t("Assignments not reported") if scope.plan.tracks_assignments else t("Activities not reported")
    return Section("III. " + heading, items=lines or [t("None.")])


def _difficulties(scope: _Scope, lines: list[str]) -> Section:
    """IV. The difficulties the records state, by year."""
    t = scope.t
    return Section("IV. " + t("Difficulties"), items=lines or [t("Not stated in the records.")])


def _proposals(scope: _Scope, lines: list[str]) -> Section:
    """V. The proposals the records state, by year."""
    t = scope.t
    return Section("V. " + t("Proposals"), items=lines or [t("Not stated in the records.")])


# ── Around the sections ─────────────────────────────────────────────────────────────

def _when(scope: _Scope) -> str:
    t = scope.t
    if not scope.several_years:
        return t("in %(year)s") % {"year": scope.span}
    return t("in %(years)s") % {"years": scope.span}


def _title_and_summary(scope: _Scope) -> tuple[str, str]:
    """The whole title, and the summary line under the document type (trích yếu)."""
    t, plan = scope.t, scope.plan
    plan_name = citation(plan, None, scope.lang)
    if plan.period.start == plan.period.end:  # a one-year plan names its year already
        return (t("Report on the implementation of %(plan)s") % {"plan": plan_name},
                t("Results of implementing %(plan)s") % {"plan": plan_name})
    return (t("Report on the implementation of %(plan)s, %(years)s") % {"plan": plan_name, "years": scope.span},
            t("Results of implementing %(plan)s %(when)s") % {"plan": plan_name, "when": _when(scope)})


def _intro(scope: _Scope, agency_name: str) -> str:
    """The opening: the plan as first cited, with its issuing body."""
    t, plan, agencies = scope.t, scope.plan, scope.data.agencies
    issuer = text_of(agencies[plan.issuing_agency].name, scope.lang) if plan.issuing_agency in agencies else ""
    return t("Under %(plan)s, %(agency)s reports its results %(when)s as follows:") % {
        "plan": citation(plan, issuer, scope.lang), "agency": agency_name, "when": _when(scope)}


def _closing(scope: _Scope, agency_name: str) -> str:
    t = scope.t
    return t("This is the report of %(agency)s on its results %(when)s in implementing the plan.") % {
        "agency": agency_name, "when": _when(scope)}


def _details(scope: _Scope, agency_name: str, duty: Duty, today: bool) -> list[str]:
    """The lines under the title of the English report: agency, recipients, deadline. With
    ``today``, the recipients are named as the bodies of today."""
    t, data, lang = scope.t, scope.data, scope.lang
    recipients = "; ".join(text_of((agency_today(data, data.agencies[r]) if today else data.agencies[r]).name, lang)
                           for r in duty.recipients) or t("not set by the plan")
    due = (format_date(duty.deadline, lang) if duty.deadline else t("not set by the plan"))
    if duty.deadline and duty.what:
        due += f" ({text_of(duty.what, lang)})"
    return [
        t("Reporting agency: %(agency)s") % {"agency": agency_name},
        t("To: %(recipients)s") % {"recipients": recipients},
        t("Due: %(date)s") % {"date": due},
    ]


def _records_date(files: list[ProgressFile]) -> dt.date | None:
    """When the records were last updated (the first of the month or year for a partial date)."""
    updated = max((str(f.updated) for f in files), default=None)
    return dt.date(*[int(p) for p in (updated + "-01-01")[:10].split("-")]) if updated else None


def _scope(data: Dataset, request: Request, lang: str, tracker: Tracker) -> _Scope:
    t = translations(lang).gettext
    status_names = {term_id: term.label(t) for term_id, term in STATUS_BY_ID.items()}
    plan, years = request.plan, request.years
    return _Scope(data, plan, years, lang, tracker, agency_tasks(tracker, plan, request.agency_id, years), t, status_names)


def build_report(data: Dataset, request: Request, lang: str, tracker: Tracker | None = None) -> Report:
    """The report of the request's agency on its years. With ``as_unit`` (a unit of today
    that took over the body's unit), the report is issued in the name of the successor body
    (:func:`agency_today`): heading, place and signature are its own, and the report says
    whom it stands in for."""
    plan, agency_id, years, as_unit = request.plan, request.agency_id, request.years, request.as_unit
    original = data.agencies[agency_id]
    agency: Agency = agency_today(data, original, as_unit) if as_unit else original
    scope = _scope(data, request, lang, tracker or Tracker(data))
    t = scope.t
    found = _gather(scope)
    sections = [*_results(scope, found, whole_plan=agency_id == plan.issuing_agency),
                _not_carried_out(scope, found.not_done), _not_reported(scope, found.not_reported),
                _difficulties(scope, found.difficulties), _proposals(scope, found.proposals)]
    duty = reporting_duty(data, plan, agency_id, years)
    former = former_note(data, original, lang, instead=agency if agency is not original else None)
    agency_name = text_of(agency.name, lang)
    details = _details(scope, agency_name, duty, today=bool(as_unit))
    if former:
        details.append(former)
    if lang != "vi":
        details.append(t("This English text is a courtesy translation: the Vietnamese report is the authoritative text."))
    files = [f for y in years if (f := data.progress.get((plan.id, y))) is not None]
    example = any(f.example for f in files)
    title, summary = _title_and_summary(scope)
    return Report(
        lang=lang, title=title, doc_type=t("REPORT"), summary=summary, intro=_intro(scope, agency_name),
        notice=t("EXAMPLE DATA: these records only illustrate the report; they are not the unit's real results.")
        if example else None,
        footer=t("EXAMPLE DATA: not the unit's real results") if example else None,
        sections=sections, closing=_closing(scope, agency_name) if lang == "vi" else None, agency=agency_name,
        duty=duty, details=details, date=_records_date(files), former=former,
        letterhead=letterhead(data, plan, agency, duty, agency_id if as_unit else None) if lang == "vi" else None,
    )
