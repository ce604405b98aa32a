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

import ctypes
import errno
import functools
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Unpack

from site_builder import LANGUAGES, PACKAGE_DIR
from site_builder.core.fingerprint import fingerprint
from site_builder.core.problems import InputError, Problem
from site_builder.core.slug import collation_key
from site_builder.core.urls import (
    DEFAULT_SITE_URL,
    SiteUrls,
    base_url,
    configured_address,
    is_preview_address,
    placeholder_problem,
)
from site_builder.derive.cards import illustration_cards, site_card
from site_builder.derive.index import LEVEL_ORDER
from site_builder.derive.project import Project, check_project
from site_builder.engine.context import BuildContext, BuildOptions, Incremental
from site_builder.engine.deps import LanguageRecord, Record, inputs_of, plan_build, record_path, site_identity
from site_builder.inputs.siteconfig import unit_urls
from site_builder.model import Unit
from site_builder.output.cards import write_cards
from site_builder.output.exports import write_exports
from site_builder.output.images import ImageStats, write_images
from site_builder.output.precompress import precompress
from site_builder.output.publish import write_root_files, write_units_index
from site_builder.output.searchindex import refold
from site_builder.output.trees import link_tree, remove_tree
from site_builder.output.writer import Writer

# Material 9.8's end-of-life banner is printed only under the ``mkdocs`` command, never
# under ``python -m site_builder``; the kit's own notice (engine.version_notice, printed by
# the build command) says when the runner installed is not the pinned one (docs/engine.md).


class BuildError(Exception):
    """A language build failed; the message says which and why."""


class AddressError(BuildError):
    """A build for publishing (``--strict``) without a published address; nothing was
    written. The message is in Vietnamese, then English on an indented line."""


class OutputError(BuildError):
    """The output folder is not one the build may write or replace; nothing was written
    or deleted. The message is in Vietnamese, then English on an indented line."""


MARKER = ".asean-build"
"""The file that marks a folder as this kit's output: the only kind of folder a build
deletes and replaces."""
MARKER_TEXT = (
    "Thư mục này do bộ công cụ Chuyên mục ASEAN dựng; lần dựng sau sẽ xóa và thay toàn bộ nó. / "
    "This folder was built by the ASEAN section kit; the next build deletes and replaces all of it.\n"
)
SOURCES = (
    "content", "plans", "theme", "site_builder", ".git", "tests", "docs", "schemas", "tools", "bench",
    ".ci", ".venv", ".github", ".vscode", "node_modules", "mkdocs.yml", "pyproject.toml",
    "requirements.lock", "Makefile", "README.md", "babel.cfg",
)
"""What a project holds besides its output: inputs, code, history, tools. The output
folder may be none of them, nor inside one, nor hold one."""


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


PREVIEW_TARGETS = (
    "mã nhúng và tài liệu oEmbed (embed/), liên kết canonical và hreflang cùng thẻ xem trước liên kết (og:, twitter:) "
    "của mọi trang, sitemap.xml và "
    "robots.txt, bản tin Atom (feed.xml, feeds/) và các liên kết trong API (api/v1/)",
    "the embed codes and oEmbed documents (embed/), every page's canonical and hreflang links and link-preview tags "
    "(og:, twitter:), sitemap.xml "
    "and robots.txt, the Atom feeds (feed.xml, feeds/) and the links in the API (api/v1/)",
)
"""Where a build writes the site's full address (checked against a build by the tests)."""


def address_problem(base: str) -> tuple[str, str] | None:
    """Why the address ``base`` cannot be published, in Vietnamese and in English, or
    ``None`` when it can. Such an address (none given, one of this computer, or not a
    full web address) is written into embed codes, feeds and the API, which then lead
    nowhere once the folder is copied to a real host; a preview is the one use for it."""
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return (f"SITE_URL '{base}' không phải một địa chỉ web đầy đủ (https://…)",
                f"SITE_URL '{base}' is not a full web address (https://…)")
    if base == DEFAULT_SITE_URL:
        return (f"chưa đặt SITE_URL nên trang dùng địa chỉ xem thử {base}",
                f"SITE_URL is not set, so the site uses the preview address {base}")
    if is_preview_address(base):
        return (f"SITE_URL {base} là một địa chỉ chỉ có trên máy này",
                f"SITE_URL {base} is an address of this computer only")
    return None


EXAMPLE_URL = "https://<portal-domain>/asean/"
"""The address in the messages' example command: a template to fill in, since a real-looking
example host (``example.gov.vn``) would itself be refused as a placeholder."""


def preview_warning(base: str) -> str | None:
    """The warning a build for ``base`` prints when that address cannot be published."""
    problem = address_problem(base)
    if problem is None:
        return None
    vi, en = problem
    return (
        f"CẢNH BÁO: {vi}. Địa chỉ này được ghi vào {PREVIEW_TARGETS[0]}: chép bản dựng này lên máy chủ thật "
        "thì các liên kết đó không dẫn tới đâu. Chỉ dùng nó để xem trên máy; trước khi đăng, hãy dựng lại: "
        f"SITE_URL={EXAMPLE_URL} python -m site_builder build --strict\n"
        f"    WARNING: {en}. That address is written into {PREVIEW_TARGETS[1]}: copied to a real server, "
        "those links lead nowhere. Use this build for a preview only; before publishing, build again: "
        f"SITE_URL={EXAMPLE_URL} python -m site_builder build --strict"
    )


def require_address(base: str) -> None:
    """Refuse, before anything is written, a build for publishing whose address is not one,
    or is the placeholder of an example (:func:`site_builder.core.urls.placeholder_problem`)."""
    problem = address_problem(base) or placeholder_problem(base)
    if problem is not None:
        vi, en = problem
        raise AddressError(
            f"bản dựng để đăng (--strict) cần địa chỉ công bố: {vi}, và địa chỉ đó sẽ nằm trong {PREVIEW_TARGETS[0]}. "
            f"Hãy đặt SITE_URL (ví dụ SITE_URL={EXAMPLE_URL}) hoặc --site-url\n"
            f"    a build for publishing (--strict) needs the published address: {en}, and that address would be "
            f"in {PREVIEW_TARGETS[1]}. Set SITE_URL (for example SITE_URL={EXAMPLE_URL}) or --site-url"
        )


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


def _within(inner: Path, outer: Path) -> bool:
    """``inner`` is ``outer`` or inside it, by name or, where both exist, by the file
    system itself (a case-insensitive file system, a bind mount or a second path to the
    same folder does not slip through)."""
    if inner == outer or outer in inner.parents:
        return True
    try:
        target = os.stat(outer)
    except OSError:
        return False
    for folder in (inner, *inner.parents):
        try:
            st = os.stat(folder)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            return True
    return False


def _refuse(vi: str, en: str) -> OutputError:
    return OutputError(f"{vi}\n    {en}")


def check_output(root: Path, site_dir: Path) -> None:
    """Refuse an output folder the build must not write or replace, before anything is
    written or deleted (both paths already resolved).

    The build replaces its output folder whole, so a wrong ``--site-dir`` (``.``,
    ``content``, a home folder) would delete what is there. It may therefore not be the
    project, hold it, or be or sit inside its sources (:data:`SOURCES`, and this
    package wherever it is installed); and an existing folder that is not empty must
    carry the marker of an earlier build (:data:`MARKER`).
    """
    if _within(root, site_dir):
        raise _refuse(
            f"thư mục đích {site_dir} là thư mục dự án hoặc chứa nó ({root}): dựng vào đó sẽ xóa mã nguồn",
            f"the output folder {site_dir} is the project folder or contains it ({root}): "
            "building there would delete the sources",
        )
    sources = [root / name for name in SOURCES] + [PACKAGE_DIR]
    for source in sources:
        if _within(site_dir, source) or _within(source, site_dir):
            raise _refuse(
                f"thư mục đích {site_dir} trùng, chứa hoặc nằm trong {source} (mã nguồn hoặc dữ liệu đầu vào "
                "của dự án): hãy chọn thư mục khác, ví dụ site/",
                f"the output folder {site_dir} is, contains or sits inside {source} (the project's sources "
                "or inputs): choose another folder, for example site/",
            )
    if os.path.lexists(site_dir) and not site_dir.is_dir():
        raise _refuse(
            f"{site_dir} là một tệp, không phải thư mục: hãy chọn thư mục khác",
            f"{site_dir} is a file, not a folder: choose another folder",
        )
    if site_dir.is_dir() and not (site_dir / MARKER).is_file() and any(site_dir.iterdir()):
        raise _refuse(
            f"thư mục đích {site_dir} đã có nội dung không do bộ công cụ này dựng (không có tệp {MARKER}), "
            "nên sẽ không bị xóa: hãy tự xóa thư mục đó hoặc chọn thư mục khác bằng --site-dir",
            f"the output folder {site_dir} holds files this kit did not build (no {MARKER} file), "
            "so it will not be deleted: remove that folder yourself or choose another one with --site-dir",
        )


def _leftover(site_dir: Path, kind: str) -> Path:
    """This build's staging (new site) or old (previous site) folder, beside ``site_dir``."""
    return site_dir.parent / f".{site_dir.name}-{kind}-{os.getpid()}"


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (its staging folder is then left alone)."""
    if pid <= 0 or pid == os.getpid():
        return False  # never a real build; our own pid: a leftover of an earlier process
    if os.name == "nt":
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, run by someone else
    return True


def _alive_windows(pid: int) -> bool:
    """Windows has no signal 0 (``os.kill`` would end the process): ask for its exit code."""
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.argtypes = [ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
    kernel32.OpenProcess.restype = ctypes.c_void_p
    kernel32.GetExitCodeProcess.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_ulong)]
    kernel32.CloseHandle.argtypes = [ctypes.c_void_p]
    handle = kernel32.OpenProcess(0x1000, 0, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it exists
    try:
        code = ctypes.c_ulong()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _clean_stale(site_dir: Path) -> None:
    """Remove what killed builds left beside ``site_dir``: ``.<name>-staging-<pid>`` and
    ``.<name>-old-<pid>`` folders whose process no longer runs. One exception: when
    ``site_dir`` is missing, the two-rename swap was killed between its renames, and the
    old folder is the previous complete site: it is put back."""
    pattern = re.compile(re.escape(f".{site_dir.name}-") + r"(staging|old)-([0-9]{1,10})")
    if not site_dir.parent.is_dir():
        return
    for path in sorted(site_dir.parent.iterdir()):
        match = pattern.fullmatch(path.name)
        if match is None or _alive(int(match[2])):
            continue
        if match[1] == "old" and not os.path.lexists(site_dir) and (path / MARKER).is_file():
            _rename(path, site_dir)
        else:
            _remove(path)


def _remove(path: Path) -> None:
    """Delete a folder of ours; a symbolic link is unlinked, never followed. What cannot be
    deleted now is left for the next build's :func:`_clean_stale`."""
    remove_tree(path)


def _rename(source: Path, target: Path) -> None:
    os.rename(source, target)


def _write_marker(folder: Path) -> None:
    Writer(folder).text(MARKER, MARKER_TEXT, "build marker")


def _staging(site_dir: Path) -> Path:
    staging = _leftover(site_dir, "staging")
    if os.path.lexists(staging):
        _remove(staging)
    staging.mkdir(parents=True)
    _write_marker(staging)
    return staging


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """Linux's ``renameat2`` from the C library (glibc 2.28 and later), or ``None``."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (``renameat2(RENAME_EXCHANGE)``): ``False``, with
    nothing changed, where the C library, the kernel or the file system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _publish(staging: Path, site_dir: Path) -> None:
    """Put the new site in place in one atomic step, then delete the previous one.

    When ``site_dir`` does not exist, one rename is atomic. When it does, on Linux,
    ``renameat2(RENAME_EXCHANGE)`` swaps the two folders in one step: at every instant
    ``site_dir`` is the complete old site or the complete new one, and a kill after the
    swap leaves the old site under the staging name for the next build to delete.

    Only where that call is missing (macOS, Windows, a Linux file system without it) two
    renames are used, ``site_dir`` to ``.<name>-old-<pid>`` and the staging folder to
    ``site_dir``: between them there is no ``site_dir`` for an instant, and a build
    killed right there leaves the old site aside, which the next build puts back first
    (:func:`_clean_stale`).
    """
    if not os.path.lexists(site_dir):
        _rename(staging, site_dir)
        return
    if _exchange(staging, site_dir):
        _remove(staging)  # now the previous site
        return
    old = _leftover(site_dir, "old")
    _rename(site_dir, old)
    try:
        _rename(staging, site_dir)
    except BaseException:
        _rename(old, site_dir)
        raise
    _remove(old)


@contextmanager
def _staged(root: Path, site_dir: Path, compress: bool) -> Iterator[Path]:
    """A staging folder beside ``site_dir``, swapped in only if the block succeeds; on any
    failure (an exception, Ctrl-C) it is removed and ``site_dir`` stays as it was.

    The output folder is checked before anything is written, and again just before the
    swap: a build takes minutes, and someone may have put files there meanwhile. What
    killed builds left beside it is removed first.
    """
    check_output(root, site_dir)
    _clean_stale(site_dir)
    staging = _staging(site_dir)
    try:
        yield staging
        if compress:
            precompress(staging)
        check_output(root, site_dir)
        _publish(staging, site_dir)
    except BaseException:
        _remove(staging)
        raise


def unit_base(project: Project, unit: str | None, site_url: str | None) -> str:
    """The address of a unit's build: ``--site-url``, ``SITE_URL``, the unit's address in
    ``mkdocs.yml`` (maintainers only; never ``plans/units.yaml``, which every editor can
    change), or local (a preview build)."""
    if configured_address(site_url) is None and unit:
        try:
            address = unit_urls(project.root).get(unit)
        except ValueError as exc:
            raise InputError([Problem("mkdocs.yml", 0, 0, "plugins.asean.unit_urls", str(exc), str(exc))]) from None
        if address:
            return base_url(address)
    return base_url(site_url)


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
    with _staged(root, site_dir, context.compress) as staging:
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
    level and the provinces and cities of today (in Vietnamese alphabetical order), then,
    when asked, the former units, whose plans and pages the units of today already carry."""
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
    with _staged(root, site_dir, national.compress) as staging, \
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
