"""Whole folders removed and hard-linked many entries at a time (site_builder/output/trees.py):
the same result as ``shutil.rmtree`` and ``shutil.copytree`` with links."""

from __future__ import annotations

import os
from pathlib import Path

from site_builder.output.trees import link_files, link_tree, remove_tree


def _tree(root: Path, pages: int = 150) -> None:
    for i in range(pages):  # more than one batch of work for the threads
        folder = root / "news" / f"bai-{i:03}"
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(f"<p>{i}</p>", encoding="utf-8")
    (root / "assets").mkdir()
    (root / "assets" / "site.css").write_text("body{}", encoding="utf-8")


def test_remove_tree_deletes_everything_and_never_follows_a_link(tmp_path: Path) -> None:
    site, outside = tmp_path / "site", tmp_path / "outside"
    _tree(site)
    outside.mkdir()
    (outside / "keep.txt").write_text("keep", encoding="utf-8")
    os.symlink(outside, site / "link-to-outside")
    remove_tree(site)
    assert not site.exists()
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "keep"
    os.symlink(outside, tmp_path / "a-link")
    remove_tree(tmp_path / "a-link")  # a link given itself is unlinked, its target kept
    assert not os.path.lexists(tmp_path / "a-link") and (outside / "keep.txt").exists()
    remove_tree(tmp_path / "missing")  # nothing to do, no error


def test_link_tree_shares_every_file_and_fills_an_existing_folder(tmp_path: Path) -> None:
    source, target = tmp_path / "old", tmp_path / "new"
    _tree(source)
    (target / "assets").mkdir(parents=True)
    (target / "assets" / "site.css").write_text("stale", encoding="utf-8")
    link_tree(source, target)
    files = sorted(p.relative_to(source) for p in source.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(target) for p in target.rglob("*") if p.is_file())
    assert all((source / rel).stat().st_ino == (target / rel).stat().st_ino for rel in files)
    assert (target / "assets" / "site.css").read_text(encoding="utf-8") == "body{}"


def test_link_files_creates_the_folders(tmp_path: Path) -> None:
    source = tmp_path / "old"
    _tree(source, pages=3)
    pairs = [(source / "news" / f"bai-{i:03}" / "index.html", tmp_path / "new" / f"{i}" / "index.html") for i in range(3)]
    link_files(pairs)
    assert [b.read_text(encoding="utf-8") for _, b in pairs] == ["<p>0</p>", "<p>1</p>", "<p>2</p>"]
    assert all(a.stat().st_ino == b.stat().st_ino for a, b in pairs)
