"""site_builder/derive/membermap.py: the tile map's layout and labels, on in-memory members."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from site_builder.derive.membermap import ARCHIPELAGOS, PLACES, MapError, tiles
from site_builder.model.common import Text


def member(id: str, iso: str, vi: str, en: str | None) -> SimpleNamespace:
    return SimpleNamespace(id=id, iso=iso, name=Text(vi=vi, en=en))


def test_tiles_come_in_reading_order_placed_and_named_in_the_readers_language() -> None:
    members = [member("viet-nam", "VN", "Việt Nam", "Viet Nam"), member("myanmar", "MM", "Myanmar", "Myanmar"),
               member("indonesia", "ID", "In-đô-nê-xi-a", None)]
    en = tiles(members, "en")
    assert [t.id for t in en] == ["myanmar", "viet-nam", "indonesia"]
    assert en[1].place == "asean-tile--r1 asean-tile--c3 asean-tile--h2"
    assert en[2].place == "asean-tile--r4 asean-tile--c2 asean-tile--w3"
    assert en[2].name == "In-đô-nê-xi-a"  # no English name: the Vietnamese one
    assert en[1].href == "members/viet-nam/"


def test_viet_nams_tile_names_hoang_sa_and_truong_sa_and_no_other_tile_has_labels() -> None:
    members = [member("viet-nam", "VN", "Việt Nam", "Viet Nam"), member("philippines", "PH", "Philippines", "Philippines")]
    vi = {t.code: t for t in tiles(members, "vi")}
    en = {t.code: t for t in tiles(members, "en")}
    assert vi["VN"].labels == ("Hoàng Sa", "Trường Sa")
    assert en["VN"].labels == ("Hoàng Sa (Paracel)", "Trường Sa (Spratly)")
    assert vi["PH"].labels == () and en["PH"].labels == ()
    assert len(ARCHIPELAGOS) == 2, "the two archipelagos, each a message id of the catalogs"


def test_every_member_has_a_cell_of_its_own() -> None:
    assert len(PLACES) == 11 and "TL" in PLACES
    cells: set[tuple[int, int]] = set()
    for row, col, rows, cols in PLACES.values():
        mine = {(r, c) for r in range(row, row + rows) for c in range(col, col + cols)}
        assert not mine & cells
        assert all(1 <= r <= 4 and 1 <= c <= 5 for r, c in mine)
        cells |= mine


def test_a_member_without_a_place_is_an_error_naming_the_file_in_both_languages() -> None:
    with pytest.raises(MapError) as err:
        tiles([member("atlantis", "AT", "Atlantis", "Atlantis")], "vi")
    message = str(err.value)
    assert message.startswith("content/data/members.yaml: members › atlantis:")
    assert "bản đồ chưa có vị trí cho mã 'AT'" in message and "the map has no place for 'AT'" in message
