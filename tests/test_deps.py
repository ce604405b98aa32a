"""The incremental build (``build --incremental``, site_builder/engine/deps.py): after each kind of
change its output is byte for byte a clean build's, it renders only what read the change,
and anything every page depends on makes it a full build."""

from __future__ import annotations

import filecmp
import time
from pathlib import Path

import pytest
from conftest import MiniProject

from site_builder.apps.build import build_site
from site_builder.core.reads import listing, page_key
from site_builder.engine.deps import Record, record_path

pytestmark = pytest.mark.site

URL = "http://127.0.0.1:9/"
NEWS = ("---\ntitle: {title}\ndescription: Tin ASEAN\nkind: news\ndate: 2025-08-08\ntopics: [economic]\nsources:\n"
        "  - title: ASEAN\n    publisher: ASEAN Secretariat\n    url: https://asean.org/asean-2025-at-a-glance/\n"
        "---\n\n# {title}\n\n{text}\n")


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def assert_same_site(one: Path, other: Path) -> None:
    assert _files(one) == _files(other)
    different = [rel for rel in sorted(_files(one)) if not filecmp.cmp(one / rel, other / rel, shallow=False)]
    assert different == []


@pytest.fixture
def news(tiny: MiniProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MiniProject:
    monkeypatch.setenv("ASEAN_BUILD_CACHE", str(tmp_path / "cache"))
    tiny.write("content/vi/tin-tuc/hoi-nghi.md", NEWS.format(title="Hội nghị ASEAN", text="Nội dung đầu."))
    tiny.write("content/en/tin-tuc/hoi-nghi.md", NEWS.format(title="ASEAN meeting", text="First text."))
    tiny.write("content/vi/tin-tuc/le-thuong-co.md", NEWS.format(title="Lễ thượng cờ", text="Cờ."))
    return tiny


def incremental_then_clean(project: MiniProject) -> tuple[Path, Path, str]:
    """Build incrementally into site/ and cleanly into clean/; return both and what the
    incremental build said it did."""
    result = build_site(project.root, project.root / "site", site_url=URL, incremental=True)
    build_site(project.root, project.root / "clean", site_url=URL)
    return project.root / "site", project.root / "clean", result.rebuilt


def test_each_kind_of_change_gives_a_clean_builds_bytes(news: MiniProject) -> None:
    first = build_site(news.root, news.root / "site", site_url=URL, incremental=True)
    assert first.rebuilt == "no build record"

    # An article's text: only that page (and what shows texts: the translation status).
    news.replace("content/en/tin-tuc/hoi-nghi.md", "First text.", "Second text, longer.")
    site, clean, said = incremental_then_clean(news)
    assert said == "incremental: vi 1 pages, en 2 pages"  # the article; each translation status page
    assert_same_site(site, clean)
    assert "Second text, longer." in (site / "en/tin-tuc/hoi-nghi/index.html").read_text(encoding="utf-8")

    # An article's title, which the news lists and the home page show.
    news.replace("content/vi/tin-tuc/hoi-nghi.md", "title: Hội nghị ASEAN", "title: Hội nghị cấp cao ASEAN")
    site, clean, said = incremental_then_clean(news)
    assert said.startswith("incremental:"), said
    assert_same_site(site, clean)
    assert "Hội nghị cấp cao ASEAN" in (site / "vi/news/index.html").read_text(encoding="utf-8")
    # The English notice page of the Vietnamese-only article reads that article's title.
    news.replace("content/vi/tin-tuc/le-thuong-co.md", "title: Lễ thượng cờ", "title: Lễ thượng cờ ASEAN")
    site, clean, said = incremental_then_clean(news)
    assert_same_site(site, clean)
    assert "Lễ thượng cờ ASEAN" in (site / "en/tin-tuc/le-thuong-co/index.html").read_text(encoding="utf-8")

    # A data file: every page may show data, so a full build.
    news.replace("plans/soc-trang-2022.yaml", ', en: "2022 plan"', ', en: "The 2022 plan"')
    site, clean, said = incremental_then_clean(news)
    assert said == "a data file or picture changed"
    assert_same_site(site, clean)

    # A translation: the Vietnamese article gains its English page (a page added: full).
    news.write("content/en/tin-tuc/le-thuong-co.md", NEWS.format(title="Flag raising", text="Flag."))
    site, clean, said = incremental_then_clean(news)
    assert said == "a content page was added, removed or renamed"
    assert_same_site(site, clean)
    assert "Flag." in (site / "en/tin-tuc/le-thuong-co/index.html").read_text(encoding="utf-8")

    # The translation's text marks it current against its source (the translation status page).
    news.replace("content/en/tin-tuc/le-thuong-co.md", "Flag.", "Flag, translated again.")
    site, clean, said = incremental_then_clean(news)
    assert said.startswith("incremental:"), said
    assert_same_site(site, clean)


def test_a_change_of_theme_or_interface_translation_rebuilds_everything(news: MiniProject) -> None:
    build_site(news.root, news.root / "site", site_url=URL, incremental=True)
    news.write("theme/asean/notice.html", (news.root / "theme/asean/notice.html").read_text(encoding="utf-8") + "\n")
    site, clean, said = incremental_then_clean(news)
    assert said == "code, theme, configuration, translations or options changed"
    assert_same_site(site, clean)
    news.write("mkdocs.yml", (news.root / "mkdocs.yml").read_text(encoding="utf-8") + "\n")
    assert build_site(news.root, news.root / "site", site_url=URL, incremental=True).rebuilt.startswith("code")
    # Another address is another option: full.
    said = build_site(news.root, news.root / "site", site_url="http://127.0.0.1:8/", incremental=True).rebuilt
    assert said.startswith("code")


def test_the_record_names_what_each_page_read(news: MiniProject) -> None:
    build_site(news.root, news.root / "site", site_url=URL)
    record = Record.load(record_path(news.root, news.root / "site"))
    assert record is not None
    deps = record.languages["vi"].deps
    # An article reads itself and, for its related news, the metadata of the other articles.
    assert deps["tin-tuc/hoi-nghi.md"] == [listing("vi"), page_key("vi", "tin-tuc/hoi-nghi.md")]
    assert listing("vi") in deps["news/index.md"]
    notice = record.languages["en"].deps["tin-tuc/le-thuong-co/index.md"]  # "not yet translated"
    assert page_key("vi", "tin-tuc/le-thuong-co.md") in notice


def test_a_replaced_site_folder_is_not_trusted(news: MiniProject) -> None:
    build_site(news.root, news.root / "site", site_url=URL)
    (news.root / "site").rename(news.root / "moved")
    build_site(news.root, news.root / "other", site_url=URL)
    (news.root / "other").rename(news.root / "site")
    said = build_site(news.root, news.root / "site", site_url=URL, incremental=True).rebuilt
    assert said in ("no build record", "the previous site is not the one recorded")


def stamp_index(lang_dir: Path) -> None:
    """The search step of these builds: a file that says when the language was indexed
    (module-level, so that the build's worker processes can be handed it)."""
    (lang_dir / "pagefind").mkdir()
    (lang_dir / "pagefind" / "indexed.txt").write_text(str(time.time_ns()), encoding="utf-8")


def test_a_language_whose_pages_are_unchanged_keeps_its_search_index(
    news: MiniProject, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An English article's text changes; the Vietnamese translation status page is rendered
    again and comes out the same, so the Vietnamese index is the previous one, linked (the
    per-language sitemap MkDocs writes, which holds the build's date, is no page)."""
    from site_builder.apps import build

    monkeypatch.setattr(build, "index_search", stamp_index)
    build_site(news.root, news.root / "site", site_url=URL, incremental=True)
    before = {lang: (news.root / "site" / lang / "pagefind/indexed.txt").read_text(encoding="utf-8") for lang in ("vi", "en")}
    news.replace("content/en/tin-tuc/hoi-nghi.md", "First text.", "Second text, longer.")
    said = build_site(news.root, news.root / "site", site_url=URL, incremental=True).rebuilt
    assert said == "incremental: vi 1 pages, en 2 pages"
    after = {lang: (news.root / "site" / lang / "pagefind/indexed.txt").read_text(encoding="utf-8") for lang in ("vi", "en")}
    assert after["vi"] == before["vi"]
    assert after["en"] != before["en"]
