"""The built site, checked offline: both languages, every page, links, hreflang, sitemap."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import SITE_URL
from sitecheck import ParsedSite, broken_links, html_pages

from site_builder.render.sitechrome import NAV

pytestmark = pytest.mark.site

LANGS = ("vi", "en")


@pytest.fixture(scope="module")
def parse() -> ParsedSite:
    """Pages of ``built_site``, parsed once for all the tests of this module."""
    return ParsedSite()


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
def test_lang_and_hreflang_on_every_page(built_site: Path, parse: ParsedSite, lang: str) -> None:
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


def test_no_broken_internal_links_or_anchors(built_site: Path, parse: ParsedSite) -> None:
    assert broken_links(built_site, base_path="/portal/asean/", cache=parse.cache) == []


def test_no_request_to_another_host(built_site: Path, parse: ParsedSite) -> None:
    offenders = []
    for file in html_pages(built_site):
        for kind, url in parse(file).links:
            if kind in ("script.src", "img.src", "link.href", "iframe.src", "source.src") and re.match(r"^(https?:)?//", url):
                offenders.append(f"{file}: {kind}={url}")
    assert offenders == []
    css = "\n".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_navigation_does_not_grow_with_the_data(built_site: Path, parse: ParsedSite) -> None:
    """Generated pages stay out of the nav: every page carries the same links, one for each
    entry of the fixed navigation."""

    counts = {parse(f).nav_links for f in html_pages(built_site / "vi") if f.name != "404.html" and not is_widget(f)}
    assert counts == {len(NAV)}


def test_one_h1_per_page(built_site: Path, parse: ParsedSite) -> None:
    for file in html_pages(built_site / "en"):
        page = parse(file)
        assert page.h1 == 1, file


def test_dates_in_each_language(built_site: Path) -> None:
    vi = (built_site / "vi/plans/bcd-asean-2021-2025/index.html").read_text(encoding="utf-8")
    en = (built_site / "en/plans/bcd-asean-2021-2025/index.html").read_text(encoding="utf-8")
    assert "ngày 05 tháng 8 năm 2021" in vi
    assert "5 August 2021" in en
    soc_vi = (built_site / "vi/plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert "tháng 4 năm 2022" in soc_vi and "không nêu trong văn bản gốc" not in soc_vi
    # What the source leaves blank is told, in quiet words, on the plan's original text only.
    soc_text = (built_site / "vi/plans/soc-trang-2022/text/index.html").read_text(encoding="utf-8")
    assert "Số văn bản để trống trong văn bản gốc" in soc_text and 'class="asean-source-notes"' in soc_text


def test_activity_table_is_complete_without_javascript(built_site: Path) -> None:
    """The activities widget's table (the plan page lists them by section, as cards)."""
    html = (built_site / "en/embed/plans/bcd-asean-2021-2025/index.html").read_text(encoding="utf-8")
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
    for lang, word in (("en", "Last checked"), ("vi", "Kiểm tra lần cuối")):
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


def test_news_lists_are_paged_with_links_in_the_head_and_for_the_keyboard(paged_site: Path) -> None:
    """45 articles per language: three pages of 20, 20 and 5; each page links the others
    (rel prev/next in the head, page links in the body, the current one marked), and the
    same list pages exist in both languages."""
    from conftest import PAGED_NEWS
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    assert pages_of(paged_site, "vi") == pages_of(paged_site, "en")
    for lang in LANGS:
        counts = []
        for url in ("news/", "news/page/2/", "news/page/3/"):
            tree = HTMLParser((paged_site / lang / url / "index.html").read_text(encoding="utf-8"))
            counts.append(len(tree.css("ul.asean-news > li")))
            head = {n.attributes["rel"]: n.attributes["href"] for n in tree.css("head link[rel=prev], head link[rel=next]")}
            pager = tree.css_first("nav.asean-pages")
            current = pager.css("a[aria-current=page]")
            assert [a.text() for a in current] == [url.strip("/").rsplit("/", 1)[-1] if "page" in url else "1"]
            assert [a.text() for a in pager.css("a:not([rel])")] == ["1", "2", "3"]
            assert all(a.attributes.get("href") for a in pager.css("a"))  # links, reachable with Tab
            if url == "news/":
                assert head == {"next": "page/2/"}
            elif url == "news/page/2/":
                assert head == {"prev": "../../", "next": "../3/"}
                assert "data-pagefind-body" not in tree.html  # later pages stay out of search
            else:
                assert head == {"prev": "../2/"}
        assert counts == [20, 20, PAGED_NEWS - 40]
        assert not (paged_site / lang / "news/page/4").exists()
    page2 = (paged_site / "en/news/page/2/index.html").read_text(encoding="utf-8")
    assert "<title>News, page 2 of 3 – ASEAN section" in page2 and "Articles 21–40 of 45" in page2
    assert "Tin 21–40 trong tổng số 45" in (paged_site / "vi/news/page/2/index.html").read_text(encoding="utf-8")


def test_news_archives_by_year_topic_and_tag(paged_site: Path) -> None:
    """Articles every ten days from 2023: 2023 holds 37, 2024 the other 8; the archive page
    leads to every year, topic and tag, with counts; it is in the navigation."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    for lang in LANGS:
        assert len(list((paged_site / lang / "news/years/2023").rglob("index.html"))) == 2  # 37: two pages
        assert len(list((paged_site / lang / "news/years/2024").rglob("index.html"))) == 1
        assert (paged_site / lang / "news/topics/identity/page/2/index.html").exists()  # 22 articles
        assert (paged_site / lang / "news/tags/rcep/index.html").exists()
        tree = HTMLParser((paged_site / lang / "news/archive/index.html").read_text(encoding="utf-8"))
        links = [a.attributes["href"] for a in tree.css("article ul.asean-tags a")]
        assert links == ["../years/2024/", "../years/2023/", "../topics/economic/", "../topics/identity/", "../tags/rcep/"]
        footer = [a.attributes["href"] for a in tree.css("footer a")]
        assert "./" in footer  # the archive is linked from every page's footer
    en = (paged_site / "en/news/years/2023/index.html").read_text(encoding="utf-8")
    assert "<title>News of 2023 – ASEAN section" in en and "Articles 1–20 of 37" in en
    assert "Tin năm 2023" in (paged_site / "vi/news/years/2023/index.html").read_text(encoding="utf-8")


def test_each_article_lists_related_news(paged_site: Path) -> None:
    """Article 9 (topic identity, tag rcep): the articles sharing both come first (every
    sixth from 3), nearest in date first and, at the same distance, the newer (15 before 3);
    an article sharing the topic only (7, 11) or the tag only (6, 12) comes after them."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser((paged_site / "en/news/tin-09/index.html").read_text(encoding="utf-8"))
    related = tree.css_first("section.asean-related")
    assert related.css_first("h2").text() == "Related news"
    assert [a.text() for a in related.css("a.asean-news__title")] == ["Article 15", "Article 3", "Article 21", "Article 27"]


def test_fonts_are_asked_for_with_the_stylesheet(built_site: Path) -> None:
    """Both weights are preloaded in the head of every page, before the stylesheet that names
    them, so that text is not drawn in a fallback first and shifted when the font arrives."""
    for lang in LANGS:
        for page, up in (("index.html", ""), ("units/dong-thap/index.html", "../../")):
            html = (built_site / lang / page).read_text(encoding="utf-8")
            for weight in (400, 700):
                link = html.index(f'<link rel="preload" href="{up}assets/fonts/be-vietnam-pro-{weight}.woff2" as="font"')
                assert link < html.index(f'href="{up}assets/asean.css"')
