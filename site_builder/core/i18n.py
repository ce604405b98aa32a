"""Interface strings: gettext catalogs in ``site_builder/locale``, compiled in memory with Babel.

Message ids are English; both ``vi`` and ``en`` catalogs are complete (a test checks
it), so English wording can change without touching templates. Catalogs are compiled
from the ``.po`` files at load time, so there is no compiled ``.mo`` file to forget to
regenerate.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_percent

from site_builder import PACKAGE_DIR
from site_builder.core.language import language

LOCALE_DIR = PACKAGE_DIR / "locale"


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


@cache
def translations(lang: str) -> gettext.GNUTranslations:
    """The compiled catalog for ``lang``."""
    with catalog_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


SHARE_FORMATS = {"vi": "#,##0.#\u00a0%", "en": "#,##0.#%"}
"""How a share is written: "46,7 %" in Vietnamese (decimal comma, and a space the line never
breaks at before the sign, as issue 31 asks), "46.7%" in English. Babel's own Vietnamese
pattern (CLDR ``#,##0%``) has no space, hence the patterns here."""


def format_share(value: float, lang: str) -> str:
    """A share of 100 in the reader's format: ``46.7`` → "46,7 %" (vi) or "46.7%" (en); used
    by the pages (``asean.percent``) and the yearly report alike."""
    return format_percent(value / 100, format=SHARE_FORMATS[lang], locale=language(lang).locale)
