"""site_builder.engine.mkdocs_build: one language through MkDocs, its warnings returned or raised."""

from __future__ import annotations

import logging

import pytest
from conftest import MiniProject

from site_builder.core.urls import SiteUrls
from site_builder.derive.project import load_project
from site_builder.engine.context import BuildContext
from site_builder.engine.mkdocs_build import EngineError, build_language, run_mkdocs

pytestmark = pytest.mark.site

BROKEN_LINK = ("Doc file 'guide/index.md' contains a link 'missing.md', but the target 'guide/missing.md' "
               "is not found among documentation files.")


@pytest.fixture
def broken(tiny: MiniProject) -> MiniProject:
    """The tiny project with an English page whose link MkDocs cannot resolve (a warning)."""
    tiny.write("content/en/guide/index.md", "---\ntitle: Guide\ndescription: Guide\n---\n\n# Guide\n\n"
                                            "See [x](missing.md).\n")
    return tiny


@pytest.fixture
def unchecked_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """The data check without its link check: ``check`` now finds every link MkDocs would
    warn about, so a warning only MkDocs raises (a future MkDocs rule, say) is simulated by
    taking the link check away."""
    import site_builder.derive.project

    monkeypatch.setattr(site_builder.derive.project, "check_links", lambda *args: [])


def test_one_language_into_its_folder_with_the_warnings_returned(broken: MiniProject, unchecked_links: None) -> None:
    handlers = list(logging.getLogger("mkdocs").handlers)
    out = broken.root / "out"
    context = BuildContext(load_project(broken.root), SiteUrls("https://e.example/asean/"), strict=False)
    warnings = build_language(context, "en", out)
    assert warnings == [BROKEN_LINK]
    assert logging.getLogger("mkdocs").handlers == handlers
    pages = sorted(p.parent.relative_to(out).as_posix() for p in out.rglob("index.html"))
    assert [p for p in pages if not p.startswith(("embed", "pillars/"))] == [
        ".", "agencies", "agencies/soc-trang-so-thong-tin-va-truyen-thong", "agencies/soc-trang-uy-ban-nhan-dan-tinh",
        "asean", "calendar", "documents", "guide", "members", "news", "news/archive", "pillars", "plans",
        "plans/soc-trang-2022", "plans/soc-trang-2022/activities/i-1", "plans/soc-trang-2022/activities/i-2",
        "plans/soc-trang-2022/text",
        "search", "tourism", "translations", "units", "units/soc-trang", "units/viet-nam",
    ]
    assert not (out.parent / "vi").exists()
    html = (out / "plans/soc-trang-2022/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://e.example/asean/en/plans/soc-trang-2022/">' in html
    assert '<html lang="en"' in html


def test_a_strict_build_fails_with_every_message_mkdocs_logged(broken: MiniProject, unchecked_links: None) -> None:
    with pytest.raises(EngineError) as caught:
        run_mkdocs(broken.root, "en", broken.root / "out")  # as `mkdocs build`: the plugin checks itself
    assert str(caught.value) == f"{BROKEN_LINK}\nAborted with 1 warnings in strict mode!"


def test_a_link_mkdocs_would_refuse_is_stopped_by_the_check_with_its_line(broken: MiniProject) -> None:
    with pytest.raises(EngineError) as caught:
        run_mkdocs(broken.root, "en", broken.root / "out")
    message = str(caught.value)
    assert "content/en/guide/index.md:8: liên kết 'missing.md'" in message
    assert "the link 'missing.md': there is no file guide/missing.md in the site" in message
