"""The allow-list sanitiser (site_builder/inputs/sanitize.py): properties that hold for any
input, the Markdown the site's extensions produce passing unchanged, and the lists it
keeps in step with the theme and mkdocs.yml."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.inputs.markup_check import MARKDOWN_CONFIG, MARKDOWN_EXTENSIONS, render
from site_builder.inputs.sanitize import RESERVED_IDS, URL_SCHEMES, Policy, inventory, removals
from site_builder.inputs.siteconfig import plugin_options

POLICY = Policy()

ACTIVE_TAGS = {"script", "style", "iframe", "object", "embed", "base", "meta", "link", "form", "frame", "svg", "math"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"}
C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def active_parts(html: str) -> list[str]:
    """The oracle of these tests, independent of the sanitiser's allow-list: the active
    parts of a fragment (script-bearing elements, event handlers, style, srcdoc, and
    addresses whose scheme runs something), as lexbor parses it."""
    parts = []
    for (tag, name, value), _ in inventory(html).items():
        if not name and tag in ACTIVE_TAGS:
            parts.append(f"<{tag}>")
        elif name.startswith("on") or name in ("style", "srcdoc"):
            parts.append(f"<{tag} {name}>")
        elif name in URL_ATTRS:
            # As a browser's URL parser reads it: blanks and controls trimmed at both
            # ends, tabs and newlines removed anywhere; a space inside is kept.
            scheme = SCHEME.match(re.sub(r"[\t\n\r]", "", value.strip(C0_AND_SPACE)))
            if scheme and scheme.group(1).lower() not in URL_SCHEMES:
                parts.append(f"<{tag} {name}={scheme.group(1).lower()}:>")
    return sorted(parts)
FRAMING = Policy(("www.youtube-nocookie.com",))

TAG_NAMES = ["a", "p", "img", "script", "svg", "math", "iframe", "style", "div", "span", "form", "input",
             "button", "object", "embed", "base", "meta", "link", "textarea", "xmp", "noscript", "title",
             "template", "table", "td", "animate", "set", "use", "details", "video", "source", "frameset"]
ATTR_NAMES = ["href", "src", "onerror", "onload", "onclick", "style", "srcdoc", "formaction", "action",
              "xlink:href", "data", "id", "class", "name", "target", "srcset", "attributeName", "values",
              "to", "from", "background", "poster", "http-equiv", "content", "ping", "is"]
URLS = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "jav&#x61;script:alert(1)",
        "&#106;avascript:alert(1)", " javascript:alert(1)", "\x01javascript:alert(1)", "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>", "https://evil.example/", "//evil.example/x.png",
        "/\\evil.example", "img/a.png", "#x", "mailto:a@b.vn", "0;url=https://evil.example/"]


def _attribute() -> st.SearchStrategy[str]:
    value = st.one_of(st.sampled_from(URLS), st.text(max_size=12))
    quote = st.sampled_from(['"', "'", ""])
    return st.builds(lambda n, q, v: f" {n}={q}{v}{q}", st.sampled_from(ATTR_NAMES), quote, value)


@st.composite
def fragments(draw: st.DrawFn) -> str:
    """Random HTML (and Markdown) soup built from the pieces XSS payloads are made of."""
    pieces = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(TAG_NAMES))
        if kind == 0:
            attrs = "".join(draw(st.lists(_attribute(), max_size=3)))
            pieces.append(f"<{tag}{attrs}>")
        elif kind == 1:
            pieces.append(f"</{tag}>")
        elif kind == 2:
            pieces.append(draw(st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<?", "<!", "\"", "'", ">"])))
        elif kind == 3:
            pieces.append(f"[x]({draw(st.sampled_from(URLS))})")
        elif kind == 4:
            pieces.append("{: " + "".join(draw(st.lists(_attribute(), max_size=2))).strip() + " }")
        else:
            pieces.append(draw(st.text(max_size=10)))
    return "".join(pieces)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragments())
def test_sanitised_html_is_never_active(fragment: str) -> None:
    """Whatever goes in, what comes out holds no script, handler, style or script address,
    as a browser-grade HTML5 parser (lexbor, not the sanitiser's html5ever) reads it."""
    for html in (fragment, render(fragment)):
        clean = POLICY.clean(html)
        assert active_parts(clean) == [], (html, clean)
        # Read again (as a browser reads the published page), it still holds only allowed
        # parts: nothing that mutates into something active on a second parse.
        assert removals(clean, POLICY) == []


@settings(max_examples=200, deadline=None)
@given(fragments())
def test_framing_policy_keeps_only_sandboxed_allowed_frames(fragment: str) -> None:
    clean = FRAMING.clean(fragment.replace("<iframe", '<iframe src="https://www.youtube-nocookie.com/embed/x"'))
    for tag, name, value in inventory(clean):
        if tag == "iframe" and name == "src":
            assert value.startswith("https://www.youtube-nocookie.com/")
        if tag == "iframe" and name == "sandbox":
            assert "allow-top-navigation" not in value
        assert name not in ("srcdoc", "style") and not name.startswith("on")


@pytest.mark.parametrize("scheme", sorted(URL_SCHEMES))
def test_allowed_schemes_pass(scheme: str) -> None:
    html = f'<p><a href="{scheme}:x">x</a></p>'
    assert POLICY.clean(html) == html


def test_what_the_markdown_extensions_produce_passes_unchanged() -> None:
    body = (
        "# Tiêu đề\n\n## Mục { #muc }\n\nĐoạn *nghiêng* **đậm** `mã` và [liên kết](../plans/ \"Kế hoạch\") "
        "[ngoài](https://asean.org/).[^1]\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n!!! note \"Ghi chú\"\n    Nội dung.\n\n"
        "```sh\nmake serve\n```\n\n> Trích dẫn\n\n- một\n- hai\n\n1. ba\n\n![Ảnh](img/a.png)\n\n---\n\n[^1]: Chú thích.\n"
    )
    html = render(body)
    assert removals(html, POLICY) == []
    assert 'class="asean-align-left"' in html and "style=" not in html
    assert 'class="language-sh"' in POLICY.clean(html)


def test_reserved_ids_cover_the_theme_scripts() -> None:
    """Every id a theme script looks up is reserved, so a page body cannot take it."""
    used = set()
    for script in (ROOT / "theme" / "assets").glob("*.js"):
        used |= set(re.findall(r"getElementById\(\"([^\"]+)\"\)", script.read_text(encoding="utf-8")))
    assert used and used <= RESERVED_IDS


def test_markdown_extensions_match_mkdocs_yml() -> None:
    """``check`` renders pages with the extensions MkDocs uses (it always adds toc, tables
    and fenced_code); were they to differ, check could pass what the site renders otherwise."""
    import yaml

    from site_builder.inputs.siteconfig import _Loader

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), _Loader)
    names = []
    for item in config["markdown_extensions"]:
        names.append(next(iter(item)) if isinstance(item, dict) else item)
    assert sorted({"toc", "tables", "fenced_code", *names}) == sorted(MARKDOWN_EXTENSIONS)
    toc = next(item["toc"] for item in config["markdown_extensions"] if isinstance(item, dict) and "toc" in item)
    assert toc["permalink"] == MARKDOWN_CONFIG["toc"]["permalink"]
    assert plugin_options(ROOT)["iframe_hosts"] == []


def test_no_template_marks_text_safe_by_hand() -> None:
    """Every template is autoescaped; HTML reaches a page only as ``Markup`` made in code
    (the sanitised body), never through ``| safe`` in a template."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "theme").rglob("*.html")
                 if re.search(r"\|\s*safe\b", p.read_text(encoding="utf-8"))]
    assert offenders == []
