"""ASEAN section kit: turns plan data and bilingual articles into a static site.

The core (loading, validation, the model, page and export generation) never imports
MkDocs, so that it survives a move to another static site engine; the MkDocs
integration lives in :mod:`site_builder.mkdocs_plugin` only.
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("vi", "en")
"""The site's languages, source language first: Vietnamese is the language of record."""

__all__ = ["LANGUAGES"]
