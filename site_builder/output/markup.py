"""Elements of the few XML and HTML files the kit writes without a template (the sitemap,
the units index): every text and attribute value escaped on its way in, so no value of
the content can open or close an element, whatever it holds. Names are the kit's own
constants, checked all the same.

The layout (line breaks, indentation, ``<x/>`` without a space) is the caller's, so
the files stay byte for byte as they were published.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from xml.sax.saxutils import escape, quoteattr

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9]*)?")


def _name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValueError(f"not an element or attribute name: {name!r}")
    return name


def _attributes(attributes: Mapping[str, str]) -> str:
    return "".join(f" {_name(key)}={quoteattr(value)}" for key, value in attributes.items())


def start(name: str, attributes: Mapping[str, str] | None = None) -> str:
    """``<name a="v">``."""
    return f"<{_name(name)}{_attributes(attributes or {})}>"


def empty(name: str, attributes: Mapping[str, str] | None = None) -> str:
    """``<name a="v"/>``."""
    return f"<{_name(name)}{_attributes(attributes or {})}/>"


def element(name: str, text: str, attributes: Mapping[str, str] | None = None) -> str:
    """``<name a="v">text</name>``, the text escaped."""
    return f"{start(name, attributes)}{escape(text)}</{_name(name)}>"
