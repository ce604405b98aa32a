"""Checks across the records of ``plans/``: references between files, duplicate ids, a
plan's structure, a progress file against its plan, missing English texts.

They run after every file was read and validated on its own (:mod:`.loader`), so that one
run reports every problem of every file; each problem names the file, line and field.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from site_builder.core.problems import Problem
from site_builder.inputs.validation import field_path
from site_builder.inputs.yamlsource import Loc, YamlDocument
from site_builder.model import Agency, Plan, Text, Unit, UnitFile
from site_builder.model.common import Succession
from site_builder.model.plans import LegalRef, Node, agency_references
from site_builder.model.progress import ProgressFile
from site_builder.model.units import Citation, Predecessor

UNITS_FILE = "units.yaml"
AGENCIES_FILE = "agencies.yaml"


def iter_models(obj: Any, loc: Loc = ()) -> Iterator[tuple[Loc, BaseModel]]:
    """Every pydantic model inside ``obj`` with its path, depth first, in field order."""
    if isinstance(obj, BaseModel):
        yield loc, obj
        for name in type(obj).model_fields:
            yield from iter_models(getattr(obj, name), loc + (name,))
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from iter_models(item, loc + (i,))


AGENCY = ("cơ quan", "agency")
UNIT = ("đơn vị", "unit")
PLAN = ("kế hoạch", "plan")
SOURCE = ("nguồn", "source")


class Checker:
    """Cross-file checks, run once every file has passed its own model."""

    def __init__(
        self, units: dict[str, Unit] | None, agencies: dict[str, Agency] | None, plan_ids: set[str],
        source_ids: set[str] | None = None,
    ) -> None:
        """``None`` for a table whose file failed to load: its references are not checked,
        so one broken file does not bury the editor under follow-on errors."""
        self.units = units
        self.agencies = agencies
        self.plan_ids = plan_ids
        self.source_ids = source_ids
        self.problems: list[Problem] = []

    def ref(self, doc: YamlDocument, loc: Loc, value: str | None, kind: tuple[str, str]) -> None:
        if value is None:
            return
        table: dict[str, Any] | set[str] | None
        if kind is AGENCY:
            table, where = self.agencies, f"plans/{AGENCIES_FILE}"
        elif kind is UNIT:
            table, where = self.units, f"plans/{UNITS_FILE}"
        elif kind is SOURCE:
            table, where = self.source_ids, f"plans/{UNITS_FILE} › sources"
        else:
            table, where = self.plan_ids, "plans/"
        if table is None or value in table:
            return
        close = difflib.get_close_matches(value, sorted(table), n=1, cutoff=0.6)
        vi_hint = f" (có phải '{close[0]}'?)" if close else ""
        en_hint = f" (did you mean '{close[0]}'?)" if close else ""
        line, column = doc.mark(loc)
        self.problems.append(Problem(
            doc.path, line, column, field_path(loc),
            f"không có {kind[0]} '{value}' trong {where}{vi_hint}",
            f"unknown {kind[1]} '{value}' in {where}{en_hint}",
        ))

    def ids(self, doc: YamlDocument, loc: Loc, values: list[str], kind: tuple[str, str]) -> None:
        for i, value in enumerate(values):
            self.ref(doc, loc + (i,), value, kind)

    def model(self, doc: YamlDocument, root: BaseModel, successor_kind: tuple[str, str]) -> None:
        """Check every id inside one file's model."""
        for loc, obj in iter_models(root):
            for name, ids in agency_references(obj):
                self.ids(doc, loc + (name,), ids, AGENCY)
            if isinstance(obj, Succession):
                self.ref(doc, loc + ("to",), obj.to, successor_kind)
            elif isinstance(obj, LegalRef):
                self.ref(doc, loc + ("plan",), obj.plan, PLAN)
            elif isinstance(obj, Unit):
                self.ref(doc, loc + ("parent",), obj.parent, UNIT)
            elif isinstance(obj, Predecessor):
                self.ref(doc, loc + ("unit",), obj.unit, UNIT)
            elif isinstance(obj, Citation):
                self.ref(doc, loc + ("source",), obj.source, SOURCE)
            elif isinstance(obj, Agency):
                self.ref(doc, loc + ("unit",), obj.unit, UNIT)
            elif isinstance(obj, Plan):
                self.ref(doc, loc + ("issuer",), obj.issuer, UNIT)
                self.ref(doc, loc + ("issuing_agency",), obj.issuing_agency, AGENCY)


def duplicates(doc: YamlDocument, items: list[Any], loc: Loc, what: tuple[str, str]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, item in enumerate(items):
        if item.id in seen:
            line, column = doc.mark(loc + (i, "id"))
            first = doc.mark(loc + (seen[item.id], "id"))[0]
            problems.append(Problem(
                doc.path, line, column, field_path(loc + (i, "id")),
                f"mã {what[0]} '{item.id}' bị trùng (đã có ở dòng {first})",
                f"duplicate {what[1]} id '{item.id}' (already used on line {first})",
            ))
        else:
            seen[item.id] = i
    return problems


def lineage(doc: YamlDocument, unit_file: UnitFile) -> list[Problem]:
    """A merger is recorded from both sides: a unit of today lists the former unit among its
    ``predecessors``, and the former unit names it in ``succeeded_by``. The unit of today's
    section carries the former unit's plans and pages, so a one-sided record would either
    lose them or show them under the wrong unit."""
    units = {u.id: u for u in unit_file.units}
    problems = []
    for i, unit in enumerate(unit_file.units):
        for j, pred in enumerate(unit.predecessors):
            former = units.get(pred.unit) if pred.unit else None
            if former is None:
                continue  # unknown ids are reported by the reference check
            loc: Loc = ("units", i, "predecessors", j, "unit")
            if pred.unit == unit.id:
                line, column = doc.mark(loc)
                problems.append(Problem(
                    doc.path, line, column, field_path(loc),
                    f"đơn vị '{unit.id}' không thể được hình thành từ chính nó",
                    f"unit '{unit.id}' cannot be formed from itself",
                ))
            elif not any(s.to == unit.id for s in former.succeeded_by):
                line, column = doc.mark(loc)
                problems.append(Problem(
                    doc.path, line, column, field_path(loc),
                    f"'{former.id}' được ghi là đơn vị trước của '{unit.id}' nhưng 'succeeded_by' của "
                    f"'{former.id}' không có 'to: {unit.id}'",
                    f"'{former.id}' is listed as a predecessor of '{unit.id}', but the 'succeeded_by' of "
                    f"'{former.id}' has no 'to: {unit.id}'",
                ))
        for j, succession in enumerate(unit.succeeded_by):
            successor = units.get(succession.to) if succession.to else None
            if successor is None or unit.level != "province" or successor.level != "province":
                continue  # a district's area going to its province is no merger of provinces
            if not any(p.unit == unit.id for p in successor.predecessors):
                loc = ("units", i, "succeeded_by", j, "to")
                line, column = doc.mark(loc)
                problems.append(Problem(
                    doc.path, line, column, field_path(loc),
                    f"'{successor.id}' chưa ghi '{unit.id}' trong 'predecessors' của mình",
                    f"'{successor.id}' does not list '{unit.id}' in its 'predecessors'",
                ))
    return problems


def _duplicate_assignments(doc: YamlDocument, plan: Plan) -> list[Problem]:
    """Two assignments with one numbering path could not be told apart by a progress record."""
    locs = {id(node): loc for loc, node in iter_models(plan) if isinstance(node, Node)}
    first: dict[str, Loc] = {}
    problems = []
    for key, node, _ in plan.assignments():
        loc = locs[id(node)]
        if key in first:
            line, column = doc.mark(loc)
            where = doc.mark(first[key])[0]
            problems.append(Problem(
                doc.path, line, column, field_path(loc),
                f"mục phân công có cùng số '{key}' với mục ở dòng {where}: thêm 'ref' để phân biệt",
                f"this assignment has the same numbering '{key}' as the one on line {where}: give it a 'ref'",
            ))
        else:
            first[key] = loc
    return problems


def plan_structure(doc: YamlDocument, plan: Plan, expected_id: str) -> list[Problem]:
    """Checks inside one plan that the model alone cannot make."""
    problems = []
    if plan.id != expected_id:
        line, column = doc.mark(("id",))
        problems.append(Problem(
            doc.path, line, column, "id",
            f"mã kế hoạch '{plan.id}' phải trùng tên tệp '{expected_id}.yaml'",
            f"plan id '{plan.id}' must match the file name '{expected_id}.yaml'",
        ))
    if plan.appendix is not None:
        base: Loc = ("appendix",)
        problems += duplicates(doc, plan.appendix.groups, base + ("groups",), ("nhóm", "group"))
        problems += duplicates(doc, plan.appendix.activities, base + ("activities",), ("hoạt động", "activity"))
        groups = [g.id for g in plan.appendix.groups]
        for i, activity in enumerate(plan.appendix.activities):
            if activity.group not in groups:
                line, column = doc.mark(base + ("activities", i, "id"))
                problems.append(Problem(
                    doc.path, line, column, field_path(base + ("activities", i, "id")),
                    f"hoạt động '{activity.id}' thuộc nhóm '{activity.group}' không có trong appendix.groups "
                    f"({', '.join(groups)})",
                    f"activity '{activity.id}' is in group '{activity.group}', which is not in appendix.groups "
                    f"({', '.join(groups)})",
                ))
    problems += _duplicate_assignments(doc, plan)
    if not any(ref.implements for ref in plan.legal_basis):
        line, column = doc.mark(("legal_basis",))
        problems.append(Problem(
            doc.path, line, column, "legal_basis",
            "cần đánh dấu văn bản mà kế hoạch này triển khai (implements: true)",
            "mark the document this plan carries out (implements: true)",
            severity="warning",
        ))
    return problems


def progress_structure(doc: YamlDocument, record: ProgressFile, stem: str, plan: Plan | None) -> list[Problem]:
    """A progress file names its plan and year in its file name, reports on activities the
    plan has, within the plan's period, and once per activity."""
    problems = []

    def add(loc: Loc, vi: str, en: str) -> None:
        line, column = doc.mark(loc)
        problems.append(Problem(doc.path, line, column, field_path(loc), vi, en))

    expected = f"{record.plan}-{record.year}"
    if stem != expected:
        add(("plan",), f"tệp phải tên là {expected}.yaml", f"the file must be named {expected}.yaml")
    if plan is None:
        return problems
    if not plan.period.start <= record.year <= plan.period.end:
        add(("year",), f"năm {record.year} nằm ngoài giai đoạn của kế hoạch ({plan.period.start}–{plan.period.end})",
            f"year {record.year} is outside the plan's period ({plan.period.start}–{plan.period.end})")
    if plan.appendix is not None:
        field, wrong, ids = "activity", "assignment", [a.id for a in plan.appendix.activities]
        what = ("hoạt động", "activity")
        misplaced = (f"kế hoạch {plan.id} có phụ lục: báo cáo theo mã hoạt động ('activity'), không theo mục phân công",
                     f"plan {plan.id} has an appendix: report on its activities ('activity'), not on assignments")
    else:
        field, wrong, ids = "assignment", "activity", [key for key, _, _ in plan.assignments()]
        what = ("mục phân công", "assignment")
        listed = ", ".join(ids[:4]) + (", …" if len(ids) > 4 else "")
        misplaced = (f"kế hoạch {plan.id} không có phụ lục: báo cáo theo mục phân công ('assignment': {listed})",
                     f"plan {plan.id} has no appendix: report on its assignments ('assignment': {listed})")
    seen: set[str] = set()
    for i, item in enumerate(record.records):
        if getattr(item, wrong) is not None:
            add(("records", i, wrong), *misplaced)
            continue
        target = item.target
        if target not in ids:
            close = difflib.get_close_matches(target, ids, n=1)
            hint = (f" (có phải '{close[0]}'?)", f" (did you mean '{close[0]}'?)") if close else ("", "")
            add(("records", i, field), f"kế hoạch {plan.id} không có {what[0]} '{target}'{hint[0]}",
                f"plan {plan.id} has no {what[1]} '{target}'{hint[1]}")
        elif target in seen:
            add(("records", i, field), f"{what[0]} '{target}' đã có báo cáo trong tệp này",
                f"{what[1]} '{target}' is already reported in this file")
        seen.add(target)
    return problems


def missing_translations(doc: YamlDocument, root: BaseModel) -> list[Problem]:
    problems = []
    for loc, obj in iter_models(root):
        if isinstance(obj, Text) and obj.en is None:
            line, column = doc.mark(loc + ("vi",))
            problems.append(Problem(
                doc.path, line, column, field_path(loc),
                "thiếu bản tiếng Anh (en)",
                "English translation (en) missing",
                severity="warning",
            ))
    return problems
