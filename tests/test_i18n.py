"""Interface catalogs complete in both languages; dates in each language's style."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from site_builder.core.i18n import catalog_path, format_share, translations
from site_builder.core.language import EN, VI, language
from site_builder.model.common import Text
from site_builder.render.dates import format_date, format_day_month

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_catalog_is_complete(lang: str) -> None:
    """Every Vietnamese string is translated; an English entry may be left empty, which
    shows its message id (English already). No entry is a fuzzy guess."""
    with catalog_path(lang).open("rb") as fh:
        catalog = read_po(fh)
    untranslated = [m.id for m in catalog if m.id and not m.string]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert (untranslated if lang == "vi" else []) == [] and fuzzy == []


def test_catalogs_cover_every_string_in_the_code(tmp_path: Path) -> None:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "t", "-k", "_", "-k", "N_",
         "--no-location", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as fh:
        wanted = {(m.context, m.id) for m in read_po(fh) if m.id}
    with catalog_path("vi").open("rb") as fh:
        have = {(m.context, m.id) for m in read_po(fh) if m.id}
    assert wanted - have == set(), "run `make messages` and translate the new strings"
    assert ("cms", "Title") in wanted, "the CMS's pgettext calls are extracted with their context"


def test_vietnamese_translation_is_used() -> None:
    assert translations("vi").gettext("Lead agency") == "Cơ quan chủ trì"
    assert translations("en").gettext("Lead agency") == "Lead agency"


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        ("2021-08-05", "ngày 05 tháng 8 năm 2021", "5 August 2021"),
        ("2016-01-25", "ngày 25 tháng 01 năm 2016", "25 January 2016"),
        ("2021-10-14", "ngày 14 tháng 10 năm 2021", "14 October 2021"),
        ("2022-04", "tháng 4 năm 2022", "April 2022"),
        ("2022", "năm 2022", "2022"),
    ],
)
def test_dates(value: str, vi: str, en: str) -> None:
    assert format_date(value, "vi") == vi
    assert format_date(value, "en") == en


def test_yearly_dates() -> None:
    assert format_day_month(11, 15, "vi") == "ngày 15 tháng 11"
    assert format_day_month(2, 1, "vi") == "ngày 01 tháng 02"
    assert format_day_month(11, 1, "en") == "1 November"


@pytest.mark.site
def test_generated_english_reads_as_an_english_editor_writes_it(built_site: Path) -> None:
    """The sentences the site composes around the data, in English: an ended plan names the
    document it carried out as the plan cites it; a signature says who signed for whom; no
    "It carried out: On implementing…", "For the Head … / …" or "Issuing the plan … of … of …"."""
    plan = (built_site / "en" / "plans" / "bcd-asean-2021-2025" / "index.html").read_text(encoding="utf-8")
    assert "It was issued to carry out <a" in plan
    assert "Decision 1160/QĐ-TTg of 13 July 2021 of the Prime Minister approving" in plan
    text = "\n".join(p.read_text(encoding="utf-8") for p in (built_site / "en").rglob("*.html") if "pagefind" not in p.parts)
    for awkward in ("It carried out:", "For the Head of the Committee /", "For the Chairman, Vice Chairman",
                    "Issuing the plan for ASEAN communication"):
        assert awkward not in text, awkward
    plans = (built_site / "en" / "plans" / "index.html").read_text(encoding="utf-8")
    assert "Prime Minister's Decision 1160/QĐ-TTg of 13 July 2021 approved" in plans.replace("&#39;", "'")
    vi = (built_site / "vi" / "plans" / "bcd-asean-2021-2025" / "index.html").read_text(encoding="utf-8")
    assert "Kế hoạch này triển khai <a" in vi


def test_one_object_per_language() -> None:
    assert (VI.code, VI.locale, VI.tag, VI.name) == ("vi", "vi_VN", "vi-VN", "Tiếng Việt")
    assert (EN.code, EN.locale, EN.tag, EN.name) == ("en", "en_GB", "en-GB", "English")
    assert VI.other is EN and EN.other is VI
    assert language("en") is EN and VI.is_source and not EN.is_source
    assert EN.fallback == ("en", "vi") and VI.fallback == ("vi",)
    with pytest.raises(KeyError):
        language("fr")


def test_a_missing_english_text_falls_back_to_the_vietnamese_marked() -> None:
    assert Text(vi="Hà Nội").in_lang("en") == ("Hà Nội", "vi")
    assert Text(vi="Hà Nội", en="Ha Noi").in_lang("en") == ("Ha Noi", None)
    assert Text(vi="Hà Nội", en="Ha Noi").in_lang("vi") == ("Hà Nội", None)
    assert Text(vi="Hà Nội").text("en") == "Hà Nội"


def test_numbers_are_written_in_each_languages_locale() -> None:
    """``vi_VN`` and Babel's ``vi`` write the same (the mapping is now one field)."""
    assert format_share(46.7, "vi") == "46,7\u00a0%"
    assert format_share(46.7, "en") == "46.7%"
    assert format_decimal(1234.5, locale=VI.locale) == format_decimal(1234.5, locale="vi") == "1.234,5"
