"""Files at the root of the built site, outside the language trees.

``/`` sends visitors to ``/vi/`` (without JavaScript), and one ``sitemap.xml`` lists
every public page in both languages with its alternates (not the editors' pages,
:data:`site_builder.core.urls.EDITORS`). MkDocs' own per-language sitemaps
carry the build date, which would make two builds of the same commit differ, so they
are replaced by this one, which has no dates at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import quoteattr

from site_builder import PACKAGE_DIR
from site_builder.core import urls
from site_builder.core.urls import SiteUrls, for_editors
from site_builder.derive.project import Project
from site_builder.output.markup import element, empty, start
from site_builder.output.writer import Writer

REDIRECT = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Chuyên mục ASEAN / ASEAN section</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url=vi/">
<link rel="icon" href="vi/assets/logo.svg">
<link rel="canonical" href={canonical}>
<link rel="alternate" hreflang="vi" href={vi}>
<link rel="alternate" hreflang="en" href={en}>
<link rel="alternate" hreflang="x-default" href={vi}>
</head>
<body>
<p><a href="vi/">Chuyên mục ASEAN (Tiếng Việt)</a></p>
<p><a href="en/" lang="en">ASEAN section (English)</a></p>
</body>
</html>
"""


def page_paths(lang_dir: Path) -> list[str]:
    """Directory URLs of the HTML pages of one language tree, sorted."""
    paths = []
    for html in lang_dir.rglob("index.html"):
        rel = html.parent.relative_to(lang_dir).as_posix()
        if rel.startswith(("pagefind", "assets", "search", "embed")) or for_editors(rel + "/"):
            continue
        paths.append("" if rel == "." else rel + "/")
    return sorted(paths)


SITEMAP_NS = {"xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9", "xmlns:xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(site: SiteUrls, languages: Sequence[str], paths: list[str]) -> str:
    """Every page in every language, each with its alternates and ``x-default`` (the
    first language): one ``<url>`` per page and language, no dates."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', start("urlset", SITEMAP_NS)]
    for path in paths:
        for lang in languages:
            lines.append(f"  <url>{element('loc', site.page(lang, path))}")
            alternates = [(alt, site.page(alt, path)) for alt in languages]
            alternates.append(("x-default", site.page(languages[0], path)))
            for hreflang, href in alternates:
                lines.append("    " + empty("xhtml:link", {"rel": "alternate", "hreflang": hreflang, "href": href}))
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


STATIC = PACKAGE_DIR / "static"


def write_root_files(writer: Writer, site: SiteUrls, languages: Sequence[str]) -> None:
    """The script that sizes widget frames, the sitemap (in place of MkDocs' per-language
    ones, which are deleted), the redirect to /vi/ and robots.txt."""
    writer.bytes(urls.EMBED_SCRIPT, (STATIC / urls.EMBED_SCRIPT).read_bytes(), "root files")
    for lang in languages:
        for name in (urls.SITEMAP, urls.SITEMAP + ".gz"):
            writer.delete(urls.in_language(lang, name), "root files", missing_ok=True)
    paths = page_paths(writer.root / languages[0])
    writer.text(urls.SITEMAP, sitemap(site, languages, paths), "root files")
    home = quoteattr(site.home("vi"))
    redirect = REDIRECT.format(canonical=home, vi=home, en=quoteattr(site.home("en")))
    writer.text(urls.ROOT_PAGE, redirect, "root files")
    writer.text(urls.ROBOTS, f"User-agent: *\nAllow: /\nSitemap: {site.file(urls.SITEMAP)}\n", "root files")


def write_units_index(writer: Writer, project: Project, units: Sequence[str]) -> None:
    """The root page of an ``--all-units`` build: a link to each unit's section, the units
    of today first and the former ones (when built) under their own heading."""
    def item(unit_id: str) -> str:
        unit = project.data.units[unit_id]
        label = unit.branding.display_name if unit.branding else unit.name
        return (f"<li>{element('a', label.vi, {'href': f'{unit.id}/vi/'})} · "
                f"{element('a', label.text('en'), {'href': f'{unit.id}/en/', 'lang': 'en'})}</li>")

    today = [u for u in units if project.data.units[u].current]
    former = [u for u in units if not project.data.units[u].current]
    parts = [f"<ul>\n{chr(10).join(item(u) for u in today)}\n</ul>\n"]
    if former:
        parts.append('<h2>Đơn vị trước sắp xếp năm 2025 / <span lang="en">Units before the 2025 reorganisation</span></h2>\n'
                     f"<ul>\n{chr(10).join(item(u) for u in former)}\n</ul>\n")
    html = (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        "<title>Chuyên mục ASEAN của các đơn vị / ASEAN sections by unit</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n<body>\n'
        "<h1>Chuyên mục ASEAN của các đơn vị / <span lang=\"en\">ASEAN sections by unit</span></h1>\n"
        + "".join(parts) + "</body>\n</html>\n"
    )
    writer.text(urls.ROOT_PAGE, html, "units index")
