"""site_builder/planpage.py: the top of a plan page, on in-memory plans."""

from __future__ import annotations

from types import SimpleNamespace as NS

from site_builder.charts import Cell
from site_builder.planpage import activity_charts, notes, status_chart, status_series
from site_builder.tracker import Summary


def t(message: str) -> str:
    return message


def text(vi: str, en: str) -> NS:
    return NS(vi=vi, en=en)


def test_source_notes_name_the_part_of_the_document_not_the_data_field() -> None:
    quirks = [NS(field="number", note=text("Không số", "No number")),
              NS(field="appendix.note", note=text("Ghi chú", "A note")),
              NS(field="budget.sources[2]", note=text("Lạ", "Odd"))]
    assert [n.part for n in notes(quirks, t)] == ["Number of the document", "Note under the list of activities",
                                                 "About this part"]
    assert notes(quirks, t)[1].text.en == "A note"


def activity(group: str, pillars: list[str], lead: list[str] | None) -> NS:
    return NS(group=group, pillars=pillars, lead=NS(agencies=lead) if lead else None)


def test_activities_are_counted_by_group_pillar_and_lead_agency() -> None:
    plan = NS(id="p", appendix=NS(
        groups=[NS(id="I", name=text("Nhóm một", "Group one")), NS(id="II", name=text("Nhóm hai", "Group two"))],
        activities=[activity("I", ["economic"], ["a", "b"]), activity("II", ["economic", "tourism"], ["b"]),
                    activity("II", [], None)]))
    names = {"a": "Agency A", "b": "Agency B"}
    charts = activity_charts(plan, "en", lambda x: x.en, names.__getitem__, t, lambda v: f"{v:g}")
    groups, pillars, leads = charts
    assert groups.rows == [[Cell("I. Group one", "plans/p/#group-i"), Cell("1")],
                           [Cell("II. Group two", "plans/p/#group-ii"), Cell("2")]]
    assert pillars.rows == [[Cell("Economic pillar", "pillars/economic/"), Cell("2")],
                            [Cell("Tourism", "pillars/tourism/"), Cell("1")]]
    assert leads.title == "Activities by lead agency"
    assert leads.rows == [[Cell("Agency B", "agencies/b/"), Cell("2")], [Cell("Agency A", "agencies/a/"), Cell("1")],
                          [Cell("Lead agency not stated in the source"), Cell("1")]]
    assert 'fill="url(#p-leads-not-stated)"' in leads.svg  # hatched, not one more agency's bar
    assert activity_charts(NS(id="q", appendix=None), "en", str, str, t, str) == []


def test_implementation_by_year_counts_each_status_and_what_was_not_reported() -> None:
    s2022 = Summary(2022, total=3, not_reported=1)
    s2022.counts["done"] = 2
    chart = status_chart("c", "By year", [s2022, Summary(2023, total=3, not_reported=3)], t, lambda v: f"{v:g}")
    assert chart.headers == ["Year", "Done", "Not reported", "Total"]
    assert chart.rows[1] == [Cell("2023"), Cell("0"), Cell("3"), Cell("3")]
    assert chart.summary == "By year. 2022: Done 2, Not reported 1; 2023: Not reported 3."
    assert [s.key for s in status_series(t)] == ["done", "ongoing", "in-progress", "not-started", "cancelled",
                                                 "not-reported"]
