"""What every page of a build shares: the navigation, the page's layout and title, and the
owner's branding.

Engine-neutral: the MkDocs plugin copies these into MkDocs' configuration, and a
successor engine would take them as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from site_builder.core import urls
from site_builder.core.vocabulary import N_
from site_builder.derive.generated import Layout
from site_builder.derive.kinds import PageKind

if TYPE_CHECKING:
    from site_builder.derive.project import Project
    from site_builder.model import Unit

NAV: tuple[tuple[str, str], ...] = (
    (N_("News"), urls.src_uri(urls.INDEXES["news"])),
    (N_("ASEAN %(year)s"), "asean/asean-{year}.md"),
    (N_("Travel, study and work"), "asean/di-lai-va-lam-viec.md"),
    (N_("Member states"), urls.src_uri(urls.INDEXES["members"])),
    (N_("Culture"), "culture/index.md"),
    (N_("Plans"), urls.src_uri(urls.INDEXES["plans"])),
    (N_("Quiz"), urls.src_uri(urls.INDEXES["quiz"])),
)
"""The top navigation (message id, page source), in citizens' words and never more than
seven items: what readers come for, as GOV.UK and USWDS portals lead with tasks. Every
other page is reached from the pages, the footer and search. ``{year}`` stands for the
newest year that has an "ASEAN <year>" page (``asean/asean-<year>.md``), so the item
follows the content, not the day of the build."""

FOOTER: tuple[tuple[str, str], ...] = (
    (N_("About this section"), "about.md"),
    (N_("About ASEAN"), "asean/index.md"),
    (N_("Pillars and topics"), urls.src_uri(urls.INDEXES["pillars"])),
    (N_("News archive"), urls.src_uri(urls.INDEXES["news-archive"])),
    (N_("Local tourism"), "tourism/index.md"),
    (N_("Calendar"), urls.src_uri(urls.INDEXES["calendar"])),
    (N_("Documents"), urls.src_uri(urls.INDEXES["documents"])),
    (N_("Agencies"), urls.src_uri(urls.INDEXES["agencies"])),
    (N_("Units"), urls.src_uri(urls.INDEXES["units"])),
    (N_("Search"), urls.src_uri(urls.INDEXES["search"])),
    (N_("Embed this"), urls.src_uri(urls.INDEXES["embed"])),
    (N_("Data for other systems"), "api.md"),
)
"""The footer's links (message id, page source): the pages not in the top navigation."""

GUIDE = (N_("Editors' guide"), "guide/index.md")
"""Added to the navigation of the editors' preview only (``make serve``): the guide is
the workshop's, not the citizens'."""

Gettext = Callable[[str], str]

_YEAR_PAGE = re.compile(r"^asean/asean-(\d{4})\.md$")


def navigation(project: Project, lang: str, gettext: Gettext, workshop: bool = False) -> list[tuple[str, str]]:
    """(title, page source) of the navigation in ``lang``, leaving out the pages this
    project does not have (no quiz questions yet, say); the editors' guide last in the
    workshop."""
    available = available_pages(project, lang)
    years = sorted(m[1] for m in map(_YEAR_PAGE.match, available) if m)
    out = []
    for title, path in (*NAV, GUIDE) if workshop else NAV:
        if "{year}" in path:
            if not years:
                continue
            title, path = gettext(title) % {"year": years[-1]}, path.format(year=years[-1])
        else:
            title = gettext(title)
        if path in available:
            out.append((title, path))
    return out


def available_pages(project: Project, lang: str) -> set[str]:
    """The page sources a build of ``lang`` has: generated and hand-written."""
    return {spec.src_uri for spec in project.pages(lang)} | {page.rel for page in project.content.in_lang(lang)}


def footer_links(project: Project, lang: str, gettext: Gettext) -> list[tuple[str, str]]:
    """(title, page address) of the footer's links to the pages this project has."""
    available = available_pages(project, lang)
    return [(gettext(title), urls.from_src_uri(path)) for title, path in FOOTER if path in available]


def active_item(items: list[tuple[str, str]], src_uri: str | None) -> str | None:
    """The page source of the navigation item a page belongs to: itself, or the index of
    its folder (an article under ``news/`` belongs to "News"), else ``None``."""
    if not src_uri:
        return None
    paths = [path for _, path in items]
    if src_uri in paths:
        return src_uri
    for path in paths:
        folder = path.removesuffix("index.md")
        if path.endswith("index.md") and folder and src_uri.startswith(folder):
            return path
    return None


def layout(page: PageKind | None, src_uri: str | None) -> Layout:
    """How a page uses the width: the front page and lists up to about 1,140 px, an
    article's text about 720 px, a reference page with its contents list beside it.
    No public page has the documentation sidebar (the navigation is at the top).

    A page with a kind (:mod:`site_builder.derive.kinds`) declares its layout; a
    hand-written page (``None``) is an article, but for the editors' guide and the API's
    page, which are references."""
    if page is None:
        return "reference" if (src_uri or "").startswith(("guide/", "api")) else "article"
    return page.LAYOUT


def page_title(title: str | None, site_name: str, home: bool) -> str:
    """The browser tab's title: "<page> – <section> – <owner>"; the home page's is the
    section and its owner alone (its own title would repeat the section's name)."""
    if home or not title or title == site_name:
        return site_name
    return f"{title} – {site_name}"


@dataclass(frozen=True)
class Branding:
    """How a build presents itself: the national section, or one unit's."""

    site_name: str
    """"<section> – <owner>": the end of every page title and the link previews' site name."""
    owner: str
    """The agency that owns the section, named first in the header and in the footer."""
    section: str
    """The section's own name ("Chuyên mục ASEAN")."""
    logo: str | None = None
    """A path in the theme (``assets/...``), or ``None`` for the kit's logo."""
    stylesheet: str | None = None
    """The unit's colours as CSS (``assets/unit.css``), or ``None``."""
    repository: dict[str, str] | None = None
    """Where the pages' sources are edited (``url``, ``branch``, ...), or ``None``."""


def owner_unit(project: Project, unit: str | None) -> Unit | None:
    """The unit whose record names the section's owner: the build's unit, or the national
    level's record for the national build."""
    if unit:
        return project.data.units[unit]
    return next((u for u in project.data.units.values() if u.level == "national"), None)


def owner_name(record: Unit | None, lang: str, gettext: Gettext) -> str:
    """The owner's name: the agency the unit's branding names, else the unit itself (the
    section's own name for a national record that names no agency)."""
    if record is not None and record.branding is not None and record.branding.owner is not None:
        return record.branding.owner.text(lang)
    if record is None or record.level == "national":
        return gettext("ASEAN section")  # the national level's record names no agency
    return record.name.text(lang)


def branding(project: Project, unit: str | None, lang: str, gettext: Gettext, repository: dict[str, str] | None) -> Branding:
    """The branding of the national build (``unit`` ``None``) or of a unit's, in ``lang``.

    ``repository`` is the site-wide setting (``extra.repository`` in ``mkdocs.yml``); a
    unit's own repository replaces its address and branch."""
    repo = dict(repository or {})
    section = gettext("ASEAN section")
    owner = owner_name(owner_unit(project, unit), lang, gettext)
    site_name = f"{section} – {owner}" if owner != section else section
    brand = project.data.units[unit].branding if unit else None
    if brand is None:
        return Branding(site_name, owner, section, repository=repo if repo.get("url") else None)
    css = unit_stylesheet(brand.colors.primary, brand.colors.accent) if brand.colors else None
    if brand.repository is not None:
        repo.update(url=brand.repository.url, branch=brand.repository.branch)
    return Branding(site_name, owner, section, brand.logo or None, css, repo if repo.get("url") else None)


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
