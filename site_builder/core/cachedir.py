"""Where the kit keeps what it can compute again: outside the checkout, per user.

A cache in the checkout would be an input an editor can commit; one per user survives
clean builds and is shared by every checkout of the user (entries are keyed by content).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Self


def cache_dir(name: str, variable: str) -> Path:
    """``$<variable>``, else ``$XDG_CACHE_HOME`` or ``~/.cache``, then ``asean-section-kit/<name>``."""
    explicit = os.environ.get(variable)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "asean-section-kit" / name


def write_atomically(path: Path, data: bytes) -> None:
    """Write a cache entry through a temporary file beside it, renamed over it: a killed
    build, or another build writing the same entry, leaves the old entry or the new one,
    never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


class PassRecord:
    """Keys of inputs that passed a slow check, kept across runs in one JSON file.

    Only passes are kept, never problems, and only those seen by the last run (the file
    never grows past the project). ``salt`` names everything the answer depends on besides
    the key (code, libraries, rules): a record with another salt is read as empty. Nothing
    in the file is run; a record that cannot be read or written is an empty one."""

    def __init__(self, path: Path | None, salt: str, known: set[str]) -> None:
        self.path = path
        self.salt = salt
        self.known = known
        self.seen: set[str] = set()

    @classmethod
    def read(cls, path: Path, salt: str) -> Self:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            known = set(raw["passed"]) if raw.get("salt") == salt else set()
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            known = set()
        return cls(path, salt, {k for k in known if isinstance(k, str)})

    def passed(self, key: str) -> bool:
        """Whether ``key`` passed before (it then counts as seen)."""
        if key in self.known:
            self.seen.add(key)
            return True
        return False

    def add(self, key: str) -> None:
        self.seen.add(key)

    def save(self) -> None:
        """Keep this run's passes, atomically; a record that cannot be written is skipped."""
        if self.path is None or self.seen == self.known:
            return
        try:
            write_atomically(self.path, json.dumps({"salt": self.salt, "passed": sorted(self.seen)}).encode("utf-8"))
        except OSError:
            pass


def builds() -> Path:
    """``$ASEAN_BUILD_CACHE``, else ``$XDG_CACHE_HOME`` or ``~/.cache``, then ``asean-section-kit/builds``."""
    return cache_dir("builds", "ASEAN_BUILD_CACHE")
