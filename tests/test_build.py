"""Building a tiny project end to end: untranslated pages, URL clashes, bad data, atomic output."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, MiniProject, TinyBuilds

from site_builder.apps.build import build_site
from site_builder.core.problems import InputError


@pytest.mark.site
def test_page_in_one_language_gets_a_notice_in_the_other(tiny: MiniProject) -> None:
    tiny.write("content/vi/tin-tuc/le-thuong-co.md",
               "---\ntitle: Lễ thượng cờ ASEAN\ndescription: Lễ thượng cờ\n---\n\n# Lễ thượng cờ ASEAN\n\nNội dung.\n")
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/")
    notice = (out / "en/tin-tuc/le-thuong-co/index.html").read_text(encoding="utf-8")
    assert "This page has not been translated into English yet." in notice
    assert 'href="../../../vi/tin-tuc/le-thuong-co/"' in notice
    assert "Lễ thượng cờ ASEAN" in notice
    assert '<html lang="en"' in notice
    assert (out / "vi/tin-tuc/le-thuong-co/index.html").exists()


@pytest.mark.site
def test_content_page_cannot_claim_a_generated_url(tiny: MiniProject) -> None:
    tiny.write("content/en/plans/index.md", "---\ntitle: My plans\ndescription: Mine\n---\n# My plans\n")
    with pytest.raises(InputError) as info:
        build_site(tiny.root, tiny.root / "site", site_url="http://127.0.0.1:9/")
    assert ("content/en/plans/index.md:1:1: trang này trùng địa chỉ /en/plans/ với một trang được tạo từ dữ liệu"
            in info.value.report())


@pytest.mark.site
def test_bad_data_stops_before_anything_is_written(tiny: MiniProject, tiny_builds: TinyBuilds) -> None:
    out = tiny.root / "site"
    tiny_builds.build(tiny, out, site_url="http://127.0.0.1:9/")
    marker = out / "vi" / "index.html"
    before = marker.read_bytes()
    tiny.replace("plans/soc-trang-2022.yaml", "issuer: soc-trang", "issuer: soc-trag")
    with pytest.raises(InputError) as info:
        build_site(tiny.root, out, site_url="http://127.0.0.1:9/")
    assert "unknown unit 'soc-trag'" in info.value.report()
    assert marker.read_bytes() == before
    assert [p.name for p in tiny.root.iterdir() if p.name.startswith(".site")] == []


@pytest.mark.site
def test_missing_english_fails_a_strict_build_only(tiny: MiniProject) -> None:
    tiny.replace("plans/soc-trang-2022.yaml", ', en: "2022 plan"', "")
    with pytest.raises(InputError) as info:
        build_site(tiny.root, tiny.root / "site", site_url="http://127.0.0.1:9/")
    assert "English translation (en) missing" in info.value.report()
    build_site(tiny.root, tiny.root / "site", site_url="http://127.0.0.1:9/", strict=False)
    html = (tiny.root / "site/en/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert '<h1 id="ke-hoach-nam-2022"><span lang="vi">Kế hoạch năm 2022</span>' in html


@pytest.mark.site
def test_site_url_with_a_path(tiny: MiniProject) -> None:
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="https://cong.example.gov.vn/chuyen-muc/asean")
    html = (out / "vi/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    english = "https://cong.example.gov.vn/chuyen-muc/asean/en/plans/soc-trang-2022/"
    assert f'<link rel="alternate" hreflang="en" href="{english}">' in html
    assert 'href="../../assets/asean.css"' in html
    assert "https://cong.example.gov.vn/chuyen-muc/asean/sitemap.xml" in (out / "robots.txt").read_text()


@pytest.mark.site
def test_repository_mkdocs_yml_builds_alone_with_strict(tiny: MiniProject) -> None:
    """`mkdocs build --strict` on the project's own mkdocs.yml (the Vietnamese tree) is clean."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tiny.root / "plain")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING -" not in result.stderr


@pytest.mark.site
def test_the_engine_renders_the_front_matter_check_validated(tiny: MiniProject) -> None:
    """MkDocs never parses front matter itself: lines at the top of the body that its own
    parser would take for metadata (MultiMarkdown ``Key: value``, a second ``---`` block)
    stay text, and the page keeps the title and template that ``check`` validated."""
    body = ("Template: asean/notice.html\nTitle: Trang giả mạo\n\n---\ntitle: Khác\n---\n\n"
            "Nội dung thật.\n")
    for lang, title in (("vi", "Tin thật"), ("en", "Real news")):
        tiny.write(f"content/{lang}/tin.md", f"---\ntitle: {title}\ndescription: Mô tả\n---\n\n{body}")
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/")
    html = (out / "vi/tin/index.html").read_text(encoding="utf-8")
    assert "<title>Tin thật – " in html
    assert "Template: asean/notice.html" in html and "Nội dung thật." in html
    assert "Trang giả mạo -" not in html and "chưa được dịch" not in html


@pytest.mark.site
def test_hostile_head_values_are_escaped(tiny: MiniProject) -> None:
    """Titles, descriptions and unit names reach ``<title>`` and ``<meta>`` through
    Material's base template: escaped, they cannot close the tag or add a refresh."""
    refresh = '0;url=https://evil.example/" http-equiv="refresh'
    for lang in ("vi", "en"):
        tiny.write(f"content/{lang}/tin.md",
                   f"---\ntitle: \"</title><script>alert(1)</script>\"\ndescription: '{refresh}'\n---\n\nx\n")
    tiny.replace("plans/units.yaml", "Sóc Trăng", "Sóc Trăng</title><meta http-equiv=refresh content=0>")
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/")
    for path in out.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, path
        assert 'http-equiv="refresh"' not in html.replace('<meta http-equiv="refresh" content="0; url=vi/">', ""), path
        assert "<meta http-equiv=refresh" not in html, path
    page = (out / "vi/tin/index.html").read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; – " in page
    assert 'content="0;url=https://evil.example/&#34; http-equiv=&#34;refresh"' in page


# ── No preview addresses in a published build ───────────────────────────────────────
def _run_build(tiny: MiniProject, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    from site_builder.apps import cli

    code = cli.main(["--root", str(tiny.root), "build", "--site-dir", str(tiny.root / "site"), *args])
    return code, capsys.readouterr().out


def _with_api_pages(tiny: MiniProject) -> None:
    for lang in ("vi", "en"):
        tiny.write(f"content/{lang}/api.md", (ROOT / f"content/{lang}/api.md").read_text(encoding="utf-8"))


NOTICE = 'class="admonition warning asean-preview-notice"'
NAMED = re.compile(r"^(api/|sitemap\.xml$|robots\.txt$|(vi|en)/(feed\.xml$|feeds/|embed/))")
"""Files the warning names as holding the site's address (embed codes and oEmbed, feeds,
API, sitemap); in any other page it may only be in the canonical and hreflang links."""
HEAD_LINKS = re.compile(r'<link rel="(canonical|alternate)"[^>]*>|<meta (property="og:|name="twitter:)[^>]*>')


@pytest.mark.site
def test_a_build_without_site_url_warns_names_what_points_at_it_and_shows_notices(
    tiny: MiniProject, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from site_builder.apps.address import PREVIEW_TARGETS
    from site_builder.core.urls import DEFAULT_SITE_URL

    monkeypatch.delenv("SITE_URL", raising=False)
    _with_api_pages(tiny)
    code, out = _run_build(tiny, capsys)
    assert code == 0, out
    assert "CẢNH BÁO: chưa đặt SITE_URL" in out and "WARNING: SITE_URL is not set" in out
    assert DEFAULT_SITE_URL in out and PREVIEW_TARGETS[0] in out and PREVIEW_TARGETS[1] in out
    assert "python -m site_builder build --strict" in out

    site = tiny.root / "site"
    for lang in ("vi", "en"):
        for page in ("embed/index.html", "api/index.html"):
            html = (site / lang / page).read_text(encoding="utf-8")
            assert html.count(NOTICE) == 1, (lang, page)
            notice = html[html.index(NOTICE):]
            assert DEFAULT_SITE_URL in notice[: notice.index("</div>")]
        assert NOTICE not in (site / lang / "index.html").read_text(encoding="utf-8")
    # The warning names every kind of file that holds the preview address.
    holding = [p for p in site.rglob("*") if p.is_file() and DEFAULT_SITE_URL.encode() in p.read_bytes()]
    assert holding
    for path in holding:
        rel = path.relative_to(site).as_posix()
        if NAMED.match(rel):
            continue
        text = HEAD_LINKS.sub("", path.read_text(encoding="utf-8"))
        if NOTICE in text:  # the API page: its notice gives the address on purpose
            start = text.index(NOTICE)
            text = text[:start] + text[text.index("</div>", start):]
        assert DEFAULT_SITE_URL not in text, rel


@pytest.mark.parametrize("address", [None, "http://127.0.0.1:8000/", "http://localhost:8080/asean/",
                                     "cong.example.gov.vn/asean/"])
def test_a_build_for_publishing_refuses_a_preview_address(
    tiny: MiniProject, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, address: str | None
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    if address is not None:
        monkeypatch.setenv("SITE_URL", address)
    code, out = _run_build(tiny, capsys, "--strict")
    assert code == 1
    assert out.startswith("KHÔNG DỰNG / NOT BUILT: bản dựng để đăng (--strict) cần địa chỉ công bố")
    assert "a build for publishing (--strict) needs the published address" in out and "site/ left unchanged" in out
    assert not (tiny.root / "site").exists()
    assert [p.name for p in tiny.root.iterdir() if p.name.startswith(".site")] == []


@pytest.mark.site
def test_a_build_for_publishing_with_its_address_has_no_warning_and_no_notice(
    tiny: MiniProject, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    _with_api_pages(tiny)
    code, out = _run_build(tiny, capsys, "--strict", "--site-url", "https://asean.test-portal.gov.vn/asean/")
    assert code == 0, out
    assert "WARNING" not in out and "CẢNH BÁO" not in out
    for lang in ("vi", "en"):
        for page in ("embed/index.html", "api/index.html"):
            assert NOTICE not in (tiny.root / "site" / lang / page).read_text(encoding="utf-8")


@pytest.mark.site
def test_a_build_for_publishing_refuses_example_records_and_leaves_the_examples_out(
    tiny: MiniProject, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Example records never pass for results: ``build --strict`` names every one among the
    published records and how to move it out; moved to plans/examples/progress/, they are
    left out of that build and shown, labelled, by the others."""
    from conftest import PROGRESS

    monkeypatch.delenv("SITE_URL", raising=False)
    tiny.replace("plans/soc-trang-2022.yaml", "end: 2022", "end: 2023")
    tiny.write("plans/progress/soc-trang-2022-2022.yaml", PROGRESS)
    tiny.write("plans/progress/soc-trang-2022-2023.yaml", PROGRESS.replace("year: 2022", "year: 2023"))
    publish = ("--strict", "--site-url", "https://asean.test-portal.gov.vn/asean/")  # not a placeholder
    code, out = _run_build(tiny, capsys, *publish)
    assert code == 1 and not (tiny.root / "site").exists()
    for year in (2022, 2023):
        assert f"plans/progress/soc-trang-2022-{year}.yaml:3:10: example: bản dựng để đăng (--strict)" in out
        assert f"or move the file to plans/examples/progress/soc-trang-2022-{year}.yaml" in out

    for year in (2022, 2023):
        src = tiny.root / f"plans/progress/soc-trang-2022-{year}.yaml"
        tiny.write(f"plans/examples/progress/soc-trang-2022-{year}.yaml", src.read_text(encoding="utf-8"))
        src.unlink()
    code, out = _run_build(tiny, capsys, *publish)
    assert code == 0, out
    plan = (tiny.root / "site/en/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert "No results of this plan have been published yet." in plan and "xample data" not in plan

    code, out = _run_build(tiny, capsys, "--site-url", "https://cong.example.gov.vn/asean/")
    assert code == 0, out
    plan = (tiny.root / "site/en/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert "Example data</text>" in plan and "No results of this plan" not in plan  # labelled in the chart
    assert 'asean-badge--example">Example data<' in plan  # and in the legend of the status cells


def test_the_shipped_corpus_is_a_publishable_set() -> None:
    """The shipped example records sit in plans/examples/: a build for publishing reads none."""
    from site_builder.derive.project import check_project

    project, problems = check_project(ROOT, publishing=True)
    assert project is not None and not problems.errors, [p.format() for p in problems.errors]
    assert not [f for f in project.data.progress.values() if f.example]
    assert not list((ROOT / "plans/progress").glob("*.yaml")) or all(
        "example: true" not in p.read_text(encoding="utf-8") for p in (ROOT / "plans/progress").glob("*.yaml"))


@pytest.mark.site
def test_the_workshop_shows_editors_what_the_public_site_does_not(
    tiny: MiniProject, capsys: pytest.CaptureFixture[str]
) -> None:
    """``build --workshop`` (what ``make serve`` builds) shows the plan's source file and
    its notes on the source as a box; the public build shows neither, and tells the notes
    only as quiet wording on the plan's original text."""
    tiny.replace("plans/soc-trang-2022.yaml", "source:\n  file:",
                 'quirks:\n  - field: number\n    code: blank-in-source\n'
                 '    note: {vi: "Số để trống", en: "The number is blank in the source"}\nsource:\n  file:')
    code, out = _run_build(tiny, capsys, "--workshop", "--site-url", "https://cong.example.gov.vn/asean/")
    assert code == 0, out
    site = tiny.root / "site/en/plans/soc-trang-2022"
    plan, text = (site / "index.html").read_text(encoding="utf-8"), (site / "text/index.html").read_text(encoding="utf-8")
    assert "Source document" in plan and "admonition warning asean-quirks" in text

    code, out = _run_build(tiny, capsys, "--site-url", "https://cong.example.gov.vn/asean/")
    assert code == 0, out
    plan, text = (site / "index.html").read_text(encoding="utf-8"), (site / "text/index.html").read_text(encoding="utf-8")
    assert "Source document" not in plan and "Source document" not in text
    assert "asean-quirks" not in plan + text and 'class="asean-source-notes"' in text
    assert "The number is blank in the source" in text and "The number is blank in the source" not in plan
