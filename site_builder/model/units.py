"""Issuing units (``plans/units.yaml``): the national level, provinces and districts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import NonEmpty, Slug, Strict, Succession, Text

Level = Literal["national", "province", "district"]


class Colors(Strict):
    """The unit's brand colours, as CSS hex colours; the build checks their contrast."""

    primary: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    """Header and link colour."""
    accent: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    """Highlights and focus rings."""


class Contact(Strict):
    """Who answers readers' questions about the section."""

    office: Text | None = None
    email: NonEmpty | None = None
    phone: NonEmpty | None = None
    address: Text | None = None


class Branding(Strict):
    """What a unit's own build shows: its name, logo and colours, and where its portal is."""

    display_name: Text
    """The name in the site header, e.g. "Cổng thông tin điện tử tỉnh Sóc Trăng"."""
    logo: NonEmpty | None = None
    """Path of the logo under ``theme/assets/``; none means the ASEAN-neutral mark."""
    colors: Colors | None = None
    portal: NonEmpty | None = None
    """The address of the unit's web portal."""
    contact: Contact | None = None


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
