"""site_builder.apps.scaffold (``new``): the exact files an editor starts from, and what is refused."""

from __future__ import annotations

import pytest
from conftest import MiniProject

from site_builder.apps import scaffold
from site_builder.apps.scaffold import BrandingArgs, ScaffoldError
from site_builder.apps.scaffold_args import ArticleArgs, EventArgs, PlanArgs, UnitArgs
from site_builder.derive.project import check_project
from site_builder.inputs.content_tree import ContentPage


def test_an_article_pair_with_the_hash_of_the_text_it_translates(mini: MiniProject) -> None:
    created = scaffold.new_article(mini.root, ArticleArgs(
        "Lễ thượng cờ ASEAN năm 2026", "ASEAN flag-raising 2026", ["identity", "economic"],
        "Kế hoạch 01/QĐ-BCĐASEAN", "https://example.org/x", date="2026-08-08", unit="soc-trang"))
    rel = "news/le-thuong-co-asean-nam-2026.md"
    assert [p.relative_to(mini.root).as_posix() for p in created.paths] == [f"content/vi/{rel}", f"content/en/{rel}"]
    common = ('kind: news\ndate: 2026-08-08\ntopics: [identity, economic]\nunit: soc-trang\nsources:\n'
              '  - title: "Kế hoạch 01/QĐ-BCĐASEAN"\n    url: "https://example.org/x"\n')
    vi_body = "\n# Lễ thượng cờ ASEAN năm 2026\n\nViết nội dung bài bằng tiếng Việt ở đây.\n"
    assert created.paths[0].read_text(encoding="utf-8") == (
        '---\ntitle: "Lễ thượng cờ ASEAN năm 2026"\ndescription: "Lễ thượng cờ ASEAN năm 2026"\n'
        f"{common}---\n{vi_body}"
    )
    source_hash = ContentPage("vi", rel, None, vi_body).body_hash()  # type: ignore[arg-type]
    assert created.paths[1].read_text(encoding="utf-8") == (
        '---\ntitle: "ASEAN flag-raising 2026"\ndescription: "ASEAN flag-raising 2026"\n'
        f"{common}source_hash: {source_hash}\n---\n\n# ASEAN flag-raising 2026\n\nWrite the English text here.\n"
    )
    assert created.next_steps == [
        f"Viết bài tiếng Việt trong content/vi/{rel} và bản dịch trong content/en/{rel}.",
        "Write the Vietnamese text, then the English translation; update 'description' in both.",
        f"Sau khi dịch xong / once translated: python -m site_builder translations --mark-current content/en/{rel}",
        "Xem trước / preview: make serve",
    ]
    project, problems = check_project(mini.root)
    assert project is not None and problems.errors == []
    with pytest.raises(ScaffoldError, match="already exists: .*content/vi/news/le-thuong-co-asean-nam-2026.md"):
        scaffold.new_article(mini.root, ArticleArgs("Lễ thượng cờ ASEAN năm 2026", "x", ["identity"], "y"))


def test_events_are_appended_to_an_empty_list(mini: MiniProject) -> None:
    scaffold.new_event(mini.root, EventArgs("ngay-asean", "Ngày ASEAN", "ASEAN Day", None, "08-08", "Kỷ niệm.",
                                            "Anniversary."))
    created = scaffold.new_event(mini.root, EventArgs("hoi-nghi", "Hội nghị", "Meeting", "2026-03-01", None, "a", "b"))
    assert (mini.root / "content/data/events.yaml").read_text(encoding="utf-8") == (
        "events:\n\n"
        "  - id: ngay-asean\n    title: {vi: \"Ngày ASEAN\", en: \"ASEAN Day\"}\n"
        "    description: {vi: \"Kỷ niệm.\", en: \"Anniversary.\"}\n    recurrence: yearly\n    month: 8\n    day: 8\n\n"
        "  - id: hoi-nghi\n    title: {vi: \"Hội nghị\", en: \"Meeting\"}\n    description: {vi: \"a\", en: \"b\"}\n"
        "    recurrence: once\n    date: 2026-03-01\n"
    )
    assert created.next_steps == [
        "Đã thêm sự kiện / added event hoi-nghi to content/data/events.yaml (calendar, calendar.ics).",
    ]
    assert check_project(mini.root)[1].errors == []


def test_a_new_unit_then_a_plan_issued_by_its_peoples_committee(mini: MiniProject) -> None:
    unit = scaffold.new_unit(mini.root, UnitArgs("can-tho", "Thành phố Cần Thơ", "Cần Thơ City", "province", "viet-nam"),
                             BrandingArgs(email="asean@cantho.example"))
    assert (mini.root / "plans/units.yaml").read_text(encoding="utf-8").endswith(
        "    parent: viet-nam\n\n"
        "  - id: can-tho\n    level: province\n    name: {vi: \"Thành phố Cần Thơ\", en: \"Cần Thơ City\"}\n"
        "    parent: viet-nam\n    branding:\n"
        "      display_name: {vi: \"Chuyên mục ASEAN – Thành phố Cần Thơ\", en: \"ASEAN section – Cần Thơ City\"}\n"
        "      colors: {primary: \"#163a86\", accent: \"#ffcc00\"}\n"
        "      contact:\n        email: \"asean@cantho.example\"\n"
    )
    assert unit.next_steps[-1] == "Dựng chuyên mục / build the section: python -m site_builder build --unit can-tho"
    plan = scaffold.new_plan(mini.root, PlanArgs(None, "can-tho", None, "Kế hoạch ASEAN năm 2026", "ASEAN plan 2026",
                                                 2026, 2026))
    assert [p.relative_to(mini.root).as_posix() for p in plan.paths] == ["plans/can-tho-2026-2026.yaml",
                                                                          "plans/agencies.yaml"]
    # A centrally run city's committee is "thành phố", in a sentence in lower case.
    assert (mini.root / "plans/agencies.yaml").read_text(encoding="utf-8").endswith(
        "    unit: soc-trang\n\n"
        "  - id: can-tho-uy-ban-nhan-dan-thanh-pho\n"
        "    name: {vi: \"Ủy ban nhân dân thành phố Cần Thơ\", en: \"Cần Thơ City People's Committee\"}\n"
        "    kind: people-committee\n    unit: can-tho\n"
    )
    text = plan.paths[0].read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/plan.schema.json\nid: can-tho-2026-2026\n")
    assert "issuer: can-tho\nissuing_agency: can-tho-uy-ban-nhan-dan-thanh-pho\n" in text
    assert "period: {start: 2026, end: 2026}\nstatus: in-force\n" in text
    assert text.endswith("source:\n  file: can-tho-2026-2026.txt\n")
    # The plan cites the national plan, which the mini project does not hold: the only problem.
    _, problems = check_project(mini.root)
    assert [p.en for p in problems.errors] == [
        "unknown plan 'bcd-asean-2021-2025' in plans/ (did you mean 'can-tho-2026-2026'?)",
    ]
    again = scaffold.new_plan(mini.root, PlanArgs("can-tho-2027", "can-tho", None, "x", "y", 2027, 2027))
    assert [p.name for p in again.paths] == ["can-tho-2027.yaml"]  # the committee is there now


def test_an_existing_units_branding_is_rewritten_and_the_rest_kept(mini: MiniProject) -> None:
    created = scaffold.new_unit(mini.root, UnitArgs("soc-trang"), branding=BrandingArgs(
        display_vi="Chuyên mục Sóc Trăng", display_en="Sóc Trăng section", primary="#0f5c3a", phone="0299 123"))
    assert (mini.root / "plans/units.yaml").read_text(encoding="utf-8") == (
        "units:\n  - id: viet-nam\n    level: national\n    name: {vi: \"Trung ương\", en: \"Central level\"}\n"
        "  - id: soc-trang\n    level: province\n    name: {vi: \"Tỉnh Sóc Trăng\", en: \"Sóc Trăng Province\"}\n"
        "    parent: viet-nam\n    branding:\n"
        "      display_name: {vi: \"Chuyên mục Sóc Trăng\", en: \"Sóc Trăng section\"}\n"
        "      colors: {primary: \"#0f5c3a\", accent: \"#ffcc00\"}\n"
        "      contact:\n        phone: \"0299 123\"\n"
    )
    assert created.next_steps[:2] == [
        "Đã cập nhật tên, màu và thông tin liên hệ của soc-trang trong plans/units.yaml.",
        "Updated the name, colours and contact of soc-trang in plans/units.yaml.",
    ]
    scaffold.new_unit(mini.root, UnitArgs("soc-trang"), branding=BrandingArgs(email="a@b.example"))
    text = (mini.root / "plans/units.yaml").read_text(encoding="utf-8")
    assert text.count("    branding:\n") == 1
    assert "      contact:\n        email: \"a@b.example\"\n        phone: \"0299 123\"\n" in text
    assert check_project(mini.root)[1].errors == []


@pytest.mark.parametrize(("call", "message"), [
    (lambda root: scaffold.new_article(root, ArticleArgs("!!!", "x", [], "y")), "cannot make an id from '!!!'"),
    (lambda root: scaffold.new_article(root, ArticleArgs("Tin", "x", [], "y", date="2026-02-30")),
     "--date: '2026-02-30' không phải ngày dạng YYYY-MM-DD / is not a date YYYY-MM-DD"),
    (lambda root: scaffold.new_article(root, ArticleArgs("Tin", "x", [], "y", unit="soc-trang\nevil: 1")),
     "--unit: 'soc-trang\nevil: 1' không phải là mã"),
    (lambda root: scaffold.new_event(root, EventArgs("e", "a", "b", None, "02-30", "c", "d")), "--yearly: '02-30'"),
    (lambda root: scaffold.new_event(root, EventArgs("e", "a", "b", "2026-01-01", "01-01", "c", "d")),
     "give exactly one of --date YYYY-MM-DD or --yearly MM-DD"),
    (lambda root: scaffold.new_unit(root, UnitArgs("an-giang")), "a new unit needs --name-vi, --name-en and --level"),
    (lambda root: scaffold.new_unit(root, UnitArgs("soc-trang"), branding=BrandingArgs(primary="#ffff00")),
     "màu chính #ffff00 quá nhạt so với chữ trắng (1.07:1, cần ít nhất 4.5:1)\n"
     "    primary colour #ffff00 is too light for white text (1.07:1, needs at least 4.5:1)"),
    (lambda root: scaffold.new_plan(root, PlanArgs(None, "an-giang", None, "a", "b", 2026, 2026)),
     "unknown unit 'an-giang'"),
    (lambda root: scaffold.new_plan(root, PlanArgs(None, "viet-nam", None, "a", "b", 2026, 2026)),
     "the national level: give --issuing-agency"),
])
def test_what_cannot_make_a_valid_file_is_refused(mini: MiniProject, call, message: str) -> None:  # type: ignore[no-untyped-def]
    before = {p: p.read_bytes() for p in mini.root.rglob("*") if p.is_file()}
    with pytest.raises(ScaffoldError) as caught:
        call(mini.root)
    assert message in str(caught.value)
    assert {p: p.read_bytes() for p in mini.root.rglob("*") if p.is_file()} == before


def test_yearly_events_may_fall_on_29_february(mini: MiniProject) -> None:
    scaffold.new_event(mini.root, EventArgs("e", "a", "b", None, "02-29", "c", "d"))
    assert "    month: 2\n    day: 29\n" in (mini.root / "content/data/events.yaml").read_text(encoding="utf-8")
