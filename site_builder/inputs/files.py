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
  (:mod:`site_builder.output.images`);
- ``plans/`` and ``plans/progress/``: YAML files.

SVG is refused: it is a document that can carry script, and a picture needs no such
thing. Text is refused when it holds control or bidirectional-override characters:
they have no place in prose, make a page differ from what a reviewer sees, and some
break the tools that read the exports.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from site_builder import LANGUAGES
from site_builder.core.problems import Problem
from site_builder.inputs import verified
from site_builder.inputs.documents import document_problem
from site_builder.inputs.pictures import picture_problem

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".avif"})
"""Kinds of file ``content/media/`` may hold (:func:`site_builder.inputs.photos.probe` checks them)."""

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
(WebP and AVIF are checked further in :func:`signature_ok`)."""

PICTURES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})
"""Pictures a page may show from ``content/<lang>/``: fully decoded by ``check`` and
published only as fresh pixels (:func:`site_builder.inputs.pictures.clean_picture`)."""
DOCUMENTS = frozenset({".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"})
"""Documents a page may offer for download: opened by a parser by ``check``
(:mod:`site_builder.inputs.documents`) and published as they are only if nothing but the
document is in the file."""

KINDS: dict[str, str] = {".md": "page", ".yaml": "data"} | dict.fromkeys(PICTURES, "picture") | dict.fromkeys(
    DOCUMENTS, "document")
"""Every kind of file the kit reads or publishes, by its suffix, written in lower case."""


def file_kind(name: str) -> str | None:
    """``"page"``, ``"data"``, ``"picture"``, ``"document"`` or ``None``: the one notion of a
    file's kind that ``check``, the content scanner, the link list and the build share.

    The suffix must be written exactly as in :data:`KINDS`: ``evil.MD`` is no page (MkDocs,
    a web server and a case-insensitive disk would each read it differently) and no
    picture, so it is never published; :func:`suffix_problem` tells the editor why."""
    return KINDS.get(PurePosixPath(name).suffix)


def suffix_problem(rel: str) -> Problem | None:
    """A file whose suffix is a known kind in the wrong case (``.MD``, ``.Png``): refused
    with the name to use instead; ``None`` for every other name."""
    suffix = PurePosixPath(rel).suffix
    if suffix == suffix.lower() or suffix.lower() not in KINDS:
        return None
    return _problem(
        rel,
        f"đuôi tên tệp '{suffix}' phải viết thường: hãy đổi thành '{suffix.lower()}'",
        f"the file's suffix '{suffix}' must be in lower case: rename it to '{suffix.lower()}'",
    )


RESERVED_FOLDERS = frozenset({"assets", "pagefind", "search", "embed", "api", "__preview__"})
"""Top folders of a language tree that belong to the theme, the search index, the
widgets (framed by other sites under their own policy) and the preview; compared
in lower case, since ``Assets/`` is ``assets/`` on a case-insensitive disk (IIS, NTFS)."""

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
"""File and folder names: letters without marks, digits, ``.``, ``_``, ``-``; they become
addresses, so nothing that needs quoting."""

INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200e\u200f\u2060-\u2064"
    "\u206a-\u206f\u3164\uffa0\U0001d173-\U0001d17a\U000e0000-\U000e007f"
)
"""Characters that print as nothing: soft hyphen, combining grapheme joiner, the Arabic
letter mark, Hangul and Khmer fillers, Mongolian selectors, zero-width space,
left-to-right and right-to-left marks, word joiner and invisible operators, deprecated
format characters, musical formatting and the tag characters (U+E0000–E007F, which can
spell a hidden message after any character). A title "Ad\u200bmin" looks like "Admin"
to a reviewer and to a reader, but is another string to search, links and feeds."""

_NOT_LATIN = "\x00-\u036f\u1e00-\u1eff\u2000-\u206f"
"""Latin letters (Vietnamese included), their marks, and general punctuation: no word in
these needs a zero-width joiner or non-joiner."""

CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufeff\ufff9-\ufffb"
    + INVISIBLE + "]"
    + f"|(?<![^{_NOT_LATIN}])[\u200c\u200d]"
)
"""Characters refused in any text: C0/C1 controls but tab and newline, line and
paragraph separators, bidirectional overrides and isolates, lone surrogates, the BOM,
interlinear annotation marks and the invisible characters above (:data:`INVISIBLE`).
The zero-width non-joiner and joiner (U+200C, U+200D) shape Persian, Arabic and Indic
words and join emoji, so they pass after a character of such a script or an emoji, and
are refused at the start of a text or after a Latin letter, a space or punctuation,
where they only hide something."""

MAX_REPORTED = 20
"""Refused characters reported per text: enough to fix them in one pass, not a flood."""


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


def signature_ok(suffix: str, head: bytes) -> bool:
    if suffix == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if suffix == ".avif":
        return head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis")
    return head.startswith(MEDIA[suffix])


def scan_content(root: Path) -> Inventory:
    """Sort every entry of ``content/`` into pages and media, refusing all else."""
    found = Inventory()
    allowed_top = {f"content/{lang}" for lang in LANGUAGES} | {"content/data", "content/media"}
    folded: dict[str, str] = {}
    refused: list[str] = []
    for rel, info in walk(root, "content"):
        parts = rel.split("/")
        if stat.S_ISLNK(info.st_mode):
            found.problems.append(link_problem(rel))
        elif len(parts) == 2 and rel not in allowed_top:
            found.problems.append(_stray(rel, info))
        elif len(parts) == 1 or any(rel.startswith(prefix) for prefix in refused):
            continue  # the folder itself, or inside a folder already refused
        elif (twin := folded.setdefault(rel.lower(), rel)) != rel:
            refused.append(rel + "/")
            found.problems.append(_case_twin(rel, twin))
        elif not stat.S_ISREG(info.st_mode):
            if not stat.S_ISDIR(info.st_mode):
                found.problems.append(_problem(rel, "không phải tệp thường", "not a regular file"))
            elif not NAME.match(parts[-1]) and len(parts) > 2:
                found.problems.append(_bad_name(rel))
        else:
            _sort_file(root, rel, info, found)
    return found


def _case_twin(rel: str, twin: str) -> Problem:
    return _problem(
        rel,
        f"tên này chỉ khác {twin} ở chữ hoa, chữ thường: trên máy chủ không phân biệt hoa thường hai tệp là "
        "một; hãy đổi tên",
        f"this name differs from {twin} only in case: on a server that ignores case they are one file; "
        "rename it",
    )


def _sort_file(root: Path, rel: str, info: os.stat_result, found: Inventory) -> None:
    """A regular file of ``content/<folder>/``: a data file, a photo, a page or a medium of a
    language, each checked for what that folder may hold."""
    parts = rel.split("/")
    lang, inner = parts[1], "/".join(parts[2:])
    if lang == "data":
        if len(parts) != 3 or file_kind(rel) != "data":
            found.problems.append(suffix_problem(rel) or _problem(
                rel,
                "content/data/ chỉ chứa các tệp dữ liệu .yaml",
                "content/data/ holds only the .yaml data files",
            ))
    elif lang == "media":
        problem = _content_file(rel, inner, info, root, parse=False)
        if problem is None and PurePosixPath(inner).suffix not in PHOTO_SUFFIXES:
            problem = _problem(
                rel,
                "content/media/ chỉ chứa ảnh JPEG, PNG, WebP hoặc AVIF",
                "content/media/ holds only JPEG, PNG, WebP or AVIF photos",
            )
        if problem is not None:
            found.problems.append(problem)
        else:
            found.photos.append(inner)
    elif (problem := _content_file(rel, inner, info, root)) is not None:
        found.problems.append(problem)
    elif file_kind(inner) == "page":
        found.pages[lang].append(inner)
    else:
        found.media[lang].append(inner)


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


def _content_file(rel: str, inner: str, info: os.stat_result, root: Path, parse: bool = True) -> Problem | None:
    """The problem with one file below ``content/<lang>/``, or ``None`` if it may be
    published. With ``parse``, a picture is decoded to its last pixel and a document
    opened by a parser (the photos of ``content/media/`` are decoded when a page names them)."""
    parts = inner.split("/")
    if any(not NAME.match(part) for part in parts):
        return _bad_name(rel)
    if parts[0].lower() in RESERVED_FOLDERS:
        return _problem(
            rel,
            f"thư mục '{parts[0]}/' dành cho giao diện và các trang được tạo tự động; hãy đặt tệp ở nơi khác",
            f"the folder '{parts[0]}/' belongs to the theme and the generated pages; put the file elsewhere",
        )
    wrong_case = suffix_problem(rel)
    if wrong_case is not None:
        return wrong_case
    suffix = PurePosixPath(inner).suffix
    kind = file_kind(inner)
    if kind == "page":
        return None if info.st_size <= MAX_TEXT_BYTES else _too_large(rel, info.st_size, MAX_TEXT_BYTES)
    if suffix.lower() == ".svg":
        return _problem(
            rel,
            "không dùng ảnh SVG trong nội dung (SVG có thể chứa mã chạy): hãy dùng PNG, JPEG hoặc WebP",
            "SVG is not accepted in content (it can carry script): use PNG, JPEG or WebP",
        )
    if kind not in ("picture", "document"):
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
    if not signature_ok(suffix, head):
        return _problem(
            rel,
            f"nội dung tệp không phải là tệp {suffix.lstrip('.').upper()} như đuôi tên của nó",
            f"the file's content is not the {suffix.lstrip('.').upper()} its name says",
        )
    if not parse:
        return None
    found, key = _parsed(str(root / rel), suffix, info.st_mtime_ns, info.st_size)
    if found is not None:
        return _problem(rel, *found)
    verified.add(key)
    return None


@lru_cache(maxsize=4096)
def _parsed(path: str, suffix: str, mtime_ns: int, size: int) -> tuple[tuple[str, str] | None, str]:
    """Why a picture or document cannot be published (or ``None``), and the file's key in
    :mod:`site_builder.inputs.verified`: parsed once per version of the file in a process, and
    not at all when a check before found it clean."""
    data = Path(path).read_bytes()
    key = f"{suffix}:{hashlib.sha256(data).hexdigest()}"
    if verified.passed(key):
        return None, key
    if suffix in PICTURES:
        return picture_problem(data, suffix), key
    return document_problem(data, suffix), key


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
        elif stat.S_ISREG(info.st_mode) and file_kind(rel) != "data" and not rel.endswith(".yml"):
            # The loader reads ``*.yaml`` only: anything else here would be silently
            # ignored (``x.YAML``) or never checked; ``.yml`` has its own message there.
            problems.append(suffix_problem(rel) or _problem(
                rel, "plans/ chỉ chứa các tệp dữ liệu .yaml", "plans/ holds only the .yaml data files"))
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
    found = control_characters(text)
    return found[0] if found else None


def control_characters(text: str, limit: int = MAX_REPORTED) -> list[tuple[int, int, str]]:
    """``(line, column, "U+XXXX")`` of every refused character in ``text`` (1-based), at
    most ``limit``: an editor fixes them all in one pass instead of one per run."""
    found = []
    for match in CONTROL.finditer(text):
        before = text[: match.start()]
        line = before.count("\n") + 1
        column = match.start() - (before.rfind("\n") + 1) + 1
        found.append((line, column, f"U+{ord(match.group(0)):04X}"))
        if len(found) >= limit:
            break
    return found


def control_message(code: str) -> tuple[str, str]:
    """What to tell an editor about the refused character ``code`` (``"U+200B"``), by
    code point and Unicode name: an invisible character cannot be pointed at otherwise."""
    name = unicodedata.name(chr(int(code[2:], 16)), "")
    shown = f"{code} ({name})" if name else code
    return (
        f"văn bản chứa ký tự điều khiển hoặc ký tự vô hình {shown}: hãy xóa nó",
        f"the text holds a control or invisible character {shown}: remove it",
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
