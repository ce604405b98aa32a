"""site_builder.inputs.links (``check --links``): every address of another site, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MiniProject

from site_builder.inputs.links import ExternalLink, external_links


def test_every_http_address_of_pages_and_data_with_file_and_line(mini: MiniProject) -> None:
    mini.write("content/vi/asean/index.md", (
        "---\ntitle: ASEAN\n---\n\n"
        "Xem [trang ASEAN](https://asean.org/about-asean/), và http://example.com/a?b=1.\n"
        "Hai địa chỉ: <https://mofa.gov.vn/x> (https://dangcongsan.vn/y); chưa có ftp://no.example.\n"
    ))
    mini.write("plans/extra.yaml", "# yaml-language-server: $schema=https://schema.example/plan.json\n"
                                   "source: {url: \"https://vanban.chinhphu.vn/?docid=1\"}\n")
    mini.write("content/vi/notes.txt", "https://ignored.example/ (not a page or data file)\n")
    links = external_links(mini.root)
    assert [link.format() for link in links] == [
        "content/vi/asean/index.md:5: http://example.com/a?b=1",
        "content/vi/asean/index.md:5: https://asean.org/about-asean/",
        "content/vi/asean/index.md:6: https://dangcongsan.vn/y",
        "content/vi/asean/index.md:6: https://mofa.gov.vn/x",
        "plans/extra.yaml:2: https://vanban.chinhphu.vn/?docid=1",
    ]


def test_links_are_sorted_by_file_line_and_address(mini: MiniProject) -> None:
    mini.write("plans/b.yaml", "a: https://b.example/\nb: https://a.example/ https://0.example/\n")
    mini.write("content/en/a.md", "https://z.example/\n")
    assert external_links(mini.root) == [
        ExternalLink("content/en/a.md", 1, "https://z.example/"),
        ExternalLink("plans/b.yaml", 1, "https://b.example/"),
        ExternalLink("plans/b.yaml", 2, "https://0.example/"),
        ExternalLink("plans/b.yaml", 2, "https://a.example/"),
    ]


def test_symbolic_links_are_not_followed(mini: MiniProject, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("https://secret.example/\n", encoding="utf-8")
    (mini.root / "content/vi").mkdir(parents=True, exist_ok=True)
    (mini.root / "content/vi/link.md").symlink_to(outside)
    assert external_links(mini.root) == []


# ── Links inside the site, resolved as MkDocs resolves them (issue 30, finding 5) ──────
PAGE = "---\ntitle: Tin\ndescription: Mô tả\n---\n\n# Tin\n\n## Mục tiêu\n\n"


def _link_errors(mini: MiniProject, body: str) -> list[str]:
    from site_builder.derive.project import check_project

    make_pair(mini, body)
    _, problems = check_project(mini.root)
    return [f"{p.location()}: {p.en}" for p in problems.errors]


def make_pair(mini: MiniProject, body: str) -> None:
    mini.write("content/vi/tin/a.md", PAGE + body)
    mini.write("content/en/tin/a.md", PAGE.replace("Tin", "News") + "Text.\n")
    mini.write("content/vi/tin/b.md", PAGE + "Trang b.\n")
    mini.write("content/en/tin/b.md", PAGE.replace("Tin", "News") + "Page b.\n")


@pytest.mark.parametrize("body", [
    "[b](b.md), [b's goal](b.md#muc-tieu), [here](#muc-tieu), [top](#tin)\n",
    "[plans](../plans/index.md), [a plan](../plans/soc-trang-2022/index.md)\n",
    "[ASEAN](https://asean.org/), [mail](mailto:a@b.vn), [phone](tel:+84123)\n",
    "Footnote[^1].\n\n[^1]: A note.\n",
    "[ref][r]\n\n[r]: b.md\n",
])
def test_links_mkdocs_resolves_pass(mini: MiniProject, body: str) -> None:
    assert _link_errors(mini, body) == []


@pytest.mark.parametrize(("body", "expected"), [
    ("[x](c.md)\n", "content/vi/tin/a.md:10: the link 'c.md': there is no file tin/c.md in the site"),
    ("\n[x](../../../../etc/passwd)\n", "content/vi/tin/a.md:11: the link '../../../../etc/passwd': leads out of the site"),
    ("![x](../../x.png)\n", "content/vi/tin/a.md:10: the link '../../x.png': leads out of the site"),
    ("[x](/vi/plans/)\n", "content/vi/tin/a.md:10: the link '/vi/plans/': links inside the site are written relative"),
    ("[x](\\javascript:alert(1))\n", "content/vi/tin/a.md:10: the link '\\javascript:alert(1)': links inside the site"),
    ('[x](#" onclick=)\n', "content/vi/tin/a.md:10: the link '#\" onclick=': this page has no anchor '#\" onclick='"),
    ("[x](b.md#nowhere)\n", "content/vi/tin/a.md:10: the link 'b.md#nowhere': the page content/vi/tin/b.md has no anchor"),
    ("[x](../plans)\n", "content/vi/tin/a.md:10: the link '../plans': there is no file plans in the site"),
    ("[x](http://[::1/)\n", "content/vi/tin/a.md:10: the link 'http://[::1/': the address cannot be read"),
])
def test_links_mkdocs_would_refuse_are_located(mini: MiniProject, body: str, expected: str) -> None:
    errors = _link_errors(mini, body)
    assert any(e.startswith(expected) for e in errors), errors


def test_links_of_a_page_with_other_errors_are_checked_too(mini: MiniProject) -> None:
    """Every problem of a run: a page refused for its front matter still has its links resolved."""
    make_pair(mini, "[x](c.md)\n")
    mini.write("content/vi/tin/a.md", "---\ntitle: Tin\n---\n\n[x](c.md)\n")
    from site_builder.derive.project import check_project

    _, problems = check_project(mini.root)
    found = [p.format() for p in problems.errors if p.file == "content/vi/tin/a.md"]
    assert any("description" in f for f in found) and any("c.md" in f for f in found), found


def test_link_rules_are_mkdocs_own() -> None:
    """The rules copied from MkDocs 1.6 (``_RelativePathTreeprocessor.path_to_url``): the
    pinned MkDocs must still have the code they mirror."""
    import inspect

    from mkdocs.structure import pages

    source = inspect.getsource(pages._RelativePathTreeprocessor.path_to_url)
    assert "url.startswith(('/', '\\\\'))" in source and "AMP_SUBSTITUTE in url" in source
    assert "unrecognized relative link" in source and "is not found among documentation files" in source


def test_links_found_once_are_remembered(mini: MiniProject, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A second check takes every body's links from the build cache (no body rendered
    again), and still resolves them: a link that broke since is reported."""
    from site_builder.derive.project import check_project
    from site_builder.inputs import links

    monkeypatch.setenv("ASEAN_BUILD_CACHE", str(tmp_path / "cache"))
    make_pair(mini, "[b](b.md) and [c](c.md)\n")
    _, first = check_project(mini.root)
    assert [p.en for p in first.errors if "c.md" in p.en]

    def no_render(body: str) -> None:
        raise AssertionError("rendered again")

    monkeypatch.setattr(links, "_render", no_render)
    for lang in ("vi", "en"):  # with one language left, the other gets a "not yet translated" page there
        (mini.root / f"content/{lang}/tin/b.md").unlink()
    _, second = check_project(mini.root)
    messages = [p.format() for p in second.errors]
    assert any("'b.md'" in m for m in messages) and any("'c.md'" in m for m in messages), messages
