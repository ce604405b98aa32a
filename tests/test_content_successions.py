"""The 2025 successions recorded in the data: each names its successor, its date and a source
a reader can open, and the former units' contact offices are bodies of today."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.inputs.loader import check_dataset

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def dataset():  # type: ignore[no-untyped-def]
    data, problems = check_dataset(ROOT)
    assert not problems.errors, "\n".join(p.format() for p in problems.sorted())
    return data


@pytest.mark.parametrize(
    ("agency", "successor", "effective"),
    [
        ("bo-lao-dong-thuong-binh-va-xa-hoi", "Bộ Nội vụ", "2025-03-01"),
        ("ban-tuyen-giao-trung-uong", "Ban Tuyên giáo và Dân vận Trung ương", "2025-02-03"),
        ("dong-thap-so-thong-tin-va-truyen-thong", "Sở Khoa học và Công nghệ tỉnh Đồng Tháp", "2025-03-01"),
        ("soc-trang-so-thong-tin-va-truyen-thong", "Sở Khoa học và Công nghệ tỉnh Sóc Trăng", "2025-03-01"),
        ("binh-phuoc-so-thong-tin-va-truyen-thong", "Sở Khoa học và Công nghệ tỉnh Bình Phước", "2025-03-01"),
    ],
)
def test_agency_successions_are_dated_and_sourced(dataset, agency: str, successor: str, effective: str) -> None:  # type: ignore[no-untyped-def]
    succession = dataset.agencies[agency].succeeded_by[0]
    # A successor the file holds a record of is named by its id (``to``), any other by name.
    named = dataset.agencies[succession.to].name if succession.to else succession.name
    assert named is not None and named.vi == successor
    assert succession.effective == effective
    assert succession.url and succession.url.startswith("https://")


def test_dong_son_merged_into_thanh_hoa_city_before_the_district_level_ended(dataset) -> None:  # type: ignore[no-untyped-def]
    merged, ended = dataset.units["dong-son"].succeeded_by
    assert (merged.effective, merged.name.vi if merged.name else None) == ("2025-01-01", "Thành phố Thanh Hóa")
    assert (ended.effective, ended.to) == ("2025-07-01", "thanh-hoa")
    assert merged.url and ended.url


def test_former_units_contact_offices_are_bodies_of_today(dataset) -> None:  # type: ignore[no-untyped-def]
    offices = {
        unit.id: unit.branding.contact.office.vi
        for unit in dataset.units.values()
        if unit.branding and unit.branding.contact and unit.branding.contact.office
    }
    assert offices == {
        "dong-thap-cu": "Sở Khoa học và Công nghệ tỉnh Đồng Tháp",
        "soc-trang": "Sở Khoa học và Công nghệ thành phố Cần Thơ",
        "binh-phuoc": "Sở Khoa học và Công nghệ thành phố Đồng Nai",
        "dong-son": "Sở Văn hóa, Thể thao và Du lịch tỉnh Thanh Hóa",
    }
    for unit_id in offices:
        assert "Thông tin và Truyền thông" not in offices[unit_id]
