"""The editors' workflow: live preview, scaffolding, the translation report, edit links."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, CliResult, MiniProject, run_cli

from site_builder.apps.build import build_site
from site_builder.derive.project import check_project
from site_builder.derive.translation_status import format_table, gaps, mark_current


def run(root: Path, *args: str) -> CliResult:
    return run_cli("--root", str(root), *args)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def wait_for(url: str, predicate, timeout: float = 90) -> str:  # type: ignore[no-untyped-def]
    deadline = time.time() + timeout
    last = ""
    while time.time() < deadline:
        try:
            status, body = fetch(url)
            last = f"{status}"
            if predicate(status, body):
                return body
        except OSError as exc:
            last = str(exc)
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {url} ({last})")


@pytest.fixture
def preview(tiny: MiniProject) -> Iterator[tuple[MiniProject, str]]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "site_builder", "--root", str(tiny.root), "serve", "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield tiny, f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.site
def test_preview_rebuilds_shows_errors_and_recovers(preview: tuple[MiniProject, str]) -> None:
    tiny, base = preview
    plan_url = f"{base}vi/plans/soc-trang-2022/"
    wait_for(plan_url, lambda status, body: status == 200 and "Kế hoạch năm 2022" in body)
    # An edit to a plan file reaches the generated page.
    tiny.replace("plans/soc-trang-2022.yaml", 'short_title: {vi: "Kế hoạch năm 2022"',
                 'short_title: {vi: "Kế hoạch ASEAN 2022 đã sửa"')
    wait_for(plan_url, lambda status, body: "Kế hoạch ASEAN 2022 đã sửa" in body)
    # A broken data file: the last good build stays up, with a banner naming the error
    # (file, line, field, both languages) on every page, instead of dying.
    tiny.replace("plans/soc-trang-2022.yaml", "status: expired", "status: hết hạn")
    body = wait_for(plan_url, lambda status, body: status == 200 and 'id="preview-banner"' in body)
    assert "Kế hoạch ASEAN 2022 đã sửa" in body
    assert "plans/soc-trang-2022.yaml:12:9: status:" in body
    assert "expected one of" in body and "cần một trong" in body
    # Fixed: the page comes back.
    tiny.replace("plans/soc-trang-2022.yaml", "status: hết hạn", "status: expired")
    wait_for(plan_url, lambda status, body: status == 200 and "Kế hoạch ASEAN 2022 đã sửa" in body
             and 'id="preview-banner"' not in body)
    # Content edits too.
    tiny.replace("content/en/asean/index.md", "# Home", "# Home, edited")
    wait_for(f"{base}en/asean/", lambda status, body: "Home, edited" in body)


@pytest.mark.site
def test_new_article_pair_passes_check_and_builds(tiny: MiniProject) -> None:
    result = run(tiny.root, "new", "article", "--title-vi", "Lễ thượng cờ ASEAN năm 2026",
                 "--title-en", "ASEAN flag-raising ceremony 2026", "--topic", "identity",
                 "--source", "Kế hoạch 01/QĐ-BCĐASEAN", "--source-publisher", "Ban Chỉ đạo Thông tin tuyên truyền ASEAN",
                 "--date", "2026-08-08")
    assert result.returncode == 0, result.stdout
    vi = tiny.root / "content/vi/news/le-thuong-co-asean-nam-2026.md"
    en = tiny.root / "content/en/news/le-thuong-co-asean-nam-2026.md"
    assert vi.exists() and en.exists()
    assert "Tiếp theo / next:" in result.stdout
    assert "# yaml" not in vi.read_text(encoding="utf-8")
    project, problems = check_project(tiny.root)
    assert project is not None and not problems.errors
    assert [g for g in gaps(project) if "le-thuong-co" in g.file] == []  # the English page records its source hash
    build_site(tiny.root, tiny.root / "site", site_url="http://127.0.0.1:9/")
    assert (tiny.root / "site/en/news/le-thuong-co-asean-nam-2026/index.html").exists()
    again = run(tiny.root, "new", "article", "--title-vi", "Lễ thượng cờ ASEAN năm 2026", "--title-en", "x",
                "--topic", "identity", "--source", "y", "--source-publisher", "z")
    assert again.returncode == 1 and "already exists" in again.stdout
    unfindable = run(tiny.root, "new", "article", "--title-vi", "Một bài khác", "--title-en", "Another",
                     "--topic", "identity", "--source", "y")
    assert unfindable.returncode == 1 and "a source needs its address or who published it" in unfindable.stdout
    assert not (tiny.root / "content/vi/news/mot-bai-khac.md").exists()


def test_new_plan_unit_and_event_pass_check(tiny: MiniProject) -> None:
    assert run(tiny.root, "new", "unit", "--id", "an-giang", "--name-vi", "Tỉnh An Giang",
               "--name-en", "An Giang Province", "--level", "province", "--parent", "viet-nam").returncode == 0
    tiny.replace("plans/agencies.yaml", "agencies:\n", "agencies:\n  - id: an-giang-uy-ban-nhan-dan-tinh\n"
                 '    name: {vi: "Ủy ban nhân dân tỉnh An Giang", en: "An Giang Provincial People\'s Committee"}\n'
                 "    kind: people-committee\n    unit: an-giang\n")
    result = run(tiny.root, "new", "plan", "--id", "an-giang-2026", "--unit", "an-giang",
                 "--issuing-agency", "an-giang-uy-ban-nhan-dan-tinh", "--title-vi", "Kế hoạch ASEAN năm 2026",
                 "--title-en", "ASEAN plan for 2026", "--start", "2026", "--end", "2026")
    assert result.returncode == 1  # the new plan cites the national plan, which the mini project lacks
    assert "unknown plan 'bcd-asean-2021-2025'" in result.stdout
    tiny.replace("plans/an-giang-2026.yaml", "    plan: bcd-asean-2021-2025\n", "")
    assert run(tiny.root, "check").returncode == 0
    event = run(tiny.root, "new", "event", "--id", "ngay-asean", "--title-vi", "Ngày ASEAN", "--title-en", "ASEAN Day",
                "--description-vi", "Kỷ niệm ngày thành lập ASEAN.", "--description-en", "ASEAN's founding day.",
                "--yearly", "08-08")
    assert event.returncode == 0, event.stdout


def test_translation_report_lists_missing_and_outdated(tiny: MiniProject) -> None:
    page = "---\ntitle: {t}\ndescription: {t}\n{extra}---\n\n# {t}\n\n{body}\n"
    tiny.write("content/vi/gioi-thieu.md", page.format(t="Giới thiệu", extra="", body="Nội dung gốc."))
    tiny.write("content/vi/lich-su.md", page.format(t="Lịch sử", extra="", body="Bản tiếng Việt."))
    project, _ = check_project(tiny.root)
    assert project is not None
    tiny.write("content/en/lich-su.md", page.format(t="History", extra="", body="English text."))
    project, _ = check_project(tiny.root)
    mark_current(tiny.root, project, "content/en/lich-su.md")
    tiny.replace("content/vi/lich-su.md", "Bản tiếng Việt.", "Bản tiếng Việt, đã bổ sung.")
    tiny.replace("plans/soc-trang-2022.yaml", ', en: "2022 plan"', "")
    result = run(tiny.root, "translations")
    project, _ = check_project(tiny.root)
    new_hash = project.content.pages[("vi", "lich-su.md")].body_hash()
    old_hash = project.content.pages[("en", "lich-su.md")].meta.source_hash
    expected = "\n".join([
        "Trang chỉ có một ngôn ngữ / Pages in one language only (1)",
        "  content/vi/gioi-thieu.md   content/en/gioi-thieu.md",
        "",
        "Trường dữ liệu thiếu tiếng Anh / Data fields without English (1)",
        "  plans/soc-trang-2022.yaml  short_title",
        "",
        "Bản dịch cũ hơn bản gốc / Translations older than their source (1)",
        f"  content/en/lich-su.md      content/vi/lich-su.md changed since the translation ({old_hash} → {new_hash})",
    ])
    assert result.stdout.rstrip("\n") == expected
    assert format_table([]) == "Không thiếu bản dịch nào / nothing to translate"


@pytest.mark.site
def test_edit_links_on_content_and_generated_pages(tiny: MiniProject, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPO_URL", "https://git.example.gov.vn/cntt/chuyen-muc-asean")
    build_site(tiny.root, tiny.root / "site", site_url="http://127.0.0.1:9/")
    plan = (tiny.root / "site/vi/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert ('href="https://git.example.gov.vn/cntt/chuyen-muc-asean/edit/main/plans/soc-trang-2022.yaml"' in plan)
    assert ">Sửa trang này</a>" in plan and ">Xem mã nguồn</a>" in plan
    about = (tiny.root / "site/en/asean/index.html").read_text(encoding="utf-8")
    assert 'href="https://git.example.gov.vn/cntt/chuyen-muc-asean/blob/main/content/en/asean/index.md"' in about


@pytest.mark.parametrize(("args", "message"), [
    (["event", "--id", "ngay-asean", "--title-vi", "Ngày ASEAN", "--title-en", "ASEAN Day", "--description-vi", "x",
      "--description-en", "x", "--yearly", "8-8"], "--yearly: '8-8' không phải ngày dạng MM-DD / is not a day MM-DD"),
    (["event", "--id", "ngay-asean", "--title-vi", "Ngày ASEAN", "--title-en", "ASEAN Day", "--description-vi", "x",
      "--description-en", "x", "--yearly", "02-30"], "is not a day MM-DD"),
    (["article", "--title-vi", "Tin", "--title-en", "News", "--topic", "economic", "--source", "x",
      "--date", "2024-02-30"], "--date: '2024-02-30' không phải ngày dạng YYYY-MM-DD / is not a date YYYY-MM-DD"),
    (["unit", "--id", "xa-moi", "--name-vi", "Xã mới", "--name-en", "New commune", "--level", "district",
      "--parent", "soc-trang\n    branding: x"], "--parent: 'soc-trang\n    branding: x' không phải là mã"),
    (["plan", "--id", "ke-hoach", "--unit", "Sóc Trăng", "--issuing-agency", "x", "--title-vi", "x", "--title-en", "x",
      "--start", "2026", "--end", "2026"], "--unit: 'Sóc Trăng' không phải là mã"),
])
def test_new_refuses_values_it_would_write_into_yaml_unchecked(mini: MiniProject, args: list[str], message: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from site_builder.apps.cli import main

    before = {p: p.read_bytes() for p in mini.root.rglob("*") if p.is_file()}
    assert main(["--root", str(mini.root), "new", *args]) == 1
    assert message in capsys.readouterr().out
    assert {p: p.read_bytes() for p in mini.root.rglob("*") if p.is_file()} == before
