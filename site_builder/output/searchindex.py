"""The word index Pagefind writes, folded for Vietnamese and cut into chunks of even size.

Pagefind 1.5 files every word under its form without marks ("hội" under "hoi", the forms
with marks kept inside it as *variants*), so a search without tone marks finds the words
with them. Two things remain, and this module does both once Pagefind has written a
language's bundle:

* "đ" is a letter of its own, not "d" with a mark, so Pagefind files "đường" under "đuong"
  and "duong" found nothing. Here every word is filed under :func:`fold` of it (đ → d as
  well), its forms kept as variants: one query finds "đường" written "duong", "dường" or
  "đường" (the search page folds "đ" in the query the same way).
* Pagefind cuts its word index into chunks by counting the places each word occurs, but
  it counts only the places of a word's form without marks, never its variants
  (``chunk_index`` in pagefind/src/index/mod.rs, 1.5.2; the same cause as Pagefind issue
  #1211 for Korean). Nearly every Vietnamese word has marks, so the chunks of a Vietnamese
  index grow far past the intended size (253 KB for one chunk at 1,000 articles) and a
  first search downloads two of them. Here the chunks are cut again counting every place.

The pages, the fragments (the text and titles readers see, with every diacritic) and the
filters are Pagefind's own and are not touched. Only the word chunks, the metadata file that
lists them and the entry file that names that metadata are written again. The files are
CBOR behind Pagefind's gzip header; each one is checked to encode back to exactly the bytes
Pagefind wrote before it is changed, so an upgrade of Pagefind that changes the format stops
the build with a clear error instead of writing an index the browser cannot read.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import cbor2

from site_builder.output.writer import Writer

SIGNATURE = b"pagefind_dcd"
"""What Pagefind writes before the CBOR inside each gzipped index file."""

CHUNK_PLACES = 20_000
"""Places (word locations, plus one per page) per chunk: Pagefind's own default chunk size,
here counted over every form of a word."""

BY = "search index"
"""The step named in the Writer's record."""

LEVEL = 6
"""gzip level of the files written again: Pagefind uses 9, which makes the chunks 2 % smaller
(under 1 KB of a first search) for six times the time (2 s a language at 1,000 articles)."""

FOLDED = str.maketrans({"đ": "d", "Đ": "d"})
D_READ_AS_D = str.maketrans({"đ": "d", "Đ": "D"})


SEPARATED = ("dt", "dd", "th", "tr", "caption", "figcaption", "summary")
"""Elements whose text Pagefind 1.5.2 runs into the next element's when no white space stands
between them: it ends a sentence only after ``p``, ``td``, ``div``, ``li``, headings and a few
more (``SENTENCE_SELECTORS`` in pagefind/src/fossick/parser.rs), so ``<dt>Kế hoạch</dt><dd>Kế
hoạch ASEAN…</dd>`` was indexed as the one word "hoạchKế" and shown so in excerpts. A browser
draws nothing for white space between these (table cells, grid or block items), so
:func:`spaced` puts a line break there."""

_GLUED = re.compile(r"(</(?:{})>)(?=<)".format("|".join(SEPARATED)))


def spaced(html: str) -> str:
    """The page with a line break after each closing tag of :data:`SEPARATED` directly followed
    by another tag: what the reader sees is unchanged, and Pagefind indexes "Kế hoạch" and
    "Kế hoạch ASEAN…" as separate words (the search test ``test_no_glued_words`` reads the
    built index for such words)."""
    return _GLUED.sub("\\1\n", html)


def fold(word: str) -> str:
    """The key a word is filed under: lower case, without tone or other marks, and "đ" read
    as "d" ("Đường" → "duong"). The marks go the way Pagefind takes them off (canonical
    decomposition, combining marks dropped), so keys of words without "đ" are Pagefind's."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M")).translate(FOLDED)


class IndexFormatError(RuntimeError):
    """Pagefind wrote an index this module does not know (another version of Pagefind)."""


@dataclass
class Word:
    """One word of the index: its places under the key's own form (``pages``) and under
    each other form (``variants``, ``(form, pages)``). A page is ``[page number, locations,
    meta locations]`` with absolute page numbers; the locations stay as Pagefind encoded them.

    A form is the word as written with "đ" read as "d" ("đường" → "dường"): the browser
    compares it with the query, folded the same way, to rank the words written exactly as
    typed first. Two forms that meet ("đường", "dường") stay two entries of one form."""

    key: str
    pages: list[list[Any]] = field(default_factory=list)
    variants: list[tuple[str, list[list[Any]]]] = field(default_factory=list)

    def places(self) -> int:
        """How much the word weighs in a chunk: every location on every page, of every form."""
        lists = [self.pages, *(pages for _, pages in self.variants)]
        return sum(len(page[1]) + len(page[2]) + 1 for pages in lists for page in pages)


def _read(path: Path, check: bool) -> object:
    """The CBOR value of a Pagefind file; with ``check``, refused unless it encodes back to
    the very bytes Pagefind wrote (the guard against another format; checked on the
    metadata and the first chunk only, as re-encoding every chunk would double the cost)."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise IndexFormatError(f"{path}: not a Pagefind index file")
    raw = data[len(SIGNATURE):]
    value = cbor2.loads(raw)
    if check and cbor2.dumps(value) != raw:
        raise IndexFormatError(f"{path}: a Pagefind index format this build does not know")
    return value


@dataclass
class _Names:
    """How Pagefind names the files of one kind in one language: in ``folder``, as
    ``pattern[0] + name + pattern[1]``, the name made of the language and the first ``length``
    characters of the SHA-1 of the CBOR, longer where it would meet one of ``taken``."""

    folder: PurePosixPath
    pattern: tuple[str, str]
    lang: str
    length: int
    taken: set[str] = field(default_factory=set)


def _write(writer: Writer, names: _Names, value: object) -> str:
    """Write ``value`` as Pagefind does (gzip of the signature and the CBOR) under its
    name (:class:`_Names`). Returns the name."""
    raw = cbor2.dumps(value)
    digest = hashlib.sha1(raw).hexdigest()
    length, lang, pattern = names.length, names.lang, names.pattern
    name = f"{lang}_{digest[:length]}"
    while name in names.taken:
        length += 1
        name = f"{lang}_{digest[:length]}"
    names.taken.add(name)
    writer.bytes((names.folder / f"{pattern[0]}{name}{pattern[1]}").as_posix(),
                 gzip.compress(SIGNATURE + raw, LEVEL, mtime=0), BY)
    return name


def merge(words: list[list[Any]]) -> list[Word]:
    """Pagefind's words (``[key, pages, [[form, pages], …]]``) filed under :func:`fold` of
    their keys, sorted as Pagefind sorts them. A word whose key changes keeps its places
    under its old key as a variant of the new one. Each list of pages moves whole (no two
    are ever joined: Pagefind has one word per key, and forms that meet stay two entries),
    so the page numbers, stored as differences, stay valid as they are."""
    merged: dict[str, Word] = {}
    for key, pages, variants in words:
        target = fold(key)
        word = merged.setdefault(target, Word(target))
        if target == key:
            word.pages = pages
        elif pages:
            word.variants.append((key.translate(D_READ_AS_D), pages))
        for form, form_pages in variants:
            word.variants.append((form.translate(D_READ_AS_D), form_pages))
    return [merged[key] for key in sorted(merged)]


def chunks(words: list[Word], size: int = CHUNK_PLACES) -> list[list[Word]]:
    """Consecutive words, a chunk closed once it holds ``size`` places (Pagefind's rule,
    with every form counted)."""
    out: list[list[Word]] = []
    current: list[Word] = []
    places = 0
    for word in words:
        current.append(word)
        places += word.places()
        if places >= size:
            out.append(current)
            current, places = [], 0
    if current:
        out.append(current)
    return out


def _prefixes(a: str, b: str) -> tuple[str, str]:
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return a[: common + 1], b[: common + 1]


def bounds(parts: list[list[Word]]) -> list[list[str]]:
    """``[from, to]`` of each chunk, shortened to the prefixes that still tell neighbours
    apart, as Pagefind does (the browser picks the chunks a query needs by these)."""
    out = [[part[0].key, part[-1].key] for part in parts]
    for left, right in zip(out, out[1:], strict=False):
        to, start = _prefixes(left[1], right[0])
        if to >= left[0]:
            left[1] = to
        right[0] = start
    return out


def _encode(word: Word) -> list[Any]:
    return [word.key, word.pages, [[form, pages] for form, pages in word.variants]]


def _words(writer: Writer, index_dir: PurePosixPath, meta: list[Any]) -> list[list[Any]]:
    """Every word of the chunks the metadata lists, the chunk files then deleted."""
    words: list[list[Any]] = []
    for number, (_start, _end, name) in enumerate(meta[2]):
        path = writer.root / index_dir / f"{name}.pf_index"
        chunk = _read(path, check=number == 0)
        if not (isinstance(chunk, list) and len(chunk) == 1):
            raise IndexFormatError(f"{path}: a Pagefind word index format this build does not know")
        words.extend(chunk[0])
    for _start, _end, name in meta[2]:
        writer.delete((index_dir / f"{name}.pf_index").as_posix(), BY)
    return words


def refold(bundle: Path, size: int = CHUNK_PLACES, writer: Writer | None = None) -> None:
    """Rewrite the word index of the Pagefind bundle in ``bundle`` (one language's
    ``pagefind/`` folder): words filed under :func:`fold`, chunks cut by every place.
    Every file is written and deleted through ``writer`` (one for the bundle's folder
    when none is given), ``bundle`` lying inside its folder."""
    writer = writer or Writer(bundle)
    here = PurePosixPath(bundle.relative_to(writer.root).as_posix())
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    index_dir = here / "index"
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path, check=True)
        if not (isinstance(meta, list) and len(meta) == 6 and isinstance(meta[2], list)):
            raise IndexFormatError(f"{meta_path}: a Pagefind metadata format this build does not know")
        words = _words(writer, index_dir, meta)
        try:
            parts = chunks(merge(words), size)
        except (TypeError, ValueError) as exc:
            raise IndexFormatError(f"{bundle / 'index'}: a Pagefind word index format this build does not know ({exc})") from None
        chunk_names = _Names(index_dir, ("", ".pf_index"), lang, 7)
        meta[2] = [
            [start, end, _write(writer, chunk_names, [[_encode(w) for w in part]])]
            for (start, end), part in zip(bounds(parts), parts, strict=True)
        ]
        writer.delete((here / meta_path.name).as_posix(), BY)
        info["hash"] = _write(writer, _Names(here, ("pagefind.", ".pf_meta"), lang, 10), meta)
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    writer.replace((here / entry_path.name).as_posix(), text.encode("utf-8"), BY)
