"""The site's typeface (tools/fonts.py): every Vietnamese letter, two weights, same bytes again."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "theme" / "assets" / "fonts"
sys.path.insert(0, str(ROOT / "tools"))
import fonts  # noqa: E402

TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
VOWELS = "aăâeêioôơuưy"


def vietnamese_letters() -> set[str]:
    """Every letter of Vietnamese, tone marks included, in both cases (NFC, as editors type)."""
    letters = {unicodedata.normalize("NFC", v + tone) for v in VOWELS for tone in TONES} | set("đbcdghklmnpqrstvx")
    return letters | {c.upper() for c in letters}


def test_both_weights_have_every_vietnamese_letter() -> None:
    files = sorted(FONTS.glob("*.woff2"))
    assert [f.name for f in files] == ["be-vietnam-pro-400.woff2", "be-vietnam-pro-700.woff2"]
    for file in files:
        cmap = TTFont(str(file)).getBestCmap()
        missing = sorted(c for c in vietnamese_letters() if ord(c) not in cmap)
        assert not missing, f"{file.name} lacks {missing}"
        assert all(ord(c) in cmap for c in "“”–—…₫·")


def test_the_committed_files_are_what_the_tool_writes(tmp_path: Path) -> None:
    fonts.build(tmp_path)
    for name in ("be-vietnam-pro-400.woff2", "be-vietnam-pro-700.woff2", "OFL.txt"):
        assert (tmp_path / name).read_bytes() == (FONTS / name).read_bytes(), f"run python tools/fonts.py ({name})"


def test_the_stylesheet_declares_the_two_weights_from_this_site() -> None:
    css = (ROOT / "theme" / "assets" / "asean.css").read_text(encoding="utf-8")
    assert css.count("@font-face") == 2
    assert 'url("fonts/be-vietnam-pro-400.woff2")' in css and 'url("fonts/be-vietnam-pro-700.woff2")' in css
    # optional, not swap: a font arriving after the first paint is not swapped in, so the
    # text never moves (Lighthouse's layout shift of an article stays 0).
    assert css.count("font-display: optional") == 2
