"""Files at the root of the built site, outside the language trees.

``/`` sends visitors to ``/vi/`` (without JavaScript), and one ``sitemap.xml`` lists
every page in both languages with its alternates. MkDocs' own per-language sitemaps
carry the build date, which would make two builds of the same commit differ, so they
are replaced by this one, which has no dates at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .project import Project

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
        if rel.startswith(("pagefind", "assets", "search", "embed")):
            continue
        paths.append("" if rel == "." else rel + "/")
    return sorted(paths)


def sitemap(base: str, languages: Sequence[str], paths: list[str]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for path in paths:
        for lang in languages:
            lines.append(f"  <url><loc>{escape(base + lang + '/' + path)}</loc>")
            for alt in languages:
                href = quoteattr(base + alt + "/" + path)
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{alt}" href={href}/>')
            href = quoteattr(base + languages[0] + "/" + path)
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href={href}/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


STATIC = Path(__file__).parent / "static"


def write_root_files(site: Path, base: str, languages: Sequence[str]) -> None:
    (site / "embed.js").write_bytes((STATIC / "embed.js").read_bytes())
    for lang in languages:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site / lang / name).unlink(missing_ok=True)
    paths = page_paths(site / languages[0])
    (site / "sitemap.xml").write_text(sitemap(base, languages, paths), encoding="utf-8")
    (site / "index.html").write_text(
        REDIRECT.format(canonical=quoteattr(base + "vi/"), vi=quoteattr(base + "vi/"), en=quoteattr(base + "en/")),
        encoding="utf-8",
    )
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n", encoding="utf-8")


def write_units_index(site: Path, project: Project, units: Sequence[str]) -> None:
    """The root page of an ``--all-units`` build: a link to each unit's section, the units
    of today first and the former ones (when built) under their own heading."""
    def item(unit_id: str) -> str:
        unit = project.data.units[unit_id]
        label = unit.branding.display_name if unit.branding else unit.name
        return (f'<li><a href="{unit.id}/vi/">{escape(label.vi)}</a> · '
                f'<a href="{unit.id}/en/" lang="en">{escape(label.en or label.vi)}</a></li>')

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
    (site / "index.html").write_text(html, encoding="utf-8")
