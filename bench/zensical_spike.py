"""The Zensical spike (``make bench-zensical``): what of our site Zensical builds, how
fast, and what breaks, beside Material for MkDocs on the same pages in one run.

Zensical (the Material team's successor to MkDocs + Material) reads ``mkdocs.yml`` and
Material's templates but runs no MkDocs plugins, so everything our plugin makes is left
out and counted: the pages generated from ``plans/`` (plans, activities, agencies,
units, lists, embeds), the "not yet translated" notices, and the context our templates
read. What is built is the content pages of both languages (``content/vi``,
``content/en``) with the theme overrides and Markdown extensions that Zensical accepts,
each tried alone first:

* each template override (``theme/``): the frame (``main.html`` with its partials),
  each partial alone, ``404.html``, and each page template under ``asean/`` through a
  one-page site whose page names it;
* each Markdown extension of ``mkdocs.yml``, alone, on all the content pages;
* search (Zensical's own index) and i18n (the ``lang`` attribute and Material's
  Vietnamese interface strings).

Then both languages are built clean by Zensical and by MkDocs + Material with the same
configuration and pages, and the times and pages per second are printed side by side,
then the compatibility table (docs/engine.md keeps the figures). Run by ``make
bench-zensical`` with Zensical in its own virtual environment (bench/.venv-zensical,
from bench/zensical-requirements.txt) and MkDocs from the kit's: the two are never
installed together. Not part of ``make test``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("vi", "en")
FEATURES = ["navigation.sections", "navigation.top", "toc.follow"]
PLAIN_EXTENSIONS: list[object] = [{"toc": {"permalink": "#"}}, "attr_list", "admonition", "tables", "md_in_html",
                                  "footnotes"]
"""The extensions of mkdocs.yml as any engine can load them (no function of ours)."""
OUR_EXTENSIONS: dict[str, object] = {
    "toc with the kit's heading ids (slugify: site_builder.core.slug.slugify_heading)":
        {"toc": {"permalink": "#", "slugify": "!!python/name:site_builder.core.slug.slugify_heading"}},
    "site_builder.render.markdown_ext (figures, tables, embeds)": "site_builder.render.markdown_ext",
}
VI_SEARCH_LABEL = "Tìm kiếm"
"""Material's Vietnamese placeholder of the search box (partials/languages/vi.html)."""


@dataclass
class Outcome:
    """One run of an engine: whether it built, its time, its pages, and its last error line."""

    ok: bool
    seconds: float
    pages: int
    message: str


def write_config(folder: Path, lang: str, docs: Path, site: Path, custom_dir: Path | None,
                 extensions: list[object]) -> Path:
    """A Material-style mkdocs.yml for one language (the kit's, less its plugin), in
    ``folder``; its folders relative to it, as Zensical requires."""

    def rel(path: Path) -> str:
        return os.path.relpath(path, folder)

    theme: dict[str, object] = {"name": "material", "language": lang, "features": FEATURES, "font": False}
    if custom_dir is not None:
        theme["custom_dir"] = rel(custom_dir)
    config = {"site_name": "Chuyên mục ASEAN", "site_url": "http://127.0.0.1:8000/", "docs_dir": rel(docs),
              "site_dir": rel(site), "use_directory_urls": True, "theme": theme, "markdown_extensions": extensions}
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    # A Python name in YAML, as mkdocs.yml writes it; safe_dump would quote the tag.
    text = re.sub(r"'(!!python/name:[\w.]+)'", r"\1", text)
    path = folder / f"mkdocs-{lang}-{abs(hash((str(docs), str(site)))) % 10**8}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def run(command: list[str], site: Path, env: dict[str, str] | None = None) -> Outcome:
    """Run one build and count the HTML pages it wrote (404 page left out)."""
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line or "error" in line]
    message = (errors or lines or [""])[-1].strip()
    pages = sum(1 for p in site.rglob("*.html") if p.name != "404.html") if site.is_dir() else 0
    return Outcome(done.returncode == 0, seconds, pages, message)


class Engines:
    """How each engine is run: Zensical from its own environment, MkDocs from the kit's."""

    def __init__(self, zensical: Path) -> None:
        self.zensical = zensical
        self.env = {**os.environ, "PYTHONPATH": str(ROOT)}  # our extensions importable by both

    def zensical_build(self, config: Path, site: Path) -> Outcome:
        return run([str(self.zensical), "build", "--clean", "-f", str(config)], site, self.env)

    def material_build(self, config: Path, site: Path) -> Outcome:
        code = ("import sys; from mkdocs.config import load_config; from mkdocs.commands.build import build; "
                "build(load_config(sys.argv[1]))")
        return run([sys.executable, "-c", code, str(config)], site, self.env)


def copy_docs(lang: str, into: Path, drop_templates: set[str] = frozenset(), dropped: list[str] | None = None) -> Path:
    """content/<lang> copied; a page naming a template in ``drop_templates`` loses that
    line (Material's page template renders it instead) and is listed in ``dropped``."""
    shutil.copytree(ROOT / "content" / lang, into)
    for page in sorted(into.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        match = re.search(r"^template: *(\S+)\n", text, flags=re.M)
        if match and match.group(1) in drop_templates:
            page.write_text(text.replace(match.group(0), "", 1), encoding="utf-8")
            if dropped is not None:
                dropped.append(f"{lang}/{page.relative_to(into).as_posix()} ({match.group(1)})")
    return into


def probe_docs(into: Path, template: str | None) -> Path:
    """A one-page site, its page naming ``template`` when given."""
    into.mkdir(parents=True)
    head = f"template: {template}\n" if template else ""
    (into / "index.md").write_text(f"---\ntitle: Thử\n{head}---\n\n# Thử\n\nMột đoạn văn.\n", encoding="utf-8")
    return into


def override_dir(into: Path, files: list[str]) -> Path:
    """A custom_dir holding only ``files`` of theme/ (and the theme's assets)."""
    for rel in files:
        (into / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "theme" / rel, into / rel)
    shutil.copytree(ROOT / "theme" / "assets", into / "assets", dirs_exist_ok=True)
    return into


def generated_pages() -> dict[str, int]:
    """The pages our plugin adds per language (from plans/ and the other language), which
    Zensical cannot make: counted, not built."""
    from site_builder.derive.pages import generate
    from site_builder.derive.project import load_project

    project = load_project(ROOT)
    counts = {}
    for lang in LANGS:
        other = "en" if lang == "vi" else "vi"
        own = {rel for (page_lang, rel) in project.content.pages if page_lang == lang}
        notices = {rel for (page_lang, rel) in project.content.pages if page_lang == other} - own
        counts[lang] = len(generate(project, lang, lambda text: text).pages) + len(notices)
    return counts


def compatibility(engines: Engines, work: Path) -> tuple[list[tuple[str, str, str]], list[str], set[str], list[object]]:
    """(what, Zensical's result, the reason) for each override and extension; then the
    theme files of the overrides that built, the page templates that failed, and the
    plain extensions that built."""
    rows: list[tuple[str, str, str]] = []
    kept: list[str] = []
    failed: set[str] = set()
    extensions: list[object] = []
    passed: list[tuple[int, list[str]]] = []
    theme = ROOT / "theme"
    partials = sorted(p.relative_to(theme).as_posix() for p in (theme / "partials").rglob("*.html"))
    pages = sorted(p.relative_to(theme).as_posix() for p in (theme / "asean").rglob("*.html")
                   if p.name != "base.html" and p.parent.name != "macros")
    asean = sorted(p.relative_to(theme).as_posix() for p in (theme / "asean").rglob("*.html"))
    cases: list[tuple[str, list[str], str | None]] = [("main.html (the frame, with its partials)",
                                                      ["main.html", *partials], None)]
    # Each with asean/ beside it: a partial may include our macros, which are tried apart.
    cases += [(rel, [rel, *asean], None) for rel in partials]
    cases += [("404.html", ["404.html", *asean], None)]
    cases += [(rel, asean, rel) for rel in pages]
    for n, (label, files, template) in enumerate(cases):
        folder = work / f"override-{n}"
        docs = probe_docs(folder / "docs", template)
        config = write_config(folder, "vi", docs, folder / "site", override_dir(folder / "theme", files),
                              PLAIN_EXTENSIONS)
        outcome = engines.zensical_build(config, folder / "site")
        ok = outcome.ok and outcome.pages > 0
        rows.append((f"template {label}", "builds" if ok else "fails", "" if ok else outcome.message))
        if ok:
            passed.append((len(rows) - 1, files))
        elif template is not None:
            failed.add(template)
    # An override that built on one page is timed only if both engines build all the
    # Vietnamese content pages with it (MkDocs + Material runs here without our plugin too).
    docs = copy_docs("vi", work / "override-docs", drop_templates=failed)
    for n, (row, files) in enumerate(passed):
        theme = override_dir(work / f"override-theme-{n}", files)
        for name, build in (("Zensical", engines.zensical_build), ("MkDocs + Material", engines.material_build)):
            config = write_config(work, "vi", docs, work / f"override-site-{n}", theme, PLAIN_EXTENSIONS)
            outcome = build(config, work / f"override-site-{n}")
            if not (outcome.ok and outcome.pages):
                label, result, _ = rows[row]
                rows[row] = (label, result, f"on one page; not timed: {name} fails on all pages ({outcome.message})")
                break
        else:
            kept += [rel for rel in files if rel not in kept]
    docs = copy_docs("vi", work / "ext-docs", drop_templates={"asean/home.html", "asean/api.html"})
    for n, extension in enumerate(PLAIN_EXTENSIONS):
        name = extension if isinstance(extension, str) else next(iter(extension))
        config = write_config(work, "vi", docs, work / f"ext-site-{n}", None, [extension])
        outcome = engines.zensical_build(config, work / f"ext-site-{n}")
        rows.append((f"Markdown {name}", "builds" if outcome.ok else "fails", "" if outcome.ok else outcome.message))
        if outcome.ok:
            extensions.append(extension)
    for n, (label, extension) in enumerate(OUR_EXTENSIONS.items()):
        config = write_config(work, "vi", docs, work / f"our-site-{n}", None, [*PLAIN_EXTENSIONS[1:], extension])
        outcome = engines.zensical_build(config, work / f"our-site-{n}")
        rows.append((f"Markdown {label}", "builds" if outcome.ok else "fails", "" if outcome.ok else outcome.message))
    return rows, kept, failed, extensions


def search_and_i18n(site: Path) -> list[tuple[str, str, str]]:
    """What the timed Vietnamese build shows of search and of the interface language."""
    rows = []
    indexes = sorted(p.relative_to(site).as_posix() for p in site.rglob("search*.json"))
    rows.append(("search", "own index" if indexes else "none",
                 f"{', '.join(indexes) or 'no index'}; the kit's Pagefind index is a step after any engine "
                 "(site_builder.apps.build.index_search) and the search page is the plugin's"))
    home = site / "index.html"
    html = home.read_text(encoding="utf-8") if home.is_file() else ""
    lang = re.search(r'<html lang="([^"]+)"', html)
    rows.append(("i18n: page language", lang.group(1) if lang else "none", "theme.language: vi"))
    rows.append(("i18n: Material's Vietnamese strings", "yes" if VI_SEARCH_LABEL in html else "no",
                 f"search box labelled {VI_SEARCH_LABEL!r}; the kit's own strings (gettext in the plugin) are absent"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zensical", type=Path, default=ROOT / "bench" / ".venv-zensical" / "bin" / "zensical")
    args = parser.parse_args(argv)
    engines = Engines(args.zensical)
    version = subprocess.run([str(args.zensical), "--version"], capture_output=True, text=True, check=True).stdout
    with tempfile.TemporaryDirectory(prefix="zensical-spike-") as tmp:
        work = Path(tmp)
        rows, kept, failed, extensions = compatibility(engines, work / "compat")
        totals: dict[str, list[Outcome]] = {"Zensical": [], "MkDocs + Material": []}
        dropped: list[str] = []
        for lang in LANGS:
            docs = copy_docs(lang, work / "docs" / lang, drop_templates=failed, dropped=dropped)
            theme = override_dir(work / "theme" / lang, kept) if kept else None
            for name, build in (("Zensical", engines.zensical_build), ("MkDocs + Material", engines.material_build)):
                site = work / name.split()[0] / lang
                config = write_config(work, lang, docs, site, theme, extensions)
                totals[name].append(build(config, site))
                if lang == "vi" and name == "Zensical":
                    rows += search_and_i18n(site)
        skipped = generated_pages()
        print(f"Zensical {version.strip().split()[-1]} against MkDocs + Material, the content pages of vi and en "
              f"(pages our plugin generates left out: vi {skipped['vi']}, en {skipped['en']})")
        own = sorted(rel for rel in kept if not rel.startswith("asean/"))
        print(f"overrides kept (built alone on all the Vietnamese pages by both): {', '.join(own) or 'none'}")
        print(f"content pages whose own template failed, rendered with Material's: {', '.join(dropped) or 'none'}")
        print("both built clean, in a process each, with the same pages, overrides and Markdown extensions")
        for name, outcomes in totals.items():
            seconds = sum(o.seconds for o in outcomes)
            pages = sum(o.pages for o in outcomes)
            state = "built" if all(o.ok for o in outcomes) else "FAILED: " + "; ".join(o.message for o in outcomes
                                                                                      if not o.ok)
            print(f"{name:18} {seconds:6.2f} s  {pages:4d} pages  {pages / seconds:7.1f} pages/s  {state}")
        print("\n| what | Zensical | why |\n| --- | --- | --- |")
        for label, result, message in rows:
            print(f"| {label} | {result} | {message.replace('|', '/')[:160]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
