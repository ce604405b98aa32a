"""The elements of the Vietnamese administrative document around the report's body (Decree
30/2020/NĐ-CP, Appendix I, Part I, Section II; Appendix III, form 1.4): the issuing body and
its superior, the number and symbol, place and date, addressees, "Nơi nhận" and the signing
authority, worked out from the data."""

from __future__ import annotations

import re

from site_builder.inputs.loader import Dataset
from site_builder.model import Plan
from site_builder.model.agencies import Agency
from site_builder.output.report.bodies import agency_today, committee_name
from site_builder.output.report.document import Duty, Letterhead, lower_first

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


def letterhead_names(data: Dataset, agency: Agency) -> tuple[str | None, str]:
    """The managing body and the reporting body as printed in the header. A department of
    a province or district is managed by that unit's People's Committee; its own name then
    drops the locality, which the managing body's name carries (Appendix I, Part I, II.2.a)."""
    name = agency.name.vi
    unit = data.units.get(agency.unit)
    superior = None
    if agency.kind == "department" and unit is not None and unit.level in ("province", "district"):
        committee = committee_name(data, agency.unit)
        if committee is not None:
            superior = _abbreviate(committee.vi).upper()
            locality = unit.name.vi
            name = name.removesuffix(" " + lower_first(locality))
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
    return name.removesuffix(" " + lower_first(unit.name.vi)) if unit is not None else name


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
