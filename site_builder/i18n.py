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

LOCALE_DIR = Path(__file__).parent / "locale"


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
