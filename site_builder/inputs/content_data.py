"""The data files of ``content/data/``: members, events, documents, tags and the quiz,
each read with its lines, validated against its model and checked for duplicate ids and
unknown plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from site_builder.core.problems import Problem
from site_builder.inputs.freshness import served_questions
from site_builder.inputs.markup_check import check_data
from site_builder.inputs.validation import field_path, validate
from site_builder.inputs.yamlsource import YamlDocument, load_yaml
from site_builder.model.content import Document, DocumentFile, Event, EventFile, Question, QuizFile, Tag, TagFile
from site_builder.model.members import Member, MemberFile

DATA_DIR = "content/data"
DATA_FILES: dict[str, type[BaseModel]] = {
    "members.yaml": MemberFile,
    "events.yaml": EventFile,
    "documents.yaml": DocumentFile,
    "tags.yaml": TagFile,
    "quiz.yaml": QuizFile,
}
DATA_ATTRS = {"quiz": "questions"}
"""Where a data file keeps its list, when the key is not the file's name."""


@dataclass
class ContentData:
    """The records of the data files that passed their check (``None``: the file failed)."""

    members: list[Member] | None = None
    events: list[Event] | None = None
    documents: list[Document] | None = None
    tags: list[Tag] | None = None
    quiz: list[Question] | None = None


def check_data_files(root: Path, plan_ids: set[str] | None) -> tuple[ContentData, list[Problem]]:
    """Every data file checked; ``plan_ids`` (``None``: unknown) are the plans a document may name."""
    data, problems = ContentData(), []
    for name, model in DATA_FILES.items():
        doc, value, found = _data_file(root, name, model)
        problems.extend(found)
        if doc is None or value is None:
            continue
        key = name.removesuffix(".yaml")
        attr = DATA_ATTRS.get(key, key)
        items = getattr(value, attr)
        problems.extend(_duplicate_ids(doc, items, (attr,)))
        if key == "documents" and plan_ids is not None:
            problems.extend(_plan_refs(doc, items, (key,), plan_ids))
        if key == "quiz":
            # A question past its valid_until is not served (issue 35; freshness lists it).
            items = served_questions(items)
        setattr(data, key, items)
    return data, problems


def _data_file(root: Path, name: str, model: type[BaseModel]) -> tuple[YamlDocument | None, Any, list[Problem]]:
    path = root / DATA_DIR / name
    rel = f"{DATA_DIR}/{name}"
    if not path.exists() and not path.is_symlink():
        return None, None, [Problem(rel, 0, 0, "", "thiếu tệp", "file missing")]
    doc = load_yaml(path, rel)
    if isinstance(doc, Problem):
        return None, None, [doc]
    value, problems = validate(doc, model)
    return doc, value, check_data(doc) + problems


def _plan_refs(doc: YamlDocument, items: list[Any], loc: tuple[Any, ...], plan_ids: set[str]) -> list[Problem]:
    """The items whose ``plan`` names no plan in ``plan_ids``."""
    problems = []
    for i, item in enumerate(items):
        value = getattr(item, "plan", None)
        if value is not None and value not in plan_ids:
            line, column = doc.mark(loc + (i, "plan"))
            problems.append(Problem(
                doc.path, line, column, field_path(loc + (i, "plan")),
                f"không có kế hoạch '{value}'", f"unknown plan '{value}'",
            ))
    return problems


def _duplicate_ids(doc: YamlDocument, items: list[Any], loc: tuple[Any, ...]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, item in enumerate(items):
        if item.id in seen:
            line, column = doc.mark(loc + (i, "id"))
            problems.append(Problem(
                doc.path, line, column, field_path(loc + (i, "id")),
                f"mã '{item.id}' bị trùng", f"duplicate id '{item.id}'",
            ))
        seen.setdefault(item.id, i)
    return problems
