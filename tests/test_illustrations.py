"""Drawn illustrations: safe SVG of the theme, one per article, chosen and checked by name,
shown without a credit and shared as a drawn card; the ASEAN flag and emblem; the credit
line of a photo written once whatever the editor typed."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import types
from pathlib import Path

import pytest
from conftest import ROOT, MiniProject
from PIL import Image

from site_builder.core import illustrations
from site_builder.core.i18n import translations
from site_builder.core.illustrations import CREDIT_PREFIXES, DESCRIPTIONS, LICENCE_PREFIXES, names, problems, without_prefix
from site_builder.derive.cards import CARD_SIZE, illustration_card
from site_builder.derive.project import check_project
from site_builder.inputs.yamlsource import split_front_matter
from site_builder.render.view import SiteView

FLAGS = ROOT / "theme" / "assets" / "flags"


def front_matter(path: Path) -> str:
    parts = split_front_matter(path.read_text(encoding="utf-8"))
    assert parts is not None, path
    return parts[0]


def field(path: Path, name: str) -> str | None:
    match = re.search(rf"^{name}: *\"?([^\"\n]+)\"?$", front_matter(path), re.M)
    return match.group(1) if match else None


def load_tool() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("covers", ROOT / "tools" / "covers.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ── The files ───────────────────────────────────────────────────────────────────────
def test_every_illustration_is_the_safe_subset_of_svg() -> None:
    """Only flat shapes and a year: no script, event attribute, link, external reference,
    embedded image, style or foreign element, in any file of the folder."""
    assert len(names()) >= 15
    for name in names():
        text = (illustrations.folder() / f"{name}.svg").read_text(encoding="utf-8")
        assert problems(text) == [], (name, problems(text))
        body = re.sub(r"<!--.*?-->", "", text, flags=re.S).lower()
        for needle in ("<script", "javascript:", "href", "url(", "<image", "foreignobject", "<style", "@import"):
            assert needle not in body, (name, needle)
        assert not re.search(r"\son[a-z]+=", body), name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"><script>alert(1)</script></svg>', "element <script>"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"><rect x="0" y="0" width="1" height="1" '
         'fill="#000000" onload="alert(1)"/></svg>', "attribute onload on <rect>"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"><rect x="0" y="0" width="1" height="1" '
         'fill="url(#g)"/></svg>', "colour 'url(#g)'"),
        ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" viewBox="0 0 640 360">'
         '<image x:href="https://example.com/a.png"/></svg>', "element <image>"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"><text x="1" y="1">AEC</text></svg>',
         "only a year may be written"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"><foreignObject/></svg>', "element <foreignObject>"),
        ('<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"/>',
         "document type"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"/>', "view box"),
    ],
    ids=["script", "event", "paint server", "image", "topic code", "foreign", "entity", "view box"],
)
def test_the_subset_check_refuses_what_could_run_fetch_or_pretend(text: str, expected: str) -> None:
    assert any(expected in found for found in problems(text)), problems(text)


def test_no_illustration_repeats_another_and_each_has_its_words() -> None:
    """Fifteen different drawings (not one file under several names), each described in
    both languages; a year is the only text, and no drawing carries a topic code."""
    bodies = {}
    for name in names():
        text = (illustrations.folder() / f"{name}.svg").read_text(encoding="utf-8")
        shapes = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        bodies.setdefault(hashlib.sha256(shapes.encode()).hexdigest(), []).append(name)
        for written in re.findall(r"<text[^>]*>([^<]*)</text>", text):
            assert re.fullmatch(r"(19|20)\d\d", written), (name, written)
    assert all(len(group) == 1 for group in bodies.values()), bodies
    assert set(DESCRIPTIONS) == set(names())
    for vi, en in DESCRIPTIONS.values():
        assert vi.startswith("Hình vẽ:") and en.startswith("Drawing:")  # it says it is a drawing


def test_the_tool_draws_the_committed_files() -> None:
    """``tools/covers.py`` gives the same bytes as the files in the theme (no hand edit
    drifts from the tool, and a scene changed in the tool is committed)."""
    tool = load_tool()
    assert set(tool.SCENES) == set(names())
    for name, scene in tool.SCENES.items():
        comment = f"{scene.__doc__} Drawn by tools/covers.py; an illustration, not a photo."
        assert tool.svg(scene(), comment) == (illustrations.folder() / f"{name}.svg").read_text(encoding="utf-8"), name
    assert tool.flag_svg() == (FLAGS / "asean.svg").read_text(encoding="utf-8")
    assert tool.emblem_svg() == (FLAGS / "asean-emblem.svg").read_text(encoding="utf-8")


def test_the_card_of_an_illustration_is_the_drawing_itself() -> None:
    """The link preview is drawn by Pillow from the file's own shapes at 1200×630: the
    sides take the drawing's background colour, the middle shows the drawing."""
    card = illustration_card("container-port")
    assert card.variant.path.startswith("media/container-port-card.") and card.variant.path.endswith(".jpg")
    image = illustrations.rasterise(card.svg, CARD_SIZE)
    assert image.size == CARD_SIZE
    assert image.getpixel((5, 5)) == (0xE7, 0xED, 0xF9)  # the background rectangle (SKY)
    colours = image.resize((60, 32)).getcolors(60 * 32)
    assert colours is not None and len(colours) > 20  # the ship, its containers, the crane, the sea
    assert illustration_card("container-port").variant == card.variant  # same drawing, same file
    assert illustration_card("fireworks").variant.key != card.variant.key


# ── The shipped content ─────────────────────────────────────────────────────────────
def shipped_articles(lang: str) -> list[Path]:
    return sorted((ROOT / "content" / lang / "news").glob("*.md"))


def test_each_shipped_article_has_its_own_drawing_in_both_languages() -> None:
    """No generated picture poses as a photo: the shipped articles name no ``image`` and no
    credit; each has a drawing of its own, the same in both languages, and the drawings
    of the culture and tourism pages are not an article's."""
    assert not (ROOT / "content" / "media" / "covers").exists()
    seen: dict[str, str] = {}
    for path in shipped_articles("vi"):
        name = field(path, "illustration")
        assert name in names(), path
        assert field(path, "image") is None and field(path, "image_credit") is None, path
        assert name not in seen, (path.name, seen.get(name or ""))
        seen[name] = path.name
        english = ROOT / "content" / "en" / "news" / path.name
        assert field(english, "illustration") == name and field(english, "image") is None, english
    assert len(seen) == len(shipped_articles("vi")) >= 13
    for page in ("culture/index.md", "tourism/index.md"):
        for lang in ("vi", "en"):
            name = field(ROOT / "content" / lang / page, "illustration")
            assert name in names() and name not in seen, (lang, page)


def test_the_flag_and_the_emblem_are_drawn_from_their_sources() -> None:
    """The flag in its 2:3 proportion, both in the colours converted from the CMYK values
    of the specifications, each file naming the Charter's articles and the page of the
    specifications; nothing in them can run or fetch."""
    tool = load_tool()
    flag = (FLAGS / "asean.svg").read_text(encoding="utf-8")
    emblem = (FLAGS / "asean-emblem.svg").read_text(encoding="utf-8")
    assert 'viewBox="0 0 300 200"' in flag  # width to length 2:3
    for text in (flag, emblem):
        assert "Article 37" in text and "Article 38" in text and "https://asean.or.id/7095.htm" in text
        assert "C100 M60 Y0 K6" in text and "Pantone 286" in text
        for needle in ("<script", "href", "<image", "url(", "<style", "foreignObject"):
            assert needle not in text
    assert (tool.FLAG_BLUE, tool.FLAG_RED, tool.FLAG_YELLOW) == ("#0060f0", "#ff1721", "#ffff00")
    assert tool.FLAG_BLUE in flag and tool.FLAG_RED in flag and tool.FLAG_YELLOW in flag
    assert ">asean</text>" in emblem


# ── Checked by name ───────────────────────────────────────────────────────────────────
def news(tiny: MiniProject, fields: str) -> None:
    tiny.write(
        "content/vi/news/hinh.md",
        "---\ntitle: Tin có hình vẽ\ndescription: Mô tả\nkind: news\ndate: 2024-08-08\ntopics: [identity]\n"
        "sources:\n  - {title: Nguồn, publisher: Sở Ngoại vụ}\n" + fields + "---\n\n# Tin có hình vẽ\n\nNội dung.\n",
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("illustration: harbour\n",
         (r"content/vi/news/hinh\.md:9:\d+: illustration: không có hình minh họa 'harbour'; các hình có sẵn: .*container-port",
          "there is no illustration 'harbour'; the ones available are: ")),
        ("illustration: ../flags/vn\n", (r"content/vi/news/hinh\.md:9:\d+: illustration", "")),
        ("illustration: container-port\nimage: a.jpg\nimage_alt: X\nimage_credit: X\nimage_licence: X\n",
         (r"content/vi/news/hinh\.md:\d+:\d+: .*không dùng thêm hình minh họa",
          "a page with a photo (image) takes no illustration as well")),
    ],
    ids=["unknown", "a path", "with a photo"],
)
def test_check_names_a_wrong_illustration_with_file_line_and_field(tiny: MiniProject, fields: str,
                                                                    expected: tuple[str, str]) -> None:
    news(tiny, fields)
    _, found = check_project(tiny.root)
    joined = "\n".join(p.format() for p in found.errors)
    assert re.search(expected[0], joined), joined
    assert expected[1] in joined, joined


def test_a_known_illustration_passes_check(tiny: MiniProject) -> None:
    news(tiny, "illustration: container-port\n")
    _, found = check_project(tiny.root)
    assert not [p for p in found.errors if "hinh.md" in p.format()]


# ── Credit lines ──────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Ảnh: Sở Ngoại vụ", "Sở Ngoại vụ"),
        ("ảnh - TTXVN", "TTXVN"),
        ("Ảnh của Sở TT&TT", "Sở TT&TT"),
        ("Photo: Department of Foreign Affairs", "Department of Foreign Affairs"),
        ("PHOTO by Nguyễn Văn A", "Nguyễn Văn A"),
        ("Sở Ngoại vụ", "Sở Ngoại vụ"),
        ("Photographer's Studio", "Photographer's Studio"),  # a name that starts like a prefix stays whole
        ("Ảnh:", "Ảnh:"),  # nothing after it: left as typed rather than emptied
    ],
)
def test_a_typed_prefix_is_taken_off_the_credit(typed: str, kept: str) -> None:
    assert without_prefix(typed, CREDIT_PREFIXES) == kept


def test_the_credit_line_says_photo_and_licence_once() -> None:
    for lang, credit, licence, line in (
        ("vi", "Ảnh: Sở Ngoại vụ", "Giấy phép: CC BY 4.0", "Ảnh: Sở Ngoại vụ · Giấy phép: CC BY 4.0"),
        ("en", "Photo: Department of Foreign Affairs", "Licence: CC BY 4.0",
         "Photo: Department of Foreign Affairs · Licence: CC BY 4.0"),
        ("vi", "Sở Ngoại vụ", "CC BY 4.0", "Ảnh: Sở Ngoại vụ · Giấy phép: CC BY 4.0"),
    ):
        view = types.SimpleNamespace(gettext=translations(lang).gettext)
        assert SiteView.photo_credit(view, credit, licence) == line  # type: ignore[arg-type]
    assert without_prefix("License - owned by the unit", LICENCE_PREFIXES) == "owned by the unit"


@pytest.mark.site
def test_a_built_page_shows_a_photo_with_one_credit_and_a_drawing_with_none(
    tiny: MiniProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor's "Ảnh: Sở Ngoại vụ" prints once; a drawing has no credit, says what it
    shows, is the link preview's picture (drawn, 1200×630), and appears in news lists."""
    from test_images import phone_photo

    from site_builder.apps.build import build_site

    monkeypatch.setenv("ASEAN_IMAGE_CACHE", str(tmp_path / "cache"))
    tiny.write("content/media/2024/co.jpg", phone_photo())
    tiny.write(
        "content/vi/news/anh.md",
        "---\ntitle: Tin có ảnh\ndescription: Mô tả\nkind: news\ndate: 2024-08-08\ntopics: [identity]\n"
        "sources:\n  - {title: Nguồn, publisher: Sở Ngoại vụ}\nimage: 2024/co.jpg\nimage_alt: Lá cờ ASEAN\n"
        "image_credit: \"Ảnh: Sở Ngoại vụ\"\n"
        "image_licence: \"Giấy phép: CC BY 4.0\"\n---\n\n# Tin có ảnh\n\nNội dung.\n",
    )
    news(tiny, "illustration: container-port\n")
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="https://asean.example.org/")
    photo = (out / "vi/news/anh/index.html").read_text(encoding="utf-8")
    assert "Ảnh: Sở Ngoại vụ · Giấy phép: CC BY 4.0" in photo and "Ảnh: Ảnh:" not in photo
    drawn = (out / "vi/news/hinh/index.html").read_text(encoding="utf-8")
    figure = drawn[drawn.index('<figure class="asean-photo'):]
    figure = figure[:figure.index("</figure>")]
    assert 'src="../../assets/illustrations/container-port.svg"' in figure
    assert f'alt="{DESCRIPTIONS["container-port"][0]}"' in figure and "asean-photo__credit" not in figure
    assert drawn.count("<h1") == 1 and drawn.index("<h1") < drawn.index(figure)  # under the title
    assert (out / "vi/assets/illustrations/container-port.svg").is_file()
    card = re.search(r'property="og:image" content="https://asean\.example\.org/'
                     r'(media/container-port-card\.[0-9a-f]{10}\.jpg)"', drawn)
    assert card, drawn[:3000]
    with Image.open(out / card.group(1)) as im:
        assert im.size == CARD_SIZE
    listing = (out / "vi/news/index.html").read_text(encoding="utf-8")
    assert "assets/illustrations/container-port.svg" in listing


# ── The real site ────────────────────────────────────────────────────────────────────
@pytest.mark.site
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_real_site_shows_the_drawings_flags_and_symbols(built_site: Path, lang: str) -> None:
    """Each article leads with its drawing, credit-free, shared as its drawing's card; the
    culture and tourism pages lead with theirs; the symbols page shows the flag and the
    emblem; the member states' index shows every flag."""
    for path in shipped_articles("vi"):
        name = field(path, "illustration")
        html = (built_site / lang / "news" / path.stem / "index.html").read_text(encoding="utf-8")
        assert f'assets/illustrations/{name}.svg" width="640" height="360"' in html, path.stem
        assert "asean-photo__credit" not in html and "covers/" not in html
        assert re.search(rf'property="og:image" content="[^"]*/media/{name}-card\.[0-9a-f]{{10}}\.jpg"', html), path.stem
    for page, name in (("culture", "gong-lanterns"), ("tourism", "lotus-boat")):
        html = (built_site / lang / page / "index.html").read_text(encoding="utf-8")
        assert f"assets/illustrations/{name}.svg" in html, page
    symbols = (built_site / lang / "asean/symbols/index.html").read_text(encoding="utf-8")
    for file in ("asean.svg", "asean-emblem.svg"):
        assert re.search(rf'<img alt="[^"]+" height="\d+" src="\.\./\.\./assets/flags/{file}"', symbols), file
        assert (built_site / lang / "assets/flags" / file).is_file()
    assert "Article 37" in symbols or "Điều 37" in symbols
    members = (built_site / lang / "members/index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<img[^>]*src="\.\./assets/flags/[a-z]{2}\.svg"', members)) == 11
    for page in sorted((built_site / lang / "members").glob("*/index.html")):  # each member's own page
        assert re.search(r'<img src="\.\./\.\./assets/flags/[a-z]{2}\.svg" alt="[^"]+"', page.read_text(encoding="utf-8")), page


@pytest.mark.site
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_article_with_its_drawing_stays_within_budget(built_site: Path, lang: str) -> None:
    """The first load of an article, pictures and fonts included (the lead drawing is an
    eager ``<img>``), is at most the issue's 80 KB gzipped."""
    from budgets import first_load

    sizes = first_load(built_site / lang / "news/ky-ket-rcep/index.html", images=True)
    assert any(key.endswith("signing-pen.svg") for key in sizes), sizes
    assert sum(sizes.values()) <= 80 * 1024, sizes
