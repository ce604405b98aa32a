"""What the national plan asks of each unit (site_builder/derive/assignments.py, issue 36):
the activities and assignments a unit leads, then those it supports, then those the plan gives
to a group of bodies it belongs to; a former body's tasks under its successor with its own
name; the status of each from the records, and which central units reported in a year."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import ROOT

from site_builder.core.problems import ProblemList
from site_builder.derive.assignments import (
    GROUPS,
    Duty,
    UnitDuties,
    central_reports,
    is_member,
    standing_for,
    unit_duties,
)
from site_builder.derive.index import SiteIndex
from site_builder.derive.project import Project
from site_builder.derive.tracker import Tracker
from site_builder.inputs.loader import Dataset
from site_builder.model.progress import ProgressFile

NATIONAL = "bcd-asean-2021-2025"
LEFT_OUT = {"cac-co-quan-dai-dien-viet-nam-o-nuoc-ngoai", "cac-co-quan-xuat-ban-trung-uong-va-dia-phuong",
            "cac-dai-phat-thanh-truyen-hinh-cac-tinh"}
"""Groups whose members have no section of their own (missions abroad, publishers, provincial
stations): shown to no unit, on purpose (the module's docstring)."""


@pytest.fixture(scope="module")
def data(real_check: tuple[Project | None, ProblemList]) -> Dataset:
    project, problems = real_check
    assert project is not None, problems
    return project.data


def duties_of(data: Dataset, unit_id: str) -> UnitDuties:
    return unit_duties(SiteIndex(data), Tracker(data), unit_id)


def keys(duties: list[Duty]) -> list[str]:
    return [d.key for d in duties]


def test_a_ministry_leads_then_coordinates_then_shares_each_task_once(data: Dataset) -> None:
    mofa = duties_of(data, "bo-ngoai-giao")
    assert keys(mofa.leads)[:3] == ["I.2", "I.3", "I.4"]  # the appendix's order
    assert "I.1" in keys(mofa.coordinates)  # led by the Propaganda Commission, with the ministry
    everything = keys(mofa.leads) + keys(mofa.coordinates) + keys(mofa.shared)
    assert len(everything) == len(set(everything))  # I.2's "relevant ministries" does not repeat it
    assert all(d.named == ("bo-ngoai-giao",) and not d.former for d in mofa.leads + mofa.coordinates)
    assert {d.role for d in mofa.leads} == {"lead"} and {d.role for d in mofa.coordinates} == {"partner"}
    shared = {d.key: d for d in mofa.shared}
    assert shared["II.5"].groups == shared["II.5"].open_groups == ("cac-bo-nganh-lien-quan", "cac-co-quan-lien-quan")
    assert [d.section for d in mofa.leads + mofa.coordinates + mofa.shared] == \
        ["leads"] * len(mofa.leads) + ["coordinates"] * len(mofa.coordinates) + ["shared"] * len(mofa.shared)


def test_a_former_bodys_tasks_show_under_its_successor_with_its_name(data: Dataset) -> None:
    most = duties_of(data, "bo-khoa-hoc-va-cong-nghe")
    leads = {d.key: d for d in most.leads}
    assert leads["II.11"].named == leads["II.11"].former == ("bo-thong-tin-va-truyen-thong",)
    report = next(d for d in most.leads if d.deadline is not None)  # MIC compiled the yearly report
    assert report.role == "reports" and report.former == ("bo-thong-tin-va-truyen-thong",) and not report.cells
    home = duties_of(data, "bo-noi-vu")  # the Ministry of Labour, Invalids and Social Affairs' activities
    assert home.leads and all(d.former == ("bo-lao-dong-thuong-binh-va-xa-hoi",) for d in home.leads)
    # the Ministry of Finance's web portal, a body of its own, stands for it too (a partner in
    # activities the ministry leads: shown once, as led)
    assert standing_for(data, data.units["bo-tai-chinh"])[0] == ["bo-tai-chinh", "cong-thong-tin-dien-tu-bo-tai-chinh"]


def test_a_press_agency_leads_the_press_activities_and_shares_those_of_the_press(data: Dataset) -> None:
    vov = duties_of(data, "dai-tieng-noi-viet-nam")
    assert "III.5" in keys(vov.leads) and not vov.coordinates
    shared = {d.key: d for d in vov.shared}
    assert "I.2" in shared and "I.2" not in keys(vov.leads)
    assert "cac-co-quan-bao-chi-trung-uong-va-dia-phuong" in shared["I.2"].groups
    assert "cac-co-quan-bao-chi-trung-uong-va-dia-phuong" not in shared["I.2"].open_groups  # every press agency is one
    radio_tv = "cac-dai-phat-thanh-truyen-hinh-trung-uong-va-dia-phuong"
    assert is_member(data, data.units["dai-tieng-noi-viet-nam"], radio_tv)
    assert not is_member(data, data.units["thong-tan-xa-viet-nam"], radio_tv)  # a news agency, not a broadcaster


def test_a_province_shares_what_the_plan_gives_every_provincial_peoples_committee(data: Dataset) -> None:
    province = duties_of(data, "ha-tinh")
    assert not province.leads and not province.coordinates
    article_4 = next(d for d in province.shared if d.role == "assignee")
    assert "uy-ban-nhan-dan-cac-tinh-thanh-pho-truc-thuoc-trung-uong" in article_4.groups
    assert "uy-ban-nhan-dan-cac-tinh-thanh-pho-truc-thuoc-trung-uong" not in article_4.open_groups
    named = {g for d in province.shared for g in d.groups}
    assert not named & {"cac-bo-nganh-lien-quan", "cac-bo-ban-nganh"}  # not a ministry
    assert "cac-bo-nganh-co-quan-don-vi" in named  # but one of the bodies that report on the plan each year


def test_former_and_unrelated_units_are_members_of_no_group(data: Dataset) -> None:
    for unit_id in ("bo-thong-tin-va-truyen-thong", "soc-trang", "viet-nam"):
        unit = data.units[unit_id]
        assert not any(is_member(data, unit, group) for group in GROUPS), unit_id
    youth = data.units["trung-uong-doan-thanh-nien-cong-san-ho-chi-minh"]
    assert is_member(data, youth, "cac-to-chuc-lien-quan") and not is_member(data, youth, "cac-bo-nganh-lien-quan")


def test_every_group_the_national_plan_names_has_a_rule(data: Dataset) -> None:
    plan = data.plans[NATIONAL]
    named = {a for node, _, _ in plan.nodes() for a in node.agencies}
    named |= {a for node, _, _ in plan.nodes() for d in node.deadlines for a in d.from_agencies}
    for activity in plan.appendix.activities if plan.appendix else []:
        for parties in (activity.lead, activity.partners):
            named |= set(parties.agencies) if parties else set()
    groups = {a for a in named if data.agencies[a].kind == "collective"}
    assert groups - set(GROUPS) == LEFT_OUT
    assert set(GROUPS) <= {a.id for a in data.agencies.values() if a.kind == "collective"}


def test_status_comes_from_the_records_and_only_from_them(data: Dataset) -> None:
    mofa = duties_of(data, "bo-ngoai-giao")
    first = mofa.leads[0]
    assert [c.year for c in first.cells] == [2021, 2022, 2023, 2024, 2025]
    assert {c.status for c in first.cells} == {"not-reported"} and first.reported == 0
    assert all(not y.units for y in central_reports(SiteIndex(data)))  # no record: none reported

    record = ProgressFile.model_validate({
        "plan": NATIONAL, "year": 2023, "reported_by": "bo-khoa-hoc-va-cong-nghe", "updated": "2024-01-15",
        "records": [{"activity": "I.2", "status": "done", "done": {"vi": "Đã xây dựng kế hoạch.", "en": "Plan made."},
                     "reporting_agency": "bo-ngoai-giao", "updated": "2023-12-20"},
                    {"activity": "II.11", "status": "in-progress", "done": {"vi": "Đang làm.", "en": "Under way."},
                     "reporting_agency": "bo-thong-tin-va-truyen-thong", "updated": "2023-12-20"}]})
    with_record = dataclasses.replace(data, progress={**data.progress, (NATIONAL, 2023): record})
    i2 = duties_of(with_record, "bo-ngoai-giao").leads[0]
    assert i2.key == "I.2" and [c.status for c in i2.cells] == ["not-reported"] * 2 + ["done"] + ["not-reported"] * 2
    reports = {y.year: [(u.id, n) for u, n in y.units] for y in central_reports(SiteIndex(with_record))}
    # a record by a former body counts for the unit that carries its tasks today
    assert reports[2023] == [("bo-ngoai-giao", 1), ("bo-khoa-hoc-va-cong-nghe", 1)]
    assert reports[2022] == [] and sorted(reports) == [2021, 2022, 2023, 2024, 2025]


def test_a_central_unit_can_be_the_reporting_agency_of_a_record(data: Dataset) -> None:
    """The progress model names agencies; a central unit's agency has the unit's id, so a
    ministry reports on the national plan's activities it leads in the plan's yearly file."""
    for unit in (u for u in data.units.values() if u.level == "central" and u.current):
        assert unit.id in data.agencies and data.agencies[unit.id].central_unit == unit.id, unit.id


def test_the_module_stays_in_its_layer() -> None:
    text = (ROOT / "site_builder/derive/assignments.py").read_text(encoding="utf-8")
    assert "site_builder.render" not in text and "site_builder.output" not in text
    assert Path(ROOT / "theme/asean/unit-duties.html").exists()
