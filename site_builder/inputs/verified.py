"""Pictures and documents already read to their end, remembered across checks.

``check`` decodes every picture to its last pixel and opens every document with a parser
(:func:`site_builder.inputs.photos.probe`, :func:`site_builder.inputs.files.scan_content`), so that a
truncated photo or a polyglot is refused with its file before the build. Decoding is
the slow part (a phone photo takes 30 to 50 ms): at national scale, with a photo per
article, it would cost most of a minute on every build. Its answer depends only on the
file's bytes and the versions of the decoders, so the digests of the files that passed
are kept in the build cache (:func:`site_builder.core.cachedir.builds`), salted with those
versions and the rules' own version, and a file seen before is not decoded again.

Only passes are kept, and only by the SHA-256 of the whole file: a changed byte is a
new file. The record is JSON (digests only, nothing in it is run), outside the checkout,
and holds only the files of the last check. The guarantee does not rest on it: the build
still decodes every picture it republishes.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from site_builder.core import cachedir
from site_builder.core.cachedir import PassRecord

RULES = "1"
"""Bump when what counts as a readable picture or a clean document changes."""


class Verified(PassRecord):
    """The digests (``kind:sha256``) of files that passed: those loaded, and those seen in this check."""

    @classmethod
    def load(cls, root: Path) -> Verified:
        """The project's record, or an empty one when the decoders or rules changed."""

        salt = "|".join([RULES, *(f"{name}={metadata.version(name)}" for name in ("pillow", "pypdf"))])
        key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
        return cls.read(cachedir.builds() / f"verified-{key}.json", salt)


CURRENT: Verified | None = None
"""The record of the check under way (set by :func:`site_builder.inputs.content_tree.check_content`;
worker processes inherit it and send back what they saw). ``None``: decode everything."""


def passed(key: str) -> bool:
    return CURRENT is not None and CURRENT.passed(key)


def add(key: str) -> None:
    if CURRENT is not None:
        CURRENT.add(key)
