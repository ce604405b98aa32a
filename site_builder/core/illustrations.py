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
        found.extend(_node_problems(node))
    return found


NUMERIC = frozenset({"x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "x1", "y1", "x2", "y2",
                     "stroke-width", "font-size"})
"""Attributes whose value must be a plain number."""


def _node_problems(node: ET.Element) -> list[str]:
    """What keeps one element of an illustration out of the subset."""
    if not isinstance(node.tag, str) or not node.tag.startswith(f"{{{SVG_NS}}}"):
        return [f"element {node.tag!r} outside SVG"]
    tag = node.tag.split("}", 1)[1]
    if tag not in ELEMENTS:
        return [f"element <{tag}>"]
    found = [problem for name, value in node.attrib.items() if (problem := _attribute_problem(tag, name, value))]
    if tag == "text" and not YEAR.match((node.text or "").strip()):
        found.append(f"text {node.text!r}: only a year may be written")
    if tag != "text" and (node.text or "").strip():
        found.append(f"text inside <{tag}>")
    return found


def _attribute_problem(tag: str, name: str, value: str) -> str | None:
    if name not in ATTRIBUTES[tag]:
        return f"attribute {name} on <{tag}>"
    if name in ("stroke-linecap", "stroke-linejoin") and value != "round":
        return f"{name}={value!r} on <{tag}>: only round ends are drawn"
    if name in ("fill", "stroke") and not COLOUR.match(value):
        return f"colour {value!r} on <{tag}>"
    if name in NUMERIC and tag != "svg" and not NUMBER.match(value):
        return f"{name}={value!r} on <{tag}> is not a number"
    return None


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
    shapes = [node for node in root.iter() if isinstance(node.tag, str) and node.tag != root.tag]
    background = next((n.get("fill") for n in shapes if n.tag.endswith("}rect")), "#ffffff")
    canvas = _Canvas(Image.new("RGB", big, background))
    for node in shapes:
        canvas.draw(node)
    return canvas.image.resize(size, Image.Resampling.LANCZOS)


class _Canvas:
    """Pillow drawing the subset's shapes at the drawing's scale, centred."""

    def __init__(self, image: Image.Image) -> None:
        self.image, self.pen = image, ImageDraw.Draw(image)
        self.scale = max(image.width / WIDTH, image.height / HEIGHT)
        self.dx, self.dy = (image.width - WIDTH * self.scale) / 2, (image.height - HEIGHT * self.scale) / 2

    def draw(self, node: ET.Element) -> None:
        tag = node.tag.split("}", 1)[1]
        shape = {"rect": self.rect, "circle": self.ellipse, "ellipse": self.ellipse, "polygon": self.polygon,
                 "polyline": self.lines, "line": self.lines, "text": self.text}.get(tag)
        if shape is not None:
            shape(node, tag)

    @staticmethod
    def num(node: ET.Element, name: str, default: float = 0.0) -> float:
        return float(node.get(name, default))

    @staticmethod
    def colour(node: ET.Element, name: str) -> str | None:
        value = node.get(name)
        return None if value in (None, "none") else value

    def at(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale + self.dx, y * self.scale + self.dy

    def width(self, node: ET.Element) -> int:
        return max(1, round(self.num(node, "stroke-width", 1) * self.scale))

    def rect(self, node: ET.Element, tag: str) -> None:
        x, y = self.num(node, "x"), self.num(node, "y")
        box = (*self.at(x, y), *self.at(x + self.num(node, "width"), y + self.num(node, "height")))
        self.pen.rounded_rectangle(box, radius=self.num(node, "rx") * self.scale, fill=self.colour(node, "fill") or "#000000")

    def ellipse(self, node: ET.Element, tag: str) -> None:
        fill, stroke = self.colour(node, "fill"), self.colour(node, "stroke")
        cx, cy = self.at(self.num(node, "cx"), self.num(node, "cy"))
        rx = self.num(node, "r" if tag == "circle" else "rx") * self.scale
        ry = self.num(node, "r" if tag == "circle" else "ry") * self.scale
        if fill or stroke is None:
            self.pen.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=fill or "#000000")
        if stroke:  # an SVG stroke is centred on the outline; Pillow's lies inside the box
            width = self.width(node)
            half = width / 2
            self.pen.ellipse((cx - rx - half, cy - ry - half, cx + rx + half, cy + ry + half), outline=stroke, width=width)

    def polygon(self, node: ET.Element, tag: str) -> None:
        points = _points(node.get("points", ""), self.scale, self.dx, self.dy)
        self.pen.polygon(points, fill=self.colour(node, "fill") or "#000000")

    def lines(self, node: ET.Element, tag: str) -> None:
        fill, stroke = self.colour(node, "fill"), self.colour(node, "stroke")
        if tag == "line":
            points = [self.at(self.num(node, "x1"), self.num(node, "y1")), self.at(self.num(node, "x2"), self.num(node, "y2"))]
        else:
            points = _points(node.get("points", ""), self.scale, self.dx, self.dy)
        if fill and tag == "polyline":
            self.pen.polygon(points, fill=fill)
        if stroke:
            width = self.width(node)
            self.pen.line(points, fill=stroke, width=width, joint="curve")
            for x, y in (points[0], points[-1]):  # round ends, as the files ask
                self.pen.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=stroke)

    def text(self, node: ET.Element, tag: str) -> None:
        font = _font(round(self.num(node, "font-size", 16) * self.scale))
        anchor = {"middle": "ms", "end": "rs"}.get(node.get("text-anchor", ""), "ls")
        self.pen.text(self.at(self.num(node, "x"), self.num(node, "y")), (node.text or "").strip(),
                      font=font, fill=self.colour(node, "fill") or "#000000", anchor=anchor)
