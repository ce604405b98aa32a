"""``python -m site_builder translations``: what still lacks a translation, and what is outdated.

Three lists: pages that exist in one language only; data fields (plans, units,
agencies, members, events, documents, tags) whose English text is missing; and English
pages older than their Vietnamese source. A translation records, in its front matter,
the hash of the Vietnamese text it was made from (``source_hash``, written by ``new``
and by ``translations --mark-current``); when the Vietnamese text changes, the hashes no
longer match and the page is reported as outdated.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from site_builder.core.i18n import translations
from site_builder.core.language import language
from site_builder.core.vocabulary import TRANSLATION_GAPS
from site_builder.derive.project import Project
from site_builder.inputs.content_tree import ContentSet
from site_builder.inputs.loader import Dataset
from site_builder.inputs.references import iter_models
from site_builder.model import Text


@dataclass(frozen=True, order=True)
class Gap:
    kind: str
    """``missing-page``, ``missing-field`` or ``outdated`` (:data:`~site_builder.core.vocabulary.TRANSLATION_GAPS`)."""
    file: str
    detail: str


def gaps(project: Project) -> list[Gap]:
    """Every translation gap of a checked project."""
    return gaps_of(project.data, project.content)


def gaps_of(data: Dataset, content: ContentSet) -> list[Gap]:
    gaps: list[Gap] = []
    for (lang, rel), page in sorted(content.pages.items()):
        other = content.counterpart(page)
        if other is None:
            gaps.append(Gap("missing-page", page.file, f"content/{language(lang).other.code}/{rel}"))
        elif not language(lang).is_source:  # a translation: made from which Vietnamese text?
            current = other.body_hash()
            if page.meta.source_hash is None:
                gaps.append(Gap("outdated", page.file, "no source_hash: cannot tell which Vietnamese text it translates"))
            elif page.meta.source_hash != current:
                gaps.append(Gap("outdated", page.file, f"{other.file} changed since the translation "
                                                      f"({page.meta.source_hash} → {current})"))
    for path, owner in _data_owners(data, content):
        for loc, obj in iter_models(owner):
            if isinstance(obj, Text) and obj.en is None:
                gaps.append(Gap("missing-field", path, ".".join(str(p) for p in loc) or "(root)"))
    return sorted(gaps)


def _data_owners(data: Dataset, content: ContentSet) -> list[tuple[str, BaseModel]]:
    owners: list[tuple[str, BaseModel]] = [(data.files[p.id], p) for p in data.plans.values()]
    owners += [("plans/units.yaml", u) for u in data.units.values()]
    owners += [("plans/agencies.yaml", a) for a in data.agencies.values()]
    for name in ("members", "events", "documents", "tags"):
        owners += [(f"content/data/{name}.yaml", item) for item in getattr(content, name) or []]
    return owners


class TranslationError(Exception):
    """A translation could not be marked current; the message is in Vietnamese and English."""


def mark_current(root: Path, project: Project, english_file: str) -> str:
    """Record in an English page that it matches the current Vietnamese text.

    Only the ``source_hash`` line of the front matter changes: every other byte of the
    file stays as the editor saved it (Windows line endings included), so that the
    commit shows one line changed. The file is replaced atomically (a temporary file in
    the same folder, then one rename), so an interrupted run leaves the old file or the
    new one, never half of it. A page reached through a symbolic link is refused: the
    command would otherwise read, and rewrite, a file outside ``content/``.
    """
    rel = english_file.replace("\\", "/").removeprefix("content/en/")
    page = project.content.pages.get(("en", rel))
    source = project.content.pages.get(("vi", rel))
    if page is None or source is None:
        raise TranslationError(
            f"{english_file}: không có cặp trang content/vi/{rel} và content/en/{rel}\n"
            f"    {english_file}: no page pair content/vi/{rel} and content/en/{rel}"
        )
    path = root / "content" / "en" / rel
    _refuse_links(root, path)
    digest = source.body_hash()
    text = with_source_hash(path.read_bytes().decode("utf-8", errors="surrogateescape"), digest)
    if text is None:
        raise TranslationError(
            f"{english_file}: trang không có phần đầu (front matter) giữa hai dòng '---'\n"
            f"    {english_file}: the page has no front matter between two '---' lines"
        )
    _replace_atomically(path, text.encode("utf-8", errors="surrogateescape"))
    return digest


_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def with_source_hash(text: str, digest: str) -> str | None:
    """``text`` with its front matter's ``source_hash`` set to ``digest`` and nothing else
    changed; a new line takes the line ending of the file's first line. The front matter
    is found as ``check`` finds it: from a first line ``---`` to the next line ``---``;
    ``None`` when there is none."""
    lines = _LINE.findall(text)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") == "---"), None)
    if not lines or lines[0].rstrip("\r\n") != "---" or end is None:
        return None
    eol = "\r\n" if lines[0].endswith("\r\n") else "\n"
    line = f"source_hash: {digest}"
    for i in range(1, end):
        if lines[i].startswith("source_hash:"):
            lines[i] = line + lines[i][len(lines[i].rstrip("\r\n")):]
            break
    else:
        lines.insert(end, line + eol)
    return "".join(lines)


def _refuse_links(root: Path, path: Path) -> None:
    """Refuse ``path`` when it, or a folder between ``content/`` and it, is a symbolic link."""
    for part in [path, *path.parents]:
        if part == root:
            break
        if part.is_symlink():
            shown = part.relative_to(root).as_posix()
            raise TranslationError(
                f"{shown} là liên kết tượng trưng (symlink): không đọc, không ghi qua nó\n"
                f"    {shown} is a symbolic link: refusing to read or write through it"
            )


def _replace_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` (same folder, so same file
    system) and rename it over ``path``: readers and a crash see the old file or the new."""
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def format_table(gaps: list[Gap]) -> str:
    """The report for a terminal: each kind of gap with its label in both languages (the
    labels the translations page shows, :data:`~site_builder.core.vocabulary.TRANSLATION_GAPS`)."""
    if not gaps:
        return "Không thiếu bản dịch nào / nothing to translate"
    width = max(len(g.file) for g in gaps)
    vi, en = translations("vi").gettext, translations("en").gettext
    lines = []
    for kind in TRANSLATION_GAPS:
        rows = [g for g in gaps if g.kind == kind.id]
        if rows:
            lines.append(f"\n{kind.label(vi)} / {kind.label(en)} ({len(rows)})")
            lines += [f"  {g.file:<{width}}  {g.detail}" for g in rows]
    return "\n".join(lines).lstrip("\n")
