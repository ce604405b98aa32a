"""Data for other systems: JSON against its schemas, CSV round trip, feeds, calendar."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser
import jsonschema
from conftest import SITE_URL
from icalendar import Calendar


def load(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


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
    assert national["agencies"]["bo-ngoai-giao"]["name"] == {"vi": "Bộ Ngoại giao", "en": "Ministry of Foreign Affairs", "vi_source": None}
    lead_ids = {a for act in national["plan"]["appendix"]["activities"] if act["lead"] for a in act["lead"]["agencies"]}
    assert lead_ids <= set(national["agencies"])
    agencies = load(api / "agencies.json")
    jsonschema.validate(agencies, load(api / "agencies.schema.json"))


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
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    assert ("\ufeff" + out.getvalue()).encode("utf-8") == raw


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
