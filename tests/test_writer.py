"""site_builder/output/writer.py: each file of a build written once, inside its folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.output.writer import DuplicateOutput, Writer


def test_writes_text_and_bytes_below_the_folder(tmp_path: Path) -> None:
    writer = Writer(tmp_path)
    writer.text("api/v1/plans.json", "{}\n", "api")
    writer.bytes("calendar.ics", b"BEGIN:VCALENDAR", "calendar")
    assert (tmp_path / "api/v1/plans.json").read_text(encoding="utf-8") == "{}\n"
    assert (tmp_path / "calendar.ics").read_bytes() == b"BEGIN:VCALENDAR"
    assert writer.written == {"api/v1/plans.json": "api", "calendar.ics": "calendar"}


def test_a_path_written_twice_names_both_steps(tmp_path: Path) -> None:
    writer = Writer(tmp_path)
    writer.text("vi/feed.xml", "a", "feeds")
    with pytest.raises(DuplicateOutput, match="vi/feed.xml written twice: by feeds and oembed"):
        writer.text("vi//feed.xml", "b", "oembed")
    assert (tmp_path / "vi/feed.xml").read_text(encoding="utf-8") == "a"


@pytest.mark.parametrize("rel", ["/etc/passwd", "../outside.txt", "a/../../b", ""])
def test_paths_stay_inside_the_folder(tmp_path: Path, rel: str) -> None:
    with pytest.raises(ValueError):
        Writer(tmp_path / "site").text(rel, "x")
