"""Editors' photos: checked when the project is checked, described by the files the build
publishes of them (:mod:`site_builder.output.images` encodes and publishes them).

A photo named in a page's front matter (``image:``) lives in ``content/media/``, one
folder shared by both languages: a photo is the same picture whatever the language of
the text around it (only its alt text, caption and credit line are translated), so one
file means one upload for the editors, one set of encoded sizes for the build and no
Vietnamese and English copies drifting apart.

The build never publishes the editor's file itself: it writes fresh pixels, without any
metadata, at a few widths (:data:`WIDTHS`) in AVIF (when the pinned Pillow wheel has the
encoder), WebP and JPEG. A :class:`Photo` knows each of those files (:class:`Variant`)
by its published path and the hash of everything that decides its bytes
(:func:`variant_key`), which names its cache entry.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

import PIL
from PIL import Image, features

from site_builder.core import urls
from site_builder.inputs import verified
from site_builder.inputs.files import MAX_MEDIA_BYTES, NAME, PHOTO_SUFFIXES
from site_builder.inputs.pictures import MAX_PIXELS

# PHOTO_SUFFIXES: JPEG, PNG, WebP, AVIF; GIF is not a photo kind (an animation has no
# single picture to resize).

MEDIA_DIR = "content/media"
"""Where editors put photos, shared by both languages."""

PHOTO_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "AVIF"})
"""What Pillow must find inside, whatever the file's name says."""

MIN_WIDTH = 480
"""Narrower than the smallest size served to a phone would look blurred on every screen."""
WIDTHS = (480, 960, 1600)
"""Widths encoded: a phone's column at 1x, a phone at 2x or a desktop column, a wide
desktop at 2x. A photo narrower than 1600 px also gets its own width, never upscaled."""

PILLOW: str = PIL.__version__
"""Pillow's version: its encoders decide the bytes of every encoded file."""
PIPELINE = "1"
"""Bump when the decoding or colour steps change, so that cached files are not reused."""

SETTINGS: dict[str, dict[str, object]] = {
    "avif": {"quality": 60, "speed": 6, "max_threads": 1},
    "webp": {"quality": 80, "method": 4},
    "jpeg": {"quality": 82, "optimize": True, "progressive": True, "subsampling": "4:2:0"},
}
"""Encoder settings per format. One thread for AVIF: the same bytes on every machine."""

MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
EXTENSION = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}


def formats() -> tuple[str, ...]:
    """Formats written, best first: AVIF only when this Pillow can encode it."""
    return ("avif", "webp", "jpeg") if features.check("avif") else ("webp", "jpeg")


class PhotoError(Exception):
    """A photo that cannot be published; the messages say why in both languages."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


@dataclass(frozen=True)
class Variant:
    """One encoded file of a photo: a format at a width."""

    fmt: str
    width: int
    height: int
    key: str
    """Hash of everything that decides the file's bytes: its cache entry's name."""
    path: str
    """Where it is published, below the site root (``media/le-thuong-co-960.3fa9c2e1d0.webp``)."""

    @property
    def mime(self) -> str:
        return MIME[self.fmt]


@dataclass(frozen=True)
class Photo:
    """A checked photo of ``content/media/``: its hash and its size once upright."""

    rel: str
    """Path below ``content/media/``."""
    digest: str
    """SHA-256 of the file, hex."""
    width: int
    height: int
    """Size after the EXIF orientation is applied (what a reader sees)."""

    def widths(self) -> list[int]:
        """The widths encoded: :data:`WIDTHS` below the photo's own, then its own up to 1600."""
        top = min(self.width, WIDTHS[-1])
        return [w for w in WIDTHS if w < top] + [top]

    def height_at(self, width: int) -> int:
        return max(1, round(self.height * width / self.width))

    def variants(self) -> list[Variant]:
        stem = PurePosixPath(self.rel).stem
        out = []
        for fmt in formats():
            for width in self.widths():
                key = variant_key(self.digest, fmt, width)
                path = f"{urls.MEDIA}{stem}-{width}.{key[:10]}.{EXTENSION[fmt]}"
                out.append(Variant(fmt, width, self.height_at(width), key, path))
        return out

    def largest(self, fmt: str = "jpeg") -> Variant:
        """The widest file of a format: the fallback ``src`` and the feeds' enclosure."""
        return [v for v in self.variants() if v.fmt == fmt][-1]


def variant_key(digest: str, fmt: str, width: int) -> str:
    """Everything that decides an encoded file's bytes, hashed."""
    settings = ",".join(f"{k}={v}" for k, v in sorted(SETTINGS[fmt].items()))
    text = f"{PIPELINE}|{PILLOW}|{digest}|{fmt}|{width}|{settings}"
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def photo_path_ok(rel: str) -> bool:
    """Whether ``rel`` can name a photo below ``content/media/``: relative, made of names
    that ``check`` accepts for files (no NUL, no ``..``, no backslash). Decided from the
    string alone, before the file system is asked."""
    parts = rel.split("/")
    return (
        bool(rel)
        and len(rel) <= 500
        and all(NAME.match(part) and part not in (".", "..") for part in parts)
    )


def _shown_path(rel: str) -> str:
    """A refused path as an editor can read it: invisible characters written as escapes, cut short."""
    shown = rel.encode("unicode_escape").decode("ascii")
    return shown if len(shown) <= 80 else shown[:77] + "..."


def probe(root: Path, rel: str) -> Photo:
    """Check the photo ``content/media/<rel>`` and measure it, without decoding its pixels.

    Raises :class:`PhotoError` for a missing file, a link, a file that is not a JPEG,
    PNG, WebP or AVIF photo, one over 20 MiB or 50 megapixels, or one under
    :data:`MIN_WIDTH` pixels wide once upright.
    """
    shown = f"{MEDIA_DIR}/{rel}"
    if not photo_path_ok(rel):
        # Checked before any call to the file system: a NUL makes ``os.lstat`` raise, and
        # ``..`` or an absolute path would reach outside content/media/.
        raise PhotoError(
            f"đường dẫn ảnh '{_shown_path(rel)}' không hợp lệ: chỉ gồm tên thư mục và tệp trong content/media/ "
            "(chữ không dấu, số, '.', '_', '-')",
            f"the image path '{_shown_path(rel)}' is not valid: only folder and file names inside content/media/ "
            "(letters without marks, digits, '.', '_', '-')",
        )
    if PurePosixPath(rel).suffix not in PHOTO_SUFFIXES:
        kinds = ", ".join(sorted(s.lstrip(".") for s in PHOTO_SUFFIXES))
        raise PhotoError(
            f"{shown}: loại ảnh không được hỗ trợ; chỉ dùng: {kinds} (đuôi tên viết thường)",
            f"{shown}: unsupported kind of image; use one of: {kinds} (a lower-case suffix)",
        )
    path = root / MEDIA_DIR / rel
    parts = PurePosixPath(rel).parts
    try:
        # Every step below content/media/ is looked at, not followed: a folder that is a
        # link would publish a file from outside the repository.
        chain = [os.lstat(root / MEDIA_DIR / Path(*parts[:i])) for i in range(1, len(parts) + 1)]
    except OSError:
        raise PhotoError(f"không có tệp ảnh {shown}", f"no image file {shown}") from None
    info = chain[-1]
    if any(stat.S_ISLNK(step.st_mode) for step in chain) or not stat.S_ISREG(info.st_mode):
        raise PhotoError(
            f"{shown} không phải là một tệp thường (liên kết hay thư mục không được chấp nhận)",
            f"{shown} is not a regular file (links and folders are not accepted)",
        )
    photo = _probe(str(path), info.st_mtime_ns, info.st_size, MAX_MEDIA_BYTES, rel)
    verified.add(f"photo:{photo.digest}")  # also when the answer came from this process's cache
    return photo


@lru_cache(maxsize=4096)
def _probe(path: str, mtime_ns: int, size: int, limit: int, rel: str) -> Photo:
    """Cached by modification time and size: both languages of an article name one photo."""
    shown = f"{MEDIA_DIR}/{rel}"
    if PurePosixPath(rel).suffix not in PHOTO_SUFFIXES:
        kinds = ", ".join(sorted(s.lstrip(".") for s in PHOTO_SUFFIXES))
        raise PhotoError(
            f"{shown}: loại ảnh không được hỗ trợ; chỉ dùng: {kinds}",
            f"{shown}: unsupported kind of image; use one of: {kinds}",
        )
    if size > limit:
        raise PhotoError(
            f"{shown} quá lớn ({size / 1048576:.1f} MiB, tối đa {limit // 1048576} MiB)",
            f"{shown} is too large ({size / 1048576:.1f} MiB, at most {limit // 1048576} MiB)",
        )
    data = Path(path).read_bytes()
    try:
        with Image.open(io.BytesIO(data), formats=sorted(PHOTO_FORMATS)) as im:
            width, height = im.size
            orientation = im.getexif().get(0x0112, 1)
            if width * height > MAX_PIXELS:
                raise PhotoError(
                    f"{shown} có quá nhiều điểm ảnh ({width}×{height}); tối đa {MAX_PIXELS // 1_000_000} triệu",
                    f"{shown} has too many pixels ({width}×{height}); at most {MAX_PIXELS // 1_000_000} million",
                )
            # Every pixel decoded now, not in the build: a truncated or corrupt file is
            # refused here with the page that names it, instead of failing the build
            # later with "image file is truncated" and no file named. A file that passed
            # a check before is not decoded again (:mod:`site_builder.inputs.verified`).
            digest = hashlib.sha256(data).hexdigest()
            if not verified.passed(f"photo:{digest}"):
                im.load()
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError, EOFError):
        raise PhotoError(
            f"{shown} không phải là ảnh JPEG, PNG, WebP hay AVIF đọc được đến hết (tệp bị cắt cụt hoặc hỏng?)",
            f"{shown} is not a JPEG, PNG, WebP or AVIF image that can be read to its end (truncated or damaged?)",
        ) from None
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    if width < MIN_WIDTH:
        raise PhotoError(
            f"{shown} quá nhỏ ({width} điểm ảnh chiều ngang); cần ít nhất {MIN_WIDTH}",
            f"{shown} is too small ({width} pixels wide); it needs at least {MIN_WIDTH}",
        )
    return Photo(rel, digest, width, height)


@dataclass(frozen=True)
class Picture:
    """What a ``<picture>`` needs, with addresses relative to the page that shows it."""

    sources: list[tuple[str, str]]
    """``(type, srcset)`` of each modern format, best first."""
    src: str
    """The widest JPEG: the ``<img>`` for browsers that read no ``<source>``."""
    srcset: str
    """Every JPEG width."""
    width: int
    height: int
    """The ``src`` file's size: with CSS ``height: auto`` the browser reserves the box
    before the file arrives (no layout shift)."""


def picture(photo: Photo, to_root: str) -> Picture:
    """The ``<picture>`` of ``photo`` on a page whose relative path to the site root
    (the folder holding ``media/``) is ``to_root`` (``../../``)."""
    by_format: dict[str, list[Variant]] = {}
    for variant in photo.variants():
        by_format.setdefault(variant.fmt, []).append(variant)

    def srcset(items: list[Variant]) -> str:
        return ", ".join(f"{to_root}{v.path} {v.width}w" for v in items)

    jpegs = by_format.pop("jpeg")
    sources = [(MIME[fmt], srcset(items)) for fmt, items in by_format.items()]
    top = jpegs[-1]
    return Picture(sources, f"{to_root}{top.path}", srcset(jpegs), top.width, top.height)

