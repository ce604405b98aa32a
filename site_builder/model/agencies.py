"""Agencies named in the plans (``plans/agencies.yaml``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Slug, Strict, Succession, Text

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


class AgencyFile(Strict):
    """The whole ``plans/agencies.yaml``."""

    agencies: list[Agency]
