"""The whole input of a build: plan data (``plans/``) and content (``content/``), checked together."""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from . import LANGUAGES
from .content import ContentSet, check_content
from .loader import Dataset, check_dataset
from .problems import InputError, Problem, ProblemList


@dataclass
class Project:
    root: Path
    data: Dataset
    content: ContentSet


CACHE_DIR = ".cache/project"
KEEP = 4


def input_digest(root: Path) -> str:
    """A hash of every input file and of this package's code: equal digests, equal results."""
    digest = hashlib.sha256()
    sources = [root / "plans", root / "content", Path(__file__).parent]
    for base in sources:
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(base).as_posix().encode())
                digest.update(b"\0")
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()[:32]


def check_project(root: Path, use_cache: bool = True) -> tuple[Project | None, ProblemList]:
    """Check everything; the project is ``None`` when there is any error.

    The result is cached in ``.cache/project/`` under a hash of every input: the two
    language builds, the exports and a rebuild after an unrelated change then reuse one
    check instead of repeating it. The cache is local and only ever written by us.
    """
    if not use_cache:
        return _check(root)
    cache = root / CACHE_DIR
    path = cache / f"{input_digest(root)}.pickle"
    if path.exists():
        try:
            with path.open("rb") as fh:
                project, problems = pickle.load(fh)  # noqa: S301 - our own cache file
            if project is not None:
                project.root = root
            return project, problems
        except Exception:  # a stale or truncated cache entry: check again
            path.unlink(missing_ok=True)
    project, problems = _check(root)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump((project, problems), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in sorted(cache.glob("*.pickle"), key=lambda p: p.stat().st_mtime)[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only checkout still builds, only without the cache
    return project, problems


def _check(root: Path) -> tuple[Project | None, ProblemList]:
    dataset, problems = check_dataset(root)
    units = set(dataset.units) if dataset else None
    plans = set(dataset.plans) if dataset else None
    content, found = check_content(root, units, plans)
    problems.extend(found.items)
    if dataset is None or problems.errors:
        return None, problems
    problems.extend(_url_claims(dataset, content))
    if problems.errors:
        return None, problems
    return Project(root, dataset, content), problems


def _url_claims(dataset: Dataset, content: ContentSet) -> list[Problem]:
    """Two pages may not claim one URL: two content pages (``x.md`` and ``x/index.md``), or
    a content page and a page generated from the data."""
    from .i18n import translations
    from .index import SiteIndex
    from .pages import generate

    problems = []
    index = SiteIndex(dataset)
    for lang in LANGUAGES:
        generated = {spec.url for spec in generate(index, content, lang, translations(lang).gettext)}
        known = generated | {page.url for page in content.in_lang(lang)}
        for i, question in enumerate(content.quiz or []):
            if question.source not in known:
                problems.append(Problem(
                    "content/data/quiz.yaml", 0, 0, f"questions[{i}].source",
                    f"không có trang /{lang}/{question.source} để dẫn nguồn cho câu hỏi '{question.id}'",
                    f"no page /{lang}/{question.source} to cite for question '{question.id}'",
                ))
        claimed: dict[str, str] = {}
        for page in content.in_lang(lang):
            if page.url in generated:
                problems.append(Problem(
                    page.file, 1, 1, "",
                    f"trang này trùng địa chỉ /{lang}/{page.url} với một trang được tạo từ dữ liệu",
                    f"this page claims /{lang}/{page.url}, the address of a page generated from the data",
                ))
            elif page.url in claimed:
                problems.append(Problem(
                    page.file, 1, 1, "",
                    f"hai trang cùng địa chỉ /{lang}/{page.url}: {claimed[page.url]} và tệp này",
                    f"two pages claim /{lang}/{page.url}: {claimed[page.url]} and this file",
                ))
            claimed.setdefault(page.url, page.file)
    return problems


def load_project(root: Path, strict: bool = False) -> Project:
    """The checked project, or :class:`InputError` (warnings count as errors when ``strict``)."""
    project, problems = check_project(root)
    fatal = problems.errors + (problems.warnings if strict else [])
    if project is None or fatal:
        raise InputError(sorted(fatal))
    return project
