"""Per-unit builds: branded for one unit (--unit) or every unit side by side (--all-units)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT, MiniProject

from site_builder.build import BuildError, build_all_units, build_site

BRANDING = """    branding:
      display_name: {vi: "Cổng thông tin điện tử tỉnh Sóc Trăng", en: "Sóc Trăng Provincial Web Portal"}
      colors: {primary: "#7a2d0c", accent: "#f6b93b"}
      portal: "https://soctrang.gov.vn"
"""


def brand(tiny: MiniProject) -> None:
    tiny.replace("plans/units.yaml", "    parent: viet-nam\n", "    parent: viet-nam\n" + BRANDING)


def test_unit_build_carries_the_units_name_colours_and_plans_first(tiny: MiniProject) -> None:
    brand(tiny)
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/", unit="soc-trang")
    home = (out / "vi/index.html").read_text(encoding="utf-8")
    assert '<span class="md-ellipsis">Cổng thông tin điện tử tỉnh Sóc Trăng</span>' in home
    assert 'href="assets/unit.css"' in home
    assert "--md-primary-fg-color: #7a2d0c;" in (out / "vi/assets/unit.css").read_text(encoding="utf-8")
    unit_at = home.index('id="unit"')
    assert home.index("Kế hoạch năm 2022") > unit_at  # the unit's plan card comes after its heading
    en = (out / "en/index.html").read_text(encoding="utf-8")
    assert "Sóc Trăng Provincial Web Portal" in en


def test_national_build_has_no_unit_branding(tiny: MiniProject) -> None:
    brand(tiny)
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/")
    home = (out / "vi/index.html").read_text(encoding="utf-8")
    assert "unit.css" not in home and 'id="unit"' not in home
    assert '<span class="md-ellipsis">Chuyên mục ASEAN</span>' in home


def test_unknown_unit_is_refused(tiny: MiniProject) -> None:
    with pytest.raises(BuildError, match="unknown unit 'soc-trag'"):
        build_site(tiny.root, tiny.root / "site", unit="soc-trag")


def test_too_light_brand_colour_is_an_error(tiny: MiniProject) -> None:
    brand(tiny)
    tiny.replace("plans/units.yaml", 'primary: "#7a2d0c"', 'primary: "#f0f0f0"')
    result = subprocess.run([sys.executable, "-m", "site_builder", "--root", str(tiny.root), "check"],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 1
    assert "primary colour #f0f0f0 is too light for white text (1.14:1, needs at least 4.5:1)" in result.stdout


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
