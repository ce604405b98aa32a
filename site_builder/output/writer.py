"""The one way a build writes its own files (exports, root files, pictures, the search
index's post-processing, precompressed copies, the marker) into its folder.

Each file of a site is written once: two steps writing the same path would mean one of
them silently loses its output (Pelican refuses it the same way), so a second write is
an error naming both writers. Paths are relative and stay inside the folder.

Two more operations cover the files another program wrote first (MkDocs' pages and
sitemaps, Pagefind's index): :meth:`Writer.replace` writes such a file again, once, and
:meth:`Writer.delete` removes one. Both are recorded like a write, and neither may touch
a file a step of this build already wrote: that step's output would be lost.
"""

from __future__ import annotations

import builtins
import shutil
from pathlib import Path, PurePosixPath


class DuplicateOutput(Exception):
    """Two steps of one build wrote the same file."""


class Writer:
    """Writes files below ``root``, each path once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: dict[str, str] = {}
        """Path written (or replaced) → the step that wrote it."""
        self.deleted: dict[str, str] = {}
        """Path of a file another program wrote → the step that deleted it."""

    @staticmethod
    def _key(rel: str) -> str:
        pure = PurePosixPath(rel)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts:
            raise ValueError(f"not a path inside the site: {rel!r}")
        return pure.as_posix()

    def _claim(self, rel: str, by: str) -> Path:
        key = self._key(rel)
        if key in self.written:
            raise DuplicateOutput(f"{key} written twice: by {self.written[key] or 'a step'} and {by or 'a step'}")
        self.written[key] = by
        self.deleted.pop(key, None)  # a file of another program deleted, then written anew by a step
        return self.root / key

    def path(self, rel: str, by: str = "") -> Path:
        """Claim ``rel`` for step ``by`` and return where to write it (folders created)."""
        target = self._claim(rel, by)
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

    def copy(self, rel: str, source: Path, by: str = "") -> Path:
        """``source`` (a file outside the site, such as a cache entry) copied to ``rel``."""
        target = self.path(rel, by)
        shutil.copyfile(source, target)
        return target

    def replace(self, rel: str, data: builtins.bytes, by: str = "") -> Path:
        """Write again a file another program wrote (MkDocs, Pagefind): it must exist, and
        no step of this build may have written it already."""
        key = self._key(rel)
        if not (self.root / key).is_file():
            raise FileNotFoundError(f"{key}: nothing to replace")
        return self.bytes(key, data, by)

    def delete(self, rel: str, by: str = "", missing_ok: bool = False) -> None:
        """Remove a file another program wrote (MkDocs' per-language sitemaps, Pagefind's
        chunks before they are cut again). A file a step of this build wrote is refused."""
        key = self._key(rel)
        if key in self.written:
            raise DuplicateOutput(f"{key} deleted by {by or 'a step'} after {self.written[key] or 'a step'} wrote it")
        if key in self.deleted:
            raise DuplicateOutput(f"{key} deleted twice: by {self.deleted[key] or 'a step'} and {by or 'a step'}")
        (self.root / key).unlink(missing_ok=missing_ok)
        self.deleted[key] = by
