"""``python -m site_builder translations``: what still lacks a translation, and what is outdated.

Three lists: pages that exist in one language only; data fields (plans, units,
agencies, members, events, documents, tags) whose English text is missing; and English
pages older than their Vietnamese source. A translation records, in its front matter,
the hash of the Vietnamese text it was made from (``source_hash``, written by ``new``
and by ``translations --mark-current``); when the Vietnamese text changes, the hashes no
longer match and the page is reported as outdated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .content import ContentSet
from .loader import Dataset, iter_models
from .model import Text
from .project import Project

_HASH_LINE = re.compile(r"^source_hash:.*$", re.MULTILINE)


@dataclass(frozen=True, order=True)
class Gap:
    kind: str
    """``missing-page``, ``missing-field`` or ``outdated``."""
    file: str
    detail: str


def report(project: Project) -> list[Gap]:
    return gaps_of(project.data, project.content)


def gaps_of(data: Dataset, content: ContentSet) -> list[Gap]:
    gaps: list[Gap] = []
    for (lang, rel), page in sorted(content.pages.items()):
        other = content.counterpart(page)
        if other is None:
            missing = "en" if lang == "vi" else "vi"
            gaps.append(Gap("missing-page", page.file, f"content/{missing}/{rel}"))
        elif lang == "en":
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


def _data_owners(data: Dataset, content: ContentSet) -> list[tuple[str, Any]]:
    owners: list[tuple[str, Any]] = [(data.files[p.id], p) for p in data.plans.values()]
    owners += [("plans/units.yaml", u) for u in data.units.values()]
    owners += [("plans/agencies.yaml", a) for a in data.agencies.values()]
    for name in ("members", "events", "documents", "tags"):
        owners += [(f"content/data/{name}.yaml", item) for item in getattr(content, name) or []]
    return owners


def mark_current(root: Path, project: Project, english_file: str) -> str:
    """Record in an English page that it matches the current Vietnamese text."""
    rel = english_file.removeprefix("content/en/")
    page = project.content.pages.get(("en", rel))
    source = project.content.pages.get(("vi", rel))
    if page is None or source is None:
        raise ValueError(f"không có cặp trang / no page pair for {english_file}")
    path = root / "content" / "en" / rel
    text = path.read_text(encoding="utf-8")
    line = f"source_hash: {source.body_hash()}"
    end = text.index("\n---", 3)
    front = text[:end]
    front = _HASH_LINE.sub(line, front) if _HASH_LINE.search(front) else front + "\n" + line
    path.write_text(front + text[end:], encoding="utf-8")
    return source.body_hash()


LABELS = {
    "missing-page": ("Trang chỉ có một ngôn ngữ", "Page in one language only"),
    "missing-field": ("Trường dữ liệu thiếu tiếng Anh", "Data field without English"),
    "outdated": ("Bản dịch cũ hơn bản gốc", "Translation older than its source"),
}


def format_table(gaps: list[Gap]) -> str:
    if not gaps:
        return "Không thiếu bản dịch nào / nothing to translate"
    width = max(len(g.file) for g in gaps)
    lines = []
    for kind, (vi, en) in LABELS.items():
        rows = [g for g in gaps if g.kind == kind]
        if rows:
            lines.append(f"\n{vi} / {en} ({len(rows)})")
            lines += [f"  {g.file:<{width}}  {g.detail}" for g in rows]
    return "\n".join(lines).lstrip("\n")
