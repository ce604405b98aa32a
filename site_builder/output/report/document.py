"""The report as a document: its parts and the elements of the administrative form around
them, built by :mod:`site_builder.output.report.compose` and written by
:mod:`site_builder.output.report.markdown` and :mod:`site_builder.output.report.docx`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from site_builder.model import Plan, Text


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float]
    """Relative column widths."""


@dataclass
class Section:
    """A numbered part of the body. Levels follow Decree 30/2020/NĐ-CP, Appendix I, Part I,
    Section V, row 6b (a document divided into parts, sections, clauses and points):
    1 is a section ("I."), 2 a clause ("1."), 3 a point ("a)")."""

    heading: str
    level: int = 1
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    """Lines shown with a leading dash."""
    table: Table | None = None


@dataclass
class Duty:
    """Who receives the report and by when, from a plan's reporting duty."""

    recipients: list[str]
    """Agency ids."""
    deadline: dt.date | str | None
    """The due date (a partial ISO date for a one-off deadline the source gives as a month)."""
    what: Text | None
    source: Plan | None
    """The plan whose reporting duty was used; ``None`` when no duty applies."""
    upward: bool
    """True when the report goes up to a superior body: it then names the recipients after
    "Kính gửi" (Decree 30/2020/NĐ-CP, Appendix I, Part I, II.9.b)."""
    drafter: str | None = None
    """The agency that drafts the report for the signing body: the one the duty asks to
    report to that body and the others ("báo cáo Ủy ban nhân dân tỉnh, Bộ …": the department
    drafts, the People's Committee sends it on). ``None`` when the body drafts its own."""


@dataclass
class Letterhead:
    """The elements of the Vietnamese administrative document around the body
    (Decree 30/2020/NĐ-CP, Appendix I, Part I, Section II; Appendix III, form 1.4)."""

    superior: str | None
    """The directly managing body, upper case with common abbreviations (II.2.a): "UBND TỈNH SÓC TRĂNG"."""
    issuer: str
    """The reporting body, upper case (II.2.b)."""
    number: str
    """"Số:      /BC-UBND": the number blank for the clerk; "…" where the body's abbreviation is not known (II.3)."""
    place_date: str
    """"Sóc Trăng, ngày … tháng … năm …" (II.4)."""
    addressees: list[str]
    """After "Kính gửi" (II.9.b), for a report sent up to a superior body; else empty."""
    copies: list[str]
    """The "Nơi nhận" lines (II.9.b-d), without dashes and end punctuation; the last is
    "Lưu: VT, <the drafting unit>" (II.9.d)."""
    authority: str | None
    """"TM. ỦY BAN NHÂN DÂN" (II.7.b); ``None`` when the head signs in their own right."""
    position: str
    """The signer's position, upper case (II.7.c), or the form's placeholder."""
    signer: str = "……………………"
    """The signer's full name under the room for the signature (II.7.d: "Họ và tên", bold,
    centred under the position): a dotted blank, since the records do not say who signs."""


@dataclass
class Report:
    lang: str
    title: str
    """The whole title: "Báo cáo kết quả thực hiện …"."""
    doc_type: str
    """"BÁO CÁO" / "Report"."""
    summary: str
    """The summary line under the document type (trích yếu)."""
    intro: str
    notice: str | None
    """The example-data notice, or ``None`` for real records."""
    footer: str | None
    """The example-data mark printed on every page."""
    sections: list[Section]
    closing: str | None
    agency: str
    """The reporting agency's name."""
    duty: Duty
    details: list[str]
    """Plain lines under the title of the English report: agency, recipients, deadline, status of the text."""
    letterhead: Letterhead | None = None
    date: dt.date | None = None
    """For the document properties: when the records were last updated."""
    former: str | None = None
    """A note that the body the report is written for (or that issued the plan) no longer
    exists and who took it over, printed above the opening."""


def text_of(text: Text | None, lang: str) -> str:
    """A text of the records in the report's language; empty for none."""
    if text is None:
        return ""
    return text.text(lang)


def lower_first(text: str) -> str:
    """A name as it reads inside a sentence ("tỉnh Sóc Trăng" after "Ủy ban nhân dân")."""
    return text[:1].lower() + text[1:]
