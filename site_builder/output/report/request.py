"""A report asked for on the command line (``python -m site_builder report``): checked
against the data, with a message in Vietnamese and English for each thing wrong, and what
to tell the reporting officer once it is written (the body it is issued as, where it goes
and by when)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from site_builder.derive.tracker import Tracker, plan_years
from site_builder.inputs.loader import Dataset
from site_builder.model import Plan
from site_builder.output.report.bodies import agency_today, successor_unit
from site_builder.output.report.duty import agency_tasks, reporting_duty
from site_builder.render.dates import format_date


class RequestError(Exception):
    """A report that cannot be written as asked; the message says why, in both languages."""


@dataclass(frozen=True)
class Request:
    """A report that can be written: the plan, the year (``None`` for the whole period),
    the reporting agency, and the unit of today whose body issues it (``--as``)."""

    plan: Plan
    year: int | None
    agency_id: str
    as_unit: str | None

    @property
    def years(self) -> list[int]:
        return plan_years(self.plan) if self.year is None else [self.year]

    @classmethod
    def of(cls, data: Dataset, plan_id: str, year: int | None, agency_id: str | None = None,
           as_unit: str | None = None) -> Request:
        """The report asked for: ``agency_id`` by default the body that issued the plan;
        :class:`RequestError` for an unknown plan or a year outside its period (the agency and
        ``as_unit`` are checked by :func:`check_request`)."""
        plan = _plan(data, plan_id, year)
        return cls(plan, year, agency_id or plan.issuing_agency, as_unit)


def _plan(data: Dataset, plan_id: str, year: int | None) -> Plan:
    if plan_id not in data.plans:
        raise RequestError(f"không có kế hoạch / unknown plan '{plan_id}' ({', '.join(data.plans)})")
    plan = data.plans[plan_id]
    if year is not None and not plan.period.start <= year <= plan.period.end:
        raise RequestError(f"năm ngoài giai đoạn / year outside the plan's period {plan.period.start}–{plan.period.end}")
    return plan


def _unknown_agency(data: Dataset, agency_id: str) -> RequestError:
    close = [a for a in data.agencies if a.startswith(agency_id)][:1] \
        or difflib.get_close_matches(agency_id, list(data.agencies), n=1, cutoff=0.6)
    return RequestError(f"không có cơ quan '{agency_id}' trong plans/agencies.yaml"
                        + (f" (có phải '{close[0]}'?)" if close else "")
                        + f"\n    unknown agency '{agency_id}' in plans/agencies.yaml"
                        + (f" (did you mean '{close[0]}'?)" if close else ""))


def _check_agency(data: Dataset, tracker: Tracker, plan: Plan, agency_id: str, years: list[int]) -> None:
    """The agency exists, is one body (not a collective phrase), and has tasks or records in the plan."""
    if agency_id not in data.agencies:
        raise _unknown_agency(data, agency_id)
    involved = ", ".join(sorted({a for task in tracker.tasks(plan) for a in task.agencies
                                 if a in data.agencies and data.agencies[a].kind != "collective"}))
    if data.agencies[agency_id].kind == "collective":
        raise RequestError(f"'{agency_id}' là một nhóm cơ quan, không ký được báo cáo: chọn một cơ quan ({involved})"
                           f"\n    '{agency_id}' names a group of agencies, which cannot sign a report: "
                           f"choose one ({involved})")
    if not agency_tasks(tracker, plan, agency_id, years):
        raise RequestError(f"cơ quan '{agency_id}' không có nhiệm vụ và không có báo cáo nào trong kế hoạch {plan.id}; "
                           f"các cơ quan có nhiệm vụ: {involved}"
                           f"\n    agency '{agency_id}' has no task and no record in plan {plan.id}; "
                           f"agencies with tasks: {involved}")


def _check_unit(data: Dataset, agency_id: str, as_unit: str | None) -> None:
    """``--as`` names the unit of today that took over the agency's unit."""
    unit_id = data.agencies[agency_id].unit
    successor = successor_unit(data, unit_id)
    if as_unit is not None and as_unit != successor:
        raise RequestError(f"'{as_unit}' không phải đơn vị kế thừa {unit_id}"
                           + (f" (đơn vị kế thừa: {successor})" if successor else " (đơn vị này vẫn còn)")
                           + f"\n    '{as_unit}' did not take over {unit_id}"
                           + (f" (its successor is {successor})" if successor else " (that unit still exists)"))


def check_request(data: Dataset, tracker: Tracker, request: Request) -> Request:
    """The report asked for (:meth:`Request.of`) if it can be written, or :class:`RequestError`."""
    _check_agency(data, tracker, request.plan, request.agency_id, request.years)
    _check_unit(data, request.agency_id, request.as_unit)
    return request


def _issuer_note(data: Dataset, request: Request) -> list[str]:
    """The successor body the report is issued as, or the hint that the agency is a former body."""
    agency = data.agencies[request.agency_id]
    if request.as_unit:
        body = agency_today(data, agency, request.as_unit).name
        return [f"ban hành dưới tên / issued as: {body.vi} / {body.en}"]
    successor = successor_unit(data, agency.unit)
    if successor is None:
        return []
    unit = data.units[agency.unit]
    return [f"lưu ý: {agency.name.vi} là cơ quan trước đây ({unit.name.vi} không còn); "
            f"để ban hành dưới tên cơ quan kế thừa, thêm --as {successor}"
            f"\n    note: {agency.name.en} is a former body ({unit.name.en} no longer "
            f"exists); to issue the report in its successor's name, add --as {successor}"]


def _duty_lines(data: Dataset, request: Request) -> list[str]:
    """Where the report goes, by when, and under which plan's reporting duty."""
    plan = request.plan
    duty = reporting_duty(data, plan, request.agency_id, request.years)
    names = "; ".join((agency_today(data, data.agencies[a]) if request.as_unit else data.agencies[a]).name.vi
                      for a in duty.recipients)
    lines = [f"gửi / to: {names or 'kế hoạch không quy định, điền vào báo cáo / not set by the plan, fill it in'}"]
    if duty.deadline:
        lines.append(f"hạn / due: {format_date(duty.deadline, 'vi')} / {format_date(duty.deadline, 'en')}")
    else:
        lines.append("hạn / due: kế hoạch không quy định / not set by the plan")
    if duty.source is not None and duty.source.id != plan.id:
        lines.append(f"    theo chế độ báo cáo của kế hoạch / under the reporting duty of plan {duty.source.id}")
    elif duty.source is None and duty.recipients:
        lines.append("    kế hoạch không giao chế độ báo cáo cho cơ quan này: gửi cơ quan ban hành kế hoạch\n"
                     "    the plan sets this agency no reporting duty: sent to the body that issued the plan")
    return lines


def report_notes(data: Dataset, request: Request) -> list[str]:
    """What to tell the officer once the report is written."""
    return _issuer_note(data, request) + _duty_lines(data, request)
