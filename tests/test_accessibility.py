"""Accessibility in a real browser: axe-core (WCAG 2.0/2.1 A and AA, best practices) on every
page type in both languages, keyboard use, and a check that the harness does catch faults."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import StaticServer, Watched, open_settled

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tests/node/node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

PAGE_TYPES = {
    "home": "",
    "about (fact page)": "asean/",
    "plans index": "plans/",
    "plan": "plans/bcd-asean-2021-2025/",
    "plan's full text": "plans/bcd-asean-2021-2025/text/",
    "activity": "plans/bcd-asean-2021-2025/activities/iv-5/",
    "agencies index": "agencies/",
    "agency": "agencies/bo-thong-tin-va-truyen-thong/",
    "pillar": "pillars/economic/",
    "unit": "units/soc-trang/",
    "units index (34 of today, then former)": "units/",
    "unit of today carrying a former province's plan": "units/can-tho/",
    "unit of today without a plan": "units/ha-tinh/",
    "unit of today: a city since 2026, with a portal address and its sources": "units/dong-nai/",
    "unit of today formed from units we hold no record of": "units/tuyen-quang/",
    "former district": "units/dong-son/",
    "national level": "units/viet-nam/",
    "central unit: what the national plan asks of it, a former ministry's tasks by name": "units/bo-khoa-hoc-va-cong-nghe/",
    "news list": "news/",
    "news tag": "news/tags/rcep/",
    "news by year": "news/years/2025/",
    "news archive": "news/archive/",
    "article": "news/timor-leste-thanh-vien-thu-11/",
    "member states": "members/",
    "member state": "members/timor-leste/",
    "tourism": "tourism/dong-thap/",
    "calendar": "calendar/",
    "documents": "documents/",
    "data for other systems": "api/",
    "embed this": "embed/",
    "widget: activities": "embed/plans/soc-trang-2022/",
    "widget: news": "embed/news/",
    "widget: events": "embed/events/",
    "widget: pillar": "embed/pillars/covid-19/",
    "widget: member": "embed/members/viet-nam/",
    "quiz": "quiz/members/",
    "quiz (printable)": "quiz/local/print/",
    "widget: quiz": "embed/quiz/",
    "widget: progress": "embed/progress/soc-trang-2022/",
    "plan tracked by assignment (dashboard, records in the text)": "plans/dong-thap-2021-2025/",
    "agency with a dashboard": "agencies/dong-thap-dai-phat-thanh-va-truyen-hinh/",
    "unit with a dashboard": "units/dong-thap/",
    "widget: progress by assignment": "embed/progress/dong-thap-2021-2025/",
    "editors' guide (code blocks that scroll)": "guide/",
    "editors' guide: editing in the browser (screenshots, tables)": "guide/cms/",
}


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core missing: `make test` installs it with npm ci --prefix tests/node")
        pytest.skip("axe-core not installed (npm ci --prefix tests/node)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def phone_tab(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The shared tab (``tab`` in ``browser.py``) at a phone's size, with touch and the phone's
    viewport rules."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    yield context.new_page()
    context.close()


def tab_until(page: object, condition: str, limit: int) -> None:
    """Press Tab until the script ``condition`` holds of the focused element, at most
    ``limit`` times (the test's own assertions then say whether it was reached)."""
    for _ in range(limit):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if page.evaluate(condition):  # type: ignore[attr-defined]
            return


def run_axe(page: object, source: str) -> list[str]:
    """axe's violations on the loaded page, as readable lines (rule, impact, first targets).
    axe is evaluated, not added as a ``<script>`` element: the page's own DOM stays as built,
    and V8 reuses its compiled axe within the tab."""
    page.evaluate(source + "\n;undefined")  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    return [
        f"{v['id']} [{v['impact']}] {v['help']}: " + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_axe_violation(tab: Watched, server: StaticServer, axe_source: str, kind: str, lang: str) -> None:
    open_settled(tab.page, f"{server.url}{lang}/{PAGE_TYPES[kind]}")
    assert run_axe(tab.page, axe_source) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_results_have_no_violation(tab: Watched, server: StaticServer, axe_source: str, lang: str) -> None:
    tab.page.goto(f"{server.url}{lang}/search/?q=hoi+nghi")
    tab.page.locator("#asean-search-results li").first.wait_for()
    assert run_axe(tab.page, axe_source) == []


@pytest.mark.parametrize("path", ["vi/", "en/plans/soc-trang-2022/", "vi/members/",
                                  "vi/units/dong-thap/", "en/agencies/dong-thap-dai-phat-thanh-va-truyen-hinh/",
                                  "en/embed/progress/dong-thap-2021-2025/"])
def test_phone_layout_has_no_violation(phone_tab: object, server: StaticServer, axe_source: str, path: str) -> None:
    open_settled(phone_tab, f"{server.url}{path}")
    assert run_axe(phone_tab, axe_source) == []


@pytest.fixture(scope="module")
def notice_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticServer]:
    """A small build with a page in Vietnamese only, for the "not yet translated" notice."""
    from conftest import MiniProject, make_tiny

    from site_builder.apps.build import build_site

    tiny = make_tiny(MiniProject(tmp_path_factory.mktemp("notice") / "project"))
    tiny.write("content/vi/tin-tuc/le-thuong-co.md",
               "---\ntitle: Lễ thượng cờ ASEAN\ndescription: Lễ thượng cờ\n---\n\n# Lễ thượng cờ ASEAN\n\nNội dung.\n")
    build_site(tiny.root, tiny.root / "site", site_url="http://127.0.0.1:9/")
    with StaticServer(tiny.root / "site") as srv:
        yield srv


def test_not_yet_translated_notice_has_no_violation(tab: Watched, notice_site: StaticServer, axe_source: str) -> None:
    tab.page.goto(f"{notice_site.url}en/tin-tuc/le-thuong-co/")
    assert "not been translated" in tab.page.locator("article").inner_text()
    assert run_axe(tab.page, axe_source) == []


@pytest.fixture(scope="module")
def paged_server(paged_site: Path) -> Iterator[StaticServer]:
    with StaticServer(paged_site) as srv:
        yield srv


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["vi/news/page/2/", "en/news/years/2023/page/2/"])
def test_paged_news_list_has_no_violation(tab: Watched, paged_server: StaticServer, axe_source: str, path: str,
                                          width: int) -> None:
    tab.page.set_viewport_size({"width": width, "height": 844})
    try:
        tab.page.goto(f"{paged_server.url}{path}")
        assert run_axe(tab.page, axe_source) == []
    finally:
        tab.page.set_viewport_size({"width": 1280, "height": 900})


def test_page_links_work_with_the_keyboard(browser, paged_server: StaticServer) -> None:  # type: ignore[no-untyped-def]
    """Tab reaches the link to page 3, its name says "Page 3", Enter opens it, and there the
    current page is announced (aria-current) and has a visible focus ring when tabbed to."""
    context = browser.new_context()
    p = context.new_page()
    p.goto(f"{paged_server.url}en/news/")
    tab_until(p, "document.activeElement.getAttribute('aria-label') === 'Page 3'", 120)
    assert p.evaluate("document.activeElement.textContent") == "3"
    assert p.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    p.keyboard.press("Enter")
    p.wait_for_url("**/en/news/page/3/")
    current = p.locator("nav.asean-pages [aria-current=page]")
    assert current.inner_text() == "3" and current.get_attribute("aria-label") == "Page 3"
    assert p.locator("nav.asean-pages").get_attribute("aria-label") == "Pages of this list"
    context.close()


def test_harness_catches_a_deliberately_broken_page(tab: Watched, tmp_path: Path, axe_source: str) -> None:
    """A page with a missing alt text, low contrast and an unlabelled field must fail."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hỏng</title></head><body><main>'
        '<h1>Trang hỏng</h1><img src="x.png"><p style="color:#aaa;background:#fff">Chữ mờ</p>'
        '<input type="text"></main></body></html>',
        encoding="utf-8",
    )
    with StaticServer(tmp_path) as srv:
        tab.page.goto(srv.url)
        found = {line.split(" ", 1)[0] for line in run_axe(tab.page, axe_source)}
    assert {"image-alt", "color-contrast", "label"} <= found


def test_keyboard_skip_link_and_visible_focus(page: Watched, server: StaticServer) -> None:
    p = page.page
    p.goto(f"{server.url}en/plans/soc-trang-2022/")
    p.keyboard.press("Tab")
    focused = p.evaluate("document.activeElement.className")
    assert "md-skip" in focused
    p.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")
    box = p.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.height]; })()")
    assert box[0] >= 0 and box[1] > 10  # on screen when focused
    p.keyboard.press("Enter")
    assert p.evaluate("location.hash") == "#soc-trang-s-asean-plan-for-2022"  # the h1
    # Tab to the first section of activities and open it with the keyboard alone.
    tab_until(p, "document.activeElement.parentElement.classList.contains('asean-group')", 80)
    assert p.evaluate("document.activeElement.parentElement.id") == "group-i"
    outline = p.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    p.keyboard.press("Enter")
    p.wait_for_function("document.querySelector('#group-i').open")
    # The activities widget's filter, with the keyboard alone.
    p.goto(f"{server.url}en/embed/plans/soc-trang-2022/")
    tab_until(p, "document.activeElement.name === 'group'", 40)
    assert p.evaluate("document.activeElement.name") == "group"
    assert p.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    p.keyboard.press("ArrowDown")
    p.wait_for_function("document.querySelector('[data-asean-count]').textContent.startsWith('Showing 4')")
