"""The build's output folder: never the sources, only its own previous output, replaced in
one atomic step that a kill at any moment cannot leave half done."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import killed_build
import pytest
from conftest import MiniProject, TinyBuilds
from killed_build import KILLED, fake_tree, install

import site_builder
from site_builder.apps import build as build_module
from site_builder.apps import site_folder
from site_builder.apps.build import build_all_units, build_site
from site_builder.apps.cli import main
from site_builder.apps.errors import OutputError
from site_builder.apps.site_folder import MARKER, MARKER_TEXT


def manifest(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with a hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def expected(label: str) -> dict[str, str]:
    files = {rel: hashlib.sha256(text.encode()).hexdigest() for rel, text in fake_tree(label).items()}
    return {**files, MARKER: hashlib.sha256(MARKER_TEXT.encode()).hexdigest()}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site-"))


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds in this process write ``fake_tree("new")``: the data check and MkDocs are
    not what these tests are about."""
    for name in ("_checked", "inputs_of", "_build_into"):
        monkeypatch.setattr(build_module, name, getattr(build_module, name))
    for name in ("_exchange", "_clean_stale", "_staging", "_write_marker", "_rename", "_remove"):
        monkeypatch.setattr(site_folder, name, getattr(site_folder, name))
    monkeypatch.setattr(os, "unlink", os.unlink)
    monkeypatch.setattr(os, "rmdir", os.rmdir)
    monkeypatch.setattr(killed_build, "label", "new")
    install()


# ── Where the output may go ─────────────────────────────────────────────────────────
PROTECTED = ["content", "plans", "theme", "site_builder", ".git", "tests", "docs", "schemas", "tools",
             "bench", ".ci", ".venv"]
BAD_OUTPUTS = [".", "..", "/", *PROTECTED, "content/vi/site", "plans/out", ".git/site", ".venv/lib/site",
               "schemas/x/y", "mkdocs.yml", "linked"]


@pytest.fixture
def guarded(mini: MiniProject) -> MiniProject:
    """The mini project with every protected folder holding a file, ``mkdocs.yml``, and
    ``linked``: a symbolic link to ``content``."""
    for name in PROTECTED:
        mini.write(f"{name}/keep.txt", "giữ lại / keep\n")
    mini.write("mkdocs.yml", "site_name: x\n")
    (mini.root / "linked").symlink_to(mini.root / "content", target_is_directory=True)
    return mini


def snapshot(root: Path) -> dict[str, str]:
    """The whole project (and its parent's file names): nothing may change."""
    return {**manifest(root), **{f"../{p.name}": "" for p in root.parent.iterdir()}}


@pytest.mark.parametrize("site_dir", BAD_OUTPUTS)
def test_the_output_cannot_be_or_hold_or_sit_in_the_sources(guarded: MiniProject, site_dir: str,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = guarded.root
    before = snapshot(root)
    monkeypatch.chdir(root)
    assert main(["build", "--site-dir", site_dir]) == 1
    out = capsys.readouterr().out
    assert "thư mục đích" in out or "không phải thư mục" in out
    assert "the output folder" in out or "is a file, not a folder" in out
    assert "Traceback" not in out
    assert snapshot(root) == before
    assert main(["build", "--all-units", "--site-dir", site_dir]) == 1
    assert snapshot(root) == before


@pytest.mark.site
def test_the_package_itself_is_protected_wherever_it_is_installed(mini: MiniProject) -> None:
    package = Path(site_builder.__file__).resolve().parent
    with pytest.raises(OutputError, match="sits inside"):
        build_site(mini.root, package / "site")
    assert not (package / "site").exists()


@pytest.mark.site
def test_a_folder_the_kit_did_not_build_is_not_replaced(mini: MiniProject, tmp_path: Path, fake: None) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "report.docx").write_bytes(b"not ours")
    with pytest.raises(OutputError) as info:
        build_site(mini.root, documents)
    message = str(info.value)
    assert f"no {MARKER} file" in message and "remove that folder yourself or choose another one with --site-dir" in message
    assert f"không có tệp {MARKER}" in message and "hãy tự xóa thư mục đó hoặc chọn thư mục khác" in message
    assert manifest(documents) == {"report.docx": hashlib.sha256(b"not ours").hexdigest()}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    file = tmp_path / "site.txt"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        build_site(mini.root, file)
    empty = tmp_path / "empty"
    empty.mkdir()
    build_site(mini.root, empty)  # an empty folder holds nothing to lose
    assert manifest(empty) == expected("new")


@pytest.mark.site
def test_every_output_is_marked_and_replaces_only_its_own(tiny: MiniProject, tiny_builds: TinyBuilds) -> None:
    """A real build (a copy of the session's), then another one over it: the marker is
    there both times, and the second build replaced the first whole (a file only the
    first had is gone)."""
    out = tiny.root / "site"
    tiny_builds.build(tiny, out, site_url="http://127.0.0.1:9/")
    assert (out / MARKER).read_text(encoding="utf-8") == MARKER_TEXT
    assert "ASEAN section kit" in MARKER_TEXT and "bộ công cụ Chuyên mục ASEAN" in MARKER_TEXT
    (out / "stray.html").write_text("from an earlier build", encoding="utf-8")
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/")
    assert (out / MARKER).is_file() and not (out / "stray.html").exists()
    assert (out / "vi/index.html").is_file()
    assert leftovers(tiny.root) == []


def test_all_units_output_is_marked(mini: MiniProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "_unit_worker", _unit_worker)
    out = tmp_path / "units"
    assert build_all_units(mini.root, out, jobs=1) == ["viet-nam", "soc-trang"]
    assert (out / MARKER).read_text(encoding="utf-8") == MARKER_TEXT
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "index.html", "soc-trang", "viet-nam"]


def _unit_worker(context: object, folder: str) -> None:
    """A unit's build for the test above: one file (runs in a worker process)."""
    Path(folder).mkdir(parents=True)
    (Path(folder) / "index.html").write_text(Path(folder).name, encoding="utf-8")


# ── Left by killed builds ───────────────────────────────────────────────────────────
def dead_pid() -> int:
    """The pid of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.site
def test_stale_staging_folders_are_cleaned_and_live_ones_kept(mini: MiniProject, tmp_path: Path, fake: None) -> None:
    parent = tmp_path / "out"
    site = parent / "site"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_text("x", encoding="utf-8")
    dead, live = dead_pid(), os.getppid()
    for name in (f".site-staging-{dead}", f".site-old-{dead}", f".site-staging-{live}", ".site-staging-abc",
                 f".other-staging-{dead}", f".site-staging-{dead}-copy"):
        (parent / name).mkdir(parents=True)
        (parent / name / "index.html").write_text(name, encoding="utf-8")
    (parent / f".site-old-{dead_pid()}").symlink_to(outside, target_is_directory=True)
    build_site(mini.root, site)
    assert sorted(p.name for p in parent.iterdir()) == sorted([
        "site", f".site-staging-{live}", ".site-staging-abc", f".other-staging-{dead}", f".site-staging-{dead}-copy",
    ])
    assert manifest(outside) == {"precious.txt": hashlib.sha256(b"x").hexdigest()}  # a link is not followed
    assert manifest(site) == expected("new")


def test_renameat2_here(tmp_path: Path) -> None:
    """On Linux the swap is renameat2(RENAME_EXCHANGE); the fallback only elsewhere."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "one").touch()
    if not sys.platform.startswith("linux"):
        assert site_folder._exchange(first, second) is False
        return
    assert site_folder._renameat2() is not None
    assert site_folder._exchange(first, second) is True
    assert [p.name for p in second.iterdir()] == ["one"] and list(first.iterdir()) == []


def run_killed(root: Path, site: Path, label: str, kill_at: int, fallback: bool) -> int:
    """The exit status of a build in a process of its own that dies at step ``kill_at``
    (:func:`killed_build.main`). The process is forked from this one: it has the package
    imported already, where a new interpreter would take most of the test's time to start
    (the test kills the build at every one of its steps, twice)."""
    child = multiprocessing.get_context("fork").Process(
        target=killed_build.main, args=([str(root), str(site), label, str(kill_at), "1" if fallback else "0"],))
    child.start()
    child.join(timeout=60)
    assert child.exitcode is not None, f"the build killed at step {kill_at} did not end"
    return child.exitcode


@pytest.mark.site
@pytest.mark.parametrize("fallback", [False, True], ids=["renameat2", "two-renames"])
def test_a_build_killed_at_any_step_leaves_the_old_site_or_the_new(mini: MiniProject, tmp_path: Path,
                                                                   fallback: bool, fake: None) -> None:
    """Kill the build at each of its steps in turn (``os._exit``: no clean-up runs). After
    each kill ``site/`` is the complete old tree or the complete new one; with two renames
    (no renameat2) it may be missing for an instant, with the old tree set aside, which
    the next build puts back before anything else. The next build then cleans up."""
    if not fallback and site_folder._renameat2() is None:
        pytest.skip("renameat2 is not available here")
    parent = tmp_path / "out"
    parent.mkdir()
    site = parent / "site"
    assert run_killed(mini.root, site, "old", 0, fallback) == 0
    old, new = expected("old"), expected("new")
    assert manifest(site) == old
    outcomes: dict[str, int] = {}
    kill_at = 1
    while True:
        status = run_killed(mini.root, site, "new", kill_at, fallback)
        if status == 0:
            break
        assert status == KILLED, f"killed at step {kill_at}: exit status {status}"
        aside = [p for p in parent.iterdir() if p.name.startswith(".site-old-")]
        if site.exists():
            state = manifest(site)
            assert state in (old, new), f"killed at step {kill_at}: site/ is neither tree"
            outcome = "old" if state == old else "new"
        else:
            assert fallback, f"killed at step {kill_at}: no site/"
            assert len(aside) == 1 and manifest(aside[0]) == old, f"killed at step {kill_at}"
            site_folder._clean_stale(site)  # what the next build does first
            assert manifest(site) == old
            outcome = "restored"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        build_site(mini.root, site)  # the next build, in this process
        assert manifest(site) == new
        assert leftovers(parent) == [], f"killed at step {kill_at}"
        killed_build.label = "old"  # back to the old site for the next kill
        build_site(mini.root, site)
        killed_build.label = "new"
        assert manifest(site) == old
        kill_at += 1
    print(f"{kill_at - 1} kills, outcomes {outcomes}")
    assert kill_at > 20  # every step was tried: clean-up, staging, each file, the swap, each deletion
    assert outcomes["old"] and outcomes["new"]
    assert ("restored" in outcomes) == fallback


def test_an_output_that_cannot_be_written_is_reported_without_a_traceback(
        mini: MiniProject, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    mini.write("a-file", "x")
    monkeypatch.chdir(mini.root)
    assert main(["build", "--site-dir", "a-file/site"]) == 1
    out = capsys.readouterr().out
    assert "could not read or write a file" in out and "Không đọc/ghi được tệp" in out
