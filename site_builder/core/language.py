"""The site's two languages, each one object: its code, its locale, its name, the other
language, and where a text missing in it is looked up.

Vietnamese is the language of record (every text has it; plans, units and agencies are
written in it); English is the translation, and a missing English text is shown in
Vietnamese, marked (:meth:`site_builder.model.common.Text.in_lang`). Code that needs one of
these properties asks the language (``language(lang).locale``, ``.other``) rather than
testing ``lang == "vi"``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str
    """``vi`` or ``en``: the folder of its pages (``content/vi/``), its address (``/en/``), its catalog."""
    locale: str
    """The CLDR locale its dates and numbers are written in, with the country: ``vi_VN`` (Babel's
    ``vi`` is the same data) and ``en_GB`` ("5 August 2021"). Also Open Graph's ``og:locale``."""
    name: str
    """The language's name in itself, as a link to it says: "Tiếng Việt", "English"."""
    other_code: str
    """The code of the other language of the site."""
    fallback: tuple[str, ...]
    """The languages a text is looked up in, in order, for a reader of this one: English
    readers get the Vietnamese where the English is missing; Vietnamese never falls back."""

    @property
    def tag(self) -> str:
        """The BCP 47 language tag with its country (``vi-VN``, ``en-GB``): HTML's and Word's."""
        return self.locale.replace("_", "-")

    @property
    def other(self) -> Language:
        """The other language of the site (the language switch's target)."""
        return LANGUAGE_BY_CODE[self.other_code]

    @property
    def is_source(self) -> bool:
        """True for Vietnamese, the language of record the other is translated from."""
        return self.fallback == (self.code,)


VI = Language("vi", "vi_VN", "Tiếng Việt", "en", ("vi",))
EN = Language("en", "en_GB", "English", "vi", ("en", "vi"))
LANGUAGE_BY_CODE: dict[str, Language] = {VI.code: VI, EN.code: EN}


def language(code: str) -> Language:
    """The language of a code (``"vi"`` or ``"en"``); a ``KeyError`` for any other."""
    return LANGUAGE_BY_CODE[code]
