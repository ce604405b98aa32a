"""Where the kit keeps what it can compute again: outside the checkout, per user.

A cache in the checkout would be an input an editor can commit; one per user survives
clean builds and is shared by every checkout of the user (entries are keyed by content).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir(name: str, variable: str) -> Path:
    """``$<variable>``, else ``$XDG_CACHE_HOME`` or ``~/.cache``, then ``asean-section-kit/<name>``."""
    explicit = os.environ.get(variable)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "asean-section-kit" / name
