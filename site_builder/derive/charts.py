"""Charts drawn at build time as inline SVG: no script, no style attribute, no request.

Why a small set of templates and not a charting library: pygal, the maintained library
that draws SVG in Python, embeds a ``<style>`` element and ``<script>`` references in
every chart (a Content-Security-Policy without ``unsafe-inline`` refuses the first, and
turning scripts off still leaves it), and numbers each chart with a random ``uuid4``, so
two builds of one commit would differ. The charts the portal needs are few and simple:
horizontal bars, stacked by status or not. Bars are horizontal because their labels
(agency names, pillars) are long and a phone is narrow: each label is written on its
own line above its bar, in the reader's language, so nothing is rotated or cut.

Every chart has a text alternative (``<title>`` and ``<desc>``, read by screen readers as
the image's name and description) and its data as a table the page shows one click away;
a status is told by a pattern and by its name in the legend, never by colour alone; the
colours are presentation attributes (a strict policy allows those) and print as they are.
Output depends on the input only: numbers are formatted with fixed decimals, ids come
from the caller.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from site_builder.core.vocabulary import CANCELLED, DONE, IN_PROGRESS, NOT_REPORTED, NOT_STARTED, ONGOING

WIDTH = 360
"""Width of the drawing (user units); the page scales it to the column, about 1:1 on a phone."""
FONT = 14
"""Label size in user units."""
LINE = 17
"""Height of a line of text."""
BAR = 16
"""Height of a bar."""
GAP = 10
"""Space between one bar and the next label."""
CHARS = 44
"""Characters of a label per line before it wraps (Be Vietnam Pro at 14 units: about 7.5 units a letter)."""
VALUE_ROOM = 44
"""Room to the right of the longest bar for its figure, at least."""
DIGIT = 8.6
"""Width of a character of a figure in bold at :data:`FONT` (Be Vietnam Pro's digits: about 0.6 em)."""


@dataclass(frozen=True)
class Look:
    """How one series is drawn: a fill colour and a pattern over it."""

    fill: str
    ink: str
    pattern: str
    """``solid``, ``hatch`` (diagonal lines), ``dots``, ``cross``, ``lines`` (horizontal) or ``empty``."""


COUNT = "count"
"""The series of a plain count (one series, no legend)."""
NOT_STATED = "not-stated"
"""The look of a count of what the source leaves unstated."""

LOOKS: dict[str, Look] = {
    DONE.id: Look("#1e6b3a", "#1e6b3a", "solid"),
    ONGOING.id: Look("#d4eadb", "#1e6b3a", "hatch"),
    IN_PROGRESS.id: Look("#dbe4f5", "#163a86", "dots"),
    NOT_STARTED.id: Look("#fff1c2", "#7a5a00", "lines"),
    CANCELLED.id: Look("#f6d6db", "#8e1b1b", "cross"),
    NOT_REPORTED.id: Look("#ffffff", "#5b6475", "empty"),
    COUNT: Look("#163a86", "#163a86", "solid"),
    NOT_STATED: Look("#fff6cc", "#7a5a00", "hatch"),
}
"""Status series (:data:`~site_builder.core.vocabulary.STATUSES` and not reported), a plain count, and a count of
what the source leaves unstated (drawn hatched in yellow, as the pages mark a blank in the
source, so that it does not read as one more agency or group). The solid and
line colours keep at least 3:1 against white (WCAG 1.4.11, graphical objects)."""


@dataclass(frozen=True)
class Series:
    """One kind of value in a chart: a status, or a plain count."""

    key: str
    """A key of :data:`LOOKS`."""
    label: str
    """Its name in the reader's language, shown in the legend and the table's header."""


@dataclass(frozen=True)
class Bar:
    """One bar: a label and one value per series."""

    label: str
    values: tuple[float, ...]
    href: str | None = None
    """Where the label leads in the data table (a member, an agency, a plan)."""
    look: str | None = None
    """A key of :data:`LOOKS` that draws this bar instead of its series' look, for a bar
    that is not one of the others (``not-stated``: the activities whose lead agency the
    source leaves blank, under the agencies that lead)."""

    @property
    def total(self) -> float:
        return sum(self.values)


@dataclass(frozen=True)
class Cell:
    """A cell of a chart's data table: text, and a link when the row has one."""

    text: str
    href: str | None = None


@dataclass(frozen=True)
class Chart:
    """A drawn chart and what the page shows with it."""

    id: str
    """Unique on the page: prefixes every id inside the drawing."""
    title: str
    summary: str
    """The text alternative: every value, in words, for readers who cannot see the chart."""
    svg: Markup
    headers: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    """The same values as a table (the first cell of a row is the bar's label)."""
    example: str = ""
    """The example-data label ("Example data", in the reader's language) when the figures
    come from example records; drawn inside the picture, and shown with its caption."""


def fmt(value: float) -> str:
    """A figure as drawn: whole numbers without decimals, others with one (deterministic)."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _pattern(chart_id: str, key: str) -> str:
    """The ``<pattern>`` that draws a series; solid and empty series need none."""
    look = LOOKS[key]
    pid = f"{chart_id}-{key}"
    head = (f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{look.fill}"/>')
    marks = {
        "hatch": f'<path d="M-1 7 7-1M-1 1 1-1M5 7 7 5" stroke="{look.ink}" stroke-width="1.4"/>',
        "dots": f'<circle cx="3" cy="3" r="1.3" fill="{look.ink}"/>',
        "cross": f'<path d="M0 0 6 6M6 0 0 6" stroke="{look.ink}" stroke-width="1.2"/>',
        "lines": f'<path d="M0 3h6" stroke="{look.ink}" stroke-width="1.4"/>',
    }
    return head + marks[look.pattern] + "</pattern>"


def _fill(chart_id: str, key: str) -> str:
    look = LOOKS[key]
    if look.pattern == "solid":
        return look.fill
    if look.pattern == "empty":
        return "#ffffff"
    return f"url(#{chart_id}-{key})"


def _lines(label: str) -> list[str]:
    return textwrap.wrap(label, CHARS, break_long_words=True) or [""]


def _text(x: float, y: float, text: str, anchor: str = "start", bold: bool = False) -> str:
    weight = ' font-weight="700"' if bold else ""
    end = ' text-anchor="end"' if anchor == "end" else ""
    return f'<text x="{fmt(x)}" y="{fmt(y)}"{end}{weight}>{escape(text)}</text>'


def _legend(chart_id: str, series: Sequence[Series], y: float) -> tuple[list[str], float]:
    """Swatches with their names, wrapped into rows; returns the parts and the next y."""
    parts: list[str] = []
    x = 0.0
    for s in series:
        room = 18 + len(s.label) * 7.6 + 14
        if x and x + room > WIDTH:
            x, y = 0.0, y + LINE + 4
        parts.append(f'<rect x="{fmt(x)}" y="{fmt(y)}" width="13" height="13" fill="{_fill(chart_id, s.key)}" '
                     f'stroke="{LOOKS[s.key].ink}"/>')
        parts.append(_text(x + 18, y + 11, s.label))
        x += room
    return parts, y + LINE + 8


@dataclass(frozen=True)
class ChartOptions:
    """How a chart is labelled and drawn.

    Attributes:
        label_header: the table's header over the labels (``Pillar``, ``Year``).
        total_header: a header for a total column when there are several series.
        number: formats a value in the reader's language for the summary and the table.
        share: draw each bar as 100 % (the share of each status), not to one scale.
        example: the example-data label, when the figures are example records: drawn as
            a band across the top of the picture and added to its name, so that a chart
            copied, framed or read aloud never passes for real results.
    """

    label_header: str
    total_header: str | None = None
    number: Callable[[float], str] = fmt
    share: bool = False
    example: str = ""


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], series: Sequence[Series], options: ChartOptions) -> Chart:
    """Horizontal bars, one per item, stacked by series when there are several.

    Arguments:
        chart_id: unique on the page (``plan-pillars``); prefixes the ids of patterns.
        title: what the chart shows, in the reader's language.
        bars: the items, in the order they are drawn.
        series: what each value of a bar is; one series draws a plain bar chart.
        options: the table's headers, the number format, shares, the example-data label.

    Returns:
        The chart, its text alternative and its data table.
    """
    number, share, example = options.number, options.share, options.example
    if not bars:
        raise ValueError("a chart needs at least one bar")
    if any(len(b.values) != len(series) for b in bars):
        raise ValueError("every bar needs one value per series")
    bars, series = _without_empty_series(bars, series)
    # Statuses always get their legend (a pattern is read with its name); a plain count
    # needs none.
    stacked = len(series) > 1 or series[0].key != COUNT
    parts: list[str] = []
    y = 0.0
    if example:
        parts += _example_band(example)
        y = LINE + 16
        title = f"{title} ({example})"
    if stacked:
        legend, y = _legend(chart_id, series, y)
        parts += legend
    drawn, height = _bars(chart_id, bars, series, options, y)
    summary = _summary(title, bars, series, number, share)
    keys = [s.key for s in series] + [b.look for b in bars if b.look]
    svg = _svg(chart_id, title, summary, [*_defs(chart_id, keys), *parts, *drawn], height)
    headers, rows = _table(bars, series, options.label_header, options.total_header if stacked else None, number)
    return Chart(chart_id, title, summary, svg, headers, rows, example)


def _without_empty_series(bars: Sequence[Bar], series: Sequence[Series]) -> tuple[list[Bar], list[Series]]:
    """A series with no value in any bar is left out of the drawing, the legend and the
    table: a legend of statuses nobody reported is noise."""
    kept = [i for i, _ in enumerate(series) if any(b.values[i] for b in bars)] or [0]
    return ([Bar(b.label, tuple(b.values[i] for i in kept), b.href, b.look) for b in bars],
            [series[i] for i in kept])


def _example_band(example: str) -> list[str]:
    """The example-data label as a dashed band across the top of the picture."""
    look = LOOKS[NOT_STATED]
    return [f'<rect x="0.5" y="0.5" width="{WIDTH - 1}" height="{LINE + 8}" fill="{look.fill}" '
            f'stroke="{look.ink}" stroke-dasharray="4 3"/>',
            _text(8, LINE + 1, example, bold=True)]


def _bars(chart_id: str, bars: Sequence[Bar], series: Sequence[Series], options: ChartOptions,
          y: float) -> tuple[list[str], float]:
    """Each bar under its label, from ``y`` down; returns the parts and the drawing's height."""
    number, share = options.number, options.share
    parts: list[str] = []
    scale_max = max(b.total for b in bars) or 1
    # The longest bar leaves room for its figure: "273,8" needs more than "12".
    value_room = max(VALUE_ROOM, 5 + DIGIT * max(len(number(b.total)) for b in bars))
    room = WIDTH - (0 if share else value_room)
    for bar in bars:
        for line in _lines(bar.label):
            y += LINE
            parts.append(_text(0, y - 4, line))
        x = 0.0
        whole = (bar.total or 1) if share else scale_max
        for s, value in zip(series, bar.values, strict=True):
            if value <= 0:
                continue
            w = room * value / whole
            key = bar.look or s.key
            parts.append(f'<rect x="{x:.2f}" y="{fmt(y)}" width="{w:.2f}" height="{BAR}" '
                         f'fill="{_fill(chart_id, key)}" stroke="{LOOKS[key].ink}" stroke-width="0.6"/>')
            x += w
        if bar.total <= 0:
            parts.append(f'<rect x="0" y="{fmt(y)}" width="1" height="{BAR}" fill="#5b6475"/>')
        if not share:
            parts.append(_text(x + 5, y + BAR - 3, number(bar.total), bold=True))
        y += BAR + GAP
    return parts, y - GAP + 2


def _defs(chart_id: str, keys: Sequence[str]) -> list[str]:
    """The patterns of the looks ``keys`` use (none when all are solid or empty)."""
    defs = "".join(_pattern(chart_id, k) for k in dict.fromkeys(keys) if LOOKS[k].pattern not in ("solid", "empty"))
    return [f"<defs>{defs}</defs>"] if defs else []


def _svg(chart_id: str, title: str, summary: str, parts: Sequence[str], height: float) -> Markup:
    """The drawing: its name and description, then the parts (the patterns first)."""
    return Markup(
        f'<svg class="asean-chart__svg" viewBox="0 0 {WIDTH} {fmt(height)}" width="{WIDTH}" height="{fmt(height)}" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" font-size="{FONT}">'
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(summary)}</desc>'
        + "".join(parts)
        + "</svg>"
    )


def _table(bars: Sequence[Bar], series: Sequence[Series], label_header: str, total_header: str | None,
           number: Callable[[float], str]) -> tuple[list[str], list[list[Cell]]]:
    """The chart's data table: a row per bar, a column per series, and a total column
    when ``total_header`` is given."""
    headers = [label_header, *(s.label for s in series)]
    if total_header:
        headers.append(total_header)
    rows = []
    for bar in bars:
        row = [Cell(bar.label, bar.href), *(Cell(number(v)) for v in bar.values)]
        if total_header:
            row.append(Cell(number(bar.total)))
        rows.append(row)
    return headers, rows


def _summary(title: str, bars: Sequence[Bar], series: Sequence[Series], number: Callable[[float], str],
             share: bool) -> str:
    """Every value in words: "Title. A: Done 3, In progress 1. B: Done 2."."""
    items = []
    for bar in bars:
        if len(series) == 1:
            items.append(f"{bar.label}: {number(bar.values[0])}")
        else:
            values = ", ".join(f"{s.label} {number(v)}" for s, v in zip(series, bar.values, strict=True) if v)
            items.append(f"{bar.label}: {values or number(0)}")
    return f"{title}. " + "; ".join(items) + "."
