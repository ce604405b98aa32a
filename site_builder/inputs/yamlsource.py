"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` forgets line numbers, accepts duplicate keys silently and will
expand an alias bomb until memory runs out. Plan files are edited by hand in a Git
host's web editor, so we compose the node graph ourselves with PyYAML's SafeLoader
(no Python object tags), refuse anchors and aliases, duplicate keys, deep nesting and
huge files up front, keep timestamps as strings (so that ``2021-02-30`` reaches the
date validator and gets a clear message), and record a ``path → (line, column)`` map
used to locate validation errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from site_builder.core.problems import Problem
from site_builder.inputs.files import MAX_TEXT_BYTES, read

MAX_BYTES = MAX_TEXT_BYTES
"""A plan file is a few hundred kilobytes at most; anything past 2 MiB is refused unread."""
MAX_DEPTH = 40
"""The deepest real structure (plan → sections → items → ...) is well under this."""

Loc = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """A loaded YAML file: its data and where each value was."""

    path: str
    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def mark(self, loc: Loc) -> tuple[int, int]:
        """The (line, column) of ``loc``, or of its nearest parent that has a mark."""
        loc = tuple(loc)
        while loc:
            if loc in self.marks:
                return self.marks[loc]
            loc = loc[:-1]
        return self.marks.get((), (1, 1))


class _Refused(Exception):
    def __init__(self, node: Node | None, vi: str, en: str, mark: Any = None) -> None:
        self.mark = mark if mark is not None else (node.start_mark if node is not None else None)
        self.vi = vi
        self.en = en


_Base: Any = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader
"""libyaml's C parser when PyYAML has it (ten times faster); the pure-Python one otherwise."""


class _Loader(Composer, _Base):  # type: ignore[misc]
    """Safe loading that refuses aliases and nesting past :data:`MAX_DEPTH` while composing.

    Events come from the (C) parser; composing stays in Python (PyYAML's own Composer,
    first in the method order) so that these checks run before any node is built.
    """

    def __init__(self, stream: str) -> None:
        _Base.__init__(self, stream)
        Composer.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(
                None,
                "không dùng neo và bí danh YAML (&, *): hãy viết lại giá trị đầy đủ",
                "YAML anchors and aliases (&, *) are not allowed: write the value out in full",
                event.start_mark,
            )
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise _Refused(
                None,
                "không dùng neo và bí danh YAML (&, *): hãy viết lại giá trị đầy đủ",
                "YAML anchors and aliases (&, *) are not allowed: write the value out in full",
                event.start_mark,
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(
                None,
                f"cấu trúc lồng quá sâu (hơn {MAX_DEPTH} cấp)",
                f"structure nested too deeply (more than {MAX_DEPTH} levels)",
                event.start_mark,
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


def _refuse_tag(node: Node) -> _Refused:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    return _Refused(
        node,
        f"không dùng thẻ YAML '{tag}': chỉ dùng chuỗi, số, danh sách và bảng",
        f"YAML tag '{tag}' is not allowed: use plain strings, numbers, lists and mappings",
    )


def _scalar(loader: _Loader, node: ScalarNode) -> Any:
    if node.tag in ("tag:yaml.org,2002:timestamp", "!"):
        return node.value
    if node.tag not in _PLAIN_TAGS:
        raise _refuse_tag(node)
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.constructor.ConstructorError, ValueError):
        # A number of 100,000 digits is refused (Python reads at most 4,300), but not
        # echoed whole: the message must stay one line an editor can read.
        long = len(node.value) > 60
        shown = f"{node.value[:40]}… ({len(node.value):,} ký tự)" if long else node.value
        shown_en = f"{node.value[:40]}… ({len(node.value):,} characters)" if long else node.value
        number = long and node.value[:1].isdigit()
        raise _Refused(
            node,
            f"giá trị '{shown}' không đọc được" + (" (số quá dài)" if number else ""),
            f"value '{shown_en}' cannot be read" + (" (number too long)" if number else ""),
        ) from None


def _build(loader: _Loader, node: Node, loc: Loc, marks: dict[Loc, tuple[int, int]]) -> Any:
    marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, ScalarNode):
        return _scalar(loader, node)
    if node.tag not in ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"):
        raise _refuse_tag(node)
    if isinstance(node, SequenceNode):
        return [_build(loader, item, loc + (i,), marks) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = _scalar(loader, key_node) if isinstance(key_node, ScalarNode) else None
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            raise _Refused(
                key_node,
                "khóa của bảng phải là chuỗi",
                "mapping keys must be plain strings",
            )
        if key in result:
            raise _Refused(
                key_node,
                f"khóa '{key}' bị lặp trong cùng một bảng",
                f"duplicate key '{key}' in the same mapping",
            )
        result[key] = _build(loader, value_node, loc + (key,), marks)
    return result


def _problem(rel: str, mark: Any, vi: str, en: str) -> Problem:
    line = mark.line + 1 if mark is not None else 0
    column = mark.column + 1 if mark is not None else 0
    return Problem(rel, line, column, "", vi, en)


def load_yaml(path: Path, rel: str) -> YamlDocument | Problem:
    """Load one YAML file, or return the problem that stops it from loading (a link, a
    file too large: :func:`site_builder.inputs.files.read`)."""
    raw = read(path, rel, MAX_BYTES)
    if isinstance(raw, Problem):
        return raw
    return parse_yaml(raw, rel)


def parse_yaml(raw: bytes, rel: str) -> YamlDocument | Problem:
    """Parse YAML bytes (already read) into a :class:`YamlDocument`, or a problem."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return Problem(
            rel, 1, 1, "",
            "tệp bắt đầu bằng dấu BOM: hãy lưu lại dưới dạng UTF-8 không BOM",
            "the file starts with a byte order mark (BOM): save it as UTF-8 without BOM",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        return Problem(
            rel, line, column, "",
            f"tệp không phải UTF-8 hợp lệ (byte 0x{raw[exc.start]:02x}): hãy lưu lại dưới dạng UTF-8",
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}): save it as UTF-8",
        )
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return Problem(rel, 0, 0, "", "tệp rỗng", "the file is empty")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Problem(rel, 0, 0, "", "tệp rỗng", "the file is empty")
        marks: dict[Loc, tuple[int, int]] = {}
        data = _build(loader, node, (), marks)
    except _Refused as exc:
        return _problem(rel, exc.mark, exc.vi, exc.en)
    except yaml.MarkedYAMLError as exc:
        return _syntax_problem(rel, exc, text)
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors in practice
        return Problem(rel, 0, 0, "", f"lỗi cú pháp YAML: {exc}", f"YAML syntax error: {exc}")
    finally:
        loader.dispose()
    return YamlDocument(rel, data, marks)


def _syntax_problem(rel: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or "?"
    if "\t" in what or "tab" in what:
        return _problem(
            rel, mark,
            "có ký tự tab: YAML chỉ cho phép thụt lề bằng dấu cách",
            "tab character found: YAML indentation must use spaces",
        )
    if mark is not None:
        line_text = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        if "\t" in line_text[: max(mark.column, 1) + 1]:
            return _problem(
                rel, mark,
                "có ký tự tab: YAML chỉ cho phép thụt lề bằng dấu cách",
                "tab character found: YAML indentation must use spaces",
            )
    context = f" ({exc.context})" if exc.context else ""
    return _problem(
        rel, mark,
        f"lỗi cú pháp YAML: {what}{context}",
        f"YAML syntax error: {what}{context}",
    )


def split_front_matter(text: str) -> tuple[str, str] | None:
    """``(yaml, body)`` with the YAML padded so that its line numbers are the file's."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end < 0:
        end = text.find("\n---", 4)
        if end < 0 or text[end + 4 :].strip():
            return None
    yaml_text = "\n" + text[4:end + 1]
    return yaml_text, text[end + 5 :]
