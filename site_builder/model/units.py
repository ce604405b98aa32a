"""Issuing units (``plans/units.yaml``): the national level, provinces and districts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import HttpsUrl, NonEmpty, SitePath, Slug, Strict, Succession, Text, bilingual_error

Level = Literal["national", "province", "district"]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""

    def luminance(color: str) -> float:
        channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class Colors(Strict):
    """The unit's brand colours, as CSS hex colours; the build checks their contrast."""

    primary: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    """Header background and link colour: needs a contrast of at least 4.5:1 with white."""
    accent: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    """The header's bottom rule and focus rings: needs 3:1 against the primary colour."""

    @model_validator(mode="after")
    def _readable(self) -> Colors:
        ratio = contrast(self.primary, "#ffffff")
        if ratio < 4.5:
            raise bilingual_error(
                f"màu chính {self.primary} quá nhạt so với chữ trắng ({ratio:.2f}:1, cần ít nhất 4.5:1)",
                f"primary colour {self.primary} is too light for white text ({ratio:.2f}:1, needs at least 4.5:1)",
            )
        ratio = contrast(self.accent, self.primary)
        if ratio < 3:
            raise bilingual_error(
                f"màu nhấn {self.accent} không đủ tương phản với màu chính ({ratio:.2f}:1, cần ít nhất 3:1)",
                f"accent colour {self.accent} has too little contrast with the primary colour ({ratio:.2f}:1, needs at least 3:1)",
            )
        return self


class Contact(Strict):
    """Who answers readers' questions about the section."""

    office: Text | None = None
    email: NonEmpty | None = None
    phone: NonEmpty | None = None
    address: Text | None = None


class Repository(Strict):
    """Where a unit's copy of the content is edited (for "Edit this page" links)."""

    url: HttpsUrl
    """The repository's address, e.g. https://git.example.gov.vn/cntt/chuyen-muc-asean."""
    branch: NonEmpty = "main"


class Branding(Strict):
    """What a unit's own build shows: its name, logo and colours, and where its portal is."""

    display_name: Text
    """The name in the site header, e.g. "Cổng thông tin điện tử tỉnh Sóc Trăng"."""
    logo: SitePath | None = None
    """Path of the logo under ``theme/assets/``; none means the ASEAN-neutral mark."""
    colors: Colors | None = None
    portal: HttpsUrl | None = None
    """The address of the unit's web portal (as it was when the plans were issued)."""
    section_url: HttpsUrl | None = None
    """Where the unit publishes its ASEAN section built by this kit; the default site
    address of a ``--unit`` build (``SITE_URL`` and ``--site-url`` take precedence)."""
    contact: Contact | None = None
    repository: Repository | None = None
    """Overrides the site-wide repository of ``mkdocs.yml`` for this unit's build."""


class Unit(Strict):
    """An administrative unit that issues plans: the national level, a province, a district."""

    id: Slug
    """Identifier, e.g. ``soc-trang``."""
    level: Level
    name: Text
    """Full name, e.g. "Tỉnh Sóc Trăng" / "Sóc Trăng Province"."""
    short_name: Text | None = None
    """Name without the level word, e.g. "Sóc Trăng"."""
    parent: Slug | None = None
    """The unit this one belongs to (a district's province); none for the national level."""
    succeeded_by: list[Succession] = Field(default_factory=list)
    """What the unit became after a reorganisation; empty where not known with confidence."""
    branding: Branding | None = None


class UnitFile(Strict):
    """The whole ``plans/units.yaml``."""

    units: list[Unit]
