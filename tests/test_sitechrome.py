"""site_builder/sitechrome.py: navigation and branding, on an in-memory mini project."""

from __future__ import annotations

from conftest import MiniProject

from site_builder.i18n import translations
from site_builder.project import load_project
from site_builder.sitechrome import NAV, branding, navigation, unit_stylesheet


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
