"""site_builder.core.slug: one folding for ids, anchors and search, Vietnamese alphabetical order."""

from __future__ import annotations

import re

import pytest

from site_builder.core.slug import SLUG_PATTERN, collation_key, fold, in_sentence, slugify, slugify_heading


def test_fold_drops_marks_and_folds_d_with_stroke() -> None:
    assert fold("Đường Hồ Chí Minh") == "duong ho chi minh"
    assert fold("đắk lắk") == "dak lak"
    assert fold("ASEAN") == "asean"


@pytest.mark.parametrize(("text", "separator", "slug"), [
    ("Sở Thông tin và Truyền thông", "-", "so-thong-tin-va-truyen-thong"),
    ("  Đắk Lắk!! 2025 ", "_", "dak_lak_2025"),
    ("Ủy ban nhân dân tỉnh Sóc Trăng", "-", "uy-ban-nhan-dan-tinh-soc-trang"),
    ("Lễ thượng cờ ASEAN năm 2026", "-", "le-thuong-co-asean-nam-2026"),
    ("!!!", "-", ""),
])
def test_slugify(text: str, separator: str, slug: str) -> None:
    assert slugify(text, separator) == slug


def test_heading_anchors_use_the_same_folding() -> None:
    assert slugify_heading("Mục I. Đích", "_") == "muc_i_dich"
    assert slugify_heading("Tổ chức thực hiện", "-") == slugify("Tổ chức thực hiện")


@pytest.mark.parametrize(("value", "ok"), [
    ("dong-thap", True), ("a1", True), ("a--b", False), ("-a", False), ("a-", False), ("Dong", False), ("đ", False),
])
def test_slug_pattern(value: str, ok: bool) -> None:
    assert bool(re.match(SLUG_PATTERN, value)) is ok


def test_vietnamese_alphabetical_order() -> None:
    names = ["Yên Bái", "Đà Nẵng", "Đắk Lắk", "Dương", "An Giang", "Ăn", "Âu", "Ơ", "Ô", "ưu", "uy", "Bà", "Ba", "Bá"]
    assert sorted(names, key=collation_key) == [
        "An Giang", "Ăn", "Âu", "Ba", "Bà", "Bá", "Dương", "Đà Nẵng", "Đắk Lắk", "Ô", "Ơ", "uy", "ưu", "Yên Bái",
    ]


def test_collation_key_puts_a_space_before_any_letter_and_ranks_tones_apart() -> None:
    assert collation_key("Ba") == ((5, 2), (0, 0))
    assert collation_key("Bá") == ((5, 2), (0, 2))
    assert collation_key("a b") < collation_key("ab")


@pytest.mark.parametrize(("name", "inside"), [
    ("Tỉnh Sóc Trăng", "tỉnh Sóc Trăng"),
    ("Thành phố Cần Thơ", "thành phố Cần Thơ"),
    ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Huyện Đông Sơn", "huyện Đông Sơn"),
    ("Bộ Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư"),
    ("Ban Tuyên giáo Trung ương", "Ban Tuyên giáo Trung ương"),
    ("Ủy ban nhân dân tỉnh Sóc Trăng", "Ủy ban nhân dân tỉnh Sóc Trăng"),
    ("Trung ương", "Trung ương"),
    ("", ""),
])
def test_unit_names_inside_a_sentence(name: str, inside: str) -> None:
    assert in_sentence(name) == inside
