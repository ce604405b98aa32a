"""The page bodies whose markup check found nothing, remembered across builds.

The markup check renders every page body and runs it through the sanitiser to tell the
editor what would be removed (:func:`site_builder.inputs.markup_check.check_page`): at national
scale, two fifths of ``check`` and so of the start of every build, including one after a
single article changed. Its answer depends only on the body, where the body starts in
its file, the file's name, the sanitiser's policy and the code, so a body that passed
once passes again: its digest, salted with all of these, is kept in the build cache
(:func:`site_builder.core.cachedir.builds`) and the check is skipped for it next time.

Only passes are kept, never problems: a page with problems is checked every time and
reported in full. The file is JSON (digests only, nothing in it is run), outside the
checkout, and holds only the bodies seen by the last check (it never grows beyond the
project's pages). The guarantee does not rest on it: every page body still goes
through the sanitiser when the site is built.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from site_builder.core.cachedir import PassRecord
from site_builder.core.cachedir import builds as cache_dir
from site_builder.core.fingerprint import fingerprint
from site_builder.inputs.sanitize import Policy


class CheckedBodies(PassRecord):
    """The digests of passed bodies: those loaded, and those seen in this check."""

    @classmethod
    def load(cls, root: Path) -> CheckedBodies:
        """The project's remembered passes, or none when the code, theme, configuration or
        libraries changed since (the salt is the build's :func:`fingerprint`)."""
        salt = fingerprint(root, {"markup check": 1})
        key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
        return cls.read(cache_dir() / f"checked-{key}.json", salt)

    def key(self, file: str, body: str, first_line: int, policy: Policy) -> str:
        text = json.dumps([self.salt, list(policy.iframe_hosts), file, first_line, body])
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
