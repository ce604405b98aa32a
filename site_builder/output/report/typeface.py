"""The typeface of the report: Times New Roman (Decree 30/2020/NĐ-CP, Appendix I, Part I,
I.4), with the advance widths of its bold face, by which the rules under centred lines are
sized and centred titles are broken into even lines."""

from __future__ import annotations

import unicodedata
from itertools import combinations

FONT = "Times New Roman"  # Appendix I, Part I, I.4

# Advance widths (1/1000 em) of Times New Roman Bold, the same as its metric-compatible
# Liberation Serif Bold, for printable ASCII; a letter with diacritics is as wide as its
# base letter, except the horned ones listed. Used to size the rules under centred lines.
_BOLD_WIDTHS = dict(zip(map(chr, range(32, 127)), (
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389,
    500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581,
    500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
    333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
), strict=True)) | {"Ơ": 778, "Ư": 796, "ơ": 554, "ư": 600, "Đ": 722, "đ": 556, "…": 1000}


def text_width(text: str, size: float) -> float:
    """The width (mm) of ``text`` set in Times New Roman Bold at ``size`` points."""
    units = 0
    for ch in text:
        width = _BOLD_WIDTHS.get(ch)
        if width is None:
            width = _BOLD_WIDTHS.get(unicodedata.normalize("NFD", ch)[0], 500)
        units += width
    return units / 1000 * size * 25.4 / 72


def wrap(text: str, size: float, width: float) -> list[str]:
    """``text`` in bold broken into the fewest lines that fit ``width`` mm, the lines as even
    as possible (a centred title reads better as "SỞ THÔNG TIN VÀ / TRUYỀN THÔNG")."""
    words = text.replace(" - ", "\u00a0-\u00a0").split(" ")  # no line starts with the dash of "2021 - 2025"
    for count in range(1, min(len(words), 4) + 1):
        best: tuple[float, list[str]] | None = None
        for cuts in combinations(range(1, len(words)), count - 1):
            bounds = (0, *cuts, len(words))
            lines = [" ".join(words[a:b]).replace("\u00a0", " ") for a, b in zip(bounds, bounds[1:], strict=False)]
            widest = max(text_width(line, size) for line in lines)
            if widest <= width and (best is None or widest < best[0]):
                best = (widest, lines)
        if best is not None:
            return best[1]
    return [text]
