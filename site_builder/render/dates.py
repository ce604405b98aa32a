"""Dates in the reader's language, with Babel.

Vietnamese official documents write dates as "ngày 05 tháng 8 năm 2021": the day
always with two digits and the month with a leading zero only for January and
February (Decree 30/2020/NĐ-CP on administrative documents). English follows
British order: "5 August 2021". A date whose day or month the source leaves blank is
shown with what is known ("tháng 4 năm 2022" / "April 2022"), never a guessed day.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_format_date

from site_builder.core.language import EN, VI
from site_builder.model.common import PartialDate


def format_date(value: PartialDate | dt.date | str | None, lang: str) -> str:
    """``2021-08-05`` → ``ngày 05 tháng 8 năm 2021`` (vi) or ``5 August 2021`` (en)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        value = value.isoformat()
    parts = [int(p) for p in str(value).split("-")]
    year, month, day = (parts + [0, 0])[:3]
    date = dt.date(year, month or 1, day or 1)
    if lang == "vi":
        month_pattern = "MM" if month and month < 3 else "M"
        if day:
            pattern = f"'ngày' dd 'tháng' {month_pattern} 'năm' y"
        elif month:
            pattern = f"'tháng' {month_pattern} 'năm' y"
        else:
            pattern = "'năm' y"
        return babel_format_date(date, pattern, locale=VI.locale)
    if day:
        pattern = "d MMMM y"
    elif month:
        pattern = "MMMM y"
    else:
        pattern = "y"
    return babel_format_date(date, pattern, locale=EN.locale)


def format_day_month(month: int, day: int, lang: str) -> str:
    """A yearly date: ``15/11`` → "ngày 15 tháng 11" / "15 November"."""
    date = dt.date(2000, month, day)
    if lang == "vi":
        month_pattern = "MM" if month < 3 else "M"
        return babel_format_date(date, f"'ngày' dd 'tháng' {month_pattern}", locale=VI.locale)
    return babel_format_date(date, "d MMMM", locale=EN.locale)
