"""site_builder.topics: the three Community pillars and the cross-cutting topics."""

from __future__ import annotations

from site_builder.topics import TOPIC_BY_ID, TOPICS


def test_pillars_first_then_cross_cutting_topics() -> None:
    assert [(t.id, t.abbr, t.pillar) for t in TOPICS] == [
        ("political-security", "APSC", True),
        ("economic", "AEC", True),
        ("socio-cultural", "ASCC", True),
        ("covid-19", "COVID-19", False),
        ("tourism", "DL/TOUR", False),
        ("identity", "ID", False),
        ("connectivity", "CONN", False),
    ]
    assert list(TOPIC_BY_ID) == [t.id for t in TOPICS]


def test_a_topic_is_named_in_each_language() -> None:
    economic = TOPIC_BY_ID["economic"]
    assert economic.name("vi") == "Trụ cột Kinh tế"
    assert economic.name("en") == "Economic pillar"
    assert TOPIC_BY_ID["socio-cultural"].name("vi") == "Trụ cột Văn hóa - Xã hội"
    assert TOPIC_BY_ID["tourism"].name("en") == "Tourism"
