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
