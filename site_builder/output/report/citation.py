"""The plan as a report cites it: type, number and symbol, date, issuing body and summary
(Decree 30/2020/NĐ-CP, Appendix I, Part I, II.6.b), with blanks for the clerk where the
source leaves them blank."""

from __future__ import annotations

import re

from site_builder.model import Plan
from site_builder.output.report.document import text_of
from site_builder.render.dates import format_date

BLANK = "……"
"""A blank for the clerk, as the forms of Appendix III print them."""


def plan_number(plan: Plan) -> str:
    """The plan's number and symbol, with a blank for a number the source leaves blank
    ("Số: /KH-UBND" → "……/KH-UBND")."""
    if plan.number:
        return plan.number
    match = re.search(r"(/\S+)\s*$", plan.number_as_printed or "")
    return BLANK + match.group(1) if match else BLANK


def plan_date(plan: Plan, lang: str) -> str:
    """The date of issue, with blanks for the parts the source leaves blank ("ngày …… tháng 4 năm 2022")."""
    issued = str(plan.issued) if plan.issued else ""
    if len(issued) == 10:
        return format_date(issued, lang)
    if lang != "vi":
        return format_date(issued, lang) if issued else BLANK
    if not issued:
        return f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    return f"ngày {BLANK} " + (format_date(issued, "vi") if len(issued) == 7 else f"tháng {BLANK} năm {issued}")


def citation(plan: Plan, issuer: str | None, lang: str) -> str:
    """The plan as first cited in a document: type, number and symbol, date, issuing body and
    summary (Appendix I, Part I, II.6.b), with blanks ("……") where the source leaves the number
    or the day blank, so the clerk fills them in rather than the text hiding them. Without
    ``issuer`` (the subject line, which is short) the issuing body is left out."""
    if lang != "vi":
        details = ", ".join((plan_number(plan), plan_date(plan, lang)))
        return f"“{text_of(plan.title, lang)}” ({details})"
    kind = "Quyết định" if plan.document_type == "decision" else "Kế hoạch"
    title = plan.title.vi
    word = "Ban hành " if plan.document_type == "decision" else "Kế hoạch "
    if title.startswith(word):
        rest = title[len(word):]
        first = rest.split(" ", 1)[0]
        about = (rest[:1].lower() + rest[1:]) if first[1:] == first[1:].lower() else rest
        if plan.document_type == "decision":
            about = "ban hành " + rest
    else:
        about = "về " + title
    parts = [kind, f"số {plan_number(plan)}", plan_date(plan, "vi")]
    if issuer:
        parts.append(f"của {issuer}")
    parts.append(about)
    return " ".join(parts)
