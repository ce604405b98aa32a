"""Editors' photos: checked when the project is checked, encoded once, published small.

A photo named in a page's front matter (``image:``) lives in ``content/media/``, one
folder shared by both languages: a photo is the same picture whatever the language of
the text around it (only its alt text, caption and credit line are translated), so one
file means one upload for the editors, one set of encoded sizes for the build and no
Vietnamese and English copies drifting apart.

The build never publishes the editor's file itself. It decodes it, applies the EXIF
orientation, converts it to sRGB, and writes fresh pixels, without any metadata (a
phone's EXIF carries the GPS position of where the photo was taken, the camera's serial
number and the photographer's name), at a few widths (:data:`WIDTHS`) in AVIF (when the
pinned Pillow wheel has the encoder), WebP and JPEG for the browsers that have neither.

Encoding is slow (half a second for a large AVIF), so each encoded file is kept in a
cache folder the build owns, named by the hash of everything that decides its bytes
(:func:`variant_key`): the source's own hash, the format, the width, the encoder
settings, this module's pipeline version and Pillow's version. A cache entry is only an
image file: nothing is unpickled, and an entry that does not start with its format's
signature is encoded again. The cache lives outside the checkout
(``$ASEAN_IMAGE_CACHE``, else the user's cache folder), so a file committed to the
repository can never be published as an "encoded" photo.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from PIL import Image, ImageCms, ImageOps, features

from site_builder.core import cachedir
from site_builder.inputs import verified
from site_builder.inputs.files import MAX_MEDIA_BYTES, NAME, PHOTO_SUFFIXES, signature_ok

# PHOTO_SUFFIXES: JPEG, PNG, WebP, AVIF; GIF is not a photo kind (an animation has no
# single picture to resize).

MEDIA_DIR = "content/media"
"""Where editors put photos, shared by both languages."""
OUTPUT_DIR = "media"
"""Where the encoded sizes are published, at the root of the site beside ``vi/`` and ``en/``."""

PHOTO_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "AVIF"})
"""What Pillow must find inside, whatever the file's name says."""

MIN_WIDTH = 480
"""Narrower than the smallest size served to a phone would look blurred on every screen."""
MAX_PIXELS = 50_000_000
"""50 megapixels, more than any phone or press camera: beyond, a file is a decompression
bomb rather than a photo (a few KB that unpack to gigabytes)."""
WIDTHS = (480, 960, 1600)
"""Widths encoded: a phone's column at 1x, a phone at 2x or a desktop column, a wide
desktop at 2x. A photo narrower than 1600 px also gets its own width, never upscaled."""

PIPELINE = "1"
"""Bump when the decoding or colour steps change, so that cached files are not reused."""

SETTINGS: dict[str, dict[str, object]] = {
    "avif": {"quality": 60, "speed": 6, "max_threads": 1},
    "webp": {"quality": 80, "method": 4},
    "jpeg": {"quality": 82, "optimize": True, "progressive": True, "subsampling": "4:2:0"},
}
"""Encoder settings per format. One thread for AVIF: the same bytes on every machine."""

MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
PIL_FORMAT = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}
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
                path = f"{OUTPUT_DIR}/{stem}-{width}.{key[:10]}.{EXTENSION[fmt]}"
                out.append(Variant(fmt, width, self.height_at(width), key, path))
        return out

    def largest(self, fmt: str = "jpeg") -> Variant:
        """The widest file of a format: the fallback ``src`` and the feeds' enclosure."""
        return [v for v in self.variants() if v.fmt == fmt][-1]


def variant_key(digest: str, fmt: str, width: int) -> str:
    """Everything that decides an encoded file's bytes, hashed."""
    settings = ",".join(f"{k}={v}" for k, v in sorted(SETTINGS[fmt].items()))
    text = f"{PIPELINE}|{Image.__version__}|{digest}|{fmt}|{width}|{settings}"
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
    photo = _probe(str(path), shown, info.st_mtime_ns, info.st_size, MAX_MEDIA_BYTES, rel)
    verified.add(f"photo:{photo.digest}")  # also when the answer came from this process's cache
    return photo


@lru_cache(maxsize=4096)
def _probe(path: str, shown: str, mtime_ns: int, size: int, limit: int, rel: str) -> Photo:
    """Cached by modification time and size: both languages of an article name one photo."""
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


SIGNATURES = {
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


def _publish(folder: Path, variant: Variant, site: Path, stats: ImageStats,
             make: Callable[[Variant], bytes]) -> None:
    """Copy a variant into the site from the cache, encoding it first when the cache lacks it."""
    entry = _cached(folder, variant)
    if entry is None:
        entry = _store(folder, variant, make(variant))
        stats.encoded += 1
    else:
        stats.reused += 1
    shutil.copyfile(entry, site / variant.path)


@dataclass
class ImageStats:
    """What the image step did: files encoded now, and files taken from the cache."""

    encoded: int = 0
    reused: int = 0


def write_images(root: Path, photos: Iterable[Photo], site: Path, cache: Path | None = None) -> ImageStats:
    """Publish every size of every photo into ``site/media/``, encoding only what the
    cache lacks. The source is decoded once per photo, and only when something is missing."""
    folder = cache or cache_dir()
    stats = ImageStats()
    (site / OUTPUT_DIR).mkdir(parents=True, exist_ok=True)
    for photo in sorted(set(photos), key=lambda p: p.rel):
        upright: list[Image.Image] = []  # decoded once, only if some variant is not cached

        def encoded(variant: Variant, photo: Photo = photo, upright: list[Image.Image] = upright) -> bytes:
            if not upright:
                upright.append(upright_srgb((root / MEDIA_DIR / photo.rel).read_bytes()))
            return encode(resized(upright[0], variant.width, variant.height), variant.fmt)

        for variant in photo.variants():
            _publish(folder, variant, site, stats, encoded)
    return stats


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


# ── Pictures of content/<lang>/ ───────────────────────────────────────────────────────
PICTURE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP", ".avif": "AVIF"}
"""What Pillow must find in a picture of ``content/<lang>/``, by its (lower-case) suffix."""
MAX_FRAMES = 500
"""An animation longer than this is a decompression bomb, not a picture for a page."""
PICTURE_SETTINGS: dict[str, dict[str, object]] = {
    "PNG": {"optimize": True},
    "JPEG": {"quality": 90, "optimize": True, "progressive": True},
    "GIF": {"optimize": False},
    "WEBP": {"quality": 90, "method": 4},
    "AVIF": {"quality": 75, "speed": 6, "max_threads": 1},
}
"""Encoder settings for republished pictures: screenshots and diagrams stay sharp."""


def picture_problem(data: bytes, suffix: str) -> tuple[str, str] | None:
    """Why a picture of ``content/<lang>/`` cannot be published (Vietnamese, English), or
    ``None``: it must be of the kind its name says, decode to its last pixel of every
    frame, stay under :data:`MAX_PIXELS` and :data:`MAX_FRAMES`, and be one the build can
    encode again (:func:`clean_picture`)."""
    fmt = PICTURE_FORMATS[suffix]
    unreadable = (
        f"không đọc được ảnh {fmt} này đến hết (tệp bị cắt cụt, hỏng hoặc không phải ảnh {fmt})",
        f"this {fmt} picture cannot be read to its end (truncated, damaged or not a {fmt} picture)",
    )
    try:
        with Image.open(io.BytesIO(data), formats=[fmt]) as im:
            width, height = im.size
            frames = getattr(im, "n_frames", 1)
            if width * height * min(frames, MAX_FRAMES + 1) > MAX_PIXELS or frames > MAX_FRAMES:
                return (
                    f"ảnh có quá nhiều điểm ảnh ({width}×{height}, {frames} khung hình); tối đa "
                    f"{MAX_PIXELS // 1_000_000} triệu điểm ảnh và {MAX_FRAMES} khung hình",
                    f"the picture has too many pixels ({width}×{height}, {frames} frames); at most "
                    f"{MAX_PIXELS // 1_000_000} million pixels and {MAX_FRAMES} frames",
                )
            for index in range(frames):
                im.seek(index)
                im.load()
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError, EOFError):
        return unreadable
    if fmt == "AVIF" and not features.check("avif"):
        return (
            "bản Pillow này không ghi được ảnh AVIF: hãy dùng PNG, JPEG hoặc WebP",
            "this Pillow cannot write AVIF pictures: use PNG, JPEG or WebP",
        )
    return None


def _fresh(frame: Image.Image, fmt: str) -> Image.Image:
    """One frame's pixels in a new image: nothing of the source's ``info`` (EXIF, XMP, ICC
    profile, text chunks, comments) or of the bytes around the picture is kept."""
    if frame.mode == "P" and fmt in ("PNG", "GIF"):
        # A palette picture (most screenshots and diagrams) stays one: the same pixels in a
        # third of the bytes of RGB. Only the palette and its transparent entry are copied.
        fresh = Image.frombytes("P", frame.size, frame.tobytes())
        fresh.putpalette(frame.getpalette() or [])
        transparency = frame.info.get("transparency")
        if isinstance(transparency, (int, bytes)):
            fresh.info["transparency"] = transparency
        return fresh
    has_alpha = frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info
    mode = "RGBA" if has_alpha and fmt != "JPEG" else ("L" if frame.mode in ("1", "L") else "RGB")
    if has_alpha and fmt == "JPEG":
        rgba = frame.convert("RGBA")
        frame = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    converted = frame.convert(mode)
    return Image.frombytes(mode, converted.size, converted.tobytes())


def clean_picture(data: bytes, suffix: str) -> bytes:
    """A picture of ``content/<lang>/`` as it is published: decoded, turned upright, and
    encoded again in the same format from its pixels alone. What follows the picture in
    the file (an HTML page, a ZIP, a script: a polyglot) and every metadata chunk are
    left behind, so the published file is a picture and nothing else, whatever the
    server's headers say."""
    fmt = PICTURE_FORMATS[suffix]
    with Image.open(io.BytesIO(data), formats=[fmt]) as source:
        frames_total = getattr(source, "n_frames", 1)
        frames, durations = [], []
        for index in range(frames_total):
            source.seek(index)
            source.load()
            frame = ImageOps.exif_transpose(source) if index == 0 and frames_total == 1 else source.copy()
            frames.append(_fresh(frame, fmt))
            durations.append(int(source.info.get("duration", 100) or 100))
        loop = source.info.get("loop", 0)
    buffer = io.BytesIO()
    settings = dict(PICTURE_SETTINGS[fmt])
    if len(frames) > 1:
        settings.update(save_all=True, append_images=frames[1:], duration=durations, loop=loop)
    frames[0].save(buffer, fmt, **settings)
    return buffer.getvalue()


def published_picture(data: bytes, suffix: str, cache: Path | None = None) -> bytes:
    """:func:`clean_picture`, kept in the image cache by the source's hash (encoding a
    large PNG again on every build costs a second)."""
    text = f"{PIPELINE}|{Image.__version__}|picture|{suffix}|{hashlib.sha256(data).hexdigest()}"
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


# ── Social cards ─────────────────────────────────────────────────────────────────
CARD_SIZE = (1200, 630)
"""What Facebook, Zalo and X show for a shared link (1.91:1)."""
CARD_SETTINGS = {"quality": 85, "optimize": True, "progressive": True, "subsampling": "4:2:0"}


def photo_card(photo: Photo) -> Variant:
    """A page's photo cropped to 1200×630 around its upper middle (where faces usually are)."""
    settings = ",".join(f"{k}={v}" for k, v in sorted(CARD_SETTINGS.items()))
    key = hashlib.sha256(f"{PIPELINE}|{Image.__version__}|{photo.digest}|card|{settings}".encode("ascii")).hexdigest()
    stem = PurePosixPath(photo.rel).stem
    return Variant("jpeg", *CARD_SIZE, key, f"{OUTPUT_DIR}/{stem}-card.{key[:10]}.jpg")


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
        text = "|".join([PIPELINE, Image.__version__, FONT_VERSION, self.title, self.subtitle, self.background, self.accent])
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return Variant("jpeg", *CARD_SIZE, key, f"{OUTPUT_DIR}/card.{key[:10]}.jpg")

    def draw(self) -> bytes:
        from fontpkg_be_vietnam_pro import ROOT as FONTS
        from PIL import ImageDraw, ImageFont

        width, height = CARD_SIZE
        image = Image.new("RGB", CARD_SIZE, self.background)
        pen = ImageDraw.Draw(image)
        pen.rectangle((0, height - 24, width, height), fill=self.accent)
        pen.ellipse((width - 230, 70, width - 90, 210), outline=self.accent, width=14)
        bold = ImageFont.truetype(str(FONTS / "files" / "BeVietnamPro-Bold.ttf"), 84)
        regular = ImageFont.truetype(str(FONTS / "files" / "BeVietnamPro-Regular.ttf"), 44)
        y = 180
        for line in _wrap(pen, self.title, bold, width - 400)[:3]:
            pen.text((80, y), line, font=bold, fill="#ffffff")
            y += 104
        for line in _wrap(pen, self.subtitle, regular, width - 160)[:2]:
            pen.text((80, y + 20), line, font=regular, fill="#ffffff")
            y += 58
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", **CARD_SETTINGS)
        return buffer.getvalue()


FONT_VERSION = "be-vietnam-pro-1.2"


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
        from site_builder.core.illustrations import RASTER_VERSION

        text = f"{PIPELINE}|{Image.__version__}|{FONT_VERSION}|illustration|{RASTER_VERSION}|{self.name}|{digest}|{settings}"
        key = hashlib.sha256(text.encode("ascii")).hexdigest()
        return Variant("jpeg", *CARD_SIZE, key, f"{OUTPUT_DIR}/{self.name}-card.{key[:10]}.jpg")

    def draw(self) -> bytes:
        from site_builder.core.illustrations import rasterise

        buffer = io.BytesIO()
        rasterise(self.svg, CARD_SIZE).save(buffer, "JPEG", **CARD_SETTINGS)
        return buffer.getvalue()


@lru_cache(maxsize=64)
def illustration_card(name: str) -> IllustrationCard:
    """The card of the theme's drawing ``name`` (read once per build process)."""
    from site_builder.core.illustrations import folder

    return IllustrationCard(name, (folder() / f"{name}.svg").read_text(encoding="utf-8"))


def illustration_cards(content: object) -> list[IllustrationCard]:
    """The cards of every drawing a page of either language shows, once."""
    pages = getattr(content, "pages", {}).values()
    return [illustration_card(name) for name in sorted({p.meta.illustration for p in pages if p.meta.illustration})]


def _wrap(pen: object, text: str, font: object, limit: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and pen.textlength(trial, font=font) <= limit:  # type: ignore[attr-defined]
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def write_cards(root: Path, photos: Iterable[Photo], cards: Iterable[SiteCard | IllustrationCard], site: Path,
                cache: Path | None = None) -> ImageStats:
    """Every page's link-preview picture: photos cropped, and the drawn cards."""
    folder = cache or cache_dir()
    stats = ImageStats()
    (site / OUTPUT_DIR).mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[Variant, object]] = [(photo_card(p), p) for p in sorted(set(photos), key=lambda p: p.rel)]
    jobs += [(card.variant, card) for card in sorted(set(cards), key=lambda c: c.variant.key)]
    for variant, source in jobs:

        def drawn(variant: Variant, source: object = source) -> bytes:
            if isinstance(source, Photo):
                upright = upright_srgb((root / MEDIA_DIR / source.rel).read_bytes())
                cropped = ImageOps.fit(upright, CARD_SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.4))
                buffer = io.BytesIO()
                cropped.save(buffer, "JPEG", **CARD_SETTINGS)
                return buffer.getvalue()
            assert isinstance(source, (SiteCard, IllustrationCard))
            return source.draw()

        _publish(folder, variant, site, stats, drawn)
    return stats


DEFAULT_COLOURS = ("#163a86", "#ffcc00")
"""The theme's ASEAN blue and yellow (``theme/assets/asean.css``)."""


def site_card(data: object, lang: str, unit: str | None) -> SiteCard:
    """The drawn card of one language of a build: the section's (or the unit's branded)
    name over the unit's name, in the unit's colours; one per language, shared by every
    page without a photo, so that a national build of thousands of pages draws two."""
    from site_builder.core.i18n import translations

    t = translations(lang).gettext
    title, subtitle = t("ASEAN section"), t("News about ASEAN and the ASEAN communication plans.")
    background, accent = DEFAULT_COLOURS
    if unit is not None:
        record = data.units[unit]  # type: ignore[attr-defined]
        subtitle = record.name.text(lang)
        branding = record.branding
        if branding is not None:
            title = branding.display_name.text(lang)
            if branding.colors is not None:
                background, accent = branding.colors.primary, branding.colors.accent
    return SiteCard(title, subtitle, background, accent)
