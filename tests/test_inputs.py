"""What content/ and plans/ may hold (site_builder/inputs.py), and how they are read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, MiniProject

from site_builder.inputs import CONTROL, MEDIA, control_character, read, scan_content, walk
from site_builder.problems import Problem

SAMPLES = {
    ".png": b"\x89PNG\r\n\x1a\n" + b"\0" * 8,
    ".jpg": b"\xff\xd8\xff\xe0" + b"\0" * 12,
    ".jpeg": b"\xff\xd8\xff\xe1" + b"\0" * 12,
    ".gif": b"GIF89a" + b"\0" * 10,
    ".webp": b"RIFF\0\0\0\0WEBPVP8 ",
    ".avif": b"\0\0\0\x1cftypavif\0\0\0\0",
    ".pdf": b"%PDF-1.7\n",
    ".docx": b"PK\x03\x04" + b"\0" * 12,
}


@pytest.mark.parametrize("suffix", sorted(SAMPLES))
def test_media_are_recognised_by_their_first_bytes(mini: MiniProject, suffix: str) -> None:
    mini.write(f"content/vi/tep{suffix}", SAMPLES[suffix])
    mini.write(f"content/en/sai{suffix}", b"<script>alert(1)</script>" + b"\0" * 16)
    found = scan_content(mini.root)
    assert found.media["vi"] == [f"tep{suffix}"]
    assert [p.file for p in found.problems] == [f"content/en/sai{suffix}"]


def test_every_media_kind_has_a_sample() -> None:
    assert {s for s in MEDIA if s not in (".xlsx", ".pptx", ".odt", ".ods", ".odp")} == set(SAMPLES)


def test_walk_reports_links_without_entering_them(tmp_path: Path) -> None:
    (tmp_path / "content/vi").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/secret.md").write_text("x", encoding="utf-8")
    (tmp_path / "content/vi/link").symlink_to(tmp_path / "outside")
    entries = [rel for rel, _ in walk(tmp_path, "content")]
    assert entries == ["content", "content/vi", "content/vi/link"]


def test_read_refuses_a_link_anywhere_on_the_path(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real/a.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "plans").symlink_to(tmp_path / "real")
    result = read(tmp_path / "plans/a.yaml", "plans/a.yaml")
    assert isinstance(result, Problem) and result.file == "plans/a.yaml" and "symlink" in result.vi
    assert read(tmp_path / "real/a.yaml", "real/a.yaml") == b"a: 1\n"


@pytest.mark.parametrize(("text", "expected"), [
    ("ổn\nđịnh", None),
    ("tab\there", None),
    ("a\nb\x00c", (2, 2, "U+0000")),
    ("x\u202ey", (1, 2, "U+202E")),
    ("\ufeffx", (1, 1, "U+FEFF")),
    ("a\rb", (1, 2, "U+000D")),
    ("a\x85b", (1, 2, "U+0085")),
])
def test_control_characters_are_located(text: str, expected: tuple[int, int, str] | None) -> None:
    assert control_character(text) == expected


def test_vietnamese_text_has_no_refused_character() -> None:
    """Every character of the project's own pages and data is accepted: the refused set
    is narrow (controls and invisible direction marks), not a filter on prose."""
    for path in [*(ROOT / "content").rglob("*.md"), *(ROOT / "content").rglob("*.yaml"), *(ROOT / "plans").rglob("*.yaml")]:
        assert CONTROL.search(path.read_text(encoding="utf-8")) is None, path


def test_no_code_bearing_format_is_read() -> None:
    """Nothing in the package deserialises pickle, marshal or shelve: a file in the
    checkout (which an editor can commit) must never run code when read."""
    for path in (ROOT / "site_builder").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+(pickle|marshal|shelve|dill)\b", text, re.MULTILINE), path
