"""The markup check is skipped for a body that passed it before (site_builder/inputs/checked_bodies.py),
and never for one that did not: its problems are reported at every check."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MiniProject

from site_builder.derive.project import check_project
from site_builder.inputs import content_tree

PAGE = ("---\ntitle: {title}\ndescription: Tin ASEAN\nkind: news\ndate: 2025-08-08\ntopics: [economic]\nsources:\n"
        "  - title: ASEAN\n    publisher: ASEAN Secretariat\n    url: https://asean.org/asean-2025-at-a-glance/\n"
        "---\n\n# {title}\n\n{text}\n")


@pytest.fixture
def counted(mini: MiniProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose body the markup check rendered, in order."""
    monkeypatch.setenv("ASEAN_BUILD_CACHE", str(tmp_path / "cache"))
    calls: list[str] = []
    real = content_tree.check_page

    def check_page(file: str, *args: object) -> list:
        calls.append(file)
        return real(file, *args)

    monkeypatch.setattr(content_tree, "check_page", check_page)
    return calls


def _errors(mini: MiniProject) -> list[str]:
    _, problems = check_project(mini.root)
    return [f"{p.file}:{p.line}" for p in problems.errors]


def test_a_passed_body_is_not_checked_again_until_it_changes(mini: MiniProject, counted: list[str]) -> None:
    for lang in ("vi", "en"):
        mini.write(f"content/{lang}/tin.md", PAGE.format(title="ASEAN", text="Xem <b>đậm</b>."))
    assert _errors(mini) == []
    assert sorted(counted) == ["content/en/tin.md", "content/vi/tin.md"]
    counted.clear()
    assert _errors(mini) == []
    assert counted == []
    mini.replace("content/en/tin.md", "<b>", "<i>")
    mini.replace("content/en/tin.md", "</b>", "</i>")
    assert _errors(mini) == []
    assert counted == ["content/en/tin.md"]


def test_a_body_with_problems_is_reported_at_every_check(mini: MiniProject, counted: list[str]) -> None:
    for lang in ("vi", "en"):
        mini.write(f"content/{lang}/tin.md", PAGE.format(title="ASEAN", text="<script>alert(1)</script>"))
    first = _errors(mini)
    assert first and all(e.startswith("content/") for e in first)
    assert _errors(mini) == first
    assert counted.count("content/vi/tin.md") == 2


def test_another_policy_checks_again(mini: MiniProject, counted: list[str]) -> None:
    """The frame hosts the maintainers allow decide what the sanitiser keeps."""
    for lang in ("vi", "en"):
        mini.write(f"content/{lang}/tin.md", PAGE.format(title="ASEAN", text="Xem <b>đậm</b>."))
    _errors(mini)
    counted.clear()
    mini.write("mkdocs.yml", "plugins:\n  - asean:\n      iframe_hosts: [www.youtube-nocookie.com]\n")
    _errors(mini)
    assert sorted(counted) == ["content/en/tin.md", "content/vi/tin.md"]
