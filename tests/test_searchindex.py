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

from site_builder import searchindex
from site_builder.searchindex import IndexFormatError, Word, bounds, chunks, fold, merge


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
    from site_builder.build import index_search

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


# ── in the browser, on a tiny build ─────────────────────────────────────────────────────
ARTICLE = """---
title: "Hội nghị về con đường hợp tác tại Đà Nẵng"
description: "Hội nghị tại Đà Nẵng."
kind: news
date: 2025-03-04
topics: [economic]
sources:
  - title: "Nguồn"
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
---

# A conference in Đà Nẵng

Delegates met for the regional conference by the sea.
"""


@pytest.fixture(scope="module")
def tiny_search_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticServer]:
    from site_builder.build import build_site

    root = tmp_path_factory.mktemp("search-tiny")
    project = make_tiny(MiniProject(root / "project"))
    project.write("content/vi/news/hoi-nghi-da-nang.md", ARTICLE)
    project.write("content/en/news/hoi-nghi-da-nang.md", ARTICLE_EN)
    build_site(project.root, root / "site")
    with StaticServer(root / "site") as srv:
        yield srv


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
        excerpt = item.locator("p").inner_text()
        assert "Đà Nẵng" in excerpt or "con đường" in excerpt or "hội nghị" in excerpt, excerpt
        assert item.locator("mark").count() > 0
    else:
        assert link.inner_text() == "A conference in Đà Nẵng"
    assert watched.errors == []
    context.close()
