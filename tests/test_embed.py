"""Widgets in a host page served from another origin: /embed.js sizes each iframe to its
content; without it (a portal's editor removed the script, or every attribute but a few)
the frame's own height shows the widget; and the link card survives any editor."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
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
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">'
        f'<title>Host portal</title></head>'
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


@pytest.mark.browser
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


@pytest.mark.browser
def test_frames_are_greeted_only_once_loaded(page: Watched, tmp_path: Path, server: StaticServer) -> None:
    """A lazy frame far down the host page holds about:blank (the host's origin) until the
    reader scrolls to it: /embed.js greets it only once its widget is in it, so the host's
    console shows no origin mismatch (Chromium logs one per early greeting), and the frame
    is still sized when it loads."""
    frames = "".join(f'<div style="height:2000px"></div><iframe id="w{i}" src="{server.url}{path}" title="Widget {i}" '
                     'loading="lazy"></iframe>' for i, path in enumerate(WIDGETS))
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">'
        f'<title>Host portal</title></head><body><h1>Provincial portal</h1>{frames}'
        f'<script src="{server.url}embed.js" async></script></body></html>', encoding="utf-8")
    messages: list[str] = []
    page.page.on("console", lambda m: messages.append(m.text))
    with StaticServer(tmp_path) as host:
        page.page.goto(host.url)
        page.page.wait_for_timeout(800)
        for i in range(len(WIDGETS)):
            page.page.locator(f"#w{i}").scroll_into_view_if_needed()
        wait_sized(page)
    assert not [m for m in messages if "postMessage" in m], messages
    assert [e for e in page.errors if "off-site" not in e] == []


@pytest.mark.browser
def test_phones_get_the_plans_activities_as_cards(page: Watched, server: StaticServer) -> None:
    """Below 500 px the activity table is one card per activity, its columns named inside."""
    page.page.set_viewport_size({"width": 390, "height": 844})
    page.page.goto(f"{server.url}{WIDGETS[0]}")
    row = page.page.locator("tbody tr[data-group]").first
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    assert page.page.locator("thead").evaluate("h => h.getBoundingClientRect().height") <= 1
    label = row.locator("td[data-label]").first.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Cơ quan chủ trì"'
    assert page.page.evaluate("document.documentElement.scrollWidth") <= 390
    page.page.set_viewport_size({"width": 1280, "height": 900})
    assert row.evaluate("r => getComputedStyle(r).display") == "table-row"


@pytest.mark.browser
def test_messages_from_other_origins_are_ignored(page: Watched, host: StaticServer) -> None:
    page.page.goto(host.url)
    wait_sized(page)
    size = page.page.locator("#w1").evaluate("f => f.style.height")
    # A message the host page posts to itself comes from the host's origin, not ours.
    page.page.evaluate("window.postMessage({type: 'asean-embed:height', height: 5}, '*')")
    page.page.wait_for_timeout(200)
    assert page.page.locator("#w1").evaluate("f => f.style.height") == size


@pytest.mark.site
def test_oembed_discovery(built_site: Path) -> None:
    from conftest import SITE_URL

    html = (built_site / "en/embed/news/index.html").read_text(encoding="utf-8")
    href = f"{SITE_URL}en/embed/news/oembed.json"
    assert f'<link rel="alternate" type="application/json+oembed" href="{href}"' in html
    doc = json.loads((built_site / "en/embed/news/oembed.json").read_text(encoding="utf-8"))
    assert doc["type"] == "rich" and doc["version"] == "1.0"
    assert f'src="{SITE_URL}en/embed/news/"' in doc["html"] and f"{SITE_URL}embed.js" in doc["html"]


@pytest.mark.site
def test_widget_pages_are_light(built_site: Path) -> None:
    html = (built_site / "vi/embed/news/index.html").read_text(encoding="utf-8")
    assert "md-header" not in html and "stylesheets/main" not in html
    assert len(html.encode()) < 15_000



@pytest.mark.site
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_progress_widget_draws_its_chart_before_its_table(built_site: Path, lang: str) -> None:
    """The progress widget opens with the plan's implementation by year drawn (inline SVG,
    stacked by status), and its table of figures, with the progress column, one click away."""
    html = (built_site / lang / "embed/progress/dong-thap-2021-2025/index.html").read_text(encoding="utf-8")
    figure = html.index('<figure class="asean-chart"')
    assert figure < html.index('<svg class="asean-chart__svg"') < html.index("<details") < html.index("<table")
    assert 'fill="#1e6b3a"' in html and 'fill="url(#dong-thap-2021-2025-progress-in-progress)"' in html  # done, in progress
    assert html.count("<table") == 1 and 'class="asean-table asean-summary"' in html


@pytest.mark.site
def test_widgets_describe_themselves_and_name_their_full_page_as_canonical(built_site: Path) -> None:
    """A widget is crawlable, has a description, and its canonical address is the full page it
    shows a part of, so that search results lead to the page with the site around it."""
    from conftest import SITE_URL

    for path, full in (("en/embed/progress/dong-thap-2021-2025/", "en/plans/dong-thap-2021-2025/"),
                       ("vi/embed/quiz/", "vi/quiz/mixed/"), ("en/embed/news/", "en/news/"),
                       ("vi/embed/members/viet-nam/", "vi/members/viet-nam/")):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{SITE_URL}{full}">' in html, path
        assert '<meta name="description" content="' in html and "noindex" not in html, path

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
    from site_builder.output.publish import STATIC

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


@pytest.mark.browser
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


@pytest.mark.browser
@pytest.mark.parametrize("frame", ["nested", "outside", "page", "foreign"])
def test_only_frames_of_the_sites_embed_path_are_sized(embedding: object, frame: str) -> None:
    """The frame's address must be on the site's origin and its path must start with the
    site's /<lang>/embed/; holding that path somewhere else is not enough."""
    assert post_height(embedding, frame, "500") == ""
    assert post_height(embedding, "widget", "500") == "500px"  # the same message from a widget is taken


# ── The events widget: what is ahead, never an empty box ────────────────────────────
@pytest.mark.browser
def test_events_widget_lists_what_is_ahead_after_past_dated_events(page: Watched, server: StaticServer) -> None:
    """Dated events of past years sort first; they must not use up the list's places and
    hide the yearly events ahead (the widget used to show nothing at all)."""
    page.page.clock.set_fixed_time("2026-11-25T10:00:00")
    page.page.goto(f"{server.url}en/embed/events/")
    shown = page.page.locator("ul.asean-events > li:visible")
    assert 1 <= shown.count() <= 6
    dates = shown.evaluate_all("""items => items.map(li => li.dataset.date
        || `${li.dataset.month.padStart(2, '0')}-${li.dataset.day.padStart(2, '0')}`)""")
    assert all(d >= "2026-11-25" if len(d) == 10 else True for d in dates), dates
    assert "07-28" in dates and "08-08" in dates  # ASEAN's day in Viet Nam and ASEAN Day, every year
    assert page.page.locator("[data-asean-none]").is_hidden()


@pytest.mark.browser
def test_events_widget_says_when_nothing_is_ahead(tmp_path: Path, page: Watched) -> None:
    from conftest import ROOT

    (tmp_path / "upcoming.js").write_bytes((ROOT / "theme/assets/upcoming.js").read_bytes())
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>e</title></head><body>'
        '<ul data-asean-upcoming="6"><li data-date="2001-01-01">old</li><li data-date="2002-05-01">older</li></ul>'
        '<p data-asean-none hidden>Nothing ahead</p><script src="upcoming.js"></script></body></html>',
        encoding="utf-8")
    with StaticServer(tmp_path) as srv:
        page.page.goto(srv.url)
        assert page.page.locator("li:visible").count() == 0
        assert page.page.get_by_text("Nothing ahead").is_visible()



# ── Without /embed.js: the snippet's own height, at three widths ────────────────────
WIDTHS = (360, 768, 1200)
"""Host pages of these widths (a phone, a tablet, a computer); the host's 8 px body margins
leave frames of 344, 752 and 1184 px."""
LONG = ("/embed/plans/", "/embed/quiz/")
"""Long lists: a bounded height, their link to the whole list first (site_builder.derive.embeds)."""


class EditorFilter(HTMLParser):
    """What a portal's rich-text editor does to pasted HTML: keeps the listed tags with the
    listed attributes only, and drops ``<script>`` with its content."""

    def __init__(self, keep: dict[str, set[str]]) -> None:
        super().__init__(convert_charrefs=False)
        self.keep, self.out, self.skip = keep, [], 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.skip += 1
        elif tag in self.keep and not self.skip:
            kept = "".join(f' {k}="{html.escape(v or "")}"' for k, v in attrs if k in self.keep[tag])
            self.out.append(f"<{tag}{kept}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.skip -= 1
        elif tag in self.keep and not self.skip and tag != "br":
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def edited(code: str, keep: dict[str, set[str]]) -> str:
    parser = EditorFilter(keep)
    parser.feed(code)
    parser.close()
    return "".join(parser.out)


NO_SCRIPT = {"iframe": {"src", "title", "width", "height", "frameborder", "loading", "style"}}
"""An editor that removes scripts only."""
STRICT_EDITOR = {"iframe": {"src", "title", "width", "height"}}
"""An editor that also removes ``style`` and every attribute but a frame's address, title and size."""
CARD_EDITOR = {"p": set(), "strong": set(), "br": set(), "a": {"href"}}
"""The plainest rich-text editor: paragraphs, bold, line breaks and links."""


def published_codes(site: Path, kind: str) -> dict[str, str]:
    """The codes of one kind (``frame`` or ``card``) on both "Embed this" pages, as a portal
    editor copies them from the text boxes, by widget address."""
    codes = {}
    for lang in ("vi", "en"):
        page = (site / lang / "embed/index.html").read_text(encoding="utf-8")
        for box in re.findall(rf'<textarea [^>]*data-asean-code="{kind}"[^>]*>(.*?)</textarea>', page, re.S):
            code = html.unescape(box)
            codes[re.search(r'(?:src|href)="([^"]+)"', code)[1]] = code
    return codes


FRAME_STATE = """() => {
  const box = s => { const e = document.querySelector(s); return e && e.getBoundingClientRect().toJSON(); };
  const d = document.documentElement;
  return {height: innerHeight, width: innerWidth, scrollHeight: d.scrollHeight, scrollWidth: d.scrollWidth,
          content: Math.ceil(document.body.getBoundingClientRect().height), title: box('.asean-embed__title'),
          more: box('.asean-embed__more'), first: box('tbody tr[data-group], fieldset.asean-question:not([hidden])')};
}"""


def frames_without_script(browser: object, site: Path, server: StaticServer, tmp_path: Path,
                          keep: dict[str, set[str]]) -> dict[str, dict[int, dict]]:
    """Every widget's published frame code, filtered by an editor (``keep``), in one host
    page on another origin and without /embed.js; what each frame shows at each width."""
    from conftest import SITE_URL

    codes = [edited(code, keep).replace(SITE_URL, server.url) for code in published_codes(site, "frame").values()]
    assert len(codes) >= 40 and not any("<script" in c for c in codes)
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title></head><body>'
        + "".join(f"<h2>Widget {i}</h2>{code}" for i, code in enumerate(codes)) + "</body></html>",
        encoding="utf-8")
    states: dict[str, dict[int, dict]] = {}
    with StaticServer(tmp_path) as host:
        context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(host.url)
        frames = page.locator("iframe")
        for i in range(frames.count()):  # lazy frames load once near the screen
            frames.nth(i).scroll_into_view_if_needed()
            frame = frames.nth(i).element_handle().content_frame()
            frame.wait_for_url(re.compile("/embed/"))
            frame.wait_for_load_state("load")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.wait_for_timeout(200)
            for i in range(frames.count()):
                frame = frames.nth(i).element_handle().content_frame()
                state = frame.evaluate(FRAME_STATE)
                state["attribute"] = int(frames.nth(i).get_attribute("height"))
                states.setdefault(frame.url.removeprefix(server.url), {})[width] = state
        context.close()
    return states


def check_without_script(states: dict[str, dict[int, dict]]) -> None:
    """The widget's main content shows in its frame with nothing to scroll: the whole widget,
    or for a long list its title, its link to the whole list and the start of the list."""
    table = "\n".join(f"{path:48} " + "  ".join(f"{w}: {s['content']:>5}/{s['height']}" for w, s in by_width.items())
                      for path, by_width in sorted(states.items()))
    problems = []
    for path, by_width in states.items():
        for width, s in by_width.items():
            where = f"{path} at {width} px"
            if s["height"] != s["attribute"]:
                problems.append(f"{where}: frame {s['height']} px high, not its height attribute {s['attribute']}")
            if s["scrollWidth"] > s["width"]:
                problems.append(f"{where}: scrolls sideways ({s['scrollWidth']} > {s['width']})")
            if not any(part in f"/{path}" for part in LONG):
                if s["scrollHeight"] > s["height"]:
                    problems.append(f"{where}: content {s['content']} px in a {s['height']} px frame scrolls")
                continue
            for name in ("title", "more"):
                if s[name] is None or s[name]["bottom"] > s["height"]:
                    problems.append(f"{where}: {name} not in view ({s[name]})")
            first = s["first"]
            if first is None or first["top"] + 40 > s["height"]:
                problems.append(f"{where}: the list does not start in view ({first})")
            if "/embed/quiz/" in f"/{path}" and first is not None and first["bottom"] > s["height"]:
                problems.append(f"{where}: the first question is cut ({first})")
    assert problems == [], "\n".join(problems) + "\n\ncontent/frame heights:\n" + table


@pytest.mark.site
def test_published_frame_code_needs_no_script_and_no_style(built_site: Path) -> None:
    """Width, height and border come from attributes that editors keep; nothing depends on
    ``style``, so an editor that removes it changes nothing."""
    codes = published_codes(built_site, "frame")
    for code in codes.values():
        frame, script = code.split("\n")
        assert re.fullmatch(r'<iframe src="[^"]+" title="[^"]+" width="100%" height="[0-9]+" frameborder="0" '
                            r'loading="lazy"></iframe>', frame), frame
        assert re.fullmatch(r'<script src="[^"]+embed\.js" async></script>', script), script
        assert "style" not in code


@pytest.mark.browser
def test_widgets_show_without_the_script(browser: object, built_site: Path, server: StaticServer,
                                         tmp_path: Path) -> None:
    check_without_script(frames_without_script(browser, built_site, server, tmp_path, NO_SCRIPT))


@pytest.mark.browser
def test_widgets_show_after_a_strict_editor(browser: object, built_site: Path, server: StaticServer,
                                            tmp_path: Path) -> None:
    """No script, no ``style``, no ``frameborder``, no ``loading``: only address, title and size."""
    check_without_script(frames_without_script(browser, built_site, server, tmp_path, STRICT_EDITOR))


@pytest.mark.site
def test_link_cards_survive_a_plain_editor(built_site: Path) -> None:
    cards = published_codes(built_site, "card")
    frames = published_codes(built_site, "frame")
    assert len(cards) == len(frames)
    for href, card in cards.items():
        assert edited(card, CARD_EDITOR) == card, card
        assert href.startswith("https://asean.example.org/portal/asean/") and "/embed/" not in href
        assert re.fullmatch(r"<p><strong>[^<]+</strong><br>\n[^<]+<br>\n<a href=\"[^\"]+\">[^<]+</a></p>", card), card


@pytest.mark.browser
def test_a_fixed_frame_keeps_its_height(embedding: object) -> None:
    """``data-asean-fixed``: the "Embed this" page shows the frame-only way next to the
    sized one, on the same page as /embed.js."""
    page = embedding
    page.locator("#widget").evaluate("f => f.setAttribute('data-asean-fixed', '')")  # type: ignore[attr-defined]
    assert post_height(page, "widget", "500") == ""


def test_heights_come_from_the_recorded_measurements() -> None:
    """A measured widget's frame is its taller measurement with room to grow; where a phone
    and a computer differ by half again, or the length follows the date, the card comes first."""
    from site_builder.derive import embeds

    sizes = embeds.measured()["vi/embed/news/"]
    height, card_first = embeds.frame_height("embed-news", "vi/embed/news/", 1)
    assert height >= max(sizes.values()) * 1.1 and card_first, "5 headlines: twice as tall on a phone"
    progress = embeds.measured()["vi/embed/progress/soc-trang-2022/"]
    assert embeds.frame_height("embed-progress", "vi/embed/progress/soc-trang-2022/", 1) == (
        -(-max(progress.values()) * 112 // 100) + 16, False)
    assert embeds.frame_height("embed-events", "vi/embed/events/", 620) == (620, True)
    assert embeds.frame_height("embed-quiz", "vi/embed/quiz/", 900) == (900, True)
    assert embeds.frame_height("embed-member", "vi/embed/members/new-member/", 520) == (520, False), "not measured yet"


@pytest.mark.site
def test_the_embed_page_offers_the_card_first_where_one_height_cannot_serve(built_site: Path) -> None:
    page = (built_site / "vi/embed/index.html").read_text(encoding="utf-8")
    news = page.split('id="w-1"', 1)[1].split("</section>", 1)[0]
    assert news.index('data-asean-code="card"') < news.index('data-asean-code="frame"')
