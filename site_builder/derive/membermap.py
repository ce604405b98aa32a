"""The map of the member states: a schematic tile map, one tile per member, each a link.

Why tiles and not a geographic map: on a Vietnamese government portal a map of the
region is a legal matter. It must show the Hoàng Sa (Paracel) and Trường Sa (Spratly)
archipelagos as part of Viet Nam, labelled, and no other claim line. The openly licensed
boundary data a package registry offers (Natural Earth and the packages built on it)
draws the region by its own editorial policy of "de facto" control and disputed areas,
and none of it can be guaranteed to meet that rule; shipping a corrected copy would be
our own cartography, which this kit has no authority to publish. A tile map shows no
borders and no territory: each member is a tile placed roughly where it lies (north at
the top), the same size whatever its area, so it claims nothing. Viet Nam's tile names
the two archipelagos as part of Viet Nam.

The tiles are HTML links laid out by CSS grid classes (no style attribute), so each is
reached with the keyboard in reading order, named in the reader's language, and read by
a screen reader as a list of eleven links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from site_builder.core import urls
from site_builder.core.i18n import translations
from site_builder.core.vocabulary import N_
from site_builder.model.members import Member

PLACES: dict[str, tuple[int, int, int, int]] = {
    # ISO code: (row, column, rows spanned, columns spanned), north at the top.
    "MM": (1, 1, 1, 1),
    "LA": (1, 2, 1, 1),
    "VN": (1, 3, 2, 1),
    "TH": (2, 1, 1, 1),
    "KH": (2, 2, 1, 1),
    "PH": (2, 4, 2, 1),
    "MY": (3, 1, 1, 2),
    "BN": (3, 3, 1, 1),
    "SG": (4, 1, 1, 1),
    "ID": (4, 2, 1, 3),
    "TL": (4, 5, 1, 1),
}
"""Where each member's tile sits on a grid of 4 rows and 5 columns."""

ARCHIPELAGOS: tuple[str, ...] = (N_("Hoàng Sa (Paracel)"), N_("Trường Sa (Spratly)"))
"""Labelled on Viet Nam's tile, as part of Viet Nam (message ids: "Hoàng Sa", "Trường Sa" in
Vietnamese); the map's caption names them in full."""


@dataclass(frozen=True)
class Tile:
    """One member state on the map."""

    id: str
    code: str
    """ISO 3166-1 alpha-2, shown large on the tile."""
    name: str
    """The member's short name in the reader's language."""
    href: str
    """Its page, below the language root."""
    place: str
    """CSS classes placing the tile on the grid (``asean-tile--r1 asean-tile--c3 …``)."""
    labels: tuple[str, ...] = ()
    """Further labels on the tile: Viet Nam's archipelagos."""


class MapError(ValueError):
    """A member the map has no place for (a new member added to ``members.yaml``)."""


def tiles(members: Sequence[Member], lang: str) -> list[Tile]:
    """The tiles of the members in ``content/data/members.yaml``, in reading order (row by
    row, west to east), so that the keyboard and a screen reader go through the map as a
    sighted reader scans it."""
    out = []
    for member in members:
        if member.iso not in PLACES:
            raise MapError(
                f"content/data/members.yaml: members › {member.id}: bản đồ chưa có vị trí cho mã '{member.iso}' "
                f"(site_builder/derive/membermap.py, PLACES) / the map has no place for '{member.iso}' "
                "(site_builder/derive/membermap.py, PLACES)"
            )
        row, col, rows, cols = PLACES[member.iso]
        place = f"asean-tile--r{row} asean-tile--c{col}"
        if rows > 1:
            place += f" asean-tile--h{rows}"
        if cols > 1:
            place += f" asean-tile--w{cols}"
        name = member.name.text(lang)
        labels = tuple(translations(lang).gettext(a) for a in ARCHIPELAGOS) if member.iso == "VN" else ()
        out.append((row, col, Tile(member.id, member.iso, name, urls.member(member.id), place, labels)))
    return [tile for _, _, tile in sorted(out, key=lambda item: (item[0], item[1]))]
