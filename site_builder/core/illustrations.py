"""Drawn illustrations: pictures that do not pretend to be photos.

A page shows either a photo (``image:``, in ``content/media/``, with its credit and
licence) or one of the theme's drawn illustrations (``illustration: <name>``), never a
generated picture dressed up as a photo. The illustrations are SVG files of the trusted
theme (``theme/assets/illustrations/<name>.svg``), not of ``content/``: an SVG can carry
script, so the folder editors write to never holds one. They are drawn by
``tools/covers.py`` from flat shapes in the section's palette, one scene per topic, with
no words inside (a year at most), and are committed.

Every file keeps to a small subset of SVG (:data:`ELEMENTS`, :data:`ATTRIBUTES`):
rectangles, circles, ellipses, polygons, lines and polylines with flat colours, and a
year as text. :func:`problems` checks a file against it (the tests run it on every
file), and the same subset is what :func:`rasterise` draws with Pillow for the link
previews (``og:image`` needs a raster). Why Pillow and not an SVG library: CairoSVG
and svglib need the system's Cairo, which ``make`` does not install, and resvg is
compiled code outside the pinned set; the subset drawn here is the whole of what the
files may contain, so the preview is the illustration, not an approximation of it.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from site_builder import PACKAGE_DIR

THEME_DIR = PACKAGE_DIR.parent / "theme"
"""The kit's theme, beside the package (the project's ``custom_dir``)."""
FOLDER = "assets/illustrations"
"""Where the illustrations are, below the theme, and where the site publishes them."""

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH, HEIGHT = 640, 360
"""Every illustration's view box: 16:9, the shape of the news cards and the lead picture."""

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "three-pillars": ("Hình vẽ: ba cột trụ đỡ một mái chung, mặt trời phía sau",
                      "Drawing: three pillars holding up one roof, the sun behind"),
    "flag-row": ("Hình vẽ: một hàng cột cờ với lá cờ nhiều màu",
                 "Drawing: a row of flagpoles with flags of many colours"),
    "health-shield": ("Hình vẽ: tấm khiên có chữ thập y tế và đường nhịp tim",
                      "Drawing: a shield with a medical cross and a heartbeat line"),
    "megaphone": ("Hình vẽ: chiếc loa phát thanh và các khung lời nói",
                  "Drawing: a megaphone and speech bubbles"),
    "plane-mountains": ("Hình vẽ: máy bay bay qua núi, chiếc va li du lịch",
                        "Drawing: an aeroplane over mountains and a suitcase"),
    "plan-checklist": ("Hình vẽ: bảng kẹp giấy với danh sách việc đã đánh dấu",
                       "Drawing: a clipboard with a ticked checklist"),
    "signing-pen": ("Hình vẽ: văn bản, cây bút và con dấu",
                    "Drawing: a document, a pen and a seal"),
    "fireworks": ("Hình vẽ: pháo hoa và dây cờ trang trí",
                  "Drawing: fireworks and bunting"),
    "goods-truck": ("Hình vẽ: xe tải chở các thùng hàng",
                    "Drawing: a lorry carrying crates of goods"),
    "container-port": ("Hình vẽ: tàu container và cần cẩu ở cảng",
                       "Drawing: a container ship and a crane in a port"),
    "delta-river": ("Hình vẽ: dòng sông, ruộng lúa và con thuyền",
                    "Drawing: a river, rice fields and a boat"),
    "sunrise-road": ("Hình vẽ: con đường hướng về mặt trời mọc",
                     "Drawing: a road leading to the rising sun"),
    "round-table": ("Hình vẽ: bàn tròn với mười một chỗ ngồi, một chỗ mới",
                    "Drawing: a round table with eleven seats, one of them new"),
    "gong-lanterns": ("Hình vẽ: chiếc cồng, đèn lồng và chiếc quạt",
                      "Drawing: a gong, lanterns and a fan"),
    "lotus-boat": ("Hình vẽ: hoa sen trên đầm và con thuyền",
                   "Drawing: lotus flowers on a pond and a boat"),
}
"""What each illustration shows, in both languages: the alt text under a page's title
and of its link preview. Short and plain: the picture illustrates, the title informs."""

ELEMENTS = frozenset({"svg", "rect", "circle", "ellipse", "polygon", "polyline", "line", "text"})
"""Everything an illustration may contain: no script, no links, no images, no styles,
no filters, no foreign objects, so nothing in it can run or fetch."""
ATTRIBUTES: dict[str, frozenset[str]] = {
    "svg": frozenset({"xmlns", "viewBox", "width", "height", "role", "aria-hidden"}),
    "rect": frozenset({"x", "y", "width", "height", "rx", "fill"}),
    "circle": frozenset({"cx", "cy", "r", "fill", "stroke", "stroke-width"}),
    "ellipse": frozenset({"cx", "cy", "rx", "ry", "fill"}),
    "polygon": frozenset({"points", "fill"}),
    "polyline": frozenset({"points", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin"}),
    "line": frozenset({"x1", "y1", "x2", "y2", "stroke", "stroke-width", "stroke-linecap"}),
    "text": frozenset({"x", "y", "fill", "font-size", "font-weight", "font-family", "text-anchor"}),
}
COLOUR = re.compile(r"^(#[0-9a-f]{6}|none)$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
YEAR = re.compile(r"^(19|20)\d\d$")
"""The only text an illustration may hold: a year."""


def folder(theme: Path = THEME_DIR) -> Path:
    return theme / FOLDER


@lru_cache(maxsize=4)
def _names(path: str) -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in Path(path).glob("*.svg") if p.is_file() and not p.is_symlink()))


def names(theme: Path = THEME_DIR) -> tuple[str, ...]:
    """The illustrations the theme holds, by name (the file's stem), sorted."""
    return _names(str(folder(theme)))


def problems(text: str) -> list[str]:
    """What keeps an SVG file out of the subset (an empty list: it is an illustration).

    Checked: the root is an ``svg`` with the standard view box; only :data:`ELEMENTS`
    with their :data:`ATTRIBUTES`; colours as ``#rrggbb``; numbers as numbers; no
    comments or processing instructions but the file's leading comment; text only a year.
    """
    found: list[str] = []
    if "<!DOCTYPE" in text or "<!ENTITY" in text or "<?xml-stylesheet" in text:
        found.append("document type, entity or stylesheet declaration")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        return [f"not well-formed XML: {exc}"]
    if root.tag != f"{{{SVG_NS}}}svg":
        found.append(f"root element {root.tag}, not svg")
    if root.get("viewBox") != f"0 0 {WIDTH} {HEIGHT}":
        found.append(f"view box {root.get('viewBox')!r}, not '0 0 {WIDTH} {HEIGHT}'")
    for node in root.iter():
        if not isinstance(node.tag, str) or not node.tag.startswith(f"{{{SVG_NS}}}"):
            found.append(f"element {node.tag!r} outside SVG")
            continue
        tag = node.tag.split("}", 1)[1]
        if tag not in ELEMENTS:
            found.append(f"element <{tag}>")
            continue
        for name, value in node.attrib.items():
            if name not in ATTRIBUTES[tag]:
                found.append(f"attribute {name} on <{tag}>")
            elif name in ("stroke-linecap", "stroke-linejoin") and value != "round":
                found.append(f"{name}={value!r} on <{tag}>: only round ends are drawn")
            elif name in ("fill", "stroke") and not COLOUR.match(value):
                found.append(f"colour {value!r} on <{tag}>")
            elif name in ("x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "x1", "y1", "x2", "y2",
                          "stroke-width", "font-size") and tag != "svg" and not NUMBER.match(value):
                found.append(f"{name}={value!r} on <{tag}> is not a number")
        if tag == "text" and not YEAR.match((node.text or "").strip()):
            found.append(f"text {node.text!r}: only a year may be written")
        if tag != "text" and (node.text or "").strip():
            found.append(f"text inside <{tag}>")
    return found


@dataclass(frozen=True)
class Illustration:
    """What a template needs to show an illustration, with its address relative to the
    page that shows it. ``kind`` tells it from a photo's :class:`~site_builder.inputs.photos.Picture`."""

    name: str
    src: str
    alt: str
    """What it shows, in the page's language (empty where it only decorates a link)."""
    width: int = WIDTH
    height: int = HEIGHT
    kind: str = "illustration"


def illustration(name: str, lang: str, to_root: str) -> Illustration:
    """The illustration ``name`` on a page whose relative path to the language root is
    ``to_root`` (theme assets are published in each language's folder)."""
    vi, en = DESCRIPTIONS.get(name, ("", ""))
    return Illustration(name, f"{to_root}{FOLDER}/{name}.svg", vi if lang == "vi" else en)


def description(name: str, lang: str) -> str:
    vi, en = DESCRIPTIONS.get(name, ("", ""))
    return vi if lang == "vi" else en


# ── Credit lines ──────────────────────────────────────────────────────────────────
CREDIT_PREFIXES = ("ảnh chụp", "ảnh", "photograph", "photo", "image")
"""Words an editor may start a photo's credit with, which the credit line already says."""
LICENCE_PREFIXES = ("giấy phép", "licence", "license")


def without_prefix(text: str, prefixes: tuple[str, ...]) -> str:
    """``text`` without a leading "Ảnh:", "Photo by", "Ảnh của"… (any case, a colon or a
    dash after it): the theme writes that word itself, once. A prefix is removed only when
    followed by punctuation or "by"/"của", so a name that starts with one stays whole."""
    value = unicodedata.normalize("NFC", text).strip()
    words = "|".join(re.escape(p) for p in prefixes)
    match = re.match(rf"^(?:{words})(?:\s*[:：\-–—]\s*|\s+(?:by|của)\s+)", value, re.IGNORECASE)
    rest = value[match.end():].strip() if match else value
    return rest or value


# ── Drawing the subset with Pillow ─────────────────────────────────────────────────
SUPERSAMPLE = 2
"""Drawn at twice the size and reduced: Pillow draws without anti-aliasing."""
RASTER_VERSION = "2"
"""Bump when :func:`rasterise` draws differently: it is part of a card's cache key."""


def _points(value: str, scale: float, dx: float, dy: float) -> list[tuple[float, float]]:
    numbers = [float(n) for n in re.split(r"[\s,]+", value.strip()) if n]
    return [(numbers[i] * scale + dx, numbers[i + 1] * scale + dy) for i in range(0, len(numbers) - 1, 2)]


def _font(size: int) -> ImageFont.FreeTypeFont:
    from fontpkg_be_vietnam_pro import ROOT as FONTS

    return ImageFont.truetype(str(FONTS / "files" / "BeVietnamPro-Bold.ttf"), size)


def rasterise(text: str, size: tuple[int, int]) -> Image.Image:
    """The illustration drawn on an RGB canvas of ``size``, scaled to cover it and centred
    (a 1200×630 card trims a few per cent off the top and bottom of a 16:9 drawing, so
    the ground and the sea reach both edges); anything left uncovered takes the colour
    of the drawing's first (background) rectangle."""
    root = ET.fromstring(text)
    big = (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE)
    scale = max(big[0] / WIDTH, big[1] / HEIGHT)
    dx, dy = (big[0] - WIDTH * scale) / 2, (big[1] - HEIGHT * scale) / 2
    shapes = [node for node in root.iter() if isinstance(node.tag, str) and node.tag != root.tag]
    background = next((n.get("fill") for n in shapes if n.tag.endswith("}rect")), "#ffffff")
    image = Image.new("RGB", big, background)
    pen = ImageDraw.Draw(image)

    def num(node: ET.Element, name: str, default: float = 0.0) -> float:
        return float(node.get(name, default))

    def colour(node: ET.Element, name: str) -> str | None:
        value = node.get(name)
        return None if value in (None, "none") else value

    for node in shapes:
        tag = node.tag.split("}", 1)[1]
        fill, stroke = colour(node, "fill"), colour(node, "stroke")
        width = max(1, round(num(node, "stroke-width", 1) * scale))
        if tag == "rect":
            box = (num(node, "x") * scale + dx, num(node, "y") * scale + dy,
                   (num(node, "x") + num(node, "width")) * scale + dx, (num(node, "y") + num(node, "height")) * scale + dy)
            pen.rounded_rectangle(box, radius=num(node, "rx") * scale, fill=fill or "#000000")
        elif tag in ("circle", "ellipse"):
            cx, cy = num(node, "cx") * scale + dx, num(node, "cy") * scale + dy
            rx = num(node, "r" if tag == "circle" else "rx") * scale
            ry = num(node, "r" if tag == "circle" else "ry") * scale
            if fill or stroke is None:
                pen.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=fill or "#000000")
            if stroke:  # an SVG stroke is centred on the outline; Pillow's lies inside the box
                half = width / 2
                pen.ellipse((cx - rx - half, cy - ry - half, cx + rx + half, cy + ry + half), outline=stroke, width=width)
        elif tag == "polygon":
            pen.polygon(_points(node.get("points", ""), scale, dx, dy), fill=fill or "#000000")
        elif tag in ("polyline", "line"):
            if tag == "line":
                points = [(num(node, "x1") * scale + dx, num(node, "y1") * scale + dy),
                          (num(node, "x2") * scale + dx, num(node, "y2") * scale + dy)]
            else:
                points = _points(node.get("points", ""), scale, dx, dy)
            if fill and tag == "polyline":
                pen.polygon(points, fill=fill)
            if stroke:
                pen.line(points, fill=stroke, width=width, joint="curve")
                for x, y in (points[0], points[-1]):  # round ends, as the files ask
                    pen.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=stroke)
        elif tag == "text":
            font = _font(round(num(node, "font-size", 16) * scale))
            anchor = {"middle": "ms", "end": "rs"}.get(node.get("text-anchor", ""), "ls")
            pen.text((num(node, "x") * scale + dx, num(node, "y") * scale + dy), (node.text or "").strip(),
                     font=font, fill=fill or "#000000", anchor=anchor)
    return image.resize(size, Image.Resampling.LANCZOS)
