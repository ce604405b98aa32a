"""What the generated pages and widgets are made from, as a type.

:class:`site_builder.derive.project.Project` holds the checked input and computes, on
first use, the index, the news lists and the generated pages; the page generators
(:mod:`.pages`, :mod:`.embeds`) read the first two. They take this protocol rather than
the project itself so that the project may import them without an import circle.
"""

from __future__ import annotations

from typing import Protocol

from site_builder.derive.index import SiteIndex
from site_builder.derive.newsroom import Newsroom
from site_builder.inputs.content_tree import ContentSet


class Basis(Protocol):
    """The checked content, the cross-reference index and each language's news lists."""

    @property
    def index(self) -> SiteIndex: ...

    @property
    def content(self) -> ContentSet: ...

    def newsroom(self, lang: str) -> Newsroom: ...
