"""Covers for the shipped news items, drawn with the link-preview card generator.

Usage: ``python tools/covers.py`` writes ``content/media/covers/<article>.jpg`` for every
article of ``content/vi/news/`` and, where an article has no ``image`` yet, adds the
cover and its alt text, credit and licence to the front matter of both languages.

The example articles report real events, and we hold no photograph of them whose licence
we could show; a cover drawn here instead carries no text of either language (the year
and the code of the article's first pillar or topic, such as ``AEC``), so that one file
serves both languages as every photo does (``content/media/``). It is drawn by
:meth:`site_builder.images.SiteCard.draw` in a colour per topic, with the kit's own font.
Running the tool again gives the same bytes; an editor replaces a cover by naming a
photo of their own in ``image``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from site_builder.content_tree import split_front_matter  # noqa: E402
from site_builder.images import SiteCard  # noqa: E402
from site_builder.vocabulary import TOPIC_BY_ID  # noqa: E402

COLOURS = {
    "political-security": "#163a86",
    "economic": "#0b5d3b",
    "socio-cultural": "#7a1f5c",
    "covid-19": "#8a2c0d",
    "tourism": "#005f73",
    "identity": "#163a86",
    "connectivity": "#3d3a8f",
}
"""Background per topic: each carries white text at more than 7:1."""
ACCENT = "#ffcc00"

CREDIT = {"vi": "Bộ công cụ Chuyên mục ASEAN (ảnh bìa vẽ tự động)", "en": "ASEAN section kit (generated cover)"}
LICENCE = {"vi": "MIT, như mã nguồn của bộ công cụ", "en": "MIT, like the kit's source code"}


def alt_text(lang: str, year: str, topic_id: str) -> str:
    topic = TOPIC_BY_ID[topic_id]
    if lang == "vi":
        return f"Ảnh bìa minh họa: năm {year}, {topic.vi} ({topic.abbr})"
    return f"Cover illustration: {year}, {topic.en} ({topic.abbr})"


def cover(year: str, topic_id: str) -> bytes:
    topic = TOPIC_BY_ID[topic_id]
    return SiteCard(f"{year} · {topic.abbr}", "ASEAN", COLOURS[topic_id], ACCENT).draw()


def front_matter(path: Path) -> dict:
    parts = split_front_matter(path.read_text(encoding="utf-8"))
    assert parts is not None, path
    return yaml.safe_load(parts[0])


def add_image(path: Path, fields: dict[str, str]) -> None:
    """Append the image fields at the end of the front matter, quoted as YAML strings."""
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4)
    lines = "".join(f"{key}: {yaml.safe_dump(value, allow_unicode=True, default_style=chr(34)).strip()}\n"
                    for key, value in fields.items())
    path.write_text(text[:end + 1] + lines + text[end + 1:], encoding="utf-8")


def main() -> None:
    media = ROOT / "content" / "media" / "covers"
    media.mkdir(parents=True, exist_ok=True)
    for vi_path in sorted((ROOT / "content" / "vi" / "news").glob("*.md")):
        meta = front_matter(vi_path)
        year, topic_id = str(meta["date"])[:4], meta["topics"][0]
        rel = f"covers/{vi_path.stem}.jpg"
        target = ROOT / "content" / "media" / rel
        data = cover(year, topic_id)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        for lang in ("vi", "en"):
            page = ROOT / "content" / lang / "news" / vi_path.name
            if page.exists() and "image" not in front_matter(page):
                add_image(page, {"image": rel, "image_alt": alt_text(lang, year, topic_id),
                                 "image_credit": CREDIT[lang], "image_licence": LICENCE[lang]})
        print(rel)


if __name__ == "__main__":
    main()
