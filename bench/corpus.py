"""A national-scale corpus that is valid input for the build: the real project plus 34
synthetic provincial plans (assignments, 10–65 appendix activities each) and N articles
per language in Vietnamese with diacritics (and English), for the benchmarks.

The synthetic plans are issued by the provinces and cities of today already in
``plans/units.yaml``; two by former provinces (Bến Tre, Kiên Giang), recorded as merged into
the unit of today that carries them, as the real former provinces are.

Usage: ``python bench/corpus.py OUT [--articles 1000]``. The output is a complete project
folder (mkdocs.yml, theme/, content/, plans/) that ``python -m site_builder check`` accepts.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import random
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from site_builder.core.slug import slugify  # noqa: E402
from site_builder.model.common import PILLARS  # noqa: E402

PROVINCES = [
    "An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Gia Lai", "Hà Tĩnh",
    "Hưng Yên", "Khánh Hòa", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Nghệ An", "Ninh Bình", "Phú Thọ",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sơn La", "Tây Ninh", "Thái Nguyên", "Tuyên Quang", "Vĩnh Long",
    "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh", "Bến Tre", "Kiên Giang",
]
FORMER = {"Bến Tre": "vinh-long", "Kiên Giang": "an-giang"}
"""Former provinces among the synthetic issuers, and the unit of today each was merged into."""
SOURCE_202 = ('{vi: "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính '
              'cấp tỉnh", en: "Resolution 202/2025/QH15 of 12 June 2025 of the National Assembly on the '
              'reorganisation of provincial-level administrative units"}')
WORD = re.compile(r"[^\W\d_]+")
NOT_PROSE = re.compile(r"\]\([^)]*\)|`[^`]*`|\{[^}]*\}|<[^>]*>|https?://\S+")


@functools.cache
def vocabulary(lang: str) -> tuple[list[str], list[int]]:
    """The words of the project's own pages in ``lang``, most frequent first, with their
    cumulative counts. Text drawn from it has the word frequencies of real ASEAN writing
    in that language (a few very common words, a long tail), so that the search index
    and what a first search downloads are like a real site's. (An earlier corpus drew
    from 100 equally likely words: every word was on every page, and each search chunk
    held the postings of many such words.)"""
    counts: Counter[str] = Counter()
    for path in sorted((ROOT / "content" / lang).rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        counts.update(word.lower() for word in WORD.findall(NOT_PROSE.sub(" ", body)))
    words = sorted(counts, key=lambda word: (-counts[word], word))
    return words, list(itertools.accumulate(counts[word] for word in words))


def sentence(rng: random.Random, lang: str, n: int) -> str:
    words, cumulative = vocabulary(lang)
    text = " ".join(rng.choices(words, cum_weights=cumulative, k=n))
    return text[0].upper() + text[1:] + "."


def text(rng: random.Random, n: int = 12) -> str:
    return f'{{vi: "{sentence(rng, "vi", n)}", en: "{sentence(rng, "en", n)}"}}'


def write_plan(out: Path, rng: random.Random, name: str) -> tuple[str, str, list[str]]:
    unit = slugify(name)
    plan_id = f"{unit}-2021-2025"
    agencies = [f"{unit}-{a}" for a in ("uy-ban-nhan-dan-tinh", "so-thong-tin-va-truyen-thong", "so-ngoai-vu",
                                          "so-van-hoa-the-thao-va-du-lich", "bao-tinh", "dai-phat-thanh-truyen-hinh")]
    n = rng.randint(10, 65)
    groups = ["I", "II", "III"]
    lines = [
        "# yaml-language-server: $schema=../schemas/plan.schema.json",
        f"id: {plan_id}", "document_type: plan",
        f'title: {{vi: "Kế hoạch tuyên truyền, quảng bá ASEAN giai đoạn 2021-2025 trên địa bàn tỉnh {name}", '
        f'en: "Plan for ASEAN communication and promotion in {name} Province, 2021-2025"}}',
        f'short_title: {{vi: "Kế hoạch ASEAN tỉnh {name}", en: "{name} ASEAN plan"}}',
        f'number: "{rng.randint(10, 300)}/KH-UBND"', f"issued: 2021-{rng.randint(8, 12):02d}-{rng.randint(1, 28):02d}",
        f"issuer: {unit}", f"issuing_agency: {agencies[0]}", "signer: null", "period: {start: 2021, end: 2025}",
        "status: expired", "legal_basis:",
        '  - citation: {vi: "Quyết định số 01/QĐ-BCĐASEAN ngày 05/8/2021", en: "Decision 01/QĐ-BCĐASEAN of 5 August 2021"}',
        '    number: "01/QĐ-BCĐASEAN"', "    date: 2021-08-05", "    plan: bcd-asean-2021-2025", "    implements: true",
        "sections:",
        '  - ref: "I"', '    heading: {vi: "Mục đích, yêu cầu", en: "Purposes and requirements"}', "    kind: purposes",
        "    items:",
    ]
    lines += [f"      - text: {text(rng, 20)}" for _ in range(4)]
    lines += ['  - ref: "II"', '    heading: {vi: "Nội dung tuyên truyền", en: "Content themes"}', "    kind: themes",
              "    items:"]
    for _ in range(6):
        lines += [f"      - text: {text(rng, 25)}", f"        pillars: [{rng.choice(PILLARS)}]"]
    lines += ['  - ref: "III"', '    heading: {vi: "Tổ chức thực hiện", en: "Implementation"}', "    kind: implementation",
              "    items:"]
    for i, agency in enumerate(agencies[1:], 1):
        lines += [f'      - ref: "{i}"', f"        heading: {text(rng, 4)}", "        kind: assignment",
                  f"        agencies: [{agency}]", "        items:"]
        lines += [f"          - text: {text(rng, 18)}" for _ in range(3)]
    lines += ["appendix:", '  title: {vi: "Danh mục hoạt động", en: "List of activities"}', "  groups:"]
    lines += [f'    - id: "{g}"\n      name: {text(rng, 6)}' for g in groups]
    lines += ["  activities:"]
    counters = {g: 0 for g in groups}
    for k in range(n):
        g = groups[min(k * 3 // n, 2)]
        counters[g] += 1
        lead, partner = rng.sample(agencies[1:], 2)
        lines += [f'    - id: "{g}.{counters[g]}"', f"      name: {text(rng, 16)}",
                  f"      lead: {{text: {text(rng, 4)}, agencies: [{lead}]}}",
                  f"      partners: {{text: {text(rng, 4)}, agencies: [{partner}]}}",
                  '      timeline: {text: {vi: "Hàng năm", en: "Yearly"}, kind: yearly, start: 2021, end: 2025}',
                  f"      pillars: [{rng.choice(PILLARS)}]"]
    lines += ["source:", "  file: synthetic.txt"]
    (out / "plans" / f"{plan_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return unit, plan_id, agencies


PHOTOS = 12
"""Distinct photos in the corpus (``content/media/bench/``); every tenth article shows one."""
TAGS = ["ngay-asean", "tuan-le-asean", "ke-hoach", "tuyen-truyen", "cong-dong-asean", "rcep", "covid-19", "du-lich"]
"""Tags of the project's own tags.yaml that the articles draw from (related news use them)."""


def write_photos(out: Path, rng: random.Random) -> None:
    """Photo-like pictures, 1600×1067 JPEG: gradients and many soft shapes, so that the encoders
    work as hard as on a photograph (a flat picture would encode in no time)."""
    import io

    from PIL import Image, ImageDraw, ImageFilter

    folder = out / "content" / "media" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(PHOTOS):
        im = Image.linear_gradient("L").resize((1600, 1067)).convert("RGB")
        pen = ImageDraw.Draw(im)
        for _ in range(400):
            x, y, r = rng.randint(0, 1600), rng.randint(0, 1067), rng.randint(5, 120)
            pen.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randint(0, 255) for _ in range(3)))
        im = im.filter(ImageFilter.GaussianBlur(2))
        buffer = io.BytesIO()
        im.save(buffer, "JPEG", quality=90)
        (folder / f"anh-{n:02d}.jpg").write_bytes(buffer.getvalue())


def write_article(out: Path, rng: random.Random, i: int) -> None:
    date = f"20{rng.randint(21, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    topic = rng.choice(PILLARS)
    tags = rng.sample(TAGS, rng.randint(0, 2))
    for lang in ("vi", "en"):
        title = sentence(rng, lang, 8)[:-1]
        body = "\n\n".join(sentence(rng, lang, rng.randint(40, 90)) for _ in range(rng.randint(4, 9)))
        photo = (f"image: bench/anh-{i // 10 % PHOTOS:02d}.jpg\nimage_alt: \"{sentence(rng, lang, 6)}\"\n"
                 "image_credit: \"Bench\"\nimage_licence: \"CC0 1.0\"\n") if i % 10 == 0 else ""
        page = (
            f'---\ntitle: "{title}"\ndescription: "{sentence(rng, lang, 20)}"\nkind: news\ndate: {date}\n'
            f"topics: [{topic}]\ntags: [{', '.join(tags)}]\n{photo}"
            f"sources:\n  - {{title: \"Cổng thông tin điện tử\", publisher: \"Sở Ngoại vụ\"}}\n---\n\n# {title}\n\n"
            f"## {sentence(rng, lang, 5)[:-1]} {{ #a }}\n\n{body}\n"
        )
        path = out / "content" / lang / "news" / f"bai-{i:05d}.md"
        path.write_text(page, encoding="utf-8")


def generate(out: Path, articles: int = 1000, seed: int = 2021) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, out / name)
    for name in ("theme", "content", "plans", "schemas"):
        shutil.copytree(ROOT / name, out / name)
    units_file = out / "plans/units.yaml"
    units_text = units_file.read_text(encoding="utf-8")
    known = {u["id"] for u in yaml.safe_load(units_text)["units"]}
    units, agencies = [], []
    for name in PROVINCES:
        unit, _plan_id, names = write_plan(out, rng, name)
        if unit not in known:
            units.append(f'  - id: {unit}\n    level: province\n    name: {{vi: "Tỉnh {name}", en: "{name} Province"}}\n'
                         "    parent: viet-nam\n")
        if name in FORMER:  # merged in 2025: linked both ways, so its plan shows in its successor's section
            units[-1] += (f"    succeeded_by:\n      - to: {FORMER[name]}\n        effective: 2025-07-01\n"
                          f"        source: {SOURCE_202}\n")
            predecessor = f'      - name: {{vi: "Tỉnh {name}", en: "{name} Province"}}\n'
            assert predecessor in units_text, name
            units_text = units_text.replace(predecessor, f"      - unit: {unit}\n")
        for agency in names:
            agencies.append(f"  - id: {agency}\n    name: {text(rng, 5)}\n    kind: department\n    unit: {unit}\n")
    units_file.write_text(units_text + "\n" + "".join(units), encoding="utf-8")
    with (out / "plans/agencies.yaml").open("a", encoding="utf-8") as fh:
        fh.write("".join(agencies))
    for lang in ("vi", "en"):
        (out / "content" / lang / "news").mkdir(parents=True, exist_ok=True)
    write_photos(out, rng)
    for i in range(articles):
        write_article(out, rng, i)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    generate(args.out, args.articles)
    print(f"corpus: {args.out} ({args.articles} articles per language, {len(PROVINCES)} synthetic plans)")


if __name__ == "__main__":
    main()
