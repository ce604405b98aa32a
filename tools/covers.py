"""Draws the theme's illustrations and the ASEAN flag and emblem, as SVG.

Usage: ``python tools/covers.py`` writes ``theme/assets/illustrations/<name>.svg`` for
every scene below, and ``theme/assets/flags/asean.svg`` and ``asean-emblem.svg``.
Running it again gives the same bytes; the files are committed, and the build only
copies them (and draws the link previews from them, :mod:`site_builder.core.illustrations`).

Why drawings: the shipped articles report real events, and we hold no photograph of them
whose licence we could show. The covers this tool used to make were coloured blocks with
a topic code, captioned like photos; a drawing that says it is a drawing is honest. Each
scene is one pictogram or small scene per subject (trade, health, travel...), in one flat
style: the section's palette, no outlines, no gradients, no words, a year at most.
Only the SVG subset of :data:`site_builder.core.illustrations.ELEMENTS` is written.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from site_builder.core.illustrations import HEIGHT, WIDTH, folder  # noqa: E402

# The section's palette (theme/assets/asean.css), with a few tints for scenery.
BLUE, DARK, MID, PALE = "#163a86", "#0e2a66", "#2c55a8", "#c9d6ef"
SKY, CREAM, MINT, BLUSH = "#e7edf9", "#fff6d6", "#e3f1e6", "#fbe4e8"
YELLOW, GOLD, AMBER = "#ffcc00", "#e0a800", "#b38600"
RED, ROSE, PINK = "#c8102e", "#e56b8a", "#f7b6c6"
GREEN, LEAF, WATER = "#2f7d4a", "#8cc084", "#4f7cc4"
WHITE, INK, STONE = "#ffffff", "#1b2333", "#9aa8c7"


def n(value: float) -> str:
    """A coordinate as the files write it: at most one decimal, no trailing zero."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def rect(x: float, y: float, w: float, h: float, fill: str, rx: float = 0) -> str:
    radius = f' rx="{n(rx)}"' if rx else ""
    return f'<rect x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}"{radius} fill="{fill}"/>'


def circle(cx: float, cy: float, r: float, fill: str = "none", stroke: str | None = None, width: float = 0) -> str:
    line = f' stroke="{stroke}" stroke-width="{n(width)}"' if stroke else ""
    return f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="{fill}"{line}/>'


def ellipse(cx: float, cy: float, rx: float, ry: float, fill: str) -> str:
    return f'<ellipse cx="{n(cx)}" cy="{n(cy)}" rx="{n(rx)}" ry="{n(ry)}" fill="{fill}"/>'


def pts(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{n(x)},{n(y)}" for x, y in points)


def poly(points: list[tuple[float, float]], fill: str) -> str:
    return f'<polygon points="{pts(points)}" fill="{fill}"/>'


def stroke(points: list[tuple[float, float]], colour: str, width: float) -> str:
    return (f'<polyline points="{pts(points)}" fill="none" stroke="{colour}" stroke-width="{n(width)}" '
            'stroke-linecap="round" stroke-linejoin="round"/>')


def line(x1: float, y1: float, x2: float, y2: float, colour: str, width: float) -> str:
    return (f'<line x1="{n(x1)}" y1="{n(y1)}" x2="{n(x2)}" y2="{n(y2)}" stroke="{colour}" '
            f'stroke-width="{n(width)}" stroke-linecap="round"/>')


def year(x: float, y: float, value: int, size: float, fill: str) -> str:
    return (f'<text x="{n(x)}" y="{n(y)}" fill="{fill}" font-size="{n(size)}" font-weight="700" '
            f'font-family="Be Vietnam Pro, Arial, sans-serif" text-anchor="middle">{value}</text>')


def arc(cx: float, cy: float, r: float, start: float, end: float, steps: int = 16) -> list[tuple[float, float]]:
    """Points along a circle from ``start`` to ``end`` degrees (0 = east, clockwise on screen)."""
    return [(cx + r * math.cos(math.radians(start + (end - start) * i / steps)),
             cy + r * math.sin(math.radians(start + (end - start) * i / steps))) for i in range(steps + 1)]


def oval(cx: float, cy: float, rx: float, ry: float, angle: float, steps: int = 14) -> list[tuple[float, float]]:
    """An ellipse turned by ``angle`` degrees, as a polygon (the subset has no transforms)."""
    a = math.radians(angle)
    out = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        x, y = rx * math.cos(t), ry * math.sin(t)
        out.append((cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a)))
    return out


def star(cx: float, cy: float, outer: float, inner: float, turn: float = -90) -> list[tuple[float, float]]:
    out = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = math.radians(turn + 36 * i)
        out.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return out


# ── Scenes ──────────────────────────────────────────────────────────────────────────
def three_pillars() -> list[str]:
    """Ten years of the ASEAN Community: three pillars under one roof."""
    out = [rect(0, 0, WIDTH, HEIGHT, SKY), circle(320, 118, 96, YELLOW), rect(0, 300, WIDTH, 60, PALE)]
    out += [poly([(150, 124), (320, 58), (490, 124)], BLUE), rect(160, 124, 320, 16, DARK)]
    for x, colour in ((200, BLUE), (298, GOLD), (396, RED)):
        out += [rect(x - 6, 140, 56, 12, DARK), rect(x, 152, 44, 118, colour)]
    out += [rect(170, 270, 300, 16, DARK), rect(150, 286, 340, 14, BLUE), year(560, 346, 2025, 30, DARK)]
    return out


def flag_row() -> list[str]:
    """Viet Nam in ASEAN: a row of flagpoles, Viet Nam's flag among them."""
    out = [rect(0, 0, WIDTH, HEIGHT, SKY), rect(0, 300, WIDTH, 60, GREEN)]
    colours = [BLUE, GOLD, MID, RED, None, GREEN, BLUE, ROSE, DARK]
    for i, colour in enumerate(colours):
        x = 52 + i * 68
        top = 70 if colour is None else 110
        out.append(rect(x - 3, top, 6, 300 - top, INK))
        if colour is None:  # Viet Nam: a red flag with a yellow star, 2:3
            out += [rect(x + 3, top, 60, 40, "#da251d"), poly(star(x + 33, top + 20, 13, 5), YELLOW)]
        else:
            out.append(rect(x + 3, top, 45, 30, colour))
    return out


def health_shield() -> list[str]:
    """Responding to COVID-19 together: a shield with a medical cross and a heartbeat."""
    out = [rect(0, 0, WIDTH, HEIGHT, MINT)]
    for cx, cy, r in ((110, 100, 26), (540, 120, 20), (520, 250, 14)):
        for k in range(8):
            a = math.radians(45 * k)
            out.append(line(cx + r * math.cos(a), cy + r * math.sin(a), cx + (r + 12) * math.cos(a),
                            cy + (r + 12) * math.sin(a), ROSE, 4))
        out.append(circle(cx, cy, r, ROSE))
    out += [poly([(320, 40), (420, 76), (410, 200), (320, 282), (230, 200), (220, 76)], BLUE),
            rect(300, 100, 40, 124, WHITE), rect(258, 142, 124, 40, WHITE)]
    out.append(stroke([(30, 320), (200, 320), (228, 282), (256, 348), (284, 320), (610, 320)], RED, 8))
    return out


def megaphone() -> list[str]:
    """Spreading the word about ASEAN: a megaphone and speech bubbles."""
    out = [rect(0, 0, WIDTH, HEIGHT, CREAM)]
    out += [rect(128, 156, 48, 48, DARK, 8), poly([(170, 150), (330, 84), (330, 276), (170, 210)], RED),
            rect(326, 78, 20, 204, DARK, 8), rect(214, 206, 26, 66, DARK, 6)]
    for r in (60, 100, 140):
        out.append(stroke(arc(350, 180, r, -38, 38, 10), BLUE, 10))
    out += [rect(430, 36, 170, 76, WHITE, 20), poly([(470, 108), (500, 108), (460, 136)], WHITE),
            rect(452, 58, 124, 10, PALE, 5), rect(452, 80, 84, 10, PALE, 5)]
    out += [rect(470, 250, 140, 64, BLUE, 20), poly([(580, 310), (556, 310), (596, 334)], BLUE),
            rect(492, 270, 96, 10, MID, 5), rect(492, 290, 60, 10, MID, 5)]
    return out


def plane_mountains() -> list[str]:
    """Travel in ASEAN: an aeroplane over mountains, a suitcase."""
    out = [rect(0, 0, WIDTH, HEIGHT, SKY), circle(540, 86, 44, YELLOW)]
    out += [poly([(-20, 300), (130, 150), (280, 300)], MID), poly([(170, 300), (330, 118), (490, 300)], BLUE),
            poly([(400, 300), (520, 196), (660, 300)], MID),
            poly([(330, 118), (302, 150), (318, 146), (330, 160), (344, 146), (358, 150)], WHITE),
            rect(0, 300, WIDTH, 60, GREEN)]
    out += [ellipse(250, 92, 96, 15, RED), poly([(236, 94), (288, 94), (236, 146), (208, 146)], DARK),
            poly([(236, 90), (280, 90), (244, 50), (222, 50)], DARK), poly([(164, 90), (186, 90), (168, 58), (154, 58)], DARK),
            circle(330, 90, 5, WHITE), circle(310, 90, 5, WHITE), circle(290, 90, 5, WHITE)]
    out += [stroke([(534, 254), (534, 236), (566, 236), (566, 254)], DARK, 8), rect(500, 250, 100, 82, YELLOW, 10),
            rect(522, 250, 10, 82, GOLD), rect(568, 250, 10, 82, GOLD)]
    return out


def plan_checklist() -> list[str]:
    """A plan for five years: a ticked checklist and a calendar."""
    out = [rect(0, 0, WIDTH, HEIGHT, BLUSH), rect(170, 46, 240, 294, BLUE, 16), rect(190, 76, 200, 248, WHITE, 6),
           rect(250, 30, 80, 34, DARK, 8)]
    for i, y in enumerate((116, 166, 216, 266)):
        out.append(rect(212, y - 15, 30, 30, SKY, 6))
        if i < 3:
            out.append(stroke([(218, y), (226, y + 8), (240, y - 10)], GREEN, 6))
        out.append(rect(258, y - 6, 110 if i % 2 == 0 else 84, 12, PALE, 6))
    out += [rect(450, 150, 140, 150, WHITE, 12), rect(450, 150, 140, 36, RED, 12), rect(450, 170, 140, 16, RED),
            rect(476, 138, 10, 24, DARK, 4), rect(554, 138, 10, 24, DARK, 4)]
    for row in range(2):
        for col in range(4):
            out.append(rect(466 + col * 30, 200 + row * 26, 18, 14, PALE, 3))
    out.append(year(520, 286, 2025, 28, DARK))
    return out


def signing_pen() -> list[str]:
    """An agreement signed: a document, a pen and a seal."""
    out = [rect(0, 0, WIDTH, HEIGHT, MINT), rect(160, 36, 240, 296, WHITE, 8)]
    for i in range(7):
        out.append(rect(190, 70 + i * 24, 180 if i % 3 else 120, 10, PALE, 5))
    out += [stroke([(196, 282), (214, 258), (230, 286), (248, 254), (266, 284), (286, 262)], BLUE, 5),
            line(190, 298, 370, 298, INK, 3)]
    out += [poly([(300, 300), (474, 126), (498, 150), (324, 324)], DARK),
            poly([(474, 126), (490, 110), (514, 134), (498, 150)], GOLD),
            poly([(300, 300), (324, 324), (288, 336)], GOLD)]
    out += [circle(486, 262, 52, RED), circle(486, 262, 36, "none", WHITE, 5), poly(star(486, 262, 20, 8), WHITE)]
    return out


def fireworks() -> list[str]:
    """An anniversary: fireworks and bunting at night."""
    out = [rect(0, 0, WIDTH, HEIGHT, DARK)]
    rope = [(0, 30), (160, 62), (320, 30), (480, 62), (640, 30)]
    out.append(stroke(rope, PALE, 3))
    colours = [YELLOW, RED, WHITE, LEAF, ROSE]
    for i in range(16):
        t = (i + 0.5) / 16
        x = t * WIDTH
        seg = min(int(t * 4), 3)
        (x0, y0), (x1, y1) = rope[seg], rope[seg + 1]
        y = y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        out.append(poly([(x - 13, y), (x + 13, y), (x, y + 28)], colours[i % len(colours)]))
    for cx, cy, r, colour in ((150, 160, 70, YELLOW), (470, 140, 80, ROSE), (320, 230, 56, WHITE)):
        for k in range(12):
            a = math.radians(30 * k)
            out.append(line(cx + 18 * math.cos(a), cy + 18 * math.sin(a), cx + r * math.cos(a), cy + r * math.sin(a), colour, 6))
        out.append(circle(cx, cy, 9, colour))
    out.append(year(320, 336, 2022, 40, YELLOW))
    return out


def goods_truck() -> list[str]:
    """Essential goods keep moving: a lorry with crates."""
    out = [rect(0, 0, WIDTH, HEIGHT, CREAM), rect(0, 300, WIDTH, 60, STONE)]
    for x in range(20, WIDTH, 120):
        out.append(rect(x, 326, 64, 8, WHITE, 4))
    out += [rect(100, 246, 340, 22, BLUE)]
    for x, colour in ((112, GOLD), (210, AMBER), (308, GOLD)):
        out += [rect(x, 162, 92, 84, colour, 4), rect(x, 198, 92, 10, WHITE if colour == AMBER else AMBER)]
    out += [ellipse(190, 140, 40, 24, "#f2e3b3"), ellipse(290, 140, 36, 22, "#f2e3b3")]
    out += [rect(440, 178, 112, 90, RED, 12), rect(466, 192, 66, 40, SKY, 6)]
    for cx in (170, 380, 500):
        out += [circle(cx, 286, 30, INK), circle(cx, 286, 12, PALE)]
    return out


def container_port() -> list[str]:
    """Trade by sea: a container ship and a crane."""
    out = [rect(0, 0, WIDTH, HEIGHT, SKY), rect(0, 272, WIDTH, 88, WATER)]
    for x in range(30, WIDTH, 130):
        out.append(stroke([(x, 318), (x + 20, 308), (x + 40, 318), (x + 60, 308)], PALE, 4))
    out.append(poly([(70, 228), (500, 228), (470, 292), (100, 292)], DARK))
    colours = [RED, GOLD, GREEN, MID, RED, YELLOW, BLUE]
    for row in range(2):
        for col in range(6 - row):
            out.append(rect(96 + col * 54 + row * 27, 192 - row * 36, 50, 34, colours[(col + row * 3) % len(colours)], 2))
    out += [rect(420, 168, 56, 60, WHITE, 4), rect(430, 180, 14, 12, MID), rect(452, 180, 14, 12, MID)]
    out += [rect(560, 60, 20, 212, GOLD), rect(360, 56, 240, 16, GOLD), line(396, 72, 396, 128, INK, 3),
            rect(370, 128, 52, 30, RED, 2), poly([(552, 272), (588, 272), (600, 290), (540, 290)], AMBER)]
    return out


def delta_river() -> list[str]:
    """A province of the Mekong delta: a river, rice fields, a boat."""
    out = [rect(0, 0, WIDTH, HEIGHT, SKY), circle(120, 70, 36, YELLOW),
           rect(0, 150, WIDTH, 210, LEAF),
           poly([(0, 150), (640, 150), (640, 200), (0, 230)], GREEN)]
    for i in range(6):
        y = 246 + i * 20
        out.append(line(0, y, 200 - i * 6, y - 10, GREEN, 4))
    out.append(poly([(230, 360), (330, 200), (360, 150), (400, 150), (400, 200), (520, 360)], WATER))
    out += [poly([(342, 274), (432, 274), (416, 296), (356, 296)], DARK),
            poly([(366, 274), (382, 248), (410, 248), (420, 274)], GOLD)]
    for x in (520, 590):
        out += [stroke([(x, 236), (x + 6, 180), (x + 14, 132)], AMBER, 8)]
        for a in (200, 250, 300, 345):
            out.append(poly(oval(x + 14 + 26 * math.cos(math.radians(a)), 132 + 16 * math.sin(math.radians(a)), 30, 8, a), GREEN))
    return out


def sunrise_road() -> list[str]:
    """A vision for the decades ahead: a road leading to the rising sun."""
    out = [rect(0, 0, WIDTH, HEIGHT, CREAM)]
    for k in range(9):
        a = math.radians(180 + 22.5 * k)
        out.append(line(320 + 110 * math.cos(a), 200 + 110 * math.sin(a),
                        320 + 160 * math.cos(a), 200 + 160 * math.sin(a), GOLD, 8))
    out += [circle(320, 200, 92, YELLOW), rect(0, 200, WIDTH, 160, GREEN),
            poly([(0, 250), (640, 230), (640, 360), (0, 360)], LEAF),
            poly([(300, 200), (340, 200), (520, 360), (120, 360)], DARK)]
    for y0, y1 in ((212, 232), (250, 282), (310, 352)):
        w0, w1 = 2 + (y0 - 200) / 16, 2 + (y1 - 200) / 16
        out.append(poly([(320 - w0, y0), (320 + w0, y0), (320 + w1, y1), (320 - w1, y1)], YELLOW))
    out.append(year(320, 184, 2045, 40, DARK))
    return out


def round_table() -> list[str]:
    """A new member: a round table with eleven seats, one of them new."""
    out = [rect(0, 0, WIDTH, HEIGHT, SKY), rect(0, 290, WIDTH, 70, PALE)]
    seats = []
    for k in range(11):
        a = math.radians(-90 + 360 * k / 11)
        seats.append((320 + 220 * math.cos(a), 180 + 118 * math.sin(a), k))
    behind = [s for s in seats if s[1] < 180]
    front = [s for s in seats if s[1] >= 180]
    for x, y, k in behind:
        out.append(circle(x, y, 22, YELLOW if k == 0 else MID))
    out += [ellipse(320, 196, 180, 88, DARK), ellipse(320, 182, 180, 88, BLUE), circle(320, 182, 30, YELLOW)]
    for x, y, _ in front:
        out.append(circle(x, y, 22, MID))
    out.append(circle(seats[0][0], seats[0][1], 30, "none", RED, 5))
    return out


def gong_lanterns() -> list[str]:
    """Culture: a gong on its frame, lanterns and a fan."""
    out = [rect(0, 0, WIDTH, HEIGHT, BLUSH), rect(0, 318, WIDTH, 42, ROSE)]
    out += [rect(218, 78, 16, 240, DARK), rect(406, 78, 16, 240, DARK), rect(196, 64, 248, 20, RED, 6),
            line(292, 84, 300, 126, INK, 3), line(348, 84, 340, 126, INK, 3),
            circle(320, 206, 84, GOLD), circle(320, 206, 62, YELLOW), circle(320, 206, 22, GOLD)]
    for x in (100, 540):
        out += [line(x, 0, x, 96, INK, 3), rect(x - 16, 94, 32, 12, GOLD, 3), ellipse(x, 152, 42, 50, RED),
                rect(x - 16, 198, 32, 12, GOLD, 3), line(x, 210, x, 244, GOLD, 4)]
    fan = [(540, 330)] + arc(540, 330, 78, 200, 340, 14)
    out.append(poly(fan, RED))
    for a in range(200, 341, 20):
        out.append(line(540, 330, 540 + 74 * math.cos(math.radians(a)), 330 + 74 * math.sin(math.radians(a)), GOLD, 3))
    return out


def lotus_boat() -> list[str]:
    """Local tourism: lotus flowers on a pond and a boat."""
    out = [rect(0, 0, WIDTH, HEIGHT, SKY), circle(540, 70, 40, YELLOW), rect(0, 200, WIDTH, 160, WATER)]
    for x in range(40, WIDTH, 160):
        out.append(stroke([(x, 226), (x + 22, 216), (x + 44, 226)], PALE, 4))
    for cx, cy, rx in ((110, 300, 70), (260, 330, 56), (560, 310, 64)):
        out.append(ellipse(cx, cy, rx, rx * 0.32, GREEN))
    for cx, cy in ((120, 260), (560, 268)):
        out += [line(cx, cy + 6, cx, cy + 40, GREEN, 6), poly(oval(cx - 18, cy - 6, 26, 10, -60), PINK),
                poly(oval(cx + 18, cy - 6, 26, 10, 60), PINK), poly(oval(cx, cy - 14, 30, 11, 90), ROSE)]
    out += [poly([(300, 238), (470, 238), (440, 268), (326, 268)], DARK),
            poly([(350, 238), (362, 206), (420, 206), (432, 238)], GOLD),
            line(392, 206, 392, 150, INK, 4), poly([(394, 152), (394, 196), (432, 196)], WHITE)]
    return out


SCENES: dict[str, Callable[[], list[str]]] = {
    "three-pillars": three_pillars,
    "flag-row": flag_row,
    "health-shield": health_shield,
    "megaphone": megaphone,
    "plane-mountains": plane_mountains,
    "plan-checklist": plan_checklist,
    "signing-pen": signing_pen,
    "fireworks": fireworks,
    "goods-truck": goods_truck,
    "container-port": container_port,
    "delta-river": delta_river,
    "sunrise-road": sunrise_road,
    "round-table": round_table,
    "gong-lanterns": gong_lanterns,
    "lotus-boat": lotus_boat,
}


def svg(shapes: list[str], comment: str) -> str:
    body = "\n".join(f"  {shape}" for shape in shapes)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">\n'
            f"  <!-- {comment} -->\n{body}\n</svg>\n")


# ── The ASEAN flag and emblem ────────────────────────────────────────────────────────
FLAG_SOURCES = """Drawn from the official description; not the ASEAN Secretariat's own artwork.
  Design: ASEAN Charter (2007), Chapter XI, Article 37 (ASEAN Flag) and Article 38 (ASEAN
  Emblem): the flag bears the emblem on a blue field; the emblem is ten stalks of padi in
  yellow, bound together, in a red circle with a white circumference (ASEAN Secretariat,
  "ASEAN Flag Specifications" and "ASEAN Logo Meaning and Specifications",
  https://asean.or.id/7095.htm ; Guidelines on the Use of the ASEAN Emblem, points 1-5).
  Proportion 2:3 (width to length), from the same flag specifications.
  Colours: the specifications give Pantone and four-colour (CMYK) values, no screen values:
  blue Pantone 286 (textile 19-4053 TC), C100 M60 Y0 K6; red Pantone Red 032 (18-1655 TC),
  C0 M91 Y87 K0; yellow Pantone Process Yellow (13-0758 TC), C0 M0 Y100 K0; white.
  The screen colours below are those CMYK values converted without a colour profile,
  R = 255 x (1 - C) x (1 - K) and so on: blue #0060f0, red #ff1721, yellow #ffff00.
  A printed flag follows the Pantone values, not this file.
  Size of the disc: 0.6 of the flag's height, white border 1/80 of it, stalks half the
  disc's height, as measured by Flags of the World (http://vexillum.com/fotw/flags/int-asea.html);
  the Charter gives no construction sheet."""


def cmyk(c: float, m: float, y: float, k: float) -> str:
    """The profile-free conversion the comment states (no calibrated profile is sourced)."""
    channels = (255 * (1 - c / 100) * (1 - k / 100), 255 * (1 - m / 100) * (1 - k / 100), 255 * (1 - y / 100) * (1 - k / 100))
    return "#" + "".join(f"{round(v):02x}" for v in channels)


FLAG_BLUE, FLAG_RED, FLAG_YELLOW = cmyk(100, 60, 0, 6), cmyk(0, 91, 87, 0), cmyk(0, 0, 100, 0)


def stalks(cx: float, cy: float, height: float) -> list[str]:
    """Ten stalks of padi bound together: stems gathered by a band below the middle,
    fanning out above it, each ending in an ear of grain that leans outwards."""
    out = []
    top, bottom, waist = cy - height / 2, cy + height / 2, cy + height * 0.12
    for i in range(10):
        s = (i - 4.5) / 4.5  # -1 .. 1, left to right
        foot = (cx + s * height * 0.09, bottom)
        bind = (cx + s * height * 0.05, waist)
        head = (cx + s * height * 0.30, top + height * 0.20 + abs(s) * height * 0.16)
        out.append(stroke([foot, bind, head], FLAG_YELLOW, height * 0.032))
        angle = math.degrees(math.atan2(head[1] - bind[1], head[0] - bind[0]))
        ear = (head[0] + math.cos(math.radians(angle)) * height * 0.10, head[1] + math.sin(math.radians(angle)) * height * 0.10)
        out.append(poly(oval(ear[0], ear[1], height * 0.12, height * 0.038, angle), FLAG_YELLOW))
    out.append(rect(cx - height * 0.11, waist - height * 0.03, height * 0.22, height * 0.06, FLAG_YELLOW, height * 0.02))
    return out


def emblem_disc(cx: float, cy: float, diameter: float, hoist: float) -> list[str]:
    border = hoist / 80
    return [circle(cx, cy, diameter / 2, "#ffffff"), circle(cx, cy, diameter / 2 - border, FLAG_RED),
            *stalks(cx, cy + diameter * 0.02, hoist / 2)]


def flag_svg() -> str:
    width, height = 300, 200  # 2:3
    shapes = [rect(0, 0, width, height, FLAG_BLUE), *emblem_disc(150, 100, 0.6 * height, height)]
    body = "\n".join(f"  {s}" for s in shapes)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}">\n'
            f"  <!-- The ASEAN flag. {FLAG_SOURCES} -->\n{body}\n</svg>\n")


def emblem_svg() -> str:
    shapes = emblem_disc(100, 90, 160, 200 * 160 / 120)
    body = "\n".join(f"  {s}" for s in shapes)
    word = (f'  <text x="100" y="222" fill="{FLAG_BLUE}" font-size="40" font-weight="700" '
            'font-family="Helvetica, Arial, sans-serif" text-anchor="middle">asean</text>')
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 240" width="200" height="240">\n'
            f"  <!-- The ASEAN emblem, with the word \"asean\" in lower-case bold Helvetica below it\n"
            f"  (ASEAN Logo Meaning and Specifications). {FLAG_SOURCES} -->\n{body}\n{word}\n</svg>\n")


def main() -> None:
    target = folder()
    target.mkdir(parents=True, exist_ok=True)
    for name, scene in SCENES.items():
        comment = f"{scene.__doc__} Drawn by tools/covers.py; an illustration, not a photo."
        (target / f"{name}.svg").write_text(svg(scene(), comment), encoding="utf-8")
    flags = ROOT / "theme" / "assets" / "flags"
    (flags / "asean.svg").write_text(flag_svg(), encoding="utf-8")
    (flags / "asean-emblem.svg").write_text(emblem_svg(), encoding="utf-8")
    print(f"{len(SCENES)} illustrations in {target.relative_to(ROOT)}, the ASEAN flag and emblem in {flags.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
