"""The one place that drives MkDocs: build one language of the site.

Kept apart from :mod:`site_builder.apps.build` so that the build's orchestration (data
check, parallel languages, search index, atomic swap) does not depend on MkDocs, and
a move to another engine replaces this module only.
"""

from __future__ import annotations

import logging
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from site_builder.engine.context import BuildContext
    from site_builder.engine.deps import LanguageRecord
    from site_builder.engine.mkdocs_plugin import AseanPlugin
    from site_builder.inputs.content_tree import ContentPage

ENGINES = ("mkdocs", "properdocs")
"""The runners that build the site: MkDocs 1.6 (the default) and ProperDocs, its
community continuation, which runs the same plugin and Material theme
(docs/engine.md)."""
ENGINE_VARIABLE = "ASEAN_ENGINE"
"""The environment setting that chooses the runner (``--engine`` sets it), so that the
build's worker processes use the same one."""
PINNED = {"mkdocs": "1.6.1", "properdocs": "1.6.7"}
"""The versions requirements.lock pins (tests/test_deps_pin.py keeps the two in step)."""


class EngineError(Exception):
    """MkDocs refused to build (the message holds everything it logged at warning level or
    above), or the runner asked for cannot run in this process (the message says why)."""


def engine_name() -> str:
    """The runner chosen by ``ASEAN_ENGINE`` (default ``mkdocs``); an unknown name is an
    error rather than a silent fall-back, so a pipeline never builds with the wrong one."""
    name = os.environ.get(ENGINE_VARIABLE, "").strip().lower() or "mkdocs"
    if name not in ENGINES:
        raise EngineError(f"{ENGINE_VARIABLE}={name!r}: not one of {', '.join(ENGINES)} (docs/engine.md)")
    return name


def use_engine(name: str | None = None) -> str:
    """Make ``name`` (default: ``ASEAN_ENGINE``) the runner of this process and its workers.

    ProperDocs runs MkDocs plugins and themes by answering their ``import mkdocs...``
    with its own modules (``properdocs.replacement``): that must happen before anything
    imports MkDocs, and cannot be undone in the same process. So a process that has
    already loaded MkDocs itself cannot switch; it gets an :class:`EngineError`."""
    if name is None:
        name = engine_name()
    elif name not in ENGINES:
        raise EngineError(f"{name!r}: not one of {', '.join(ENGINES)} (docs/engine.md)")
    loaded = sys.modules.get("mkdocs")
    if name == "properdocs":
        if loaded is not None and loaded.__name__ != "properdocs":
            raise EngineError("MkDocs is already loaded in this process; ProperDocs needs a fresh one (docs/engine.md)")
        try:
            import properdocs.replacement  # noqa: F401  (redirects every mkdocs.* import to properdocs.*)
        except ImportError:
            raise EngineError("ProperDocs is not installed: make test installs it (docs/engine.md)") from None
    elif loaded is not None and loaded.__name__ == "properdocs":
        raise EngineError("ProperDocs already stands in for MkDocs in this process (docs/engine.md)")
    if os.environ.get(ENGINE_VARIABLE, "mkdocs") != name:
        os.environ[ENGINE_VARIABLE] = name  # the build's worker processes inherit it
    return name


def version_notice(name: str | None = None) -> str:
    """One line when the runner installed is not the version requirements.lock pins (a
    MkDocs 2 pulled in by another requirement, say), pointing at docs/engine.md; empty
    otherwise. It replaces Material's banner, which the kit never shows."""
    name = name or engine_name()
    try:
        found = version(name)
    except PackageNotFoundError:
        found = "none"
    if found == PINNED[name]:
        return ""
    return (f"{name} {found} được cài, bộ công cụ dùng {PINNED[name]}: xem docs/engine.md / "
            f"{name} {found} is installed, the kit pins {PINNED[name]}: see docs/engine.md")


class MkDocsEngine:
    """The one adapter behind :class:`site_builder.engine.seam.Engine` today: MkDocs 1.6,
    or ProperDocs standing in for it (``use_engine``), with the plugin
    :mod:`site_builder.engine.mkdocs_plugin` handing it the core's pages and files."""

    @property
    def name(self) -> str:
        return engine_name()

    def build_language(self, context: BuildContext, lang: str, out_dir: Path) -> list[str]:
        return build_language(context, lang, out_dir)


class _Collect(logging.Handler):
    """Counts MkDocs warnings so that a strict build can fail with all of them listed."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _NotDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation and links stale. An
    incremental build renders, from its dependency record, every page whose inputs
    changed (:mod:`site_builder.engine.deps`) and links the others, so that warning does not
    apply; in a strict build it would otherwise fail the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def build_language(
    context: BuildContext, lang: str, out_dir: Path, record: list[LanguageRecord] | None = None,
) -> list[str]:
    """Build ``content/<lang>`` into ``out_dir`` for the build ``context`` describes; return
    MkDocs' warnings (empty when clean).

    The plugin receives the context whole before MkDocs' first event: the checked project
    (the build checks once), the address, the unit, the workshop flag and, in an
    incremental build, the pages to render again (the others are linked from the previous
    site). ``record``, when given, receives what each page read
    (:class:`site_builder.engine.deps.LanguageRecord`).

    Raises :class:`EngineError` with MkDocs' own messages when the build fails.
    """
    return run_mkdocs(context.root, lang, out_dir, context, record)


def run_mkdocs(
    root: Path, lang: str, out_dir: Path, context: BuildContext | None = None,
    record: list[LanguageRecord] | None = None,
) -> list[str]:
    """MkDocs on ``content/<lang>`` with the plugin given ``context``; without one, as
    ``mkdocs build`` runs it on its own: the plugin checks the project and reads the unit
    and address from its options, and the build is strict."""
    use_engine()  # a worker process started afresh picks up the runner chosen for the build
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    dirty = context is not None and context.incremental is not None
    overrides: dict[str, Any] = {
        "docs_dir": str(root / "content" / lang),
        "site_dir": str(out_dir),
        "strict": context.strict if context is not None else True,
    }
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        try:
            config = load_config(str(root / "mkdocs.yml"), **overrides)
            plugin = cast("AseanPlugin", config.plugins["asean"])
            plugin.context = context
            config.plugins.on_startup(command="build", dirty=dirty)
            quiet = _NotDirtyWarning()
            logging.getLogger("mkdocs.commands.build").addFilter(quiet)
            try:
                build(config, dirty=dirty)
            finally:
                logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
                config.plugins.on_shutdown()
            if record is not None:
                plugin.record.clean = not handler.messages
                record.append(plugin.record)
        except (MkDocsException, SystemExit) as exc:
            raise EngineError("\n".join([*handler.messages, str(exc)])) from None
    finally:
        logger.removeHandler(handler)
    return handler.messages


class LivePages:
    """One language held in memory so that the preview re-renders a single page.

    The full build takes tens of seconds on a national-scale corpus; an editor changing
    the text of one article needs only that article's page again. This keeps MkDocs'
    configuration, file list, navigation and template environment from one setup and
    renders the pages it is asked for into the preview folder, through the same MkDocs
    steps (and plugin events) as a full build: ``mkdocs.commands.build``'s per-page
    functions, private but stable across MkDocs 1.x and pinned in ``requirements.lock``.
    Whatever else a change may affect (lists, feeds, the search index) is left to the
    full rebuild that the preview runs next.
    """

    def __init__(self, context: BuildContext, lang: str, out_dir: Path) -> None:
        use_engine()
        root = context.root
        from mkdocs.config import load_config
        from mkdocs.structure.files import get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page

        config = load_config(
            str(root / "mkdocs.yml"), docs_dir=str(root / "content" / lang), site_dir=str(out_dir), strict=False,
        )
        self.plugin = cast("AseanPlugin", config.plugins["asean"])
        self.plugin.context = context  # the preview's: the editors' workshop
        config.plugins.on_startup(command="serve", dirty=True)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        env = config.theme.get_env()
        files = get_files(config)
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        self.nav = config.plugins.on_nav(nav, config=config, files=files)
        for file in files.documentation_pages():
            if file.page is None:
                Page(None, file, config)
        self.env = config.plugins.on_env(env, config=config, files=files)
        self.config = config
        self.files = files
        self.docs = Path(config.docs_dir)
        # Compile the templates now (half a second) rather than on the editor's first save.
        home = context.project.content.pages.get((lang, "index.md"))
        if home is not None:
            self.render(home)

    def owns(self, path: Path) -> bool:
        """Whether ``path`` is a Markdown page this language already has."""
        try:
            rel = path.resolve().relative_to(self.docs.resolve()).as_posix()
        except ValueError:
            return False
        file = self.files.get_file_from_path(rel)
        return file is not None and file.page is not None and not file.generated_by

    def render(self, page: ContentPage) -> None:
        """Convert and write one page, as just checked, into the preview."""
        from mkdocs.commands.build import _build_page, _populate_page

        file = self.files.get_file_from_path(page.rel)
        assert file is not None and file.page is not None
        self.plugin.sources[page.rel] = (page.data, page.body)
        _populate_page(file.page, self.config, self.files)
        _build_page(file.page, self.config, self.files.documentation_pages(), self.nav, self.env)

    def close(self) -> None:
        self.config.plugins.on_shutdown()
