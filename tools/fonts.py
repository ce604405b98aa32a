"""The site's typeface, subset for Vietnamese and English, as self-hosted WOFF2.

Usage: ``python tools/fonts.py`` (writes ``theme/assets/fonts/``). The source is Be Vietnam
Pro (SIL Open Font License 1.1) from the PyPI package pinned in ``pyproject.toml``
(``fontpkg-be-vietnam-pro``), the same files the link-preview cards are drawn with: one
typeface for the pages and the cards, nothing fetched from another host. Two weights only
(regular and bold) and only the characters the two languages use keep the first load of a
page small; ``tests/test_fonts.py`` checks that every Vietnamese letter is in both files
and that running this again writes the same bytes.
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "theme" / "assets" / "fonts"

WEIGHTS = {400: "BeVietnamPro-Regular.ttf", 700: "BeVietnamPro-Bold.ttf"}
"""Regular for text, bold for headings, card titles and figures: at most two weights."""

UNICODES: list[tuple[int, int]] = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00A0), (0x00A9, 0x00A9), (0x00AB, 0x00AB), (0x00B0, 0x00B0), (0x00B7, 0x00B7), (0x00BB, 0x00BB),
    (0x00C0, 0x00C3), (0x00C8, 0x00CA), (0x00CC, 0x00CD), (0x00D2, 0x00D5), (0x00D7, 0x00D7), (0x00D9, 0x00DA),
    (0x00DD, 0x00DD), (0x00E0, 0x00E3), (0x00E8, 0x00EA), (0x00EC, 0x00ED), (0x00F2, 0x00F5), (0x00F9, 0x00FA),
    (0x00FD, 0x00FD),  # Latin-1: À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý (and lower case), ©, «, », °, ·, ×
    (0x0102, 0x0103), (0x0110, 0x0111), (0x0128, 0x0129), (0x0168, 0x0169),  # Ă ă Đ đ Ĩ ĩ Ũ ũ
    (0x01A0, 0x01A1), (0x01AF, 0x01B0),  # Ơ ơ Ư ư
    (0x0300, 0x0301), (0x0303, 0x0303), (0x0309, 0x0309), (0x0323, 0x0323),  # combining tone marks
    (0x1EA0, 0x1EF9),  # Vietnamese letters with tone marks (Ạ … ỹ)
    (0x2010, 0x2014), (0x2018, 0x201E), (0x2022, 0x2022), (0x2026, 0x2026),  # dashes, quotes, bullet, …
    (0x20AB, 0x20AB), (0x20AC, 0x20AC), (0x2212, 0x2212),  # ₫ € −
]
"""The characters kept: the letters of English and Vietnamese and common punctuation. Other
Latin-1 letters (ä, ñ, ç...) are left to the system font: they are rare on this site, and
each range kept adds to every first page load."""

FEATURES = ["kern", "ccmp", "mark", "mkmk", "locl"]
"""OpenType features kept: kerning and the placement of stacked tone marks
(``ccmp``/``mark``/``mkmk``: Vietnamese needs them)."""


def codepoints() -> list[int]:
    return [cp for start, end in UNICODES for cp in range(start, end + 1)]


def subset(ttf: Path) -> bytes:
    """The WOFF2 subset of one weight; deterministic for a given fontTools and source."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.flavor = "woff2"
    options.layout_features = FEATURES
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence records
    options.notdef_outline = True
    font = TTFont(str(ttf), recalcTimestamp=False)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints())
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=False)
    return out.getvalue()


def build(out: Path = OUT) -> list[Path]:
    """Write both weights and the licence into ``out``; returns the files written."""
    from fontpkg_be_vietnam_pro import ROOT as FONTS

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for weight, name in WEIGHTS.items():
        target = out / f"be-vietnam-pro-{weight}.woff2"
        target.write_bytes(subset(Path(FONTS) / "files" / name))
        written.append(target)
    licence = out / "OFL.txt"
    shutil.copyfile(Path(FONTS) / "LICENSE", licence)
    written.append(licence)
    return written


def main() -> None:
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
