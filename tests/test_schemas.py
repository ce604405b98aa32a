"""The JSON Schemas in schemas/ match the models and accept the real data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from site_builder.output.schemas import SCHEMAS, stale_schemas

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schemas_are_current() -> None:
    assert stale_schemas(ROOT / "schemas") == [], "run `python -m site_builder schemas`"


def test_schemas_accept_the_repository_data() -> None:
    for path in sorted((ROOT / "plans").glob("*.yaml")):
        name = {"units.yaml": "units.schema.json", "agencies.yaml": "agencies.schema.json"}.get(
            path.name, "plan.schema.json"
        )
        schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))
        jsonschema.validate(data, schema)
    assert set(SCHEMAS) == {p.name for p in (ROOT / "schemas").glob("*.json")}
