"""Pictures and documents already read to their end, remembered across checks.

``check`` decodes every picture to its last pixel and opens every document with a parser
(:func:`site_builder.images.probe`, :func:`site_builder.inputs.scan_content`), so that a
truncated photo or a polyglot is refused with its file before the build. Decoding is
the slow part (a phone photo takes 30 to 50 ms): at national scale, with a photo per
article, it would cost most of a minute on every build. Its answer depends only on the
file's bytes and the versions of the decoders, so the digests of the files that passed
are kept in the build cache (:func:`site_builder.deps.cache_dir`), salted with those
versions and the rules' own version, and a file seen before is not decoded again.

Only passes are kept, and only by the SHA-256 of the whole file: a changed byte is a
new file. The record is JSON (digests only, nothing in it is run), outside the checkout,
and holds only the files of the last check. The guarantee does not rest on it: the build
still decodes every picture it republishes.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from .cachedir import write_atomically

RULES = "1"
"""Bump when what counts as a readable picture or a clean document changes."""


class Verified:
    """The digests of files that passed: those loaded, and those seen in this check."""

    def __init__(self, path: Path | None, salt: str, known: set[str]) -> None:
        self.path = path
        self.salt = salt
        self.known = known
        self.seen: set[str] = set()

    @classmethod
    def load(cls, root: Path) -> Verified:
        """The project's record, or an empty one when the decoders or rules changed."""
        from .deps import cache_dir

        salt = "|".join([RULES, *(f"{name}={metadata.version(name)}" for name in ("pillow", "pypdf"))])
        key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
        path = cache_dir() / f"verified-{key}.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            known = set(raw["passed"]) if raw.get("salt") == salt else set()
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            known = set()
        return cls(path, salt, {k for k in known if isinstance(k, str)})

    def passed(self, key: str) -> bool:
        """Whether the file ``key`` (``kind:sha256``) passed before (it then counts as seen)."""
        if key in self.known:
            self.seen.add(key)
            return True
        return False

    def add(self, key: str) -> None:
        self.seen.add(key)

    def save(self) -> None:
        """Keep this check's passes, atomically; a record that cannot be written is skipped."""
        if self.path is None or self.seen == self.known:
            return
        try:
            write_atomically(self.path, json.dumps({"salt": self.salt, "passed": sorted(self.seen)}).encode("utf-8"))
        except OSError:
            pass


CURRENT: Verified | None = None
"""The record of the check under way (set by :func:`site_builder.content_tree.check_content`;
worker processes inherit it and send back what they saw). ``None``: decode everything."""


def passed(key: str) -> bool:
    return CURRENT is not None and CURRENT.passed(key)


def add(key: str) -> None:
    if CURRENT is not None:
        CURRENT.add(key)
