"""The seam between the kit's core and the engine that renders it, written down as types.

The core (checking, the model, the generated pages, the contexts, the exports, the
search index) imports no engine. What it hands an engine for one language is small:

* pages, each a template name and the data its template reads (the page's metadata and
  Markdown body; the context computed for it when it renders);
* files to publish as they are (the checked media, the unit's stylesheet, the photos
  at fresh pixels).

MkDocs (or ProperDocs standing in for it) is the one implementation today:
:class:`site_builder.engine.mkdocs_build.MkDocsEngine`, with :mod:`site_builder.engine.mkdocs_plugin`
feeding it these pages and files through MkDocs' events. A second adapter (Zensical,
or a Jinja renderer of our own) implements :class:`Engine` from the same inputs;
docs/engine.md lists what that would take, from the Zensical spike in ``bench/``.

This module must import no engine: tests/test_engines.py checks that it loads without
MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from site_builder.engine.context import BuildContext


@runtime_checkable
class PageToRender(Protocol):
    """One page the core asks for: where it goes, which template, what it says.

    :class:`site_builder.derive.pages.PageSpec` (a generated page) is one; a Markdown page of
    ``content/`` gives the same through its checked front matter and body."""

    @property
    def src_uri(self) -> str:
        """The page's source path below the language root (``plans/soc-trang-2022/index.md``);
        its address follows from it (:mod:`site_builder.core.urls`)."""
        ...

    def meta(self) -> dict[str, Any]:
        """The page's metadata as its template reads it (``page.meta``), ``template`` included."""
        ...

    def body(self) -> str:
        """The page's Markdown, rendered with the kit's extensions (:mod:`site_builder.render.markdown_ext`)."""
        ...


@runtime_checkable
class ContextSource(Protocol):
    """What a template sees beyond the page itself, computed by the core when the page
    renders (:func:`site_builder.render.contexts.page_context` and the portal's context)."""

    def __call__(self, src_uri: str | None, meta: Mapping[str, Any], record: Any) -> dict[str, Any]: ...


@runtime_checkable
class Engine(Protocol):
    """A runner that turns one language's pages and files into a folder of HTML.

    It renders every page with the kit's theme (``theme/`` over Material's templates),
    autoescaping, the gettext translations and the template API installed, passes every
    body through the sanitiser, copies the files, and returns its warnings (a strict
    build raises :class:`site_builder.engine.mkdocs_build.EngineError` instead)."""

    @property
    def name(self) -> str:
        """The runner's name as ``--engine`` takes it."""
        ...

    def build_language(self, context: BuildContext, lang: str, out_dir: Path) -> list[str]:
        """``content/<lang>`` into ``out_dir`` for the build ``context`` describes (its
        checked project, address, unit and options); returns the warnings."""
        ...

