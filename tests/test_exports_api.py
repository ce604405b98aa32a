"""site_builder.output.exports.api: the JSON API and the CSV files, exact, with their schemas."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import PROGRESS, QUIZ, MiniProject

from site_builder.core.urls import SiteUrls
from site_builder.derive.project import load_project
from site_builder.output.exports.api import write_api
from site_builder.output.writer import Writer

BASE = "https://example.org/asean/"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The API of the rich mini project, with a progress report and a quiz question."""
    from conftest import make_rich

    mini = make_rich(MiniProject(tmp_path_factory.mktemp("api") / "project"))
    mini.write("plans/progress/soc-trang-2022-2022.yaml", PROGRESS)
    mini.write("content/data/quiz.yaml", QUIZ)
    project = load_project(mini.root)
    out = mini.root / "site"
    write_api(project, Writer(out), SiteUrls(BASE))
    return out / "api/v1"


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def links(path: str) -> dict[str, str]:
    return {"vi": f"{BASE}vi/{path}", "en": f"{BASE}en/{path}"}


def text(vi: str, en: str | None) -> dict[str, str | None]:
    return {"vi": vi, "en": en, "vi_source": None}


def test_the_files_and_every_document_valid_against_its_schema(api: Path) -> None:
    assert sorted(p.relative_to(api).as_posix() for p in api.rglob("*") if p.is_file()) == [
        "activities.csv", "agencies.json", "agencies.schema.json", "news.json", "news.schema.json",
        "plan.schema.json", "plans.json", "plans.schema.json", "plans/my-xuyen-2022.json",
        "plans/soc-trang-2022.json", "progress.csv", "progress.json", "progress.schema.json", "quiz.json",
        "quiz.schema.json",
    ]
    for name in ("plans", "agencies", "news", "progress", "quiz"):
        schema = load(api / f"{name}.schema.json")
        assert schema["$id"] == f"{name}.schema.json"
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.validate(load(api / f"{name}.json"), schema)
    for plan in ("soc-trang-2022", "my-xuyen-2022"):
        jsonschema.validate(load(api / f"plans/{plan}.json"), load(api / "plan.schema.json"))


def test_plans_in_order_with_their_issuer_and_parent(api: Path) -> None:
    summary = {
        "title": text("Kế hoạch tuyên truyền, quảng bá ASEAN năm 2022", "Plan for ASEAN communication and promotion in 2022"),
        "short_title": text("Kế hoạch năm 2022", "2022 plan"),
        "number": None, "period": {"start": 2022, "end": 2022}, "status": "expired",
    }
    assert load(api / "plans.json") == {"version": 1, "plans": [
        {"id": "soc-trang-2022", **summary, "issued": "2022-04",
         "issuer": {"id": "soc-trang", "level": "province", "name": text("Tỉnh Sóc Trăng", "Sóc Trăng Province"),
                    "url": links("units/soc-trang/")},
         "issuing_agency": "soc-trang-uy-ban-nhan-dan-tinh", "implements": None, "activities": 2,
         "url": links("plans/soc-trang-2022/"), "data": f"{BASE}api/v1/plans/soc-trang-2022.json"},
        {"id": "my-xuyen-2022", **summary, "issued": "2022-05",
         "issuer": {"id": "my-xuyen", "level": "district", "name": text("Huyện Mỹ Xuyên", "Mỹ Xuyên District"),
                    "url": links("units/my-xuyen/")},
         "issuing_agency": "my-xuyen-uy-ban-nhan-dan-huyen", "implements": "soc-trang-2022", "activities": 0,
         "url": links("plans/my-xuyen-2022/"), "data": f"{BASE}api/v1/plans/my-xuyen-2022.json"},
    ]}


def test_a_plan_document_resolves_every_agency_it_names(api: Path) -> None:
    document = load(api / "plans/soc-trang-2022.json")
    assert list(document) == ["version", "plan", "agencies", "units", "url"]
    assert document["url"] == links("plans/soc-trang-2022/")
    # The issuer first, then in order of first mention (the reporting duty names the department).
    assert list(document["agencies"]) == ["soc-trang-uy-ban-nhan-dan-tinh", "soc-trang-so-thong-tin-va-truyen-thong"]
    assert document["agencies"]["soc-trang-so-thong-tin-va-truyen-thong"] == {
        "id": "soc-trang-so-thong-tin-va-truyen-thong",
        "name": text("Sở Thông tin và Truyền thông", "Department of Information and Communications"),
        "short": None, "kind": "department", "unit": "soc-trang", "succeeded_by": [],
        "url": links("agencies/soc-trang-so-thong-tin-va-truyen-thong/"),
    }
    assert list(document["units"]) == ["soc-trang"]
    activities = document["plan"]["appendix"]["activities"]
    assert [(a["id"], a["pillars"], a["partners"]) for a in activities] == [
        ("I.1", ["identity"], None),
        ("I.2", [], {"text": text("Ủy ban nhân dân tỉnh", "Provincial People's Committee"),
                     "agencies": ["soc-trang-uy-ban-nhan-dan-tinh"]}),
    ]


def test_agencies_in_file_order(api: Path) -> None:
    agencies = load(api / "agencies.json")["agencies"]
    assert [(a["id"], a["kind"], a["unit"], a["url"]) for a in agencies] == [
        ("soc-trang-uy-ban-nhan-dan-tinh", "people-committee", "soc-trang",
         links("agencies/soc-trang-uy-ban-nhan-dan-tinh/")),
        ("soc-trang-so-thong-tin-va-truyen-thong", "department", "soc-trang",
         links("agencies/soc-trang-so-thong-tin-va-truyen-thong/")),
        ("my-xuyen-uy-ban-nhan-dan-huyen", "people-committee", "my-xuyen",
         links("agencies/my-xuyen-uy-ban-nhan-dan-huyen/")),
    ]


def test_news_of_both_languages_newest_first(api: Path) -> None:
    news = load(api / "news.json")["news"]
    assert news[0] == {
        "lang": "vi", "path": "news/tin-soc-trang.md", "title": "Tin Sóc Trăng", "description": "Tin Sóc Trăng.",
        "date": "2022-05-02", "topics": ["identity"], "tags": ["hop-tac"], "url": f"{BASE}vi/news/tin-soc-trang/",
        "image": None,
    }
    assert [(n["lang"], n["path"], n["title"]) for n in news] == [
        ("vi", "news/tin-soc-trang.md", "Tin Sóc Trăng"),
        ("vi", "news/tin-kinh-te.md", "Tin kinh tế"),
        ("en", "news/tin-soc-trang.md", "Sóc Trăng news"),
        ("en", "news/tin-kinh-te.md", "Economic news"),
    ]


def test_the_quiz_with_the_address_its_sources_are_below(api: Path) -> None:
    quiz = load(api / "quiz.json")
    assert quiz["base"] == BASE
    assert [(q["id"], q["type"], q["correct"], q["source"]) for q in quiz["questions"]] == [
        ("ke-hoach", "true-false", True, "plans/"),
    ]


def test_progress_by_plan_and_year_with_every_task(api: Path) -> None:
    years = load(api / "progress.json")["years"]
    counts = {"done": 0, "ongoing": 0, "in-progress": 0, "not-started": 0, "cancelled": 0}
    department = ["soc-trang-so-thong-tin-va-truyen-thong"]
    assert [{k: v for k, v in year.items() if k != "records"} for year in years] == [
        {"plan": "soc-trang-2022", "year": 2022, "example": True, "total": 2,
         "counts": {**counts, "in-progress": 1}, "not_reported": 1, "progress": 40.0,
         "tasks": [
             {"kind": "activity", "id": "I.1", "parent": None, "agencies": department,
              "status": "in-progress", "progress": 40.0},
             {"kind": "activity", "id": "I.2", "parent": None, "agencies": department,
              "status": "not-reported", "progress": None},
         ]},
        # A plan without an appendix is tracked by the assignments of its body.
        {"plan": "my-xuyen-2022", "year": 2022, "example": False, "total": 1, "counts": counts,
         "not_reported": 1, "progress": None,
         "tasks": [{"kind": "assignment", "id": "II.1", "parent": None, "agencies": department,
                    "status": "not-reported", "progress": None}]},
    ]
    assert [(r["activity"], r["status"], r["done"]) for r in years[0]["records"]] == [
        ("I.1", "in-progress", text("Đã đăng 12 tin", "12 news items published")),
    ]
    assert years[1]["records"] == []


def test_progress_csv(api: Path) -> None:
    assert (api / "progress.csv").read_bytes().decode("utf-8") == (
        '\ufeff"plan_id","year","activity_id","assignment","parent","status","progress","computed_progress",'
        '"done_vi","done_en","reporting_agency","updated","example"\r\n'
        '"soc-trang-2022",2022,"I.1","","","in-progress",40,40,"Đã đăng 12 tin","12 news items published",'
        '"soc-trang-so-thong-tin-va-truyen-thong","2022-11-15","yes"\r\n'
        '"soc-trang-2022",2022,"I.2","","","not-reported","","","","","","",""\r\n'
        '"my-xuyen-2022",2022,"","II.1","","not-reported","","","","","","",""\r\n'
    )


def test_activities_csv(api: Path) -> None:
    """Blank cells of the source stay empty and are named in ``not_stated``."""
    plan = ('"soc-trang-2022","Kế hoạch tuyên truyền, quảng bá ASEAN năm 2022",'
            '"Plan for ASEAN communication and promotion in 2022"')
    group = '"I","Tuyên truyền thường xuyên","Ongoing communication"'
    lead = ('"Sở Thông tin và Truyền thông","Department of Information and Communications",'
            '"soc-trang-so-thong-tin-va-truyen-thong"')
    assert (api / "activities.csv").read_bytes().decode("utf-8") == (
        '\ufeff"plan_id","plan_title_vi","plan_title_en","activity_id","group","group_name_vi","group_name_en",'
        '"name_vi","name_en","lead_vi","lead_en","lead_agency_ids","partners_vi","partners_en",'
        '"partner_agency_ids","timeline_vi","timeline_en","timeline_kind","start_year","end_year","pillars",'
        '"not_stated","url_vi","url_en"\r\n'
        f'{plan},"I.1",{group},"Tuyên truyền về các sự kiện quan trọng của ASEAN",'
        f'"Communicate about major ASEAN events",{lead},"","","",'
        '"Thường xuyên trong năm 2022","Ongoing throughout 2022","continuous",2022,2022,"identity","partners",'
        f'"{BASE}vi/plans/soc-trang-2022/activities/i-1/","{BASE}en/plans/soc-trang-2022/activities/i-1/"\r\n'
        f'{plan},"I.2",{group},"Duy trì thông tin thường kỳ về ASEAN trên báo, đài",'
        f'"Keep regular ASEAN news in the press and on air",{lead},'
        '"Ủy ban nhân dân tỉnh","Provincial People\'s Committee","soc-trang-uy-ban-nhan-dan-tinh",'
        '"Trong năm 2022","In 2022","year",2022,2022,"","",'
        f'"{BASE}vi/plans/soc-trang-2022/activities/i-2/","{BASE}en/plans/soc-trang-2022/activities/i-2/"\r\n'
    )
