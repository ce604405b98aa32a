"""site_builder.output.exports.calendar: ``/calendar.ics`` from the events and the plans' deadlines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import MiniProject

from site_builder.derive.project import load_project
from site_builder.output.exports.calendar import build_calendar, content_stamp, write_calendar
from site_builder.output.writer import Writer

EXPECTED = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//ASEAN section kit//Chuyen muc ASEAN//VI-EN
CALSCALE:GREGORIAN
X-WR-CALNAME:Chuyên mục ASEAN / ASEAN section
BEGIN:VEVENT
SUMMARY:Ngày ASEAN / ASEAN Day
DTSTART;VALUE=DATE:20220808
DTEND;VALUE=DATE:20220809
DTSTAMP:20220502T000000Z
UID:ngay-asean@asean-section
RRULE:FREQ=YEARLY
CATEGORIES:ASEAN,identity
DESCRIPTION:Kỷ niệm ngày thành lập ASEAN. / ASEAN's founding day.
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
SUMMARY:Hội nghị
DTSTART;VALUE=DATE:20220510
DTEND;VALUE=DATE:20220512
DTSTAMP:20220502T000000Z
UID:hoi-nghi@asean-section
CATEGORIES:ASEAN
DESCRIPTION:Hai ngày. / Two days.
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
SUMMARY:Hạn báo cáo: Báo cáo năm / Reporting deadline: Yearly repor
 t
DTSTART;VALUE=DATE:20221115
DTEND;VALUE=DATE:20221116
DTSTAMP:20220502T000000Z
UID:soc-trang-2022-s-2-1-0@asean-section
RRULE:FREQ=YEARLY;UNTIL=20221231
CATEGORIES:deadline,soc-trang-2022
DESCRIPTION:Kế hoạch năm 2022 / 2022 plan
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
SUMMARY:Hạn báo cáo: Báo cáo sơ kết / Reporting deadline: Interim
  report
DTSTART;VALUE=DATE:20220630
DTEND;VALUE=DATE:20220701
DTSTAMP:20220502T000000Z
UID:soc-trang-2022-s-2-1-1@asean-section
CATEGORIES:deadline,soc-trang-2022
DESCRIPTION:Kế hoạch năm 2022 / 2022 plan
TRANSP:TRANSPARENT
END:VEVENT
END:VCALENDAR
"""


def test_events_and_dated_deadlines_as_all_day_events(rich: MiniProject, tmp_path: Path) -> None:
    """A yearly event recurs from the first plan's first year; a one-off event ends the day
    after its last day (DTEND is exclusive); a yearly deadline stops with its plan's period;
    a deadline "on request" has no date and stays out; one language when both are the same."""
    project = load_project(rich.root)
    write_calendar(project, Writer(tmp_path))
    assert (tmp_path / "calendar.ics").read_bytes() == EXPECTED.replace("\n", "\r\n").encode()


def test_the_stamp_is_the_newest_date_of_the_content_not_the_clock(rich: MiniProject) -> None:
    project = load_project(rich.root)
    assert content_stamp(project) == dt.datetime(2022, 5, 2, tzinfo=dt.UTC)  # the newest article


def test_without_dated_content_the_stamp_is_fixed(mini: MiniProject) -> None:
    mini.replace("plans/soc-trang-2022.yaml", "issued: 2022-04", "issued: null")
    project = load_project(mini.root)
    assert content_stamp(project) == dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    assert [c.name for c in build_calendar(project).subcomponents] == []
