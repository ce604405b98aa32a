"""Editors' photos encoded once and published small, and the pictures of
``content/<lang>/`` encoded again, both kept in a cache.

The build decodes a photo of ``content/media/`` (:mod:`site_builder.inputs.photos`),
applies the EXIF orientation, converts it to sRGB, and writes fresh pixels, without any
metadata (a phone's EXIF carries the GPS position of where the photo was taken, the
camera's serial number and the photographer's name), at each width and format of
:meth:`Photo.variants <site_builder.inputs.photos.Photo.variants>`.

Encoding is slow (half a second for a large AVIF), so each encoded file is kept in a
cache folder the build owns, named by the hash of everything that decides its bytes
(:func:`~site_builder.inputs.photos.variant_key`): the source's own hash, the format, the
width, the encoder settings, the pipeline version and Pillow's version. A cache entry is
only an image file: nothing is unpickled, and an entry that does not start with its
format's signature is encoded again. The cache lives outside the checkout
(``$ASEAN_IMAGE_CACHE``, else the user's cache folder), so a file committed to the
repository can never be published as an "encoded" photo. Every file is published
through the build's :class:`~site_builder.output.writer.Writer`.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from site_builder.core import cachedir
from site_builder.inputs.files import signature_ok
from site_builder.inputs.photos import EXTENSION, MEDIA_DIR, PHOTO_FORMATS, PILLOW, PIPELINE, SETTINGS, Photo, Variant
from site_builder.inputs.pictures import clean_picture
from site_builder.output.writer import Writer

PIL_FORMAT = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}


def upright_srgb(data: bytes) -> Image.Image:
    """The photo's pixels, upright, in sRGB, flattened on white, with no metadata at all.

    A new image is made from the raw pixels, so nothing of the source's ``info`` (EXIF,
    XMP, ICC profile, comments) can reach an encoder.
    """
    with Image.open(io.BytesIO(data), formats=sorted(PHOTO_FORMATS)) as source:
        source.load()
        im = ImageOps.exif_transpose(source)
    icc = im.info.get("icc_profile")
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        im = Image.alpha_composite(white, rgba)
    if icc:
        try:
            im = ImageCms.profileToProfile(
                im.convert("RGB"), ImageCms.ImageCmsProfile(io.BytesIO(icc)), ImageCms.createProfile("sRGB"),
                outputMode="RGB",
            ) or im
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: keep the pixels as they are
    im = im.convert("RGB")
    return Image.frombytes("RGB", im.size, im.tobytes())


def encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, PIL_FORMAT[fmt], **SETTINGS[fmt])
    return buffer.getvalue()


def resized(image: Image.Image, width: int, height: int) -> Image.Image:
    if image.size == (width, height):
        return image
    return image.resize((width, height), Image.Resampling.LANCZOS)


SIGNATURES: dict[str, Callable[[bytes], bool]] = {
    "jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    "webp": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
    "avif": lambda head: head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"),
}


def cache_dir() -> Path:
    """``$ASEAN_IMAGE_CACHE``, else ``$XDG_CACHE_HOME`` or ``~/.cache``, then ``asean-section-kit/images``."""
    return cachedir.cache_dir("images", "ASEAN_IMAGE_CACHE")


def _cached(folder: Path, variant: Variant) -> Path | None:
    entry = folder / f"{variant.key}.{EXTENSION[variant.fmt]}"
    try:
        with entry.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return None
    return entry if SIGNATURES[variant.fmt](head) else None


def _store(folder: Path, variant: Variant, data: bytes) -> Path:
    """Write a cache entry atomically: a killed build leaves no half-written file under its name."""
    entry = folder / f"{variant.key}.{EXTENSION[variant.fmt]}"
    cachedir.write_atomically(entry, data)
    return entry


@dataclass
class ImageStats:
    """What the image step did: files encoded now, and files taken from the cache."""

    encoded: int = 0
    reused: int = 0


@dataclass
class ImageCache:
    """The image cache a step publishes from (its folder), with what the step did."""

    folder: Path
    stats: ImageStats = field(default_factory=ImageStats)

    def publish(self, variant: Variant, writer: Writer, make: Callable[[Variant], bytes], by: str) -> None:
        """Copy a variant into the site from the cache, encoding it first when the cache lacks it."""
        entry = _cached(self.folder, variant)
        if entry is None:
            entry = _store(self.folder, variant, make(variant))
            self.stats.encoded += 1
        else:
            self.stats.reused += 1
        writer.copy(variant.path, entry, by)


def write_images(root: Path, photos: Iterable[Photo], writer: Writer, cache: Path | None = None) -> ImageStats:
    """Publish every size of every photo into the site's ``media/``, encoding only what the
    cache lacks. The source is decoded once per photo, and only when something is missing.
    Two photos with the same name and the same bytes (in two folders) share their files."""
    store = ImageCache(cache or cache_dir())
    done: set[str] = set()
    for photo in sorted(set(photos), key=lambda p: p.rel):
        upright: list[Image.Image] = []  # decoded once, only if some variant is not cached

        def encoded(variant: Variant, photo: Photo = photo, upright: list[Image.Image] = upright) -> bytes:
            if not upright:
                upright.append(upright_srgb((root / MEDIA_DIR / photo.rel).read_bytes()))
            return encode(resized(upright[0], variant.width, variant.height), variant.fmt)

        for variant in photo.variants():
            if variant.path not in done:
                done.add(variant.path)
                store.publish(variant, writer, encoded, "pictures")
    return store.stats


def published_picture(data: bytes, suffix: str, cache: Path | None = None) -> bytes:
    """:func:`clean_picture`, kept in the image cache by the source's hash (encoding a
    large PNG again on every build costs a second)."""
    text = f"{PIPELINE}|{PILLOW}|picture|{suffix}|{hashlib.sha256(data).hexdigest()}"
    key = hashlib.sha256(text.encode("ascii")).hexdigest()
    entry = (cache or cache_dir()) / f"{key}{suffix}"
    try:
        cached = entry.read_bytes()
    except OSError:
        cached = b""
    if signature_ok(suffix, cached[:16]):
        return cached
    fresh = clean_picture(data, suffix)
    cachedir.write_atomically(entry, fresh)
    return fresh

