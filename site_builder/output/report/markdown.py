"""The report as Markdown: title, details, the opening, the sections with their tables and
lines, and for the Vietnamese report "Nơi nhận" and the signing authority."""

from __future__ import annotations

from site_builder.output.report.document import Letterhead, Report, Section, Table


def _table(table: Table) -> list[str]:
    return ["| " + " | ".join(table.header) + " |", "|" + " --- |" * len(table.header),
            *["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in table.rows], ""]


def _section(section: Section) -> list[str]:
    lines = [f"{'#' * (section.level + 1)} {section.heading}", ""]
    if section.table:
        lines += _table(section.table)
    lines += section.paragraphs + ([""] if section.paragraphs else [])
    lines += [f"- {item}" for item in section.items]
    if section.items:
        lines.append("")
    return lines


def _addressees(head: Letterhead) -> list[str]:
    """"Kính gửi" for a report sent up to a superior body."""
    if not head.addressees:
        return []
    names = "; ".join(head.addressees) + "." if len(head.addressees) > 1 else head.addressees[0]
    return ["Kính gửi: " + names, ""]


def _signature(head: Letterhead) -> list[str]:
    """"Nơi nhận", then the signing authority and the signer's name."""
    return ["**Nơi nhận:**", "", *[f"- {c}" for c in head.copies], "",
            f"**{' '.join(x for x in (head.authority, head.position) if x)}**", "", f"**{head.signer}**", ""]


def to_markdown(report: Report) -> str:
    lines = [f"# {report.title}", ""]
    if report.notice:
        lines += [f"> **{report.notice}**", ""]
    lines += [f"- {d}" for d in report.details] + [""]
    head = report.letterhead
    if head is not None:
        lines += _addressees(head)
    lines += [report.intro, ""]
    for section in report.sections:
        lines += _section(section)
    if report.closing:
        lines += [report.closing, ""]
    if head is not None:
        lines += _signature(head)
    return "\n".join(lines).rstrip() + "\n"
