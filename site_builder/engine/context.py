"""One build's context: what was checked, where it will be published, for which unit, how.

A build is made of steps in several layers and processes: the orchestration
(:mod:`site_builder.apps.build`), one MkDocs run per language in a worker process
(:mod:`.mkdocs_build`), the plugin inside it (:mod:`.mkdocs_plugin`) and the page
contexts it computes. Each needs the same few facts: the checked project, the site's
address, the unit the section is branded for, whether the build is strict, the editors'
workshop or incremental. They travel together, in one frozen object made once in
:func:`site_builder.apps.build.build_site` (or, when MkDocs is run on its own, from the
plugin's options in ``on_config``), so that no step reads them from anywhere else: not
from ``mkdocs.yml``, not from the environment, not from a plugin's mutated config.

The fingerprint of incremental builds is derived from it (:meth:`BuildContext.key`):
anything that changes the output is in the context, and so in the fingerprint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TypedDict

from site_builder.core.i18n import translations
from site_builder.core.urls import SiteUrls
from site_builder.derive.project import Project
from site_builder.engine.deps import LanguageRecord, Record
from site_builder.render.view import SiteView


class BuildOptions(TypedDict, total=False):
    """What the person or pipeline that starts a build chooses (the command line's flags)."""

    site_url: str | None
    """The published address (``--site-url``; else ``SITE_URL``, a unit's address in
    ``mkdocs.yml``, or the local preview address)."""
    strict: bool
    """Warnings in the data count as errors, as MkDocs' strict mode (default on)."""
    jobs: int | None
    """How many processes may work at once (none: 2, the two languages; one per core for
    every unit's section)."""
    unit: str | None
    """The unit the section is branded for; none: the national section."""
    compress: bool
    """Write precompressed copies (``.gz``, ``.br``) beside the text files."""
    publishing: bool
    """A build for publishing (``build --strict``): a real address, no example records."""
    incremental: bool
    """Render again only the pages whose inputs changed, when the record allows."""
    workshop: bool
    """The editors' preview: notes, file names and the guide are shown."""


@dataclass(frozen=True)
class Incremental:
    """What an incremental build starts from: the pages to render again per language, the
    previous build's record, and the previous site (whose unchanged files are linked)."""

    dirty: dict[str, set[str]]
    record: Record
    site_dir: Path

    def language(self, lang: str) -> LanguageIncrement:
        return LanguageIncrement(self.dirty[lang], self.record.languages[lang], self.site_dir / lang)


@dataclass(frozen=True)
class LanguageIncrement:
    """One language's part of an incremental build, as the plugin uses it."""

    dirty: set[str]
    """The pages (source paths) to render again; the others are linked from ``previous_dir``."""
    previous: LanguageRecord
    previous_dir: Path


@dataclass(frozen=True)
class BuildContext:
    """Everything a build's steps share; made once, never changed (a frozen dataclass that
    worker processes receive whole, the checked project with it)."""

    project: Project
    site: SiteUrls
    """Every published address of the build is made from this one object."""
    unit: str | None = None
    strict: bool = True
    jobs: int = 1
    workshop: bool = False
    compress: bool = False
    publishing: bool = False
    incremental: Incremental | None = None

    @property
    def root(self) -> Path:
        return self.project.root

    def key(self) -> dict[str, object]:
        """What of this context decides the output's bytes, for the build's fingerprint
        (:func:`site_builder.core.fingerprint.fingerprint`)."""
        return {"base": self.site.base, "strict": self.strict, "unit": self.unit, "compress": self.compress,
                "publishing": self.publishing, "workshop": self.workshop}

    def language(self, lang: str) -> LanguageContext:
        """The part of the build that renders ``lang``."""
        return LanguageContext(self, lang)


@dataclass(frozen=True)
class LanguageContext:
    """One language of a build: its interface strings and, for its pages, the view
    templates read (:class:`site_builder.render.view.SiteView`)."""

    build: BuildContext
    lang: str

    @cached_property
    def gettext(self) -> Callable[[str], str]:
        return translations(self.lang).gettext

    @property
    def increment(self) -> LanguageIncrement | None:
        """What this language reuses from the previous build; none: a clean build."""
        incremental = self.build.incremental
        return incremental.language(self.lang) if incremental is not None else None

    def view(self) -> SiteView:
        """A new view for this language's pages (it records what each page reads)."""
        build = self.build
        return SiteView(build.project, self.lang, build.unit, build.site, workshop=build.workshop)
