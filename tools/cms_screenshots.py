"""Screenshots of the real CMS for the editors' guide (``content/<lang>/guide/img/cms-*.png``).

Usage: ``python tools/cms_screenshots.py`` (after ``make cms``). Copies the repository to a
temporary folder, runs ``python -m site_builder serve`` there on 127.0.0.1, and drives
``/admin/`` in Debian's Chromium through the same moves an editor makes (the session of
``tests/cms_browser.py``): the start screen, a news item with a photo, a required field
left empty, an implementation record. Each language's pictures show the CMS in that
language (the form's labels are bilingual either way). The entries are examples typed
by this script into the temporary copy; nothing is written to the repository but the
pictures, which are reduced to a small palette so that each weighs a few tens of KB.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from cms_browser import Editor, photo, repository_copy  # noqa: E402

VIEWPORT = {"width": 1100, "height": 720}
"""Wide enough for both languages side by side; small enough to read in the guide's column."""
COLOURS = 48
"""Palette size: the CMS's flat interface needs few colours, and a palette PNG is a
fraction of a true-colour one."""
LOCALES = {"vi": "vi-VN", "en": "en-US"}

EXAMPLE = {
    "title": ("Đêm hội văn hóa ASEAN tại Sóc Trăng", "ASEAN culture night in Soc Trang"),
    "summary": ("Tỉnh tổ chức đêm hội giới thiệu văn hóa các nước ASEAN.",
                "The province held a night presenting the cultures of ASEAN countries."),
    "source": ("Kế hoạch tuyên truyền ASEAN năm 2026 của tỉnh", "The province's ASEAN communication plan for 2026"),
    "alt": ("Học sinh mặc áo dài bên cờ các nước ASEAN", "Students in ao dai beside the flags of ASEAN countries"),
    "credit": ("Ảnh: Sở Văn hóa, Thể thao và Du lịch", "Photo: Department of Culture, Sports and Tourism"),
    "licence": ("Thuộc sở hữu của đơn vị", "Owned by the unit"),
    "done": ("(Ví dụ) Đưa tin về các hội nghị của ASEAN trong năm.", "(Example) Reported on the year's ASEAN meetings."),
}
"""What the script types: an example entry, shown as such in the guide's captions."""


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer in {seconds:.0f} s")


def save_small(png: bytes, target: Path) -> None:
    """The screenshot as a palette PNG (no metadata), a few tens of KB."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    small = image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    target.parent.mkdir(parents=True, exist_ok=True)
    small.save(target, "PNG", optimize=True)
    print(f"wrote {target} ({target.stat().st_size // 1024} KB)")


class Shots:
    """The guide's pictures of one interface language."""

    def __init__(self, editor: Editor, out: Path) -> None:
        self.editor = editor
        self.page = editor.page
        self.out = out

    def take(self, name: str, clip: Callable[[], dict[str, float]] | None = None) -> None:
        self.page.wait_for_timeout(400)
        save_small(self.page.screenshot(clip=clip() if clip else None), self.out / name)

    def start(self) -> None:
        self.page.get_by_role("button", name=self.editor.words["local"]).wait_for()
        self.take("cms-start.png")

    def required(self) -> None:
        """Save an empty news form: the CMS names each required field still empty."""
        self.editor.open_new("news")
        self.editor.save()
        self.take("cms-required.png")

    def news(self) -> None:
        editor, page = self.editor, self.page
        editor.english_beside()
        title = page.get_by_label("Tiêu đề / Title", exact=True)
        for i in (0, 1):
            title.nth(i).fill(EXAMPLE["title"][i])
            page.get_by_label("Tóm tắt / Summary", exact=True).nth(i).fill(EXAMPLE["summary"][i])
        page.get_by_label("Ngày đăng / Date", exact=True).first.fill("2026-08-08")
        editor.choose(page.get_by_role("combobox").nth(1), "Trụ cột Văn hóa – Xã hội / Socio-Cultural pillar")
        editor.scroll_top()
        self.take("cms-news.png")
        add_source = page.get_by_role("button", name=re.compile(rf"{editor.words['add']}.*Nguồn"))
        add_source.first.click()
        add_source.last.click()
        title = page.get_by_label("Tiêu đề / Title", exact=True)
        title.nth(1).fill(EXAMPLE["source"][0])
        title.nth(3).fill(EXAMPLE["source"][1])
        page.locator("input[type=file]").first.set_input_files(
            files=[{"name": "dem-hoi-van-hoa.jpg", "mimeType": "image/jpeg", "buffer": photo()}])
        fields = [("Mô tả ảnh cho người không nhìn thấy / Alt text", "alt"),
                  ("Tác giả ảnh / Photo credit", "credit"), ("Giấy phép ảnh / Photo licence", "licence")]
        for label, key in fields:
            field = page.get_by_label(label, exact=True)
            editor.reveal(field)
            field.nth(0).fill(EXAMPLE[key][0])
            field.nth(1).fill(EXAMPLE[key][1])
        page.get_by_text("Ảnh / Photo", exact=True).first.scroll_into_view_if_needed()
        self.take("cms-photo.png")
        body = page.locator('[contenteditable="true"]')
        editor.reveal(body)
        for i, text in enumerate(["Đêm hội giới thiệu ẩm thực, trang phục và âm nhạc của các nước ASEAN.",
                                  "The night presented the food, dress and music of ASEAN countries."]):
            body.nth(i).click()
            page.keyboard.type(text)
        editor.save()
        page.get_by_role("button", name=editor.words["new"]).wait_for()
        self.take("cms-saved.png")

    def record(self) -> None:
        editor, page = self.editor, self.page
        editor.open_new("progress")
        page.get_by_role("radio", name="bcd-asean-2021-2025", exact=True).click()
        page.get_by_role("spinbutton").first.fill("2024")
        page.get_by_role("switch").first.click()  # example data: these records are not a real report
        editor.choose(page.get_by_role("combobox").first, "bo-thong-tin-va-truyen-thong")
        page.get_by_label("Ngày cập nhật / Updated", exact=True).first.fill("2024-12-15")
        editor.add_record("I.1", (EXAMPLE["done"][0], EXAMPLE["done"][1]), "bo-thong-tin-va-truyen-thong", "2024-12-15")
        page.get_by_text("Kết quả thực hiện / Records", exact=True).first.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.set_viewport_size({**VIEWPORT, "height": 900})
        self.take("cms-record.png")
        page.set_viewport_size(VIEWPORT)
        editor.save()
        page.get_by_role("button", name=editor.words["new"]).wait_for()


def run(browser: Any, base: str, repo: Path, lang: str, out: Path) -> list[str]:
    """Every picture of one language; returns what went wrong in the page (should be nothing)."""
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALES[lang])
    editor = Editor(context.new_page(), base, repo, lang)
    shots = Shots(editor, out)
    shots.start()
    editor.sign_in()
    editor.open_new("news")
    shots.news()
    shots.record()
    shots.required()
    context.close()
    return [*editor.errors, *editor.foreign_requests(base)]


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(LOCALES), action="append", help="one language (default: both)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cms-screenshots-") as tmp:
        repo = repository_copy(Path(tmp) / "repo")
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "site_builder", "--root", str(repo), "serve", "--port", str(port)],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        problems: list[str] = []
        try:
            wait_for(f"{base}/admin/")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for lang in args.lang or ["vi", "en"]:
                    problems += run(browser, base, repo, lang, ROOT / "content" / lang / "guide" / "img")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    if problems:
        raise SystemExit("the CMS page reported:\n" + "\n".join(problems))


if __name__ == "__main__":
    main()
