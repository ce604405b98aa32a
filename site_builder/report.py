"""``python -m site_builder report``: the yearly (or five-year) report the plans require.

Written from the implementation records in the form the plans ask for: results per
content area and per agency, activities not carried out and why, activities not
reported, difficulties and proposals. Output as Markdown and as a ``.docx`` that an
official can open, sign and send (python-docx), in Vietnamese and in English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .dates import format_date
from .i18n import translations
from .loader import Dataset
from .model import Plan, Text
from .progress import STATUSES, Tracker, plan_years, records_of
from .topics import TOPICS


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)


@dataclass
class Report:
    lang: str
    title: str
    subtitle: str
    notice: str | None
    sections: list[Section]


def _tx(text: Text | None, lang: str) -> str:
    if text is None:
        return ""
    return text.get(lang) or text.vi


def build_report(data: Dataset, plan_id: str, years: list[int], lang: str) -> Report:
    t = translations(lang).gettext
    plan: Plan = data.plans[plan_id]
    tracker = Tracker(data)
    tasks = tracker.tasks(plan)
    by_assignment = plan.tracks_assignments
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    example = any((f := data.progress.get((plan.id, y))) is not None and f.example for y in years)
    status_names = {"done": t("Done"), "ongoing": t("Ongoing, carried out"), "in-progress": t("In progress"),
                    "not-started": t("Not started"), "cancelled": t("Cancelled")}

    summary_table = [[t("Year"), *[status_names[s] for s in STATUSES], t("Not reported"),
                      t("Progress of reported assignments") if by_assignment else t("Progress of reported activities")]]
    by_topic: dict[str, list[str]] = {}
    by_agency: dict[str, list[str]] = {}
    not_done: list[str] = []
    not_reported: list[str] = []
    difficulties: list[str] = []
    proposals: list[str] = []
    for year in years:
        s = tracker.summary(plan, year)
        summary_table.append([str(year), *[str(s.counts[x]) for x in STATUSES], str(s.not_reported),
                              "—" if s.progress is None else f"{s.progress} %"])
        file, records = records_of(data, plan, year)
        progress = tracker.progress(plan, year)
        for task in tasks:
            record = records.get(task.key)
            name = f"{task.key} {_tx(task.name, lang).rstrip('.;: ')}"  # a task's full sentence, then ": status"
            if record is None:
                not_reported.append(f"{year}: {name}")
                continue
            line = f"{year}, {name}: {status_names[record.status]}"
            if record.percent is not None:
                line += f" ({record.percent} %)"
            line += f". {_tx(record.done, lang)}"
            computed = progress.get(task.key)
            if computed is not None and computed != record.percent:
                line += " (" + t("with the assignments below it: %(progress)s %%") % {"progress": computed} + ")"
            for topic in task.pillars or ("-",):
                by_topic.setdefault(topic, []).append(line)
            by_agency.setdefault(record.reporting_agency, []).append(line)
            if record.status in ("not-started", "cancelled"):
                not_done.append(line)
        if file is not None:
            if file.difficulties:
                difficulties.append(f"{year}: {_tx(file.difficulties, lang)}")
            if file.proposals:
                proposals.append(f"{year}: {_tx(file.proposals, lang)}")

    topic_names = {tp.id: tp.name(lang) for tp in TOPICS} | {"-": t("Other assignments") if by_assignment else t("Other activities")}
    sections = [
        Section(t("Summary"), table=summary_table),
        Section("I. " + t("Results by content area")),
        Section("II. " + t("Results by agency")),
        Section("III. " + (t("Assignments not carried out, and why") if by_assignment
                           else t("Activities not carried out, and why")), items=not_done or [t("None.")]),
        Section("IV. " + (t("Assignments not reported") if by_assignment else t("Activities not reported")),
                items=not_reported or [t("None.")]),
        Section("V. " + t("Difficulties"), items=difficulties or [t("Not stated in the records.")]),
        Section("VI. " + t("Proposals"), items=proposals or [t("Not stated in the records.")]),
    ]
    for topic in [*(tp.id for tp in TOPICS), "-"]:
        if topic in by_topic:
            sections[1].paragraphs.append(f"**{topic_names[topic]}**")
            sections[1].paragraphs.extend(f"- {line}" for line in by_topic[topic])
    for agency_id, lines in by_agency.items():
        sections[2].paragraphs.append(f"**{_tx(data.agencies[agency_id].name, lang)}**")
        sections[2].paragraphs.extend(f"- {line}" for line in lines)
    if not by_topic:
        nothing = t("No assignment was reported.") if by_assignment else t("No activity was reported.")
        sections[1].paragraphs.append(nothing)
        sections[2].paragraphs.append(nothing)
    title = t("Report on the implementation of %(plan)s, %(years)s") % {"plan": _tx(plan.short_title, lang), "years": span}
    subtitle = _tx(plan.title, lang) + (f" ({plan.number}, {format_date(plan.issued, lang)})" if plan.number and plan.issued else "")
    notice = t("EXAMPLE DATA: these records only illustrate the report; they are not the unit's real results.") if example else None
    return Report(lang, title, subtitle, notice, sections)


def to_markdown(report: Report) -> str:
    lines = [f"# {report.title}", "", report.subtitle, ""]
    if report.notice:
        lines += [f"> **{report.notice}**", ""]
    for section in report.sections:
        lines += [f"## {section.heading}", ""]
        if section.table:
            lines.append("| " + " | ".join(section.table[0]) + " |")
            lines.append("|" + " --- |" * len(section.table[0]))
            lines += ["| " + " | ".join(row) + " |" for row in section.table[1:]]
            lines.append("")
        for paragraph in section.paragraphs:
            bold = paragraph.startswith("**")
            lines += ["", paragraph, ""] if bold else [paragraph]
        if section.paragraphs:
            lines.append("")
        lines += [f"- {item}" for item in section.items]
        if section.items:
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_docx(report: Report, path: Path) -> None:
    from docx import Document

    document = Document()
    document.core_properties.title = report.title
    document.core_properties.language = report.lang
    document.add_heading(report.title, level=1)
    document.add_paragraph(report.subtitle)
    if report.notice:
        document.add_paragraph().add_run(report.notice).bold = True
    for section in report.sections:
        document.add_heading(section.heading, level=2)
        if section.table:
            table = document.add_table(rows=len(section.table), cols=len(section.table[0]))
            table.style = "Table Grid"
            for r, row in enumerate(section.table):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        for paragraph in section.paragraphs:
            if paragraph.startswith("**") and paragraph.endswith("**"):
                document.add_paragraph().add_run(paragraph.strip("*")).bold = True
            else:
                document.add_paragraph(paragraph.removeprefix("- "), style="List Bullet")
        for item in section.items:
            document.add_paragraph(item, style="List Bullet")
    document.save(str(path))


def write_reports(data: Dataset, plan_id: str, year: int | None, out: Path) -> list[Path]:
    """Both languages, as Markdown and .docx; the whole period when ``year`` is ``None``."""
    plan = data.plans[plan_id]
    years = plan_years(plan) if year is None else [year]
    label = str(year) if year is not None else f"{years[0]}-{years[-1]}"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in ("vi", "en"):
        report = build_report(data, plan_id, years, lang)
        md = out / f"{plan_id}-{label}.{lang}.md"
        md.write_text(to_markdown(report), encoding="utf-8")
        docx = out / f"{plan_id}-{label}.{lang}.docx"
        to_docx(report, docx)
        written += [md, docx]
    return written
