"""The CMS at /admin/: its configuration follows the models, and a real editing session in
Chromium writes files that pass ``check`` and build into the expected pages."""

from __future__ import annotations

import base64
import io
import re
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image
from pydantic import BaseModel

from site_builder import cms
from site_builder.model.common import PILLARS
from site_builder.model.content import DocumentFile, EventFile, FrontMatter, MemberFile
from site_builder.model.progress import ProgressFile
from site_builder.project import check_project

ROOT = Path(__file__).resolve().parent.parent


def _model_fields(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    """``Model.field`` for every field of a model and of the models it contains."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    out: set[str] = set()
    for name, info in model.model_fields.items():
        out.add(f"{model.__name__}.{name}")
        for arg in _types(info.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                out |= _model_fields(arg, seen)
    return out


def _types(annotation: Any) -> list[Any]:
    args = getattr(annotation, "__args__", None)
    if not args:
        return [annotation]
    return [t for a in args for t in _types(a)]


def test_every_editor_owned_model_field_is_in_a_form() -> None:
    """Adding a field to a model adds it to the form: the two cannot drift apart."""
    cfg = cms.config(ROOT)
    in_forms = cms.form_fields(cfg)
    owned = set()
    for model in (FrontMatter, ProgressFile, EventFile, DocumentFile, MemberFile):
        owned |= _model_fields(model)
    missing = sorted(f for f in owned if f not in cms.NOT_IN_FORMS and f.split(".", 1)[1] not in in_forms)
    assert not missing
    assert set(cms.NOT_IN_FORMS) <= owned, "NOT_IN_FORMS names a field no model has"


def _collection(cfg: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in cfg["collections"] if c["name"] == name)


def _field(fields: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(f for f in fields if f["name"] == name)


def test_forms_carry_the_models_rules() -> None:
    cfg = cms.config(ROOT)
    news = _collection(cfg, "news")
    assert news["folder"] == "content/{{locale}}/news"
    assert cfg["i18n"] == {"structure": "multiple_folders", "locales": ["vi", "en"], "default_locale": "vi"}
    fields = news["fields"]
    assert _field(fields, "title")["required"] and _field(fields, "title")["i18n"] is True
    assert _field(fields, "date")["required"], "a news article needs a date (FrontMatter._required_by_kind)"
    assert _field(fields, "image")["media_folder"] == "/content/media"
    assert _field(fields, "topics")["options"] == list(PILLARS)
    source_url = _field(_field(fields, "sources")["fields"], "url")
    assert source_url["pattern"][0].startswith("^https://")
    progress = _collection(cfg, "progress")
    assert progress["folder"] == "plans/progress" and progress["slug"] == "{{fields.plan}}-{{fields.year}}"
    assert "soc-trang-2022" in _field(progress["fields"], "plan")["options"]
    records = _field(progress["fields"], "records")["fields"]
    assert _field(records, "status")["options"] == ["not-started", "in-progress", "done", "ongoing", "cancelled"]
    assert _field(records, "progress")["min"] == 0 and _field(records, "progress")["max"] == 100
    assert _field(_field(records, "done")["fields"], "vi")["required"]


def test_bundle_rewrites_fail_loudly_on_an_unknown_version() -> None:
    with pytest.raises(cms.VendorError):
        cms.localise_bundle("console.log('a different bundle')")


def test_admin_files_are_served_by_name_only(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html>", encoding="utf-8")
    assert cms.admin_file(tmp_path, "/admin/")[0] == 200
    for bad in ("/admin/../pyproject.toml", "/admin/%2e%2e/x.html", "/admin/.env", "/admin/x.py"):
        assert cms.admin_file(tmp_path, bad)[0] == 404, bad


# --- a real editing session -------------------------------------------------------------

OPFS_PICKER = """
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle('repo', {create: true});
"""
"""The test backend: the browser's private file system stands in for the folder an editor
picks, so that Sveltia's own local-repository code runs unchanged."""

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


def _repository_copy(dest: Path) -> Path:
    for name in ("content", "plans", "theme", "schemas"):
        shutil.copytree(ROOT / name, dest / name)
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy2(ROOT / name, dest / name)
    (dest / "cms").mkdir()
    (dest / "cms/node_modules").symlink_to(ROOT / "cms/node_modules")
    return dest


def _photo() -> bytes:
    image = Image.new("RGB", (960, 640), (0, 56, 147))
    for x in range(0, 960, 8):
        for y in range(200, 440):
            image.putpixel((x, y), (200, 16, 46))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


class _Session:
    """The preview's server on a temporary copy of the repository, and a Chromium page."""

    def __init__(self, repo: Path) -> None:
        from site_builder.preview import Preview, make_server

        self.repo = repo
        self.preview = Preview(repo, 0)
        self.httpd = make_server(self.preview, 0)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _seed(repo: Path) -> dict[str, str]:
    files = {".git/HEAD": base64.b64encode(b"ref: refs/heads/main\n").decode()}
    for path in sorted([*repo.glob("content/**/*"), *repo.glob("plans/**/*")]):
        if path.is_file():
            files[path.relative_to(repo).as_posix()] = base64.b64encode(path.read_bytes()).decode()
    return files


@pytest.fixture(scope="module")
def cms_session(tmp_path_factory: pytest.TempPathFactory, browser: Any):
    """The CMS in the session's Chromium (one Playwright per test run: a second
    ``sync_playwright`` inside the first refuses to start)."""
    if not (ROOT / cms.PACKAGE_DIR / "package.json").is_file():
        pytest.fail(cms.INSTALL_HINT)
    repo = _repository_copy(tmp_path_factory.mktemp("cms") / "repo")
    session = _Session(repo)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    try:
        page = context.new_page()
        page.add_init_script(OPFS_PICKER)
        session.requests = []  # type: ignore[attr-defined]
        session.errors = []  # type: ignore[attr-defined]
        page.on("request", lambda r: session.requests.append(r.url))  # type: ignore[attr-defined]
        page.on("console", lambda m: session.errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
        page.on("pageerror", lambda e: session.errors.append(str(e)))  # type: ignore[attr-defined]
        page.goto(f"{session.url}/admin/")
        seeded = _seed(repo)
        page.evaluate(FILL_OPFS, seeded)
        page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ").click()
        page.get_by_role("button", name="Tạo bài viết mới").wait_for()
        session.page = page  # type: ignore[attr-defined]
        session.seeded = seeded  # type: ignore[attr-defined]
        yield session
    finally:
        context.close()
        session.close()


def _open_new(page: Any, collection: str) -> None:
    page.evaluate(f"location.hash = '/collections/{collection}/new'")
    page.get_by_role("button", name="Lưu").wait_for()


def _choose(page: Any, combobox: Any, option: str) -> None:
    combobox.click()
    page.get_by_role("option", name=option, exact=True).first.click()
    page.mouse.click(5, 300)  # close the list (Escape would close the editor)


SCROLL_PANES = """() => { for (const e of document.querySelectorAll('*'))
  if (e.scrollHeight > e.clientHeight + 4 && getComputedStyle(e).overflowY !== 'visible') e.scrollTop += 600; }"""


def _reveal(page: Any, field: Any) -> None:
    """Scroll the editor's panes until ``field`` is rendered in both (fields below the
    fold are rendered as they come into view)."""
    for _ in range(20):
        if field.count() >= 2:
            return
        page.evaluate(SCROLL_PANES)
        page.wait_for_timeout(150)


def _written(session: Any) -> dict[str, bytes]:
    """Files the CMS created or changed, copied into the repository copy."""
    after = session.page.evaluate(READ_OPFS)
    changed = {k: base64.b64decode(v) for k, v in after.items() if session.seeded.get(k) != v}
    for rel, data in changed.items():
        target = session.repo / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return changed


def test_cms_writes_a_news_pair_with_a_photo(cms_session: Any, tmp_path: Path) -> None:
    page = cms_session.page
    _open_new(page, "news")
    page.get_by_role("radio", name="Tiếng Anh").last.click()  # English beside Vietnamese
    title = page.get_by_label("Tiêu đề / Title", exact=True)
    title.nth(0).fill("Ngày hội văn hóa ASEAN tại Sóc Trăng")
    title.nth(1).fill("ASEAN culture day in Soc Trang")
    summary = page.get_by_label("Tóm tắt / Summary", exact=True)
    summary.nth(0).fill("Tỉnh tổ chức ngày hội giới thiệu văn hóa các nước ASEAN.")
    summary.nth(1).fill("The province held a day presenting the cultures of ASEAN countries.")
    page.get_by_label("Ngày đăng / Date", exact=True).first.fill("2026-08-08")
    _choose(page, page.get_by_role("combobox").nth(1), "socio-cultural")
    add_source = page.get_by_role("button", name=re.compile(r"Thêm.*Nguồn"))
    add_source.first.click()
    add_source.last.click()
    title = page.get_by_label("Tiêu đề / Title", exact=True)
    title.nth(1).fill("Kế hoạch tuyên truyền ASEAN năm 2026 của tỉnh")
    title.nth(3).fill("The province's ASEAN communication plan for 2026")
    page.locator("input[type=file]").first.set_input_files(
        files=[{"name": "ngay-hoi-van-hoa.jpg", "mimeType": "image/jpeg", "buffer": _photo()}])
    for label, vi, en in [
        ("Mô tả ảnh cho người không nhìn thấy / Alt text", "Học sinh mặc áo dài bên cờ các nước ASEAN",
         "Students in ao dai beside the flags of ASEAN countries"),
        ("Tác giả ảnh / Photo credit", "Ảnh: Sở Văn hóa, Thể thao và Du lịch", "Photo: Department of Culture, Sports and Tourism"),
        ("Giấy phép ảnh / Photo licence", "Thuộc sở hữu của đơn vị", "Owned by the unit"),
    ]:
        field = page.get_by_label(label, exact=True)
        _reveal(page, field)
        field.nth(0).fill(vi)
        field.nth(1).fill(en)
    body = page.locator('[contenteditable="true"]')
    for index, text in enumerate(["Ngày hội giới thiệu ẩm thực, trang phục và âm nhạc của các nước ASEAN.",
                                  "The day presented the food, dress and music of ASEAN countries."]):
        body.nth(index).click()
        page.keyboard.type(text)
    page.screenshot(path="/tmp/cms-test-form.png", full_page=True)
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_timeout(1500)
    page.screenshot(path="/tmp/cms-test-saved.png", full_page=True)
    page.get_by_role("button", name="Tạo bài viết mới").wait_for()  # back to the list once saved
    written = _written(cms_session)
    slug = "ngay-hoi-van-hoa-asean-tai-soc-trang"
    assert sorted(written) == [f"content/en/news/{slug}.md", "content/media/ngay-hoi-van-hoa.jpg",
                               f"content/vi/news/{slug}.md"]
    vi = yaml.safe_load(written[f"content/vi/news/{slug}.md"].decode().split("---")[1])
    assert vi["image"] == "ngay-hoi-van-hoa.jpg" and vi["kind"] == "news" and vi["image_licence"]
    _, problems = check_project(cms_session.repo)
    assert not problems.errors, "\n".join(p.format() for p in problems.errors)
    assert not [u for u in cms_session.requests if not u.startswith((cms_session.url, "blob:", "data:"))]
    assert not cms_session.errors


def test_written_files_build_into_the_pages(cms_session: Any, tmp_path: Path) -> None:
    from site_builder.build import build_site

    site = tmp_path / "site"
    build_site(cms_session.repo, site, site_url="http://127.0.0.1/", strict=False)
    slug = "ngay-hoi-van-hoa-asean-tai-soc-trang"
    vi = (site / f"vi/news/{slug}/index.html").read_text(encoding="utf-8")
    en = (site / f"en/news/{slug}/index.html").read_text(encoding="utf-8")
    assert "Ngày hội văn hóa ASEAN tại Sóc Trăng" in vi and "ASEAN culture day in Soc Trang" in en
    assert "Học sinh mặc áo dài" in vi and "Owned by the unit" in en
    assert list((site / "media").glob("ngay-hoi-van-hoa-*.jpg"))


def test_deploy_example_sends_the_admin_policy_under_admin_only() -> None:
    text = (ROOT / "docs/deploy/nginx.conf").read_text(encoding="utf-8")
    policy = cms.admin_policy(cms.GIT_HOSTS["gitea"])
    block = text.split("location ^~ /asean/admin/", 1)[1].split("}", 1)[0]
    assert policy in block and text.count(policy) == 1
    assert policy in (ROOT / "docs/cms.md").read_text(encoding="utf-8")
