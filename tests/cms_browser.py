"""An editing session in the real CMS (Sveltia, at ``/admin/`` of the live preview), shared by
the browser test (``tests/test_cms.py``) and the guide's screenshots (``tools/cms_screenshots.py``).

The test backend: the browser's private file system (OPFS) stands in for the folder an
editor picks with "Work with Local Repository", so Sveltia's own local-repository code runs
unchanged; the files it writes are read back out of the browser and copied into a
temporary copy of the repository, which ``check`` and the build then read.
"""

from __future__ import annotations

import base64
import datetime
import io
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent

OPFS_PICKER = """
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle('repo', {create: true});
"""
"""Answers the folder picker with a folder of the browser's private file system."""

FILL_OPFS = """async (files) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo', {create: true});
  for (const [path, b64] of Object.entries(files)) {
    const parts = path.split('/'); let dir = root;
    for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, {create: true});
    const handle = await dir.getFileHandle(parts.at(-1), {create: true});
    const w = await handle.createWritable();
    await w.write(Uint8Array.from(atob(b64), c => c.charCodeAt(0))); await w.close();
  }
}"""

READ_OPFS = """async () => {
  const out = {};
  async function walk(dir, prefix) {
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        let s = ''; for (const b of bytes) s += String.fromCharCode(b);
        out[prefix + name] = btoa(s);
      }
    }
  }
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('repo'), '');
  return out;
}"""

SCROLL_PANES = """(step) => { for (const e of document.querySelectorAll('*'))
  if (e.scrollHeight > e.clientHeight + 4 && getComputedStyle(e).overflowY !== 'visible') e.scrollTop += step; }"""

INTERFACE = {
    "vi": {"local": "Làm việc với kho mã nguồn cục bộ", "new": "Tạo bài viết mới", "save": "Lưu",
           "english": "Tiếng Anh", "add": "Thêm"},
    "en": {"local": "Work with Local Repository", "new": "Create New Entry", "save": "Save",
           "english": "English", "add": "Add"},
}
"""The CMS's own words the session clicks, in the two interface languages
(``cms/node_modules/@sveltia/cms/locales/vi.json`` and ``en-US.json``)."""


def repository_copy(dest: Path) -> Path:
    """What the preview and ``check`` read, copied; the vendored CMS linked, not copied."""
    for name in ("content", "plans", "theme", "schemas"):
        shutil.copytree(ROOT / name, dest / name)
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy2(ROOT / name, dest / name)
    (dest / "cms").mkdir()
    (dest / "cms/node_modules").symlink_to(ROOT / "cms/node_modules")
    return dest


def seed(repo: Path) -> dict[str, str]:
    """The files the editor's "clone" starts with (``content/``, ``plans/`` and a ``.git``
    marker, which Sveltia looks for), base64-encoded for the browser."""
    files = {".git/HEAD": base64.b64encode(b"ref: refs/heads/main\n").decode()}
    for path in sorted([*repo.glob("content/**/*"), *repo.glob("plans/**/*")]):
        if path.is_file():
            files[path.relative_to(repo).as_posix()] = base64.b64encode(path.read_bytes()).decode()
    return files


def photo() -> bytes:
    """A 960×640 JPEG drawn here (blue with a red band), so no one's photo is needed."""
    image = Image.new("RGB", (960, 640), (0, 56, 147))
    for x in range(0, 960, 8):
        for y in range(200, 440):
            image.putpixel((x, y), (200, 16, 46))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@dataclass(frozen=True)
class News:
    """A news article as an editor types it: (Vietnamese, English) pairs, the source's title
    and publisher (entered once), the photo's fields by label (none: no photo)."""

    title: tuple[str, str]
    summary: tuple[str, str]
    date: str
    topic: str
    source: tuple[str, str]
    photo: dict[str, tuple[str, str]]
    body: tuple[str, str]


class Editor:
    """A page of the CMS signed in to the seeded clone, and the moves an editor makes."""

    def __init__(self, page: Any, base_url: str, repo: Path, lang: str = "vi", local: bool = True) -> None:
        """``local``: the editor's own clone (seeded into the browser's private file system);
        else the CMS signs in to a Git host."""
        self.page = page
        self.repo = repo
        self.words = INTERFACE[lang]
        self.requests: list[str] = []
        self.errors: list[str] = []
        if local:
            page.add_init_script(OPFS_PICKER)
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("response", lambda r: self.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("console", lambda m: self.errors.append(f"{m.text} ({m.location.get('url')})")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.goto(f"{base_url}/admin/")
        self.seeded = seed(repo) if local else {}
        if local:
            page.evaluate(FILL_OPFS, self.seeded)

    def write_news(self, news: News, photo_name: str | None = None) -> None:
        """Open a new article and fill in both languages (not saved)."""
        page = self.page
        self.open_new("news")
        self.english_beside()
        title = page.get_by_label("Tiêu đề / Title", exact=True)
        title.nth(0).fill(news.title[0])
        title.nth(1).fill(news.title[1])
        summary = page.get_by_label("Tóm tắt / Summary", exact=True)
        summary.nth(0).fill(news.summary[0])
        summary.nth(1).fill(news.summary[1])
        page.get_by_label("Ngày đăng / Date", exact=True).first.fill(news.date)
        self.choose(page.get_by_role("combobox").nth(1), news.topic)
        page.get_by_role("button", name=re.compile(r"Thêm.*Nguồn")).first.click()  # once, for both languages
        title = page.get_by_label("Tiêu đề / Title", exact=True)
        self.reveal(title, 3)  # the page's two titles and the new source's: the Vietnamese pane's come first
        title.nth(1).fill(news.source[0])
        page.get_by_label("Nơi công bố / Publisher", exact=True).first.fill(news.source[1])
        if photo_name:
            page.locator("input[type=file]").first.set_input_files(
                files=[{"name": photo_name, "mimeType": "image/jpeg", "buffer": photo()}])
        for label, (vi, en) in news.photo.items():
            field = page.get_by_label(label, exact=True)
            self.reveal(field)
            field.nth(0).fill(vi)
            field.nth(1).fill(en)
        body = page.locator('[contenteditable="true"]')
        for index, text in enumerate(news.body):
            body.nth(index).click()
            page.keyboard.type(text)

    def sign_in_with_token(self, token: str) -> None:
        """Sign in to the Git host with a personal access token, as an editor would."""
        self.page.get_by_role("button", name="Đăng nhập bằng mã truy cập").click()
        self.page.get_by_label("Mã truy cập cá nhân").fill(token)
        self.page.get_by_role("button", name="Đăng nhập", exact=True).click()
        self.page.get_by_role("button", name=self.words["new"]).wait_for(timeout=60000)

    def sign_in(self) -> None:
        self.page.get_by_role("button", name=self.words["local"]).click()
        self.page.get_by_role("button", name=self.words["new"]).wait_for()

    def open_new(self, collection: str) -> None:
        self.page.evaluate(f"location.hash = '/collections/{collection}/new'")
        self.page.get_by_role("button", name=self.words["save"]).wait_for()

    def english_beside(self) -> None:
        """Show the English pane beside the Vietnamese one."""
        self.page.get_by_role("radio", name=self.words["english"]).last.click()

    def choose(self, combobox: Any, option: str) -> None:
        """Pick ``option`` in the list that this combobox opens (each one has its own)."""
        combobox.scroll_into_view_if_needed()
        combobox.click()
        for key in ("Enter", "Space", "ArrowDown") * 4:  # a click a closing list or a scrolling pane swallowed
            if combobox.get_attribute("aria-expanded") == "true":
                break
            self.page.wait_for_timeout(250)
            combobox.focus()
            combobox.press(key)
        listbox = self.page.locator(f"[id='{combobox.get_attribute('aria-controls')}']")
        search = listbox.get_by_role("searchbox")
        if search.count():  # a long list: narrowed first, as an editor would type, so the option is drawn
            search.fill(option)
        listbox.get_by_role("option", name=option, exact=True).click()
        self.page.mouse.click(5, 300)  # close the list (Escape would close the editor)

    def reveal(self, field: Any, count: int = 2, timeout: float = 20.0) -> None:
        """Scroll the editor's panes until ``field`` is rendered ``count`` times (fields
        below the fold are rendered as they come into view). Waits by the clock, not by a
        number of tries, so that a loaded machine renders in time; fails if it never does,
        rather than letting the next step fill the wrong field."""
        deadline = time.monotonic() + timeout
        while field.count() < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{field} rendered {field.count()} of {count} times after {timeout:.0f} s")
            self.page.evaluate(SCROLL_PANES, 600)
            self.page.wait_for_timeout(150)

    def add_record(self, activity: str, done: tuple[str, str], agency: str) -> None:
        """Add one record to the implementation record open in the editor: the activity
        (picked by its number and name), marked done, what was done in both languages and
        the agency that reports it (by its name). Fields below the fold are revealed before
        they are filled."""
        page = self.page
        add = page.get_by_role("button", name=re.compile(rf"{self.words['add']}.*Records"))
        self.reveal(add, 1)
        add.click()
        boxes = page.get_by_role("combobox")
        self.reveal(boxes, 2)
        self.choose(boxes.nth(1), activity)
        page.get_by_role("radio", name="Đã hoàn thành / Done", exact=True).click()
        vi = page.get_by_label("Tiếng Việt / Vietnamese", exact=True)
        en = page.get_by_label("Tiếng Anh / English", exact=True)
        self.reveal(en, 1)
        vi.first.fill(done[0])
        en.first.fill(done[1])
        agency_box = page.get_by_role("combobox", name=re.compile(r"Reporting agency"))  # by its label, not its place
        self.reveal(agency_box, 1)
        self.choose(agency_box.first, agency)  # the editing pane's, not the one in the other language's pane
        date = page.get_by_label("Ngày cập nhật / Updated", exact=True)
        self.reveal(date, 2)
        date.last.fill(datetime.date.today().isoformat())

    def scroll_top(self) -> None:
        self.page.evaluate(SCROLL_PANES, -100000)
        self.page.wait_for_timeout(150)

    def save(self) -> None:
        self.page.get_by_role("button", name=self.words["save"]).click()

    def written(self) -> dict[str, bytes]:
        """Files the CMS created or changed, copied into the repository copy."""
        after = self.page.evaluate(READ_OPFS)
        changed = {k: base64.b64decode(v) for k, v in after.items() if self.seeded.get(k) != v}
        for rel, data in changed.items():
            target = self.repo / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        self.seeded.update({k: after[k] for k in changed})
        return changed

    def foreign_requests(self, base_url: str) -> list[str]:
        return [u for u in self.requests if not u.startswith((base_url, "blob:", "data:"))]
