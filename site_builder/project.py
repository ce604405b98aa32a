"""The whole input of a build: plan data (``plans/``) and content (``content/``), checked together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import ContentSet, check_content
from .loader import Dataset, check_dataset
from .problems import InputError, ProblemList


@dataclass
class Project:
    root: Path
    data: Dataset
    content: ContentSet


def check_project(root: Path) -> tuple[Project | None, ProblemList]:
    """Check everything; the project is ``None`` when there is any error."""
    dataset, problems = check_dataset(root)
    units = set(dataset.units) if dataset else None
    plans = set(dataset.plans) if dataset else None
    content, found = check_content(root, units, plans)
    problems.extend(found.items)
    if dataset is None or problems.errors:
        return None, problems
    return Project(root, dataset, content), problems


def load_project(root: Path, strict: bool = False) -> Project:
    """The checked project, or :class:`InputError` (warnings count as errors when ``strict``)."""
    project, problems = check_project(root)
    fatal = problems.errors + (problems.warnings if strict else [])
    if project is None or fatal:
        raise InputError(sorted(fatal))
    return project
