"""One slug function for identifiers, headings, pages and file names.

Vietnamese needs more than stripping combining marks: ``đ``/``Đ`` is a letter of its
own (not ``d`` plus a mark), so NFKD alone leaves it in place. Every part of the kit
that makes an identifier from words goes through :func:`slugify`, so that an anchor,
a file name and an id made from the same words always agree.
"""

from __future__ import annotations

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Return ``text`` lower-cased without diacritics, ``đ`` folded to ``d``.

    This is also how search folds queries and indexed text, so "duong" matches
    "đường".
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


def slugify(text: str, separator: str = "-") -> str:
    """Return an ASCII slug: ``"Sở Thông tin và Truyền thông"`` → ``"so-thong-tin-va-truyen-thong"``."""
    return _NON_SLUG.sub(separator, fold(text)).strip(separator)


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""What an identifier must look like: lower-case ASCII words joined by single hyphens."""


def slugify_heading(value: str, separator: str) -> str:
    """Heading anchors for Python-Markdown's ``toc`` extension, with the same folding."""
    return slugify(value, separator)


_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_MARKED = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
           ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
"""Letters written with a mark that belongs to the letter (NFD splits them)."""
_TONES = "\u0300\u0301\u0309\u0303\u0323"
"""The five tone marks (huyền, sắc, hỏi, ngã, nặng): they sort only after the letters."""


def collation_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A sort key in Vietnamese alphabetical order: ``ă``, ``â`` after ``a``, ``đ`` after ``d``,
    ``ơ`` after ``ô``, ``ư`` after ``u``; tone marks only break ties, and a space comes before
    any letter, so that words sort one by one.

    Sorting by code point puts "Đà Nẵng" after "Yên Bái", and sorting by :func:`fold` mixes
    "Đắk Lắk" into the d's; a citizen looking for a province expects the alphabet taught at
    school.
    """
    letters: list[str] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        if ch in _TONES and tones:
            tones[-1] = _TONES.index(ch) + 1
        elif letters and (letters[-1], ch) in _MARKED:
            letters[-1] = _MARKED[(letters[-1], ch)]
        elif not unicodedata.combining(ch):
            letters.append(ch)
            tones.append(0)

    def rank(letter: str) -> int:
        if letter in _LETTERS:
            return 2 + _LETTERS.index(letter)
        return 2 + len(_LETTERS) + ord(letter) if letter.isalnum() else 1

    return tuple(rank(letter) for letter in letters), tuple(tones)


_KEEP_CAPITAL = ("Thành phố Hồ Chí Minh",)
"""Names whose level word is part of the proper name and keeps its capital letter."""
LEVEL_WORDS = ("Tỉnh ", "Thành phố ", "Huyện ", "Thị xã ", "Quận ", "Thị trấn ", "Xã ", "Phường ")
"""The words for a level of administrative unit, common nouns inside a sentence."""


def in_sentence(name: str) -> str:
    """A Vietnamese unit name as written inside a sentence: "Tỉnh Sóc Trăng" → "tỉnh Sóc Trăng".

    The level word (tỉnh, thành phố, huyện...) is a common noun and takes a capital only at
    the start of a sentence; "Thành phố Hồ Chí Minh" is the city's name and keeps it, and so
    does the name of a body ("Bộ Ngoại giao", "Ban Tuyên giáo Trung ương", "Ủy ban nhân dân
    tỉnh ..."), whose first word is part of its proper name (Decree 30/2020/NĐ-CP, Appendix
    II: names of agencies and organisations)."""
    if not name.startswith(LEVEL_WORDS) or name.startswith(_KEEP_CAPITAL):
        return name
    return name[0].lower() + name[1:]
