"""The five source plans as encoded in plans/: complete, bilingual, every id resolving."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from site_builder.inputs.loader import Dataset, check_dataset
from site_builder.inputs.references import iter_models
from site_builder.model import Text

ROOT = Path(__file__).resolve().parent.parent
PLAN_IDS = {
    "bcd-asean-2021-2025",
    "dong-thap-2021-2025",
    "soc-trang-2022",
    "binh-phuoc-2021-2025",
    "dong-son-2021-2025",
}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    data, problems = check_dataset(ROOT)
    assert not problems, "\n".join(p.format() for p in problems.sorted())
    assert data is not None
    return data


def test_the_five_plans_are_there(dataset: Dataset) -> None:
    assert set(dataset.plans) == PLAN_IDS


@pytest.mark.parametrize(
    ("plan_id", "groups"),
    [
        ("bcd-asean-2021-2025", {"I": 5, "II": 45, "III": 10, "IV": 5}),
        ("soc-trang-2022", {"I": 4, "II": 5}),
    ],
)
def test_appendix_counts(dataset: Dataset, plan_id: str, groups: dict[str, int]) -> None:
    appendix = dataset.plans[plan_id].appendix
    assert appendix is not None
    assert Counter(a.group for a in appendix.activities) == groups
    for group in groups:
        numbers = [a.number for a in appendix.activities if a.group == group]
        assert numbers == list(range(1, groups[group] + 1)), f"{plan_id} group {group} not numbered 1..n in order"


@pytest.mark.parametrize("plan_id", ["dong-thap-2021-2025", "binh-phuoc-2021-2025", "dong-son-2021-2025"])
def test_plans_without_appendix_have_assignments_reporting_and_themes(dataset: Dataset, plan_id: str) -> None:
    plan = dataset.plans[plan_id]
    assert plan.appendix is None
    kinds = Counter(ctx.kind for _, ctx, _ in plan.nodes())
    assert kinds["assignment"] >= 3
    assert kinds["reporting"] >= 1
    assert kinds["themes"] >= 3
    assert any(ctx.pillars for node, ctx, _ in plan.nodes() if ctx.kind == "themes")


def test_every_text_has_both_languages(dataset: Dataset) -> None:
    missing = []
    for owner in [*dataset.plans.values(), *dataset.agencies.values(), *dataset.units.values()]:
        for loc, obj in iter_models(owner):
            if isinstance(obj, Text) and not (obj.vi and obj.en):
                missing.append((getattr(owner, "id", "?"), loc))
    assert missing == []


def test_every_activity_has_both_languages_and_resolving_agencies(dataset: Dataset) -> None:
    for plan in dataset.plans.values():
        for activity in plan.appendix.activities if plan.appendix else []:
            assert activity.name.vi and activity.name.en
            for parties in (activity.lead, activity.partners):
                if parties is not None:
                    assert all(a in dataset.agencies for a in parties.agencies)


def test_known_quirks_of_the_national_appendix_are_recorded(dataset: Dataset) -> None:
    appendix = dataset.plans["bcd-asean-2021-2025"].appendix
    assert appendix is not None
    rows = {a.id: a for a in appendix.activities}
    iv5 = rows["IV.5"]
    assert iv5.timeline.kind == "other"
    assert iv5.timeline.text is not None and iv5.timeline.text.vi == "Bộ Thông tin và Truyền thông"
    assert any(q.code == "misplaced-value" and q.field.startswith("timeline") for q in iv5.quirks)
    blank_leads = [a for a in appendix.activities if a.lead is None]
    assert blank_leads, "the source has rows without a lead agency"
    for activity in blank_leads:
        assert any(q.field.startswith("lead") for q in activity.quirks), activity.id


def test_blank_fields_of_soc_trang_stay_not_stated(dataset: Dataset) -> None:
    plan = dataset.plans["soc-trang-2022"]
    assert plan.number is None
    assert plan.number_as_printed == "Số: /KH-UBND"
    assert plan.issued == "2022-04"
    assert {q.field for q in plan.quirks} >= {"number", "issued"}


def test_chain_of_legal_basis(dataset: Dataset) -> None:
    national = dataset.plans["bcd-asean-2021-2025"]
    assert any(ref.implements and ref.number == "1160/QĐ-TTg" for ref in national.legal_basis)
    assert dataset.plans["dong-thap-2021-2025"].parent_plan == "bcd-asean-2021-2025"
    soc_trang = dataset.plans["soc-trang-2022"]
    assert any(ref.implements and ref.number == "152/KH-UBND" for ref in soc_trang.legal_basis)
    dong_son = dataset.plans["dong-son-2021-2025"]
    assert any(ref.implements and ref.number == "217/KH-UBND" for ref in dong_son.legal_basis)


def test_reporting_deadlines(dataset: Dataset) -> None:
    def yearly(plan_id: str) -> set[tuple[int, int]]:
        plan = dataset.plans[plan_id]
        return {
            (d.month, d.day)
            for node, _, _ in plan.nodes()
            for d in node.deadlines
            if d.recurrence == "yearly" and d.month and d.day
        }

    assert (11, 15) in yearly("bcd-asean-2021-2025")
    assert (11, 15) in yearly("dong-thap-2021-2025")
    assert {(11, 1), (11, 10)} <= yearly("binh-phuoc-2021-2025")


def test_2025_reorganisation(dataset: Dataset) -> None:
    mic = dataset.agencies["bo-thong-tin-va-truyen-thong"]
    assert mic.succeeded_by[0].to == "bo-khoa-hoc-va-cong-nghe"
    assert mic.succeeded_by[0].effective == "2025-03-01"
    dong_son = dataset.units["dong-son"]
    assert dong_son.level == "district"
    assert [s.effective for s in dong_son.succeeded_by] == ["2025-01-01", "2025-07-01"]


def test_plan_files_reference_their_schema() -> None:
    for path in sorted((ROOT / "plans").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema = {"units.yaml": "units", "agencies.yaml": "agencies"}.get(path.name, "plan")
        assert first == f"# yaml-language-server: $schema=../schemas/{schema}.schema.json", path.name
