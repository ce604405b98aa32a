"""``python -m site_builder report``: the yearly (or five-year) report the plans require.

Written from the implementation records in the form the plans ask for: results per
content area and per agency, activities not carried out and why, activities not
reported, difficulties and proposals, by one reporting agency (``--agency``; by default
the body that issued the plan, which then reports on every task). Written as Markdown
and as ``.docx`` in Vietnamese and English.

The Vietnamese ``.docx`` is laid out as an administrative document under Decree
30/2020/NĐ-CP (:mod:`site_builder.output.report.docx`): this module works out what goes into
each of its elements (the issuing body and its superior, the number and symbol, place
and date, addressees, "Nơi nhận", the signing authority) from the data. Recipients and
the deadline come from the plan's reporting duty (:func:`reporting_duty`). The English
report is a courtesy translation in a plain layout.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from site_builder.core.i18n import format_share, translations
from site_builder.core.vocabulary import STATUS_BY_ID, TOPICS
from site_builder.derive.index import LEVEL_ORDER
from site_builder.derive.tracker import NOT_REPORTED, STATUSES, Task, Tracker, plan_years, records_of
from site_builder.inputs.loader import Dataset
from site_builder.model import Plan, Text
from site_builder.model.agencies import Agency
from site_builder.model.plans import Deadline
from site_builder.model.progress import Record
from site_builder.render.dates import format_date


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


def _tx(text: Text | None, lang: str) -> str:
    if text is None:
        return ""
    return text.text(lang)


# ── The reporting agency and its duty ───────────────────────────────────────────────

RANK = {"government": 0, "committee": 1, "ministry": 1, "party": 1, "people-committee": 2}
"""How high a body stands within its level of government; everything else ranks 3."""


def _standing(data: Dataset, agency: Agency) -> tuple[int, int]:
    unit = data.units.get(agency.unit)
    return (LEVEL_ORDER.get(unit.level, 0) if unit else 0, RANK.get(agency.kind, 3))


def plan_deadlines(plan: Plan) -> list[Deadline]:
    return [d for node, _, _ in plan.nodes() for d in node.deadlines]


def reporting_duty(data: Dataset, plan: Plan, agency_id: str, years: list[int]) -> Duty:
    """The recipients and deadline of ``agency_id``'s report for ``years``.

    The plan's yearly deadlines (for a period report its one-off deadlines first, the
    five-year reviews) that name the agency among those who report, or else that name a
    collective phrase ("các cơ quan, đơn vị") the agency does not receive for (not for the
    body that issued the plan: those phrases name the bodies it addresses). The body that
    issued the plan, when its own plan sets it no duty, reports under the plan its plan
    implements. An agency with no duty at all reports to the plan's issuing body."""
    agency = data.agencies[agency_id]

    def matching(p: Plan, collective: bool = True) -> list[Deadline]:
        deadlines = plan_deadlines(p)
        for recurrence in (("once", "yearly", "unstated") if len(years) > 1 else ("yearly", "unstated")):
            candidates = [d for d in deadlines if d.recurrence == recurrence and d.to_agencies != [agency_id]]
            direct = [d for d in candidates if agency_id in d.from_agencies]
            if direct:
                return direct
            groups = [d for d in candidates if agency_id not in d.to_agencies
                          and any(data.agencies[a].kind == "collective" for a in d.from_agencies if a in data.agencies)]
            if collective and groups:
                return groups
        return []

    source: Plan | None = plan
    found = matching(plan, collective=agency_id != plan.issuing_agency)  # the issuer is not among those it addresses
    if not found and agency_id == plan.issuing_agency and plan.parent_plan in data.plans:
        source = data.plans[plan.parent_plan]  # type: ignore[index]
        found = matching(source)
    drafter: str | None = None
    if not found and agency_id == plan.issuing_agency:
        # The plan asks one of its bodies to report to the issuer *and* to others: the
        # issuer's own report goes on to those others, drafted by that body.
        relays = [d for d in plan_deadlines(plan) if agency_id in d.to_agencies and set(d.to_agencies) - {agency_id}
                  and d.recurrence in ("yearly", "unstated")]
        if relays:
            source, found = plan, relays
            drafter = next((a for a in relays[0].from_agencies if a in data.agencies
                            and data.agencies[a].kind != "collective"), None)
    deadline: dt.date | str | None = None
    what: Text | None = None
    if found:
        recipients = list(dict.fromkeys(a for d in found for a in d.to_agencies if a != agency_id))
        first = found[0]
        what = first.what
        if first.recurrence == "yearly" and first.month and first.day:
            deadline = dt.date(years[-1], first.month, first.day)
        elif first.date:
            deadline = str(first.date)
    elif agency_id != plan.issuing_agency:
        recipients, source = [plan.issuing_agency], None
    else:
        recipients, source = [], None
    mine = _standing(data, agency)
    upward = any(_standing(data, data.agencies[r]) < mine for r in recipients if r in data.agencies)
    return Duty(recipients, deadline, what, source, upward, drafter)


def agency_tasks(tracker: Tracker, plan: Plan, agency_id: str, years: list[int]) -> list[Task]:
    """The tasks a report covers: every task for the plan's issuing body, else the tasks the
    agency leads or is assigned, and those it reported on."""
    tasks = tracker.tasks(plan)
    if agency_id == plan.issuing_agency:
        return tasks
    reported = {key for year in years for key, r in records_of(tracker.data, plan, year)[1].items()
                if r.reporting_agency == agency_id}
    return [t for t in tasks if agency_id in t.agencies or t.key in reported]


# ── The elements of the Vietnamese administrative document ──────────────────────────

HEADS = (
    ("Ban Chỉ đạo", "TRƯỞNG BAN"),
    ("Sở ", "GIÁM ĐỐC"),
    ("Phòng ", "TRƯỞNG PHÒNG"),
    ("Cục ", "CỤC TRƯỞNG"),
    ("Vụ ", "VỤ TRƯỞNG"),
    ("Văn phòng ", "CHÁNH VĂN PHÒNG"),
)
"""The head's position by the first words of a body's name. Bodies not listed get the
placeholder of Decree 30/2020/NĐ-CP, Appendix III, form 1.4, for the clerk to replace."""

POSITION_PLACEHOLDER = "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ"


def _abbreviate(name: str) -> str:
    """Common abbreviations in the name of the managing body (Appendix I, Part I, II.2.a)."""
    return name.replace("Ủy ban nhân dân", "UBND")


def _symbol(data: Dataset, plan: Plan, agency_id: str) -> str:
    """The abbreviation of the reporting body's name in the document symbol: known for the
    body that issued the plan from the plan's own number ("01/QĐ-BCĐASEAN", "/KH-UBND"),
    else "…" for the clerk (each body sets its own abbreviations: Appendix I, Part I, II.3.b)."""
    if agency_id == plan.issuing_agency:
        for number in (plan.number, plan.number_as_printed):
            match = re.search(r"/[^\s/-]+-(\S+)$", number or "")
            if match:
                return match.group(1)
    return "…"


def signing(agency: Agency) -> tuple[str | None, str]:
    """Authority and position of the signer (Appendix I, Part I, II.7.b-c): a People's
    Committee signs on behalf of the collective ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", as in
    the example of Section V, row 7); other bodies by their head."""
    if agency.kind == "people-committee":
        return "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
    if agency.kind == "ministry":
        return None, "BỘ TRƯỞNG"
    for prefix, head in HEADS:
        if agency.name.vi.startswith(prefix):
            return None, head
    return None, POSITION_PLACEHOLDER


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def successor_unit(data: Dataset, unit_id: str) -> str | None:
    """The unit of today that took over a former unit (``succeeded_by.to``, followed through
    later reorganisations); ``None`` for a unit of today."""
    seen, current = {unit_id}, unit_id
    while current in data.units and not data.units[current].current:
        targets = [s.to for s in data.units[current].succeeded_by if s.to and s.to not in seen]
        if not targets:
            return None
        current = targets[0]
        seen.add(current)
    return None if current == unit_id else current


def _committee_name(data: Dataset, unit_id: str) -> Text | None:
    """The People's Committee of a province or district: its record, or the name the Law on
    the Organisation of Local Government gives it ("Ủy ban nhân dân" + the unit's name)."""
    committee = next((a for a in data.agencies.values() if a.kind == "people-committee" and a.unit == unit_id), None)
    if committee is not None:
        return committee.name
    unit = data.units.get(unit_id)
    if unit is None or unit.level == "national":
        return None
    return Text(vi="Ủy ban nhân dân " + _lower_first(unit.name.vi), en=f"{unit.name.en} People's Committee")


def agency_today(data: Dataset, agency: Agency, unit_id: str | None = None) -> Agency:
    """The body that carries ``agency``'s work today: its recorded successor (``succeeded_by.to``),
    else, when its unit was merged into ``unit_id`` (by default the unit's successor), the
    same body of that unit under its latest recorded name ("Sở Thông tin và Truyền thông tỉnh
    Sóc Trăng" → "Sở Khoa học và Công nghệ tỉnh Sóc Trăng" → "Sở Khoa học và Công nghệ thành
    phố Cần Thơ"). A body that still exists is returned as it is."""
    seen = {agency.id}
    current = agency
    while True:
        nxt = next((s.to for s in current.succeeded_by if s.to in data.agencies and s.to not in seen), None)
        if nxt is None:
            break
        seen.add(nxt)
        current = data.agencies[nxt]
    old = data.units.get(current.unit)
    target = unit_id or successor_unit(data, current.unit)
    if old is None or old.current or target is None or target == current.unit or target not in data.units:
        return current
    new = data.units[target]
    if current.kind == "people-committee":
        name = _committee_name(data, target)
        assert name is not None
    else:
        named = next((s.name for s in reversed(current.succeeded_by) if s.name is not None), None) or current.name
        vi = named.vi.replace(_lower_first(old.name.vi), _lower_first(new.name.vi))
        en = named.en
        if en and old.short_name and new.short_name and old.short_name.en and new.short_name.en:
            en = en.replace(old.short_name.en, new.name.en or new.short_name.en)
        name = Text(vi=vi, en=en)
    short = None
    if current.kind == "people-committee":
        short = Text(vi="UBND " + _lower_first(new.name.vi), en=name.en)
    return Agency.model_construct(id=f"{current.id}-today-{target}", name=name, short=short, kind=current.kind,
                                  unit=target, succeeded_by=[])


def former_note(data: Dataset, agency: Agency, lang: str, instead: Agency | None = None) -> str | None:
    """That the body a report names belongs to a unit that no longer exists, and which unit
    took it over (units.yaml ``succeeded_by``); with ``instead``, that the report is issued by
    the successor body in its place."""
    unit = data.units.get(agency.unit)
    if unit is None or unit.current:
        return None
    succession = next((s for s in unit.succeeded_by if s.to in data.units), None)
    if succession is None:
        return None
    t = translations(lang).gettext
    successor = data.units[succession.to]  # type: ignore[index]
    values = {"unit": _tx(unit.name, lang), "date": format_date(succession.effective, lang),
              "successor": _tx(successor.name, lang), "source": _tx(succession.source, lang),
              "body": _tx(agency.name, lang)}
    if lang == "vi":
        values["successor"] = _lower_first(values["successor"])
    if instead is None:
        return t("%(unit)s no longer exists: since %(date)s its area belongs to %(successor)s (%(source)s). "
                 "%(body)s, named in this report, is the former body.") % values
    values["unit"] = _lower_first(values["unit"]) if lang == "vi" else values["unit"]
    values["new"] = _tx(instead.name, lang)
    return t("%(new)s reports in place of %(body)s, a former body: since %(date)s %(unit)s belongs to "
             "%(successor)s (%(source)s).") % values


def letterhead_names(data: Dataset, agency: Agency) -> tuple[str | None, str]:
    """The managing body and the reporting body as printed in the header. A department of
    a province or district is managed by that unit's People's Committee; its own name then
    drops the locality, which the managing body's name carries (Appendix I, Part I, II.2.a)."""
    name = agency.name.vi
    unit = data.units.get(agency.unit)
    superior = None
    if agency.kind == "department" and unit is not None and unit.level in ("province", "district"):
        committee = _committee_name(data, agency.unit)
        if committee is not None:
            superior = _abbreviate(committee.vi).upper()
            locality = unit.name.vi
            name = name.removesuffix(" " + locality[:1].lower() + locality[1:])
    return superior, name.upper()


def place_of(data: Dataset, plan: Plan, agency: Agency) -> str:
    """The place name (Appendix I, Part I, II.4.a): the plan's own for a body of the unit
    that issued it, else the name of the body's province or district; "……" for the clerk
    when neither is known."""
    if agency.unit == plan.issuer and plan.place is not None:
        return plan.place.vi
    unit = data.units.get(agency.unit)
    if unit is not None and unit.level != "national" and unit.short_name is not None:
        return unit.short_name.vi
    return "……"


def _recipient_name(data: Dataset, agency_id: str, short: bool, today: bool = False) -> str:
    agency = data.agencies[agency_id]
    if today:
        agency = agency_today(data, agency)
    return agency.short.vi if short and agency.short is not None else agency.name.vi


def drafting_unit(data: Dataset, duty: Duty, today: bool = False) -> str:
    """The drafting unit after "Lưu: VT," (Appendix I, Part I, II.9.d: the abbreviated name of
    the unit that drafted the document): the body the duty has draft the report, by its short
    name; "……" for the clerk when a body drafts its own report in one of its divisions. The
    number of copies kept, which the clerk adds where the body's rules ask for it, is left off.
    (A third-party restatement found when checking this, a document checker citing point d,
    clause 9, Section II, Part I of Appendix I, gives the same line, "Lưu: VT, <abbreviation
    of the drafting unit>", followed by the number of copies.)"""
    if duty.drafter is None or duty.drafter not in data.agencies:
        return "……"
    agency = data.agencies[duty.drafter]
    if today:
        agency = agency_today(data, agency)
    if agency.short is not None:
        return agency.short.vi
    unit = data.units.get(agency.unit)
    name = agency.name.vi
    return name.removesuffix(" " + _lower_first(unit.name.vi)) if unit is not None else name


def letterhead(data: Dataset, plan: Plan, agency: Agency, duty: Duty, original: str | None = None) -> Letterhead:
    """The elements around the body. ``original`` is the id of the body ``agency`` stands in for
    when the report is issued by its successor (``report --as``): the recipients are then the
    bodies of today too."""
    today = original is not None
    superior, issuer = letterhead_names(data, agency)
    authority, position = signing(agency)
    if duty.upward:
        addressees = [_recipient_name(data, r, short=False, today=today) for r in duty.recipients]
        copies = ["Như trên"]
    else:
        addressees = []
        copies = [_recipient_name(data, r, short=True, today=today) for r in duty.recipients] or ["……"]
    copies.append(f"Lưu: VT, {drafting_unit(data, duty, today)}")
    return Letterhead(
        superior=superior,
        issuer=issuer,
        number=f"Số:        /BC-{_symbol(data, plan, original or agency.id)}",
        place_date=f"{place_of(data, plan, agency)}, ngày …… tháng …… năm ……",
        addressees=addressees,
        copies=copies,
        authority=authority,
        position=position,
    )


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
        return f"“{_tx(plan.title, lang)}” ({details})"
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


# ── The report ──────────────────────────────────────────────────────────────────────

def _evidence(record: Record, lang: str) -> str:
    out = []
    for item in record.evidence:
        where = item.url or f"/{lang}/{item.page}"
        out.append(f"{_tx(item.title, lang)} ({where})")
    return "; ".join(out)


POINTS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y")
"""Points are lettered in the order of the Vietnamese alphabet (Appendix I, Part I, II.6.đ),
as the appendix itself does: a), b), c), d), đ), e), g)."""


def task_name(task: Task, lang: str) -> str:
    """A task's key and full sentence, ready for ": status": without the end punctuation, and
    without the comma left when a list the source ends with "..." loses its dots."""
    return f"{task.key} {_tx(task.name, lang).rstrip('.;:, ')}"


def build_report(data: Dataset, plan_id: str, years: list[int], lang: str, agency_id: str | None = None,
                 tracker: Tracker | None = None, as_unit: str | None = None) -> Report:
    """The report of ``agency_id`` (by default the plan's issuing body) on ``years``. With
    ``as_unit`` (a unit of today that took over the body's unit), the report is issued in the
    name of the successor body (:func:`agency_today`): heading, place and signature are its
    own, and the report says whom it stands in for."""
    t = translations(lang).gettext
    plan: Plan = data.plans[plan_id]
    agency_id = agency_id or plan.issuing_agency
    original = data.agencies[agency_id]
    agency = agency_today(data, original, as_unit) if as_unit else original
    former = former_note(data, original, lang, instead=agency if agency is not original else None)
    agency_name = _tx(agency.name, lang)
    tracker = tracker or Tracker(data)
    tasks = agency_tasks(tracker, plan, agency_id, years)
    whole_plan = agency_id == plan.issuing_agency
    by_assignment = plan.tracks_assignments
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    files = [f for y in years if (f := data.progress.get((plan.id, y))) is not None]
    example = any(f.example for f in files)
    status_names = {term_id: term.label(t) for term_id, term in STATUS_BY_ID.items()}
    task_word = t("Assignment") if by_assignment else t("Activity")
    several_years = len(years) > 1
    example_mark = t("example data")

    summary_table = Table(
        [t("Year"), *[status_names[s] for s in STATUSES], status_names[NOT_REPORTED],
         t("Progress of reported assignments") if by_assignment else t("Progress of reported activities")],
        [], [1.6, 1.3, 1.5, 1.3, 1.3, 1.1, 1.3, 1.6])
    header = ([t("Year")] if several_years else []) + [task_word, t("Results"), t("Status"), t("Progress"), t("Evidence")]
    widths = ([1.2] if several_years else []) + [3.4, 4.3, 1.6, 1.5, 2.4]
    by_topic: dict[str, list[list[str]]] = {}
    by_agency: dict[str, list[str]] = {}
    not_done: list[str] = []
    not_reported: list[str] = []
    difficulties: list[str] = []
    proposals: list[str] = []
    for year in years:
        s = tracker.summarize(year, [(plan, tasks)])
        summary_table.rows.append([f"{year} ({example_mark})" if s.example else str(year), *[str(s.counts[x]) for x in STATUSES],
                                   str(s.not_reported), "—" if s.progress is None else format_share(s.progress, lang)])
        file, records = records_of(data, plan, year)
        progress = tracker.progress(plan, year)
        for task in tasks:
            record = records.get(task.key)
            name = task_name(task, lang)
            if record is None:
                not_reported.append(f"{year}: {name}")
                continue
            percent = "—" if record.percent is None else format_share(record.percent, lang)
            computed = progress.get(task.key)
            if computed is not None and computed != record.percent:
                below = t("with the assignments below it: %(progress)s") % {"progress": format_share(computed, lang)}
                percent += f" ({below})"
            result = _tx(record.done, lang)
            for milestone in record.milestones:
                when_done = format_date(milestone.date, lang)
                result += f" {when_done[:1].upper()}{when_done[1:]}: {_tx(milestone.text, lang).rstrip('.')}."
            row = ([str(year)] if several_years else []) + [
                name, result, status_names[record.status], percent, _evidence(record, lang) or "—"]
            for topic in task.pillars or ("-",):
                by_topic.setdefault(topic, []).append(row)
            percent_note = f", {format_share(record.percent, lang)})" if record.percent is not None else ")"
            line = f"{task.key} ({status_names[record.status]}" + percent_note
            by_agency.setdefault(record.reporting_agency, []).append((f"{year}, " if several_years else "") + line)
            if record.status in ("not-started", "cancelled"):
                line = f"{year}, {name}: {status_names[record.status]}"
                if record.percent is not None:
                    line += f" ({format_share(record.percent, lang)})"
                not_done.append(f"{line}. {_tx(record.done, lang)}")
        if file is not None:
            if file.difficulties:
                difficulties.append(f"{year}: {_tx(file.difficulties, lang)}")
            if file.proposals:
                proposals.append(f"{year}: {_tx(file.proposals, lang)}")

    nothing = t("No assignment was reported.") if by_assignment else t("No activity was reported.")
    other = t("Other assignments") if by_assignment else t("Other activities")
    topic_names = {tp.id: tp.name(lang) for tp in TOPICS} | {"-": other}
    results = Section("I. " + t("Results"))
    overview = Section("1. " + t("Overview"), level=2, table=summary_table)
    content = Section("2. " + t("Results by content area"), level=2)
    sections = [results, overview, content]
    letters = iter(POINTS)
    for topic in [*(tp.id for tp in TOPICS), "-"]:
        if topic in by_topic:
            sections.append(Section(f"{next(letters)}) {topic_names[topic]}", level=3,
                                    table=Table(header, by_topic[topic], widths)))
    if not by_topic:
        content.paragraphs.append(nothing)
    if whole_plan:
        sections.append(Section("3. " + t("Results by agency"), level=2, items=[
            f"{_tx(data.agencies[a].name, lang)}: {'; '.join(lines)}." for a, lines in by_agency.items()] or [nothing]))
    sections += [
        Section("II. " + (t("Assignments not carried out, and why") if by_assignment
                          else t("Activities not carried out, and why")), items=not_done or [t("None.")]),
        Section("III. " + (t("Assignments not reported") if by_assignment else t("Activities not reported")),
                items=not_reported or [t("None.")]),
        Section("IV. " + t("Difficulties"), items=difficulties or [t("Not stated in the records.")]),
        Section("V. " + t("Proposals"), items=proposals or [t("Not stated in the records.")]),
    ]

    duty = reporting_duty(data, plan, agency_id, years)
    plan_name = citation(plan, None, lang)
    when = (t("in %(year)s") % {"year": span}) if not several_years else (t("in %(years)s") % {"years": span})
    if plan.period.start == plan.period.end:  # a one-year plan names its year already
        title = t("Report on the implementation of %(plan)s") % {"plan": plan_name}
        summary = t("Results of implementing %(plan)s") % {"plan": plan_name}
    else:
        title = t("Report on the implementation of %(plan)s, %(years)s") % {"plan": plan_name, "years": span}
        summary = t("Results of implementing %(plan)s %(when)s") % {"plan": plan_name, "when": when}
    issuer = _tx(data.agencies[plan.issuing_agency].name, lang) if plan.issuing_agency in data.agencies else ""
    intro = t("Under %(plan)s, %(agency)s reports its results %(when)s as follows:") % {
        "plan": citation(plan, issuer, lang), "agency": agency_name, "when": when}
    closing = t("This is the report of %(agency)s on its results %(when)s in implementing the plan.") % {
        "agency": agency_name, "when": when}
    notice = None
    if example:
        notice = t("EXAMPLE DATA: these records only illustrate the report; they are not the unit's real results.")
    footer = t("EXAMPLE DATA: not the unit's real results") if example else None
    recipients = "; ".join(_tx((agency_today(data, data.agencies[r]) if as_unit else data.agencies[r]).name, lang)
                           for r in duty.recipients) or t("not set by the plan")
    due = (format_date(duty.deadline, lang) if duty.deadline else t("not set by the plan"))
    if duty.deadline and duty.what:
        due += f" ({_tx(duty.what, lang)})"
    details = [
        t("Reporting agency: %(agency)s") % {"agency": agency_name},
        t("To: %(recipients)s") % {"recipients": recipients},
        t("Due: %(date)s") % {"date": due},
    ]
    if former:
        details.append(former)
    if lang != "vi":
        details.append(t("This English text is a courtesy translation: the Vietnamese report is the authoritative text."))
    updated = max((str(f.updated) for f in files), default=None)
    date = dt.date(*[int(p) for p in (updated + "-01-01")[:10].split("-")]) if updated else None
    return Report(
        lang=lang, title=title, doc_type=t("REPORT"), summary=summary, intro=intro, notice=notice, footer=footer,
        sections=sections, closing=closing if lang == "vi" else None, agency=agency_name, duty=duty, details=details,
        letterhead=letterhead(data, plan, agency, duty, agency_id if as_unit else None) if lang == "vi" else None,
        date=date, former=former,
    )


def to_markdown(report: Report) -> str:
    lines = [f"# {report.title}", ""]
    if report.notice:
        lines += [f"> **{report.notice}**", ""]
    lines += [f"- {d}" for d in report.details] + [""]
    head = report.letterhead
    if head is not None and head.addressees:
        lines += ["Kính gửi: " + ("; ".join(head.addressees) + "." if len(head.addressees) > 1 else head.addressees[0]), ""]
    lines += [report.intro, ""]
    for section in report.sections:
        lines += [f"{'#' * (section.level + 1)} {section.heading}", ""]
        if section.table:
            lines.append("| " + " | ".join(section.table.header) + " |")
            lines.append("|" + " --- |" * len(section.table.header))
            lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in section.table.rows]
            lines.append("")
        lines += section.paragraphs + ([""] if section.paragraphs else [])
        lines += [f"- {item}" for item in section.items]
        if section.items:
            lines.append("")
    if report.closing:
        lines += [report.closing, ""]
    if head is not None:
        lines += ["**Nơi nhận:**", ""] + [f"- {c}" for c in head.copies] + [""]
        lines += [f"**{' '.join(x for x in (head.authority, head.position) if x)}**", "", f"**{head.signer}**", ""]
    return "\n".join(lines).rstrip() + "\n"


def report_label(plan: Plan, year: int | None, agency_id: str | None, as_unit: str | None = None) -> str:
    years = plan_years(plan) if year is None else [year]
    label = str(year) if year is not None else f"{years[0]}-{years[-1]}"
    if agency_id and agency_id != plan.issuing_agency:
        label += f"-{agency_id}"
    if as_unit:
        label += f"-as-{as_unit}"
    return f"{plan.id}-{label}"


def write_reports(data: Dataset, plan_id: str, year: int | None, out: Path, agency_id: str | None = None,
                  tracker: Tracker | None = None, as_unit: str | None = None) -> list[Path]:
    """Both languages, as Markdown and .docx; the whole period when ``year`` is ``None``."""
    tracker = tracker or Tracker(data)
    from site_builder.output.report.docx import to_docx

    plan = data.plans[plan_id]
    years = plan_years(plan) if year is None else [year]
    name = report_label(plan, year, agency_id, as_unit)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in ("vi", "en"):
        report = build_report(data, plan_id, years, lang, agency_id, tracker, as_unit)
        md = out / f"{name}.{lang}.md"
        md.write_text(to_markdown(report), encoding="utf-8")
        docx = out / f"{name}.{lang}.docx"
        docx.write_bytes(to_docx(report))
        written += [md, docx]
    return written
