"""Link-preview cards (``og:image``, :mod:`site_builder.derive.cards`) drawn and published:
a page's photo cropped to 1200×630, the card drawn with the section's and the unit's
names, and the drawings of pages shown with an illustration. Encoded once, kept in the
image cache and published through the build's :class:`~site_builder.output.writer.Writer`,
as the photos (:mod:`site_builder.output.images`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from fontpkg_be_vietnam_pro import ROOT as FONTS
from PIL import Image, ImageDraw, ImageFont, ImageOps

from site_builder.core.illustrations import rasterise
from site_builder.derive.cards import CARD_SETTINGS, CARD_SIZE, IllustrationCard, SiteCard, photo_card
from site_builder.inputs.photos import MEDIA_DIR, Photo, Variant
from site_builder.output.images import ImageCache, ImageStats, cache_dir, upright_srgb
from site_builder.output.writer import Writer


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **CARD_SETTINGS)
    return buffer.getvalue()


def _wrap(pen: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, limit: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and pen.textlength(trial, font=font) <= limit:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def draw_site_card(card: SiteCard) -> bytes:
    """The card's JPEG: its title and subtitle in white on its background, an accent bar
    and ring, in Be Vietnam Pro."""
    width, height = CARD_SIZE
    image = Image.new("RGB", CARD_SIZE, card.background)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, height - 24, width, height), fill=card.accent)
    pen.ellipse((width - 230, 70, width - 90, 210), outline=card.accent, width=14)
    bold = ImageFont.truetype(str(FONTS / "files" / "BeVietnamPro-Bold.ttf"), 84)
    regular = ImageFont.truetype(str(FONTS / "files" / "BeVietnamPro-Regular.ttf"), 44)
    y = 180
    for line in _wrap(pen, card.title, bold, width - 400)[:3]:
        pen.text((80, y), line, font=bold, fill="#ffffff")
        y += 104
    for line in _wrap(pen, card.subtitle, regular, width - 160)[:2]:
        pen.text((80, y + 20), line, font=regular, fill="#ffffff")
        y += 58
    return _jpeg(image)


def draw_illustration_card(card: IllustrationCard) -> bytes:
    """The drawing rasterised at the card's size."""
    return _jpeg(rasterise(card.svg, CARD_SIZE))


def draw_photo_card(root: Path, photo: Photo) -> bytes:
    """The photo upright, cropped to the card around its upper middle."""
    upright = upright_srgb((root / MEDIA_DIR / photo.rel).read_bytes())
    return _jpeg(ImageOps.fit(upright, CARD_SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.4)))


def write_cards(root: Path, photos: Iterable[Photo], cards: Iterable[SiteCard | IllustrationCard], writer: Writer,
                cache: Path | None = None) -> ImageStats:
    """Every page's link-preview picture: photos cropped, and the drawn cards (a file two
    of them share, such as two photos with the same name and bytes, is written once)."""
    store = ImageCache(cache or cache_dir())
    done: set[str] = set()
    jobs: list[tuple[Variant, Photo | SiteCard | IllustrationCard]] = [
        (photo_card(p), p) for p in sorted(set(photos), key=lambda p: p.rel)
    ]
    jobs += [(card.variant, card) for card in sorted(set(cards), key=lambda c: c.variant.key)]
    for variant, source in jobs:
        if variant.path in done:
            continue
        done.add(variant.path)

        def drawn(variant: Variant, source: Photo | SiteCard | IllustrationCard = source) -> bytes:
            if isinstance(source, Photo):
                return draw_photo_card(root, source)
            if isinstance(source, SiteCard):
                return draw_site_card(source)
            return draw_illustration_card(source)

        store.publish(variant, writer, drawn, "cards")
    return store.stats
