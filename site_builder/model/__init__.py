"""Typed models of the plan data: units, agencies, plans and their parts.

One module per noun. Every model forbids unknown keys, so a misspelt field in a YAML
file is an error with its line, not a silently ignored value.
"""

from __future__ import annotations

from site_builder.model.agencies import Agency, AgencyFile
from site_builder.model.common import PILLARS, Pillar, Text
from site_builder.model.plans import Activity, Appendix, Node, Plan, Timeline
from site_builder.model.units import Unit, UnitFile

__all__ = [
    "PILLARS",
    "Activity",
    "Agency",
    "AgencyFile",
    "Appendix",
    "Node",
    "Pillar",
    "Plan",
    "Text",
    "Timeline",
    "Unit",
    "UnitFile",
]
