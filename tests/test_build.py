"""Building a tiny project end to end: untranslated pages, URL clashes, bad data, atomic output."""

from __future__ import annotations

import pytest
from conftest import ROOT, MiniProject

from site_builder.build import build_site
from site_builder.problems import InputError


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


def test_content_page_cannot_claim_a_generated_url(tiny: MiniProject) -> None:
    tiny.write("content/en/plans/index.md", "---\ntitle: My plans\ndescription: Mine\n---\n# My plans\n")
    with pytest.raises(InputError) as info:
        build_site(tiny.root, tiny.root / "site", site_url="http://127.0.0.1:9/")
    assert ("content/en/plans/index.md:1:1: trang này trùng địa chỉ /en/plans/ với một trang được tạo từ dữ liệu"
            in info.value.report())


def test_bad_data_stops_before_anything_is_written(tiny: MiniProject) -> None:
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/")
    marker = out / "vi" / "index.html"
    before = marker.read_bytes()
    tiny.replace("plans/soc-trang-2022.yaml", "issuer: soc-trang", "issuer: soc-trag")
    with pytest.raises(InputError) as info:
        build_site(tiny.root, out, site_url="http://127.0.0.1:9/")
    assert "unknown unit 'soc-trag'" in info.value.report()
    assert marker.read_bytes() == before
    assert [p.name for p in tiny.root.iterdir() if p.name.startswith(".site")] == []


def test_missing_english_fails_a_strict_build_only(tiny: MiniProject) -> None:
    tiny.replace("plans/soc-trang-2022.yaml", ', en: "2022 plan"', "")
    with pytest.raises(InputError) as info:
        build_site(tiny.root, tiny.root / "site", site_url="http://127.0.0.1:9/")
    assert "English translation (en) missing" in info.value.report()
    build_site(tiny.root, tiny.root / "site", site_url="http://127.0.0.1:9/", strict=False)
    html = (tiny.root / "site/en/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert '<h1 id="ke-hoach-nam-2022"><span lang="vi">Kế hoạch năm 2022</span>' in html


def test_site_url_with_a_path(tiny: MiniProject) -> None:
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="https://cong.example.gov.vn/chuyen-muc/asean")
    html = (out / "vi/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="en" href="https://cong.example.gov.vn/chuyen-muc/asean/en/plans/soc-trang-2022/">' in html
    assert 'href="../../assets/asean.css"' in html
    assert "https://cong.example.gov.vn/chuyen-muc/asean/sitemap.xml" in (out / "robots.txt").read_text()


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
    assert "<title>Tin thật - " in html
    assert "Template: asean/notice.html" in html and "Nội dung thật." in html
    assert "Trang giả mạo -" not in html and "chưa được dịch" not in html


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
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - " in page
    assert 'content="0;url=https://evil.example/&#34; http-equiv=&#34;refresh"' in page
