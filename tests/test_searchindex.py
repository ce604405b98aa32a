"""The search index after Pagefind: words filed with "đ" read as "d", chunks cut by every
place of every form, and, in a real browser on a tiny build, queries with and without
diacritics finding a page whose excerpt and title keep their diacritics."""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import cbor2
import pytest
from browser import StaticServer, Watched
from conftest import MiniProject, make_tiny

from site_builder.output import searchindex
from site_builder.output.searchindex import IndexFormatError, Word, bounds, chunks, fold, merge


# ── the folding ──────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("đường", "duong"),
        ("Đà", "da"),
        ("Nẵng", "nang"),
        ("hội", "hoi"),
        ("nghị", "nghi"),
        ("Việt", "viet"),
        ("ĐỒNG", "dong"),
        ("conference", "conference"),
        ("café", "cafe"),
        ("2025", "2025"),
    ],
)
def test_fold(word: str, key: str) -> None:
    assert fold(word) == key


def test_fold_takes_off_marks_as_pagefind_and_its_script_do() -> None:
    """Pagefind drops every combining mark after canonical decomposition (Rust
    ``is_combining_mark``, JavaScript ``\\p{M}``): a word typed in decomposed form folds alike."""
    assert fold(unicodedata.normalize("NFD", "Hội nghị Đà Nẵng")) == "hoi nghi da nang"
    assert fold("đ") == fold("d") == "d"


# ── the merge and the chunks ──────────────────────────────────────────────────────────
def page(number: int, places: int) -> list:
    return [number, list(range(places)), []]


def test_a_word_with_d_stroke_is_filed_under_d_and_keeps_its_forms() -> None:
    words = [
        ["duong", [page(1, 2)], [["dường", [page(3, 1)]]]],
        ["đuong", [page(2, 1)], [["đường", [page(1, 4), page(2, 1)]]]],
        ["hoi", [], [["hội", [page(5, 1)]]]],
    ]
    merged = merge(words)
    assert [w.key for w in merged] == ["duong", "hoi"]
    duong = merged[0]
    assert duong.pages == [page(1, 2)]  # the form without marks, untouched
    # "đ" read as "d" in the forms, as the search page reads it in the query; pages move whole
    assert duong.variants == [("dường", [page(3, 1)]), ("duong", [page(2, 1)]), ("dường", [page(1, 4), page(2, 1)])]
    assert duong.places() == 3 + 2 + 2 + 5 + 2


def test_chunks_count_every_form() -> None:
    """Pagefind counted only a word's form without marks, so Vietnamese chunks never closed."""
    words = [Word(f"w{i}", [], [("ẃ", [page(1, 9)])]) for i in range(6)]
    parts = chunks(words, size=20)
    assert [len(p) for p in parts] == [2, 2, 2]


def test_bounds_are_the_shortest_prefixes_that_tell_chunks_apart() -> None:
    """Pagefind's rule: a chunk starts at the shortest prefix of its first word that comes
    after the previous chunk's last word, and ends at such a prefix where that is no
    earlier than its own start."""
    parts = [[Word("anh"), Word("asean")], [Word("ban"), Word("chia")], [Word("chian"), Word("dung")],
             [Word("hoa"), Word("hoc")], [Word("hoi"), Word("nghi")]]
    assert bounds(parts) == [["anh", "asean"], ["b", "chia"], ["chian", "d"], ["h", "hoc"], ["hoi", "nghi"]]


# ── a real Pagefind bundle ────────────────────────────────────────────────────────────
PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main data-pagefind-body><h1>{title}</h1><p>{body}</p></main></body></html>"""


def read(path: Path) -> object:
    return cbor2.loads(gzip.decompress(path.read_bytes())[len(searchindex.SIGNATURE):])


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from site_builder.apps.build import index_search

    site = tmp_path_factory.mktemp("pagefind") / "vi"
    pages = {
        "duong": ("Đường phố Đà Nẵng", "Hội nghị bàn về con đường hợp tác."),
        "dong": ("Cộng đồng", "Đồng bằng sông Cửu Long và dòng sông."),
    }
    for slug, (title, body) in pages.items():
        (site / slug).mkdir(parents=True)
        (site / slug / "index.html").write_text(PAGE.format(lang="vi", title=title, body=body), encoding="utf-8")
    index_search(site)
    return site / "pagefind"


def index_words(bundle: Path) -> dict[str, list]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read(bundle / f"pagefind.{entry['languages']['vi']['hash']}.pf_meta")
    words = {}
    for _start, _end, name in meta[2]:  # type: ignore[index]
        for word in read(bundle / "index" / f"{name}.pf_index")[0]:  # type: ignore[index]
            words[word[0]] = word
    return words


def test_the_bundle_files_no_word_under_d_stroke(bundle: Path) -> None:
    words = index_words(bundle)
    assert not [key for key in words if "đ" in key]
    forms = {form for form, _ in words["duong"][2]}
    assert forms == {"dường"}  # "đường" as the search page folds a query typed "đường"
    assert {form for form, _ in words["dong"][2]} >= {"dồng", "dòng"}
    assert "da" in words and "hoi" in words


def test_the_fragments_keep_every_diacritic(bundle: Path) -> None:
    texts = [gzip.decompress(p.read_bytes()).decode("utf-8") for p in (bundle / "fragment").iterdir()]
    assert any("Hội nghị bàn về con đường hợp tác." in t and "Đường phố Đà Nẵng" in t for t in texts)


def test_an_index_of_another_format_stops_the_build(tmp_path: Path, bundle: Path) -> None:
    import shutil

    copy = tmp_path / "pagefind"
    shutil.copytree(bundle, copy)
    chunk = next((copy / "index").iterdir())
    chunk.write_bytes(gzip.compress(searchindex.SIGNATURE + cbor2.dumps({"words": []})))
    with pytest.raises(IndexFormatError, match="format"):
        searchindex.refold(copy)


def test_refold_goes_through_the_writer(tmp_path: Path, bundle: Path) -> None:
    """Pagefind's chunks and metadata are deleted and written again, and its entry file
    replaced, all through the build's Writer and recorded as the search index's."""
    import shutil

    from site_builder.output.writer import Writer

    site = tmp_path / "site"
    shutil.copytree(bundle, site / "vi/pagefind")
    before = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    writer = Writer(site)
    searchindex.refold(site / "vi/pagefind", writer=writer)
    after = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    # Refolding this bundle again gives its chunks their names again: deleted, then written anew.
    assert set(writer.written.values()) == {"search index"} and set(writer.deleted.values()) <= {"search index"}
    assert "vi/pagefind/pagefind-entry.json" in writer.written
    assert {p for p in after if p.startswith("vi/pagefind/index/")} <= set(writer.written)
    assert after == (before - set(writer.deleted)) | set(writer.written)
    assert all(p.startswith("vi/pagefind/") for p in [*writer.written, *writer.deleted])
    assert index_words(site / "vi/pagefind") == index_words(bundle)  # as refolded without a writer


# ── words kept apart ─────────────────────────────────────────────────────────────────
def test_spaced_separates_adjacent_cells_and_terms_only() -> None:
    html = ('<dl><dt>Kế hoạch</dt><dd>Kế hoạch ASEAN</dd><dt>Nhóm</dt>\n<dd>II. Tuyên truyền</dd></dl>'
            '<table><tr><th>Năm</th><th>Trạng thái</th></tr></table>'
            '<p><span>Việt Nam</span><a href="#">Hoàng Sa</a></p>')
    out = searchindex.spaced(html)
    assert "<dt>Kế hoạch</dt>\n<dd>Kế hoạch ASEAN</dd>\n<dt>" in out
    assert "<th>Năm</th>\n<th>Trạng thái</th>\n</tr>" in out
    assert "</dt>\n\n" not in out  # white space already there is left as it is
    assert "<span>Việt Nam</span><a" in out  # inline elements: a space would show
    assert searchindex.spaced(out) == out


def test_pagefind_indexes_spaced_terms_as_separate_words(tmp_path: Path) -> None:
    """On a real Pagefind build: without the line break, Pagefind 1.5.2 indexes the term and
    its description as one word ("hoạchKế"); with it, as two."""
    from site_builder.apps.build import index_search

    body = "<dl><dt>Kế hoạch</dt><dd>Kế hoạch ASEAN</dd></dl><table><tr><th>Cột một</th><th>Cột hai</th></tr></table>"
    for name, html in (("glued", body), ("spaced", searchindex.spaced(body))):
        site = tmp_path / name / "vi"
        (site / "p").mkdir(parents=True)
        page = PAGE.format(lang="vi", title="Trang", body="").replace("<p></p>", f"<div>{html}</div>")
        (site / "p" / "index.html").write_text(page, encoding="utf-8")
        index_search(site)
    glued, spaced = (fragments(tmp_path / name / "vi" / "pagefind")[0]["content"] for name in ("glued", "spaced"))
    assert "hoạchKế" in glued and "mộtCột" in glued  # what Pagefind does on its own
    assert "hoạchKế" not in spaced and "mộtCột" not in spaced
    assert "Kế hoạch" in spaced and "Cột một" in spaced and "Cột hai" in spaced


def fragments(bundle: Path) -> list[dict]:
    """Every page of a Pagefind bundle as the search page receives it (url, content, meta)."""
    return [json.loads(gzip.decompress(p.read_bytes())[len(searchindex.SIGNATURE):])
            for p in sorted((bundle / "fragment").iterdir())]


GLUED = ("hoạchKế", "NhómII", "hiệnHàng", "hiệnTrong", "PlanASEAN", "GroupII", "TimelineYearly", "km²[", "&#x27;")
"""Words of the real site that Pagefind joined across a term and its description ("Kế
hoạch" + "Kế hoạch ASEAN…" on an activity page, "Plan" + "ASEAN…"), and a source mark
glued to its figure ("236.800 km²[1]"); and the embed codes' HTML ("Committee&#x27;s"), which
is for a portal's web team to copy, not an answer to a citizen's search."""


@pytest.mark.site
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_glued_words_in_the_real_index(built_site: Path, lang: str) -> None:
    pages = fragments(built_site / lang / "pagefind")
    activity = next(p for p in pages if p["url"] == "/plans/soc-trang-2022/activities/ii-5/")
    term = "Kế hoạch" if lang == "vi" else "Plan"
    assert f"{term}: " in activity["content"] or f"{term} " in activity["content"]
    found = {word for p in pages for word in GLUED if word in p["content"]}
    assert found == set()


@pytest.mark.site
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_editors_guide_is_not_indexed(built_site: Path, lang: str) -> None:
    assert (built_site / lang / "guide" / "index.html").is_file()  # still published
    assert [p["url"] for p in fragments(built_site / lang / "pagefind") if p["url"].startswith("/guide/")] == []


@pytest.mark.site
def test_an_activity_carries_its_plan_and_weight_a_headline_does_not(built_site: Path) -> None:
    """An activity result names its plan (and through it the unit); its title, the text of one
    row, is no headline: the search page boosts headlines, not titles."""
    pages = {p["url"]: p for p in fragments(built_site / "vi" / "pagefind")}
    activity = pages["/plans/soc-trang-2022/activities/ii-5/"]["meta"]
    assert activity["context"] == "Hoạt động II.5 · Kế hoạch ASEAN năm 2022 của tỉnh Sóc Trăng"
    assert "headline" not in activity
    national = {p["url"]: p for p in fragments(built_site / "en" / "pagefind")}["/plans/bcd-asean-2021-2025/activities/ii-24/"]
    assert national["meta"]["context"] == "Activity II.24 · ASEAN Information Steering Committee's ASEAN plan for 2021–2025"
    news = pages["/news/rcep-co-hieu-luc/"]["meta"]
    assert news["headline"] == news["title"] == "Hiệp định RCEP chính thức có hiệu lực"
    assert news["context"].startswith("Tin tức · ngày ")


# ── in the browser, on a tiny build ─────────────────────────────────────────────────────
ARTICLE = """---
title: "Hội nghị về con đường hợp tác tại Đà Nẵng"
description: "Hội nghị tại Đà Nẵng."
kind: news
date: 2025-03-04
topics: [economic]
sources:
  - title: "Nguồn"
    publisher: "Báo Đà Nẵng"
image: 2025/hoi-nghi.jpg
image_alt: "Các đại biểu tại hội nghị"
image_caption: "Phiên khai mạc hội nghị"
image_credit: "Trần Thị Bích/Báo Đà Nẵng"
image_licence: "CC BY 4.0"
---

# Hội nghị về con đường hợp tác tại Đà Nẵng

Các đại biểu dự hội nghị đã đi trên con đường ven biển của thành phố Đà Nẵng.
"""

ARTICLE_EN = """---
title: "A conference in Đà Nẵng"
description: "A conference in Đà Nẵng."
kind: news
date: 2025-03-04
topics: [economic]
sources:
  - title: "Source"
    publisher: "Da Nang Newspaper"
---

# A conference in Đà Nẵng

Delegates met for the regional conference by the sea.
"""


def photo() -> bytes:
    """A photo as a camera gives it, large enough for every published width."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1000), (30, 90, 160)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def tiny_search_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from site_builder.apps.build import build_site

    root = tmp_path_factory.mktemp("search-tiny")
    project = make_tiny(MiniProject(root / "project"))
    project.write("content/media/2025/hoi-nghi.jpg", photo())
    project.write("content/vi/news/hoi-nghi-da-nang.md", ARTICLE)
    project.write("content/en/news/hoi-nghi-da-nang.md", ARTICLE_EN)
    build_site(project.root, root / "site")
    return root / "site"


@pytest.fixture(scope="module")
def tiny_search_server(tiny_search_site: Path) -> Iterator[StaticServer]:
    with StaticServer(tiny_search_site) as srv:
        yield srv


@pytest.mark.site
def test_a_photo_credit_is_shown_but_not_indexed(tiny_search_site: Path) -> None:
    """The credit under a photo is for the reader of the article, not an answer to a search:
    a search for the photographer finds nothing; the caption stays searchable."""
    html = (tiny_search_site / "vi" / "news" / "hoi-nghi-da-nang" / "index.html").read_text(encoding="utf-8")
    assert "Trần Thị Bích/Báo Đà Nẵng" in html
    article = next(p for p in fragments(tiny_search_site / "vi" / "pagefind")
                   if p["url"] == "/news/hoi-nghi-da-nang/")
    assert "Phiên khai mạc hội nghị" in article["content"]
    assert "Bích" not in article["content"] and "CC BY" not in article["content"]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "query"),
    [
        ("vi", "duong"),
        ("vi", "hoi nghi"),
        ("vi", "Da Nang"),
        ("vi", "đường"),
        ("vi", "Hội nghị"),
        ("vi", "Đà Nẵng"),
        ("vi", "dường"),
        ("en", "conference"),
        ("en", "Da Nang"),
    ],
)
def test_one_query_finds_the_page_and_shows_its_diacritics(
    browser: object, tiny_search_server: StaticServer, lang: str, query: str
) -> None:
    context = browser.new_context()  # type: ignore[attr-defined]
    watched = Watched(context.new_page(), tiny_search_server.url)
    p = watched.page
    p.goto(f"{tiny_search_server.url}{lang}/search/?q={query}")
    item = p.locator("#asean-search-results li").filter(
        has=p.locator(f"a[href$='/{lang}/news/hoi-nghi-da-nang/']"))
    link = item.locator("a")
    link.wait_for()
    if lang == "vi":
        assert link.inner_text() == "Hội nghị về con đường hợp tác tại Đà Nẵng"
        excerpt = item.locator(".asean-results__excerpt").inner_text()
        assert "Đà Nẵng" in excerpt or "con đường" in excerpt or "hội nghị" in excerpt, excerpt
        assert item.locator("mark").count() > 0
    else:
        assert link.inner_text() == "A conference in Đà Nẵng"
    assert watched.errors == []
    context.close()
