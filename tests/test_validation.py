"""site_builder.inputs.validation: pydantic's errors as located, bilingual problems that say what
was expected and what was found."""

from __future__ import annotations

from typing import Annotated, Any

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from site_builder.inputs.validation import field_path, translate, validate
from site_builder.inputs.yamlsource import YamlDocument, parse_yaml
from site_builder.model import UnitFile


def test_field_path() -> None:
    assert field_path(("appendix", "activities", 3, "lead")) == "appendix.activities[3].lead"
    assert field_path((0, "id")) == "[0].id"
    assert field_path(()) == ""


UNITS = """\
units:
  - id: viet-nam
    level: national
    name: {vi: "Trung ương", en: "Central level"}
  - id: Soc_Trang
    levl: province
    name: {vi: "Tỉnh Sóc Trăng", en: 7}
    parent: [a]
  - id: ok
    level: provinse
    name: {vi: "x"}
    extra_thing: 1
"""


def test_every_error_of_a_file_with_its_line_column_and_field() -> None:
    doc = parse_yaml(UNITS.encode(), "plans/units.yaml")
    assert isinstance(doc, YamlDocument)
    value, problems = validate(doc, UnitFile)
    assert value is None
    assert [p.format() for p in problems] == [
        "plans/units.yaml:5:9: units[1].id: mã chỉ gồm chữ thường không dấu, số và dấu '-' (vd. 'dong-thap');"
        " nhận được 'Soc_Trang'\n    expected an id of lower-case ASCII letters, digits and '-' (e.g. 'dong-thap');"
        " found 'Soc_Trang'",
        # A missing field is reported at the mapping that lacks it.
        "plans/units.yaml:5:5: units[1].level: thiếu trường bắt buộc 'level'\n    missing required field 'level'",
        "plans/units.yaml:7:38: units[1].name.en: cần một chuỗi, nhận được một số nguyên\n"
        "    expected a string, found an integer",
        "plans/units.yaml:8:13: units[1].parent: cần một chuỗi, nhận được một danh sách\n"
        "    expected a string, found a list",
        "plans/units.yaml:6:11: units[1].levl: trường không hợp lệ 'levl' (có phải 'level'?)\n"
        "    unknown field 'levl' (did you mean 'level'?)",
        "plans/units.yaml:10:12: units[2].level: cần một trong: 'national', 'central', 'province', 'district';"
        " nhận được 'provinse' (có phải 'province'?)\n    expected one of: 'national', 'central', 'province', 'district';"
        " found 'provinse' (did you mean 'province'?)",
        "plans/units.yaml:12:18: units[2].extra_thing: trường không hợp lệ 'extra_thing' (các trường hợp lệ: id,"
        " level, kind, name, short_name, parent, centrally_run, predecessors, history, succeeded_by, branding)\n"
        "    unknown field 'extra_thing' (expected one of: id, level, kind, name, short_name, parent, centrally_run,"
        " predecessors, history, succeeded_by, branding)",
    ]


def test_a_valid_document_gives_its_model() -> None:
    doc = parse_yaml(b'units:\n  - id: viet-nam\n    level: national\n    name: {vi: "Trung \xc6\xb0\xc6\xa1ng"}\n',
                     "plans/units.yaml")
    assert isinstance(doc, YamlDocument)
    value, problems = validate(doc, UnitFile)
    assert problems == []
    assert isinstance(value, UnitFile) and value.units[0].name.vi == "Trung ương"


def test_each_item_of_a_list_is_located_on_its_own_line() -> None:
    doc = parse_yaml(b"units:\n  - 1\n  - 1\n", "plans/units.yaml")
    assert isinstance(doc, YamlDocument)
    _, problems = validate(doc, UnitFile)
    assert [p.format() for p in problems] == [
        f"plans/units.yaml:{line}:5: units[{line - 2}]: cần một bảng (mapping), nhận được một số nguyên\n"
        "    expected a mapping, found an integer" for line in (2, 3)
    ]


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str


class _Bounds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    count: Annotated[int, Field(ge=1, le=10)] = 1
    share: Annotated[float, Field(gt=0, lt=1)] = 0.5
    url: Annotated[str, Field(pattern=r"^https://\S+$")] = "https://asean.org/"
    page: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9/_.-]*$")] = "asean/"
    code: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "ABC"
    note: Annotated[str, Field(min_length=1, max_length=5)] = "x"
    items: Annotated[list[_Item], Field(min_length=1)] = [_Item(name="a")]
    flag: bool = False


@pytest.mark.parametrize(("data", "vi", "en"), [
    ({"count": 0}, "cần ≥ 1, nhận được 0", "expected at least 1, found 0"),
    ({"count": 11}, "cần ≤ 10, nhận được 11", "expected at most 10, found 11"),
    ({"count": "many"}, "cần một số nguyên, nhận được 'many'", "expected an integer, found 'many'"),
    ({"count": 1.5}, "cần một số nguyên, nhận được 1.5", "expected an integer, found 1.5"),
    ({"count": "x" * 80}, f"cần một số nguyên, nhận được '{'x' * 56}...'", f"expected an integer, found '{'x' * 56}...'"),
    ({"share": 0}, "cần > 0.0, nhận được 0", "expected more than 0.0, found 0"),
    ({"share": 1}, "cần < 1.0, nhận được 1", "expected less than 1.0, found 1"),
    ({"url": "http://x"}, "cần một địa chỉ https:// đầy đủ (vd. https://asean.org/); nhận được 'http://x'",
     "expected a full https:// address (e.g. https://asean.org/); found 'http://x'"),
    ({"page": "/Abs"}, "cần một đường dẫn trong trang, chữ thường không dấu (vd. asean/); nhận được '/Abs'",
     "expected a path inside the site in lower-case ASCII (e.g. asean/); found '/Abs'"),
    ({"code": "ab"}, "giá trị 'ab' không đúng dạng ^[A-Z]{3}$", "value 'ab' does not match ^[A-Z]{3}$"),
    ({"note": ""}, "chuỗi rỗng", "empty string"),
    ({"note": "toolong"}, "chuỗi quá dài (tối đa 5 ký tự)", "string too long (at most 5 characters)"),
    ({"items": []}, "cần ít nhất 1 mục", "expected at least 1 item(s)"),
    ({"items": "no"}, "cần một danh sách, nhận được một chuỗi", "expected a list, found a string"),
    ({"items": [{"name": {"a": 1}}]}, "cần một chuỗi, nhận được một bảng (mapping)", "expected a string, found a mapping"),
    ({"flag": "perhaps"}, "cần true hoặc false, nhận được 'perhaps'", "expected true or false, found 'perhaps'"),
    ({"flag": [1]}, "cần true hoặc false, nhận được một danh sách", "expected true or false, found a list"),
])
def test_what_was_expected_and_what_was_found(data: dict[str, Any], vi: str, en: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _Bounds.model_validate(data)
    [error] = caught.value.errors(include_url=False)
    assert translate(error, _Bounds) == (tuple(error["loc"]), vi, en)


def test_a_misspelt_key_of_a_nested_model_is_matched_against_that_model() -> None:
    with pytest.raises(ValidationError) as caught:
        _Bounds.model_validate({"items": [{"nam": "a"}]})
    assert [translate(e, _Bounds) for e in caught.value.errors(include_url=False)] == [
        (("items", 0, "name"), "thiếu trường bắt buộc 'name'", "missing required field 'name'"),
        (("items", 0, "nam"), "trường không hợp lệ 'nam' (có phải 'name'?)", "unknown field 'nam' (did you mean 'name'?)"),
    ]


@pytest.mark.parametrize(("url", "ok"), [
    ("https://asean.org:443/x", True), ("https://asean.org:65535/", True), ("https://asean.org:99999/", False),
    ("https://asean.org:65536/", False), ("https://asean.org:0/", False), ("https://asean.org:00080/", False),
])
def test_https_addresses_have_a_real_port(url: str, ok: bool) -> None:
    """Finding 10 of issue 30: ``HttpsUrl`` accepted port 99999, which no browser opens."""
    from pydantic import TypeAdapter

    from site_builder.model.common import HttpsUrl

    adapter = TypeAdapter(HttpsUrl)
    if ok:
        assert adapter.validate_python(url) == url
    else:
        with pytest.raises(ValidationError):
            adapter.validate_python(url)


def test_a_huge_number_is_refused_without_being_echoed_whole() -> None:
    """Finding 10 of issue 30: a 100,000-digit integer was echoed whole in the message."""
    from site_builder.core.problems import Problem

    refused = parse_yaml(("id: " + "9" * 100_000 + "\n").encode(), "plans/x.yaml")
    assert isinstance(refused, Problem)
    assert len(refused.en) < 200 and len(refused.vi) < 200, refused.en[:300]
    assert "100,000 characters" in refused.en and "100,000 ký tự" in refused.vi
    assert (refused.line, refused.column) == (1, 5)
