"""``check --links``: every address of another site that content and data point to.

Offline on purpose: it lists, it does not fetch. Editors review the list (a source that
moved, a link to an unofficial page) without the build depending on other sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

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
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".md", ".yaml") or not path.is_file():
                continue
            rel = path.relative_to(root).as_posix()
            for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                if line.lstrip().startswith("# yaml-language-server:"):
                    continue
                for match in URL.finditer(line):
                    found.append(ExternalLink(rel, number, match.group(0).rstrip(".,;:")))
    return sorted(found)
