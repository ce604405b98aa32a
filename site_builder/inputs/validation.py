"""Turn pydantic's validation errors into located, bilingual problems.

Pydantic gives each error a ``loc`` path (``('appendix', 'activities', 3, 'lead')``);
the YAML loader recorded the line and column of every path, so each error can point
at the exact place in the file. Messages follow MkDocs' habit of saying both what was
expected and what was found.
"""

from __future__ import annotations

import difflib
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


def translate(error: dict[str, Any], model: type[BaseModel]) -> tuple[Loc, str, str]:
    """One pydantic error → (where, Vietnamese, English)."""
    kind = error["type"]
    loc: Loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "bilingual":
        return loc, ctx["vi"], ctx["en"]
    if kind == "missing":
        name = loc[-1]
        return loc, f"thiếu trường bắt buộc '{name}'", f"missing required field '{name}'"
    if kind == "extra_forbidden" and loc[-1] in MOVED:
        return loc, *MOVED[str(loc[-1])]
    if kind == "extra_forbidden":
        name = loc[-1]
        allowed = _fields_of(model, loc[:-1])
        vi_hint, en_hint = _suggest(str(name), allowed)
        if not vi_hint and allowed:
            vi_hint = f" (các trường hợp lệ: {', '.join(allowed)})"
            en_hint = f" (expected one of: {', '.join(allowed)})"
        return loc, f"trường không hợp lệ '{name}'{vi_hint}", f"unknown field '{name}'{en_hint}"
    if kind in _EXPECTED:
        vi_exp, en_exp = _EXPECTED[kind]
        vi_found, en_found = _type_name(value)
        if kind in ("int_parsing", "bool_parsing", "int_from_float"):
            vi_found = en_found = _found(value)
        return loc, f"cần {vi_exp}, nhận được {vi_found}", f"expected {en_exp}, found {en_found}"
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        vi_hint, en_hint = _suggest(value, choices)
        return (
            loc,
            f"cần một trong: {expected.replace(' or ', ', ')}; nhận được {_found(value)}{vi_hint}",
            f"expected one of: {expected.replace(' or ', ', ')}; found {_found(value)}{en_hint}",
        )
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern.startswith("^[a-z0-9]+(?:-"):
            return (
                loc,
                f"mã chỉ gồm chữ thường không dấu, số và dấu '-' (vd. 'dong-thap'); nhận được {_found(value)}",
                f"expected an id of lower-case ASCII letters, digits and '-' (e.g. 'dong-thap'); found {_found(value)}",
            )
        if pattern.startswith("^https://"):
            return (
                loc,
                f"cần một địa chỉ https:// đầy đủ (vd. https://asean.org/); nhận được {_found(value)}",
                f"expected a full https:// address (e.g. https://asean.org/); found {_found(value)}",
            )
        if pattern.startswith("^[a-z0-9][a-z0-9/_.-]*"):
            return (
                loc,
                f"cần một đường dẫn trong trang, chữ thường không dấu (vd. asean/); nhận được {_found(value)}",
                f"expected a path inside the site in lower-case ASCII (e.g. asean/); found {_found(value)}",
            )
        return loc, f"giá trị {_found(value)} không đúng dạng {pattern}", f"value {_found(value)} does not match {pattern}"
    if kind == "string_too_short":
        return loc, "chuỗi rỗng", "empty string"
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return loc, f"chuỗi quá dài (tối đa {limit} ký tự)", f"string too long (at most {limit} characters)"
    if kind == "too_short":
        limit = ctx.get("min_length")
        return loc, f"cần ít nhất {limit} mục", f"expected at least {limit} item(s)"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(ctx.values()), "")
        words = {
            "greater_than_equal": ("≥", "at least"),
            "less_than_equal": ("≤", "at most"),
            "greater_than": (">", "more than"),
            "less_than": ("<", "less than"),
        }[kind]
        return loc, f"cần {words[0]} {bound}, nhận được {_found(value)}", f"expected {words[1]} {bound}, found {_found(value)}"
    return loc, f"giá trị không hợp lệ ({error['msg']})", error["msg"]


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
