"""Per-unit builds: branded for one unit (--unit) or every unit side by side (--all-units)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import CliResult, MiniProject, before, run_cli, unit_sections
from conftest import read_page as read

from site_builder.apps.build import build_all_units, build_site
from site_builder.apps.errors import BuildError
from site_builder.core.problems import ProblemList
from site_builder.core.slug import collation_key
from site_builder.derive.index import SiteIndex
from site_builder.derive.project import Project

BRANDING = """    branding:
      display_name: {vi: "Cổng thông tin điện tử tỉnh Sóc Trăng", en: "Sóc Trăng Provincial Web Portal"}
      colors: {primary: "#7a2d0c", accent: "#f6b93b"}
      portal: "https://soctrang.gov.vn"
"""


def header(html: str) -> tuple[str | None, str]:
    """(owner, section) as the page's header names them."""
    owner = re.search(r'<span class="asean-brand__owner">([^<]*)</span>', html)
    section = re.search(r'<span class="asean-brand__section">([^<]*)</span>', html)
    assert section is not None
    return (owner[1] if owner else None), section[1]


def brand(tiny: MiniProject) -> None:
    tiny.replace("plans/units.yaml", "    parent: viet-nam\n", "    parent: viet-nam\n" + BRANDING)


@pytest.mark.site
def test_unit_build_carries_the_units_name_colours_and_plans_first(tiny: MiniProject) -> None:
    brand(tiny)
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/", unit="soc-trang")
    home = (out / "vi/index.html").read_text(encoding="utf-8")
    assert header(home) == ("Tỉnh Sóc Trăng", "Chuyên mục ASEAN")  # no owner named: the unit itself
    assert "<title>Chuyên mục ASEAN – Tỉnh Sóc Trăng</title>" in home
    assert 'href="assets/unit.css"' in home
    assert "--md-primary-fg-color: #7a2d0c;" in (out / "vi/assets/unit.css").read_text(encoding="utf-8")
    plans_at = home.index('id="plans"')
    assert home.index("Kế hoạch năm 2022") > plans_at  # the unit's own plan, under "Plans of …"
    en = (out / "en/index.html").read_text(encoding="utf-8")
    assert header(en) == ("Sóc Trăng Province", "ASEAN section")


@pytest.mark.site
def test_national_build_has_no_unit_branding(tiny: MiniProject) -> None:
    brand(tiny)
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/")
    home = (out / "vi/index.html").read_text(encoding="utf-8")
    assert "unit.css" not in home and 'id="unit"' not in home
    assert header(home) == (None, "Chuyên mục ASEAN")  # the tiny project's national record names no owner


@pytest.mark.site
def test_unknown_unit_is_refused(tiny: MiniProject) -> None:
    with pytest.raises(BuildError, match="unknown unit 'soc-trag'"):
        build_site(tiny.root, tiny.root / "site", unit="soc-trag")


def test_too_light_brand_colour_is_an_error(tiny: MiniProject) -> None:
    brand(tiny)
    tiny.replace("plans/units.yaml", 'primary: "#7a2d0c"', 'primary: "#f0f0f0"')
    result = run_cli("--root", str(tiny.root), "check")
    assert result.returncode == 1
    assert "primary colour #f0f0f0 is too light for white text (1.14:1, needs at least 4.5:1)" in result.stdout


@pytest.mark.site
def test_all_units_each_in_its_own_folder(tiny: MiniProject) -> None:
    brand(tiny)
    out = tiny.root / "site"
    built = build_all_units(tiny.root, out, site_url="https://example.org/asean/", jobs=2)
    assert built == ["viet-nam", "soc-trang"]
    for unit in built:
        for lang in ("vi", "en"):
            assert (out / unit / lang / "index.html").exists()
        assert (out / unit / "api/v1/plans.json").exists()
    html = (out / "soc-trang/vi/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert 'hreflang="en" href="https://example.org/asean/soc-trang/en/plans/soc-trang-2022/"' in html
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="soc-trang/vi/"' in index and 'href="viet-nam/en/"' in index


# ── The 34 provincial-level units of today (Resolution 202/2025/QH15) ───────────────
TODAY = {
    # id: (Vietnamese name, clause of Article 1 of Resolution 202/2025/QH15, predecessors)
    "tuyen-quang": ("Tỉnh Tuyên Quang", 1, ["Tỉnh Hà Giang", "Tỉnh Tuyên Quang"]),
    "lao-cai": ("Tỉnh Lào Cai", 2, ["Tỉnh Yên Bái", "Tỉnh Lào Cai"]),
    "thai-nguyen": ("Tỉnh Thái Nguyên", 3, ["Tỉnh Bắc Kạn", "Tỉnh Thái Nguyên"]),
    "phu-tho": ("Tỉnh Phú Thọ", 4, ["Tỉnh Vĩnh Phúc", "Tỉnh Hòa Bình", "Tỉnh Phú Thọ"]),
    "bac-ninh": ("Tỉnh Bắc Ninh", 5, ["Tỉnh Bắc Giang", "Tỉnh Bắc Ninh"]),
    "hung-yen": ("Tỉnh Hưng Yên", 6, ["Tỉnh Thái Bình", "Tỉnh Hưng Yên"]),
    "hai-phong": ("Thành phố Hải Phòng", 7, ["Tỉnh Hải Dương", "Thành phố Hải Phòng"]),
    "ninh-binh": ("Tỉnh Ninh Bình", 8, ["Tỉnh Hà Nam", "Tỉnh Nam Định", "Tỉnh Ninh Bình"]),
    "quang-tri": ("Tỉnh Quảng Trị", 9, ["Tỉnh Quảng Bình", "Tỉnh Quảng Trị"]),
    "da-nang": ("Thành phố Đà Nẵng", 10, ["Tỉnh Quảng Nam", "Thành phố Đà Nẵng"]),
    "quang-ngai": ("Tỉnh Quảng Ngãi", 11, ["Tỉnh Kon Tum", "Tỉnh Quảng Ngãi"]),
    "gia-lai": ("Tỉnh Gia Lai", 12, ["Tỉnh Bình Định", "Tỉnh Gia Lai"]),
    "khanh-hoa": ("Tỉnh Khánh Hòa", 13, ["Tỉnh Ninh Thuận", "Tỉnh Khánh Hòa"]),
    "lam-dong": ("Tỉnh Lâm Đồng", 14, ["Tỉnh Đắk Nông", "Tỉnh Bình Thuận", "Tỉnh Lâm Đồng"]),
    "dak-lak": ("Tỉnh Đắk Lắk", 15, ["Tỉnh Phú Yên", "Tỉnh Đắk Lắk"]),
    "ho-chi-minh": ("Thành phố Hồ Chí Minh", 16, ["Tỉnh Bà Rịa - Vũng Tàu", "Tỉnh Bình Dương", "Thành phố Hồ Chí Minh"]),
    "dong-nai": ("Thành phố Đồng Nai", 17, ["Tỉnh Bình Phước", "Tỉnh Đồng Nai"]),
    "tay-ninh": ("Tỉnh Tây Ninh", 18, ["Tỉnh Long An", "Tỉnh Tây Ninh"]),
    "can-tho": ("Thành phố Cần Thơ", 19, ["Thành phố Cần Thơ", "Tỉnh Sóc Trăng", "Tỉnh Hậu Giang"]),
    "vinh-long": ("Tỉnh Vĩnh Long", 20, ["Tỉnh Bến Tre", "Tỉnh Vĩnh Long", "Tỉnh Trà Vinh"]),
    "dong-thap": ("Tỉnh Đồng Tháp", 21, ["Tỉnh Tiền Giang", "Tỉnh Đồng Tháp"]),
    "ca-mau": ("Tỉnh Cà Mau", 22, ["Tỉnh Bạc Liêu", "Tỉnh Cà Mau"]),
    "an-giang": ("Tỉnh An Giang", 23, ["Tỉnh Kiên Giang", "Tỉnh An Giang"]),
    **{uid: (name, 24, []) for uid, name in [
        ("cao-bang", "Tỉnh Cao Bằng"), ("dien-bien", "Tỉnh Điện Biên"), ("ha-tinh", "Tỉnh Hà Tĩnh"),
        ("lai-chau", "Tỉnh Lai Châu"), ("lang-son", "Tỉnh Lạng Sơn"), ("nghe-an", "Tỉnh Nghệ An"),
        ("quang-ninh", "Tỉnh Quảng Ninh"), ("thanh-hoa", "Tỉnh Thanh Hóa"), ("son-la", "Tỉnh Sơn La"),
        ("ha-noi", "Thành phố Hà Nội"), ("hue", "Thành phố Huế")]},
}
"""Article 1 of Resolution 202/2025/QH15: clauses 1-23 form 23 units by mergers, clause 24
names the 11 not merged. Đồng Nai has been a centrally-run city since 30 April 2026."""


@pytest.fixture(scope="module")
def real(real_check: tuple[Project | None, ProblemList]) -> Project:
    project, problems = real_check
    assert project is not None, problems.errors
    return project


def _name(project: Project, pred: Any) -> str:
    return project.data.units[pred.unit].name.vi if pred.unit else pred.name.vi


def test_the_34_units_of_today_with_what_each_was_formed_from(real: Project) -> None:
    units = real.data.units
    today = {u.id: u for u in units.values() if u.level == "province" and u.current}
    assert set(today) == set(TODAY)
    cities = {u.id for u in today.values() if u.centrally_run}
    assert cities == {"ha-noi", "hai-phong", "hue", "da-nang", "ho-chi-minh", "can-tho", "dong-nai"}
    for uid, (name, clause, preds) in TODAY.items():
        unit = today[uid]
        assert unit.name.vi == name and unit.name.en, uid
        assert sorted(_name(real, p) for p in unit.predecessors) == sorted(preds), uid
        first = unit.history[0]
        cited = {(c.source, c.at.vi if c.at else None) for c in first.cite}
        assert ("nq-202-2025-qh15", f"Điều 1, khoản {clause}") in cited, uid
        assert unit.branding is not None and unit.branding.colors is not None, uid
        assert unit.branding.logo is None, uid  # no emblem without a licence that allows it
        if unit.branding.portal:
            assert unit.branding.portal_cite or uid == "thanh-hoa", uid  # Thanh Hóa's was recorded before


def test_every_fact_about_units_cites_a_deep_link(real: Project) -> None:
    for source in real.data.sources.values():
        for url in (source.url, source.url_en):
            if url:
                assert urlsplit(url).path.strip("/"), f"{source.id}: a home page is no source ({url})"
    for unit in real.data.units.values():
        for event in unit.history:
            assert event.cite
        for succession in unit.succeeded_by:
            if succession.to and unit.level == "province":
                assert succession.url, unit.id


def test_former_provinces_name_the_unit_that_carries_them(real: Project) -> None:
    index = SiteIndex(real.data)
    assert index.successor("soc-trang") == "can-tho"
    assert index.successor("binh-phuoc") == "dong-nai"
    assert index.successor("dong-thap-cu") == "dong-thap"
    assert index.successor("dong-son") == "thanh-hoa"
    assert index.carried["can-tho"] == ["can-tho", "soc-trang"]
    assert index.carried["thanh-hoa"] == ["thanh-hoa", "dong-son"]
    assert real.data.plans["dong-thap-2021-2025"].issuer == "dong-thap-cu"  # issued under that name


def test_units_sort_in_vietnamese_alphabetical_order() -> None:
    names = ["Đắk Lắk", "Yên Bái", "Đà Nẵng", "Cần Thơ", "Cà Mau", "Cao Bằng", "Thanh Hóa", "Tây Ninh", "Thái Nguyên"]
    assert sorted(names, key=collation_key) == [
        "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Tây Ninh", "Thái Nguyên", "Thanh Hóa", "Yên Bái"]


# ── check: both sides of a merger, sources, contact ───────────────────────────────────
TODAY_UNIT = """  - id: can-tho
    level: province
    centrally_run: true
    name: {vi: "Thành phố Cần Thơ", en: "Cần Thơ City"}
    parent: viet-nam
    predecessors:
      - unit: soc-trang
      - name: {vi: "Tỉnh Hậu Giang", en: "Hậu Giang Province"}
    history:
      - effective: 2025-07-01
        what: {vi: "Sắp xếp thành thành phố Cần Thơ.", en: "Merged into Cần Thơ City."}
        cite: [{source: nq-202, at: {vi: "Điều 1, khoản 19", en: "Article 1, clause 19"}}]
    branding:
      display_name: {vi: "Chuyên mục ASEAN – Thành phố Cần Thơ", en: "ASEAN section – Cần Thơ City"}
      colors: {primary: "#8a1c1c", accent: "#ffcc00"}
"""
SOURCES = """sources:
  - id: nq-202
    title: {vi: "Nghị quyết số 202/2025/QH15", en: "Resolution 202/2025/QH15"}
    url: "https://example.gov.vn/nghi-quyet-202-2025-qh15.htm"
"""
SUCCEEDED = """    succeeded_by:
      - to: can-tho
        effective: 2025-07-01
        source: {vi: "Nghị quyết số 202/2025/QH15", en: "Resolution 202/2025/QH15"}
"""


def merged(tiny: MiniProject) -> MiniProject:
    """The tiny project a year on: Sóc Trăng is a former province carried by Cần Thơ City."""
    tiny.replace("plans/units.yaml", "units:\n", SOURCES + "units:\n")
    tiny.replace("plans/units.yaml", "    parent: viet-nam\n", "    parent: viet-nam\n" + SUCCEEDED + BRANDING)
    tiny.write("plans/units.yaml", (tiny.root / "plans/units.yaml").read_text(encoding="utf-8") + TODAY_UNIT)
    return tiny


def check_output(root: Path) -> CliResult:
    return run_cli("--root", str(root), "check")


def test_a_merger_recorded_on_one_side_only_is_an_error(tiny: MiniProject) -> None:
    merged(tiny)
    assert check_output(tiny.root).returncode == 0
    tiny.replace("plans/units.yaml", "      - to: can-tho\n", "      - name: {vi: \"Thành phố Cần Thơ\"}\n")
    result = check_output(tiny.root)
    assert result.returncode == 1
    assert "plans/units.yaml:" in result.stdout
    assert ("'soc-trang' is listed as a predecessor of 'can-tho', "
            "but the 'succeeded_by' of 'soc-trang' has no 'to: can-tho'") in result.stdout


def test_an_unknown_source_is_an_error(tiny: MiniProject) -> None:
    merged(tiny)
    tiny.replace("plans/units.yaml", "source: nq-202,", "source: nq-203,")
    result = check_output(tiny.root)
    assert result.returncode == 1
    assert "unknown source 'nq-203' in plans/units.yaml › sources (did you mean 'nq-202'?)" in result.stdout


def test_a_contact_that_is_no_email_is_an_error(tiny: MiniProject) -> None:
    merged(tiny)
    tiny.replace("plans/units.yaml", '      colors: {primary: "#8a1c1c"',
                 '      contact: {email: "javascript:alert(1)"}\n      colors: {primary: "#8a1c1c"')
    result = check_output(tiny.root)
    assert result.returncode == 1
    assert "units[2].branding.contact.email" in result.stdout
    assert "'javascript:alert(1)' is not an email address (like name@agency.gov.vn)" in result.stdout


def test_the_owners_contact_carries_what_decree_42_asks_and_checks_it() -> None:
    """Address, phone, fax, email and the official responsible (Decree 42/2022/NĐ-CP,
    Article 4, clause 1, point e), each optional; a fax is written as a phone is."""
    from pydantic import ValidationError

    from site_builder.model.units import Branding, Contact

    contact = Contact.model_validate({
        "office": {"vi": "Sở Ngoại vụ", "en": "Department of Foreign Affairs"},
        "address": {"vi": "Số 1, đường A", "en": "1 A Street"}, "phone": "0292 3820 000", "fax": "0292.3820.001",
        "email": "songoaivu@example.gov.vn",
        "responsible": {"name": "Nguyễn Văn A", "position": {"vi": "Giám đốc Sở", "en": "Director"}}})
    assert contact.responsible is not None and contact.responsible.position.en == "Director"
    assert Contact.model_validate({}).responsible is None
    with pytest.raises(ValidationError, match="is not a phone number"):
        Contact.model_validate({"fax": "gọi tổng đài"})
    with pytest.raises(ValidationError):
        Contact.model_validate({"responsible": {"name": "Nguyễn Văn A"}})  # a position, always
    brand = Branding.model_validate({"display_name": {"vi": "Chuyên mục ASEAN", "en": "ASEAN section"},
                                     "owner": {"vi": "Ban Chỉ đạo", "en": "Steering Committee"}})
    assert brand.owner is not None and brand.licence is None


@pytest.mark.site
def test_all_units_builds_the_units_of_today_unless_asked_for_all(tiny: MiniProject) -> None:
    merged(tiny)
    out = tiny.root / "site"
    assert build_all_units(tiny.root, out, site_url="https://example.org/asean/", jobs=2) == ["viet-nam", "can-tho"]
    assert not (out / "soc-trang").exists()
    home = (out / "can-tho/vi/index.html").read_text(encoding="utf-8")
    assert "<title>Chuyên mục ASEAN – Thành phố Cần Thơ</title>" in home
    assert "Kế hoạch của tỉnh Sóc Trăng cũ" in home and "Tỉnh Sóc Trăng (cũ)" in home
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index('href="viet-nam/vi/"') < index.index('href="can-tho/vi/"')
    built = build_all_units(tiny.root, out, site_url="https://example.org/asean/", jobs=2, include_former=True)
    assert built == ["viet-nam", "can-tho", "soc-trang"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index("Units before the 2025 reorganisation") < index.index('href="soc-trang/vi/"')


# ── new unit: branding and contact for a unit of today ───────────────────────────────
@pytest.mark.site
def test_new_unit_writes_the_branding_and_contact_of_a_unit_of_today(tiny: MiniProject) -> None:
    merged(tiny)
    result = run_cli(
        "--root", str(tiny.root), "new", "unit", "--id", "can-tho",
        "--primary", "#003366", "--office-vi", "Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ",
        "--office-en", "Cần Thơ City Department of Culture, Sports and Tourism", "--email", "asean@cantho.example.vn",
        "--phone", "0292 3820 000")
    assert result.returncode == 0, result.stdout
    text = (tiny.root / "plans/units.yaml").read_text(encoding="utf-8")
    assert 'colors: {primary: "#003366", accent: "#ffcc00"}' in text
    assert 'display_name: {vi: "Chuyên mục ASEAN – Thành phố Cần Thơ"' in text  # kept
    assert "      - unit: soc-trang\n" in text and "Điều 1, khoản 19" in text  # the rest of the record kept
    assert text.count("    branding:\n") == 2  # Sóc Trăng's and Cần Thơ's, one each
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/", unit="can-tho")
    home = (out / "en/index.html").read_text(encoding="utf-8")
    assert 'href="mailto:asean@cantho.example.vn"' in home and 'href="tel:02923820000"' in home
    assert "Cần Thơ City Department of Culture, Sports and Tourism" in home
    assert "--md-primary-fg-color: #003366;" in (out / "en/assets/unit.css").read_text(encoding="utf-8")


def test_new_unit_refuses_colours_that_fail_contrast(tiny: MiniProject) -> None:
    merged(tiny)
    before = (tiny.root / "plans/units.yaml").read_text(encoding="utf-8")
    result = run_cli("--root", str(tiny.root), "new", "unit", "--id", "can-tho", "--accent", "#8a1c1d")
    assert result.returncode == 1
    assert "màu nhấn #8a1c1d không đủ tương phản với màu chính" in result.stdout
    assert "accent colour #8a1c1d has too little contrast with the primary colour" in result.stdout
    assert (tiny.root / "plans/units.yaml").read_text(encoding="utf-8") == before


def test_new_plan_for_a_unit_of_today_adds_its_peoples_committee(tiny: MiniProject) -> None:
    merged(tiny)
    result = run_cli(
        "--root", str(tiny.root), "new", "plan", "--unit", "can-tho",
        "--start", "2026", "--end", "2030", "--title-vi", "Kế hoạch ASEAN giai đoạn 2026 - 2030",
        "--title-en", "ASEAN plan for 2026-2030")
    assert "plans/can-tho-2026-2030.yaml" in result.stdout
    agencies = (tiny.root / "plans/agencies.yaml").read_text(encoding="utf-8")
    assert "  - id: can-tho-uy-ban-nhan-dan-thanh-pho\n" in agencies
    assert '"Ủy ban nhân dân thành phố Cần Thơ"' in agencies and "Cần Thơ City People's Committee" in agencies
    plan = (tiny.root / "plans/can-tho-2026-2030.yaml").read_text(encoding="utf-8")
    assert "issuing_agency: can-tho-uy-ban-nhan-dan-thanh-pho" in plan


# ── Sections of units of today, built from the real data ─────────────────────────────
SECTIONS = ("can-tho", "dong-nai", "dong-thap", "ha-tinh")
"""A city formed from three units, one a province that issued a plan (Cần Thơ, with Sóc
Trăng's); a province that absorbed one that issued a plan, a city since 2026 (Đồng Nai, with
Bình Phước's); a province that absorbed one and carries the plan of the former province of
the same name (Đồng Tháp); and a province not merged, with no plan at all (Hà Tĩnh)."""


@pytest.fixture(scope="module")
def sections(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Four sections of the real corpus, without the search index (no test here searches)."""
    return unit_sections(tmp_path_factory, SECTIONS)


@pytest.mark.site
def test_city_formed_from_provinces_carries_the_former_provinces_plan_pages_and_news(
    sections: dict[str, Path], real: Project
) -> None:
    site = sections["can-tho"]
    colors = real.data.units["can-tho"].branding.colors  # type: ignore[union-attr]
    vi, en = read(site, "vi/index.html"), read(site, "en/index.html")
    assert header(vi) == ("Thành phố Cần Thơ", "Chuyên mục ASEAN") and header(en) == ("Cần Thơ City", "ASEAN section")
    assert "<title>Chuyên mục ASEAN – Thành phố Cần Thơ</title>" in vi
    assert f"--md-primary-fg-color: {colors.primary};" in read(site, "vi/assets/unit.css")
    assert f"--asean-yellow: {colors.accent};" in read(site, "vi/assets/unit.css")
    # the former province's plan, under its own name, first on the home page
    assert before(vi, 'id="unit">Thành phố Cần Thơ</h2>', "Kế hoạch của tỉnh Sóc Trăng cũ")
    assert before(vi, "Kế hoạch của tỉnh Sóc Trăng cũ", "Kế hoạch ASEAN năm 2022 của tỉnh Sóc Trăng</a>")
    assert "Tỉnh Sóc Trăng (cũ) ·" in vi and "Hình thành từ thành phố Cần Thơ," in vi
    assert before(en, "Plans of the former Sóc Trăng Province", "Sóc Trăng&#39;s ASEAN plan for 2022</a>")
    assert "Sóc Trăng Province (former) ·" in en
    # its tourism page and its news, labelled with the former province
    assert before(en, "Sóc Trăng: tourism and culture</a>", "Of the former Sóc Trăng Province")
    assert "Sóc Trăng issues its ASEAN communication and promotion plan for 2022</a>" in en
    # no plan of the city itself: said in words, and the national plan that applies; no
    # editors' instructions on a public page
    assert "Thành phố Cần Thơ chưa đăng kế hoạch ASEAN của riêng mình trên chuyên mục này." in vi
    assert before(vi, "Kế hoạch của tỉnh Sóc Trăng cũ", "Kế hoạch cấp trung ương, áp dụng cho mọi tỉnh, thành phố")
    assert "python -m" not in vi and "guide/" not in vi
    # the plan keeps its name and dates, and says where its issuer is now
    plan = read(site, "en/plans/soc-trang-2022/index.html")
    assert "<h1" in plan and "Sóc Trăng&#39;s ASEAN plan for 2022" in plan and "April 2022" in plan
    assert "the issuing unit is now part of" in plan and "Cần Thơ City</a>" in plan
    plans = read(site, "vi/plans/index.html")
    assert before(plans, 'id="unit">Thành phố Cần Thơ</h2>', 'id="plans-soc-trang"')
    feed = read(site, "en/feeds/units/can-tho.xml")
    assert "Sóc Trăng issues its ASEAN communication and promotion plan for 2022" in feed
    assert 'href="feeds/units/can-tho.xml"' in en
    embed = read(site, "en/embed/index.html")  # the widgets of the plans it carries come first
    assert before(embed, 'id="w-1">Sóc Trăng&#39;s ASEAN plan for 2022</h', 'Latest news</h')


@pytest.mark.site
def test_province_that_absorbed_one_carries_its_plan_under_the_former_name(sections: dict[str, Path]) -> None:
    nai = sections["dong-nai"]
    vi, en = read(nai, "vi/index.html"), read(nai, "en/index.html")
    assert header(vi) == ("Thành phố Đồng Nai", "Chuyên mục ASEAN")
    assert before(vi, "Kế hoạch của tỉnh Bình Phước cũ", "Kế hoạch ASEAN giai đoạn 2021–2025 của tỉnh Bình Phước</a>")
    assert before(en, "Bình Phước: tourism and culture</a>", "Of the former Bình Phước Province")
    unit = read(nai, "en/units/dong-nai/index.html")
    assert "Formed from" in unit and "Bình Phước Province (former)</a> and Đồng Nai Province" in unit
    assert "Became a centrally-run city, named Đồng Nai City." in unit and "30 April 2026" in unit
    assert "nghi-quyet-so-30-2026-qh16" in unit and "Article 1, clause 17" in unit
    thap = sections["dong-thap"]
    vi = read(thap, "vi/index.html")
    assert header(vi) == ("Tỉnh Đồng Tháp", "Chuyên mục ASEAN")
    assert before(vi, "Kế hoạch của tỉnh Đồng Tháp cũ", "Kế hoạch ASEAN giai đoạn 2021–2025 của tỉnh Đồng Tháp</a>")
    assert "Hình thành từ tỉnh Tiền Giang và" in vi and "tỉnh Đồng Tháp (cũ)</a>" in vi
    unit = read(thap, "vi/units/dong-thap/index.html")
    assert 'data-asean-filter="progress-dong-thap-2021-2025"' in unit  # its implementation dashboard too


@pytest.mark.site
def test_unit_not_merged_and_without_a_plan_gets_a_complete_section(sections: dict[str, Path]) -> None:
    site = sections["ha-tinh"]
    vi, en = read(site, "vi/index.html"), read(site, "en/index.html")
    assert header(vi) == ("Tỉnh Hà Tĩnh", "Chuyên mục ASEAN")
    assert "Hà Tĩnh Province has not yet published an ASEAN plan of its own in this section." in en
    assert before(en, "The national plan, which applies to every province and city",
                  "ASEAN Information Steering Committee&#39;s ASEAN plan for 2021–2025</a>")
    assert 'href="tourism/"' in en and "guide/" not in en
    assert "Latest news" in en  # the national content follows
    unit = read(site, "en/units/ha-tinh/index.html")
    assert "Not merged in the 2025 reorganisation of provincial-level units." in unit and "Article 1, clause 24" in unit


@pytest.mark.site
def test_units_page_lists_the_units_of_today_first(sections: dict[str, Path]) -> None:
    page = read(sections["ha-tinh"], "vi/units/index.html")
    assert "Hiện nay Việt Nam có 34 đơn vị hành chính cấp tỉnh: 7 thành phố trực thuộc trung ương và 27 tỉnh" in page
    today = page[page.index('id="today"'):page.index('id="former"')]
    former = page[page.index('id="former"'):]
    # the former provincial-level units, then the former central bodies of the national plan
    assert today.count('class="asean-card"') == 34 and former.count('class="asean-card"') == 4 + 3
    assert "Bộ Thông tin và Truyền thông (cũ)" in former and "Bộ Ngoại giao" not in former
    assert before(today, "Tỉnh An Giang", "Tỉnh Bắc Ninh") and before(today, "Tỉnh Đắk Lắk", "Tỉnh Điện Biên")
    assert "Tỉnh Sóc Trăng (cũ)" in former and "nay thuộc thành phố Cần Thơ" in former
    assert "Tỉnh Sóc Trăng (cũ)" not in today.replace("tỉnh Sóc Trăng (cũ)", "")


@pytest.fixture(scope="module")
def axe() -> str:
    from test_accessibility import AXE

    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core missing: `make test` installs it with npm ci --prefix tests/node")
        pytest.skip("axe-core not installed (npm ci --prefix tests/node)")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.browser
def test_unit_sections_pass_axe(browser, sections: dict[str, Path], axe: str) -> None:  # type: ignore[no-untyped-def]
    from browser import StaticServer, open_settled
    from test_accessibility import run_axe

    for unit in ("can-tho", "ha-tinh"):
        with StaticServer(sections[unit]) as srv:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            for path in ("vi/", "en/", "en/units/", f"vi/units/{unit}/"):
                open_settled(page, f"{srv.url}{path}")
                assert run_axe(page, axe) == [], f"{unit}: {path}"
            context.close()


@pytest.mark.site
def test_unit_sections_pass_the_html_checker(sections: dict[str, Path]) -> None:
    from test_html import KNOWN_MATERIAL_ERRORS, VNU

    if shutil.which("java") is None or not VNU.exists():
        pytest.skip("java or vnu.jar not installed (apt-get install default-jre-headless; npm ci --prefix tests/node)")
    files = [sections[unit] / lang / path / "index.html" for unit in ("can-tho", "dong-nai", "ha-tinh")
             for lang in ("vi", "en") for path in ("", "units", f"units/{unit}", "plans")]
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "gnu", "--errors-only", *map(str, files)],
                            capture_output=True, text=True, check=False)
    errors = [line for line in result.stderr.splitlines() + result.stdout.splitlines() if ": error:" in line]
    assert [e for e in errors if not any(p.search(e) for p in KNOWN_MATERIAL_ERRORS)] == []


# ── Central units (issue 36): level central, its kind, and the agency that names it ──────
CENTRAL_UNIT = """  - id: bo-ngoai-giao
    level: central
    kind: ministry
    name: {vi: "Bộ Ngoại giao", en: "Ministry of Foreign Affairs"}
    parent: viet-nam
    branding:
      display_name: {vi: "Chuyên mục ASEAN – Bộ Ngoại giao", en: "ASEAN section – Ministry of Foreign Affairs"}
      colors: {primary: "#1d3f72", accent: "#f2c94c"}
"""


def central_unit(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"id": "bo-ngoai-giao", "level": "central", "kind": "ministry",
                              "name": {"vi": "Bộ Ngoại giao", "en": "Ministry of Foreign Affairs"},
                              "parent": "viet-nam"}
    record.update(changes)
    return {k: v for k, v in record.items() if v is not None}


def test_a_central_unit_states_its_kind_and_only_a_central_unit_does() -> None:
    from pydantic import ValidationError

    from site_builder.model.units import Unit

    unit = Unit.model_validate(central_unit())
    assert (unit.level, unit.kind, unit.parent, unit.current) == ("central", "ministry", "viet-nam", True)
    for kind in ("ministry", "ministerial-agency", "government-agency", "party", "mass-organisation", "press"):
        assert Unit.model_validate(central_unit(kind=kind)).kind == kind
    with pytest.raises(ValidationError, match="central unit 'bo-ngoai-giao' needs a 'kind' ") as raised:
        Unit.model_validate(central_unit(kind=None))
    assert raised.value.errors()[0]["ctx"]["vi"].startswith("đơn vị trung ương 'bo-ngoai-giao' cần 'kind'")
    with pytest.raises(ValidationError, match="'kind' is only for central units \\(level: central\\), not for level 'province'"):
        Unit.model_validate(central_unit(id="soc-trang", level="province"))
    with pytest.raises(ValidationError, match="central unit 'bo-ngoai-giao' needs a 'parent'"):
        Unit.model_validate(central_unit(parent=None))
    with pytest.raises(ValidationError):
        Unit.model_validate(central_unit(kind="broadcaster"))  # the agencies' kinds are not the units'


def test_an_agency_names_its_central_unit() -> None:
    from site_builder.model.agencies import Agency

    agency = Agency.model_validate({"id": "bo-thong-tin-va-truyen-thong", "kind": "ministry", "unit": "viet-nam",
                                    "name": {"vi": "Bộ Thông tin và Truyền thông"},
                                    "central_unit": "bo-khoa-hoc-va-cong-nghe"})
    assert agency.central_unit == "bo-khoa-hoc-va-cong-nghe" and agency.unit == "viet-nam"
    assert Agency.model_validate({"id": "x", "kind": "collective", "unit": "viet-nam",
                                  "name": {"vi": "Các bộ, ngành"}}).central_unit is None


def test_check_reports_a_central_unit_without_its_kind(tiny: MiniProject) -> None:
    tiny.write("plans/units.yaml", (tiny.root / "plans/units.yaml").read_text(encoding="utf-8") + CENTRAL_UNIT)
    assert check_output(tiny.root).returncode == 0
    tiny.replace("plans/units.yaml", "    kind: ministry\n", "")
    result = check_output(tiny.root)
    assert result.returncode == 1
    assert "plans/units.yaml:" in result.stdout
    assert "central unit 'bo-ngoai-giao' needs a 'kind' (ministry, ministerial-agency, government-agency, " \
           "party, mass-organisation or press)" in result.stdout


CENTRAL = {
    # id: (Vietnamese name, kind, the former central units it carries)
    "bo-ngoai-giao": ("Bộ Ngoại giao", "ministry", []),
    "bo-cong-thuong": ("Bộ Công Thương", "ministry", []),
    "bo-van-hoa-the-thao-va-du-lich": ("Bộ Văn hóa, Thể thao và Du lịch", "ministry", []),
    "bo-giao-duc-va-dao-tao": ("Bộ Giáo dục và Đào tạo", "ministry", []),
    "bo-tai-chinh": ("Bộ Tài chính", "ministry", []),
    "bo-cong-an": ("Bộ Công an", "ministry", []),
    "bo-khoa-hoc-va-cong-nghe": ("Bộ Khoa học và Công nghệ", "ministry", ["bo-thong-tin-va-truyen-thong"]),
    "bo-noi-vu": ("Bộ Nội vụ", "ministry", ["bo-lao-dong-thuong-binh-va-xa-hoi"]),
    "ban-tuyen-giao-va-dan-van-trung-uong": ("Ban Tuyên giáo và Dân vận Trung ương", "party", ["ban-tuyen-giao-trung-uong"]),
    "dai-truyen-hinh-viet-nam": ("Đài Truyền hình Việt Nam", "press", []),
    "dai-tieng-noi-viet-nam": ("Đài Tiếng nói Việt Nam", "press", []),
    "thong-tan-xa-viet-nam": ("Thông tấn xã Việt Nam", "press", []),
    "trung-uong-doan-thanh-nien-cong-san-ho-chi-minh": ("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
                                                        "mass-organisation", []),
    "phong-thuong-mai-va-cong-nghiep-viet-nam": ("Liên đoàn Thương mại và Công nghiệp Việt Nam", "mass-organisation", []),
}
"""The central bodies of today that the national plan (01/QĐ-BCĐASEAN) assigns work to,
directly or through the body they took over (Resolution 176/2025/QH15, Article 1; the 2025
decrees on each body's functions; the Politburo's decision announced on 3 February 2025)."""


def test_the_central_units_of_today_with_their_kind_sources_and_branding(real: Project) -> None:
    units = real.data.units
    today = {u.id: u for u in units.values() if u.level == "central" and u.current}
    assert set(today) == set(CENTRAL)
    for uid, (name, kind, carried) in CENTRAL.items():
        unit = today[uid]
        assert (unit.name.vi, unit.kind, unit.parent) == (name, kind, "viet-nam"), uid
        assert [p.unit for p in unit.predecessors if p.unit] == carried, uid
        assert unit.history and all(event.cite for event in unit.history), uid
        assert unit.branding is not None and unit.branding.colors is not None, uid
        assert unit.branding.display_name.vi == f"Chuyên mục ASEAN – {name}", uid
        assert unit.branding.display_name.en == f"ASEAN section – {unit.name.en}", uid
        assert unit.branding.logo is None, uid  # no emblems
        assert not unit.branding.portal or unit.branding.portal_cite, uid
    cited = {c.source for u in today.values() for e in u.history for c in e.cite}
    assert {"nq-176-2025-qh15", "nd-28-2025-bo-ngoai-giao", "nd-55-2025-bo-khoa-hoc-va-cong-nghe",
            "nd-25-2025-bo-noi-vu", "bct-hop-nhat-ban-tuyen-giao-va-dan-van"} <= cited
    article_1 = [c.at.en for u in today.values() for e in u.history for c in e.cite
                 if c.source == "nq-176-2025-qh15" and c.at is not None]
    assert article_1 == ["Article 1"] * 8  # the eight ministries of the national plan


def test_former_central_bodies_name_the_unit_that_carries_them(real: Project) -> None:
    index = SiteIndex(real.data)
    assert index.successor("bo-thong-tin-va-truyen-thong") == "bo-khoa-hoc-va-cong-nghe"
    assert index.successor("bo-lao-dong-thuong-binh-va-xa-hoi") == "bo-noi-vu"
    assert index.successor("ban-tuyen-giao-trung-uong") == "ban-tuyen-giao-va-dan-van-trung-uong"
    assert index.carried["bo-khoa-hoc-va-cong-nghe"] == ["bo-khoa-hoc-va-cong-nghe", "bo-thong-tin-va-truyen-thong"]
    former = [u for u in real.data.units.values() if u.level == "central" and not u.current]
    assert sorted(u.id for u in former) == ["ban-tuyen-giao-trung-uong", "bo-lao-dong-thuong-binh-va-xa-hoi",
                                            "bo-thong-tin-va-truyen-thong"]
    for unit in former:
        assert unit.kind is not None and all(s.url for s in unit.succeeded_by), unit.id


def test_every_body_of_the_national_plan_links_to_its_central_unit(real: Project) -> None:
    """The agencies keep their own ids; a central body of today is also a unit of the same
    id, and a former body points to the unit of its successor."""
    from site_builder.inputs.references import iter_models
    from site_builder.model.plans import agency_references

    units, agencies = real.data.units, real.data.agencies
    for agency in agencies.values():
        if agency.central_unit is not None:
            assert units[agency.central_unit].level == "central" and units[agency.central_unit].current, agency.id
    for uid in CENTRAL:
        assert agencies[uid].central_unit == uid
    assert agencies["bo-thong-tin-va-truyen-thong"].central_unit == "bo-khoa-hoc-va-cong-nghe"
    assert agencies["bo-lao-dong-thuong-binh-va-xa-hoi"].central_unit == "bo-noi-vu"
    assert agencies["ban-tuyen-giao-trung-uong"].central_unit == "ban-tuyen-giao-va-dan-van-trung-uong"
    plan = real.data.plans["bcd-asean-2021-2025"]
    named = {a for _, obj in iter_models(plan) for _, ids in agency_references(obj) for a in ids}
    central = {a for a in named if agencies[a].kind in ("ministry", "party", "press", "broadcaster", "union", "business")}
    assert central and all(agencies[a].central_unit for a in central - {"bao-vietnamnet"}), central
