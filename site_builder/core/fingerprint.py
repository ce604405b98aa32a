"""The fingerprint of the code that turns inputs into bytes: the kit, its theme and
configuration, its interface translations and the versions of the libraries that decide
the output.

Every cache whose entries depend on how the code behaves is salted with it: the build
record (:mod:`site_builder.engine.deps`), the markup check's record of clean page bodies
(:mod:`site_builder.inputs.checked_bodies`). A change of code, theme or library version
therefore invalidates them, and nothing stale is ever trusted.
"""

from __future__ import annotations

import hashlib
import json
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from site_builder import PACKAGE_DIR

FORMAT = 1
"""Bump when the meaning of a fingerprinted record changes, so that an old one is never trusted."""
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "jinja2", "pagefind", "pagefind-bin-extended", "cbor2", "nh3",
            "pymdown-extensions", "markupsafe", "babel")
"""Libraries whose version decides the output's bytes."""


def _hash_tree(digest: Any, folder: Path, base: Path) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def fingerprint(root: Path, options: dict[str, Any]) -> str:
    """Everything that may change any page: code, theme, configuration, interface
    translations, library versions and the build's options."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    package = PACKAGE_DIR
    _hash_tree(digest, package, package.parent)
    _hash_tree(digest, root / "theme", root)
    config = root / "mkdocs.yml"
    digest.update(config.read_bytes() if config.is_file() else b"")
    for name in PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=\0".encode())
    digest.update(json.dumps(options, sort_keys=True).encode())
    return digest.hexdigest()
