"""site_builder/render/planpage.py: a plan page, on in-memory plans; the built plan pages in Chromium
(their height, the original text on a phone) and the public site without the workshop."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace as NS

import pytest
from browser import StaticServer
from conftest import SITE_URL

from site_builder.derive.charts import Cell
from site_builder.derive.tracker import Summary
from site_builder.render.planpage import asks, notes, status_chart, status_series, task_groups


def t(message: str) -> str:
    return message


def text(vi: str, en: str) -> NS:
    return NS(vi=vi, en=en)


def test_source_notes_name_the_part_of_the_document_not_the_data_field() -> None:
    quirks = [NS(field="number", note=text("Không số", "No number")),
              NS(field="appendix.note", note=text("Ghi chú", "A note")),
              NS(field="budget.sources[2]", note=text("Lạ", "Odd"))]
    assert [n.part for n in notes(quirks, t)] == ["Number of the document", "Note under the list of activities",
                                                 "About this part"]
    assert notes(quirks, t)[1].text.en == "A note"


def test_implementation_by_year_counts_each_status_and_what_was_not_reported() -> None:
    s2022 = Summary(2022, total=3, not_reported=1)
    s2022.counts["done"] = 2
    chart = status_chart("c", "By year", [s2022, Summary(2023, total=3, not_reported=3)], t, lambda v: f"{v:g}")
    assert chart.headers == ["Year", "Done", "Not reported", "Total"]
    assert chart.rows[1] == [Cell("2023"), Cell("0"), Cell("3"), Cell("3")]
    assert chart.summary == "By year. 2022: Done 2, Not reported 1; 2023: Not reported 3."
    assert [s.key for s in status_series(t)] == ["done", "ongoing", "in-progress", "not-started", "cancelled",
                                                 "not-reported"]


def test_an_example_chart_is_labelled_inside_the_picture() -> None:
    s2023 = Summary(2023, total=2, not_reported=1, example=True)
    s2023.counts["done"] = 1
    chart = status_chart("c", "By year", [s2023], t, lambda v: f"{v:g}")
    assert chart.example == "Example data" and chart.title == "By year (Example data)"
    assert ">Example data</text>" in chart.svg and "<title id=\"c-t\">By year (Example data)</title>" in chart.svg
    real = status_chart("r", "By year", [Summary(2023, total=2, not_reported=2)], t, lambda v: f"{v:g}")
    assert real.example == "" and "Example data" not in real.svg


def node(kind: str | None = None, text: object = None, items: list[NS] | None = None) -> NS:
    return NS(kind=kind, text=text, items=items or [])


def plan_with(*sections: NS) -> NS:
    def nodes() -> list[tuple[NS, None, None]]:
        out = []

        def walk(n: NS) -> None:
            out.append((n, None, None))
            for item in n.items:
                walk(item)

        for section in sections:
            walk(section)
        return out

    return NS(nodes=nodes)


def test_what_a_plan_asks_is_its_own_purposes_then_requirements() -> None:
    """Three to five of the plan's own sentences: purposes first, requirements keep two places."""
    purposes = node("purposes", "P0", [node(text=f"P{i}") for i in range(1, 5)])
    requirements = node("requirements", None, [node(text=f"R{i}") for i in range(1, 5)])
    plan = plan_with(node(items=[purposes, requirements]))
    assert asks(plan) == ["P0", "P1", "P2", "R1", "R2"]
    assert asks(plan_with(node(items=[purposes]))) == ["P0", "P1", "P2", "P3", "P4"]
    assert asks(plan_with(node(items=[node("requirements", None, [node(text="R1")]), node("purposes", "P0")]))) \
        == ["P0", "R1"]
    assert asks(plan_with(node(text="Preamble"))) == []  # nothing is written where the plan states nothing


def test_activities_are_grouped_by_section_with_their_cards() -> None:
    groups = [NS(id="I", name=text("Nhóm một", "Group one")), NS(id="II", name=text("Nhóm hai", "Group two"))]
    activities = [NS(id="I.1", group="I", slug="i-1", timeline=NS(text=None)),
                  NS(id="II.1", group="II", slug="ii-1", timeline=NS(text=text("2022", "2022"))),
                  NS(id="II.2", group="II", slug="ii-2", timeline=NS(text=None))]
    plan = NS(id="p", appendix=NS(groups=groups, activities=activities))
    tasks = [NS(plan=plan, key=a.id, name=text(a.id, a.id), agencies=("a",), activity=a, anchor="") for a in activities]
    found = task_groups(plan, tasks, lambda task: [])
    assert [(g.anchor, g.ref, [c.key for c in g.cards]) for g in found] == [
        ("group-i", "I", ["I.1"]), ("group-ii", "II", ["II.1", "II.2"])]
    assert found[1].cards[0].url == "plans/p/activities/ii-1/"


def test_assignments_are_grouped_by_the_top_section_of_the_body() -> None:
    sections = [NS(ref="I", heading=text("Mục đích", "Purposes"), text=None),
                NS(ref="II", heading=text("Tổ chức thực hiện", "Implementation"), text=None)]
    plan = NS(id="p", appendix=None, sections=sections)
    tasks = [NS(plan=plan, key=key, name=text(key, key), agencies=("a",), activity=None, anchor=anchor)
             for key, anchor in (("II.1", "s-2-1"), ("II.1.a", "s-2-1-1"))]
    found = task_groups(plan, tasks, lambda task: [])
    assert [(g.anchor, g.ref, [c.key for c in g.cards]) for g in found] == [("group-ii", "II", ["II.1", "II.1.a"])]
    assert found[0].cards[0].url == "plans/p/text/#s-2-1"


# ── the built plan pages, in Chromium ──────────────────────────────────────────────
HEIGHT_LIMITS = {390: 8_000, 1280: 5_000}
"""The national plan page before any section is opened, in CSS px (issue 31, item 5:
31,661 and 17,670 before its activities were grouped and its text moved to a page of its own)."""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", sorted(HEIGHT_LIMITS))
def test_the_national_plan_page_is_short_enough_to_read(browser: object, server: StaticServer, lang: str,
                                                        width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844})  # type: ignore[attr-defined]
    try:
        p = context.new_page()
        p.goto(f"{server.url}{lang}/plans/bcd-asean-2021-2025/")
        assert p.locator("details.asean-group[open]").count() == 0
        assert p.locator("details.asean-group").count() == 4
        height = p.evaluate("document.documentElement.scrollHeight")
        assert height <= HEIGHT_LIMITS[width], f"{height} px at {width} px"
        assert p.evaluate("document.documentElement.scrollWidth") <= width  # nothing scrolls sideways
        # Opening a section shows its activities as cards, each number on one line.
        p.locator("details.asean-group summary").nth(1).click()
        numbers = p.locator("details.asean-group[open] .asean-act__title .asean-num")
        assert numbers.count() == 45
        heights = numbers.evaluate_all("els => els.map(e => e.getClientRects().length)")
        assert set(heights) == {1}, "a number wrapped onto two lines"
        # The sections are where other pages' links to them lead (an activity's "Group").
        assert p.locator("details#group-iv > summary").count() == 1
    finally:
        context.close()


@pytest.mark.browser
def test_the_original_text_reads_in_one_column_on_a_phone(browser: object, server: StaticServer) -> None:
    """The deepest parts of the national plan's text keep most of a 390 px screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    try:
        p = context.new_page()
        p.goto(f"{server.url}vi/plans/bcd-asean-2021-2025/text/")
        narrowest = p.evaluate(
            "Math.min(...[...document.querySelectorAll('.asean-node > p')].map(e => e.getBoundingClientRect().width))")
        assert narrowest >= 300
        assert p.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


WORKSHOP = {
    "an internal source file name": re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt"),
    "a command line": re.compile(r"python -m\b"),
    "a warning sign": re.compile("\u26a0"),
}


@pytest.mark.site
def test_no_public_page_shows_the_workshop(built_site: Path) -> None:
    """Every page of the sitemap speaks to citizens: no file names, commands or warning
    signs, and no link to the editors' guide; the guide is reachable, but neither in the
    sitemap nor in the search index."""
    from site_builder.core.urls import EDITORS

    locs = re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and not [u for u in locs if any(f"/{e}" in u for e in EDITORS)]
    found: dict[str, list[str]] = {}
    for loc in locs:
        rel = loc.removeprefix(SITE_URL)
        html = (built_site / rel / "index.html").read_text(encoding="utf-8")
        for what, pattern in WORKSHOP.items():
            if pattern.search(html):
                found.setdefault(what, []).append(rel)
        if re.search(r'<nav[^>]*>(?:(?!</nav>).)*href="[^"]*guide/', html, re.S):
            found.setdefault("the guide in a navigation", []).append(rel)
    assert not found
    for lang in ("vi", "en"):
        guide = (built_site / lang / "guide" / "index.html").read_text(encoding="utf-8")
        assert "data-pagefind-body" not in guide
        assert 'data-pagefind-body' in (built_site / lang / "plans" / "bcd-asean-2021-2025" / "index.html").read_text(
            encoding="utf-8")


@pytest.mark.site
def test_the_guide_is_not_in_the_search_index(built_site: Path) -> None:
    """Pagefind indexes only pages with a ``data-pagefind-body``: the guide has none, so
    none of its words (here its title) are among the indexed pages' fragments."""
    import gzip

    for lang, title in (("vi", "Hướng dẫn biên tập"), ("en", "Editors' guide")):
        fragments = list((built_site / lang / "pagefind" / "fragment").glob("*.pf_fragment"))
        assert fragments
        urls = [gzip.decompress(f.read_bytes()) for f in fragments]
        assert not [u for u in urls if b"/guide/" in u], title
