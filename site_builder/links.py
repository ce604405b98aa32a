"""``check --links``: every address of another site that content and data point to.

Offline on purpose: it lists, it does not fetch. Editors review the list (a source that
moved, a link to an unofficial page) without the build depending on other sites.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .inputs import walk

URL = re.compile(r"https?://[A-Za-z0-9][^\s\"'<>()\[\]{}`]*")


@dataclass(frozen=True, order=True)
class ExternalLink:
    file: str
    line: int
    url: str

    def format(self) -> str:
        return f"{self.file}:{self.line}: {self.url}"


def external_links(root: Path) -> list[ExternalLink]:
    """Every http(s) address in ``content/`` and ``plans/``, with file and line, sorted."""
    found = []
    for folder in ("content", "plans"):
        for rel, info in walk(root, folder):  # links are not followed (``check`` refuses them)
            if not rel.endswith((".md", ".yaml")) or not stat.S_ISREG(info.st_mode):
                continue
            text = (root / rel).read_bytes().decode("utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), 1):
                if line.lstrip().startswith("# yaml-language-server:"):
                    continue
                for match in URL.finditer(line):
                    found.append(ExternalLink(rel, number, match.group(0).rstrip(".,;:")))
    return sorted(found)
