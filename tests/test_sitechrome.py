"""site_builder/sitechrome.py: a unit's colours on the header and the footer, no build."""

from __future__ import annotations

from site_builder.model.units import contrast
from site_builder.sitechrome import darker, unit_stylesheet


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
