"""site_builder/sitechrome.py: navigation and branding, on an in-memory mini project."""

from __future__ import annotations

from conftest import MiniProject

from site_builder.i18n import translations
from site_builder.model.units import contrast
from site_builder.project import load_project
from site_builder.sitechrome import (
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
    assert layout(None, "index.md", "asean/home.html") == "front"
    assert layout(None, "news/timor-leste.md") == "article"  # a hand-written article, whatever its kind
    assert layout("news", "news/index.md") == "list"  # the generated list of news
    assert layout("plan", "plans/x/index.md") == "reference"
    assert layout(None, "guide/index.md") == "reference"
    assert layout("member", "members/viet-nam/index.md") == "article"
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
