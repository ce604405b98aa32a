"""``/calendar.ics`` (RFC 5545, with the icalendar library): ASEAN days, dated events and
the plans' reporting deadlines, as all-day events with both languages in each text.

Recurring ASEAN days start in the first year of the earliest plan; a plan's yearly
deadline recurs over the plan's own period and stops there. ``DTSTAMP`` is required
by the standard; it is the newest date in the content, not the build time, so the
file only changes when the content does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Calendar, Event

from site_builder.core import urls
from site_builder.derive.project import Project
from site_builder.model import Text
from site_builder.output.writer import Writer

PRODID = "-//ASEAN section kit//Chuyen muc ASEAN//VI-EN"


def _both(text: Text) -> str:
    return f"{text.vi} / {text.en}" if text.en and text.en != text.vi else text.vi


def content_stamp(project: Project) -> dt.datetime:
    """The newest date found in the content and plans: a stable DTSTAMP."""
    dates = [p.meta.date for p in project.content.pages.values() if p.meta.date]
    dates += [p.meta.updated for p in project.content.pages.values() if p.meta.updated]
    dates += [plan.issued for plan in project.data.plans.values() if plan.issued]
    full = [day for d in dates if (day := d.as_date()) is not None]
    newest = max(full) if full else dt.date(2021, 1, 1)
    return dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC)


@dataclass(frozen=True)
class _Stamp:
    """When the calendar's content last changed: the DTSTAMP of every event it holds."""

    at: dt.datetime

    def all_day(self, uid: str, start: dt.date, end: dt.date, summary: str, description: str) -> Event:
        """An event of whole days, ``start`` to ``end`` included."""
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", self.at)
        event.add("dtstart", start)
        event.add("dtend", end + dt.timedelta(days=1))
        event.add("summary", summary)
        if description:
            event.add("description", description)
        event.add("transp", "TRANSPARENT")
        return event


def build_calendar(project: Project) -> Calendar:
    index = project.index
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Chuyên mục ASEAN / ASEAN section")
    stamp = _Stamp(content_stamp(project))
    first_year = min(p.period.start for p in index.plans) if index.plans else 2021
    for e in project.content.events or []:
        uid = f"{e.id}@asean-section"
        if e.recurrence == "yearly":
            assert e.month and e.day
            start = dt.date(first_year, e.month, e.day)
            end = dt.date(first_year, e.end_month or e.month, e.end_day or e.day)
            event = stamp.all_day(uid, start, end, _both(e.title), _both(e.description))
            event.add("rrule", {"freq": "yearly"})
        else:
            first = e.date.as_date() if e.date else None
            assert first is not None
            finish = (e.end.as_date() if e.end else None) or first
            event = stamp.all_day(uid, first, finish, _both(e.title), _both(e.description))
        event.add("categories", ["ASEAN", *e.topics])
        cal.add_component(event)
    for number, (plan, placed, deadline) in enumerate(index.deadlines):
        uid = f"{plan.id}-{placed.anchor}-{number}@asean-section"
        title = Text(vi=f"Hạn báo cáo: {deadline.what.vi}", en=f"Reporting deadline: {deadline.what.text('en')}")
        description = _both(plan.short_title)
        if deadline.recurrence == "yearly":
            assert deadline.month and deadline.day
            start = dt.date(plan.period.start, deadline.month, deadline.day)
            event = stamp.all_day(uid, start, start, _both(title), description)
            event.add("rrule", {"freq": "yearly", "until": dt.date(plan.period.end, 12, 31)})
        elif deadline.recurrence == "once" and deadline.date and deadline.date.as_date():
            day = deadline.date.as_date()
            assert day is not None
            event = stamp.all_day(uid, day, day, _both(title), description)
        else:
            continue  # "when requested": no date to put in a calendar
        event.add("categories", ["deadline", plan.id])
        cal.add_component(event)
    return cal


def write_calendar(project: Project, writer: Writer) -> None:
    writer.bytes(urls.CALENDAR, build_calendar(project).to_ical(), "calendar")
