"""What every page of a build shares: the navigation and the unit's branding.

Engine-neutral: the MkDocs plugin copies these into MkDocs' configuration, and a
successor engine would take them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import urls
from .vocabulary import N_

if TYPE_CHECKING:
    from .project import Project

NAV: tuple[tuple[str, str], ...] = (
    (N_("Home"), "index.md"),
    (N_("About ASEAN"), "asean/index.md"),
    (N_("Member states"), urls.src_uri(urls.INDEXES["members"])),
    (N_("Pillars and topics"), urls.src_uri(urls.INDEXES["pillars"])),
    (N_("Plans"), urls.src_uri(urls.INDEXES["plans"])),
    (N_("News"), urls.src_uri(urls.INDEXES["news"])),
    (N_("News archive"), urls.src_uri(urls.INDEXES["news-archive"])),
    (N_("Local tourism"), "tourism/index.md"),
    (N_("Discovering ASEAN culture"), "culture/index.md"),
    (N_("Agencies"), urls.src_uri(urls.INDEXES["agencies"])),
    (N_("Units"), urls.src_uri(urls.INDEXES["units"])),
    (N_("Calendar"), urls.src_uri(urls.INDEXES["calendar"])),
    (N_("Documents"), urls.src_uri(urls.INDEXES["documents"])),
    (N_("ASEAN quiz"), urls.src_uri(urls.INDEXES["quiz"])),
    (N_("Editors' guide"), "guide/index.md"),
)
"""The navigation (message id, page source): a fixed list, so that no page's HTML grows
with the data."""


def navigation(project: Project, lang: str, gettext: Any) -> list[tuple[str, str]]:
    """(title, page source) of the navigation in ``lang``, leaving out the pages this
    project does not have (no quiz questions yet, say)."""
    available = {spec.src_uri for spec in project.pages(lang)} | {page.rel for page in project.content.in_lang(lang)}
    return [(gettext(title), path) for title, path in NAV if path in available]


@dataclass(frozen=True)
class Branding:
    """How a build presents itself: the national section, or one unit's."""

    site_name: str
    logo: str | None = None
    """A path in the theme (``assets/...``), or ``None`` for the kit's logo."""
    stylesheet: str | None = None
    """The unit's colours as CSS (``assets/unit.css``), or ``None``."""
    repository: dict[str, str] | None = None
    """Where the pages' sources are edited (``url``, ``branch``, ...), or ``None``."""


def branding(project: Project, unit: str | None, lang: str, gettext: Any, repository: dict[str, str] | None) -> Branding:
    """The branding of the national build (``unit`` ``None``) or of a unit's, in ``lang``.

    ``repository`` is the site-wide setting (``extra.repository`` in ``mkdocs.yml``); a
    unit's own repository replaces its address and branch."""
    repo = dict(repository or {})
    brand = project.data.units[unit].branding if unit else None
    if brand is None:
        return Branding(gettext("ASEAN section"), repository=repo if repo.get("url") else None)
    css = unit_stylesheet(brand.colors.primary, brand.colors.accent) if brand.colors else None
    if brand.repository is not None:
        repo.update(url=brand.repository.url, branch=brand.repository.branch)
    return Branding(brand.display_name.text(lang), brand.logo or None, css, repo if repo.get("url") else None)


def darker(colour: str, factor: float = 0.72) -> str:
    """``colour`` (``#rrggbb``) with each channel scaled down: a darker shade of it, which
    keeps at least the contrast the colour had with white text."""
    channels = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * factor):02x}" for c in channels)


def unit_stylesheet(primary: str, accent: str) -> str:
    """The colours of a unit's build, as overrides of the theme's variables: the header in
    the primary colour over a rule in the accent, the footer in a darker shade of the
    primary (white text on it keeps the 4.5:1 the primary was checked for) under the same
    rule, so that the unit's colours frame every page."""
    footer = darker(primary)
    return (
        ":root {\n"
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--dark: {primary};\n"
        f"  --asean-blue: {primary};\n"
        f"  --asean-blue-dark: {primary};\n"
        f"  --asean-yellow: {accent};\n"
        f"  --md-footer-bg-color: {footer};\n"
        f"  --md-footer-bg-color--dark: {footer};\n"
        "  --md-footer-fg-color--light: #ffffff;\n"
        "  --md-footer-fg-color--lighter: #ffffff;\n"
        "}\n"
    )
