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
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import LANGUAGES
from .exports import write_exports
from .problems import InputError
from .project import check_project
from .publish import write_root_files

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


def base_url(site_url: str | None) -> str:
    """The site's root address, always ending in ``/`` (``SITE_URL`` or the local default)."""
    url = site_url or os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def _build_one(root: str, lang: str, out_dir: str, site_url: str, strict: bool) -> list[str]:
    """Runs in a worker process: one language, errors flattened to picklable text."""
    from .engine import EngineError, build_language

    try:
        return build_language(Path(root), lang, Path(out_dir), site_url, strict)
    except EngineError as exc:
        raise BuildError(f"{lang}: {exc}") from None
    except Exception as exc:
        raise BuildError(f"{lang}: {type(exc).__name__}: {exc}") from None


def index_search(lang_dir: Path) -> None:
    """Pagefind index of one language, inside that language's tree (``/vi/pagefind/``)."""
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(lang_dir), "--output-subdir", "pagefind", "--exclude-selectors", ".headerlink", "--silent"],
        check=True,
    )


def build_site(
    root: Path,
    site_dir: Path,
    site_url: str | None = None,
    strict: bool = True,
    jobs: int = 2,
) -> BuildResult:
    """Build every language into ``site_dir``, atomically. Raises :class:`InputError` on bad data."""
    root = root.resolve()
    site_dir = site_dir.resolve()
    project, problems = check_project(root)
    fatal = problems.errors + (problems.warnings if strict else [])
    if fatal or project is None:
        raise InputError(sorted(fatal))

    base = base_url(site_url)
    staging = site_dir.parent / f".{site_dir.name}-staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    result = BuildResult(site_dir)
    try:
        with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(LANGUAGES)))) as pool:
            futures = {
                lang: pool.submit(_build_one, str(root), lang, str(staging / lang), base + lang + "/", strict)
                for lang in LANGUAGES
            }
            errors = []
            for lang, future in futures.items():
                try:
                    result.warnings[lang] = future.result()
                except BuildError as exc:
                    errors.append(str(exc))
            if errors:
                raise BuildError("\n".join(errors))
            list(pool.map(index_search, [staging / lang for lang in LANGUAGES]))
        write_exports(project, staging, base)
        write_root_files(staging, base, LANGUAGES)
        _swap(staging, site_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return result


def _swap(staging: Path, site_dir: Path) -> None:
    """Put the new site in place with two renames; the old one is removed afterwards."""
    old = site_dir.parent / f".{site_dir.name}-old-{os.getpid()}"
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    if old.exists():
        shutil.rmtree(old)
