"""The one place that drives MkDocs: build one language of the site.

Kept apart from :mod:`site_builder.build` so that the build's orchestration (data
check, parallel languages, search index, atomic swap) does not depend on MkDocs, and
a move to another engine replaces this module only.
"""

from __future__ import annotations

import logging
from pathlib import Path


class EngineError(Exception):
    """MkDocs refused to build; the message holds everything it logged at warning level or above."""


class _Collect(logging.Handler):
    """Counts MkDocs warnings so that a strict build can fail with all of them listed."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_language(
    root: Path, lang: str, out_dir: Path, site_url: str | None, strict: bool, unit: str | None = None
) -> list[str]:
    """Build ``content/<lang>`` into ``out_dir``; return MkDocs' warnings (empty when clean).

    Raises :class:`EngineError` with MkDocs' own messages when the build fails.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    overrides: dict[str, object] = {
        "docs_dir": str(root / "content" / lang),
        "site_dir": str(out_dir),
        "strict": strict,
    }
    if site_url is not None:
        overrides["site_url"] = site_url
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        try:
            config = load_config(str(root / "mkdocs.yml"), **overrides)
            config.plugins["asean"].config["unit"] = unit
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, SystemExit) as exc:
            raise EngineError("\n".join([*handler.messages, str(exc)])) from None
    finally:
        logger.removeHandler(handler)
    return handler.messages
