"""site_builder/sitechrome.py: navigation and branding, on an in-memory mini project."""

from __future__ import annotations

from conftest import MiniProject

from site_builder.i18n import translations
from site_builder.model.units import contrast
from site_builder.project import load_project
from site_builder.sitechrome import NAV, branding, darker, navigation, unit_stylesheet


def test_navigation_lists_only_the_pages_the_project_has(tiny: MiniProject) -> None:
    project = load_project(tiny.root)
    vi = navigation(project, "vi", translations("vi").gettext)
    paths = [path for _, path in vi]
    assert vi[0] == ("Trang chủ", "index.md")
    assert ("Kế hoạch", "plans/index.md") in vi and "guide/index.md" in paths
    assert "quiz/index.md" not in paths  # no question yet: no quiz page
    assert "culture/index.md" not in paths  # no such page written
    assert paths == [path for _, path in NAV if path in paths]  # in the fixed order


def test_national_branding_and_the_sites_repository(mini: MiniProject) -> None:
    project = load_project(mini.root)
    en = translations("en").gettext
    assert branding(project, None, "en", en, None).site_name == "ASEAN section"
    brand = branding(project, None, "en", en, {"url": "https://git.example/asean", "branch": "main"})
    assert brand.repository == {"url": "https://git.example/asean", "branch": "main"}
    assert brand.stylesheet is None and brand.logo is None
    assert branding(project, None, "en", en, {"url": ""}).repository is None


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
