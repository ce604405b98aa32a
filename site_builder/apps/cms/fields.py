"""Form fields from a model's JSON Schema: each property a field, with its required flag,
pattern, bounds and choices, its label and its hint."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from site_builder.apps.cms.choices import Choices
from site_builder.apps.cms.labels import hints, labels, options, words

NOT_IN_FORMS: dict[str, str] = {
    "FrontMatter.source_hash": "written by `translations --mark-current`, never by hand",
    "FrontMatter.translation_key": "pages pair by path; the CMS writes both languages at one path",
    "FrontMatter.template": "a layout of maintainers' pages (home, API), not of news or tourism pages",
    "FrontMatter.hide": "a layout switch of maintainers' pages",
    "FrontMatter.kind": "fixed by the collection (a hidden field with the collection's kind)",
    "Text.vi_source": "kept by maintainers when a source's own wording has a slip",
    "SourcedText.vi_source": "as Text.vi_source",
    "ProgressFile.example": "example records live in plans/examples/progress/, written by maintainers; the forms "
                            "write real reports into plans/progress/",
}
"""Model fields that editors do not own, and why; every other field is in a form
(``tests/test_cms.py`` holds the two together)."""

REQUIRED_BY_KIND: dict[str, frozenset[str]] = {
    "news": frozenset({"date", "sources"}),
    "tourism": frozenset({"updated", "sources", "unit"}),
}
"""Fields :class:`~site_builder.model.content.FrontMatter` requires for a kind of page
(its ``_required_by_kind``), made required in that collection's form."""

I18N_DUPLICATE = frozenset({"date", "updated", "tags", "topics", "unit", "image", "illustration"})
"""Front-matter fields that are the same in both languages: entered once, copied."""

_PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Fields:
    """Turns a model's JSON Schema into CMS fields (one instance per model)."""

    def __init__(self, model: type[BaseModel], choices: Choices, translatable: bool) -> None:
        self.schema = model.model_json_schema(mode="validation")
        self.defs: dict[str, Any] = self.schema.get("$defs", {})
        self.choices = choices
        self.translatable = translatable
        """Front matter: fields carry an ``i18n`` mode; data files: ``{vi, en}`` objects."""

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in node:
            found: dict[str, Any] = self.defs[node["$ref"].rsplit("/", 1)[1]]
            return found
        return node

    def fields(self, node: dict[str, Any], skip: Iterable[str] = (), required_extra: Iterable[str] = ()) -> list[dict[str, Any]]:
        node = self.resolve(node)
        required = set(node.get("required", [])) | set(required_extra)
        forced = set(required_extra)
        skipped = set(skip)
        return [
            self.field(name, prop, name in required, forced=name in forced)
            for name, prop in node.get("properties", {}).items()
            if name not in skipped
        ]

    def field(self, name: str, prop: dict[str, Any], required: bool, forced: bool = False) -> dict[str, Any]:
        """One form field; ``forced``: required by the collection although the model
        allows it empty (a news article's date)."""
        options = [p for p in prop.get("anyOf", []) if p.get("type") != "null"]
        if "anyOf" in prop:
            required = forced
            inner = options[0] if len(options) == 1 else prop
        else:
            inner = prop
        meta = {k: prop[k] for k in ("description", "default") if k in prop}
        inner = {**self.resolve(inner), **{k: v for k, v in inner.items() if k != "$ref"}}
        out: dict[str, Any] = {"name": name, "label": labels().get(name, name), "required": required}
        if name in hints():
            out["hint"] = hints()[name]
        out.update(self.widget(name, inner))
        if "default" in meta and meta["default"] not in (None, [], False):
            out["default"] = meta["default"]
        if self.translatable:
            out["i18n"] = "duplicate" if name in I18N_DUPLICATE else True
        return out

    def widget(self, name: str, node: dict[str, Any]) -> dict[str, Any]:
        """The widget of a field named ``name`` whose (resolved) schema is ``node``, with its
        choices, bounds and pattern."""
        kind = node.get("type")
        choices = self.choices.for_field(name)
        if "enum" in node or "const" in node:
            return {"widget": "select", "options": options(node.get("enum", [node.get("const")]))}
        if kind == "array":
            return self._list(name, node, choices)
        if kind == "object" or "properties" in node:
            skip = ["vi_source"] if set(node.get("properties", {})) >= {"vi", "en"} else []
            return {"widget": "object", "fields": self.fields(node, skip=skip)}
        if kind == "boolean":
            return {"widget": "boolean"}
        if kind in ("integer", "number"):
            return _number(node, integer=kind == "integer")
        if choices is not None:
            return {"widget": "select", "options": choices}
        return _string(node)

    def _list(self, name: str, node: dict[str, Any], choices: list[Any] | None) -> dict[str, Any]:
        """A list: several choices picked from a select, a list of objects, or of single values."""
        items = self.resolve(node.get("items", {}))
        bounds = {"min": node["minItems"]} if "minItems" in node else {}
        if "enum" in items or choices is not None:
            picked = options(items["enum"]) if "enum" in items else choices
            return {"widget": "select", "multiple": True, "options": picked, **bounds}
        if items.get("type") == "object":
            return {"widget": "list", "fields": self.fields(items), **bounds}
        field = {"name": name, "label": labels().get(name, name), **self.widget("", items)}
        return {"widget": "list", "field": field, **bounds}


def _number(node: dict[str, Any], integer: bool) -> dict[str, Any]:
    """A number field with the model's bounds (an exclusive minimum of an integer: the next one)."""
    out: dict[str, Any] = {"widget": "number", "value_type": "int" if integer else "float"}
    for key, target in (("minimum", "min"), ("maximum", "max")):
        if key in node:
            out[target] = node[key]
    if "exclusiveMinimum" in node:
        out["min"] = node["exclusiveMinimum"] + (1 if integer else 0)
    return out


def _string(node: dict[str, Any]) -> dict[str, Any]:
    """A text field with the model's pattern (said in words for a partial date) and lengths."""
    out: dict[str, Any] = {"widget": "string"}
    pattern = node.get("pattern")
    if pattern == _PARTIAL_DATE_PATTERN:
        out["pattern"] = [pattern, f"YYYY-MM-DD ({words()['or']} YYYY-MM, YYYY)"]
    elif pattern:
        out["pattern"] = [pattern, f"{words()['does_not_match']} {pattern}"]
    if "maxLength" in node:
        out["maxlength"] = node["maxLength"]
    if "minLength" in node and node["minLength"] > 1:
        out["minlength"] = node["minLength"]
    return out


def duplicate(field: dict[str, Any]) -> None:
    """Make a field and all its sub-fields entered once, in Vietnamese, and copied to
    the English page (a page's sources are the same documents in both languages)."""
    field["i18n"] = "duplicate"
    for sub in field.get("fields", []):
        duplicate(sub)

