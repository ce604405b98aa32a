"""site_builder/derive/charts.py: exact drawings of tiny charts, no build."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from site_builder.derive.charts import Bar, Cell, ChartOptions, Series, bar_chart, fmt

COUNT = [Series("count", "Activities")]
STATUS = [Series("done", "Done"), Series("in-progress", "In progress"), Series("not-reported", "Not reported")]


def test_a_plain_bar_chart_is_drawn_exactly() -> None:
    chart = bar_chart("t", "Tiny", [Bar("A", (2.0,)), Bar("B", (1.0,))], COUNT, ChartOptions(label_header="Item"))
    assert chart.svg == (
        '<svg class="asean-chart__svg" viewBox="0 0 360 78" width="360" height="78" role="img" '
        'aria-labelledby="t-t t-d" font-size="14"><title id="t-t">Tiny</title><desc id="t-d">Tiny. A: 2; B: 1.</desc>'
        '<text x="0" y="13">A</text><rect x="0.00" y="17" width="316.00" height="16" fill="#163a86" '
        'stroke="#163a86" stroke-width="0.6"/><text x="321" y="30" font-weight="700">2</text>'
        '<text x="0" y="56">B</text><rect x="0.00" y="60" width="158.00" height="16" fill="#163a86" '
        'stroke="#163a86" stroke-width="0.6"/><text x="163" y="73" font-weight="700">1</text></svg>'
    )
    assert chart.summary == "Tiny. A: 2; B: 1."
    assert chart.headers == ["Item", "Activities"]
    assert chart.rows == [[Cell("A"), Cell("2")], [Cell("B"), Cell("1")]]


def test_statuses_have_patterns_a_legend_and_their_names_in_words() -> None:
    chart = bar_chart("p", "By year", [Bar("2022", (3.0, 1.0, 0.0)), Bar("2023", (0.0, 0.0, 4.0))], STATUS,
                      ChartOptions(label_header="Year", total_header="Total"))
    svg = chart.svg
    assert '<pattern id="p-in-progress"' in svg and 'fill="url(#p-in-progress)"' in svg
    assert "<text x=\"18\" y=\"11\">Done</text>" in svg  # the legend names every status shown
    assert chart.summary == "By year. 2022: Done 3, In progress 1; 2023: Not reported 4."
    assert chart.headers == ["Year", "Done", "In progress", "Not reported", "Total"]
    assert chart.rows[0] == [Cell("2022"), Cell("3"), Cell("1"), Cell("0"), Cell("4")]


def test_the_longest_bar_leaves_room_for_a_long_figure() -> None:
    options = ChartOptions(label_header="Member", number=lambda v: f"{v:.1f}".replace(".", ","))
    chart = bar_chart("w", "Population", [Bar("A", (273.8,)), Bar("B", (1.3,))], COUNT, options)
    root = ET.fromstring(str(chart.svg))
    bar = next(e for e in root if e.tag.endswith("rect"))
    figure = next(e for e in root if e.tag.endswith("text") and e.text == "273,8")
    assert float(bar.get("width")) + 5 == float(figure.get("x"))
    assert float(figure.get("x")) + 5 * 8.6 <= 360  # the figure ends inside the drawing


def test_a_bar_of_what_the_source_leaves_unstated_is_hatched_not_drawn_as_one_more_item() -> None:
    chart = bar_chart("l", "Leads", [Bar("Agency", (3.0,), "agencies/a/"), Bar("Not stated", (1.0,), look="not-stated")],
                      COUNT, ChartOptions(label_header="Lead agency"))
    svg = chart.svg
    assert svg.count('fill="#163a86"') == 1  # the agency's bar only
    assert '<pattern id="l-not-stated"' in svg and svg.count('fill="url(#l-not-stated)"') == 1
    assert 'stroke="#7a5a00"' in svg
    assert chart.rows[1] == [Cell("Not stated"), Cell("1")]


def test_a_status_nobody_reported_is_left_out_but_one_status_keeps_its_legend() -> None:
    chart = bar_chart("q", "All unreported", [Bar("2025", (0.0, 0.0, 65.0))], STATUS, ChartOptions(label_header="Year"))
    assert "Done" not in chart.svg and "In progress" not in chart.svg
    assert ">Not reported</text>" in chart.svg
    assert chart.headers == ["Year", "Not reported"]


def test_the_drawing_is_safe_for_a_strict_policy_and_well_formed() -> None:
    chart = bar_chart("x", "<b>&", [Bar('"quoted" <label>', (1.0, 2.0, 0.0))], STATUS, ChartOptions(label_header="L"))
    root = ET.fromstring(str(chart.svg))
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    assert not tags & {"script", "style", "foreignObject", "image", "a"}
    assert not any("style" in el.attrib or any(k.startswith("on") for k in el.attrib) for el in root.iter())
    assert "&lt;b&gt;&amp;" in chart.svg and "&#34;quoted&#34; &lt;label&gt;" in chart.svg


def test_same_input_same_bytes_and_a_share_fills_the_width() -> None:
    bars = [Bar("2023", (1.0, 1.0, 2.0))]
    one = bar_chart("s", "Share", bars, STATUS, ChartOptions(label_header="Year", share=True))
    assert one.svg == bar_chart("s", "Share", bars, STATUS, ChartOptions(label_header="Year", share=True)).svg
    assert 'width="90.00"' in one.svg and 'width="180.00"' in one.svg  # 1/4 and 2/4 of 360


def test_long_labels_wrap_and_bad_input_is_refused() -> None:
    chart = bar_chart("w", "Wrap", [Bar("word " * 20, (1.0,))], COUNT, ChartOptions(label_header="L"))
    assert chart.svg.count("<text") == 4  # three lines of label and the figure
    with pytest.raises(ValueError):
        bar_chart("e", "Empty", [], COUNT, ChartOptions(label_header="L"))
    with pytest.raises(ValueError):
        bar_chart("m", "Mismatch", [Bar("A", (1.0, 2.0))], COUNT, ChartOptions(label_header="L"))


def test_figures_are_formatted_without_locale_or_noise() -> None:
    assert (fmt(3.0), fmt(2.5), fmt(10)) == ("3", "2.5", "10")
