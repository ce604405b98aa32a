"""The identifiers the forms offer as choices (plans, units, agencies, tags, drawings), read
from the project's data files and shown by their names."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel

from site_builder.apps.cms.labels import words
from site_builder.core.illustrations import description as illustration_description
from site_builder.core.illustrations import names as illustration_names
from site_builder.core.slug import slugify
from site_builder.model import Agency, AgencyFile, UnitFile
from site_builder.model.content import TagFile
from site_builder.model.plans import Plan

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class PlanChoice:
    """What the progress form of one plan offers: its years and its appendix activities."""

    id: str
    title: str
    years: list[int]
    activities: list[tuple[str, str]]
    """``(id, name)`` of each appendix activity, in the appendix's order."""


@dataclass(frozen=True)
class Choices:
    """Identifiers the forms offer as choices, read from the project's data files, each
    shown by its name ("Cần Thơ", "Sở Ngoại vụ …") and stored as its id."""

    plans: list[str]
    units: list[str]
    agencies: list[str]
    tags: list[str]
    names: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    """For each kind (``unit``, ``agency``, ``plan``, ``tag``): id -> what the form shows."""
    plan_details: list[PlanChoice] = dataclasses.field(default_factory=list)

    @classmethod
    def read(cls, root: Path) -> Choices:
        """Read the ids straight from the YAML files (a file with an error offers no
        choices for its ids; ``check`` reports the error itself)."""
        units = _load(root / "plans/units.yaml", UnitFile)
        agencies = _load(root / "plans/agencies.yaml", AgencyFile)
        tags = _load(root / "content/data/tags.yaml", TagFile)
        unit_names = _unit_names(units)
        agency_names = _agency_names(agencies, units)
        tag_names = {g.id: g.name.vi for g in tags.tags} if tags else {}
        details = _plan_details(root)
        return cls(
            plans=[d.id for d in details],
            units=sorted(unit_names),
            agencies=sorted(agency_names),
            tags=sorted(tag_names),
            names={"unit": unit_names, "agency": agency_names, "plan": {d.id: d.title for d in details},
                   "tag": tag_names},
            plan_details=details,
        )

    def for_field(self, name: str) -> list[Any] | None:
        """The choices for a field holding an id of one of these kinds, by its name: the id
        stored, the name shown (sorted by what the editor reads)."""
        kind = {"plan": "plan", "unit": "unit", "reporting_agency": "agency", "reported_by": "agency",
                "tags": "tag"}.get(name)
        if kind is not None:
            ids = {"plan": self.plans, "unit": self.units, "agency": self.agencies, "tag": self.tags}[kind]
            names = self.names.get(kind, {})
            return sorted(({"label": names.get(i, i), "value": i} for i in ids), key=lambda o: slugify(o["label"]))
        if name == "illustration":  # the theme's drawings, by what they show
            shown = {n: illustration_description(n, "vi").removeprefix("Hình vẽ: ") or n for n in illustration_names()}
            return [{"label": label[:1].upper() + label[1:], "value": n} for n, label in shown.items()]
        return None



def _load(path: Path, model: type[M]) -> M | None:
    """A data file read with its model, or ``None`` when it is missing or has an error."""
    try:
        return model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except Exception:  # noqa: BLE001 - check names the problem; the form just offers less
        return None


def _unit_names(units: UnitFile | None) -> dict[str, str]:
    """Each unit by its short name, a former one (merged in 2025) marked as such."""
    former = f" ({words()['former']})"
    return {u.id: (u.short_name or u.name).vi + ("" if u.current else former) for u in units.units} if units else {}


def _agency_names(agencies: AgencyFile | None, units: UnitFile | None) -> dict[str, str]:
    """Each agency by its name, followed by its unit's when the name does not say it
    ("Sở Ngoại vụ (Thành phố Cần Thơ)"); a national agency by its name alone."""
    plain = {u.id: u.name.vi for u in units.units} if units else {}
    short = {u.id: (u.short_name or u.name).vi for u in units.units} if units else {}

    def name(a: Agency) -> str:
        if a.unit == "viet-nam" or short.get(a.unit, "\0").casefold() in a.name.vi.casefold():
            return a.name.vi
        return f"{a.name.vi} ({plain.get(a.unit, a.unit)})"

    return {a.id: name(a) for a in (agencies.agencies if agencies else [])}


def _plan_details(root: Path) -> list[PlanChoice]:
    """The plans of ``plans/``, each with its years and appendix activities, by file name."""
    details: list[PlanChoice] = []
    for path in sorted((root / "plans").glob("*.yaml")):
        plan = None if path.stem in ("units", "agencies") else _load(path, Plan)
        if plan is None:
            continue
        activities = [(a.id, a.name.vi) for a in plan.appendix.activities] if plan.appendix else []
        details.append(PlanChoice(plan.id, plan.short_title.vi, list(range(plan.period.start, plan.period.end + 1)),
                                  activities))
    return details
