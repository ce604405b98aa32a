"""The one way a build writes its own files (exports, root files, pictures) into its folder.

Each file of a site is written once: two steps writing the same path would mean one of
them silently loses its output (Pelican refuses it the same way), so a second write is
an error naming both writers. Paths are relative and stay inside the folder.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath


class DuplicateOutput(Exception):
    """Two steps of one build wrote the same file."""


class Writer:
    """Writes files below ``root``, each path once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: dict[str, str] = {}
        """Path written → the step that wrote it."""

    def path(self, rel: str, by: str = "") -> Path:
        """Claim ``rel`` for step ``by`` and return where to write it (folders created)."""
        pure = PurePosixPath(rel)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts:
            raise ValueError(f"not a path inside the site: {rel!r}")
        key = pure.as_posix()
        if key in self.written:
            raise DuplicateOutput(f"{key} written twice: by {self.written[key] or 'a step'} and {by or 'a step'}")
        self.written[key] = by
        target = self.root / key
        target.parent.mkdir(parents=True, exist_ok=True)
        # An incremental build starts from hard links to the previous site's files:
        # writing through one would change the published site before the swap.
        target.unlink(missing_ok=True)
        return target

    def text(self, rel: str, text: str, by: str = "") -> Path:
        target = self.path(rel, by)
        target.write_text(text, encoding="utf-8")
        return target

    def bytes(self, rel: str, data: bytes, by: str = "") -> Path:
        target = self.path(rel, by)
        target.write_bytes(data)
        return target
