"""ASEAN section kit: turns plan data and bilingual articles into a static site.

The core (loading, validation, the model, page and export generation) never imports
MkDocs, so that it survives a move to another static site engine; the MkDocs
integration lives in :mod:`site_builder.engine.mkdocs_plugin` only.
"""

from __future__ import annotations

from pathlib import Path

LANGUAGES: tuple[str, ...] = ("vi", "en")
"""The site's languages, source language first: Vietnamese is the language of record."""

PACKAGE_DIR = Path(__file__).resolve().parent
"""This package's folder: its code, interface catalogues (``locale/``) and root files
(``static/``) are read from here, whichever subpackage asks."""

__all__ = ["LANGUAGES", "PACKAGE_DIR"]
