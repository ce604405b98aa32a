"""Editors' photos: checked with file and line, encoded without metadata, cached, stable."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from conftest import MiniProject
from PIL import Image

from site_builder.apps.build import build_site
from site_builder.derive.project import check_project
from site_builder.inputs.photos import MIN_WIDTH, formats

GPS_LATITUDE = (10.0, 30.0, 15.5)
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Soc Trang"/>'
       b"</rdf:RDF></x:xmpmeta>")


def phone_photo(width: int = 1800, height: int = 1200, orientation: int = 6) -> bytes:
    """A JPEG as a phone writes it: pixels stored sideways, an orientation tag, GPS, XMP.

    The stored picture is red on its left half and blue on the right; orientation 6 means
    "rotate 90° clockwise to show", so upright it is red on top and blue below."""
    im = Image.new("RGB", (width, height), (200, 30, 30))
    im.paste((30, 30, 200), (width // 2, 0, width, height))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = GPS_LATITUDE
    gps[3] = "E"
    gps[4] = (105.0, 58.0, 1.0)
    buffer = io.BytesIO()
    im.save(buffer, "JPEG", quality=90, exif=exif.tobytes(), xmp=XMP)
    return buffer.getvalue()


def article(tiny: MiniProject, image_fields: str, lang: str = "vi") -> None:
    tiny.write(
        f"content/{lang}/news/anh.md",
        "---\ntitle: Tin có ảnh\ndescription: Mô tả\nkind: news\ndate: 2024-08-08\ntopics: [identity]\n"
        "sources:\n  - {title: Nguồn, publisher: Sở Ngoại vụ}\n" + image_fields + "---\n\n# Tin có ảnh\n\nNội dung.\n",
    )


FIELDS = {
    "vi": ("image: 2024/co-asean.jpg\nimage_alt: Lá cờ ASEAN tung bay\nimage_caption: Lễ thượng cờ\n"
           "image_credit: Ảnh của Sở TT&TT\nimage_licence: CC BY 4.0\n"),
    "en": ("image: 2024/co-asean.jpg\nimage_alt: The ASEAN flag flying\nimage_caption: Flag-raising ceremony\n"
           "image_credit: Photo by the Department of Information and Communications\nimage_licence: CC BY 4.0\n"),
}


def with_photo(tiny: MiniProject) -> MiniProject:
    tiny.write("content/media/2024/co-asean.jpg", phone_photo())
    for lang in ("vi", "en"):
        article(tiny, FIELDS[lang], lang)
    return tiny


def files_below(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.site
def test_a_phone_photo_is_published_upright_small_and_without_metadata(
    tiny: MiniProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASEAN_IMAGE_CACHE", str(tmp_path / "cache"))
    with_photo(tiny)
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="https://asean.example.org/")
    media = sorted(p for p in (out / "media").iterdir() if "card." not in p.name)  # link previews: below
    # Upright the photo is 1200 × 1800: 480, 960 and its own 1200 (never upscaled to 1600).
    expected = {(fmt, w) for fmt in formats() for w in (480, 960, 1200)}
    ext = {"jpg": "jpeg", "webp": "webp", "avif": "avif"}
    found = {(ext[p.suffix.lstrip(".")], int(re.search(r"-(\d+)\.", p.name)[1])) for p in media}
    assert found == expected
    assert "avif" in formats()  # the pinned Pillow wheel encodes AVIF
    for path in media:
        data = path.read_bytes()
        with Image.open(io.BytesIO(data)) as im:
            width = int(re.search(r"-(\d+)\.", path.name)[1])
            assert im.size == (width, width * 3 // 2), path.name  # portrait: orientation applied
            assert im.format == {"jpeg": "JPEG", "webp": "WEBP", "avif": "AVIF"}[ext[path.suffix.lstrip(".")]]
            rgb = im.convert("RGB")
            top = rgb.getpixel((width // 2, width // 10))
            bottom = rgb.getpixel((width // 2, width * 3 // 2 - width // 10))
            assert top[0] > 150 and top[2] < 100, (path.name, top)  # red on top
            assert bottom[2] > 150 and bottom[0] < 100, (path.name, bottom)  # blue below
            assert not im.getexif(), path.name
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile"} & set(im.info), (path.name, im.info.keys())
        for marker in (b"Exif\x00\x00", b"PhoneMaker", b"Phone 12", b"xmpmeta", b"Soc Trang", b"ns.adobe.com"):
            assert marker not in data, (path.name, marker)
    assert not list(out.rglob("co-asean.jpg"))  # the editor's own file is never published

    html = (out / "vi/news/anh/index.html").read_text(encoding="utf-8")
    figure = html[html.index('<figure class="asean-photo">'):]
    figure = figure[: figure.index("</figure>")]
    assert figure.count("<source ") == len(formats()) - 1
    assert 'type="image/avif"' in figure and 'type="image/webp"' in figure
    assert 'width="1200" height="1800"' in figure
    assert 'fetchpriority="high"' in figure and 'loading="lazy"' not in figure  # the lead photo
    assert 'alt="Lá cờ ASEAN tung bay"' in figure
    assert "Lễ thượng cờ" in figure and "Ảnh: Sở TT&amp;TT · Giấy phép: CC BY 4.0" in figure  # "Ảnh" once
    assert "../../../media/co-asean-480." in figure and " 480w" in figure and 'sizes="' in figure
    assert html.count("<h1") == 1 and html.index("<h1") < html.index('<figure class="asean-photo">')
    for src in re.findall(r'(?:src|srcset)="([^"]+)"', figure):
        for item in src.split(", "):
            assert (out / "vi/news/anh" / item.split(" ")[0]).resolve().is_file(), item
    listing = (out / "en/news/index.html").read_text(encoding="utf-8")
    assert 'class="asean-news__photo"' in listing and 'loading="lazy"' in listing  # lists load when scrolled to

    feed = (out / "en/feed.xml").read_text(encoding="utf-8")
    assert 'rel="enclosure"' in feed and "https://asean.example.org/media/co-asean-1200." in feed
    assert "Photo by the Department of Information and Communications" in feed
    news = json.loads((out / "api/v1/news.json").read_text(encoding="utf-8"))
    item = next(i for i in news["news"] if i["lang"] == "en")
    assert item["image"]["credit"] == "Photo by the Department of Information and Communications"
    assert item["image"]["licence"] == "CC BY 4.0" and item["image"]["width"] == 1200
    assert item["image"]["url"].startswith("https://asean.example.org/media/co-asean-1200.")

    first = files_below(out)
    cache = sorted(p.name for p in (tmp_path / "cache").iterdir())
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()}
    build_site(tiny.root, out, site_url="https://asean.example.org/")
    assert files_below(out) == first  # byte-identical
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == cache
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()} == stamps  # nothing re-encoded


def test_encoding_is_byte_identical_without_the_cache(tmp_path: Path) -> None:
    """Two empty caches give the same files: what a fresh CI machine publishes is what a
    developer's build with a warm cache published."""
    from site_builder.inputs.photos import probe
    from site_builder.output.images import write_images
    from site_builder.output.writer import Writer

    (tmp_path / "content/media").mkdir(parents=True)
    (tmp_path / "content/media/p.jpg").write_bytes(phone_photo(1000, 700, orientation=1))
    photo = probe(tmp_path, "p.jpg")
    stats = [write_images(tmp_path, [photo], Writer(tmp_path / f"site{i}"), tmp_path / f"cache{i}") for i in (1, 2)]
    assert stats[0].encoded == len(photo.variants()) and stats[0].reused == 0
    assert files_below(tmp_path / "site1") == files_below(tmp_path / "site2")
    again = write_images(tmp_path, [photo], Writer(tmp_path / "site3"), tmp_path / "cache1")
    assert again.encoded == 0 and again.reused == len(photo.variants())
    # A damaged cache entry is encoded again, never published.
    entry = next((tmp_path / "cache1").iterdir())
    entry.write_bytes(b"<script>alert(1)</script>")
    healed = write_images(tmp_path, [photo], Writer(tmp_path / "site4"), tmp_path / "cache1")
    assert healed.encoded == 1
    assert files_below(tmp_path / "site4") == files_below(tmp_path / "site1")


def _problems(tiny: MiniProject) -> list[str]:
    _, problems = check_project(tiny.root)
    return [p.format() for p in problems.errors]


@pytest.mark.parametrize(
    ("fields", "file", "expected"),
    [
        ("image: a.jpg\nimage_credit: X\nimage_licence: CC BY 4.0\n", None, "image_alt: ảnh cần 'image_alt'"),
        ("image: a.jpg\nimage_alt: Cờ\nimage_licence: CC BY 4.0\n", None, "image_credit: ảnh cần 'image_credit'"),
        ("image: a.jpg\nimage_alt: Cờ\nimage_credit: X\n", None, "image_licence: ảnh cần 'image_licence'"),
        ("image_alt: Cờ\n", None, "image_alt: 'image_alt' chỉ dùng cùng với 'image'"),
        ("image: ../../plans/units.yaml\nimage_alt: Cờ\nimage_credit: X\nimage_licence: Y\n", None,
         "must be a path inside content/media/"),
        ("image: /etc/passwd\nimage_alt: Cờ\nimage_credit: X\nimage_licence: Y\n", None,
         "must be a path inside content/media/"),
        ("image: https://example.com/a.jpg\nimage_alt: Cờ\nimage_credit: X\nimage_licence: Y\n", None,
         "must be a path inside content/media/"),
        ("image: missing.jpg\nimage_alt: Cờ\nimage_credit: X\nimage_licence: Y\n", None,
         "no image file content/media/missing.jpg"),
        ("image: a.jpg\nimage_alt: Cờ\nimage_credit: X\nimage_licence: Y\n", "small",
         f"is too small (400 pixels wide); it needs at least {MIN_WIDTH}"),
        ("image: a.gif\nimage_alt: Cờ\nimage_credit: X\nimage_licence: Y\n", "gif", "unsupported kind of image"),
        ("image: a.jpg\nimage_alt: Cờ\nimage_credit: X\nimage_licence: Y\n", "big", "is too large (20.0 MiB"),
        ("image: a.jpg\nimage_alt: Cờ\nimage_credit: X\nimage_licence: Y\n", "fake",
         "is not a JPEG, PNG, WebP or AVIF image that can be read to its end"),
    ],
    ids=["no alt", "no credit", "no licence", "alt without image", "parent path", "absolute path",
         "another site", "missing file", "too small", "gif", "over 20 MB", "not an image"],
)
def test_check_refuses_a_bad_photo_with_file_and_line(tiny: MiniProject, fields: str, file: str | None, expected: str) -> None:
    if file == "small":
        tiny.write("content/media/a.jpg", phone_photo(400, 600, orientation=1))
    elif file == "gif":
        buffer = io.BytesIO()
        Image.new("RGB", (800, 600)).save(buffer, "GIF")
        tiny.write("content/media/a.gif", buffer.getvalue())
    elif file == "big":
        tiny.write("content/media/a.jpg", phone_photo(600, 400, orientation=1) + b"\0" * (20 * 1024 * 1024 + 1))
    elif file == "fake":
        tiny.write("content/media/a.jpg", b"\xff\xd8\xff" + b"not a photo" * 100)
    article(tiny, fields)
    problems = [p for p in _problems(tiny) if p.startswith("content/")]
    assert problems, "check accepted it"
    joined = "\n".join(problems)
    assert expected in joined, joined
    # Named with the page's file and the line of the field in its front matter.
    assert "content/vi/news/anh.md:" in joined or "content/media/a." in joined, joined
    if "news/anh.md:" in joined:
        assert re.search(r"content/vi/news/anh\.md:9:\d+: image", joined), joined  # line 9 holds the first image field


def test_media_holds_photos_only(tiny: MiniProject) -> None:
    tiny.write("content/media/notes.pdf", b"%PDF-1.4\n")
    tiny.write("content/media/x.html", b"<script>alert(1)</script>")
    joined = "\n".join(_problems(tiny))
    assert "content/media/notes.pdf" in joined and "holds only JPEG, PNG, WebP or AVIF photos" in joined
    assert "content/media/x.html" in joined


@pytest.mark.site
def test_every_page_has_a_link_preview_with_a_1200x630_picture(
    tiny: MiniProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Open Graph and Twitter tags on every page kind: absolute addresses below SITE_URL,
    a picture that exists in the site at 1200×630; the article's own photo for an
    article with one, the drawn card (with the unit's name) elsewhere."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    monkeypatch.setenv("ASEAN_IMAGE_CACHE", str(tmp_path / "cache"))
    with_photo(tiny)
    out = tiny.root / "site"
    base = "https://asean.example.org/portal/"
    build_site(tiny.root, out, site_url=base)
    pages = sorted(p for p in out.rglob("index.html") if p.parent != out and "embed" not in p.parts)
    kinds = {p.relative_to(out).parts[1] if len(p.relative_to(out).parts) > 2 else "home" for p in pages}
    assert {"home", "news", "plans", "agencies", "units", "pillars"} <= kinds, kinds
    sizes: dict[str, tuple[int, int]] = {}
    for path in pages:
        tree = HTMLParser(path.read_text(encoding="utf-8"))
        meta = {
            (node.attributes.get("property") or node.attributes.get("name")): node.attributes.get("content")
            for node in tree.css("meta[property^='og:'], meta[name^='twitter:']")
        }
        where = path.relative_to(out).as_posix()
        for key in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "twitter:card", "twitter:image"):
            assert meta.get(key), (where, key)
        assert meta["og:url"] == base + where.removesuffix("index.html"), where
        assert meta["og:image"].startswith(base + "media/") and meta["twitter:image"] == meta["og:image"]
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        image = out / meta["og:image"].removeprefix(base)
        if image not in sizes:
            with Image.open(image) as im:
                sizes[image.name] = im.size
                assert not im.getexif()
        assert sizes.get(image.name, (1200, 630)) == (1200, 630)
        if where.endswith("news/anh/index.html"):
            assert "-card." in meta["og:image"] and meta["og:type"] == "article", where
            assert meta["og:image:alt"] in ("Lá cờ ASEAN tung bay", "The ASEAN flag flying")
        else:
            assert "/media/card." in meta["og:image"], where
    assert len({name for name in sizes if name.startswith("card.")}) == 2  # one drawn card per language


@pytest.mark.site
def test_link_previews_on_every_page_kind_of_the_real_site(built_site: Path) -> None:
    """Every page of both languages but the widgets (member states, quiz, calendar, news
    lists, archives, guide, tourism...): Open Graph and Twitter tags with absolute addresses
    below the site's, a picture that exists in the site at 1200×630, and for each shipped
    article a card of its own picture (its drawing: tests/test_illustrations.py checks which)."""
    from conftest import SITE_URL
    from selectolax.lexbor import LexborHTMLParser as HTMLParser
    from sitecheck import html_pages
    from test_site import is_widget

    sizes: dict[Path, tuple[int, int]] = {}
    kinds: set[str] = set()
    for path in html_pages(built_site):
        if path.name == "404.html" or is_widget(path) or path.parent == built_site:
            continue
        where = path.relative_to(built_site).as_posix()
        parts = where.split("/")
        kinds.add("/".join(parts[1:3]) if parts[1] == "news" and len(parts) > 3 else parts[1] if len(parts) > 2 else "home")
        tree = HTMLParser(path.read_text(encoding="utf-8"))
        meta = {
            (node.attributes.get("property") or node.attributes.get("name")): node.attributes.get("content")
            for node in tree.css("meta[property^='og:'], meta[name^='twitter:']")
        }
        for key in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "twitter:card", "twitter:image"):
            assert meta.get(key), (where, key)
        assert meta["og:url"] == SITE_URL + where.removesuffix("index.html"), where
        assert meta["og:image"].startswith(SITE_URL + "media/") and meta["twitter:image"] == meta["og:image"], where
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630"), where
        image = built_site / meta["og:image"].removeprefix(SITE_URL)
        if image not in sizes:
            with Image.open(image) as im:
                sizes[image] = im.size
        assert sizes[image] == (1200, 630), where
        article = re.fullmatch(r"(vi|en)/news/([a-z0-9-]+)/index\.html", where)
        if article and parts[2] not in ("archive", "page", "years", "tags", "topics"):
            assert "-card." in meta["og:image"] and meta["og:type"] == "article", where
    assert {"home", "news", "news/years", "news/topics", "news/tags", "news/archive", "members", "plans", "agencies",
            "units", "pillars", "quiz", "calendar", "documents", "search", "guide", "tourism", "asean", "api"} <= kinds, kinds


@pytest.mark.browser
def test_first_load_of_an_article_with_its_picture_on_a_phone_is_small(browser, server) -> None:  # type: ignore[no-untyped-def]
    """An article with a lead picture (a shipped article: its drawing) opened on a 390 px
    phone (3 device pixels per CSS pixel): everything it downloads, counted as a host sends
    it (text gzipped, the SVG drawing too; raster pictures as they are), stays within the
    issue's 80 KB for an article, fonts and the lead picture included."""
    import gzip

    from browser import open_settled

    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True)
    phone = context.new_page()
    bodies: dict[str, tuple[str, bytes]] = {}

    def finished(request) -> None:  # type: ignore[no-untyped-def]
        response = request.response()
        if response is not None:
            bodies[request.url] = (response.headers.get("content-type", ""), response.body())

    phone.on("requestfinished", finished)
    open_settled(phone, f"{server.url}vi/news/ky-ket-rcep/")
    context.close()
    total, pictures = 0, []
    for url, (kind, body) in bodies.items():
        if kind.startswith("image/") and kind != "image/svg+xml":
            total += len(body)
            pictures.append(url)
        else:
            total += len(gzip.compress(body, 6))
    assert any(url.endswith("/assets/illustrations/signing-pen.svg") for url in bodies), sorted(bodies)  # the lead picture
    assert total <= 80 * 1024, (total, sorted(bodies))


# ── Issue 30: paths checked before the file system, pixels decoded at check time ─────
def test_a_nul_in_an_image_path_is_refused_not_a_crash(tiny: MiniProject) -> None:
    """Finding 3 of issue 30: ``image: "a\\u0000b.jpg"`` made ``os.lstat`` raise in a worker
    and ended ``check`` and ``build`` with a traceback. The path is validated first."""
    from conftest import run_cli

    from site_builder.inputs.photos import PhotoError, probe

    for bad in ("a\0b.jpg", "../x.jpg", "a\\b.jpg", "", "a//b.jpg", "x" * 600 + ".jpg"):
        with pytest.raises(PhotoError):
            probe(tiny.root, bad)
    article(tiny, 'image: "a\\u0000b.jpg"\nimage_alt: Cờ\nimage_credit: X\nimage_licence: Y\n')
    result = run_cli("--root", str(tiny.root), "check")
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr, result.stderr[-2000:]
    assert "content/vi/news/anh.md:9:8: image:" in result.stdout and "U+0000" in result.stdout, result.stdout


def test_a_truncated_photo_is_refused_by_check_with_its_page(tiny: MiniProject) -> None:
    """Finding 4 of issue 30: a JPEG cut after its header passed ``check`` (only the header
    was read) and the build then failed with "image file is truncated", naming neither
    the photo nor the page. Every pixel is now decoded when the project is checked."""
    whole = phone_photo(1200, 800, orientation=1)
    tiny.write("content/media/a.jpg", whole[: len(whole) * 2 // 3])
    article(tiny, "image: a.jpg\nimage_alt: Cờ\nimage_credit: X\nimage_licence: Y\n")
    joined = "\n".join(_problems(tiny))
    assert "content/vi/news/anh.md:9:8: image: content/media/a.jpg" in joined, joined
    assert "read to its end" in joined and "đọc được đến hết" in joined


def polyglot_png() -> bytes:
    """A PNG with a text chunk holding a script and an HTML page after its end: a picture
    to an image decoder, a web page to a browser that sniffs."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "<script>alert(document.domain)</script>")
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (22, 58, 134)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue() + b"<html><body><script>alert(document.domain)</script></body></html>"


@pytest.mark.site
def test_content_pictures_are_published_as_fresh_pixels(tiny: MiniProject, tmp_path: Path) -> None:
    """Finding 8 of issue 30: pictures of ``content/<lang>/`` were copied as they were, so a
    PNG with HTML after its end (or in a chunk) reached the site whole and only the
    host's headers kept it a picture. The build republishes the decoded pixels only."""
    data = polyglot_png()
    tiny.write("content/vi/guide/img/so-do.png", data)
    tiny.write("content/vi/guide/index.md", "---\ntitle: Hướng dẫn\ndescription: Hướng dẫn\n---\n\n# Hướng dẫn\n\n"
               "![Sơ đồ](img/so-do.png)\n")
    build_site(tiny.root, tmp_path / "site", jobs=1, strict=False)
    published = (tmp_path / "site/vi/guide/img/so-do.png").read_bytes()
    assert b"<script" not in published and b"<html" not in published
    with Image.open(io.BytesIO(published)) as im, Image.open(io.BytesIO(data)) as original:
        assert im.format == "PNG" and im.size == original.size
        assert im.convert("RGB").tobytes() == original.convert("RGB").tobytes()
        assert "Comment" not in im.info


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".gif", ".webp", ".avif"])
def test_every_picture_kind_survives_republishing(suffix: str) -> None:
    """Every allow-listed picture kind is encoded again in its own format, animations
    keeping their frames, and what comes out passes the same check as what went in."""
    from site_builder.inputs.pictures import PICTURE_FORMATS, clean_picture, picture_problem

    fmt = PICTURE_FORMATS[suffix]
    frames = [Image.new("RGB", (32, 24), colour) for colour in ((200, 30, 30), (30, 30, 200))]
    buffer = io.BytesIO()
    if fmt in ("GIF", "WEBP"):
        frames[0].save(buffer, fmt, save_all=True, append_images=frames[1:], duration=200, loop=0)
    else:
        frames[0].save(buffer, fmt)
    data = buffer.getvalue() + b"<script>alert(1)</script>"
    clean = clean_picture(data, suffix)
    assert b"<script" not in clean and picture_problem(clean, suffix) is None
    with Image.open(io.BytesIO(clean)) as im:
        assert im.format == fmt and im.size == (32, 24)
        assert getattr(im, "n_frames", 1) == (2 if fmt in ("GIF", "WEBP") else 1)


def test_a_photo_decoded_by_one_check_is_not_decoded_by_the_next(tiny: MiniProject, monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    """Decoding every photo on every check would cost most of a minute at national scale:
    a file that passed is remembered by its digest (site_builder.inputs.verified), and a changed
    file is decoded again."""
    from site_builder.inputs import files, photos, verified

    monkeypatch.setenv("ASEAN_BUILD_CACHE", str(tmp_path / "cache"))
    tiny.write("content/media/a.jpg", phone_photo(1200, 800, orientation=1))
    article(tiny, "image: a.jpg\nimage_alt: Cờ\nimage_credit: X\nimage_licence: Y\n")
    tiny.write("content/vi/guide/img/so-do.png", polyglot_png())
    assert _problems(tiny) == []
    record = verified.Verified.load(tiny.root)
    assert len(record.known) == 2 and all(k.startswith(("photo:", ".png:")) for k in record.known)
    photos._probe.cache_clear()
    decoded: list[str] = []
    monkeypatch.setattr(photos.Image.Image, "load", lambda self: decoded.append("load"))
    monkeypatch.setattr(files, "picture_problem", lambda data, suffix: decoded.append(suffix))
    assert _problems(tiny) == [] and decoded == []
    whole = phone_photo(1200, 800, orientation=1)
    tiny.write("content/media/a.jpg", whole[: len(whole) // 2] + b"\0" * 10)
    photos._probe.cache_clear()
    monkeypatch.undo()
    monkeypatch.setenv("ASEAN_BUILD_CACHE", str(tmp_path / "cache"))
    assert any("read to its end" in p for p in _problems(tiny))
