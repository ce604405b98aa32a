"""The CMS at /admin/: its configuration follows the models, and a real editing session in
Chromium writes files that pass ``check`` and build into the expected pages."""

from __future__ import annotations

import datetime
import os
import re
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
from cms_browser import Editor, News, repository_copy
from conftest import MiniProject
from pydantic import BaseModel

from site_builder.apps import cms
from site_builder.core.slug import slugify
from site_builder.derive.project import check_project
from site_builder.model.common import PILLARS
from site_builder.model.content import DocumentFile, EventFile, FrontMatter
from site_builder.model.members import MemberFile
from site_builder.model.progress import ProgressFile

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


def _values(options: list[Any]) -> list[str]:
    return [o["value"] if isinstance(o, dict) else o for o in options]


def test_forms_carry_the_models_rules() -> None:
    cfg = cms.config(ROOT)
    news = _collection(cfg, "news")
    assert news["folder"] == "content/{{locale}}/news"
    assert cfg["i18n"] == {"structure": "multiple_folders", "locales": ["vi", "en"], "default_locale": "vi"}
    fields = news["fields"]
    assert _field(fields, "title")["required"] and _field(fields, "title")["i18n"] is True
    assert _field(fields, "date")["required"], "a news article needs a date (FrontMatter._required_by_kind)"
    assert _field(fields, "image")["media_folder"] == "/content/media"
    assert _values(_field(fields, "topics")["options"]) == list(PILLARS)
    assert {"label": "Trụ cột Kinh tế / Economic pillar", "value": "economic"} in _field(fields, "topics")["options"]
    source_url = _field(_field(fields, "sources")["fields"], "url")
    assert source_url["pattern"][0].startswith("^https://")
    progress = _collection(cfg, "progress-soc-trang-2022")
    assert progress["folder"] == "plans/progress" and progress["slug"] == "{{fields.plan}}-{{fields.year}}"
    assert progress["filter"] == {"field": "plan", "value": "soc-trang-2022"}
    assert _field(progress["fields"], "plan") == {"name": "plan", "widget": "hidden", "default": "soc-trang-2022"}
    records = _field(progress["fields"], "records")["fields"]
    assert _values(_field(records, "status")["options"]) == ["not-started", "in-progress", "done", "ongoing", "cancelled"]
    assert {"label": "Đã hoàn thành / Done", "value": "done"} in _field(records, "status")["options"]
    assert _field(records, "progress")["min"] == 0 and _field(records, "progress")["max"] == 100
    assert _field(_field(records, "done")["fields"], "vi")["required"]


def test_choices_show_names_and_store_ids() -> None:
    """Units, agencies and activities are offered by their names; the file gets the id."""
    cfg = cms.config(ROOT)
    unit = _field(_collection(cfg, "tourism")["fields"], "unit")["options"]
    assert {"label": "Cần Thơ", "value": "can-tho"} in unit
    assert {"label": "Sóc Trăng (đã sáp nhập / former)", "value": "soc-trang"} in unit
    drawings = _field(_collection(cfg, "news")["fields"], "illustration")["options"]
    assert {"label": "Tàu container và cần cẩu ở cảng", "value": "container-port"} in drawings
    progress = _collection(cfg, "progress-dong-thap-2021-2025")
    agencies = _field(progress["fields"], "reported_by")["options"]
    assert {"label": "Sở Ngoại vụ tỉnh Đồng Tháp", "value": "dong-thap-so-ngoai-vu"} in agencies
    assert {"label": "Sở Ngoại vụ (Tỉnh Bình Phước)", "value": "binh-phuoc-so-ngoai-vu"} in agencies
    assert "activity" not in {f["name"] for f in _field(progress["fields"], "records")["fields"]}, (
        "a plan without an appendix reports on the assignments of its text")
    records = _field(_collection(cfg, "progress-soc-trang-2022")["fields"], "records")["fields"]
    activity = _field(records, "activity")
    assert activity["widget"] == "select" and activity["required"]
    assert all(re.fullmatch(r"[IVX]+\.\d+ — .+", o["label"]) and o["label"].startswith(o["value"] + " ")
               for o in activity["options"])
    assert "assignment" not in {f["name"] for f in records}, "a plan with an appendix reports on its activities"


def test_year_is_a_choice_of_the_plans_years_stored_as_a_number() -> None:
    """Not a number box, which the CMS shows as "2.022" in Vietnamese."""
    year = _field(_collection(cms.config(ROOT), "progress-soc-trang-2022")["fields"], "year")
    assert year["widget"] == "select" and year["options"] == [{"label": "2022", "value": 2022}]


def test_hints_speak_to_editors_in_both_languages() -> None:
    """No field names, code or commands in what the form says."""
    cfg = cms.config(ROOT)
    hints: list[str] = []

    def walk(fields: list[dict[str, Any]]) -> None:
        for f in fields:
            if "hint" in f:
                hints.append(f["hint"])
            walk(f.get("fields", []))

    for collection in cfg["collections"]:
        walk(collection.get("fields", []))
        for file in collection.get("files", []):
            walk(file["fields"])
    assert hints
    for hint in hints:
        assert " / " in hint, hint
        assert not re.search(r"`|\bcheck\b|kind:|\b[a-z]+_[a-z_]+\b|\bnull\b", hint), hint


def test_labels_and_hints_come_from_the_catalogs() -> None:
    """The form's words are in the gettext catalogs (context ``cms``), Vietnamese first: a
    translator changes them in ``site_builder/locale``, not in the code."""
    from site_builder.core.i18n import translations

    vi, en = translations("vi").pgettext, translations("en").pgettext
    assert cms.labels()["date"] == f"{vi('cms', 'Date')} / {en('cms', 'Date')}" == "Ngày đăng / Date"
    assert vi("cms", "Date") != translations("vi").gettext("Date"), "a form's date is not the site's"
    assert cms.labels()["km2"] == "Km²"
    assert cms.hints()["image_alt"].startswith(vi("cms", "Required with a photo: what it shows."))
    assert cms.labels()["alt"] != cms.labels()["image_alt"]
    source = (ROOT / "site_builder/apps/cms/labels.py").read_text(encoding="utf-8")
    assert not re.search(r'":\s*"[^"\n]*[ăâđêôơư][^"\n]* / ', source), "a hand-written Vietnamese / English label"
    news = _collection(cms.config(ROOT), "news")
    assert news["label"] == f"{vi('cms', 'News')} / News"


def test_only_the_sites_own_pictures_with_names_check_accepts() -> None:
    cfg = cms.config(ROOT)
    assert cfg["media_libraries"] == {"default": {"config": {"slugify_filename": True}}, "stock_assets": False}
    assert cfg["slug"]["encoding"] == "ascii" and cfg["slug"]["clean_accents"]
    image = _field(_collection(cfg, "news")["fields"], "image")
    assert image["choose_url"] is False


def test_sources_are_entered_once_for_both_languages() -> None:
    sources = _field(_collection(cms.config(ROOT), "news")["fields"], "sources")
    assert sources["i18n"] == "duplicate"
    assert all(f["i18n"] == "duplicate" for f in sources["fields"])


def test_a_source_with_only_a_title_is_refused() -> None:
    """It would be published with neither a link nor an owner."""
    from pydantic import ValidationError

    page = {"title": "T", "description": "D", "kind": "news", "date": "2026-01-01", "topics": ["economic"]}
    with pytest.raises(ValidationError, match="publisher"):
        FrontMatter.model_validate({**page, "sources": [{"title": "Một văn bản"}]})
    FrontMatter.model_validate({**page, "sources": [{"title": "Một văn bản", "publisher": "Bộ Ngoại giao"}]})
    FrontMatter.model_validate({**page, "sources": [{"title": "A page", "url": "https://asean.org/a/"}]})


def test_records_find_their_schema_without_a_comment() -> None:
    """The CMS rewrites a YAML file without its comments: the editor's schema association is
    in the workspace settings, not in a first-line comment a save would drop."""
    import fnmatch
    import json

    schemas = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    patterns = schemas["./schemas/progress.schema.json"]
    for rel in ("plans/progress/soc-trang-2022-2022.yaml", "plans/examples/progress/soc-trang-2022-2022.yaml"):
        assert any(fnmatch.fnmatch(rel, p) for p in patterns), rel
    assert (ROOT / "schemas/progress.schema.json").is_file()


def test_admin_page_loads_its_own_script_only() -> None:
    assert '<script src="admin.js"></script>' in cms.INDEX_HTML
    assert "registerPreviewStyle" in cms.ADMIN_JS and "preSave" in cms.ADMIN_JS
    assert "manifest-src 'self' blob:" in cms.admin_policy()


def test_interface_is_vietnamese_whatever_the_browser() -> None:
    bundle = (ROOT / cms.PACKAGE_DIR / "dist/sveltia-cms.js").read_text(encoding="utf-8")
    assert "MQ=()=>`vi`" in cms.localise_bundle(bundle)


def test_bundle_rewrites_fail_loudly_on_an_unknown_version() -> None:
    with pytest.raises(cms.VendorError):
        cms.localise_bundle("console.log('a different bundle')")


def test_admin_files_are_served_by_name_only(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html>", encoding="utf-8")
    assert cms.admin_file(tmp_path, "/admin/")[0] == 200
    for bad in ("/admin/../pyproject.toml", "/admin/%2e%2e/x.html", "/admin/.env", "/admin/x.py"):
        assert cms.admin_file(tmp_path, bad)[0] == 404, bad


# --- a real editing session -------------------------------------------------------------

NEWS_TITLE = "Đêm hội văn hóa ASEAN tại Sóc Trăng"
NEWS = News(
    title=(NEWS_TITLE, "ASEAN culture night in Soc Trang"),
    summary=("Tỉnh tổ chức đêm hội giới thiệu văn hóa các nước ASEAN.",
             "The province held a night presenting the cultures of ASEAN countries."),
    date="2026-08-08", topic="Trụ cột Văn hóa – Xã hội / Socio-Cultural pillar",
    source=("Kế hoạch tuyên truyền ASEAN năm 2026 của tỉnh", "Ủy ban nhân dân tỉnh"),
    photo={"Mô tả ảnh cho người không nhìn thấy / Alt text": ("Học sinh mặc áo dài bên cờ các nước ASEAN",
                                                             "Students in ao dai beside the flags of ASEAN countries"),
           "Tác giả ảnh / Photo credit": ("Ảnh: Sở Văn hóa, Thể thao và Du lịch",
                                          "Photo: Department of Culture, Sports and Tourism"),
           "Giấy phép ảnh / Photo licence": ("Thuộc sở hữu của đơn vị", "Owned by the unit")},
    body=("Đêm hội giới thiệu ẩm thực, trang phục và âm nhạc của các nước ASEAN.",
          "The night presented the food, dress and music of ASEAN countries."),
)
"""The title starts with "Đ", which Unicode does not decompose: the slug must still read "dem-…"."""
PHOTO_NAME, PHOTO_SAVED = "Ảnh Hội nghị ASEAN 2026.JPG", "anh-hoi-nghi-asean-2026.jpg"
"""A photo as a camera or an editor names it, and the name the CMS saves it under."""
PLAN, YEAR, ACTIVITY = "bcd-asean-2021-2025", 2024, "I.1"
"""A plan, a year of its period without records yet, and one of its appendix activities."""
ACTIVITY_LABEL = next(o["label"] for c in cms.config(ROOT)["collections"] if c["name"] == f"progress-{PLAN}"
                      for f in c["fields"] if f["name"] == "records"
                      for s in f["fields"] if s["name"] == "activity" for o in s["options"] if o["value"] == ACTIVITY)
"""How the form shows the activity: its number and name."""


class _Session:
    """The preview's server on a temporary copy of the repository, and the CMS in Chromium."""

    def __init__(self, repo: Path) -> None:
        from site_builder.apps.preview import Preview
        from site_builder.apps.preview_server import make_server

        self.repo = repo
        self.preview = Preview(repo, 0)
        self.httpd = make_server(self.preview, 0)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.editor: Editor

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def cms_session(tmp_path_factory: pytest.TempPathFactory, browser: Any):
    """The CMS in the session's Chromium (one Playwright per test run: a second
    ``sync_playwright`` inside the first refuses to start)."""
    if not (ROOT / cms.PACKAGE_DIR / "package.json").is_file():
        pytest.fail(cms.INSTALL_HINT)
    session = _Session(repository_copy(tmp_path_factory.mktemp("cms") / "repo"))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    try:
        session.editor = Editor(context.new_page(), session.url, session.repo, "vi")
        session.editor.sign_in()
        yield session
    finally:
        context.close()
        session.close()


def _assert_clean(session: _Session) -> None:
    _, problems = check_project(session.repo)
    assert not problems.errors, "\n".join(p.format() for p in problems.errors)
    assert not session.editor.foreign_requests(session.url)
    assert not session.editor.errors


@pytest.mark.browser
def test_cms_writes_a_news_pair_with_a_photo(cms_session: _Session) -> None:
    editor = cms_session.editor
    page = editor.page
    editor.write_news(NEWS, PHOTO_NAME)
    editor.save()
    page.get_by_role("button", name="Tạo bài viết mới").wait_for()  # back to the list once saved
    written = editor.written()
    slug = slugify(NEWS_TITLE)
    assert slug == "dem-hoi-van-hoa-asean-tai-soc-trang", "Sveltia's slug and ours must agree on Đ"
    assert sorted(written) == [f"content/en/news/{slug}.md", f"content/media/{PHOTO_SAVED}",
                               f"content/vi/news/{slug}.md"], "the photo renamed as check wants it"
    vi = yaml.safe_load(written[f"content/vi/news/{slug}.md"].decode().split("---")[1])
    en = yaml.safe_load(written[f"content/en/news/{slug}.md"].decode().split("---")[1])
    assert vi["image"] == PHOTO_SAVED and vi["kind"] == "news" and vi["image_licence"]
    assert en["sources"] == vi["sources"] == [{"title": "Kế hoạch tuyên truyền ASEAN năm 2026 của tỉnh",
                                               "publisher": "Ủy ban nhân dân tỉnh"}], "typed once, in both files"
    _assert_clean(cms_session)


@pytest.mark.browser
def test_cms_writes_an_implementation_record(cms_session: _Session) -> None:
    """The plan's own form: the year and the activity picked from the plan, agencies by their
    names; the file gets ids, keys in the models' order, and today's date as ``updated``."""
    editor = cms_session.editor
    page = editor.page
    editor.open_new(f"progress-{PLAN}")
    page.get_by_role("radio", name=str(YEAR), exact=True).click()
    editor.choose(page.get_by_role("combobox").first, "Bộ Thông tin và Truyền thông")
    editor.add_record(ACTIVITY_LABEL, ("Đưa tin về các hội nghị của ASEAN trong năm.",
                                       "Reported on the year's ASEAN meetings."), "Bộ Thông tin và Truyền thông")
    editor.save()
    page.get_by_role("button", name="Tạo bài viết mới").wait_for()
    written = editor.written()
    name = f"plans/progress/{PLAN}-{YEAR}.yaml"
    assert sorted(written) == [name]
    data = yaml.safe_load(written[name])
    today = datetime.date.today()
    assert list(data) == ["plan", "year", "reported_by", "updated", "records"], "the models' order, empty fields left out"
    assert data["plan"] == PLAN and data["year"] == YEAR and data["updated"] == today
    assert data["records"] == [{"activity": ACTIVITY, "status": "done", "reporting_agency": "bo-thong-tin-va-truyen-thong",
                                "done": {"vi": "Đưa tin về các hội nghị của ASEAN trong năm.",
                                         "en": "Reported on the year's ASEAN meetings."},
                                "updated": today}]
    _assert_clean(cms_session)


@pytest.mark.browser
def test_a_second_save_changes_only_the_edited_line(cms_session: _Session) -> None:
    """Key order and layout are the CMS's own and stable: reopening the record and editing one
    text rewrites that line alone (``updated`` is already today)."""
    import difflib

    editor = cms_session.editor
    page = editor.page
    name = f"plans/progress/{PLAN}-{YEAR}.yaml"
    before = (cms_session.repo / name).read_text(encoding="utf-8")
    page.evaluate(f"location.hash = '/collections/progress-{PLAN}/entries/{PLAN}-{YEAR}'")
    english = page.get_by_label("Tiếng Anh / English", exact=True)
    editor.reveal(english, 1)
    english.first.fill("Reported on every ASEAN meeting of the year.")
    editor.save()
    page.get_by_role("button", name="Tạo bài viết mới").wait_for()
    after = editor.written()[name].decode()
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-      en: Reported on the year's ASEAN meetings.",
                       "+      en: Reported on every ASEAN meeting of the year."], changed
    _assert_clean(cms_session)


@pytest.mark.browser
def test_written_files_build_into_the_pages(cms_session: _Session, tmp_path: Path) -> None:
    from site_builder.apps.build import build_site

    site = tmp_path / "site"
    build_site(cms_session.repo, site, site_url="http://127.0.0.1/", strict=False)
    slug = slugify(NEWS_TITLE)
    vi = (site / f"vi/news/{slug}/index.html").read_text(encoding="utf-8")
    en = (site / f"en/news/{slug}/index.html").read_text(encoding="utf-8")
    assert NEWS_TITLE in vi and "ASEAN culture night in Soc Trang" in en
    assert "Học sinh mặc áo dài" in vi and "Owned by the unit" in en
    assert list((site / "media").glob("anh-hoi-nghi-asean-2026-*.jpg"))
    plan = (site / "vi/units/viet-nam/index.html").read_text(encoding="utf-8")  # the plan's table, on its unit's page
    row = re.search(rf'<tr data-item="{re.escape(ACTIVITY)}" data-status="([^"]*)"', plan)
    assert row and f"{YEAR}:done" in row.group(1).split()
    activity = (site / f"en/plans/{PLAN}/activities/{slugify(ACTIVITY)}/index.html").read_text(encoding="utf-8")
    assert "Reported on every ASEAN meeting of the year." in activity


def test_deploy_example_sends_the_admin_policy_under_admin_only() -> None:
    text = (ROOT / "docs/deploy/nginx.conf").read_text(encoding="utf-8")
    policy = cms.admin_policy(cms.GIT_HOSTS["gitea"])
    block = text.split("location ^~ /asean/admin/", 1)[1].split("}", 1)[0]
    assert policy in block and text.count(policy) == 1
    assert policy in (ROOT / "docs/cms.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("where", [".", "content", "plans/x", ".."])
def test_admin_output_never_replaces_the_project_or_its_sources(mini: MiniProject, where: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """``cms --out`` deletes and rewrites its folder, so it has the build's guard: never the
    project, a folder of its sources, or one that holds them (found by the command-line fuzz)."""
    from site_builder.apps.cli import main

    monkeypatch.chdir(mini.root)
    before = sorted(p.relative_to(mini.root) for p in mini.root.rglob("*"))
    assert main(["--root", str(mini.root), "cms", "--out", where]) == 1
    assert sorted(p.relative_to(mini.root) for p in mini.root.rglob("*")) == before


# --- a save is a commit: the CMS against a Git host (a stand-in of Gitea's API) ----------------

@pytest.fixture(scope="module")
def gitea(tmp_path_factory: pytest.TempPathFactory, browser: Any):
    """A repository behind the stand-in Gitea API, and the CMS signed in to it with a token."""
    import gitea_standin

    base = tmp_path_factory.mktemp("gitea")
    repo = repository_copy(base / "repo")
    first = gitea_standin.init_repository(repo)
    httpd, api, url = gitea_standin.serve(repo, base / "admin")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    try:
        editor = Editor(context.new_page(), url, repo, "vi", local=False)
        editor.sign_in_with_token(gitea_standin.TOKEN)
        yield editor, api, repo, first, url
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()


def _commit_files(repo: Path, commit: str) -> list[str]:
    import gitea_standin

    out = gitea_standin.git(repo, "diff-tree", "--no-commit-id", "--name-only", "-r", commit).decode()
    return sorted(out.split())


@pytest.mark.browser
def test_a_save_with_a_git_host_is_a_commit(gitea: Any) -> None:
    """An English-language browser still gets the Vietnamese interface; the save is one commit
    on the branch with both languages and the renamed photo, by the signed-in editor."""
    import gitea_standin

    editor, api, repo, first, url = gitea
    editor.write_news(NEWS, PHOTO_NAME)
    editor.save()
    editor.page.get_by_role("button", name="Tạo bài viết mới").wait_for()
    head = api.head()
    assert head != first
    assert gitea_standin.git(repo, "rev-parse", f"{head}^").decode().strip() == first, "one commit on the branch"
    slug = slugify(NEWS_TITLE)
    assert _commit_files(repo, head) == [f"content/en/news/{slug}.md", f"content/media/{PHOTO_SAVED}",
                                         f"content/vi/news/{slug}.md"]
    author = gitea_standin.git(repo, "log", "-1", "--format=%an <%ae>%n%s", head).decode().splitlines()
    assert author[0] == f"{gitea_standin.USER['full_name']} <{gitea_standin.USER['email']}>"
    assert author[1] == f"Thêm Tin bài / News: {slug} / Add +2"
    vi = yaml.safe_load(api.show(f"content/vi/news/{slug}.md").decode().split("---")[1])
    assert vi["image"] == PHOTO_SAVED and vi["sources"][0]["publisher"] == "Ủy ban nhân dân tỉnh"
    assert "POST /repos/so-ngoai-vu/chuyen-muc-asean/contents" in api.calls
    assert not editor.foreign_requests(url)
    assert not editor.errors


@pytest.mark.browser
def test_check_refuses_a_bad_commit_with_file_and_line(gitea: Any, tmp_path: Path) -> None:
    """What the form cannot enforce (a photo needs its credit: a rule across fields) is the
    pipeline's: ``check`` on the commit names the file, the line and the field, in both languages."""
    import subprocess


    editor, api, repo, first, url = gitea
    bad = News(title=("Hội thảo ASEAN về chuyển đổi số", "ASEAN workshop on digital transformation"),
               summary=("Hội thảo bàn về chuyển đổi số trong ASEAN.", "A workshop on digital transformation in ASEAN."),
               date="2026-09-10", topic=NEWS.topic, source=NEWS.source,
               photo={"Mô tả ảnh cho người không nhìn thấy / Alt text": ("Đại biểu dự hội thảo", "Delegates at the workshop"),
                      "Giấy phép ảnh / Photo licence": ("Thuộc sở hữu của đơn vị", "Owned by the unit")},
               body=("Nội dung hội thảo.", "What the workshop discussed."))
    editor.write_news(bad, "Hội thảo.jpg")
    editor.save()
    editor.page.get_by_role("button", name="Tạo bài viết mới").wait_for()
    head = api.head()
    slug = slugify(bad.title[0])
    assert f"content/vi/news/{slug}.md" in _commit_files(repo, head)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-m", "site_builder", "check"], cwd=clone, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    assert result.returncode != 0
    report = result.stdout + result.stderr
    assert re.search(rf"content/(vi|en)/news/{slug}\.md:\d+", report), report[-3000:]
    assert "image_credit" in report, report[-3000:]
