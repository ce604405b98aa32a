"""The site's Python-Markdown extension: table alignment as classes, and code blocks in steps.

* The ``tables`` extension aligns a column (``|:--|--:|``) with ``style="text-align:…"``
  on every cell. The site's Content-Security-Policy forbids inline styles and the
  sanitiser removes them, so the alignment is turned into a class
  (``asean-align-left|center|right``) that the theme's stylesheet defines.
* Python-Markdown's ``fenced_code`` (which MkDocs always adds) reads a fenced block only at
  the left margin: inside a numbered step of the editors' guide (indented four spaces) it
  came out as inline text ("sh python -m …"). ``pymdownx.superfences`` (pymdown-extensions,
  already installed with Material) reads fences at any depth; ``pymdownx.highlight`` with
  Pygments off and no class of its own writes them as ``<pre><code class="language-sh">``,
  the same plain block ``fenced_code`` writes, with nothing new for the sanitiser to weigh. Registered here,
  so ``mkdocs.yml``, the page checks (:mod:`.markup_check`) and the preview all get them by
  naming this one extension.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.highlight import HighlightExtension
from pymdownx.superfences import SuperFencesCodeExtension

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
        # Fenced code at any depth (a step's command), as plain <pre><code> blocks.
        md.registerExtensions([HighlightExtension(use_pygments=False, css_class=""), SuperFencesCodeExtension()], {})


def makeExtension(**kwargs: object) -> TableAlignClasses:  # noqa: N802 - Python-Markdown's entry point
    return TableAlignClasses(**kwargs)
