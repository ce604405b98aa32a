"""Why a build did not happen: each error says so in Vietnamese, then in English, and a
failed build leaves the output folder as it was (:mod:`.site_folder`)."""

from __future__ import annotations


class BuildError(Exception):
    """A language build failed; the message says which and why."""


class AddressError(BuildError):
    """A build for publishing (``--strict``) without a published address; nothing was
    written. The message is in Vietnamese, then English on an indented line."""


class OutputError(BuildError):
    """The output folder is not one the build may write or replace; nothing was written
    or deleted. The message is in Vietnamese, then English on an indented line."""
