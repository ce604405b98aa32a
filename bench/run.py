"""The national-scale benchmark (``make bench``): our full pipeline against stock Material
for MkDocs with mkdocs-static-i18n (articles kept out of the navigation, the baseline a
careful user would pick) and, where the Debian ``hugo`` package is installed, Hugo.

Prints each time (median of ``--runs``; our clean build, our one-article rebuild and the
baseline's clean build take turns, and their CPU time is printed too), the ratios, peak memory, pages per second, output
size, page weights (gzipped, everything a first visit loads), the bytes a first search
downloads, and the time from saving an article to the rebuilt page under ``make serve``.
One line times the image step alone, with an empty cache and again with the cache it
filled (a second build encodes nothing); ``--scaling`` (or ``--scaling-only``) builds 1,000,
2,000 and 3,000 articles per language, each from an empty build cache, and times the news
lists and related news alone.
One line times ``build --all-units`` (a section for the national level and for each of the 34
provinces and cities of today) with the peak memory of its largest process; ``--units-only``
runs that line alone, ``--skip-units`` leaves it out. The last line is ``ratio ours/baseline: X.XX`` for the full clean build.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.corpus import generate  # noqa: E402
from bench.static_server import serve  # noqa: E402
from site_builder.output.precompress import precompress  # noqa: E402

PY = sys.executable
OUT = ROOT / "bench" / "out"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ASEAN_IMAGE_CACHE": str(OUT / "image-cache")}
"""Builds keep their encoded pictures in a cache of the benchmark's own (never the user's):
the first build fills it, later builds reuse it as a developer's or a CI's builds do."""


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def cpu_seconds() -> float:
    """CPU time (user and system) of every child process waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def side_by_side(jobs: list[tuple[list[str], Path, object]], runs: int) -> list[tuple[float, float]]:
    """Each command's median wall time and median CPU time, the commands taking turns
    (one run of each, then the next round): on a shared machine a burst of someone else's
    load then falls on both sides instead of on all the runs of one."""
    walls: list[list[float]] = [[] for _ in jobs]
    cpus: list[list[float]] = [[] for _ in jobs]
    for _ in range(runs):
        for i, (cmd, cwd, before) in enumerate(jobs):
            if callable(before):
                before()
            cpu = cpu_seconds()
            walls[i].append(timed(cmd, cwd))
            cpus[i].append(cpu_seconds() - cpu)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus, strict=True)]


def median_time(cmd: list[str], cwd: Path, runs: int, before: object = None) -> float:
    times = []
    for _ in range(runs):
        if callable(before):
            before()
        times.append(timed(cmd, cwd))
    return statistics.median(times)


PEAK = ("import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def timed_peak(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds, and the peak memory (MB) of the largest process of this one run."""
    start = time.perf_counter()
    out = subprocess.run([PY, "-c", PEAK, *cmd], cwd=cwd, check=True, env=env or ENV, capture_output=True, text=True)
    return time.perf_counter() - start, int(out.stdout.strip()) / 1024


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


INDEX_BOTH = (
    "import sys; from pathlib import Path; from concurrent.futures import ProcessPoolExecutor; "
    "from site_builder.apps.build import index_search; site = Path(sys.argv[1]); "
    "list(ProcessPoolExecutor(2).map(index_search, [site / 'vi', site / 'en']))"
)
"""Pagefind over both built languages, two at a time as the build runs it: the part of the
build no change of ours can make faster."""

IMAGE_STEP = (
    "import json, sys, time; from pathlib import Path; from site_builder.derive.project import check_project; "
    "from site_builder.apps.build import write_pictures; project, _ = check_project(Path(sys.argv[1])); "
    "start = time.perf_counter(); stats = write_pictures(project, Path(sys.argv[2]), None); "
    "print(json.dumps([time.perf_counter() - start, stats.encoded, stats.reused, len(project.content.photos())]))"
)
"""The image step of a build alone (every size of every photo, the link-preview cards)."""


def image_step_line(corpus: Path) -> str:
    """The image step with an empty cache, then again with the cache it filled (what a second
    build does): seconds, files encoded and reused, and whether both wrote the same bytes."""
    import json

    cache = OUT / "image-cache-cold"
    shutil.rmtree(cache, ignore_errors=True)
    runs = []
    for name in ("cold", "warm"):
        site = OUT / f"images-{name}"
        shutil.rmtree(site, ignore_errors=True)
        site.mkdir(parents=True)
        out = subprocess.run([PY, "-c", IMAGE_STEP, str(corpus), str(site)], cwd=ROOT, check=True, capture_output=True,
                             text=True, env={**ENV, "ASEAN_IMAGE_CACHE": str(cache)})
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    same = all((OUT / "images-cold" / p.relative_to(OUT / "images-warm")).read_bytes() == p.read_bytes()
               for p in (OUT / "images-warm").rglob("*") if p.is_file())
    (cold, encoded, shared, photos), (warm, again, reused, _) = runs
    return (f"images   {photos} photos and the link-preview cards: empty cache {cold:6.2f} s ({encoded} files encoded, "
            f"{shared} identical ones shared); "
            f"second build {warm:5.2f} s ({again} encoded, {reused} from the cache); same bytes: {'yes' if same else 'NO'}")


NEWSROOM = (
    "import sys, time\nfrom pathlib import Path\nfrom site_builder.derive.project import check_project\n"
    "from site_builder.derive.newsroom import for_language\nproject, _ = check_project(Path(sys.argv[1]))\n"
    "start = time.perf_counter()\nlists = related = 0\n"
    "for lang in ('vi', 'en'):\n"
    "    room = for_language(project.content, lang)\n"
    "    lists += len(room.pages())\n"
    "    related += sum(len(room.related(page)) for page in room.news)\n"
    "print(time.perf_counter() - start, lists, related)\n"
)
"""The news lists of both languages (every page of every list) and the related news of every
article, computed alone: the part of the build that must stay linear in the articles."""


SCALING = (1000, 2000, 3000)
"""Articles per language of the scaling lines: three points, to show the growth is linear."""


def scaling_line(n: int) -> str:
    c = generate(OUT / f"corpus-{n}", n)
    shutil.rmtree(c / ".cache", ignore_errors=True)
    site = OUT / f"site-{n}"
    # The photos are encoded before the timed build (the image step has its own line): the
    # smallest corpus would otherwise pay for encoding the photos all three share.
    warm = OUT / "images-warmup"
    shutil.rmtree(warm, ignore_errors=True)
    warm.mkdir(parents=True)
    subprocess.run([PY, "-c", IMAGE_STEP, str(c), str(warm)], cwd=ROOT, check=True, capture_output=True, env=ENV)
    # A build cache of its own, empty: the build is clean (no remembered checks or templates).
    env = {**ENV, "ASEAN_BUILD_CACHE": str(c / ".cache" / "build")}
    t, peak = timed_peak([PY, "-m", "site_builder", "--root", str(c), "build", "--site-dir", str(site)], ROOT, env)
    n_pages = pages(site)
    news_pages = sum(1 for _ in (site / "vi" / "news").rglob("index.html"))
    out = subprocess.run([PY, "-c", NEWSROOM, str(c)], cwd=ROOT, check=True, capture_output=True, text=True, env=ENV)
    seconds, lists, _ = out.stdout.split()
    return (f"scaling  {n:5} articles/lang  {t:7.2f} s  {n_pages} pages  {1000 * t / n_pages:5.2f} ms/page  "
            f"peak {peak:.0f} MB  news pages {news_pages}/lang ({int(lists) // 2} list pages)  "
            f"lists and related news {float(seconds):5.2f} s ({1e6 * float(seconds) / (2 * n):4.0f} µs/article)")


# ── baseline: stock Material + mkdocs-static-i18n ───────────────────────────────────
BASELINE_YML = """site_name: ASEAN baseline
site_url: http://127.0.0.1:8000/
docs_dir: docs
site_dir: site
theme:
  name: material
  language: vi
nav:
  - index.md
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: vi
          default: true
          name: Tiếng Việt
          build: true
        - locale: en
          name: English
          build: true
validation:
  nav:
    omitted_files: ignore
"""


def baseline_project(corpus: Path, out: Path) -> Path:
    if out.exists():
        shutil.rmtree(out)
    for lang in ("vi", "en"):
        shutil.copytree(corpus / "content" / lang / "news", out / "docs" / lang / "news")
        (out / "docs" / lang / "index.md").write_text("# ASEAN\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(BASELINE_YML, encoding="utf-8")
    return out


# ── Hugo ────────────────────────────────────────────────────────────────────────────
HUGO_TOML = """baseURL = "http://127.0.0.1:8000/"
defaultContentLanguage = "vi"
defaultContentLanguageInSubdir = true
[languages.vi]
contentDir = "content/vi"
[languages.en]
contentDir = "content/en"
"""
HUGO_LAYOUTS = {
    "layouts/_default/baseof.html": "<!doctype html><html lang=\"{{ .Lang }}\"><head><title>{{ .Title }}</title></head>"
                                     "<body>{{ block \"main\" . }}{{ end }}</body></html>",
    "layouts/_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}",
    "layouts/_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ range .Pages }}"
                                   "<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ end }}",
}


def hugo_project(corpus: Path, out: Path) -> Path:
    if out.exists():
        shutil.rmtree(out)
    for lang in ("vi", "en"):
        shutil.copytree(corpus / "content" / lang / "news", out / "content" / lang / "news")
    (out / "hugo.toml").write_text(HUGO_TOML, encoding="utf-8")
    for rel, text in HUGO_LAYOUTS.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return out


# ── page weight ─────────────────────────────────────────────────────────────────────
def page_weight(site: Path, page: Path) -> int:
    """Gzipped bytes of a page and of every local file it loads (CSS, JS, images)."""
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode(), 9))
    refs = set(re.findall(r'<link[^>]+rel="(?:stylesheet|icon)"[^>]+href="([^"]+)"', html))
    refs |= set(re.findall(r'<script[^>]+src="([^"]+)"', html))
    refs |= set(re.findall(r'<img[^>]+src="([^"]+)"', html))
    for ref in refs:
        if ref.startswith(("http:", "https:", "data:")):
            continue
        target = (page.parent / ref.split("?")[0]).resolve()
        if target.is_file():
            total += len(gzip.compress(target.read_bytes(), 9))
    return total


def first_search_files(site: Path, query: str = "hoi nghi") -> list[tuple[str, int]]:
    """What the browser downloads for a first search (Pagefind), measured in Chromium: each
    file under ``pagefind/`` with its bytes on the wire, in the order they finished."""
    from playwright.sync_api import sync_playwright

    httpd, base = serve(site)
    files: list[tuple[str, int]] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"])
            page = browser.new_page()
            page.goto(f"{base}vi/search/")
            page.wait_for_load_state("networkidle")

            def finished(request) -> None:  # type: ignore[no-untyped-def]
                if "/pagefind/" in request.url:
                    name = request.url.split("/pagefind/", 1)[1].split("?", 1)[0]
                    files.append((name, request.sizes()["responseBodySize"]))

            page.on("requestfinished", finished)
            page.fill("#asean-search-q", query)
            page.press("#asean-search-q", "Enter")
            page.locator("#asean-search-results li").first.wait_for()
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        httpd.shutdown()
    return files


SEARCH_KINDS = (("pagefind.js and worker", "pagefind*.js"), ("wasm", "wasm.*"), ("entry", "pagefind-entry.json"),
                ("meta", "pagefind.*.pf_meta"), ("index chunks", "index/*"), ("fragments", "fragment/*"))
"""How a first search's files are grouped in the benchmark's line: Pagefind's script, its
WebAssembly, the entry file, the metadata, the word index chunks and the page fragments."""


def first_search_breakdown(files: list[tuple[str, int]]) -> str:
    """``pagefind.js 9.1 KB, wasm 52.0 KB, …``: the bytes of each kind of file, and how many."""
    from fnmatch import fnmatch

    parts = []
    for label, pattern in SEARCH_KINDS:
        sizes = [size for name, size in files if fnmatch(name, pattern)]
        if sizes:
            count = f" ×{len(sizes)}" if len(sizes) > 1 else ""
            parts.append(f"{label}{count} {sum(sizes) / 1024:.1f} KB")
    known = sum(size for name, size in files if any(fnmatch(name, pattern) for _, pattern in SEARCH_KINDS))
    other = sum(size for _, size in files) - known
    if other:
        parts.append(f"other {other / 1024:.1f} KB")
    return ", ".join(parts)


def first_search_bytes(site: Path, query: str = "hoi nghi") -> int:
    """Bytes the browser downloads for a first search (Pagefind), measured in Chromium."""
    return sum(size for _, size in first_search_files(site, query))


def serve_edit_time(corpus: Path, port: int = 8791) -> float:
    """Seconds from saving a changed article to the rebuilt page under `make serve`."""
    proc = subprocess.Popen([PY, "-m", "site_builder", "--root", str(corpus), "serve", "--port", str(port)],
                            cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/vi/news/bai-00000/"
    try:
        deadline = time.time() + 600
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        article = corpus / "content/vi/news/bai-00000.md"
        marker = f"Sửa lúc {time.time_ns()}"
        start = time.perf_counter()
        article.write_text(article.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        while time.time() < deadline:
            try:
                if marker in urllib.request.urlopen(url, timeout=2).read().decode():
                    return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.1)
        return float("nan")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def all_units_line(corpus: Path) -> str:
    """``build --all-units`` over the corpus, once: every unit of today gets its own section."""
    site = OUT / "site-units"
    shutil.rmtree(site, ignore_errors=True)
    cmd = [PY, "-m", "site_builder", "--root", str(corpus), "build", "--all-units", "--site-dir", str(site)]
    seconds, peak = timed_peak(cmd, ROOT)
    sections = sorted(d.name for d in site.iterdir() if d.is_dir())
    n_pages = pages(site)
    return (f"all units  build --all-units  {len(sections)} sections (national + {len(sections) - 1} provinces and "
            f"cities of today)  {seconds:7.2f} s  {seconds / len(sections):5.1f} s/section  {n_pages} pages  "
            f"{size_mb(site):6.0f} MB  peak {peak:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000, choices=[100, 1000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scaling", action="store_true", help="also time 1,000 / 2,000 / 3,000 articles once each")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--units-only", action="store_true", help="only the build --all-units line")
    parser.add_argument("--images-only", action="store_true", help="only the image step line")
    parser.add_argument("--scaling-only", action="store_true", help="only the 1,000 / 2,000 / 3,000 articles lines")
    parser.add_argument("--skip-units", action="store_true", help="leave out the build --all-units line")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.scaling_only:
        for n in SCALING:
            print(scaling_line(n), flush=True)
        return 0
    corpus = generate(OUT / f"corpus-{args.articles}", args.articles)
    # The build cache inside the corpus, so that removing .cache makes a clean build clean.
    ENV["ASEAN_BUILD_CACHE"] = str(corpus / ".cache" / "build")
    print(f"corpus: {args.articles} articles per language, 39 plans ({pages_hint(corpus)})", flush=True)
    if args.units_only:
        print(all_units_line(corpus), flush=True)
        return 0
    print(image_step_line(corpus), flush=True)
    if args.images_only:
        return 0

    ours_site = OUT / "site-ours"
    ours_cmd = [PY, "-m", "site_builder", "--root", str(corpus), "build", "--site-dir", str(ours_site)]
    clean = lambda: shutil.rmtree(corpus / ".cache", ignore_errors=True)  # noqa: E731 - a clean checkout
    article = corpus / "content/en/news/bai-00001.md"
    original = article.read_text(encoding="utf-8")

    def touch_one() -> None:
        article.write_text(original + f"\nEdited {time.time_ns()}.\n", encoding="utf-8")

    base = baseline_project(corpus, OUT / "baseline")
    # Our clean build, the one-article rebuild after it, the baseline's clean build: taking turns.
    (ours, ours_cpu), (incremental, incremental_cpu), (baseline, baseline_cpu) = side_by_side([
        (ours_cmd, ROOT, clean),
        (ours_cmd + ["--incremental"], ROOT, touch_one),
        ([PY, "-m", "mkdocs", "build", "-q"], base, None),
    ], args.runs)
    article.write_text(original, encoding="utf-8")
    ours_mem = peak_mb()
    n_ours = pages(ours_site)
    print(f"ours     clean build  {ours:7.2f} s  {n_ours} pages  {n_ours / ours:6.0f} pages/s  "
          f"{size_mb(ours_site):6.1f} MB  peak {ours_mem:.0f} MB (largest process of the run)  CPU {ours_cpu:6.2f} s",
          flush=True)
    check = median_time([PY, "-m", "site_builder", "--root", str(corpus), "check"], ROOT, args.runs, clean)
    search = median_time([PY, "-c", INDEX_BOTH, str(ours_site)], ROOT, args.runs)
    print(f"ours     of which: data and content check {check:6.2f} s; Pagefind indexing of both languages "
          f"{search:6.2f} s", flush=True)
    print(f"ours     one article changed  {incremental:7.2f} s  CPU {incremental_cpu:6.2f} s", flush=True)
    n_base = pages(base / "site")
    print(f"baseline clean build  {baseline:7.2f} s  {n_base} pages  {n_base / baseline:6.0f} pages/s  "
          f"{size_mb(base / 'site'):6.1f} MB  CPU {baseline_cpu:6.2f} s", flush=True)
    print(f"floor    Pagefind indexing alone is {search / baseline:.2f} x the baseline's whole build", flush=True)

    hugo_ratio = None
    if shutil.which("hugo"):
        hugo = hugo_project(corpus, OUT / "hugo")
        hugo_time = median_time(["hugo", "--quiet"], hugo, args.runs)
        hugo_ratio = ours / hugo_time
        print(f"hugo     clean build  {hugo_time:7.2f} s  {pages(hugo / 'public')} pages", flush=True)

    weights = {
        "article": ours_site / "vi/news/bai-00002/index.html",
        "plan": ours_site / "vi/plans/bcd-asean-2021-2025/index.html",
        "widget": ours_site / "vi/embed/news/index.html",
    }
    for name, page in weights.items():
        print(f"page weight {name:8} {page_weight(ours_site, page) / 1024:6.1f} KB gzipped (first load, everything)")
    precompress(ours_site)  # as deployed (docs/deploy.md): gzip, which the static server honours
    files = first_search_files(ours_site)
    print(f"first search downloads {sum(size for _, size in files) / 1024:6.1f} KB (gzip where the host compresses): "
          f"{first_search_breakdown(files)}", flush=True)

    if not args.skip_serve:
        print(f"make serve: saved article to rebuilt page {serve_edit_time(corpus):6.2f} s", flush=True)

    if args.scaling:
        for n in SCALING:
            print(scaling_line(n), flush=True)

    if not args.skip_units:
        print(all_units_line(corpus), flush=True)

    print(f"ratio ours/baseline CPU time: clean {ours_cpu / baseline_cpu:.2f}, "
          f"one article changed {incremental_cpu / baseline_cpu:.2f}")
    print(f"ratio ours/baseline one article changed: {incremental / baseline:.2f}")
    if hugo_ratio is not None:
        print(f"ratio ours/hugo: {hugo_ratio:.2f}")
    print(f"ratio ours/baseline: {ours / baseline:.2f}")
    return 0


def pages_hint(corpus: Path) -> str:
    return f"{sum(1 for _ in (corpus / 'content').rglob('*.md'))} Markdown files"


if __name__ == "__main__":
    sys.exit(main())
