"""site_builder/core/cachedir.py: where the per-user caches live, and how an entry is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.core import cachedir


def test_the_cache_folder_comes_from_its_variable_then_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ASEAN_TEST_CACHE", str(tmp_path / "own"))
    assert cachedir.cache_dir("x", "ASEAN_TEST_CACHE") == tmp_path / "own"
    monkeypatch.delenv("ASEAN_TEST_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cachedir.cache_dir("x", "ASEAN_TEST_CACHE") == tmp_path / "xdg" / "asean-section-kit" / "x"


def test_an_entry_is_replaced_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    entry = tmp_path / "cache" / "entry.json"
    cachedir.write_atomically(entry, b"one")
    cachedir.write_atomically(entry, b"two")
    assert entry.read_bytes() == b"two"
    assert [p.name for p in entry.parent.iterdir()] == ["entry.json"]


def test_a_failed_write_keeps_the_old_entry(tmp_path: Path) -> None:
    entry = tmp_path / "entry.json"
    cachedir.write_atomically(entry, b"old")
    with pytest.raises(TypeError):
        cachedir.write_atomically(entry, "not bytes")  # type: ignore[arg-type]
    assert entry.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.json"]
