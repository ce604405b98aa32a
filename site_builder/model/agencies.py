"""Agencies named in the plans (``plans/agencies.yaml``).

A central body that has its own section is also a unit of ``plans/units.yaml`` (``level:
central``) with the same id; the agency names it in ``central_unit`` rather than changing
``unit``, which stays the unit the body belongs to (``viet-nam``) and orders the bodies in the
reports. A former body names the unit of the body that took it over (the Ministry of
Information and Communications: ``bo-khoa-hoc-va-cong-nghe``), so its assignments are shown
in its successor's section."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from site_builder.model.common import Slug, Strict, Succession, Text

AgencyKind = Literal[
    "party",
    "government",
    "ministry",
    "committee",
    "people-committee",
    "department",
    "police",
    "press",
    "broadcaster",
    "union",
    "association",
    "business",
    "education",
    "collective",
    "other",
]
"""``collective`` stands for a phrase the plans use for many bodies at once ("các sở, ban, ngành")."""


class Agency(Strict):
    """A body named as lead, partner, assignee or issuer in a plan."""

    id: Slug
    """Identifier: the slug of the Vietnamese name, prefixed by the unit for local bodies
    (``dong-thap-so-thong-tin-va-truyen-thong``)."""
    name: Text
    short: Text | None = None
    """Abbreviation or short name (``Sở TT&TT`` / ``DIC``)."""
    kind: AgencyKind
    unit: Slug
    """The unit the agency belongs to (``viet-nam`` for central bodies)."""
    succeeded_by: list[Succession] = Field(default_factory=list)
    """What the agency became after a reorganisation; empty where not known with confidence."""
    central_unit: Slug | None = None
    """The central unit (``plans/units.yaml``, ``level: central``) whose section shows this
    body's assignments: its own, or its successor's for a former body; none for a local body,
    a collective phrase or a central body without a section."""


class AgencyFile(Strict):
    """The whole ``plans/agencies.yaml``."""

    agencies: list[Agency]
