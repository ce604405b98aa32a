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


def test_copy_replace_and_delete_are_recorded(tmp_path: Path) -> None:
    """The operations for files another program wrote first (MkDocs, Pagefind) and for
    cache entries: each one recorded under the step that did it."""
    source = tmp_path / "cache.jpg"
    source.write_bytes(b"\xff\xd8\xffjpeg")
    site = tmp_path / "site"
    (site / "vi").mkdir(parents=True)
    (site / "vi/sitemap.xml").write_text("mkdocs", encoding="utf-8")
    (site / "vi/pagefind-entry.json").write_text("{}", encoding="utf-8")
    writer = Writer(site)
    writer.copy("media/p-480.abc.jpg", source, "pictures")
    writer.replace("vi/pagefind-entry.json", b'{"a":1}', "search index")
    writer.delete("vi/sitemap.xml", "root files")
    writer.delete("en/sitemap.xml", "root files", missing_ok=True)
    assert (site / "media/p-480.abc.jpg").read_bytes() == source.read_bytes()
    assert (site / "vi/pagefind-entry.json").read_bytes() == b'{"a":1}'
    assert not (site / "vi/sitemap.xml").exists()
    assert writer.written == {"media/p-480.abc.jpg": "pictures", "vi/pagefind-entry.json": "search index"}
    assert writer.deleted == {"vi/sitemap.xml": "root files", "en/sitemap.xml": "root files"}
    with pytest.raises(FileNotFoundError):
        writer.delete("vi/missing.xml", "root files")


def test_no_operation_undoes_another_steps_output(tmp_path: Path) -> None:
    """A step may not replace or delete what a step of the same build wrote, nor delete a
    file twice; a file another program wrote may be deleted and then written anew."""
    writer = Writer(tmp_path)
    writer.text("sitemap.xml", "ours", "root files")
    with pytest.raises(DuplicateOutput, match="sitemap.xml written twice: by root files and precompressed copies"):
        writer.replace("sitemap.xml", b"x", "precompressed copies")
    with pytest.raises(DuplicateOutput, match="sitemap.xml deleted by search index after root files wrote it"):
        writer.delete("sitemap.xml", "search index")
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == "ours"
    with pytest.raises(FileNotFoundError, match="nothing to replace"):
        writer.replace("vi/pagefind-entry.json", b"{}", "search index")
    (tmp_path / "index").mkdir()
    (tmp_path / "index/vi_abc.pf_index").write_bytes(b"pagefind")
    writer.delete("index/vi_abc.pf_index", "search index")
    with pytest.raises(DuplicateOutput, match="deleted twice"):
        writer.delete("index/vi_abc.pf_index", "search index")
    writer.bytes("index/vi_abc.pf_index", b"refolded", "search index")  # the same name, new bytes
    assert writer.written["index/vi_abc.pf_index"] == "search index"
    assert "index/vi_abc.pf_index" not in writer.deleted


def test_a_written_file_breaks_a_hard_link_to_the_previous_site(tmp_path: Path) -> None:
    """An incremental build starts from hard links to the previous site: writing, copying
    or replacing must never change the previous site's file through the link."""
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
    (old / "feed.xml").write_text("old", encoding="utf-8")
    (old / "entry.json").write_text("old", encoding="utf-8")
    for name in ("feed.xml", "entry.json"):
        (new / name).hardlink_to(old / name)
    writer = Writer(new)
    writer.text("feed.xml", "new", "feeds")
    writer.replace("entry.json", b"new", "search index")
    assert (old / "feed.xml").read_text(encoding="utf-8") == "old"
    assert (old / "entry.json").read_text(encoding="utf-8") == "old"
    assert (new / "feed.xml").read_text(encoding="utf-8") == "new"
