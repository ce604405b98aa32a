"""site_builder/render/frontpage.py: the home page's context, on in-memory data and a stub view."""

from __future__ import annotations

from types import SimpleNamespace as NS

from site_builder.core import urls
from site_builder.derive.charts import Cell
from site_builder.model.plans import Period
from site_builder.render.frontpage import PlanCard, events, figures, plan_card, population_note, story


def t(message: str) -> str:
    return message


def text(en: str) -> NS:
    return NS(vi=en, en=en)


def view(**more: object) -> NS:
    base = dict(lang="en", plain=lambda x: x.en, number=lambda v: f"{v:g}", date=lambda d: f"<{d}>",
                day_month=lambda m, d: f"{d}/{m}", population=lambda p: f"{p.count} ({p.year})")
    base.update(more)
    return NS(**base)


def member(id: str, joined: str, people: int, year: int, km2: float) -> NS:
    source = NS(id="s", title=f"Source {id}", publisher="Statistics office", url=f"https://example.org/{id}/population")
    return NS(id=id, name=text(id.title()), joined=NS(date=joined), area=NS(km2=km2),
              population=NS(count=people, year=year, source=["s"]), cited_sources=lambda: [source])


def test_asean_in_numbers_sums_the_profiles_and_says_for_which_years() -> None:
    members = [member("brunei", "1984-01-07", 450_000, 2019, 5_769), member("thailand", "1967-08-08", 66_000_000, 2023, 513_120),
               member("timor", "2025-10-26", 1_300_000, 2022, 14_950)]
    found, chart = figures(members, view(), t)
    assert [(f.value, f.label) for f in found] == [("3", "member states"), ("68 million", "people"),
                                                  ("0.53 million km²", "total area"), ("1967", "ASEAN founded")]
    assert found[0].note == "the newest, Timor, joined on <2025-10-26>"
    assert found[1].note == "sum of the member states' latest figures, for the years 2019–2023"
    assert chart is not None and chart.headers[-1] == "Source of the population figure"
    assert chart.rows[0] == [Cell("Thailand", "members/thailand/"), Cell("66000000 (2023)"), Cell("513120 km²"),
                             Cell("Source thailand", "https://example.org/thailand/population")]
    assert figures([], view(), t) == ([], None)


def test_events_keep_yearly_days_dates_and_only_the_deadlines_of_plans_in_force() -> None:
    yearly = NS(id="asean-day", title=text("ASEAN Day"), recurrence="yearly", month=8, day=8, link="asean/")
    once = NS(id="summit", title=text("Summit"), recurrence="once", date="2026-05-26", link=None)
    deadline = NS(recurrence="yearly", month=11, day=15, what=text("Yearly report"))
    ended = NS(id="old", status="expired", short_title=text("Old plan"))
    current = NS(id="new", status="in-force", short_title=text("New plan"))
    found = events(view(), [yearly, once], [(ended, NS(anchor="s-1"), deadline), (current, NS(anchor="s-2"), deadline)])
    assert [(e.id, e.when, e.month, e.date, e.url) for e in found] == [
        ("asean-day", "8/8", 8, "", "asean/"),
        ("summit", "<2026-05-26>", None, "2026-05-26", "calendar/#summit"),
        ("new-s-2", "15/11", 11, "", urls.plan_node("new", "s-2")),  # where the plan text carries the anchor
    ]
    assert found[2].title == "Yearly report (New plan)"


def test_a_story_without_a_photo_gets_its_topics_cover() -> None:
    page = NS(url="news/a/", meta=NS(title="A", date="2025-07-28", description="D", topics=["economic", "tourism"]))
    card = story(page, view(picture=lambda p, url: None), "")
    assert (card.picture, card.cover, card.cover_label) == (None, "economic", "AEC")
    assert card.topics == ["Economic pillar", "Tourism"] and card.date_text == "<2025-07-28>"


def test_an_ended_plan_says_when_on_one_line() -> None:
    plan = NS(id="p", short_title=text("Plan"), issuer="u", period=Period(start=2021, end=2025), status="expired")
    v = view(data=NS(units={"u": NS(name=text("Unit"), current=True), "f": NS(name=text("Old unit"), current=False)}))
    card = plan_card(plan, v, t)
    assert card == PlanCard("Plan", "plans/p/", "Unit", "2021–2025", False, "<2025-12-31>")
    plan.issuer = "f"
    assert plan_card(plan, v, t).issuer == "Old unit (former)"


def test_the_population_chart_says_whose_figures_and_for_which_years() -> None:
    members = [member("brunei", "1984-01-07", 450_000, 2019, 5_769), member("thailand", "1967-08-08", 66_000_000, 2023, 513_120)]
    lead = "Source: the latest figure each member state publishes, for the years"
    assert population_note(members, t).startswith(f"{lead} 2019–2023;")
    assert population_note([], t) == ""


def test_figures_from_one_source_and_one_year_say_so() -> None:
    """The profiles' populations all from one source for one year (the UN's World Population
    Prospects for 2025, say): the chart names that source, and the total says it adds like
    with like."""
    members = [member("brunei", "1984-01-07", 466_330, 2025, 5_765), member("thailand", "1967-08-08", 71_619_860, 2025, 513_120)]
    assert population_note(members, t) == ("Source: Statistics office, Source brunei. One source and one year, 2025, "
                                           "for every member state.")
    found, _ = figures(members, view(), t)
    assert found[1].note == "sum of the member states' figures for 2025, from one source"
    mixed = [members[0], member("thailand", "1967-08-08", 66_000_000, 2023, 513_120)]
    assert figures(mixed, view(), t)[0][1].note == "sum of the member states' latest figures, for the years 2023–2025"


def test_a_plan_of_one_year_shows_the_year_once() -> None:
    assert Period(start=2022, end=2022).label == "2022"
    assert Period(start=2021, end=2025).label == "2021–2025"
