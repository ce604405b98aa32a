"""A Python-Markdown extension of the site: table alignment as classes, not styles.

The ``tables`` extension aligns a column (``|:--|--:|``) with ``style="text-align:…"``
on every cell. The site's Content-Security-Policy forbids inline styles and the
sanitiser removes them, so the alignment is turned into a class
(``asean-align-left|center|right``) that the theme's stylesheet defines.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_ALIGN = re.compile(r"^\s*text-align:\s*(left|center|right);?\s*$")


class _AlignClasses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for cell in root.iter():
            if cell.tag not in ("th", "td"):
                continue
            match = _ALIGN.match(cell.get("style", ""))
            if match:
                del cell.attrib["style"]
                classes = [c for c in (cell.get("class") or "").split() if c]
                cell.set("class", " ".join([*classes, f"asean-align-{match.group(1)}"]))


class TableAlignClasses(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After the block parser (tables), before inline processing matters.
        md.treeprocessors.register(_AlignClasses(md), "asean_align_classes", 5)


def makeExtension(**kwargs: object) -> TableAlignClasses:  # noqa: N802 - Python-Markdown's entry point
    return TableAlignClasses(**kwargs)
