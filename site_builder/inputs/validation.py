"""Turn pydantic's validation errors into located, bilingual problems.

Pydantic gives each error a ``loc`` path (``('appendix', 'activities', 3, 'lead')``);
the YAML loader recorded the line and column of every path, so each error can point
at the exact place in the file. Messages follow MkDocs' habit of saying both what was
expected and what was found.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from site_builder.core.problems import Problem
from site_builder.inputs.yamlsource import Loc, YamlDocument


def field_path(loc: Loc) -> str:
    """``('activities', 3, 'lead')`` → ``activities[3].lead``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _found(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "một bảng / a mapping"
    if isinstance(value, list):
        return "một danh sách / a list"
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "...'"


def _type_name(value: Any) -> tuple[str, str]:
    names = {
        dict: ("một bảng (mapping)", "a mapping"),
        list: ("một danh sách", "a list"),
        str: ("một chuỗi", "a string"),
        int: ("một số nguyên", "an integer"),
        float: ("một số", "a number"),
        bool: ("true/false", "true/false"),
        type(None): ("rỗng (null)", "null"),
    }
    return names.get(type(value), (type(value).__name__, type(value).__name__))


_EXPECTED: dict[str, tuple[str, str]] = {
    "string_type": ("một chuỗi", "a string"),
    "int_type": ("một số nguyên", "an integer"),
    "int_parsing": ("một số nguyên", "an integer"),
    "int_from_float": ("một số nguyên", "an integer"),
    "list_type": ("một danh sách", "a list"),
    "model_type": ("một bảng (mapping)", "a mapping"),
    "model_attributes_type": ("một bảng (mapping)", "a mapping"),
    "dict_type": ("một bảng (mapping)", "a mapping"),
    "bool_type": ("true hoặc false", "true or false"),
    "bool_parsing": ("true hoặc false", "true or false"),
}


def _suggest(value: Any, choices: list[str]) -> tuple[str, str]:
    if not isinstance(value, str):
        return "", ""
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f" (có phải '{close[0]}'?)", f" (did you mean '{close[0]}'?)"


def _fields_of(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names allowed at ``loc`` (for suggesting a misspelt key)."""
    from typing import get_args, get_origin

    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(str(part))
        if info is None:
            return []
        annotation = info.annotation
        # unwrap list[X], X | None
        for _ in range(3):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if get_origin(annotation) is not None and args:
                annotation = args[0]
        current = annotation
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


MOVED: dict[str, tuple[str, str]] = {
    "section_url": (
        "địa chỉ công bố chuyên mục của đơn vị không còn ghi ở plans/units.yaml (tệp mọi biên tập viên đều sửa "
        "được) mà do người quản trị ghi trong mkdocs.yml (plugins: - asean: unit_urls: {<mã đơn vị>: https://...}); "
        "hãy xóa dòng này; liên kết tới cổng thông tin vẫn ghi ở 'portal'",
        "a unit's published section address is no longer written in plans/units.yaml (which every editor can "
        "change) but by the maintainers in mkdocs.yml (plugins: - asean: unit_urls: {<unit id>: https://...}); "
        "delete this line; the link to the portal stays in 'portal'",
    ),
}
"""Fields that moved out of the editors' files, with where they went."""


def translate(error: Mapping[str, Any], model: type[BaseModel]) -> tuple[Loc, str, str]:
    """One pydantic error → (where, Vietnamese, English)."""
    kind = error["type"]
    loc: Loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "bilingual":
        return loc, ctx["vi"], ctx["en"]
    if kind == "extra_forbidden":
        return loc, *_unknown_field(loc, model)
    if kind in _EXPECTED:
        return loc, *_wrong_type(kind, value)
    if kind in ("literal_error", "enum"):
        return loc, *_not_a_choice(value, ctx.get("expected", ""))
    if kind == "string_pattern_mismatch":
        return loc, *_pattern(value, ctx.get("pattern", ""))
    if kind in _BOUNDS:
        return loc, *_out_of_bounds(kind, value, next(iter(ctx.values()), ""))
    message = _SIMPLE.get(kind)
    if message is not None:
        name = loc[-1] if loc else ""
        return loc, message[0].format(name=name, **ctx), message[1].format(name=name, **ctx)
    return loc, f"giá trị không hợp lệ ({error['msg']})", error["msg"]


_SIMPLE: dict[str, tuple[str, str]] = {
    "missing": ("thiếu trường bắt buộc '{name}'", "missing required field '{name}'"),
    "string_too_short": ("chuỗi rỗng", "empty string"),
    "string_too_long": ("chuỗi quá dài (tối đa {max_length} ký tự)", "string too long (at most {max_length} characters)"),
    "too_short": ("cần ít nhất {min_length} mục", "expected at least {min_length} item(s)"),
}
"""Errors whose message needs only the field's name or the error's context."""
_BOUNDS = {
    "greater_than_equal": ("≥", "at least"),
    "less_than_equal": ("≤", "at most"),
    "greater_than": (">", "more than"),
    "less_than": ("<", "less than"),
}


def _unknown_field(loc: Loc, model: type[BaseModel]) -> tuple[str, str]:
    name = loc[-1]
    if name in MOVED:
        return MOVED[str(name)]
    allowed = _fields_of(model, loc[:-1])
    vi_hint, en_hint = _suggest(str(name), allowed)
    if not vi_hint and allowed:
        vi_hint = f" (các trường hợp lệ: {', '.join(allowed)})"
        en_hint = f" (expected one of: {', '.join(allowed)})"
    return f"trường không hợp lệ '{name}'{vi_hint}", f"unknown field '{name}'{en_hint}"


def _wrong_type(kind: str, value: Any) -> tuple[str, str]:
    vi_exp, en_exp = _EXPECTED[kind]
    vi_found, en_found = _type_name(value)
    if kind in ("int_parsing", "bool_parsing", "int_from_float"):
        vi_found = en_found = _found(value)
    return f"cần {vi_exp}, nhận được {vi_found}", f"expected {en_exp}, found {en_found}"


def _not_a_choice(value: Any, expected: str) -> tuple[str, str]:
    choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
    vi_hint, en_hint = _suggest(value, choices)
    return (
        f"cần một trong: {expected.replace(' or ', ', ')}; nhận được {_found(value)}{vi_hint}",
        f"expected one of: {expected.replace(' or ', ', ')}; found {_found(value)}{en_hint}",
    )


def _pattern(value: Any, pattern: str) -> tuple[str, str]:
    if pattern.startswith("^[a-z0-9]+(?:-"):
        return (
            f"mã chỉ gồm chữ thường không dấu, số và dấu '-' (vd. 'dong-thap'); nhận được {_found(value)}",
            f"expected an id of lower-case ASCII letters, digits and '-' (e.g. 'dong-thap'); found {_found(value)}",
        )
    if pattern.startswith("^https://"):
        return (
            f"cần một địa chỉ https:// đầy đủ (vd. https://asean.org/); nhận được {_found(value)}",
            f"expected a full https:// address (e.g. https://asean.org/); found {_found(value)}",
        )
    if pattern.startswith("^[a-z0-9][a-z0-9/_.-]*"):
        return (
            f"cần một đường dẫn trong trang, chữ thường không dấu (vd. asean/); nhận được {_found(value)}",
            f"expected a path inside the site in lower-case ASCII (e.g. asean/); found {_found(value)}",
        )
    return f"giá trị {_found(value)} không đúng dạng {pattern}", f"value {_found(value)} does not match {pattern}"


def _out_of_bounds(kind: str, value: Any, bound: object) -> tuple[str, str]:
    vi, en = _BOUNDS[kind]
    return f"cần {vi} {bound}, nhận được {_found(value)}", f"expected {en} {bound}, found {_found(value)}"


def validate(doc: YamlDocument, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """Validate a loaded document; on failure return every problem, located."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc, vi, en = translate(error, model)
            # A missing field is reported at the mapping that lacks it.
            mark_loc = loc[:-1] if error["type"] == "missing" else loc
            line, column = doc.mark(mark_loc)
            problems.append(Problem(doc.path, line, column, field_path(loc), vi, en))
        return None, _dedupe(problems)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, int, int, str, str]] = set()
    out = []
    for p in problems:
        key = (p.file, p.line, p.column, p.field, p.en)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
