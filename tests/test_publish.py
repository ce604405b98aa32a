"""site_builder.output.publish: the files at the root of the site, outside the language trees."""

from __future__ import annotations

from pathlib import Path

from conftest import MiniProject

from site_builder.core.urls import SiteUrls
from site_builder.derive.project import load_project
from site_builder.output.publish import STATIC, page_paths, sitemap, write_root_files, write_units_index
from site_builder.output.writer import Writer

BASE = "https://e.example/a&b/"


def test_page_paths_leave_out_search_assets_and_widgets(tmp_path: Path) -> None:
    for rel in ("index.html", "plans/x/index.html", "plans/index.html", "pagefind/index.html", "assets/index.html",
                "search/index.html", "embed/news/index.html", "404.html", "plans/x/data.json"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    assert page_paths(tmp_path) == ["", "plans/", "plans/x/"]


def test_one_sitemap_with_every_alternate_and_no_dates() -> None:
    def entry(lang: str, path: str) -> list[str]:
        return [f"  <url><loc>https://e.example/a&amp;b/{lang}/{path}</loc>",
                f'    <xhtml:link rel="alternate" hreflang="vi" href="https://e.example/a&amp;b/vi/{path}"/>',
                f'    <xhtml:link rel="alternate" hreflang="en" href="https://e.example/a&amp;b/en/{path}"/>',
                f'    <xhtml:link rel="alternate" hreflang="x-default" href="https://e.example/a&amp;b/vi/{path}"/>',
                "  </url>"]

    assert sitemap(SiteUrls(BASE), ("vi", "en"), ["", "plans/x/"]) == "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        *entry("vi", ""), *entry("en", ""), *entry("vi", "plans/x/"), *entry("en", "plans/x/"),
        "</urlset>",
    ]) + "\n"


def test_root_files_replace_the_per_language_sitemaps(tmp_path: Path) -> None:
    for lang in ("vi", "en"):
        for rel in ("index.html", "plans/index.html", "sitemap.xml", "sitemap.xml.gz"):
            (tmp_path / lang / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / lang / rel).write_text("x", encoding="utf-8")
    writer = Writer(tmp_path)
    write_root_files(writer, SiteUrls("https://e.example/asean/"), ("vi", "en"))
    assert writer.deleted == dict.fromkeys(["vi/sitemap.xml", "vi/sitemap.xml.gz", "en/sitemap.xml", "en/sitemap.xml.gz"],
                                           "root files")
    assert sorted(writer.written) == ["embed.js", "index.html", "robots.txt", "sitemap.xml"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "embed.js", "en/index.html", "en/plans/index.html", "index.html", "robots.txt", "sitemap.xml",
        "vi/index.html", "vi/plans/index.html",
    ]
    assert (tmp_path / "embed.js").read_bytes() == (STATIC / "embed.js").read_bytes()
    assert (tmp_path / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\nSitemap: https://e.example/asean/sitemap.xml\n")
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == sitemap(
        SiteUrls("https://e.example/asean/"), ("vi", "en"), ["", "plans/"])
    redirect = (tmp_path / "index.html").read_text(encoding="utf-8")
    for line in ('<meta http-equiv="refresh" content="0; url=vi/">',
                 '<link rel="canonical" href="https://e.example/asean/vi/">',
                 '<link rel="alternate" hreflang="vi" href="https://e.example/asean/vi/">',
                 '<link rel="alternate" hreflang="en" href="https://e.example/asean/en/">',
                 '<link rel="alternate" hreflang="x-default" href="https://e.example/asean/vi/">',
                 '<p><a href="vi/">Chuyên mục ASEAN (Tiếng Việt)</a></p>',
                 '<p><a href="en/" lang="en">ASEAN section (English)</a></p>'):
        assert f"\n{line}\n" in redirect, line


def test_the_units_index_lists_units_of_today_then_former_ones(rich: MiniProject, tmp_path: Path) -> None:
    project = load_project(rich.root)
    write_units_index(Writer(tmp_path), project, ["viet-nam", "can-tho", "soc-trang"])
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == """\
<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Chuyên mục ASEAN của các đơn vị / ASEAN sections by unit</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
<h1>Chuyên mục ASEAN của các đơn vị / <span lang="en">ASEAN sections by unit</span></h1>
<ul>
<li><a href="viet-nam/vi/">Trung ương</a> · <a href="viet-nam/en/" lang="en">Central level</a></li>
<li><a href="can-tho/vi/">Thành phố Cần Thơ</a> · <a href="can-tho/en/" lang="en">Cần Thơ City</a></li>
</ul>
<h2>Đơn vị trước sắp xếp năm 2025 / <span lang="en">Units before the 2025 reorganisation</span></h2>
<ul>
<li><a href="soc-trang/vi/">Tỉnh Sóc Trăng</a> · <a href="soc-trang/en/" lang="en">Sóc Trăng Province</a></li>
</ul>
</body>
</html>
"""


def test_the_units_index_names_a_unit_by_its_section_and_escapes_it(mini: MiniProject, tmp_path: Path) -> None:
    mini.replace("plans/units.yaml", "    parent: viet-nam\n", (
        "    parent: viet-nam\n    branding:\n"
        "      display_name: {vi: \"Chuyên mục <Sóc Trăng> & ASEAN\"}\n"
    ))
    write_units_index(Writer(tmp_path), load_project(mini.root), ["soc-trang"])
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert ('<li><a href="soc-trang/vi/">Chuyên mục &lt;Sóc Trăng&gt; &amp; ASEAN</a> · '
            '<a href="soc-trang/en/" lang="en">Chuyên mục &lt;Sóc Trăng&gt; &amp; ASEAN</a></li>') in html
    assert "<h2>" not in html


def test_markup_escapes_every_value_and_refuses_a_made_up_name() -> None:
    """The sitemap and the units index are built from elements whose text and attribute
    values are escaped on the way in, whatever a unit's name or an address holds."""
    import pytest

    from site_builder.output.markup import element, empty, start

    assert element("a", "<b> & \"c\"", {"href": 'x"y', "lang": "en"}) == '<a href=\'x"y\' lang="en">&lt;b&gt; &amp; "c"</a>'
    assert empty("xhtml:link", {"href": "a&b<c>"}) == '<xhtml:link href="a&amp;b&lt;c&gt;"/>'
    assert start("urlset", {"xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9"}) == (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    for name in ("a b", "a>", "", "x:y:z", "1a"):
        with pytest.raises(ValueError):
            element(name, "text")
        with pytest.raises(ValueError):
            empty("a", {name: "v"})
