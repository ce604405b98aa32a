"""site_builder/vocabulary.py: each word defined once, and the models and catalogs agree."""

from __future__ import annotations

from typing import get_args

from site_builder import vocabulary as v
from site_builder.i18n import translations
from site_builder.model.common import Pillar
from site_builder.model.content import QuizTopic
from site_builder.model.plans import TimelineKind
from site_builder.model.progress import Status


def test_models_accept_exactly_the_vocabulary() -> None:
    assert get_args(Status) == v.ids(v.STATUSES)
    assert set(v.ids(v.STATUS_TABLE_ORDER)) == set(v.ids(v.STATUSES))
    assert get_args(TimelineKind) == v.ids(v.TIMELINE_KINDS)
    assert get_args(QuizTopic) == v.ids(v.QUIZ_TOPICS)
    assert get_args(Pillar) == v.TOPIC_IDS


def test_every_label_is_translated() -> None:
    vi = translations("vi").gettext
    terms = [*v.STATUSES, v.NOT_REPORTED, *v.TIMELINE_KINDS, *v.QUIZ_TOPICS, v.MIXED_QUIZ]
    untranslated = [t.msgid for t in terms if t.label(vi) == t.msgid]
    assert untranslated == []
    assert v.STATUS_BY_ID["done"].label(vi) == vi("Done")
    assert v.QUIZ_BY_ID["mixed"].label(translations("en").gettext) == "Mixed quiz: 10 random questions"


def test_topics_name_themselves_in_both_languages() -> None:
    assert [t.abbr for t in v.TOPICS if t.pillar] == ["APSC", "AEC", "ASCC"]
    assert v.TOPIC_BY_ID["economic"].name("vi") == "Trụ cột Kinh tế"
    assert v.TOPIC_BY_ID["economic"].name("en") == "Economic pillar"
