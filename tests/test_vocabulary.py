"""site_builder/core/vocabulary.py: each word defined once, and the models and catalogs agree."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import get_args

import pytest

from site_builder.core import vocabulary as v
from site_builder.core.i18n import translations
from site_builder.derive.index import LEVEL_ORDER, Role
from site_builder.derive.translation_status import Gap
from site_builder.model.agencies import AgencyKind
from site_builder.model.common import Pillar
from site_builder.model.content import CitedDocumentType, QuizTopic
from site_builder.model.plans import TimelineKind
from site_builder.model.progress import Status
from site_builder.model.units import Level


def test_models_accept_exactly_the_vocabulary() -> None:
    assert get_args(Status) == v.ids(v.STATUSES)
    assert set(v.ids(v.STATUS_TABLE_ORDER)) == set(v.ids(v.STATUSES))
    assert get_args(TimelineKind) == v.ids(v.TIMELINE_KINDS)
    assert get_args(QuizTopic) == v.ids(v.QUIZ_TOPICS)
    assert get_args(Pillar) == v.TOPIC_IDS
    assert get_args(AgencyKind) == v.ids(v.AGENCY_KINDS)
    assert get_args(CitedDocumentType) == v.ids(v.DOCUMENT_TYPES)
    assert get_args(Role) == v.ids(v.AGENCY_ROLES)
    assert tuple(LEVEL_ORDER) == v.ids(v.PLAN_LEVELS)
    assert set(v.ids(v.PLAN_LEVELS)) <= set(get_args(Level))
    assert {g.kind for g in [Gap("missing-page", "", ""), Gap("missing-field", "", ""), Gap("outdated", "", "")]} == set(
        v.ids(v.TRANSLATION_GAPS))


def test_every_label_is_translated() -> None:
    vi = translations("vi").gettext
    terms = [*v.STATUSES, v.NOT_REPORTED, *v.TIMELINE_KINDS, *v.QUIZ_TOPICS, v.MIXED_QUIZ]
    terms += [term for vocabulary in v.VOCABULARIES.values() for term in vocabulary]
    untranslated = [t.msgid for t in terms if t.label(vi) == t.msgid]
    assert untranslated == []
    assert v.STATUS_BY_ID["done"].label(vi) == vi("Done")
    assert v.QUIZ_BY_ID["mixed"].label(translations("en").gettext) == "Mixed quiz: 10 random questions"


def test_vocabularies_are_found_by_name_and_id() -> None:
    assert v.term("agency-kind", "people-committee").msgid == "People's Committee"
    assert v.term("status", "not-reported") is v.NOT_REPORTED
    assert [t.id for t in v.VOCABULARIES["agency-role"]] == ["lead", "partner", "assignee", "reports", "receives", "issuer"]
    with pytest.raises(KeyError):
        v.term("plan-level", "commune")


TEMPLATES = Path(__file__).resolve().parent.parent / "theme"
LABEL_TABLE = re.compile(r"""\{%-?\s*set\s+\w+\s*=\s*(\{\s*"[\w-]+"\s*:|\[\s*\(\s*"[\w-]+"\s*,)\s*_\(""")
STILL_WITH_TABLES = {"asean/macros/dashboard.html"}
"""Templates that still map ids to labels themselves (a dashboard's captions by kind of
task): to shrink."""


def test_no_template_holds_a_table_of_labels() -> None:
    """Labels of ids live in the vocabulary (``asean.term``/``asean.terms``), not in a
    template's ``{% set kinds = {"party": _("Party body"), …} %}``."""
    tables = {p.relative_to(TEMPLATES).as_posix() for p in sorted(TEMPLATES.rglob("*.html"))
              if LABEL_TABLE.search(p.read_text(encoding="utf-8"))}
    assert tables <= STILL_WITH_TABLES
    assert LABEL_TABLE.search('{% set roles = [("lead", _("Leads"))] %}')


def test_the_translation_report_uses_the_pages_labels() -> None:
    from site_builder.derive.translation_status import format_table

    report = format_table([Gap("outdated", "content/en/a.md", "x")])
    label = "Translations older than their source"
    assert report.splitlines()[0] == f"{translations('vi').gettext(label)} / {label} (1)"


def test_pillars_first_then_cross_cutting_topics() -> None:
    assert [(t.id, t.abbr, t.pillar) for t in v.TOPICS] == [
        ("political-security", "APSC", True),
        ("economic", "AEC", True),
        ("socio-cultural", "ASCC", True),
        ("covid-19", "COVID-19", False),
        ("tourism", "DL/TOUR", False),
        ("identity", "ID", False),
        ("connectivity", "CONN", False),
    ]
    assert list(v.TOPIC_BY_ID) == [t.id for t in v.TOPICS]


def test_a_topic_is_named_in_each_language() -> None:
    economic = v.TOPIC_BY_ID["economic"]
    assert economic.name("vi") == "Trụ cột Kinh tế"
    assert economic.name("en") == "Economic pillar"
    assert v.TOPIC_BY_ID["socio-cultural"].name("vi") == "Trụ cột Văn hóa – Xã hội"
    assert v.TOPIC_BY_ID["tourism"].name("en") == "Tourism"


# ── on the built site ────────────────────────────────────────────────────────────────
PILLAR_WITH_HYPHEN = re.compile(r"(Chính trị|Văn hóa|Văn hoá) - (An ninh|Xã hội)")
RANGE_WITH_HYPHEN = re.compile(r"(?<![\w/.-])(?:19|20)\d{2} ?- ?(?:19|20)\d{2}(?![\w/-])")
SOURCE_TITLE = re.compile(r"mục tiêu của Cộng đồng Văn hóa - Xã hội ASEAN")
"""The name of the scheme Decision 161/QĐ-TTg approved, as printed: a document's own title."""


class _OurText(HTMLParser):
    """The text of a page that is the site's own wording: without scripts and styles, and
    without the plans' own words quoted side by side on a pillar page (``asean-compare``)."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag in ("script", "style") or "asean-compare" in (dict(attrs).get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not any(self.stack):
            self.parts.append(data)


def our_text(html: str) -> str:
    parser = _OurText()
    parser.feed(html)
    return re.sub(r"“[^”]*”", "", " ".join(parser.parts))  # quotations of a source stay as printed


@pytest.mark.site
def test_pillar_names_take_an_en_dash_on_every_page(built_site: Path) -> None:
    """"Chính trị – An ninh", "Văn hóa – Xã hội" wherever the site speaks (tags, menus,
    headings, articles, the quiz); a plan's own text, on its pages or quoted, stays as printed."""
    found = []
    for page in sorted((built_site / "vi").rglob("*.html")):
        rel = page.relative_to(built_site / "vi").as_posix()
        if rel.startswith(("plans/", "guide/", "embed/plans/")):
            continue
        text = SOURCE_TITLE.sub("", our_text(page.read_text(encoding="utf-8")))
        found += [f"{rel}: {m.group(0)}" for m in PILLAR_WITH_HYPHEN.finditer(text)]
    assert found == []
    home = (built_site / "vi" / "pillars" / "index.html").read_text(encoding="utf-8")
    assert "Trụ cột Chính trị – An ninh" in home and "Trụ cột Văn hóa – Xã hội" in home


@pytest.mark.site
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_year_ranges_in_titles_take_an_en_dash(built_site: Path, lang: str) -> None:
    """Page titles and headings write a period "2021–2025", never "2021-2025" or "2021 - 2025";
    in Vietnamese a plan's and an activity's title is the text as printed, and stays so."""
    found = []
    for page in sorted((built_site / lang).rglob("*.html")):
        if lang == "vi" and page.relative_to(built_site / lang).as_posix().startswith(("plans/", "embed/plans/")):
            continue
        html = page.read_text(encoding="utf-8")
        for heading in re.findall(r"<(?:title|h1|h2|h3)\b[^>]*>(.*?)</(?:title|h1|h2|h3)>", html, re.S):
            text = re.sub(r"<[^>]+>", "", heading)
            found += [f"{page.relative_to(built_site).as_posix()}: {text.strip()}" for _ in RANGE_WITH_HYPHEN.finditer(text)]
    assert found == []


@pytest.mark.site
def test_an_activitys_years_are_not_said_twice(built_site: Path) -> None:
    """The source's "2021-2025" is shown as printed, not followed by "(2021–2025)"."""
    for lang in ("vi", "en"):
        page = built_site / lang / "plans" / "bcd-asean-2021-2025" / "activities" / "ii-23" / "index.html"
        html = page.read_text(encoding="utf-8")
        assert "(2021–2025)" not in html, lang
