"""site_builder/render/sitechrome.py: navigation and branding, on an in-memory mini project."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from browser import StaticServer
from conftest import SITE_URL, MiniProject
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from site_builder.apps.build import build_site
from site_builder.core.i18n import translations
from site_builder.derive.project import load_project
from site_builder.model.units import contrast
from site_builder.render.sitechrome import (
    NAV,
    active_item,
    branding,
    darker,
    footer_links,
    layout,
    navigation,
    owner_unit,
    page_title,
    unit_stylesheet,
)


def test_navigation_lists_only_the_pages_the_project_has(tiny: MiniProject) -> None:
    project = load_project(tiny.root)
    vi = navigation(project, "vi", translations("vi").gettext)
    paths = [path for _, path in vi]
    assert ("Kế hoạch", "plans/index.md") in vi and ("Tin tức", "news/index.md") in vi
    assert "guide/index.md" not in paths  # the editors' guide is not the citizens'
    assert "index.md" not in paths  # the header's name leads home
    assert "quiz/index.md" not in paths  # no question yet: no quiz page
    assert "culture/index.md" not in paths  # no such page written
    assert paths == [path for _, path in NAV if path in paths]  # in the fixed order


def test_the_navigation_has_at_most_seven_items_in_citizens_words(tiny: MiniProject) -> None:
    tiny.write("content/vi/asean/asean-2025.md", "---\ntitle: ASEAN 2025\ndescription: x\n---\n\n# ASEAN 2025\n")
    tiny.write("content/vi/asean/asean-2026.md", "---\ntitle: ASEAN 2026\ndescription: x\n---\n\n# ASEAN 2026\n")
    tiny.write("content/vi/culture/index.md", "---\ntitle: Văn hóa\ndescription: x\n---\n\n# Văn hóa\n")
    project = load_project(tiny.root)
    vi = navigation(project, "vi", translations("vi").gettext)
    assert len(NAV) <= 7 and len(vi) <= 7
    assert ("ASEAN 2026", "asean/asean-2026.md") in vi  # the newest year's page, not the day of the build
    assert ("Văn hóa", "culture/index.md") in vi
    assert [title for title, _ in navigation(project, "en", translations("en").gettext)][:1] == ["News"]
    workshop = navigation(project, "vi", translations("vi").gettext, workshop=True)
    assert workshop[-1] == ("Hướng dẫn biên tập", "guide/index.md") and workshop[:-1] == vi


def test_a_page_belongs_to_the_item_of_its_folder() -> None:
    items = [("Tin tức", "news/index.md"), ("ASEAN 2026", "asean/asean-2026.md"), ("Kế hoạch", "plans/index.md")]
    assert active_item(items, "news/index.md") == "news/index.md"
    assert active_item(items, "news/timor-leste.md") == "news/index.md"
    assert active_item(items, "plans/bcd-asean-2021-2025/index.md") == "plans/index.md"
    assert active_item(items, "asean/asean-2026.md") == "asean/asean-2026.md"
    assert active_item(items, "asean/charter.md") is None and active_item(items, None) is None


def test_layouts_and_titles() -> None:
    from types import SimpleNamespace as NS

    from site_builder.derive.kinds import HOME, MemberPage, NewsList, PlanPage, page_kind

    assert layout(page_kind(None, "index.md"), "index.md") == "front"  # the home page, by its source path
    assert layout(HOME, "index.md") == "front"
    assert layout(None, "news/timor-leste.md") == "article"  # a hand-written article, whatever its kind
    assert layout(NewsList(url="news/", title="x"), "news/index.md") == "list"  # the generated list of news
    assert layout(PlanPage(url="plans/x/", title="x", plan=NS()), "plans/x/index.md") == "reference"  # type: ignore[arg-type]
    assert layout(None, "guide/index.md") == "reference"
    assert layout(MemberPage(url="members/viet-nam/", title="x", member=NS()), "members/viet-nam/index.md") == "article"  # type: ignore[arg-type]
    site = "Chuyên mục ASEAN – Ban Chỉ đạo Thông tin tuyên truyền ASEAN"
    assert page_title("Tin tức", site, False) == f"Tin tức – {site}"
    assert page_title("Chuyên mục ASEAN", site, True) == site  # the home page: no name twice


def test_national_branding_and_the_sites_repository(mini: MiniProject) -> None:
    project = load_project(mini.root)
    en = translations("en").gettext
    brand = branding(project, None, "en", en, None)
    assert (brand.site_name, brand.owner, brand.section) == ("ASEAN section",) * 3  # no owner named: the section alone
    brand = branding(project, None, "en", en, {"url": "https://git.example/asean", "branch": "main"})
    assert brand.repository == {"url": "https://git.example/asean", "branch": "main"}
    assert brand.stylesheet is None and brand.logo is None
    assert branding(project, None, "en", en, {"url": ""}).repository is None


def test_the_owner_leads_the_site_name(mini: MiniProject) -> None:
    """The national record's owner, else a unit's own name: "<section> – <owner>"."""
    mini.write("plans/units.yaml", (mini.root / "plans/units.yaml").read_text(encoding="utf-8").replace(
        '    name: {vi: "Trung ương", en: "Central level"}\n',
        '    name: {vi: "Trung ương", en: "Central level"}\n    branding:\n'
        '      display_name: {vi: "Chuyên mục ASEAN", en: "ASEAN section"}\n'
        '      owner: {vi: "Ban Chỉ đạo Thông tin tuyên truyền ASEAN", en: "ASEAN Information Steering Committee"}\n', 1))
    project = load_project(mini.root)
    vi, en = translations("vi").gettext, translations("en").gettext
    assert branding(project, None, "vi", vi, None).site_name == "Chuyên mục ASEAN – Ban Chỉ đạo Thông tin tuyên truyền ASEAN"
    assert branding(project, None, "en", en, None).owner == "ASEAN Information Steering Committee"
    assert branding(project, "soc-trang", "vi", vi, None).site_name == "Chuyên mục ASEAN – Tỉnh Sóc Trăng"
    assert owner_unit(project, None).id == "viet-nam" and owner_unit(project, "soc-trang").id == "soc-trang"


def test_the_footer_links_only_pages_the_project_has(tiny: MiniProject) -> None:
    project = load_project(tiny.root)
    links = dict((url, title) for title, url in footer_links(project, "en", translations("en").gettext))
    assert links["asean/"] == "About ASEAN" and links["units/"] == "Units"
    assert "about/" not in links  # no "about this section" page written


def test_unit_stylesheet_sets_the_theme_colours() -> None:
    css = unit_stylesheet("#004a8f", "#ffcc00")
    assert "--md-primary-fg-color: #004a8f;" in css and "--asean-yellow: #ffcc00;" in css


def test_a_units_colours_frame_the_page_header_and_footer() -> None:
    css = unit_stylesheet("#7a2d0c", "#f6b93b")
    assert "--md-primary-fg-color: #7a2d0c;" in css and "--asean-yellow: #f6b93b;" in css
    assert "--md-footer-bg-color: #582009;" in css  # a darker shade of the primary
    assert "--md-footer-fg-color--light: #ffffff;" in css


def test_the_footer_shade_keeps_white_text_readable() -> None:
    """The build checks that the primary colour has 4.5:1 with white; its darker shade has more."""
    for colour in ("#7a2d0c", "#8a1c1c", "#0b6e4f", "#767676"):
        assert contrast(darker(colour), "#ffffff") >= contrast(colour, "#ffffff") >= 4.5
    assert darker("#000000") == "#000000" and darker("#ffffff") == "#b8b8b8"


# ── The frame on the real corpus: in the built pages and in Chromium ───────────────────
SITE = "Chuyên mục ASEAN – Ban Chỉ đạo Thông tin tuyên truyền ASEAN"


def sitemap_pages(site: Path) -> list[str]:
    """Every page the sitemap lists, as a path below the site's root (``vi/news/``)."""
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    return [loc.removeprefix(SITE_URL) for loc in locs]


def page_kinds(pages: list[str]) -> list[str]:
    """One page of each kind: the first of each (language, top folder, depth)."""
    seen: dict[tuple[str, str, int], str] = {}
    for path in pages:
        parts = path.strip("/").split("/")
        seen.setdefault((parts[0], parts[1] if len(parts) > 1 else "", len(parts)), path)
    return sorted(seen.values())


@pytest.mark.site
def test_every_page_has_the_frame_titles_and_at_most_seven_items(built_site: Path) -> None:
    pages = sitemap_pages(built_site)
    assert len(pages) > 100
    for path in pages:
        html = HTMLParser((built_site / path / "index.html").read_text(encoding="utf-8"))
        lang = path.split("/", 1)[0]
        items = [a.attributes.get("href") or "" for a in html.css("nav.asean-nav a")]
        drawer = [a.attributes.get("href") or "" for a in html.css(".md-sidebar--primary a")]
        assert 0 < len(items) <= 7, path
        assert not [h for h in items + drawer if "guide/" in h], path  # the editors' guide is not the citizens'
        title = html.css_first("title").text()
        site = SITE if lang == "vi" else "ASEAN section – ASEAN Information Steering Committee"
        assert title == site if path in ("vi/", "en/") else title.endswith(f" – {site}"), (path, title)
        assert html.css_first(".asean-brand__owner").text() == site.split(" – ")[1]
    assert len(pages) == len(set(pages))
    culture = HTMLParser((built_site / "vi/culture/index.html").read_text(encoding="utf-8"))
    # the navigation's short label is the menu's; the page keeps its own title
    assert culture.css_first("title").text() == f"Khám phá văn hóa ASEAN – {SITE}"
    assert [a.text() for a in culture.css("nav.asean-nav a[aria-current=page]")] == ["Văn hóa"]
    assert [a.text() for a in culture.css(".md-sidebar--primary a")][4] == "Văn hóa"


@pytest.mark.site
def test_the_footer_names_the_owner_its_licence_and_what_it_is_built_with(built_site: Path) -> None:
    html = HTMLParser((built_site / "vi/news/index.html").read_text(encoding="utf-8"))
    footer = html.css_first("footer.asean-footer")
    assert footer.css_first("h2").text() == "Ban Chỉ đạo Thông tin tuyên truyền ASEAN"
    text = footer.text(separator=" ")
    assert "giấy phép MIT" in text and "MkDocs" in text
    assert footer.css_first("dl") is None  # the committee's address and phone are published nowhere we can cite
    links = [a.attributes.get("href") for a in footer.css("a")]
    assert "../about/" in links and "../units/" in links and "archive/" in links


@pytest.mark.site
def test_a_units_footer_shows_each_contact_field_the_record_gives(tiny: MiniProject) -> None:
    """Decree 42/2022/NĐ-CP, Article 4, clause 1, point e: address, phone, fax, email and
    the official responsible; a field the record leaves out is not shown at all."""
    tiny.write("plans/units.yaml", (tiny.root / "plans/units.yaml").read_text(encoding="utf-8") + (
        "    branding:\n"
        '      display_name: {vi: "Chuyên mục ASEAN – Tỉnh Sóc Trăng", en: "ASEAN section – Sóc Trăng Province"}\n'
        '      owner: {vi: "Sở Ngoại vụ tỉnh Sóc Trăng", en: "Sóc Trăng Department of Foreign Affairs"}\n'
        "      contact:\n"
        '        address: {vi: "Số 1 đường A, Sóc Trăng", en: "1 A Street, Sóc Trăng"}\n'
        '        phone: "0299 3820 000"\n'
        '        email: "songoaivu@example.gov.vn"\n'
        '        responsible: {name: "Nguyễn Văn A", position: {vi: "Giám đốc Sở", en: "Director"}}\n'))
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/", unit="soc-trang")
    html = HTMLParser((out / "en/index.html").read_text(encoding="utf-8"))
    assert html.css_first("title").text() == "ASEAN section – Sóc Trăng Department of Foreign Affairs"
    assert html.css_first(".asean-brand__owner").text() == "Sóc Trăng Department of Foreign Affairs"
    footer = html.css_first("footer.asean-footer")
    fields = {dt.text(): dd.text() for dt, dd in zip(footer.css("dt"), footer.css("dd"), strict=True)}
    assert fields == {"Address": "1 A Street, Sóc Trăng", "Phone": "0299 3820 000", "Email": "songoaivu@example.gov.vn",
                      "Responsible": "Nguyễn Văn A, Director"}
    assert footer.css_first('a[href="tel:02993820000"]') is not None


@pytest.mark.site
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_404_page_speaks_the_sites_language_with_search_and_the_way_home(built_site: Path, lang: str) -> None:
    html = HTMLParser((built_site / lang / "404.html").read_text(encoding="utf-8"))
    root = urlsplit(SITE_URL).path
    assert html.css_first("html").attributes["lang"] == lang
    h1 = html.css_first("h1").text()
    assert h1 == {"vi": "Không tìm thấy trang", "en": "Page not found"}[lang]
    assert html.css_first("title").text().startswith(f"{h1} – ")
    form = html.css_first("form.asean-notfound__search")
    assert form.attributes["action"] == f"{root}{lang}/search/" and form.css_first("input").attributes["name"] == "q"
    home = [a.attributes["href"] for a in html.css(".asean-notfound a")]
    assert home == [f"{root}{lang}/"]  # absolute: the page is served at any missing address
    other = "en" if lang == "vi" else "vi"
    switch = html.css_first("a[data-asean-lang]").attributes["href"]
    assert urljoin(f"https://asean.example.org{root}{lang}/khong-co/", switch) == f"https://asean.example.org{root}{other}/"
    assert "404 - Not found" not in html.html


@pytest.mark.browser
def test_no_public_page_scrolls_sideways_at_360_px(browser: object, server: StaticServer, built_site: Path) -> None:
    """One page of each kind in the sitemap, both languages, on a 360 px phone."""
    sample = page_kinds(sitemap_pages(built_site))
    assert len(sample) > 30
    context = browser.new_context(viewport={"width": 360, "height": 780})  # type: ignore[attr-defined]
    p = context.new_page()
    wide = []
    for path in sample:
        p.goto(f"{server.url}{path}")
        width = p.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide.append((path, width))
    context.close()
    assert wide == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_home_pages_first_screen_on_a_phone(browser: object, server: StaticServer, lang: str) -> None:
    """At 390 × 844 the first screen holds the lead story's picture and headline and the
    four task cards, whole."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    p = context.new_page()
    p.goto(f"{server.url}{lang}/")
    p.evaluate("document.fonts.ready.then(() => true)")
    boxes = p.evaluate("""() => [...document.querySelectorAll(
        '.asean-front__lead .asean-story__media, .asean-front__lead .asean-story__title, a.asean-task')]
        .map(e => { const r = e.getBoundingClientRect(); return [e.className, r.top, r.bottom, r.width]; })""")
    context.close()
    assert len(boxes) == 6  # the picture, the headline, four tasks
    assert all(top >= 0 and bottom <= 844 and width > 100 for _, top, bottom, width in boxes), boxes
