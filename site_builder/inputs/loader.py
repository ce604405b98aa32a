"""Load and check the whole of ``plans/``: every file, every model, every reference.

Loading happens in three passes so that one run reports everything: read and parse
each file (a broken file does not stop the others), validate each against its model,
then resolve ids across files (agencies, units, plans). Only a dataset without errors
is returned; the site is never built from a half-valid model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from site_builder.core.problems import Problem, ProblemList
from site_builder.inputs.files import scan_plans
from site_builder.inputs.markup_check import check_data
from site_builder.inputs.references import (
    AGENCIES_FILE,
    AGENCY,
    PLAN,
    SOURCE,
    UNIT,
    UNITS_FILE,
    Checker,
    duplicates,
    lineage,
    missing_translations,
    plan_structure,
    progress_structure,
)
from site_builder.inputs.validation import validate
from site_builder.inputs.yamlsource import YamlDocument, load_yaml
from site_builder.model import Agency, AgencyFile, Plan, Unit, UnitFile
from site_builder.model.progress import ProgressFile
from site_builder.model.units import Source

RESERVED = {UNITS_FILE, AGENCIES_FILE}
PROGRESS_DIR = "progress"
"""Implementation records: ``plans/progress/<plan-id>-<year>.yaml``."""
EXAMPLES_DIR = "examples"
"""Example records (``plans/examples/progress/``): they show editors how a unit reports
its results. A build for publishing (``build --strict``) does not read them; every other
build and the preview do, and label them "example data" wherever they are shown."""


@dataclass
class Dataset:
    """Everything in ``plans/``, validated and cross-checked."""

    units: dict[str, Unit]
    agencies: dict[str, Agency]
    plans: dict[str, Plan]
    files: dict[str, str] = field(default_factory=dict)
    """Which file each plan came from (``plan id → plans/<id>.yaml``)."""
    progress: dict[tuple[str, int], ProgressFile] = field(default_factory=dict)
    """Implementation records by (plan id, year)."""
    sources: dict[str, Source] = field(default_factory=dict)
    """The published documents that facts about units cite, by id."""


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _example_problem(doc: YamlDocument) -> Problem:
    """A record marked ``example: true`` among the published ones: a build for publishing
    would show made-up results as a unit's report."""
    line, column = doc.mark(("example",))
    name = doc.path.rsplit("/", 1)[-1]
    return Problem(
        doc.path, line, column, "example",
        "bản dựng để đăng (--strict) không đăng dữ liệu ví dụ: thay bằng báo cáo thật của đơn vị "
        f"(và bỏ dòng 'example: true'), hoặc chuyển tệp sang plans/{EXAMPLES_DIR}/{PROGRESS_DIR}/{name}, "
        "nơi bản xem trước vẫn hiện nó với nhãn \"Dữ liệu ví dụ\"",
        "a build for publishing (--strict) does not publish example data: replace it with the unit's real "
        f"report (and remove 'example: true'), or move the file to plans/{EXAMPLES_DIR}/{PROGRESS_DIR}/{name}, "
        "where the preview still shows it, labelled \"Example data\"",
    )


def check_dataset(root: Path, publishing: bool = False) -> tuple[Dataset | None, ProblemList]:
    """Load ``root/plans`` and return the dataset (``None`` if any error) and all problems.

    ``publishing`` (a build for publishing, ``build --strict``): the example records of
    ``plans/examples/`` are left out, and a record marked ``example: true`` anywhere else is
    an error naming its file, every such file in one run. Otherwise the examples are read
    with the real records (the preview, ``check``, a local build), marked as examples."""
    return _Loading(root, publishing).run()


class _Loading:
    """One run of :func:`check_dataset`: the files read, each validated on its own, then
    checked against each other; every problem is collected, none stops the run."""

    def __init__(self, root: Path, publishing: bool) -> None:
        self.root, self.publishing = root, publishing
        self.plans_dir = root / "plans"
        self.problems = ProblemList()

    def run(self) -> tuple[Dataset | None, ProblemList]:
        problems = self.problems
        problems.extend(scan_plans(self.root))
        units_doc, unit_file = self.load(self.plans_dir / UNITS_FILE, UnitFile)
        agencies_doc, agency_file = self.load(self.plans_dir / AGENCIES_FILE, AgencyFile)
        plan_docs = self.plans()
        progress_docs = self.progress()
        units, sources = self.units(units_doc, unit_file)
        agencies = self.agencies(agencies_doc, agency_file)
        checker = Checker(
            units if unit_file is not None else None,
            agencies if agency_file is not None else None,
            {plan.id for _, plan, _ in plan_docs},
            set(sources) if unit_file is not None else None,
        )
        for doc, model in ((units_doc, unit_file), (agencies_doc, agency_file)):
            if doc is not None and model is not None:
                checker.model(doc, model, UNIT if model is unit_file else AGENCY)
                problems.extend(missing_translations(doc, model))
        self.cross_check(checker, plan_docs, progress_docs)
        if problems.errors or unit_file is None or agency_file is None:
            return None, problems
        return Dataset(
            units=units,
            agencies=agencies,
            plans={plan.id: plan for _, plan, _ in sorted(plan_docs, key=lambda t: t[1].id)},
            files={plan.id: doc.path for doc, plan, _ in plan_docs},
            progress={(r.plan, r.year): r for _, r, _ in sorted(progress_docs, key=lambda t: (t[1].plan, t[1].year))},
            sources=sources,
        ), problems

    def units(self, doc: YamlDocument | None, unit_file: UnitFile | None) -> tuple[dict[str, Unit], dict[str, Source]]:
        """The units and their sources by id, each list checked for duplicates and lineage."""
        if doc is None or unit_file is None:
            return {}, {}
        self.problems.extend(duplicates(doc, unit_file.units, ("units",), UNIT))
        self.problems.extend(duplicates(doc, unit_file.sources, ("sources",), SOURCE))
        self.problems.extend(lineage(doc, unit_file))
        return {u.id: u for u in unit_file.units}, {s.id: s for s in unit_file.sources}

    def agencies(self, doc: YamlDocument | None, agency_file: AgencyFile | None) -> dict[str, Agency]:
        """The agencies by id, checked for duplicates."""
        if doc is None or agency_file is None:
            return {}
        self.problems.extend(duplicates(doc, agency_file.agencies, ("agencies",), AGENCY))
        return {a.id: a for a in agency_file.agencies}

    def load(self, path: Path, model: type[BaseModel]) -> tuple[YamlDocument | None, Any]:
        """One file read, its markup checked and validated against ``model``."""
        rel = _rel(path, self.root)
        if not path.exists() and not path.is_symlink():
            self.problems.add(Problem(rel, 0, 0, "", "thiếu tệp", "file missing"))
            return None, None
        doc = load_yaml(path, rel)
        if isinstance(doc, Problem):
            self.problems.add(doc)
            return None, None
        self.problems.extend(check_data(doc))
        value, found = validate(doc, model)
        self.problems.extend(found)
        return doc, value

    def plans(self) -> list[tuple[YamlDocument, Plan, str]]:
        """Every plan file (``plans/*.yaml`` but the units and agencies), with its stem."""
        plan_docs: list[tuple[YamlDocument, Plan, str]] = []
        for path in sorted(self.plans_dir.glob("*.yaml")):
            if path.name in RESERVED:
                continue
            doc, plan = self.load(path, Plan)
            if doc is not None and plan is not None:
                plan_docs.append((doc, plan, path.stem))
        for path in sorted(self.plans_dir.glob("*.yml")):
            self.problems.add(Problem(
                _rel(path, self.root), 0, 0, "",
                "tệp kế hoạch phải có đuôi .yaml",
                "plan files must end in .yaml",
            ))
        return plan_docs

    def progress(self) -> list[tuple[YamlDocument, ProgressFile, str]]:
        """The progress records (and, unless publishing, the examples), one per plan and year."""
        progress_docs: list[tuple[YamlDocument, ProgressFile, str]] = []
        examples = self.plans_dir / EXAMPLES_DIR / PROGRESS_DIR
        folders = [self.plans_dir / PROGRESS_DIR] + ([] if self.publishing else [examples])
        for folder in folders:
            for path in sorted(folder.glob("*.yaml")):
                doc, record = self.load(path, ProgressFile)
                if doc is None or record is None:
                    continue
                if folder == examples and not record.example:
                    self.problems.add(_not_marked_example(doc))
                elif self.publishing and record.example:
                    self.problems.add(_example_problem(doc))
                else:
                    progress_docs.append((doc, record, path.stem))
        seen_years: dict[tuple[str, int], str] = {}
        for doc, record, _ in progress_docs:
            key = (record.plan, record.year)
            if key in seen_years:
                line, column = doc.mark(("year",))
                self.problems.add(Problem(
                    doc.path, line, column, "year",
                    f"báo cáo năm {record.year} của kế hoạch {record.plan} đã có trong {seen_years[key]}",
                    f"the {record.year} report of plan {record.plan} is already in {seen_years[key]}",
                ))
            seen_years.setdefault(key, doc.path)
        return progress_docs

    def cross_check(self, checker: Checker, plan_docs: list[tuple[YamlDocument, Plan, str]],
                    progress_docs: list[tuple[YamlDocument, ProgressFile, str]]) -> None:
        """Every reference of the plans and progress records resolved, and their structure."""
        problems = self.problems
        for doc, plan, stem in plan_docs:
            checker.model(doc, plan, AGENCY)
            problems.extend(plan_structure(doc, plan, stem))
            problems.extend(missing_translations(doc, plan))
        plans_by_id = {plan.id: plan for _, plan, _ in plan_docs}
        for doc, record, stem in progress_docs:
            checker.ref(doc, ("plan",), record.plan, PLAN)
            checker.ref(doc, ("reported_by",), record.reported_by, AGENCY)
            for i, item in enumerate(record.records):
                checker.ref(doc, ("records", i, "reporting_agency"), item.reporting_agency, AGENCY)
            problems.extend(progress_structure(doc, record, stem, plans_by_id.get(record.plan)))
            problems.extend(missing_translations(doc, record))
        problems.extend(checker.problems)


def _not_marked_example(doc: YamlDocument) -> Problem:
    """A file of ``plans/examples/`` that does not say it is an example."""
    line, column = doc.mark(("plan",))
    return Problem(
        doc.path, line, column, "example",
        f"tệp trong plans/{EXAMPLES_DIR}/ là dữ liệu ví dụ: ghi 'example: true', hoặc chuyển báo cáo "
        f"thật sang plans/{PROGRESS_DIR}/",
        f"a file in plans/{EXAMPLES_DIR}/ is example data: write 'example: true', or move a real report "
        f"to plans/{PROGRESS_DIR}/",
    )
