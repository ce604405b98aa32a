"""Screenshots of the real site: for the editors' guide (content/<lang>/guide/img/) and
of the portal's main page kinds at phone and desktop widths (docs/screenshots/, shown
in docs/screenshots.md).

Usage: ``python tools/screenshots.py`` (after ``make site``); ``--only guide`` or
``--only portal`` takes one set; ``--full`` takes whole pages instead of the first screen
(to review a page, not to commit). Takes each picture in both languages, from the built
site served on 127.0.0.1, with Debian's Chromium; the guide's error picture comes from
the live preview showing a deliberately broken copy of a plan.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
from browser import CHROMIUM, CHROMIUM_ARGS, StaticServer  # noqa: E402

SHOTS = {
    "home.png": ("", None),
    "plan-activities.png": ("plans/soc-trang-2022/#activities", None),
    "search.png": ("search/?q=hoi+nghi", "#asean-search-results li"),
    "translations.png": ("translations/", None),
}


PORTAL_SHOTS = {
    "home": "",
    "news": "news/",
    "article": "news/timor-leste-thanh-vien-thu-11/",
    "member": "members/viet-nam/",
    "culture": "culture/",
    "citizens-guide": "asean/di-lai-va-lam-viec/",
    "plans": "plans/",
    "plan": "plans/bcd-asean-2021-2025/",
    "plan-soc-trang": "plans/soc-trang-2022/",
    "units": "units/",
    "quiz": "quiz/",
    "search": "search/?q=hoi+nghi",
    "404": "404.html",
}
"""The page kinds a citizen meets first (docs/screenshots.md shows them)."""

WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
"""A common phone (390 px wide) and a laptop screen."""


HEADINGS = {
    "home": "Home page / Trang chủ",
    "news": "News / Tin tức",
    "article": "A news article / Một tin bài (Timor-Leste)",
    "member": "A member state / Một quốc gia thành viên (Việt Nam)",
    "culture": "Culture / Văn hóa",
    "citizens-guide": "Travelling, studying and working in ASEAN / Đi lại, học tập, làm việc",
    "plans": "Plans / Các kế hoạch",
    "plan": "The national plan / Kế hoạch của Ban Chỉ đạo (01/QĐ-BCĐASEAN)",
    "plan-soc-trang": "A province's plan / Kế hoạch của tỉnh Sóc Trăng (2022)",
    "units": "Provinces and cities / Các đơn vị",
    "quiz": "Quiz / Tìm hiểu về ASEAN",
    "search": "Search results / Kết quả tìm kiếm (\"hoi nghi\")",
    "404": "Page not found / Không tìm thấy trang",
    "can-tho-home": "Cần Thơ's section / Chuyên mục của thành phố Cần Thơ",
}
"""The heading of each page kind in docs/screenshots.md."""

UNIT_SHOTS = {"can-tho-home": ("can-tho", "")}
"""Pages of a unit's own build (kind: unit id, page): Cần Thơ, a province of today whose
section carries the plans of the former provinces it was formed from."""


def portal_shots(browser: object, base: str, out: Path, full: bool, shots: dict[str, str] | None = None) -> None:
    """Each page kind, in both languages, at both widths: ``<lang>-<kind>-<width>.png``."""
    out.mkdir(parents=True, exist_ok=True)
    for width, height in WIDTHS.values():
        page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        for lang in ("vi", "en"):
            for kind, path in (shots or PORTAL_SHOTS).items():
                page.goto(f"{base}{lang}/{path}")
                page.wait_for_load_state("load")
                if kind == "search":
                    page.locator("#asean-search-results li").first.wait_for()
                page.evaluate("document.fonts.ready.then(() => true)")
                page.wait_for_timeout(200)
                target = out / f"{lang}-{kind}-{width}.png"
                page.screenshot(path=str(target), full_page=full)
                print(f"wrote {target}")
        page.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def error_page_shot(page: object, lang: str, out: Path) -> None:
    """The preview's error page for a plan file with a misspelt value."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "project"
        for name in ("plans", "content", "theme", "schemas"):
            shutil.copytree(ROOT / name, copy / name)
        shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
        plan = copy / "plans/soc-trang-2022.yaml"
        plan.write_text(plan.read_text(encoding="utf-8").replace("status: expired", "status: het-han"), encoding="utf-8")
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "site_builder", "--root", str(copy), "serve", "--port", str(port)],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/{lang}/", timeout=2)
                except urllib.error.HTTPError:
                    break  # the error page answers 500: ready
                except OSError:
                    time.sleep(0.3)
            page.goto(f"http://127.0.0.1:{port}/{lang}/")  # type: ignore[attr-defined]
            page.screenshot(path=str(out))  # type: ignore[attr-defined]
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def write_index(out: Path) -> None:
    """docs/screenshots.md: a table per page kind (language by width), in the order taken."""
    rel = out.name
    lines = [
        "# Screenshots of the portal / Ảnh chụp màn hình",
        "",
        "The page kinds a citizen meets first, in both languages, on a phone (390 px wide) and a laptop "
        "(1280 px): the first screen of each page. Regenerate them after `make site` with "
        "`python tools/screenshots.py --only portal` (`--full` for whole pages, to review); the editors' "
        "guide pictures are taken by the same tool.",
        "",
        "*Các loại trang người dân xem nhiều nhất, bằng hai ngôn ngữ, trên điện thoại (rộng 390 px) và máy "
        "tính (1280 px). Chụp lại sau `make site` bằng `python tools/screenshots.py --only portal`.*",
    ]
    for kind in [*PORTAL_SHOTS, *UNIT_SHOTS]:
        lines += ["", f"## {HEADINGS[kind]}", "", "| | phone, 390 px | laptop, 1280 px |", "| --- | --- | --- |"]
        for lang, name in (("vi", "Tiếng Việt"), ("en", "English")):
            cells = [f"![{kind}, {lang}, {w} px]({rel}/{lang}-{kind}-{w}.png)" for w, _ in WIDTHS.values()]
            lines.append(f"| {name} | {cells[0]} | {cells[1]} |")
    (out.parent / "screenshots.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def unit_site(unit: str, folder: Path) -> Path:
    """A unit's section built into ``folder`` (a preview build: no published address)."""
    site = folder / "site"
    subprocess.run([sys.executable, "-m", "site_builder", "build", "--unit", unit, "--site-dir", str(site)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return site


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["guide", "portal"])
    parser.add_argument("--full", action="store_true", help="whole pages, not the first screen")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots",
                        help="folder of the portal screenshots")
    args = parser.parse_args()
    site = ROOT / "site"
    with StaticServer(site) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if args.only != "guide":
            portal_shots(browser, server.url, args.out, args.full)
            for kind, (unit, path) in UNIT_SHOTS.items():
                with tempfile.TemporaryDirectory() as tmp, StaticServer(unit_site(unit, Path(tmp))) as unit_server:
                    portal_shots(browser, unit_server.url, args.out, args.full, {kind: path})
            if not args.full:
                write_index(args.out)
        if args.only == "portal":
            browser.close()
            return
        page = browser.new_page(viewport={"width": 1100, "height": 700})
        for lang in ("vi", "en"):
            out = ROOT / "content" / lang / "guide" / "img"
            out.mkdir(parents=True, exist_ok=True)
            for name, (path, wait) in SHOTS.items():
                page.goto(f"{server.url}{lang}/{path}")
                if wait:
                    page.locator(wait).first.wait_for()
                page.wait_for_timeout(300)
                page.screenshot(path=str(out / name))
                print(f"wrote {out / name}")
            error_page_shot(page, lang, out / "error.png")
            print(f"wrote {out / 'error.png'}")
        browser.close()


if __name__ == "__main__":
    main()
