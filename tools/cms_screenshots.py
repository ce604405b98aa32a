"""Screenshots of the real CMS for the editors' guide (``content/<lang>/guide/img/cms-*.png``),
and a series from form to commit to published page (``docs/screenshots/cms/``).

Usage: ``python tools/cms_screenshots.py`` (after ``make cms``); ``--series`` for the series.

The series signs in to a Git host (``tests/gitea_standin.py``: Gitea's REST API on 127.0.0.1 over
a real repository), saves an article with a photo and a year's implementation record, shows
each commit as Git records it, builds the site from the repository and shows the published
pages.

The guide's pictures: Copies the repository to a
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
from cms_browser import Editor, News, photo, repository_copy  # noqa: E402

VIEWPORT = {"width": 1100, "height": 720}
"""Wide enough for both languages side by side; small enough to read in the guide's column."""
COLOURS = 48
"""Palette size: the CMS's flat interface needs few colours, and a palette PNG is a
fraction of a true-colour one."""
LOCALES = {"vi": "vi-VN", "en": "en-US"}
ENGLISH_INTERFACE = "localStorage.setItem('sveltia-cms.prefs', JSON.stringify({locale: 'en-US'}));"
"""The CMS opens in Vietnamese; the English guide shows it as an editor who chose English in
its settings sees it."""
PLAN, YEAR = "bcd-asean-2021-2025", 2024


def activity_label(activity: str = "I.1") -> str:
    """How the plan's form shows one of its activities (number and name)."""
    from site_builder.apps import cms

    return next(o["label"] for c in cms.config(ROOT)["collections"] if c["name"] == f"progress-{PLAN}"
                for f in c["fields"] if f["name"] == "records"
                for s in f["fields"] if s["name"] == "activity" for o in s["options"] if o["value"] == activity)


AGENCY = "Bộ Thông tin và Truyền thông"

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
        page.get_by_role("button", name=re.compile(rf"{editor.words['add']}.*Nguồn")).first.click()
        page.get_by_label("Tiêu đề / Title", exact=True).nth(1).fill(EXAMPLE["source"][0])
        page.get_by_label("Nơi công bố / Publisher", exact=True).first.fill("Ủy ban nhân dân tỉnh Sóc Trăng")
        page.locator("input[type=file]").first.set_input_files(
            files=[{"name": "Ảnh Đêm hội văn hóa.JPG", "mimeType": "image/jpeg", "buffer": photo()}])
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
        self.record_only()
        page.set_viewport_size({**VIEWPORT, "height": 900})
        self.take("cms-record.png")
        page.set_viewport_size(VIEWPORT)
        editor.save()
        page.get_by_role("button", name=editor.words["new"]).wait_for()

    def record_only(self) -> None:
        """Fill in a year's implementation record, scrolled to its records (not saved)."""
        editor, page = self.editor, self.page
        editor.open_new(f"progress-{PLAN}")
        page.get_by_role("radio", name=str(YEAR), exact=True).click()
        editor.choose(page.get_by_role("combobox").first, AGENCY)
        editor.add_record(activity_label(), (EXAMPLE["done"][0], EXAMPLE["done"][1]), AGENCY)
        page.get_by_text("Kết quả thực hiện / Records", exact=True).first.evaluate("e => e.scrollIntoView({block: 'start'})")


def run(browser: Any, base: str, repo: Path, lang: str, out: Path) -> list[str]:
    """Every picture of one language; returns what went wrong in the page (should be nothing)."""
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALES[lang])
    if lang == "en":
        context.add_init_script(ENGLISH_INTERFACE)
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


# --- the series: form, commit, published page ----------------------------------------------

SERIES = ROOT / "docs/screenshots/cms"
ARTICLE = News(
    title=EXAMPLE["title"], summary=EXAMPLE["summary"], date="2026-08-08",
    topic="Trụ cột Văn hóa – Xã hội / Socio-Cultural pillar",
    source=(EXAMPLE["source"][0], "Ủy ban nhân dân tỉnh Sóc Trăng"),
    photo={"Mô tả ảnh cho người không nhìn thấy / Alt text": EXAMPLE["alt"], "Tác giả ảnh / Photo credit": EXAMPLE["credit"],
           "Giấy phép ảnh / Photo licence": EXAMPLE["licence"]},
    body=("Đêm hội giới thiệu ẩm thực, trang phục và âm nhạc của các nước ASEAN.",
          "The night presented the food, dress and music of ASEAN countries."),
)
COMMIT_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><style>
body{{font:15px/1.45 ui-monospace,monospace;margin:24px;color:#1b1f29}} h1{{font:600 18px system-ui,sans-serif}}
pre{{white-space:pre-wrap;background:#f6f8fa;border:1px solid #d0d7de;padding:16px}}</style></head>
<body><h1>{title}</h1><pre>{text}</pre></body></html>"""
"""The commit as Git records it (``git show --stat``), on a page of its own for the picture."""


def commit_shot(page: Any, repo: Path, title: str, target: Path) -> None:
    """A picture of the branch's newest commit: author, date, message, files."""
    import html

    from gitea_standin import BRANCH, git

    text = git(repo, "show", "--stat", "--format=commit %H%nAuthor: %an <%ae>%nDate:   %aI%n%n    %s%n", BRANCH).decode()
    page.set_content(COMMIT_PAGE.format(title=html.escape(title), text=html.escape(text)))
    save_small(page.screenshot(full_page=True), target)


def series(browser: Any) -> list[str]:
    """The series of ``docs/screenshots/cms/``; returns what went wrong in the CMS page."""
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    import gitea_standin

    from site_builder.apps.build import build_site
    from site_builder.core.slug import slugify

    with tempfile.TemporaryDirectory(prefix="cms-series-") as tmp:
        repo = repository_copy(Path(tmp) / "repo")
        gitea_standin.init_repository(repo)
        httpd, _api, url = gitea_standin.serve(repo, Path(tmp) / "admin")
        context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
        editor = Editor(context.new_page(), url, repo, "vi", local=False)
        page = editor.page
        try:
            editor.sign_in_with_token(gitea_standin.TOKEN)
            editor.write_news(ARTICLE, "Ảnh Đêm hội văn hóa.JPG")
            editor.scroll_top()
            save_small(page.screenshot(), SERIES / "01-article-form.png")
            page.get_by_role("radio", name="Xem trước").last.click()  # the right pane: the page as published
            page.wait_for_timeout(1500)
            save_small(page.screenshot(), SERIES / "01-article-preview.png")
            editor.save()
            page.get_by_role("button", name=editor.words["new"]).wait_for()
            page.wait_for_timeout(400)
            save_small(page.screenshot(), SERIES / "02-article-saved.png")
            Shots(editor, SERIES).record_only()
            save_small(page.screenshot(), SERIES / "05-record-form.png")
            editor.save()
            page.get_by_role("button", name=editor.words["new"]).wait_for()
            shot = context.new_page()
            shot.set_viewport_size({"width": 900, "height": 600})
            commits = gitea_standin.git(repo, "rev-list", gitea_standin.BRANCH).decode().split()
            gitea_standin.git(repo, "branch", "-f", "article", commits[1])
            text = gitea_standin.git(repo, "show", "--stat", "--format=commit %H%nAuthor: %an <%ae>%nDate:   %aI%n%n    %s%n",
                                     "article").decode()
            import html

            shot.set_content(COMMIT_PAGE.format(title="Commit 1: the article", text=html.escape(text)))
            save_small(shot.screenshot(full_page=True), SERIES / "03-article-commit.png")
            commit_shot(shot, repo, "Commit 2: the implementation record", SERIES / "06-record-commit.png")
            gitea_standin.git(repo, "checkout", "-q", "-f", gitea_standin.BRANCH)
            site = Path(tmp) / "site"
            build_site(repo, site, site_url="http://127.0.0.1:8777/", strict=False)
            handler = type("Quiet", (SimpleHTTPRequestHandler,), {"log_message": lambda *a: None})
            static = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: handler(*a, directory=str(site)))
            threading.Thread(target=static.serve_forever, daemon=True).start()
            base = f"http://127.0.0.1:{static.server_address[1]}"
            for width, name in ((1280, "04-article-published.png"), (390, "04-article-published-phone.png")):
                shot.set_viewport_size({"width": width, "height": 900})
                shot.goto(f"{base}/vi/news/{slugify(ARTICLE.title[0])}/")
                save_small(shot.screenshot(), SERIES / name)
            shot.set_viewport_size({"width": 1280, "height": 900})
            shot.goto(f"{base}/vi/plans/{PLAN}/activities/{slugify('I.1')}/")
            save_small(shot.screenshot(full_page=True), SERIES / "07-record-published.png")
            static.shutdown()
        finally:
            context.close()
            httpd.shutdown()
    return [*editor.errors, *editor.foreign_requests(url)]


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(LOCALES), action="append", help="one language (default: both)")
    parser.add_argument("--series", action="store_true", help="only the series of docs/screenshots/cms/")
    args = parser.parse_args()
    if args.series:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            problems = series(browser)
            browser.close()
        if problems:
            raise SystemExit("the CMS page reported:\n" + "\n".join(problems))
        return
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
