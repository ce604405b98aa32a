"""What ``content/`` and ``plans/`` may hold, read without ever following a link.

Editors in many units commit to these folders, soon through a web editor, so they are
untrusted. Everything in them reaches the site either through a check (pages, data) or
as a file copied as it is (images, documents); the second kind is the dangerous one: a
``.js`` or ``.html`` placed there would be published from the portal's own origin, a
PNG at ``assets/...`` would replace the theme's, and a symbolic link would publish a
file from outside the repository. So the folders are walked without following links,
and only an allow-list of file kinds is accepted, each checked by its first bytes:

- ``content/<lang>/``: Markdown pages, pictures (PNG, JPEG, GIF, WebP, AVIF) and
  documents (PDF, Office Open XML, OpenDocument), none under a folder the site itself
  uses (:data:`RESERVED_FOLDERS`);
- ``content/data/``: the YAML data files;
- ``content/media/``: photos named by pages' front matter (JPEG, PNG, WebP, AVIF), never
  published as they are: the build re-encodes their pixels without metadata
  (:mod:`site_builder.images`);
- ``plans/`` and ``plans/progress/``: YAML files.

SVG is refused: it is a document that can carry script, and a picture needs no such
thing. Text is refused when it holds control or bidirectional-override characters:
they have no place in prose, make a page differ from what a reviewer sees, and some
break the tools that read the exports.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import LANGUAGES
from .problems import Problem

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".avif"})
"""Kinds of file ``content/media/`` may hold (as :data:`site_builder.images.PHOTO_SUFFIXES`)."""

MAX_TEXT_BYTES = 2 * 1024 * 1024
"""Pages and data files: a long article is well under 100 KB; past 2 MiB is refused unread."""
MAX_MEDIA_BYTES = 20 * 1024 * 1024
"""Pictures and documents: a print-quality photo or a scanned plan fits in 20 MiB."""

MEDIA: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".avif": (b"",),
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".odp": (b"PK\x03\x04",),
}
"""File kinds ``content/<lang>/`` may publish as they are, with the bytes they start with
(WebP and AVIF are checked further in :func:`_signature_ok`)."""

RESERVED_FOLDERS = frozenset({"assets", "pagefind", "search", "embed", "api", "__preview__"})
"""Top folders of a language tree that belong to the theme, the search index, the
widgets (framed by other sites under their own policy) and the preview."""

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
"""File and folder names: letters without marks, digits, ``.``, ``_``, ``-``; they become
addresses, so nothing that needs quoting."""

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufeff\ufff9-\ufffb]")
"""Characters refused in any text: C0/C1 controls but tab and newline, line and
paragraph separators, bidirectional overrides and isolates, lone surrogates, the BOM
and interlinear annotation marks."""


@dataclass
class Inventory:
    """The files found under ``content/``, by kind, and what was refused."""

    pages: dict[str, list[str]] = field(default_factory=lambda: {lang: [] for lang in LANGUAGES})
    """Markdown pages per language, as paths below ``content/<lang>/``."""
    media: dict[str, list[str]] = field(default_factory=lambda: {lang: [] for lang in LANGUAGES})
    """Pictures and documents per language, below ``content/<lang>/``."""
    photos: list[str] = field(default_factory=list)
    """Photos shared by both languages, below ``content/media/``."""
    problems: list[Problem] = field(default_factory=list)


def _problem(rel: str, vi: str, en: str) -> Problem:
    return Problem(rel, 0, 0, "", vi, en)


def link_problem(rel: str) -> Problem:
    return _problem(
        rel,
        "là liên kết tượng trưng (symlink): chỉ dùng tệp và thư mục thật trong kho",
        "is a symbolic link: only real files and folders in the repository are read",
    )


def walk(root: Path, top: str) -> Iterator[tuple[str, os.stat_result]]:
    """Every entry below ``root/top`` as (path relative to root, lstat), links not followed.

    Symbolic links are yielded (so that they can be refused) but never entered.
    """
    base = root / top
    try:
        info = base.lstat()
    except FileNotFoundError:
        return
    yield top, info
    if not stat.S_ISDIR(info.st_mode):
        return
    for entry in sorted(os.scandir(base), key=lambda e: e.name):
        rel = f"{top}/{entry.name}"
        entry_info = entry.stat(follow_symlinks=False)
        if stat.S_ISDIR(entry_info.st_mode):
            yield from walk(root, rel)
        else:
            yield rel, entry_info


def _signature_ok(suffix: str, head: bytes) -> bool:
    if suffix == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if suffix == ".avif":
        return head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis")
    return head.startswith(MEDIA[suffix])


def scan_content(root: Path) -> Inventory:
    """Sort every entry of ``content/`` into pages and media, refusing all else."""
    found = Inventory()
    allowed_top = {f"content/{lang}" for lang in LANGUAGES} | {"content/data", "content/media"}
    for rel, info in walk(root, "content"):
        if stat.S_ISLNK(info.st_mode):
            found.problems.append(link_problem(rel))
            continue
        parts = rel.split("/")
        if len(parts) == 1:
            continue
        if len(parts) == 2 and rel not in allowed_top:
            found.problems.append(_stray(rel, info))
            continue
        if not stat.S_ISREG(info.st_mode):
            if not stat.S_ISDIR(info.st_mode):
                found.problems.append(_problem(rel, "không phải tệp thường", "not a regular file"))
            elif not NAME.match(parts[-1]) and len(parts) > 2:
                found.problems.append(_bad_name(rel))
            continue
        if parts[1] == "data":
            if len(parts) != 3 or not rel.endswith(".yaml"):
                found.problems.append(_problem(
                    rel,
                    "content/data/ chỉ chứa các tệp dữ liệu .yaml",
                    "content/data/ holds only the .yaml data files",
                ))
            continue
        lang, inner = parts[1], "/".join(parts[2:])
        problem = _content_file(rel, inner, info, root)
        if parts[1] == "media":
            if problem is None and Path(inner).suffix.lower() not in PHOTO_SUFFIXES:
                problem = _problem(
                    rel,
                    "content/media/ chỉ chứa ảnh JPEG, PNG, WebP hoặc AVIF",
                    "content/media/ holds only JPEG, PNG, WebP or AVIF photos",
                )
            if problem is not None:
                found.problems.append(problem)
            else:
                found.photos.append(inner)
            continue
        if problem is not None:
            found.problems.append(problem)
        elif inner.endswith(".md"):
            found.pages[lang].append(inner)
        else:
            found.media[lang].append(inner)
    return found


def _stray(rel: str, info: os.stat_result) -> Problem:
    if rel == "content/safety.yaml":
        return _problem(
            rel,
            "tệp này không còn được đọc: danh sách trang được nhúng bằng <iframe> do người quản trị "
            "quyết định trong mkdocs.yml (plugins: - asean: iframe_hosts: [...]); hãy xóa tệp",
            "this file is no longer read: the sites content may frame with <iframe> are decided by "
            "the maintainers in mkdocs.yml (plugins: - asean: iframe_hosts: [...]); delete the file",
        )
    return _problem(
        rel,
        "content/ chỉ chứa các thư mục vi/, en/, data/ và media/",
        "content/ holds only the folders vi/, en/, data/ and media/",
    )


def _bad_name(rel: str) -> Problem:
    return _problem(
        rel,
        "tên tệp hoặc thư mục chỉ gồm chữ không dấu, số, '.', '_' và '-' (không dấu cách)",
        "file and folder names use only letters without marks, digits, '.', '_' and '-' (no spaces)",
    )


def _content_file(rel: str, inner: str, info: os.stat_result, root: Path) -> Problem | None:
    """The problem with one file below ``content/<lang>/``, or ``None`` if it may be published."""
    parts = inner.split("/")
    if any(not NAME.match(part) for part in parts):
        return _bad_name(rel)
    if parts[0] in RESERVED_FOLDERS:
        return _problem(
            rel,
            f"thư mục '{parts[0]}/' dành cho giao diện và các trang được tạo tự động; hãy đặt tệp ở nơi khác",
            f"the folder '{parts[0]}/' belongs to the theme and the generated pages; put the file elsewhere",
        )
    suffix = Path(inner).suffix.lower()
    if suffix == ".md":
        return None if info.st_size <= MAX_TEXT_BYTES else _too_large(rel, info.st_size, MAX_TEXT_BYTES)
    if suffix == ".svg":
        return _problem(
            rel,
            "không dùng ảnh SVG trong nội dung (SVG có thể chứa mã chạy): hãy dùng PNG, JPEG hoặc WebP",
            "SVG is not accepted in content (it can carry script): use PNG, JPEG or WebP",
        )
    if suffix not in MEDIA:
        kinds = ", ".join(sorted(s.lstrip(".") for s in [".md", *MEDIA]))
        return _problem(
            rel,
            f"loại tệp không được phép trong nội dung; chỉ dùng: {kinds}",
            f"this kind of file is not accepted in content; only: {kinds}",
        )
    if info.st_size > MAX_MEDIA_BYTES:
        return _too_large(rel, info.st_size, MAX_MEDIA_BYTES)
    with (root / rel).open("rb") as fh:
        head = fh.read(16)
    if not _signature_ok(suffix, head):
        return _problem(
            rel,
            f"nội dung tệp không phải là tệp {suffix.lstrip('.').upper()} như đuôi tên của nó",
            f"the file's content is not the {suffix.lstrip('.').upper()} its name says",
        )
    return None


def _too_large(rel: str, size: int, limit: int) -> Problem:
    return _problem(
        rel,
        f"tệp quá lớn ({size / 1048576:.1f} MiB, tối đa {limit // 1048576} MiB)",
        f"file too large ({size / 1048576:.1f} MiB, at most {limit // 1048576} MiB)",
    )


def scan_plans(root: Path) -> list[Problem]:
    """Links and stray entries in ``plans/`` (its YAML files are read by the loader)."""
    problems = []
    for rel, info in walk(root, "plans"):
        if stat.S_ISLNK(info.st_mode):
            problems.append(link_problem(rel))
        elif stat.S_ISREG(info.st_mode) and not NAME.match(rel.rsplit("/", 1)[-1]):
            problems.append(_bad_name(rel))
    return problems


def read(path: Path, rel: str, limit: int = MAX_TEXT_BYTES) -> bytes | Problem:
    """The bytes of an input file, or why it is refused: a link anywhere along ``rel``,
    not a regular file, or over ``limit``. ``rel`` is ``path`` relative to the project."""
    base = path
    for _ in rel.strip("/").split("/"):
        try:
            if base.is_symlink():
                return link_problem(rel)
        except OSError:
            break
        base = base.parent
    try:
        info = path.stat()
    except OSError as exc:
        return _problem(rel, f"không đọc được tệp: {exc.strerror}", f"cannot read file: {exc.strerror}")
    if not stat.S_ISREG(info.st_mode):
        return _problem(rel, "không phải tệp thường", "not a regular file")
    if info.st_size > limit:
        return _too_large(rel, info.st_size, limit)
    return path.read_bytes()


def control_character(text: str) -> tuple[int, int, str] | None:
    """``(line, column, "U+XXXX")`` of the first refused character in ``text`` (1-based)."""
    match = CONTROL.search(text)
    if match is None:
        return None
    before = text[: match.start()]
    line = before.count("\n") + 1
    column = match.start() - (before.rfind("\n") + 1) + 1
    return line, column, f"U+{ord(match.group(0)):04X}"


def control_message(code: str) -> tuple[str, str]:
    return (
        f"văn bản chứa ký tự điều khiển hoặc ký tự vô hình {code}: hãy xóa nó",
        f"the text holds a control or invisible character {code}: remove it",
    )


def strings(value: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every string in parsed YAML (mapping keys too), with its location."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield loc + (key,), key
            yield from strings(item, loc + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, loc + (i,))
