"""Widgets in a host page served from another origin: /embed.js sizes each iframe to its content."""

from __future__ import annotations

import json
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
