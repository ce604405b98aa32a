"""Editorial content: both languages, dated and sourced, the 11 members, the calendar."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MiniProject

from site_builder.inputs.content_tree import check_content

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def project(real_check):  # type: ignore[no-untyped-def]
    project, problems = real_check
    assert not problems.errors and not problems.warnings, "\n".join(p.format() for p in problems.sorted())
    assert project is not None
    return project


def test_every_page_has_its_counterpart_or_is_reported(project, real_check) -> None:  # type: ignore[no-untyped-def]
    _, problems = real_check
    reported = {p.file for p in problems.notices}
    for (_lang, _rel), page in project.content.pages.items():
        if project.content.counterpart(page) is None:
            assert page.file in reported


def test_eleven_members_in_both_languages(project) -> None:  # type: ignore[no-untyped-def]
    members = project.content.members
    assert len(members) == 11
    assert {m.iso for m in members} == {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"}
    timor = next(m for m in members if m.iso == "TL")
    assert timor.joined.date == "2025-10-26"
    for member in members:
        texts = [member.name, member.official_name, member.capital, member.profile, member.currency,
                 member.languages, member.government]
        if member.relations:
            texts += [member.relations.framework]
        for text in texts:
            assert text.vi and text.en
        assert (ROOT / "theme/assets/flags" / f"{member.iso.lower()}.svg").exists()
    assert sum(m.founding for m in members) == 5


def test_news_items_are_dated_and_tagged(project) -> None:  # type: ignore[no-untyped-def]
    for lang in ("vi", "en"):
        news = project.content.news(lang)
        assert len(news) >= 12
        for page in news:
            assert page.meta.date is not None
            assert page.meta.topics, page.file
            assert page.meta.sources, page.file


def test_fact_pages_show_sources_and_a_date(project) -> None:  # type: ignore[no-untyped-def]
    facts = [p for p in project.content.pages.values() if p.meta.kind in ("fact", "tourism")]
    assert len(facts) >= 2 * 12
    for page in facts:
        assert page.meta.sources and page.meta.updated, page.file


def test_calendar_data_has_asean_day_and_week(project) -> None:  # type: ignore[no-untyped-def]
    yearly = {(e.month, e.day, e.end_month, e.end_day) for e in project.content.events if e.recurrence == "yearly"}
    assert (8, 8, None, None) in yearly
    assert (7, 28, 8, 8) in yearly


def test_tourism_page_for_every_unit_with_a_plan(project) -> None:  # type: ignore[no-untyped-def]
    units = {p.meta.unit for p in project.content.in_lang("vi") if p.meta.kind == "tourism"}
    assert units >= {"dong-thap-cu", "soc-trang", "binh-phuoc", "dong-son"}


def test_documents_link_to_the_plans_we_hold(project) -> None:  # type: ignore[no-untyped-def]
    docs = {d.number: d for d in project.content.documents if d.number}
    assert docs["1160/QĐ-TTg"].date == "2021-07-13"
    assert docs["01/QĐ-BCĐASEAN"].plan == "bcd-asean-2021-2025"


# ── front matter errors, located ───────────────────────────────────────────────────
def write_pair(mini: MiniProject, rel: str, vi: str, en: str | None) -> None:
    mini.write(f"content/vi/{rel}", vi)
    if en is not None:
        mini.write(f"content/en/{rel}", en)


def messages(mini: MiniProject) -> list[str]:
    _, problems = check_content(mini.root, {"viet-nam", "soc-trang"}, {"soc-trang-2022"})
    return [p.format() for p in problems.sorted() if "content/data" not in p.file]


def test_news_without_date_or_sources(mini: MiniProject) -> None:
    page = "---\ntitle: Tin\ndescription: Mô tả\nkind: news\ntopics: [economic]\n---\n\n# Tin\n"
    write_pair(mini, "news/tin.md", page, page)
    assert messages(mini)[0] == (
        "content/en/news/tin.md:2:1: trang loại 'news' cần ít nhất một nguồn (sources)\n"
        "    a 'news' page needs at least one source (sources)"
    )


def test_missing_translation_is_a_notice(mini: MiniProject) -> None:
    write_pair(mini, "gioi-thieu.md", "---\ntitle: Giới thiệu\ndescription: Trang giới thiệu\n---\n\n# Giới thiệu\n", None)
    assert messages(mini) == [
        "content/vi/gioi-thieu.md: lưu ý / note: chưa có bản tiếng Anh (content/en/gioi-thieu.md)\n"
        "    no English version yet (content/en/gioi-thieu.md)"
    ]


def test_front_matter_errors_point_at_the_line(mini: MiniProject) -> None:
    page = (
        "---\ntitle: Tin\ndescription: Mô tả\nkind: news\ndate: 2021-02-30\ntopics: [economy]\n"
        "sources:\n  - title: Nguồn\n    url: http://example.org/\n---\n\n# Tin\n"
    )
    write_pair(mini, "news/tin.md", page, page.replace("Tin", "News"))
    got = [m for m in messages(mini) if m.startswith("content/vi/")]
    assert got == [
        "content/vi/news/tin.md:5:7: date: ngày '2021-02-30' không tồn tại\n"
        "    the date '2021-02-30' does not exist",
        "content/vi/news/tin.md:6:10: topics[0]: cần một trong: 'political-security', 'economic', 'socio-cultural', "
        "'covid-19', 'tourism', 'identity', 'connectivity'; nhận được 'economy' (có phải 'economic'?)\n"
        "    expected one of: 'political-security', 'economic', 'socio-cultural', 'covid-19', 'tourism', "
        "'identity', 'connectivity'; found 'economy' (did you mean 'economic'?)",
        "content/vi/news/tin.md:9:10: sources[0].url: cần một địa chỉ https:// đầy đủ (vd. https://asean.org/); "
        "nhận được 'http://example.org/'\n"
        "    expected a full https:// address (e.g. https://asean.org/); found 'http://example.org/'",
    ]


def test_page_without_front_matter(mini: MiniProject) -> None:
    write_pair(mini, "x.md", "# Chỉ có tiêu đề\n", "---\ntitle: X\ndescription: Y\n---\n# X\n")
    assert messages(mini)[0] == (
        "content/vi/x.md:1:1: trang cần phần đầu (front matter) giữa hai dòng '---' với title và description\n"
        "    the page needs front matter between two '---' lines, with title and description"
    )


# ── sources: deep links, and member profiles that cite them ────────────────────────
DEEP_LINK_SHARE = 0.9
"""At least this share of source links must lead to the page that states the fact."""


def source_links(project) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Every source address in content and data, with where it is: pages' ``sources`` and
    the external links in their text, members' and events' sources, documents' copies."""
    import re

    content = project.content
    links: list[tuple[str, str]] = []
    for page in content.pages.values():
        links += [(page.file, s.url) for s in page.meta.sources if s.url]
        links += [(page.file, url) for url in re.findall(r"\]\((https?://[^)\s]+)", page.body)]
    for member in content.members:
        links += [(f"members.yaml: {member.id}", s.url) for s in member.sources]
    for event in content.events:
        links += [(f"events.yaml: {event.id}", s.url) for s in event.sources if s.url]
    links += [(f"documents.yaml: {d.id}", d.url) for d in content.documents if d.url]
    return links


def test_source_links_lead_below_a_site_root(project) -> None:  # type: ignore[no-untyped-def]
    from site_builder.model.common import deep_link

    links = source_links(project)
    assert len(links) >= 150, "fewer source links than the content holds: is the count broken?"
    shallow = [f"{where}: {url}" for where, url in links if not deep_link(url)]
    share = 1 - len(shallow) / len(links)
    assert share >= DEEP_LINK_SHARE, (
        f"only {share:.0%} of {len(links)} source links lead to a page below a site's root "
        f"(need {DEEP_LINK_SHARE:.0%}); home pages:\n" + "\n".join(shallow)
    )


def test_deep_link() -> None:
    from site_builder.model.common import deep_link

    assert deep_link("https://mofa.gov.vn/vi/cn_vakv/ca_tbd/nr040819104152/ns170913160451")
    assert deep_link("https://asean.org/?static_post=closing-remark")
    assert not deep_link("https://www.mofa.gov.vn")
    assert not deep_link("https://asean.org/")
    assert not deep_link("https://asean.org/#about")


def singapore() -> str:
    """Singapore's profile from the real data, as a one-member ``members.yaml``."""
    import yaml

    data = yaml.safe_load((ROOT / "content/data/members.yaml").read_text(encoding="utf-8"))
    member = next(m for m in data["members"] if m["id"] == "singapore")
    return yaml.safe_dump({"members": [member]}, allow_unicode=True, sort_keys=False)


def member_messages(mini: MiniProject, text: str) -> list[str]:
    mini.write("content/data/members.yaml", text)
    _, problems = check_content(mini.root, {"viet-nam", "soc-trang"}, {"soc-trang-2022"})
    return [p.format() for p in problems.sorted() if p.file == "content/data/members.yaml"]


def test_a_real_profile_passes(mini: MiniProject) -> None:
    assert member_messages(mini, singapore()) == []


def test_member_fact_citing_an_unlisted_source(mini: MiniProject) -> None:
    text = singapore().replace("- mofa-sg", "- mofa-sgp", 1)
    assert "mofa-sgp" in text
    (message,) = member_messages(mini, text)
    assert "sources not listed in 'sources': mofa-sgp" in message


def test_member_source_no_fact_cites(mini: MiniProject) -> None:
    import yaml

    data = yaml.safe_load(singapore())
    data["members"][0]["sources"].append(
        {"id": "extra", "title": "Extra", "publisher": "X", "url": "https://example.org/page", "read": "2026-11-25"}
    )
    (message,) = member_messages(mini, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert "sources no fact cites: extra" in message


def test_member_source_on_a_home_page_is_refused(mini: MiniProject) -> None:
    import yaml

    data = yaml.safe_load(singapore())
    data["members"][0]["sources"][0]["url"] = "https://www.mofa.gov.vn/"
    (message,) = member_messages(mini, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert "'https://www.mofa.gov.vn/' is a site's home page" in message


def test_member_needs_relations_and_a_dated_population(mini: MiniProject) -> None:
    import yaml

    data = yaml.safe_load(singapore())
    del data["members"][0]["relations"]
    (message,) = member_messages(mini, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert "'relations' is required" in message
    data = yaml.safe_load(singapore())
    del data["members"][0]["population"]["year"]
    messages = member_messages(mini, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert any("population.year" in m for m in messages), messages


PARALLEL_PAGE = ("---\ntitle: {title}\ndescription: Tin ASEAN\nkind: news\ndate: 2025-08-08\ntopics: [economic]\n"
                 "sources:\n  - title: ASEAN\n    publisher: ASEAN Secretariat\n"
                 "    url: https://asean.org/asean-2025-at-a-glance/\n---\n\n# {title}\n\n{text}\n")


def test_pages_loaded_in_parallel_give_the_same_content_and_problems(
    mini: MiniProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The pages split over processes: the same pages, problems and order as one by one."""
    from site_builder.inputs import content_tree

    monkeypatch.setenv("ASEAN_BUILD_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(content_tree, "PARALLEL_PAGES", 2)
    for i in range(12):
        for lang in ("vi", "en"):
            text = "<script>x</script>" if i == 5 else ("Xem <b>đậm</b>." if i % 2 else "Tin.")
            mini.write(f"content/{lang}/tin-{i:02}.md", PARALLEL_PAGE.format(title=f"Tin {i}", text=text))
    mini.write("content/vi/hong.md", "---\ntitle: [\n---\n")
    one, problems_one = check_content(mini.root, None, None, jobs=1)
    (tmp_path / "cache").rename(tmp_path / "cache-one")  # the second check starts empty too
    two, problems_two = check_content(mini.root, None, None, jobs=2)
    assert [p.format() for p in problems_two.items] == [p.format() for p in problems_one.items]
    assert any("tin-05" in p.file for p in problems_one.errors) and any("hong" in p.file for p in problems_one.errors)
    assert list(two.pages) == list(one.pages)
    assert [(p.meta, p.body, p.data) for p in two.pages.values()] == [(p.meta, p.body, p.data) for p in one.pages.values()]
    # The passes the workers saw are remembered: a third check renders only the bodies with problems.
    rendered: list[str] = []
    monkeypatch.setattr(content_tree, "check_page", lambda file, *args: rendered.append(file) or ["problem"])
    check_content(mini.root, None, None, jobs=1)
    assert sorted(rendered) == ["content/en/tin-05.md", "content/vi/tin-05.md"]


def test_every_error_of_a_page_is_reported_in_one_run(mini: MiniProject) -> None:
    """Finding 6 of issue 30: an English article missing both ``sources`` and
    ``image_credit`` reported only the first, so an editor on a web CMS paid one
    push-and-fail round per error. The photo's fields are checked beside the rest."""
    mini.write("content/en/news/photo.md",
               "---\ntitle: News\ndescription: d\nkind: news\ndate: 2024-08-08\nimage: a.jpg\nimage_alt: A flag\n"
               "image_licence: CC BY 4.0\n---\n\nText \u200bwith \u2060two invisible characters.\n")
    _, problems = check_content(mini.root, None, None)
    found = {(p.file, p.line, p.field) for p in problems.errors}
    assert ("content/en/news/photo.md", 2, "") in found or any(
        "sources" in p.en for p in problems.errors if p.file == "content/en/news/photo.md"), problems.errors
    assert ("content/en/news/photo.md", 6, "image_credit") in found
    assert ("content/en/news/photo.md", 6, "image") in found  # the file is missing
    assert [(p.line, p.column) for p in problems.errors if "invisible" in p.en] == [(11, 6), (11, 12)]


def test_a_photo_no_page_uses_is_a_note_saying_where_to_delete_it(mini: MiniProject) -> None:
    """Issue 32: a photo replaced in the web editor stays in ``content/media/``; ``check``
    tells the editor it can go and where, without failing the run (it is never published)."""
    import io

    from PIL import Image

    def jpeg() -> bytes:
        buffer = io.BytesIO()
        Image.new("RGB", (640, 480), (22, 58, 134)).save(buffer, "JPEG")
        return buffer.getvalue()

    mini.write("content/media/2026/anh-moi.jpg", jpeg())
    mini.write("content/media/2026/anh-cu.jpg", jpeg())
    front = ("kind: news\ndate: 2026-08-08\ntopics: [identity]\nimage: 2026/anh-moi.jpg\nimage_alt: Cờ ASEAN\n"
             "image_credit: Sở Ngoại vụ\n"
             "image_licence: CC BY 4.0\nsources:\n  - title: Tin\n    publisher: Sở Ngoại vụ\n")
    mini.write("content/vi/news/tin.md", f"---\ntitle: Tin\ndescription: d\n{front}---\n\n# Tin\n\nNội dung.\n")
    mini.write("content/en/news/tin.md", f"---\ntitle: News\ndescription: d\n{front}---\n\n# News\n\nText.\n")
    _, problems = check_content(mini.root, None, None)
    assert problems.errors == []
    notes = [p for p in problems.notices if p.file.startswith("content/media/")]
    assert [(p.file, p.severity) for p in notes] == [("content/media/2026/anh-cu.jpg", "notice")]
    assert "Thư viện" in notes[0].vi and "delete it" in notes[0].en
