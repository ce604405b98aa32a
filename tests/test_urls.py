"""site_builder/core/urls.py: published paths, the site's address and every absolute URL."""

from __future__ import annotations

import pytest

from site_builder.core import urls
from site_builder.core.urls import SiteUrls


def test_paths_below_a_language_root() -> None:
    assert urls.plan("soc-trang-2022") == "plans/soc-trang-2022/"
    assert urls.activity("bcd", "ii-3") == "plans/bcd/activities/ii-3/"
    assert urls.embed("news") == "embed/news/" and urls.embed("plans", "x") == "embed/plans/x/"
    assert urls.quiz() == "quiz/" and urls.quiz("mixed") == "quiz/mixed/"
    assert urls.src_uri("plans/x/") == "plans/x/index.md" and urls.src_uri("") == "index.md"
    assert urls.from_src_uri("news/x.md") == "news/x/" and urls.from_src_uri("a/index.md") == "a/"


def test_site_urls_build_every_absolute_address() -> None:
    site = SiteUrls("https://cong.example.gov.vn/asean/")
    assert site.home("vi") == "https://cong.example.gov.vn/asean/vi/"
    assert site.page("en", "plans/x/") == "https://cong.example.gov.vn/asean/en/plans/x/"
    assert site.file("api/v1/plans.json") == "https://cong.example.gov.vn/asean/api/v1/plans.json"
    assert site.alternates("news/", ("vi", "en")) == {
        "vi": "https://cong.example.gov.vn/asean/vi/news/", "en": "https://cong.example.gov.vn/asean/en/news/"}
    assert not site.is_preview and SiteUrls(urls.DEFAULT_SITE_URL).is_preview
    with pytest.raises(ValueError):
        SiteUrls("https://example.org")


def test_the_address_comes_from_the_option_then_site_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    assert urls.configured_address() is None
    assert urls.base_url() == urls.DEFAULT_SITE_URL
    monkeypatch.setenv("SITE_URL", "https://a.example/x")
    assert urls.base_url() == "https://a.example/x/"
    assert urls.base_url("https://b.example/") == "https://b.example/"
    assert urls.configured_address() == "https://a.example/x/"  # the trailing slash a site root needs


@pytest.mark.parametrize(("url", "found"), [
    ("https://YOUR-ORG.github.io/YOUR-REPO/", "your-org"),
    ("https://asean.example.gov.vn/", "example"),
    ("https://example.com/asean/", "example"),
    ("https://portal.gov.vn/your-repo/", "your-repo"),
    ("https://asean.portal.test/", ".test"),
    ("http://localhost:8000/", ".localhost"),
    ("http://127.0.0.1:8000/", "127.0.0.1"),
    ("https://asean.test-portal.gov.vn/", None),
    ("https://soctrang.gov.vn/chuyen-muc-asean/", None),
    ("https://examples-of-asean.gov.vn/", None),
])
def test_placeholder_addresses(url: str, found: str | None) -> None:
    problem = urls.placeholder_problem(url)
    if found is None:
        assert problem is None
    else:
        assert problem is not None and f"(có “{found}”)" in problem[0] and f"(it has “{found}”)" in problem[1]
        assert problem[1].startswith(f"SITE_URL {url} is a placeholder")


@pytest.mark.parametrize(("url", "preview"), [
    (None, True), ("http://localhost:8000/", True), ("http://app.localhost/", True), ("http://127.0.0.1/", True),
    ("http://[::1]/", True), ("http://0.0.0.0/", True), ("https://cong.example.gov.vn/", False),
])
def test_preview_addresses(url: str | None, preview: bool) -> None:
    assert urls.is_preview_address(url) is preview


def test_site_url_is_read_from_the_environment_in_one_place() -> None:
    """Every command that needs the published address asks :func:`urls.configured_address`."""
    import ast
    from pathlib import Path

    import site_builder

    readers = []
    for path in sorted(Path(site_builder.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value == "SITE_URL":
                readers.append(path.name)
    assert readers == ["urls.py"]


def test_files_of_the_site_have_their_paths_here() -> None:
    """The exporters, the root files and the pictures take their published paths from
    urls.py, as the pages do: a change of layout is made once."""
    assert urls.api("plans.json") == "api/v1/plans.json"
    assert urls.api("plans/bcd.json") == "api/v1/plans/bcd.json"
    assert urls.feed() == "feed.xml"
    assert urls.feed("pillars", "economic") == "feeds/pillars/economic.xml"
    assert urls.feed("units", "can-tho") == "feeds/units/can-tho.xml"
    assert urls.oembed(urls.embed("members", "viet-nam")) == "embed/members/viet-nam/oembed.json"
    assert urls.in_language("vi", urls.feed()) == "vi/feed.xml"
    assert (urls.CALENDAR, urls.SITEMAP, urls.ROBOTS, urls.EMBED_SCRIPT, urls.ROOT_PAGE) == (
        "calendar.ics", "sitemap.xml", "robots.txt", "embed.js", "index.html")
    site = SiteUrls("https://cong.example.gov.vn/asean/")
    assert site.file(urls.api("quiz.json")) == "https://cong.example.gov.vn/asean/api/v1/quiz.json"
    assert site.page("en", urls.feed()) == "https://cong.example.gov.vn/asean/en/feed.xml"
    assert site.file(urls.MEDIA + "card.0123456789.jpg") == "https://cong.example.gov.vn/asean/media/card.0123456789.jpg"
