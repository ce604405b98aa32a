"""site_builder.derive.index: the cross-references of one dataset, computed in one pass."""

from __future__ import annotations

import pytest
from conftest import MiniProject

from site_builder.derive.index import SiteIndex, placed_nodes
from site_builder.derive.project import load_project


@pytest.fixture
def index(rich: MiniProject) -> SiteIndex:
    return SiteIndex(load_project(rich.root).data)


def test_plans_in_order_of_level_then_issuer_with_their_children(index: SiteIndex) -> None:
    assert [p.id for p in index.plans] == ["soc-trang-2022", "my-xuyen-2022"]
    assert [(level, [p.id for p in plans]) for level, plans in index.plans_by_level()] == [
        ("province", ["soc-trang-2022"]), ("district", ["my-xuyen-2022"]),
    ]
    assert {parent: [p.id for p in plans] for parent, plans in index.children.items()} == {
        "soc-trang-2022": ["my-xuyen-2022"],
    }


def test_every_node_with_its_anchor_depth_and_inherited_context(index: SiteIndex) -> None:
    placed = [(n.anchor, n.depth, n.ctx.kind, n.ctx.pillars, n.ctx.agencies, n.ctx.path)
              for n in index.placed["soc-trang-2022"]]
    agency = ("soc-trang-so-thong-tin-va-truyen-thong",)
    assert placed == [
        ("s-1", 1, "purposes", ("economic",), (), ("I",)),
        ("s-1-1", 2, "purposes", ("economic",), (), ("I",)),
        ("s-2", 1, "implementation", (), (), ("II",)),
        ("s-2-1", 2, "reporting", (), (), ("II", "1")),
        ("s-2-2", 2, "assignment", (), agency, ("II", "2")),
        ("s-2-2-1", 3, "assignment", (), agency, ("II", "2")),
    ]
    plan = index.plans[0]
    assert [n.anchor for n in placed_nodes(plan)] == [n.anchor for n in index.placed[plan.id]]


def test_who_is_named_where(index: SiteIndex) -> None:
    def mentions(agency: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
        return [(i.plan.id, i.role, i.activity.id if i.activity else None, i.placed.anchor if i.placed else None,
                 i.deadline.what.en if i.deadline else None) for i in index.involvements[agency]]

    assert mentions("soc-trang-uy-ban-nhan-dan-tinh") == [
        ("soc-trang-2022", "issuer", None, None, None),
        ("soc-trang-2022", "receives", None, "s-2-1", "Yearly report"),
        ("soc-trang-2022", "partner", "I.2", None, None),
    ]
    assert mentions("soc-trang-so-thong-tin-va-truyen-thong") == [
        ("soc-trang-2022", "reports", None, "s-2-1", "Yearly report"),
        ("soc-trang-2022", "assignee", None, "s-2-2", None),
        ("soc-trang-2022", "lead", "I.1", None, None),
        ("soc-trang-2022", "lead", "I.2", None, None),
        ("my-xuyen-2022", "assignee", None, "s-2-1", None),
    ]
    assert mentions("my-xuyen-uy-ban-nhan-dan-huyen") == [("my-xuyen-2022", "issuer", None, None, None)]
    assert index.agencies_in(index.plans[0]) == ["soc-trang-so-thong-tin-va-truyen-thong"]
    assert index.agencies_in(index.plans[1]) == []


def test_what_is_under_each_pillar_and_topic(index: SiteIndex) -> None:
    tagged = {
        topic: ([(p.id, [n.anchor for n in nodes]) for p, nodes in view.themes],
                [(p.id, [a.id for a in acts]) for p, acts in view.activities])
        for topic, view in index.topics.items() if view.themes or view.activities
    }
    assert tagged == {
        "economic": ([("soc-trang-2022", ["s-1"])], []),
        "identity": ([], [("soc-trang-2022", ["I.1"])]),
    }
    assert list(index.topics) == ["political-security", "economic", "socio-cultural", "covid-19", "tourism",
                                  "identity", "connectivity"]


def test_deadlines_in_plan_order(index: SiteIndex) -> None:
    assert [(plan.id, placed.anchor, d.recurrence, d.what.en) for plan, placed, d in index.deadlines] == [
        ("soc-trang-2022", "s-2-1", "yearly", "Yearly report"),
        ("soc-trang-2022", "s-2-1", "once", "Interim report"),
        ("soc-trang-2022", "s-2-1", "on-request", "Ad hoc report"),
    ]


def test_units_carry_their_former_units_and_districts(index: SiteIndex) -> None:
    assert dict(index.unit_children) == {"viet-nam": ["soc-trang", "can-tho"], "soc-trang": ["my-xuyen"]}
    assert dict(index.absorbed) == {"can-tho": ["soc-trang"]}
    assert index.carried == {
        "viet-nam": ["viet-nam"],
        "soc-trang": ["soc-trang", "my-xuyen"],
        "can-tho": ["can-tho", "soc-trang", "my-xuyen"],
        "my-xuyen": ["my-xuyen"],
    }
    assert index.successor("soc-trang") == "can-tho"
    assert index.successor("can-tho") is None
    assert index.successor("my-xuyen") is None
