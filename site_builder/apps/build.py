"""Build the whole bilingual site: check the data, build each language, index, publish.

Order matters: the data is checked before anything is written, both languages are
built in parallel processes into a staging folder beside the output, each gets its
own Pagefind index inside its own tree, the root files (redirect, sitemap) are
written last, and only then is the staging folder swapped in, in one atomic step. A
failure at any step, a kill included, leaves the previous site as it was.

The output folder is guarded (:func:`check_output`): it can never be, contain or sit
inside the project's sources, and the build replaces only a folder it built itself,
which it marks with a ``.asean-build`` file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Unpack

from site_builder import LANGUAGES
from site_builder.apps.address import preview_warning, require_address, unit_base
from site_builder.apps.errors import BuildError
from site_builder.apps.site_folder import check_output, staged
from site_builder.core.fingerprint import fingerprint
from site_builder.core.problems import InputError
from site_builder.core.slug import collation_key
from site_builder.core.urls import (
    SiteUrls,
    base_url,
)
from site_builder.derive.cards import illustration_cards, site_card
from site_builder.derive.index import LEVEL_ORDER
from site_builder.derive.project import Project, check_project
from site_builder.engine.context import BuildContext, BuildOptions, Incremental
from site_builder.engine.deps import LanguageRecord, Record, inputs_of, plan_build, record_path, site_identity
from site_builder.model import Unit
from site_builder.output.cards import write_cards
from site_builder.output.exports import write_exports
from site_builder.output.images import ImageStats, write_images
from site_builder.output.publish import write_root_files, write_units_index
from site_builder.output.searchindex import refold
from site_builder.output.trees import link_tree
from site_builder.output.writer import Writer

# Material 9.8's end-of-life banner is printed only under the ``mkdocs`` command, never
# under ``python -m site_builder``; the kit's own notice (engine.version_notice, printed by
# the build command) says when the runner installed is not the pinned one (docs/engine.md).


@dataclass
class BuildResult:
    site_dir: Path
    warnings: dict[str, list[str]] = field(default_factory=dict)
    context: BuildContext | None = None
    """The build's context, the checked project in it (the preview reuses both)."""
    address_warning: str | None = None
    """Set when the site was built for an address that cannot be published (a preview)."""
    rebuilt: str = ""
    """Why the build was full (the reason), or how many pages an incremental one rendered."""


def _build_one(context: BuildContext, lang: str, out_dir: str) -> tuple[list[str], LanguageRecord]:
    """One language; runs in a worker process (the checked project is sent to it in
    memory, never through a file) or in-process. Errors flattened to text. Returns the
    warnings and what each page read (:mod:`site_builder.engine.deps`)."""
    from site_builder.engine.mkdocs_build import EngineError, build_language

    try:
        record: list[LanguageRecord] = []
        warnings = build_language(context, lang, Path(out_dir), record)
        return warnings, record[0]
    except EngineError as exc:
        raise BuildError(f"{lang}: {exc}") from None
    except Exception as exc:
        raise BuildError(f"{lang}: {type(exc).__name__}: {exc}") from None


def index_search(lang_dir: Path) -> None:
    """Pagefind index of one language, inside that language's tree (``/vi/pagefind/``),
    its words then filed with "đ" read as "d" and cut into even chunks (:mod:`.searchindex`)."""
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(lang_dir), "--output-subdir", "pagefind",
         "--exclude-selectors", ".headerlink", "--silent"],
        check=True,
    )
    refold(lang_dir / "pagefind")


def _checked(root: Path, strict: bool, jobs: int = 1, publishing: bool = False) -> Project:
    """The checked project; a build for publishing (``publishing``) reads no example
    records and refuses a record marked as one, naming every such file."""
    project, problems = check_project(root, jobs, publishing)
    fatal = problems.errors + (problems.warnings if strict else [])
    if fatal or project is None:
        raise InputError(sorted(fatal))
    return project


def _same_pages(tree: Path, incremental: Incremental | None) -> bool:
    """Whether an incremental build of a language wrote exactly the previous site's pages
    (a page that read a list, and the list did not change what it shows): the previous
    search index is then this one too, and is linked instead of built again. Pagefind
    reads the HTML files only, so only they are compared (MkDocs' per-language
    sitemap, for one, holds the build's date and is removed later, :mod:`publish`)."""
    if incremental is None:
        return False
    old = incremental.site_dir / tree.name
    for path in tree.rglob("*.html"):
        if path.is_file() and path.stat().st_nlink == 1:  # written by this build, not linked
            previous = old / path.relative_to(tree)
            if not previous.is_file() or previous.read_bytes() != path.read_bytes():
                return False
    if (old / "pagefind").is_dir():
        link_tree(old / "pagefind", tree / "pagefind")
    return True


def _build_into(folder: Path, context: BuildContext, records: dict[str, LanguageRecord] | None = None,
                ) -> dict[str, list[str]]:
    """Everything of one site (both languages, search, exports, root files) into ``folder``.

    In an incremental build, a language none of whose pages must be rendered again is the
    previous site's tree, hard-linked, search index included; the others render only
    their dirty pages and are indexed again. ``records`` receives what each page read."""
    warnings: dict[str, list[str]] = {}
    records = {} if records is None else records
    writer, incremental = Writer(folder), context.incremental
    langs = list(LANGUAGES)
    if incremental is not None:
        for lang in LANGUAGES:
            if not incremental.dirty[lang]:
                link_tree(incremental.site_dir / lang, folder / lang)
                warnings[lang], records[lang] = [], incremental.record.languages[lang]
                langs.remove(lang)
    if context.jobs > 1 and len(langs) > 1:
        for lang, (said, record) in _languages_in_parallel(writer, context, langs).items():
            warnings[lang], records[lang] = said, record
    else:
        for lang in langs:
            warnings[lang], records[lang] = _build_one(context, lang, str(folder / lang))
            if not _same_pages(folder / lang, incremental):
                index_search(folder / lang)
        _write_files(writer, context)
    write_root_files(writer, context.site, LANGUAGES)
    return {lang: warnings[lang] for lang in LANGUAGES if lang in warnings}


def _languages_in_parallel(writer: Writer, context: BuildContext, langs: list[str],
                           ) -> dict[str, tuple[list[str], LanguageRecord]]:
    """The languages in worker processes, each indexed as soon as it is built while the
    other still renders; the exports and pictures meanwhile, in this process. Returns
    each language's warnings and record."""
    folder, built = writer.root, {}
    with ProcessPoolExecutor(max_workers=min(context.jobs, len(langs))) as pool:
        futures = {pool.submit(_build_one, context, lang, str(folder / lang)): lang for lang in langs}
        errors, indexing = [], []
        for future in as_completed(futures):
            lang = futures[future]
            try:
                built[lang] = future.result()
            except BuildError as exc:
                errors.append(str(exc))
                continue
            if not _same_pages(folder / lang, context.incremental):
                indexing.append(pool.submit(index_search, folder / lang))
        if errors:
            raise BuildError("\n".join(sorted(errors)))
        _write_files(writer, context)
        for index in indexing:
            index.result()
    return built


def _write_files(writer: Writer, context: BuildContext) -> None:
    """The files besides the pages: exports (API, CSV, calendar, feeds) and pictures."""
    write_exports(context.project, writer, context.site)
    write_pictures(context.project, writer, context.unit)


def write_pictures(project: Project, writer: Writer, unit: str | None) -> ImageStats:
    """The image step: every size of every photo, and the link-preview cards (the photos
    cropped, one drawn card per language), from the cache when it has them. Returns how
    many files were encoded and how many came from the cache (the benchmark reports it)."""
    photos = project.content.photos()
    sizes = write_images(project.root, photos, writer)
    drawn = [site_card(project.data, lang, unit) for lang in LANGUAGES] + illustration_cards(project.content)
    cards = write_cards(project.root, photos, drawn, writer)
    return ImageStats(sizes.encoded + cards.encoded, sizes.reused + cards.reused)


def build_site(root: Path, site_dir: Path, **options: Unpack[BuildOptions]) -> BuildResult:
    """Build the national site (or one unit's) into ``site_dir``, atomically, with the
    ``options`` the command line gives (:class:`site_builder.engine.context.BuildOptions`).

    Every build leaves a dependency record in the build cache (:mod:`site_builder.engine.deps`).
    With ``incremental``, a valid record lets the build render again only the pages whose
    inputs changed, and take the rest from the previous site; without one (or when
    something every page depends on changed) it is a full build. ``result.rebuilt`` says
    which it was and why.

    Raises :class:`InputError` on bad data and :class:`BuildError` when a language fails;
    either way ``site_dir`` is left as it was. ``publishing`` (the command line's
    ``--strict``) also refuses, before anything is written, an address that cannot be
    published (:func:`address_problem`); otherwise such a build goes ahead and
    ``result.address_warning`` says what points at it. ``publishing`` also leaves the
    example records out and refuses any marked as one in the published set
    (:func:`site_builder.inputs.loader.check_dataset`).

    ``workshop``: the editors' preview (``make serve``, ``build --workshop``), whose pages
    also show what citizens never see: the notes on the source text, file names, the
    commands to run and the editors' guide in the navigation. Every other build is the
    public site.
    """
    root = root.resolve()
    site_dir = site_dir.resolve()
    check_output(root, site_dir)  # before the data check: a wrong folder fails at once
    context = make_context(root, options)
    result = BuildResult(site_dir, context=context, address_warning=preview_warning(context.site.base))
    fp, inputs, store = fingerprint(root, context.key()), inputs_of(context.project), record_path(root, site_dir)
    # Precompressed files would be written through the links to the previous site.
    old = Record.load(store) if options.get("incremental") and not context.compress else None
    plan = plan_build(old, fp, inputs, site_dir, LANGUAGES)
    if plan.dirty is not None and old is not None:
        context = replace(context, incremental=Incremental(plan.dirty, old, site_dir))
    result.rebuilt = plan.reason or "incremental: " + ", ".join(
        f"{lang} {len(pages)} pages" for lang, pages in (plan.dirty or {}).items())
    records: dict[str, LanguageRecord] = {}
    store.unlink(missing_ok=True)  # the old record no longer describes the site once the swap is done
    with staged(root, site_dir, context.compress) as staging:
        result.warnings = _build_into(staging, context, records)
    Record(fp, inputs, records, site_identity(site_dir)).save(store)
    return result


def make_context(root: Path, options: BuildOptions) -> BuildContext:
    """The build's context, made once: the project checked, the unit known, the address
    decided (and, for publishing, refused before anything is written when it cannot be)."""
    strict, jobs = options.get("strict", True), options.get("jobs") or 2
    publishing, unit = options.get("publishing", False), options.get("unit")
    project = _checked(root, strict, jobs, publishing)
    if unit is not None and unit not in project.data.units:
        raise BuildError(f"không có đơn vị / unknown unit '{unit}' ({', '.join(project.data.units)})")
    base = unit_base(project, unit, options.get("site_url"))
    if publishing:
        require_address(base)
    return BuildContext(project, SiteUrls(base), unit=unit, strict=strict, jobs=jobs,
                        workshop=options.get("workshop", False), compress=options.get("compress", False),
                        publishing=publishing)


def _unit_worker(context: BuildContext, folder: str) -> None:
    _build_into(Path(folder), context)


def section_units(project: Project, include_former: bool = False) -> list[str]:
    """The units that get a section of their own in an ``--all-units`` build: the national
    level, the ministries and central agencies of today, and the provinces and cities of
    today (each level in Vietnamese alphabetical order), then, when asked, the former units,
    whose plans, pages and tasks the units of today already carry."""
    units = project.data.units.values()

    def key(unit: Unit) -> tuple[bool, int, tuple[tuple[int, ...], tuple[int, ...]]]:
        return (not unit.current, LEVEL_ORDER[unit.level], collation_key((unit.short_name or unit.name).vi))

    return [u.id for u in sorted(units, key=key) if include_former or u.current]


def build_all_units(root: Path, site_dir: Path, include_former: bool = False,
                    **options: Unpack[BuildOptions]) -> list[str]:
    """Build a section per unit into ``site_dir/<unit-id>/``, units in parallel: the units of
    today, or every unit with ``include_former``.

    Each unit is built in its own process, its two languages one after the other, so
    that ``jobs`` processes (default: one per core) keep ``jobs`` cores busy. Returns the
    unit ids built. ``publishing`` refuses an address that cannot be published, as
    :func:`build_site`; ``unit`` and ``incremental`` do not apply.
    """
    root = root.resolve()
    site_dir = site_dir.resolve()
    check_output(root, site_dir)
    jobs = options.get("jobs") or os.cpu_count() or 1
    national = make_context(root, {**options, "jobs": jobs, "unit": None})
    units = section_units(national.project, include_former)
    base = base_url(options.get("site_url"))
    with staged(root, site_dir, national.compress) as staging, \
            ProcessPoolExecutor(max_workers=min(jobs, len(units))) as pool:
        futures = [
            pool.submit(_unit_worker, replace(national, site=SiteUrls(f"{base}{unit}/"), unit=unit, jobs=1),
                        str(staging / unit))
            for unit in units
        ]
        for future in futures:
            future.result()
        write_units_index(Writer(staging), national.project, units)
    return units
