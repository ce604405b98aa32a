"""site_builder.links (``check --links``): every address of another site, with file and line."""

from __future__ import annotations

from pathlib import Path

from conftest import MiniProject

from site_builder.links import ExternalLink, external_links


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
