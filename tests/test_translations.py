"""``translations --mark-current``: one line changes, atomically, never through a link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import MiniProject

from site_builder.apps.cli import main
from site_builder.derive import translation_status
from site_builder.derive.project import Project, check_project
from site_builder.derive.translation_status import TranslationError, mark_current

VI = "---\ntitle: Lịch sử\ndescription: Lịch sử ASEAN\n---\n\n# Lịch sử\n\nBản tiếng Việt.\n"
EN_LINES = ["---", "title: History", "description: ASEAN history  ", "{hash}---", "", "# History", "",
            "English text, saved on Windows.\t", ""]


def english(eol: str, hash_line: str = "") -> bytes:
    return eol.join(EN_LINES).replace("{hash}", hash_line).encode("utf-8")


def checked(mini: MiniProject) -> Project:
    project, problems = check_project(mini.root)
    assert project is not None, [p.format() for p in problems.errors]
    return project


def vi_hash(project: Project) -> str:
    return project.content.pages[("vi", "lich-su.md")].body_hash()


@pytest.mark.parametrize("eol", ["\r\n", "\n"])
def test_an_existing_hash_line_is_the_only_change(mini: MiniProject, eol: str) -> None:
    mini.write("content/vi/lich-su.md", VI)
    path = mini.write("content/en/lich-su.md", english(eol, f"source_hash: 0123456789ab{eol}"))
    project = checked(mini)
    assert mark_current(mini.root, project, "content/en/lich-su.md") == vi_hash(project)
    assert path.read_bytes() == english(eol, f"source_hash: {vi_hash(project)}{eol}")


@pytest.mark.parametrize("eol", ["\r\n", "\n"])
def test_a_missing_hash_line_is_added_with_the_files_line_ending(mini: MiniProject, eol: str) -> None:
    mini.write("content/vi/lich-su.md", VI)
    path = mini.write("content/en/lich-su.md", english(eol))
    project = checked(mini)
    mark_current(mini.root, project, "content/en/lich-su.md")
    assert path.read_bytes() == english(eol, f"source_hash: {vi_hash(project)}{eol}")
    if eol == "\r\n":
        assert b"\n" not in path.read_bytes().replace(b"\r\n", b"")
    assert translation_status.gaps(checked(mini)) == []


def test_the_file_is_replaced_by_a_rename_from_the_same_folder(mini: MiniProject,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    mini.write("content/vi/lich-su.md", VI)
    path = mini.write("content/en/lich-su.md", english("\n"))
    path.chmod(0o640)
    project = checked(mini)
    renames: list[tuple[Path, Path]] = []
    real = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        renames.append((Path(src), Path(dst)))
        real(src, dst)

    monkeypatch.setattr(translation_status.os, "replace", replace)
    mark_current(mini.root, project, "content/en/lich-su.md")
    [(src, dst)] = renames
    assert dst == path and src.parent == path.parent and src.name.startswith(".")
    assert not src.exists()
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary(mini: MiniProject,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    mini.write("content/vi/lich-su.md", VI)
    path = mini.write("content/en/lich-su.md", english("\r\n"))
    project = checked(mini)

    def full(src: str | Path, dst: str | Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(translation_status.os, "replace", full)
    with pytest.raises(OSError):
        mark_current(mini.root, project, "content/en/lich-su.md")
    assert path.read_bytes() == english("\r\n")
    assert sorted(p.name for p in path.parent.iterdir()) == ["lich-su.md"]


def test_a_linked_page_is_refused(mini: MiniProject, tmp_path: Path) -> None:
    mini.write("content/vi/lich-su.md", VI)
    path = mini.write("content/en/lich-su.md", english("\n"))
    project = checked(mini)
    outside = tmp_path / "outside.md"
    outside.write_bytes(english("\n"))
    path.unlink()
    path.symlink_to(outside)
    with pytest.raises(TranslationError) as info:
        mark_current(mini.root, project, "content/en/lich-su.md")
    assert "content/en/lich-su.md is a symbolic link" in str(info.value)
    assert "content/en/lich-su.md là liên kết tượng trưng" in str(info.value)
    assert outside.read_bytes() == english("\n") and path.is_symlink()


def test_a_page_in_a_linked_folder_is_refused(mini: MiniProject, tmp_path: Path) -> None:
    mini.write("content/vi/tin/lich-su.md", VI)
    mini.write("content/en/tin/lich-su.md", english("\n"))
    project = checked(mini)
    outside = tmp_path / "elsewhere"
    (mini.root / "content/en/tin").rename(outside)
    (mini.root / "content/en/tin").symlink_to(outside, target_is_directory=True)
    with pytest.raises(TranslationError, match="content/en/tin is a symbolic link"):
        mark_current(mini.root, project, "content/en/tin/lich-su.md")
    assert (outside / "lich-su.md").read_bytes() == english("\n")


def test_the_command_reports_errors_without_a_traceback(mini: MiniProject,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    mini.write("content/vi/lich-su.md", VI)
    path = mini.write("content/en/lich-su.md", english("\r\n"))
    root = str(mini.root)
    assert main(["--root", root, "translations", "--mark-current", "content/en/lich-su.md"]) == 0
    assert path.read_bytes().count(b"\r\n") == len(EN_LINES)  # one line more, still CRLF
    assert main(["--root", root, "translations", "--mark-current", "content/en/khong-co.md",
                 "content/en/lich-su.md"]) == 1
    out = capsys.readouterr().out
    assert "content/en/khong-co.md: không có cặp trang" in out
    assert "content/en/khong-co.md: no page pair content/vi/khong-co.md and content/en/khong-co.md" in out
    assert out.count("content/en/lich-su.md: source_hash ") == 2  # the good one is still marked
