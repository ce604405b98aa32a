"""Building blocks shared by every data file: bilingual text, ids, partial dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from site_builder.core.language import language
from site_builder.core.slug import SLUG_PATTERN


class Strict(BaseModel):
    """Base of every data model: unknown keys are errors, field docstrings document the schema."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
    )


def bilingual_error(vi: str, en: str) -> PydanticCustomError:
    """An error whose message exists in both languages; the loader shows both."""
    return PydanticCustomError("bilingual", "{en}", {"vi": vi, "en": en})


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
"""An identifier: lower-case ASCII words joined by hyphens (``dong-thap``)."""

NonEmpty = Annotated[str, StringConstraints(min_length=1)]

PORT = r"(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3})"
"""A TCP port, 1 to 65535: a larger number is no address (browsers and ``urllib`` refuse it)."""

HttpsUrl = Annotated[str, StringConstraints(pattern=rf"^https://[A-Za-z0-9.-]+(?::{PORT})?(?:/[^\s\"'<>]*)?$")]
"""An absolute https address: other schemes (``javascript:``, ``data:``, ``http:``) and
ports past 65535 are refused."""

def deep_link(url: str) -> bool:
    """Whether an address leads below a site's root (``https://asean.org/x``), not to the
    site's home page (``https://asean.org``, ``https://asean.org/``): a reader must be
    able to find the fact on the page a source names."""
    parts = urlsplit(url)
    return bool(parts.path.strip("/") or parts.query)


def _no_parent(value: str) -> str:
    if ".." in value.split("/"):
        raise bilingual_error(
            f"đường dẫn '{value}' không được chứa '..'",
            f"the path '{value}' must not contain '..'",
        )
    return value


SitePath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/_.-]*$"), AfterValidator(_no_parent)]
"""A path inside the site or theme (``asean/``, ``assets/logo.svg``): no scheme, no ``..``."""

Pillar = Literal["political-security", "economic", "socio-cultural", "covid-19", "tourism", "identity", "connectivity"]
"""A theme tag: the three Community pillars plus the cross-cutting topics the plans name; the
:data:`~site_builder.core.vocabulary.TOPIC_IDS`, written out so that the type checker sees a
type (``Literal[TOPIC_IDS]`` is not one); ``tests/test_vocabulary.py`` holds the two together."""

PILLARS: tuple[str, ...] = get_args(Pillar)


class Text(Strict):
    """A readable text in both languages. Vietnamese is the language of record."""

    vi: NonEmpty
    """Vietnamese, as in the source document (broken lines joined)."""
    en: NonEmpty | None = None
    """English translation; missing is a warning, and a strict build fails on it."""
    vi_source: NonEmpty | None = None
    """The source's own wording, kept when ``vi`` corrects an obvious slip of the original."""

    def get(self, lang: str) -> str | None:
        """The text in ``lang`` (``"vi"`` or ``"en"``), or ``None`` when not translated."""
        return self.vi if lang == "vi" else self.en

    def in_lang(self, lang: str) -> tuple[str, str | None]:
        """What a reader of ``lang`` is shown, and the language tag it needs: the text and
        ``None``, or, where the English is missing, the Vietnamese and ``"vi"`` (a strict
        build refuses a missing English text; a preview shows the Vietnamese, marked)."""
        for code in language(lang).fallback:
            value = self.get(code)
            if value is not None:
                return value, None if code == lang else code
        return self.vi, "vi"

    def text(self, lang: str) -> str:
        """The text shown to a reader of ``lang``, the Vietnamese standing in for a missing English."""
        return self.in_lang(lang)[0]


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate(str):
    """A date whose day or month the source may leave blank: ``2021-08-05``, ``2022-04``, ``2022``.

    Kept as the ISO string so that YAML and JSON show what the source says and nothing
    more; a blank day is not stated, never guessed as the 1st.
    """

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.to_string_ser_schema(),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, core: Any, handler: Any) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "description": "YYYY-MM-DD, or YYYY-MM / YYYY where the source leaves the day or month blank",
        }

    @classmethod
    def _validate(cls, value: Any) -> PartialDate:
        if isinstance(value, dt.date):
            value = value.isoformat()
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            raise bilingual_error(
                f"cần một ngày dạng YYYY-MM-DD, nhận được {type(value).__name__}",
                f"expected a date as YYYY-MM-DD, found {type(value).__name__}",
            )
        match = _PARTIAL_DATE.match(value)
        if not match:
            raise bilingual_error(
                f"cần một ngày dạng YYYY-MM-DD (hoặc YYYY-MM, YYYY), nhận được '{value}'",
                f"expected a date as YYYY-MM-DD (or YYYY-MM, YYYY), found '{value}'",
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            dt.date(year or 1, month or 1, day or 1)
        except ValueError:
            raise bilingual_error(
                f"ngày '{value}' không tồn tại",
                f"the date '{value}' does not exist",
            ) from None
        return cls(value)

    @property
    def year(self) -> int:
        return int(self[:4])

    @property
    def month(self) -> int | None:
        return int(self[5:7]) if len(self) >= 7 else None

    @property
    def day(self) -> int | None:
        return int(self[8:10]) if len(self) == 10 else None

    def as_date(self) -> dt.date | None:
        """The full date, or ``None`` when the source leaves part of it blank."""
        return dt.date.fromisoformat(self) if len(self) == 10 else None


QuirkCode = Literal[
    "blank-in-source",
    "merged-cell",
    "misplaced-value",
    "typo-corrected",
    "extraction-artifact",
]


class Quirk(Strict):
    """Something about the source itself that a reader should know (a blank, a broken table)."""

    field: NonEmpty
    """Which field the quirk is about, e.g. ``lead`` or ``timeline`` or ``number``."""
    code: QuirkCode
    """What kind of quirk: a blank cell, a merged cell lost in extraction, a value in the wrong column, a corrected typo."""
    note: Text
    """What the source says and what we recorded, for the reader."""


class Succession(Strict):
    """What a body became in the 2025 reorganisation (or any later one)."""

    to: Slug | None = None
    """The successor's id in the same file, when we record it; otherwise see ``name``."""
    name: Text | None = None
    """The successor's name, when it is not (yet) a record of ours."""
    effective: PartialDate
    """The date the change took effect."""
    source: Text
    """The legal document that made the change (e.g. Decree 55/2025/NĐ-CP)."""
    url: HttpsUrl | None = None
    """A published copy of that document a reader can open."""
    note: Text | None = None
    """How the functions were divided, when more than one body took them over."""

    @model_validator(mode="after")
    def _name_or_to(self) -> Succession:
        if self.to is None and self.name is None:
            raise bilingual_error(
                "cần 'to' (mã của nơi kế thừa) hoặc 'name' (tên)",
                "expected 'to' (the successor's id) or 'name'",
            )
        return self
