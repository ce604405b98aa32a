"""The dependency record of a build, kept in the build cache, for ``build --incremental``.

A clean build renders every page. The record it leaves says what each output page read:
its own source (a content page), one other content page (``page:<lang>/<src_uri>``: a
topic hub on the front page, a photo), or a list of the content pages of a language
(``listing:<lang>``: news lists, tag and unit pages: the front matter of each page) or
their texts too (``texts:<lang>``: the translation status compares texts). The
view records these reads as it serves them (:class:`site_builder.render.view.SiteView`: the
page contexts of :mod:`site_builder.render.contexts` and the templates read content through
it), so the record holds what a page actually read, not what someone thought it would.

The next ``build --incremental`` compares the inputs with the record
(:func:`plan_build`) and re-renders only the pages that read something that changed; the
other pages are hard links to the previous site's files. Everything is rebuilt when
anything wider changed, because every page may depend on it:

- the code, the theme, ``mkdocs.yml``, the interface translations (``site_builder/locale``)
  or the versions of MkDocs, Material, Markdown, Jinja, Pagefind and nh3 (the
  *fingerprint*), or the build's options (address, unit, strictness);
- any data file (``plans/``, ``content/data/``) or picture (the *data* digest);
- the set of content pages (one added, removed or renamed);
- any generated page's address, title, template or description, or a widget's (what
  ``project.pages(lang)`` derived from the content's front matter);
- the previous site is not the one the record describes (the folder was replaced), or
  the previous build logged a warning (its warnings would not be repeated).

The record is JSON (never a pickle: nothing in it is run) and lives outside the
checkout, like the image cache: an editor cannot commit it, and a clean checkout has none.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder import LANGUAGES
from site_builder.core import cachedir
from site_builder.core.fingerprint import FORMAT
from site_builder.core.reads import listing, page_key, texts
from site_builder.derive.project import Project
from site_builder.inputs.yamlsource import split_front_matter


def record_path(root: Path, site_dir: Path) -> Path:
    """One record per project and output folder (two checkouts never share one)."""
    key = hashlib.sha256(f"{root.resolve()}\0{site_dir.resolve()}".encode()).hexdigest()[:24]
    return cachedir.builds() / f"{key}.json"


def _spec_line(spec: Any) -> str:
    return json.dumps([spec.url, spec.title, spec.template, spec.kind, spec.id, spec.description,
                       spec.title_lang, sorted(spec.extra.items())], default=str)


@dataclass
class Inputs:
    """Digests of a project's inputs, as the record keeps them."""

    data: str
    """Every input file that is not a content page (plans, data files, pictures)."""
    pages: dict[str, str]
    """Each content page's bytes, by :func:`page_key`."""
    fronts: dict[str, str]
    """Each content page's front matter (what lists of pages show), by :func:`page_key`."""
    specs: str
    """The generated pages and widgets of both languages (addresses, titles, templates)."""


def inputs_of(project: Project) -> Inputs:
    root = project.root
    pages, fronts = {}, {}
    for lang, rel in sorted(project.content.pages):
        raw = (root / "content" / lang / rel).read_bytes()
        parts = split_front_matter(raw.decode("utf-8"))
        pages[page_key(lang, rel)] = hashlib.sha256(raw).hexdigest()
        fronts[page_key(lang, rel)] = hashlib.sha256((parts[0] if parts else "").encode()).hexdigest()
    page_files = {root / "content" / lang / rel for (lang, rel) in project.content.pages}
    digest = hashlib.sha256()
    for top in ("plans", "content"):
        for path in sorted((root / top).rglob("*")):
            if path.is_file() and path not in page_files:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    specs = hashlib.sha256()
    for lang in LANGUAGES:
        for spec in project.pages(lang):
            specs.update(_spec_line(spec).encode() + b"\n")
        for widget in project.widgets(lang):
            specs.update(repr(widget).encode() + b"\n")
    return Inputs(digest.hexdigest(), pages, fronts, specs.hexdigest())


@dataclass
class LanguageRecord:
    """What one language's pages read, and what MkDocs' link check needs of them."""

    deps: dict[str, list[str]] = field(default_factory=dict)
    """Per output page (``src_uri``), the dependencies it read besides the wide ones."""
    anchors: dict[str, list[str]] = field(default_factory=dict)
    """Per page, the anchors it holds (other pages' links to them are checked)."""
    links: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    """Per page, its links to anchors of pages (``{target src_uri: {anchor: link}}``)."""
    clean: bool = True
    """No warning was logged (else the next build is a full one, which repeats them)."""


@dataclass
class Record:
    fingerprint: str
    inputs: Inputs
    languages: dict[str, LanguageRecord]
    site: list[int]
    """Device and inode of the published folder this record describes."""

    def save(self, path: Path) -> None:
        """Written atomically: a killed build leaves the previous record or none."""
        text = json.dumps({
            "format": FORMAT, "fingerprint": self.fingerprint, "site": self.site,
            "inputs": {"data": self.inputs.data, "pages": self.inputs.pages, "fronts": self.inputs.fronts,
                       "specs": self.inputs.specs},
            "languages": {lang: {"deps": r.deps, "anchors": r.anchors, "links": r.links, "clean": r.clean}
                          for lang, r in self.languages.items()},
        })
        cachedir.write_atomically(path, text.encode("utf-8"))

    @staticmethod
    def load(path: Path) -> Record | None:
        """The record, or ``None`` when there is none or it cannot be read (a full build then)."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("format") != FORMAT:
                return None
            inputs = raw["inputs"]
            return Record(
                raw["fingerprint"], Inputs(inputs["data"], dict(inputs["pages"]), dict(inputs["fronts"]), inputs["specs"]),
                {lang: LanguageRecord(dict(r["deps"]), dict(r["anchors"]), dict(r["links"]), bool(r["clean"]))
                 for lang, r in raw["languages"].items()},
                list(raw["site"]),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None


def site_identity(site_dir: Path) -> list[int]:
    info = os.stat(site_dir)
    return [info.st_dev, info.st_ino]


@dataclass
class Plan:
    """What an incremental build renders: ``None`` for a full build, with the reason."""

    dirty: dict[str, set[str]] | None
    """Per language, the ``src_uri`` of the pages to render again."""
    reason: str = ""
    changed: set[str] = field(default_factory=set)


def plan_build(record: Record | None, fp: str, inputs: Inputs, site_dir: Path, langs: tuple[str, ...]) -> Plan:
    """Which pages to render again, or a full build (see the module's docstring for when)."""
    if record is None:
        return Plan(None, "no build record")
    if record.fingerprint != fp:
        return Plan(None, "code, theme, configuration, translations or options changed")
    if record.inputs.data != inputs.data:
        return Plan(None, "a data file or picture changed")
    if set(record.inputs.pages) != set(inputs.pages):
        return Plan(None, "a content page was added, removed or renamed")
    if record.inputs.specs != inputs.specs:
        return Plan(None, "a generated page or widget changed")
    try:
        if site_identity(site_dir) != record.site:
            return Plan(None, "the previous site is not the one recorded")
    except OSError:
        return Plan(None, "no previous site")
    if set(record.languages) != set(langs) or not all(r.clean for r in record.languages.values()):
        return Plan(None, "the previous build logged warnings")
    changed = {key for key, value in inputs.pages.items() if record.inputs.pages[key] != value}
    for key in list(changed):
        lang = key.split(":", 1)[1].split("/", 1)[0]
        changed.add(texts(lang))
        if record.inputs.fronts[key] != inputs.fronts[key]:
            changed.add(listing(lang))
    dirty = {lang: {uri for uri, deps in record.languages[lang].deps.items() if changed.intersection(deps)}
             for lang in langs}
    return Plan(dirty, "", changed)
