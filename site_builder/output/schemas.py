"""JSON Schemas of the data files, generated from the models.

Editors' tools (VS Code with the YAML extension) read them through the
``# yaml-language-server: $schema=...`` line at the top of each file, so field
completion and checks in the editor follow the same models as ``check``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from site_builder.model import AgencyFile, Plan, UnitFile
from site_builder.model.content import DocumentFile, EventFile, FrontMatter, QuizFile, TagFile
from site_builder.model.members import MemberFile
from site_builder.model.progress import ProgressFile

SCHEMAS: dict[str, type[BaseModel]] = {
    "plan.schema.json": Plan,
    "units.schema.json": UnitFile,
    "agencies.schema.json": AgencyFile,
    "members.schema.json": MemberFile,
    "events.schema.json": EventFile,
    "documents.schema.json": DocumentFile,
    "tags.schema.json": TagFile,
    "front-matter.schema.json": FrontMatter,
    "quiz.schema.json": QuizFile,
    "progress.schema.json": ProgressFile,
}


def schema_of(model: type[BaseModel], name: str) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name, **schema}


def render(model: type[BaseModel], name: str) -> str:
    return json.dumps(schema_of(model, name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema into ``out_dir``; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = out_dir / name
        path.write_text(render(model, name), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(out_dir: Path) -> list[str]:
    """Names of schemas in ``out_dir`` that differ from the models (or are missing)."""
    stale = []
    for name, model in SCHEMAS.items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != render(model, name):
            stale.append(name)
    return stale
