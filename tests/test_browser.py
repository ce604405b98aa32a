"""The site in a real Chromium: every page type in both languages, the language switcher,
the activity filter with the keyboard, and search without diacritics."""

from __future__ import annotations

import pytest
from browser import StaticServer, Watched, open_settled

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "asean/",
    "asean/economic/",
    "members/",
    "members/timor-leste/",
    "news/",
    "news/tam-nhin-cong-dong-asean-2045/",
    "news/tags/rcep/",
    "tourism/dong-thap/",
    "documents/",
    "plans/",
    "plans/bcd-asean-2021-2025/",
    "plans/bcd-asean-2021-2025/activities/iv-5/",
    "plans/soc-trang-2022/",
    "agencies/",
    "agencies/bo-thong-tin-va-truyen-thong/",
    "pillars/",
    "pillars/socio-cultural/",
    "units/",
    "units/dong-son/",
    "calendar/",
    "search/",
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_page_opens_cleanly(tab: Watched, server: StaticServer, lang: str, path: str) -> None:
    response = open_settled(tab.page, f"{server.url}{lang}/{path}")
    assert response is not None and response.status == 200
    assert tab.page.locator("html").get_attribute("lang") == lang
    assert tab.page.locator("h1").count() == 1
    assert tab.page.title()
    assert tab.errors == []


def test_root_redirects_to_vietnamese(page: Watched, server: StaticServer) -> None:
    page.page.goto(server.url)
    page.page.wait_for_url(f"{server.url}vi/")
    assert page.page.locator("html").get_attribute("lang") == "vi"


def test_language_switch_keeps_the_plan(page: Watched, server: StaticServer) -> None:
    page.page.goto(f"{server.url}vi/plans/dong-thap-2021-2025/")
    switch = page.page.locator("a[data-asean-lang]")
    switch.focus()
    page.page.keyboard.press("Enter")
    page.page.wait_for_url(f"{server.url}en/plans/dong-thap-2021-2025/")
    assert page.page.locator("html").get_attribute("lang") == "en"
    assert "Đồng Tháp" in page.page.locator("h1").inner_text()
    page.page.locator("a[data-asean-lang]").click()
    page.page.wait_for_url(f"{server.url}vi/plans/dong-thap-2021-2025/")


def test_activity_filter_with_keyboard(page: Watched, server: StaticServer) -> None:
    p = page.page
    # The filterable table is the activities widget's (the plan page lists them by section).
    p.goto(f"{server.url}en/embed/plans/bcd-asean-2021-2025/")
    rows = p.locator("table[data-asean-table] tbody tr[data-group]")
    assert rows.count() == 65
    status = p.locator('[data-asean-count="activities"]')
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == "Showing 65 of 65 activities"

    # The filter form's controls (the plan's charts also name groups and lead agencies).
    form = p.locator('form[data-asean-filter="activities"]')
    group = form.get_by_label("Group")
    group.focus()
    group.select_option("IV")  # what ArrowDown/Enter on a focused <select> does
    expect_visible = p.locator("table[data-asean-table] tbody tr[data-group]:visible")
    assert expect_visible.count() == 5
    assert status.inner_text() == "Showing 5 of 65 activities"

    lead = form.get_by_label("Lead agency")
    lead.select_option("bo-ngoai-giao")
    visible = expect_visible.count()
    assert 0 <= visible < 5
    assert status.inner_text() == f"Showing {visible} of 65 activities"

    form.get_by_label("Group").select_option("")
    form.get_by_label("Pillar or topic").select_option("economic")
    form.get_by_label("Lead agency").select_option("")
    economic = expect_visible.count()
    assert 0 < economic < 65
    for i in range(economic):
        assert "economic" in (expect_visible.nth(i).get_attribute("data-pillar") or "")

    p.locator('form[data-asean-filter="activities"]').get_by_role("button", name="Show all").press("Enter")
    p.wait_for_function("document.querySelector('[data-asean-count]').textContent.startsWith('Showing 65')")
    assert expect_visible.count() == 65


def test_sorting_by_a_column(page: Watched, server: StaticServer) -> None:
    p = page.page
    p.goto(f"{server.url}en/embed/plans/soc-trang-2022/")
    header = p.get_by_role("button", name="Timeline")
    header.press("Enter")
    th = p.locator("th[aria-sort]")
    assert th.get_attribute("aria-sort") == "ascending"
    header.press("Enter")
    assert th.get_attribute("aria-sort") == "descending"


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("vi", "duong", "đường"),
        ("vi", "hoi nghi", "hội nghị"),
        ("en", "dong son", "Đông Sơn"),
        ("en", "conference", "conference"),
    ],
)
def test_search_without_diacritics(page: Watched, server: StaticServer, lang: str, query: str, expected: str) -> None:
    p = page.page
    p.goto(f"{server.url}{lang}/")
    box = p.locator("#asean-q")
    box.fill(query)
    box.press("Enter")
    p.wait_for_url(f"**/{lang}/search/?q=*")
    results = p.locator("#asean-search-results li")
    results.first.wait_for()
    assert results.count() > 0
    text = p.locator("#asean-search-results").inner_text().lower()
    assert expected.lower() in text
    # results stay in the page's language
    for href in results.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        assert f"/{lang}/" in href
    assert page.errors == []


def test_search_shows_results_ten_at_a_time(page: Watched, server: StaticServer) -> None:
    """Each shown result downloads its fragment, so results come ten at a time; the
    "more" button adds the next ten and moves the keyboard focus to the first of them."""
    p = page.page
    p.goto(f"{server.url}vi/search/?q=asean")
    results = p.locator("#asean-search-results li")
    results.first.wait_for()
    more = p.locator("#asean-search-more")
    more.wait_for()
    total = int(p.locator("#asean-search-status").inner_text().split()[0])
    assert total > 20
    assert results.count() == 10
    more.focus()
    p.keyboard.press("Enter")
    p.wait_for_function("document.querySelectorAll('#asean-search-results li').length === 20")
    focused = p.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#asean-search-results li')[10]")
    assert focused
    assert more.is_visible()
    assert page.errors == []


def test_search_finds_an_activity_on_its_own_page_only(page: Watched, server: StaticServer) -> None:
    """Lists that repeat what has its own page (activity tables, dashboards, news lists,
    plan cards, an agency's tasks) are left out of the index: one fact, one result."""
    p = page.page
    p.goto(f"{server.url}en/search/?q=timely+and+accurate")
    results = p.locator("#asean-search-results li a")
    results.first.wait_for()
    hrefs = results.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "/en/plans/soc-trang-2022/activities/" in hrefs[0]
    # The agencies it names and the unit list it, but only the activity page says it.
    assert not any("/agencies/" in h or "/units/" in h for h in hrefs), hrefs
    assert page.errors == []


def test_an_activity_result_names_its_plan_and_unit(page: Watched, server: StaticServer) -> None:
    """An activity's title ("II.5 · Tổ chức hội nghị…") says neither its plan nor whose plan
    it is: the line under it does."""
    p = page.page
    p.goto(f"{server.url}vi/search/?q=hoi+nghi+hoi+thao+tap+huan+chuyen+de")
    item = p.locator("#asean-search-results li").filter(
        has=p.locator("a[href$='/vi/plans/soc-trang-2022/activities/ii-5/']"))
    item.wait_for()
    context = item.locator(".asean-results__context").inner_text()
    assert context == "Hoạt động II.5 · Kế hoạch ASEAN năm 2022 của tỉnh Sóc Trăng"
    assert page.errors == []


def test_a_title_match_ranks_above_a_row(page: Watched, server: StaticServer) -> None:
    """"hoi nghi": the article titled "Hội nghị Cấp cao ASEAN…" comes first, before the
    activities whose names (rows of a plan's appendix) say "hội nghị"."""
    p = page.page
    p.goto(f"{server.url}vi/search/?q=hoi+nghi")
    results = p.locator("#asean-search-results li a")
    results.first.wait_for()
    hrefs = results.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    titles = results.all_inner_texts()
    rows = [i for i, h in enumerate(hrefs) if "/activities/" in h]
    titled = [i for i, (h, t) in enumerate(zip(hrefs, titles, strict=True))
              if "/activities/" not in h and "hội nghị" in t.lower()]
    assert "/vi/news/cap-cao-asean-37-ung-pho-covid-19/" in hrefs[0]
    assert titled and all(row > max(titled) for row in rows), list(zip(hrefs, titles, strict=True))
    assert page.errors == []


OVERFLOWING = """links => links.flatMap(a => {
  const box = a.getBoundingClientRect();
  return Array.from(a.children).filter(s => {
    const r = s.getBoundingClientRect();
    return s.scrollWidth > s.clientWidth + 1 || r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1;
  }).map(s => s.textContent.trim());
})"""


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [320, 360, 390, 1280])
def test_member_map_names_fit_their_tiles(browser: object, server: StaticServer, lang: str, width: int) -> None:
    """Every name on the tile map (Campuchia, Philippines, Brunei Darussalam, Viet Nam's
    archipelagos) stays inside its tile, from the narrowest phone to a laptop, in letters of
    at least 12 px ("Hoàng Sa" and "Trường Sa" were 9 px)."""
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    p = context.new_page()
    p.goto(f"{server.url}{lang}/members/")
    p.evaluate("document.fonts.ready.then(() => true)")
    assert p.locator(".asean-tile a").count() == 11
    overflowing = p.locator(".asean-tile a").evaluate_all(OVERFLOWING)
    sizes = p.locator(".asean-tile a > span:not([aria-hidden])").evaluate_all(
        "spans => spans.map(s => [s.textContent.trim(), parseFloat(getComputedStyle(s).fontSize)])")
    scroll_width = p.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert overflowing == []
    assert len(sizes) == 13 and [label for label, size in sizes if size < 12] == [], sizes
    assert scroll_width <= width
