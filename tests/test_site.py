"""The built site, checked offline: both languages, every page, links, hreflang, sitemap."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import SITE_URL
from sitecheck import broken_links, html_pages, parse

from site_builder.sitechrome import NAV

LANGS = ("vi", "en")


def is_widget(file: Path) -> bool:
    """Widget pages (``embed/<kind>/...``) have no site chrome, no nav and no hreflang."""
    parts = file.parts
    return "embed" in parts and parts.index("embed") < len(parts) - 2


def pages_of(site: Path, lang: str) -> set[str]:
    return {p.relative_to(site / lang).as_posix() for p in html_pages(site / lang)}


def test_every_page_exists_in_both_languages(built_site: Path) -> None:
    vi, en = pages_of(built_site, "vi"), pages_of(built_site, "en")
    assert vi == en
    for expected in [
        "index.html",
        "plans/index.html",
        "plans/bcd-asean-2021-2025/index.html",
        "plans/bcd-asean-2021-2025/activities/ii-32/index.html",
        "plans/soc-trang-2022/activities/i-1/index.html",
        "agencies/bo-ngoai-giao/index.html",
        "pillars/economic/index.html",
        "pillars/covid-19/index.html",
        "units/dong-son/index.html",
        "calendar/index.html",
        "search/index.html",
    ]:
        assert expected in vi, expected
    activities = [p for p in vi if "/activities/" in p]
    assert len(activities) == 65 + 9


def test_root_sends_visitors_to_vietnamese(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=vi/">' in html
    assert '<a href="vi/">' in html


@pytest.mark.parametrize("lang", LANGS)
def test_lang_and_hreflang_on_every_page(built_site: Path, lang: str) -> None:
    for file in html_pages(built_site / lang):
        if file.name == "404.html" or is_widget(file):
            continue
        page = parse(file)
        assert page.lang == lang, file
        rel = file.parent.relative_to(built_site / lang).as_posix()
        here = "" if rel == "." else rel + "/"
        assert page.alternates == {
            "vi": f"{SITE_URL}vi/{here}",
            "en": f"{SITE_URL}en/{here}",
            "x-default": f"{SITE_URL}vi/{here}",
        }, file


def test_one_sitemap_lists_both_languages_without_dates(built_site: Path) -> None:
    assert not (built_site / "vi" / "sitemap.xml").exists()
    tree = ElementTree.parse(built_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = [e.text for e in tree.getroot().findall("s:url/s:loc", ns)]
    assert f"{SITE_URL}vi/plans/soc-trang-2022/" in locs
    assert f"{SITE_URL}en/plans/soc-trang-2022/" in locs
    assert len(locs) == 2 * len({loc.split("/asean/", 1)[1][3:] for loc in locs})
    assert not tree.getroot().findall(".//s:lastmod", ns)


def test_no_broken_internal_links_or_anchors(built_site: Path) -> None:
    assert broken_links(built_site, base_path="/portal/asean/") == []


def test_no_request_to_another_host(built_site: Path) -> None:
    offenders = []
    for file in html_pages(built_site):
        for kind, url in parse(file).links:
            if kind in ("script.src", "img.src", "link.href", "iframe.src", "source.src") and re.match(r"^(https?:)?//", url):
                offenders.append(f"{file}: {kind}={url}")
    assert offenders == []
    css = "\n".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_navigation_does_not_grow_with_the_data(built_site: Path) -> None:
    """Generated pages stay out of the nav: every page carries the same links, one per entry
    of the fixed navigation (sitechrome.NAV), however many plans, agencies and articles there are."""
    counts = {parse(f).nav_links for f in html_pages(built_site / "vi") if f.name != "404.html" and not is_widget(f)}
    assert counts == {len(NAV)}


def test_one_h1_per_page(built_site: Path) -> None:
    for file in html_pages(built_site / "en"):
        page = parse(file)
        assert page.h1 == 1, file


def test_dates_in_each_language(built_site: Path) -> None:
    vi = (built_site / "vi/plans/bcd-asean-2021-2025/index.html").read_text(encoding="utf-8")
    en = (built_site / "en/plans/bcd-asean-2021-2025/index.html").read_text(encoding="utf-8")
    assert "ngày 05 tháng 8 năm 2021" in vi
    assert "5 August 2021" in en
    soc_vi = (built_site / "vi/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert "tháng 4 năm 2022" in soc_vi and "không nêu trong văn bản gốc" in soc_vi


def test_activity_table_is_complete_without_javascript(built_site: Path) -> None:
    html = (built_site / "en/plans/bcd-asean-2021-2025/index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-group="(I|II|III|IV)"', html)
    assert len(rows) == 65
    assert "<caption>" in html
    assert "not stated in the source" in html


def test_search_index_per_language(built_site: Path) -> None:
    for lang in LANGS:
        assert (built_site / lang / "pagefind" / "pagefind.js").exists()
        assert not (built_site / "pagefind").exists()


def test_calendar_page_lists_asean_day_and_week(built_site: Path) -> None:
    en = (built_site / "en/calendar/index.html").read_text(encoding="utf-8")
    vi = (built_site / "vi/calendar/index.html").read_text(encoding="utf-8")
    assert "ASEAN Day" in en and "ASEAN Week" in en
    assert "8 August" in en and "28 July – 8 August" in en
    assert "Ngày ASEAN" in vi and "Tuần ASEAN" in vi
    assert "15 November" in en  # a reporting deadline taken from the plans


def test_fact_pages_show_sources_and_last_check(built_site: Path) -> None:
    for lang, word in (("en", "Last checked"), ("vi", "Cập nhật lần cuối")):
        html = (built_site / lang / "asean/economic/index.html").read_text(encoding="utf-8")
        assert 'id="sources-title"' in html and word in html


def test_member_pages_for_all_eleven(built_site: Path) -> None:
    for lang in LANGS:
        members = [p for p in (built_site / lang / "members").iterdir() if p.is_dir()]
        assert len(members) == 11
        index = (built_site / lang / "members/index.html").read_text(encoding="utf-8")
        flags = re.findall(r'<img[^>]*src="\.\./assets/flags/[^>]*>', index)
        assert len(flags) == 11
        assert all(re.search(r'alt="[^"]+"', flag) for flag in flags)  # each flag is named


def test_member_page_shows_every_fact_with_its_source(built_site: Path) -> None:
    """Every profile fact carries a numbered citation that leads to a listed, dated source."""
    headings = {
        "en": ["Key facts", "Links with Viet Nam", "World Heritage sites", "Places to see", "Sources"],
        "vi": ["Thông tin cơ bản", "Quan hệ với Việt Nam", "Di sản thế giới", "Nên đến thăm", "Nguồn"],
    }
    for lang in LANGS:
        for member in ("timor-leste", "singapore", "viet-nam"):
            html = (built_site / lang / "members" / member / "index.html").read_text(encoding="utf-8")
            for heading in headings[lang]:
                if member == "viet-nam" and heading in headings[lang][1:2] + headings[lang][3:4]:
                    assert f">{heading}<" not in html, (lang, member, heading)
                    continue
                assert f">{heading}<" in html, (lang, member, heading)
            cited = set(re.findall(r'href="#src-([a-z0-9-]+)"', html))
            listed = set(re.findall(r'<li id="src-([a-z0-9-]+)">', html))
            assert cited and cited == listed, (lang, member)
            assert html.count('rel="noopener"') >= len(listed)
            assert "source:" not in html and "km2" not in html  # no field names


def test_news_lists_newest_first_with_tag_and_topic_pages(built_site: Path) -> None:
    html = (built_site / "en/news/index.html").read_text(encoding="utf-8")
    dates = re.findall(r'<time datetime="([0-9-]+)">', html)
    assert len(dates) >= 12 and dates == sorted(dates, reverse=True)
    assert (built_site / "en/news/tags/rcep/index.html").exists()
    assert (built_site / "vi/news/topics/economic/index.html").exists()


def test_fonts_are_asked_for_with_the_stylesheet(built_site: Path) -> None:
    """Both weights are preloaded in the head of every page, before the stylesheet that names
    them, so that text is not drawn in a fallback first and shifted when the font arrives."""
    for lang in LANGS:
        for page, up in (("index.html", ""), ("units/dong-thap/index.html", "../../")):
            html = (built_site / lang / page).read_text(encoding="utf-8")
            for weight in (400, 700):
                link = html.index(f'<link rel="preload" href="{up}assets/fonts/be-vietnam-pro-{weight}.woff2" as="font"')
                assert link < html.index(f'href="{up}assets/asean.css"')
