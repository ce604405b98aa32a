"""The closed set of page kinds: one frozen dataclass per kind of page the site has.

A page generated from the data is an instance of one of these classes (:data:`PageSpec`,
their union), made by :mod:`.pages`; the home page is :class:`HomePage`, a hand-written
page (``content/<lang>/index.md``) recognised by its source path in :func:`page_kind`
alone. Each class carries the records its page shows (the objects themselves, typed and
never ``None`` where the page needs them), and declares, as class attributes, its
template, the width its layout takes (:data:`Layout`) and its output formats
(:class:`Output`, as Hugo's output formats: the HTML page and the JSON, CSV, calendar,
feed or widget that the site publishes of the same records). What else a page shows is
computed when it renders, dispatched on the class (:mod:`site_builder.render.contexts`);
no front-matter string decides a page's kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from site_builder.core.vocabulary import Topic
from site_builder.derive.generated import Generated, Layout, Output
from site_builder.model import Activity, Agency, Appendix, Plan, Unit
from site_builder.model.content import Tag
from site_builder.model.members import Member

HOME_SOURCE = "index.md"
"""The source of the home page below ``content/<lang>/``: the one hand-written page with a kind."""


@dataclass(frozen=True)
class HomePage:
    """The home page: the section's front, or a unit's section (hand-written text, then the
    latest news, plans and figures)."""

    LAYOUT: ClassVar[Layout] = "front"
    OUTPUTS: ClassVar[tuple[Output, ...]] = (Output.HTML,)


# ── index pages: lists of records ─────────────────────────────────────────────────
@dataclass(frozen=True, kw_only=True)
class PlansIndex(Generated):
    """Every plan by level, and the chain of legal basis."""

    KIND, TEMPLATE, LAYOUT = "plans", "asean/plans.html", "list"
    OUTPUTS = (Output.HTML, Output.JSON)  # api/v1/plans.json


@dataclass(frozen=True, kw_only=True)
class AgenciesIndex(Generated):
    KIND, TEMPLATE, LAYOUT = "agencies", "asean/agencies.html", "list"
    OUTPUTS = (Output.HTML, Output.JSON)  # api/v1/agencies.json


@dataclass(frozen=True, kw_only=True)
class PillarsIndex(Generated):
    KIND, TEMPLATE, LAYOUT = "pillars", "asean/pillars.html", "list"


@dataclass(frozen=True, kw_only=True)
class UnitsIndex(Generated):
    KIND, TEMPLATE, LAYOUT = "units", "asean/units.html", "list"


@dataclass(frozen=True, kw_only=True)
class CalendarPage(Generated):
    KIND, TEMPLATE, LAYOUT = "calendar", "asean/calendar.html", "list"
    OUTPUTS = (Output.HTML, Output.ICS, Output.WIDGET)  # calendar.ics, embed/events/


@dataclass(frozen=True, kw_only=True)
class SearchPage(Generated):
    KIND, TEMPLATE, LAYOUT = "search", "asean/search.html", "list"


@dataclass(frozen=True, kw_only=True)
class MembersIndex(Generated):
    KIND, TEMPLATE, LAYOUT = "members", "asean/members.html", "list"


@dataclass(frozen=True, kw_only=True)
class DocumentsIndex(Generated):
    KIND, TEMPLATE, LAYOUT = "documents", "asean/documents.html", "reference"


@dataclass(frozen=True, kw_only=True)
class TranslationsPage(Generated):
    """For the editorial team: what is left to translate."""

    KIND, TEMPLATE, LAYOUT = "translations", "asean/translations.html", "reference"


@dataclass(frozen=True, kw_only=True)
class NewsArchive(Generated):
    KIND, TEMPLATE, LAYOUT = "news-archive", "asean/news-archive.html", "list"


@dataclass(frozen=True, kw_only=True)
class EmbedIndex(Generated):
    """"Embed this": every widget with the codes to copy."""

    KIND, TEMPLATE, LAYOUT = "embed-index", "asean/embed-index.html", "list"


@dataclass(frozen=True, kw_only=True)
class QuizIndex(Generated):
    KIND, TEMPLATE, LAYOUT = "quiz-index", "asean/quiz-index.html", "list"
    OUTPUTS = (Output.HTML, Output.JSON)  # api/v1/quiz.json


# ── pages of one record ───────────────────────────────────────────────────────────
@dataclass(frozen=True, kw_only=True)
class MemberPage(Generated):
    member: Member
    KIND, TEMPLATE = "member", "asean/member.html"
    OUTPUTS = (Output.HTML, Output.WIDGET)

    @property
    def id(self) -> str:
        return self.member.id


@dataclass(frozen=True, kw_only=True)
class PlanPage(Generated):
    """A plan's summary, activities and implementation."""

    plan: Plan
    KIND, TEMPLATE, LAYOUT = "plan", "asean/plan.html", "reference"
    OUTPUTS = (Output.HTML, Output.JSON, Output.CSV, Output.WIDGET)  # api/v1/plans/<id>.json, progress

    @property
    def id(self) -> str:
        return self.plan.id


@dataclass(frozen=True, kw_only=True)
class PlanTextPage(Generated):
    """A plan's full text as issued, with anchors."""

    plan: Plan
    KIND, TEMPLATE = "plan-text", "asean/plan-text.html"

    @property
    def id(self) -> str:
        return self.plan.id


@dataclass(frozen=True, kw_only=True)
class ActivityPage(Generated):
    """A row of a plan's appendix."""

    plan: Plan
    appendix: Appendix
    """The plan's appendix (``plan.appendix``), which has the activity."""
    activity: Activity
    KIND, TEMPLATE, LAYOUT = "activity", "asean/activity.html", "reference"
    OUTPUTS = (Output.HTML, Output.CSV)  # a row of api/v1/activities.csv

    @property
    def id(self) -> str:
        return f"{self.plan.id}/{self.activity.id}"


@dataclass(frozen=True, kw_only=True)
class AgencyPage(Generated):
    agency: Agency
    KIND, TEMPLATE, LAYOUT = "agency", "asean/agency.html", "reference"

    @property
    def id(self) -> str:
        return self.agency.id


@dataclass(frozen=True, kw_only=True)
class UnitPage(Generated):
    unit: Unit
    KIND, TEMPLATE, LAYOUT = "unit", "asean/unit.html", "reference"
    OUTPUTS = (Output.HTML, Output.FEED)  # <lang>/feeds/units/<id>.xml

    @property
    def id(self) -> str:
        return self.unit.id


@dataclass(frozen=True, kw_only=True)
class PillarPage(Generated):
    """A pillar or topic across plans."""

    topic: Topic
    KIND, TEMPLATE, LAYOUT = "pillar", "asean/pillar.html", "reference"
    OUTPUTS = (Output.HTML, Output.FEED, Output.WIDGET)  # <lang>/feeds/pillars/<id>.xml

    @property
    def id(self) -> str:
        return self.topic.id


@dataclass(frozen=True, kw_only=True)
class QuizPage(Generated):
    quiz: str
    """A quiz topic id, or ``mixed``."""
    KIND, TEMPLATE = "quiz", "asean/quiz.html"

    @property
    def id(self) -> str:
        return self.quiz

    @property
    def outputs(self) -> tuple[Output, ...]:
        return (Output.HTML, Output.WIDGET) if self.quiz == "mixed" else self.OUTPUTS


@dataclass(frozen=True, kw_only=True)
class QuizPrintPage(QuizPage):
    """A quiz to print, the answers at the end."""

    KIND, TEMPLATE = "quiz-print", "asean/quiz-print.html"

    @property
    def outputs(self) -> tuple[Output, ...]:
        return self.OUTPUTS


@dataclass(frozen=True, kw_only=True)
class NoticePage(Generated):
    """"Not yet translated": where the other language has a page this one lacks."""

    source: str
    """The page's source below ``content/<other language>/``."""
    KIND, TEMPLATE = "notice", "asean/notice.html"

    @property
    def id(self) -> str:
        return self.source


# ── news lists (each page of 20 is one) ───────────────────────────────────────────
@dataclass(frozen=True, kw_only=True)
class NewsList(Generated):
    """A page of a list of news (:mod:`.newsroom`)."""

    KIND, TEMPLATE, LAYOUT = "news", "asean/news.html", "list"
    OUTPUTS: ClassVar[tuple[Output, ...]] = (Output.HTML, Output.FEED, Output.JSON, Output.WIDGET)  # feed.xml, news.json


@dataclass(frozen=True, kw_only=True)
class NewsYearList(NewsList):
    year: str
    KIND = "news-year"
    OUTPUTS = (Output.HTML,)

    @property
    def id(self) -> str:
        return self.year


@dataclass(frozen=True, kw_only=True)
class NewsTopicList(NewsList):
    topic: Topic
    KIND = "news-topic"
    OUTPUTS = (Output.HTML, Output.FEED)

    @property
    def id(self) -> str:
        return self.topic.id


@dataclass(frozen=True, kw_only=True)
class NewsTagList(NewsList):
    tag: Tag
    KIND = "news-tag"
    OUTPUTS = (Output.HTML,)

    @property
    def id(self) -> str:
        return self.tag.id


# ── widgets: pages without the site's frame, to embed in a portal ─────────────────
@dataclass(frozen=True, kw_only=True)
class WidgetPage(Generated):
    """A widget; ``extra["full_page"]`` names the page it shows a part of."""

    OUTPUTS = (Output.HTML, Output.JSON)  # the page in a frame, its oEmbed document

    @property
    def template(self) -> str:
        return f"asean/embed/{self.KIND.removeprefix('embed-')}.html"


@dataclass(frozen=True, kw_only=True)
class NewsWidget(WidgetPage):
    KIND = "embed-news"


@dataclass(frozen=True, kw_only=True)
class EventsWidget(WidgetPage):
    KIND = "embed-events"


@dataclass(frozen=True, kw_only=True)
class QuizWidget(WidgetPage):
    """The mixed quiz, five questions."""

    KIND = "embed-quiz"
    quiz: str = "mixed"

    @property
    def id(self) -> str:
        return self.quiz


@dataclass(frozen=True, kw_only=True)
class ActivitiesWidget(WidgetPage):
    plan: Plan
    KIND = "embed-activities"

    @property
    def id(self) -> str:
        return self.plan.id


@dataclass(frozen=True, kw_only=True)
class ProgressWidget(WidgetPage):
    plan: Plan
    KIND = "embed-progress"

    @property
    def id(self) -> str:
        return self.plan.id


@dataclass(frozen=True, kw_only=True)
class PillarWidget(WidgetPage):
    topic: Topic
    KIND = "embed-pillar"

    @property
    def id(self) -> str:
        return self.topic.id


@dataclass(frozen=True, kw_only=True)
class MemberWidget(WidgetPage):
    member: Member
    KIND = "embed-member"

    @property
    def id(self) -> str:
        return self.member.id


WidgetSpec = NewsWidget | EventsWidget | QuizWidget | ActivitiesWidget | ProgressWidget | PillarWidget | MemberWidget
"""A widget page: what the "Embed this" page lists, each with its codes."""

PageSpec = (
    PlansIndex | AgenciesIndex | PillarsIndex | UnitsIndex | CalendarPage | SearchPage | MembersIndex
    | DocumentsIndex | TranslationsPage | NewsArchive | EmbedIndex | QuizIndex
    | MemberPage | PlanPage | PlanTextPage | ActivityPage | AgencyPage | UnitPage | PillarPage
    | QuizPage | QuizPrintPage | NoticePage
    | NewsList | NewsYearList | NewsTopicList | NewsTagList
    | WidgetSpec
)
"""A page generated from the data: one of a closed set of kinds."""

PageKind = HomePage | PageSpec
"""What a page is, for the pages that have a kind (hand-written pages but the home page have none)."""

HOME = HomePage()


def page_kind(spec: PageSpec | None, src_uri: str | None) -> PageKind | None:
    """The kind of the page at ``src_uri``: its spec when generated, :data:`HOME` for the home
    page (the one place that recognises it), else ``None`` (a hand-written page)."""
    if spec is not None:
        return spec
    return HOME if src_uri == HOME_SOURCE else None
