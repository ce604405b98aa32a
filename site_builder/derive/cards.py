"""Which link-preview card (``og:image``) each page has, and where it is published.

A page with a photo is shared with the photo cropped to 1200×630 (:func:`photo_card`), a
page shown with a drawing with the drawing itself (:class:`IllustrationCard`), and every
other page with the card drawn for its language (:class:`SiteCard`): the section's (or the
unit's branded) name over the unit's name, in the unit's colours. Each is a
:class:`~site_builder.inputs.photos.Variant` named by the hash of everything that decides
its bytes, so pages can link to it before it is drawn. Drawing and publishing them is
:mod:`site_builder.output.cards`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath

from site_builder.core import urls
from site_builder.core.i18n import translations
from site_builder.core.illustrations import RASTER_VERSION, folder
from site_builder.inputs.content_tree import ContentSet
from site_builder.inputs.loader import Dataset
from site_builder.inputs.photos import PILLOW, PIPELINE, Photo, Variant

CARD_SIZE = (1200, 630)
"""What Facebook, Zalo and X show for a shared link (1.91:1)."""
CARD_SETTINGS = {"quality": 85, "optimize": True, "progressive": True, "subsampling": "4:2:0"}
FONT_VERSION = "be-vietnam-pro-1.2"
DEFAULT_COLOURS = ("#163a86", "#ffcc00")
"""The theme's ASEAN blue and yellow (``theme/assets/asean.css``)."""


def photo_card(photo: Photo) -> Variant:
    """A page's photo cropped to 1200×630 around its upper middle (where faces usually are)."""
    settings = ",".join(f"{k}={v}" for k, v in sorted(CARD_SETTINGS.items()))
    key = hashlib.sha256(f"{PIPELINE}|{PILLOW}|{photo.digest}|card|{settings}".encode("ascii")).hexdigest()
    stem = PurePosixPath(photo.rel).stem
    return Variant("jpeg", *CARD_SIZE, key, f"{urls.MEDIA}{stem}-card.{key[:10]}.jpg")


@dataclass(frozen=True)
class SiteCard:
    """A card drawn for pages without a photo: the section's name and the unit's, in the
    unit's colours, with a font that has every Vietnamese letter (Be Vietnam Pro, OFL,
    from its PyPI package: nothing is downloaded at build time)."""

    title: str
    subtitle: str
    background: str
    accent: str

    @property
    def variant(self) -> Variant:
        text = "|".join([PIPELINE, PILLOW, FONT_VERSION, self.title, self.subtitle, self.background, self.accent])
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return Variant("jpeg", *CARD_SIZE, key, f"{urls.MEDIA}card.{key[:10]}.jpg")


@dataclass(frozen=True)
class IllustrationCard:
    """The link preview of a page shown with a drawing (``illustration:``): the drawing
    itself, drawn with Pillow from the same shapes (:func:`.illustrations.rasterise`), so
    a shared link shows the picture the page shows, with no words or codes added."""

    name: str
    svg: str
    """The drawing's SVG text, from the theme."""

    @property
    def variant(self) -> Variant:
        settings = ",".join(f"{k}={v}" for k, v in sorted(CARD_SETTINGS.items()))
        digest = hashlib.sha256(self.svg.encode("utf-8")).hexdigest()
        text = f"{PIPELINE}|{PILLOW}|{FONT_VERSION}|illustration|{RASTER_VERSION}|{self.name}|{digest}|{settings}"
        key = hashlib.sha256(text.encode("ascii")).hexdigest()
        return Variant("jpeg", *CARD_SIZE, key, f"{urls.MEDIA}{self.name}-card.{key[:10]}.jpg")


@lru_cache(maxsize=64)
def illustration_card(name: str) -> IllustrationCard:
    """The card of the theme's drawing ``name`` (read once per build process)."""
    return IllustrationCard(name, (folder() / f"{name}.svg").read_text(encoding="utf-8"))


def illustration_cards(content: ContentSet) -> list[IllustrationCard]:
    """The cards of every drawing a page of either language shows, once."""
    pages = content.pages.values()
    return [illustration_card(name) for name in sorted({p.meta.illustration for p in pages if p.meta.illustration})]


def site_card(data: Dataset, lang: str, unit: str | None) -> SiteCard:
    """The drawn card of one language of a build: the section's (or the unit's branded)
    name over the unit's name, in the unit's colours; one per language, shared by every
    page without a photo, so that a national build of thousands of pages draws two."""
    t = translations(lang).gettext
    title, subtitle = t("ASEAN section"), t("News about ASEAN and the ASEAN communication plans.")
    background, accent = DEFAULT_COLOURS
    if unit is not None:
        record = data.units[unit]
        subtitle = record.name.text(lang)
        branding = record.branding
        if branding is not None:
            title = branding.display_name.text(lang)
            if branding.colors is not None:
                background, accent = branding.colors.primary, branding.colors.accent
    return SiteCard(title, subtitle, background, accent)
