"""The Nu HTML checker (vnu.jar from the pinned npm package vnu-jar) on one page of every
type in both languages: no error apart from Material's own markup, listed below."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from test_accessibility import PAGE_TYPES

pytestmark = pytest.mark.site

KNOWN_MATERIAL_ERRORS = {
    # Material's base.html puts autocomplete="off" on the checkboxes that open the
    # navigation drawer and the search dialog; the attribute is only valid on text-like
    # inputs. It is harmless (browsers ignore it) and not in a template block we override.
    re.compile(r'Attribute .autocomplete. is only allowed when the input type is'),
    # Material's table of contents has a title <label for="__toc"> whose checkbox is only
    # rendered when the toc is integrated into the navigation drawer.
    re.compile(r'The value of the .for. attribute of the .label. element must be the ID of a non-hidden form control'),
}


UNITS = len(yaml.safe_load((Path(__file__).resolve().parent.parent / "plans/units.yaml").read_text("utf-8"))["units"])
"""How many units ``plans/units.yaml`` holds: each has a page in each language."""
VNU = Path(__file__).resolve().parent / "node/node_modules/vnu-jar/build/dist/vnu.jar"


def test_no_html_errors(built_site: Path) -> None:
    if shutil.which("java") is None or not VNU.exists():
        if os.environ.get("CI"):
            pytest.fail("java or vnu.jar missing in CI: `make test` installs both")
        pytest.skip("java or vnu.jar not installed (apt-get install default-jre-headless; npm ci --prefix tests/node)")
    files = [built_site / lang / path / "index.html" for lang in ("vi", "en") for path in PAGE_TYPES.values()]
    files += [built_site / "vi/search/index.html", built_site / "index.html", built_site / "vi/404.html"]
    # every unit page: the national level, the ministries and central agencies, the 34
    # provinces and cities of today and the former units (plans/units.yaml)
    units = [page for lang in ("vi", "en") for page in sorted((built_site / lang / "units").glob("*/index.html"))]
    assert len(units) == 2 * UNITS
    files += units
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "gnu", "--errors-only", *map(str, files)],
        capture_output=True, text=True, check=False,
    )
    errors = [line for line in result.stderr.splitlines() + result.stdout.splitlines() if ": error:" in line]
    unexpected = [e for e in errors if not any(p.search(e) for p in KNOWN_MATERIAL_ERRORS)]
    assert unexpected == [], "\n".join(unexpected[:20])
    assert len(files) > 40
