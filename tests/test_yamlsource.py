"""The safe YAML loader: hostile and broken files are refused with a located message."""

from __future__ import annotations

import time

import pytest

from site_builder.core.problems import Problem
from site_builder.inputs.yamlsource import MAX_BYTES, load_yaml, parse_yaml


def refused(raw: bytes) -> str:
    result = parse_yaml(raw, "plans/x.yaml")
    assert isinstance(result, Problem), result
    return result.format()


CASES = [
    (
        b"a: [1\n",
        "plans/x.yaml:2:1: lỗi cú pháp YAML: did not find expected ',' or ']' (while parsing a flow sequence)\n"
        "    YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
    ),
    (
        b"a:\n\t- b\n",
        "plans/x.yaml:2:1: có ký tự tab: YAML chỉ cho phép thụt lề bằng dấu cách\n"
        "    tab character found: YAML indentation must use spaces",
    ),
    (
        b"\xef\xbb\xbfa: 1\n",
        "plans/x.yaml:1:1: tệp bắt đầu bằng dấu BOM: hãy lưu lại dưới dạng UTF-8 không BOM\n"
        "    the file starts with a byte order mark (BOM): save it as UTF-8 without BOM",
    ),
    (
        "a: 1\nb: Đồng Tháp \xff\n".encode().replace(b"\xc3\xbf", b"\xff"),
        "plans/x.yaml:2:14: tệp không phải UTF-8 hợp lệ (byte 0xff): hãy lưu lại dưới dạng UTF-8\n"
        "    the file is not valid UTF-8 (byte 0xff): save it as UTF-8",
    ),
    (b"", "plans/x.yaml: tệp rỗng\n    the file is empty"),
    (b"# only a comment\n\n", "plans/x.yaml: tệp rỗng\n    the file is empty"),
    (
        b"a: !!python/object/apply:os.system ['echo pwned']\n",
        "plans/x.yaml:1:4: không dùng thẻ YAML '!!python/object/apply:os.system': chỉ dùng chuỗi, số, danh sách và bảng\n"
        "    YAML tag '!!python/object/apply:os.system' is not allowed: use plain strings, numbers, lists and mappings",
    ),
    (
        b"a: &x [1, 2]\nb: *x\n",
        "plans/x.yaml:1:4: không dùng neo và bí danh YAML (&, *): hãy viết lại giá trị đầy đủ\n"
        "    YAML anchors and aliases (&, *) are not allowed: write the value out in full",
    ),
    (
        b"id: a\nname: b\nid: c\n",
        "plans/x.yaml:3:1: khóa 'id' bị lặp trong cùng một bảng\n"
        "    duplicate key 'id' in the same mapping",
    ),
]


@pytest.mark.parametrize(("raw", "message"), CASES)
def test_refused_with_exact_message(raw: bytes, message: str) -> None:
    assert refused(raw) == message


def test_alias_bomb_is_refused_at_once() -> None:
    lines = [b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1).encode()
        name = chr(ord("a") + i).encode()
        lines.append(name + b": &" + name + b" [" + b",".join([b"*" + prev] * 9) + b"]")
    start = time.perf_counter()
    message = refused(b"\n".join(lines) + b"\n")
    assert time.perf_counter() - start < 1.0
    assert "anchors and aliases" in message


def test_deep_nesting_is_refused() -> None:
    raw = b"a: " + b"[" * 200 + b"]" * 200 + b"\n"
    assert "nested too deeply (more than 40 levels)" in refused(raw)


def test_huge_file_is_refused_without_reading(tmp_path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    start = time.perf_counter()
    result = load_yaml(path, "plans/big.yaml")
    assert time.perf_counter() - start < 1.0
    assert isinstance(result, Problem)
    assert result.format() == (
        "plans/big.yaml: tệp quá lớn (50.0 MiB, tối đa 2 MiB)\n"
        "    file too large (50.0 MiB, at most 2 MiB)"
    )
    assert MAX_BYTES == 2 * 1024 * 1024


def test_marks_point_at_values_and_dates_stay_strings() -> None:
    doc = parse_yaml("tên: Đồng Tháp\nngày: 2021-02-30\nds:\n  - x\n".encode(), "f.yaml")
    assert not isinstance(doc, Problem)
    assert doc.data == {"tên": "Đồng Tháp", "ngày": "2021-02-30", "ds": ["x"]}
    assert doc.marks[("ngày",)] == (2, 7)
    assert doc.marks[("ds", 0)] == (4, 5)
    assert doc.mark(("ds", 0, "missing")) == (4, 5)
