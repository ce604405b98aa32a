"""Build the whole bilingual site: check the data, build each language, index, publish.

Order matters: the data is checked before anything is written, both languages are
built in parallel processes into a staging folder beside the output, each gets its
own Pagefind index inside its own tree, the root files (redirect, sitemap) are
written last, and only then is the staging folder swapped in. A failure at any step
leaves the previous site as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import LANGUAGES
from .exports import write_exports
from .index import LEVEL_ORDER
from .model import Unit
from .precompress import precompress
from .problems import InputError
from .project import Project, check_project
from .publish import write_root_files, write_units_index
from .slug import collation_key

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
# Material 9.8 prints an end-of-life banner on every run; the README and the design
# notes cover the migration plan, so the build output stays readable.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class BuildError(Exception):
    """A language build failed; the message says which and why."""


@dataclass
class BuildResult:
    site_dir: Path
    warnings: dict[str, list[str]] = field(default_factory=dict)
    project: Project | None = None
    """The checked project the site was built from (the preview reuses it)."""


def base_url(site_url: str | None) -> str:
    """The site's root address, always ending in ``/`` (``SITE_URL`` or the local default)."""
    url = site_url or os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def _build_one(project: Project, lang: str, out_dir: str, site_url: str, strict: bool, unit: str | None) -> list[str]:
    """One language; runs in a worker process (the checked project is sent to it in
    memory, never through a file) or in-process. Errors flattened to text."""
    from .engine import EngineError, build_language

    try:
        return build_language(project.root, lang, Path(out_dir), site_url, strict, unit, project)
    except EngineError as exc:
        raise BuildError(f"{lang}: {exc}") from None
    except Exception as exc:
        raise BuildError(f"{lang}: {type(exc).__name__}: {exc}") from None


def index_search(lang_dir: Path) -> None:
    """Pagefind index of one language, inside that language's tree (``/vi/pagefind/``)."""
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(lang_dir), "--output-subdir", "pagefind",
         "--exclude-selectors", ".headerlink", "--silent"],
        check=True,
    )


def _checked(root: Path, strict: bool) -> Project:
    project, problems = check_project(root)
    fatal = problems.errors + (problems.warnings if strict else [])
    if fatal or project is None:
        raise InputError(sorted(fatal))
    return project


def _build_into(
    folder: Path, project: Project, base: str, strict: bool, jobs: int, unit: str | None
) -> dict[str, list[str]]:
    """Everything of one site (both languages, search, exports, root files) into ``folder``."""
    warnings: dict[str, list[str]] = {}
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(LANGUAGES))) as pool:
            futures = {
                pool.submit(_build_one, project, lang, str(folder / lang), base + lang + "/", strict, unit): lang
                for lang in LANGUAGES
            }
            errors, indexing = [], []
            for future in as_completed(futures):
                lang = futures[future]
                try:
                    warnings[lang] = future.result()
                except BuildError as exc:
                    errors.append(str(exc))
                    continue
                # Index a language as soon as it is built, while the other still renders.
                indexing.append(pool.submit(index_search, folder / lang))
            if errors:
                raise BuildError("\n".join(sorted(errors)))
            write_exports(project, folder, base)  # meanwhile, in this process
            for future in indexing:
                future.result()
    else:
        for lang in LANGUAGES:
            warnings[lang] = _build_one(project, lang, str(folder / lang), base + lang + "/", strict, unit)
            index_search(folder / lang)
        write_exports(project, folder, base)
    write_root_files(folder, base, LANGUAGES)
    return {lang: warnings[lang] for lang in LANGUAGES if lang in warnings}


@contextmanager
def _staged(site_dir: Path, compress: bool) -> Iterator[Path]:
    """A staging folder beside ``site_dir``, swapped in only if the block succeeds; on any
    failure (an exception, Ctrl-C) it is removed and ``site_dir`` stays as it was."""
    staging = _staging(site_dir)
    try:
        yield staging
        if compress:
            precompress(staging)
        _swap(staging, site_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _staging(site_dir: Path) -> Path:
    staging = site_dir.parent / f".{site_dir.name}-staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    return staging


def unit_base(project: Project, unit: str | None, site_url: str | None) -> str:
    """The address of a unit's build: ``--site-url``, ``SITE_URL``, the unit's own, or local."""
    if site_url is None and not os.environ.get("SITE_URL") and unit:
        branding = project.data.units[unit].branding
        if branding and branding.section_url:
            return base_url(branding.section_url)
    return base_url(site_url)


def build_site(
    root: Path,
    site_dir: Path,
    site_url: str | None = None,
    strict: bool = True,
    jobs: int = 2,
    unit: str | None = None,
    compress: bool = False,
) -> BuildResult:
    """Build the national site (or one unit's) into ``site_dir``, atomically.

    Raises :class:`InputError` on bad data and :class:`BuildError` when a language fails;
    either way ``site_dir`` is left as it was.
    """
    root = root.resolve()
    site_dir = site_dir.resolve()
    project = _checked(root, strict)
    if unit is not None and unit not in project.data.units:
        raise BuildError(f"không có đơn vị / unknown unit '{unit}' ({', '.join(project.data.units)})")
    result = BuildResult(site_dir, project=project)
    with _staged(site_dir, compress) as staging:
        result.warnings = _build_into(staging, project, unit_base(project, unit, site_url), strict, jobs, unit)
    return result


def _unit_worker(project: Project, folder: str, base: str, strict: bool, unit: str) -> None:
    _build_into(Path(folder), project, base, strict, 1, unit)


def section_units(project: Project, include_former: bool = False) -> list[str]:
    """The units that get a section of their own in an ``--all-units`` build: the national
    level and the provinces and cities of today (in Vietnamese alphabetical order), then,
    when asked, the former units, whose plans and pages the units of today already carry."""
    units = project.data.units.values()

    def key(unit: Unit) -> tuple[bool, int, tuple[tuple[int, ...], tuple[int, ...]]]:
        return (not unit.current, LEVEL_ORDER[unit.level], collation_key((unit.short_name or unit.name).vi))

    return [u.id for u in sorted(units, key=key) if include_former or u.current]


def build_all_units(
    root: Path,
    site_dir: Path,
    site_url: str | None = None,
    strict: bool = True,
    jobs: int | None = None,
    compress: bool = False,
    include_former: bool = False,
) -> list[str]:
    """Build a section per unit into ``site_dir/<unit-id>/``, units in parallel: the units of
    today, or every unit with ``include_former``.

    Each unit is built in its own process, its two languages one after the other, so
    that ``jobs`` processes keep ``jobs`` cores busy. Returns the unit ids built.
    """
    root = root.resolve()
    site_dir = site_dir.resolve()
    project = _checked(root, strict)
    jobs = jobs or os.cpu_count() or 1
    units = section_units(project, include_former)
    base = base_url(site_url)
    with _staged(site_dir, compress) as staging, ProcessPoolExecutor(max_workers=min(jobs, len(units))) as pool:
        futures = [
            pool.submit(_unit_worker, project, str(staging / unit), f"{base}{unit}/", strict, unit)
            for unit in units
        ]
        for future in futures:
            future.result()
        write_units_index(staging, project, units)
    return units


def _swap(staging: Path, site_dir: Path) -> None:
    """Put the new site in place with two renames; the old one is removed afterwards."""
    old = site_dir.parent / f".{site_dir.name}-old-{os.getpid()}"
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    if old.exists():
        shutil.rmtree(old)
