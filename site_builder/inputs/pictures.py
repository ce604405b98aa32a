"""Pictures of ``content/<lang>/`` (screenshots, diagrams, charts a page shows): checked
when the project is checked, and published only as fresh pixels.

A picture must be of the kind its name says and decode to its last pixel of every frame
(:func:`picture_problem`); the build then encodes it again from its pixels alone
(:func:`clean_picture`), so that nothing hidden in the editor's file (metadata, or a page,
archive or script glued after the picture: a polyglot) is published. The photos of
``content/media/`` are :mod:`site_builder.inputs.photos`.

Nothing here imports MkDocs, nor any other module of :mod:`site_builder.inputs`:
:mod:`site_builder.inputs.files` calls :func:`picture_problem` for every picture it finds.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps, features

MAX_PIXELS = 50_000_000
"""50 megapixels, more than any phone or press camera: beyond, a file is a decompression
bomb rather than a photo (a few KB that unpack to gigabytes)."""
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

