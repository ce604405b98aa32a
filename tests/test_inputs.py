"""What content/ and plans/ may hold (site_builder/inputs/files.py), and how they are read."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest
from conftest import ROOT, MiniProject
from hostile_probe import _docx, _pdf, _picture

from site_builder.core.problems import Problem
from site_builder.inputs.files import CONTROL, MEDIA, control_character, control_characters, file_kind, read, scan_content, walk

SAMPLES = {
    ".png": _picture("PNG"),
    ".jpg": _picture("JPEG"),
    ".jpeg": _picture("JPEG"),
    ".gif": _picture("GIF"),
    ".webp": _picture("WEBP"),
    ".avif": _picture("AVIF"),
    ".pdf": _pdf(),
    ".docx": _docx(),
}
"""A real file of each kind: ``check`` parses every picture and document to its end."""


@pytest.mark.parametrize("suffix", sorted(SAMPLES))
def test_media_are_recognised_by_their_first_bytes(mini: MiniProject, suffix: str) -> None:
    mini.write(f"content/vi/tep{suffix}", SAMPLES[suffix])
    mini.write(f"content/en/sai{suffix}", b"<script>alert(1)</script>" + b"\0" * 16)
    found = scan_content(mini.root)
    assert found.media["vi"] == [f"tep{suffix}"]
    assert [p.file for p in found.problems] == [f"content/en/sai{suffix}"]


@pytest.mark.parametrize("suffix", sorted(SAMPLES))
def test_media_are_parsed_to_their_end(mini: MiniProject, suffix: str) -> None:
    """Finding 4 and 8 of issue 30: the right first bytes are not enough. A file cut in
    half, or one with a web page after the end of the picture or document (a polyglot),
    is refused with its name; the picture is then also republished as fresh pixels."""
    whole = SAMPLES[suffix]
    mini.write(f"content/vi/cut{suffix}", whole[: len(whole) // 2])
    if suffix in (".pdf", ".docx"):
        mini.write(f"content/vi/poly{suffix}", whole + b"\n<html><script>alert(document.domain)</script>\n")
    found = scan_content(mini.root)
    assert found.media["vi"] == []
    refused = sorted(p.file for p in found.problems)
    polyglot = {f"content/vi/poly{suffix}"} if suffix in (".pdf", ".docx") else set()
    assert refused == sorted({f"content/vi/cut{suffix}"} | polyglot)


def test_every_media_kind_has_a_sample() -> None:
    assert {s for s in MEDIA if s not in (".xlsx", ".pptx", ".odt", ".ods", ".odp")} == set(SAMPLES)


@pytest.mark.parametrize("name", ["evil.MD", "evil.Md", "anh.PNG", "van-ban.Pdf", "x.YAML"])
def test_a_suffix_in_capitals_is_refused_never_published(mini: MiniProject, name: str) -> None:
    """Finding 1 of issue 30: ``evil.MD`` holding a script passed ``check`` and was copied
    to the site byte for byte. One notion of a file's kind (:func:`file_kind`) reads only
    lower-case suffixes; the editor is told the name to use."""
    mini.write(f"content/vi/x/{name}", b"<html><body><script>alert(document.domain)</script>")
    found = scan_content(mini.root)
    assert found.pages["vi"] == [] and found.media["vi"] == []
    [problem] = found.problems
    assert problem.file == f"content/vi/x/{name}"
    assert f"'{PurePosixPath(name).suffix.lower()}'" in problem.vi and "lower case" in problem.en
    assert file_kind(name) is None and file_kind(name.lower()) is not None


@pytest.mark.parametrize("folder", ["Assets", "ASSETS", "Search", "EMBED", "Pagefind"])
def test_reserved_folders_are_compared_in_lower_case(mini: MiniProject, folder: str) -> None:
    """Finding 9 of issue 30: on a case-insensitive disk (IIS, NTFS) ``Assets/`` merges
    with the theme's ``assets/``."""
    mini.write(f"content/vi/{folder}/a.png", SAMPLES[".png"])
    [problem] = scan_content(mini.root).problems
    assert problem.file == f"content/vi/{folder}/a.png" and "belongs to the theme" in problem.en


def test_names_that_differ_only_in_case_are_refused(mini: MiniProject) -> None:
    mini.write("content/vi/tin/a.png", SAMPLES[".png"])
    mini.write("content/vi/Tin/a.png", SAMPLES[".png"])
    found = scan_content(mini.root)
    assert [p.file for p in found.problems] == ["content/vi/tin"] or [p.file for p in found.problems] == ["content/vi/Tin"]


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


@pytest.mark.parametrize(("text", "codes"), [
    ("Ad\u200bmin", ["U+200B"]),
    ("a\u200eb\u200fc\u061cd", ["U+200E", "U+200F", "U+061C"]),
    ("x\u2060y\u00adz\u3164", ["U+2060", "U+00AD", "U+3164"]),
    ("Tin\U000e0041\U000e0042", ["U+E0041", "U+E0042"]),
    ("Việt\u200dNam", ["U+200D"]),  # a joiner inside a Latin word only hides something
    ("\u200cx", ["U+200C"]),
    ("\u0915\u094d\u200d\u0937", []),  # Devanagari: the joiner shapes the conjunct
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", []),  # Persian: the non-joiner is spelling
    ("\U0001f468\u200d\U0001f469\u200d\U0001f467", []),  # an emoji family
    ("Hội nghị ASEAN – “Cộng đồng” …", []),
])
def test_invisible_characters_are_refused_where_no_script_needs_them(text: str, codes: list[str]) -> None:
    """Finding 7 of issue 30: zero-width and direction marks, the word joiner, the soft
    hyphen, fillers and tag characters passed ``check`` although docs/security.md said
    invisible characters are refused. Every one is now reported, by code point and name."""
    from site_builder.inputs.files import control_message

    assert [code for _, _, code in control_characters(text)] == codes
    for code in codes:
        vi, en = control_message(code)
        assert code in vi and code in en
    assert "ZERO WIDTH SPACE" in control_message("U+200B")[1]


def test_every_refused_character_is_located_up_to_a_limit() -> None:
    from site_builder.inputs.files import MAX_REPORTED

    assert control_characters("a\u200bb\nc\u200bd") == [(1, 2, "U+200B"), (2, 2, "U+200B")]
    assert len(control_characters("\u200b" * 100)) == MAX_REPORTED


@pytest.mark.parametrize(("name", "message"), [
    ("plans/x.YAML", "rename it to '.yaml'"),
    ("plans/progress/x.Yaml", "rename it to '.yaml'"),
    ("plans/notes.txt", "plans/ holds only the .yaml data files"),
])
def test_plans_hold_only_yaml_files(mini: MiniProject, name: str, message: str) -> None:
    """The loader reads ``*.yaml``: a ``.YAML`` file would be ignored without a word."""
    from site_builder.inputs.files import scan_plans

    mini.write(name, "id: x\n")
    [problem] = scan_plans(mini.root)
    assert problem.file == name and message in problem.en
