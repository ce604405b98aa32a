"""What a page read while it rendered, as keys: the incremental build's dependencies.

A page's context records what it read (:class:`site_builder.render.view.SiteView`); the
build record (:mod:`site_builder.engine.deps`) keeps those keys and rebuilds a page when
what a key names has changed. The keys are plain strings made here, in the lowest layer,
so that rendering records them without depending on the engine that keeps the record.
"""

from __future__ import annotations


def listing(lang: str) -> str:
    """The dependency on every content page of ``lang`` (a list of them was read)."""
    return f"listing:{lang}"


def texts(lang: str) -> str:
    """The dependency on the text (Markdown body) of every content page of ``lang``."""
    return f"texts:{lang}"


def page_key(lang: str, src_uri: str) -> str:
    """The dependency on one content page."""
    return f"page:{lang}/{src_uri}"
