"""Where the kit keeps what it can compute again: outside the checkout, per user.

A cache in the checkout would be an input an editor can commit; one per user survives
clean builds and is shared by every checkout of the user (entries are keyed by content).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
