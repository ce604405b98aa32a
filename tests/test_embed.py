"""Widgets in a host page served from another origin: /embed.js sizes each iframe to its content."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import StaticServer, Watched

WIDGETS = ["vi/embed/plans/bcd-asean-2021-2025/", "en/embed/news/", "en/embed/members/timor-leste/"]


@pytest.fixture
def host(tmp_path: Path, server: StaticServer):  # type: ignore[no-untyped-def]
    """A portal page on its own loopback port embedding three widgets of the site."""
    frames = "\n".join(
        f'<h2>Widget {i}</h2><iframe id="w{i}" src="{server.url}{path}" title="Widget {i}" style="width:100%;border:0"></iframe>'
        for i, path in enumerate(WIDGETS)
    )
    (tmp_path / "index.html").write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host portal</title></head>'
        f'<body><h1>Provincial portal</h1>{frames}<script src="{server.url}embed.js" async></script></body></html>',
        encoding="utf-8",
    )
    with StaticServer(tmp_path) as srv:
        yield srv


def heights(page: Watched) -> list[tuple[float, float]]:
    """(iframe height on the host, content height inside the widget) for each widget."""
    out = []
    for i in range(len(WIDGETS)):
        frame = page.page.frame_locator(f"#w{i}")
        inner = frame.locator("body").evaluate("b => b.getBoundingClientRect().height")
        outer = page.page.locator(f"#w{i}").evaluate("f => f.getBoundingClientRect().height")
        out.append((outer, inner))
    return out


def wait_sized(page: Watched) -> None:
    page.page.wait_for_function(
        "() => [...document.querySelectorAll('iframe')].every(f => parseFloat(f.style.height) > 100)"
    )


def test_widgets_size_themselves_before_and_after_filtering(page: Watched, host: StaticServer, server: StaticServer) -> None:
    page.page.goto(host.url)
    wait_sized(page)
    page.page.wait_for_timeout(300)
    for outer, inner in heights(page):
        assert abs(outer - inner) <= 3, (outer, inner)
    before = heights(page)[0][0]

    table = page.page.frame_locator("#w0")
    table.get_by_label("Nhóm").select_option("IV")
    page.page.wait_for_function(f"parseFloat(document.querySelector('#w0').style.height) < {before - 100}")
    page.page.wait_for_timeout(300)
    outer, inner = heights(page)[0]
    assert outer < before
    assert abs(outer - inner) <= 3, (outer, inner)
    assert table.locator("tbody tr[data-group]:visible").count() == 5

    page.page.set_viewport_size({"width": 420, "height": 900})
    page.page.wait_for_timeout(500)
    for outer, inner in heights(page):
        assert abs(outer - inner) <= 3, (outer, inner)
    assert [e for e in page.errors if "off-site" not in e] == []


def test_messages_from_other_origins_are_ignored(page: Watched, host: StaticServer) -> None:
    page.page.goto(host.url)
    wait_sized(page)
    size = page.page.locator("#w1").evaluate("f => f.style.height")
    # A message the host page posts to itself comes from the host's origin, not ours.
    page.page.evaluate("window.postMessage({type: 'asean-embed:height', height: 5}, '*')")
    page.page.wait_for_timeout(200)
    assert page.page.locator("#w1").evaluate("f => f.style.height") == size


def test_oembed_discovery(built_site: Path) -> None:
    from conftest import SITE_URL

    html = (built_site / "en/embed/news/index.html").read_text(encoding="utf-8")
    href = f"{SITE_URL}en/embed/news/oembed.json"
    assert f'<link rel="alternate" type="application/json+oembed" href="{href}"' in html
    doc = json.loads((built_site / "en/embed/news/oembed.json").read_text(encoding="utf-8"))
    assert doc["type"] == "rich" and doc["version"] == "1.0"
    assert f'src="{SITE_URL}en/embed/news/"' in doc["html"] and f"{SITE_URL}embed.js" in doc["html"]


def test_widget_pages_are_light(built_site: Path) -> None:
    html = (built_site / "vi/embed/news/index.html").read_text(encoding="utf-8")
    assert "md-header" not in html and "stylesheets/main" not in html
    assert len(html.encode()) < 15_000


# ── What /embed.js accepts: heights, and which frames count as widgets ──────────────
# A small stand-in site served under a sub-path (/asean/), as a portal would host it:
# its own /embed.js, a widget, and pages on the same origin that are not widgets.
FAKE_PAGES = {
    "widget": "asean/vi/embed/fake/",  # a widget: the only frame whose height may change
    "nested": "asean/files/vi/embed/fake/",  # holds "/vi/embed/", but not at the start
    "outside": "vi/embed/fake/",  # same origin, outside the site's path
    "page": "asean/vi/news/",  # a page of the site that is not a widget
}


@pytest.fixture
def embedding(tmp_path: Path, browser: object) -> Iterator[object]:
    """(page, site server): a host portal on its own origin framing every FAKE_PAGES entry,
    plus one frame of the host's own origin at the widget's path."""
    from site_builder.publish import STATIC

    site, portal = tmp_path / "site", tmp_path / "portal"
    (site / "asean").mkdir(parents=True)
    (site / "asean/embed.js").write_bytes((STATIC / "embed.js").read_bytes())
    for path in [*FAKE_PAGES.values()]:
        for folder in (site / path, portal / path):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.html").write_text("<!doctype html><title>w</title><p>widget</p>", encoding="utf-8")
    with StaticServer(site) as srv, StaticServer(portal) as host:
        frames = "".join(f'<iframe name="{name}" id="{name}" src="{srv.url}{path}"></iframe>'
                         for name, path in FAKE_PAGES.items())
        frames += f'<iframe name="foreign" id="foreign" src="{host.url}{FAKE_PAGES["widget"]}"></iframe>'
        (portal / "index.html").write_text(
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title></head><body>'
            f'{frames}<script src="{srv.url}asean/embed.js"></script></body></html>', encoding="utf-8")
        context = browser.new_context()  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(host.url)
        page.wait_for_function("window.__aseanEmbed === true")
        for name in [*FAKE_PAGES, "foreign"]:
            page.frame(name=name).wait_for_load_state()
        yield page
        context.close()


def post_height(page: object, frame: str, height: str) -> str:
    """Post a height message from inside ``frame`` (a JavaScript expression, so that
    NaN and Infinity are sent as they are); return the frame's height on the host after."""
    page.frame(name=frame).evaluate(  # type: ignore[attr-defined]
        f"parent.postMessage({{type: 'asean-embed:height', height: {height}}}, '*')")
    page.wait_for_timeout(100)  # type: ignore[attr-defined]
    return page.locator(f"#{frame}").evaluate("f => f.style.height")  # type: ignore[attr-defined]


def test_heights_must_be_finite_positive_and_bounded(embedding: object) -> None:
    page = embedding
    assert post_height(page, "widget", "500") == "500px"
    for bad in ("Infinity", "-Infinity", "NaN", "0", "-5", "'900'", "null", "[700]", "{n: 800}", "true"):
        assert post_height(page, "widget", bad) == "500px", bad
    assert post_height(page, "widget", "1e9") == "100000px"  # the bound; the widget scrolls inside
    assert page.locator("#widget").get_attribute("scrolling") == "auto"  # type: ignore[attr-defined]
    assert post_height(page, "widget", "1e308") == "100000px"
    assert post_height(page, "widget", "640.2") == "641px"
    assert page.locator("#widget").get_attribute("scrolling") == "no"  # type: ignore[attr-defined]


@pytest.mark.parametrize("frame", ["nested", "outside", "page", "foreign"])
def test_only_frames_of_the_sites_embed_path_are_sized(embedding: object, frame: str) -> None:
    """The frame's address must be on the site's origin and its path must start with the
    site's /<lang>/embed/; holding that path somewhere else is not enough."""
    assert post_height(embedding, frame, "500") == ""
    assert post_height(embedding, "widget", "500") == "500px"  # the same message from a widget is taken
