"""Editorial content: front matter of the Markdown pages, and the data files beside them
(``content/data/``: member states, events, documents).

Fact pages and news must show where their facts come from, so their ``sources`` may
not be empty; a fact page also carries the date it was last checked (``updated``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import (
    HttpsUrl,
    NonEmpty,
    PartialDate,
    Pillar,
    SitePath,
    Slug,
    Strict,
    Text,
    bilingual_error,
)

ContentKind = Literal["page", "fact", "news", "tourism"]
"""``page``: navigation and help pages; ``fact``: pages stating facts about ASEAN
(sources and ``updated`` required); ``news``: dated articles; ``tourism``: a unit's
tourism and culture page."""


ContentTemplate = Literal["asean/home.html"]
"""Templates a hand-written page may ask for: the home page layout (the page's text
followed by the latest news and plans); by default a page gets the theme's article layout."""


class SourceRef(Strict):
    """A source a page draws on."""

    title: NonEmpty
    """The source's title, in the page's language or the source's own."""
    publisher: NonEmpty | None = None
    """Who published it (ASEAN Secretariat, Ministry of Foreign Affairs...)."""
    url: HttpsUrl | None = None
    """Address of the source (https only); listed by ``check --links``."""
    date: PartialDate | None = None


class FrontMatter(Strict):
    """The front matter of a page in ``content/vi`` or ``content/en``."""

    title: NonEmpty
    description: NonEmpty
    """One or two sentences for search results and link previews."""
    kind: ContentKind = "page"
    date: PartialDate | None = None
    """Publication date; required for news."""
    updated: PartialDate | None = None
    """When the facts were last checked; required for fact and tourism pages."""
    tags: list[Slug] = Field(default_factory=list)
    topics: list[Pillar] = Field(default_factory=list)
    """Pillars and topics the page is about."""
    unit: Slug | None = None
    """The unit the page is about (tourism pages, local news)."""
    sources: list[SourceRef] = Field(default_factory=list)
    translation_key: Slug | None = None
    """Optional id shared by the two languages of a page; by default pages pair by path."""
    source_hash: str | None = Field(default=None, pattern=r"^[0-9a-f]{12}$")
    """On a translation: the hash of the Vietnamese text it was translated from."""
    template: ContentTemplate | None = None
    """A page template of the theme made for hand-written pages; the others render data
    records or widgets (framed by other sites) and are the generator's alone."""
    hide: list[Literal["navigation", "toc", "footer"]] = Field(default_factory=list)
    image: SitePath | None = None
    """Path of an illustration below ``content/<lang>/`` (needs ``image_alt``)."""
    image_alt: NonEmpty | None = None

    @model_validator(mode="after")
    def _required_by_kind(self) -> FrontMatter:
        if self.kind in ("fact", "news", "tourism") and not self.sources:
            raise bilingual_error(
                f"trang loại '{self.kind}' cần ít nhất một nguồn (sources)",
                f"a '{self.kind}' page needs at least one source (sources)",
            )
        if self.kind == "news" and self.date is None:
            raise bilingual_error("tin bài cần ngày đăng (date)", "a news article needs a date (date)")
        if self.kind == "news" and not (self.topics or self.tags):
            raise bilingual_error(
                "tin bài cần ít nhất một trụ cột/chủ đề (topics) hoặc thẻ (tags)",
                "a news article needs at least one pillar/topic (topics) or tag (tags)",
            )
        if self.kind in ("fact", "tourism") and self.updated is None:
            raise bilingual_error(
                f"trang loại '{self.kind}' cần ngày cập nhật (updated)",
                f"a '{self.kind}' page needs the date it was last checked (updated)",
            )
        if self.image and not self.image_alt:
            raise bilingual_error("ảnh cần lời mô tả (image_alt)", "an image needs alternative text (image_alt)")
        return self


class Member(Strict):
    """An ASEAN member state (``content/data/members.yaml``)."""

    id: Slug
    iso: str = Field(pattern=r"^[A-Z]{2}$")
    """ISO 3166-1 alpha-2 code; the flag is ``theme/assets/flags/<iso lower>.svg``."""
    name: Text
    official_name: Text
    capital: Text
    joined: PartialDate
    """Date of admission to ASEAN."""
    founding: bool = False
    """One of the five signatories of the Bangkok Declaration."""
    profile: Text
    """A short profile: geography, population order of magnitude, government, language."""
    relations: Text
    """Links with Viet Nam."""
    sources: list[SourceRef] = Field(min_length=1)
    updated: PartialDate


class MemberFile(Strict):
    members: list[Member]


class Event(Strict):
    """A dated or recurring event (``content/data/events.yaml``)."""

    id: Slug
    title: Text
    description: Text
    recurrence: Literal["yearly", "once"]
    date: PartialDate | None = None
    """For ``once``: the day (or first day)."""
    end: PartialDate | None = None
    """For ``once``: last day of a multi-day event."""
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    end_month: int | None = Field(default=None, ge=1, le=12)
    end_day: int | None = Field(default=None, ge=1, le=31)
    topics: list[Pillar] = Field(default_factory=list)
    link: SitePath | None = None
    """A page of this site about the event (path below the language root, e.g. ``asean/``)."""
    sources: list[SourceRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _shape(self) -> Event:
        if self.recurrence == "yearly" and (self.month is None or self.day is None):
            raise bilingual_error("sự kiện hằng năm cần 'month' và 'day'", "a yearly event needs 'month' and 'day'")
        if self.recurrence == "once" and (self.date is None or self.date.as_date() is None):
            raise bilingual_error(
                "sự kiện một lần cần 'date' đầy đủ (YYYY-MM-DD)",
                "a one-off event needs a full 'date' (YYYY-MM-DD)",
            )
        return self


class EventFile(Strict):
    events: list[Event]


DocumentType = Literal["law", "resolution", "decree", "decision", "plan", "directive", "charter", "treaty", "declaration", "vision", "agreement"]


class Document(Strict):
    """A legal or plan document the plans cite (``content/data/documents.yaml``)."""

    id: Slug
    type: DocumentType
    number: NonEmpty | None
    """Document number (``1160/QĐ-TTg``); ``null`` for international instruments without one."""
    issuer: Text
    date: PartialDate | None
    title: Text
    summary: Text
    plan: Slug | None = None
    """The plan in ``plans/`` when we hold the document as a plan."""
    url: HttpsUrl | None = None
    """An official copy, when there is a stable address."""


class DocumentFile(Strict):
    documents: list[Document]


class Tag(Strict):
    """A news tag: its slug (used in front matter) and its name in both languages."""

    id: Slug
    name: Text


class TagFile(Strict):
    tags: list[Tag]


QuizTopic = Literal["history", "pillars", "members", "covid-19", "viet-nam", "local"]
"""What a question is about: ASEAN's history, the three pillars, the member states, COVID-19
cooperation, Viet Nam in ASEAN, or the local province."""


class Question(Strict):
    """A quiz question in both languages, with its answer, an explanation and a source page."""

    id: Slug
    topic: QuizTopic
    type: Literal["single", "multiple", "true-false"]
    """``single``: one right option; ``multiple``: one or more; ``true-false``: a statement."""
    question: Text
    options: list[Text] = Field(default_factory=list)
    """The choices (``single`` and ``multiple``); none for ``true-false``."""
    answer: list[int] = Field(default_factory=list)
    """Indexes (from 0) of the right options (``single`` and ``multiple``)."""
    correct: bool | None = None
    """For ``true-false``: whether the statement is true."""
    explanation: Text
    source: SitePath
    """The page of this site that explains the answer, e.g. ``asean/`` or ``members/timor-leste/``."""

    @model_validator(mode="after")
    def _shape(self) -> Question:
        if self.type == "true-false":
            if self.options or self.answer or self.correct is None:
                raise bilingual_error(
                    "câu đúng/sai cần 'correct: true|false' và không có 'options', 'answer'",
                    "a true-false question needs 'correct: true|false' and no 'options' or 'answer'",
                )
            return self
        if len(self.options) < 2 or self.correct is not None:
            raise bilingual_error(
                "câu trắc nghiệm cần ít nhất 2 lựa chọn (options) và không có 'correct'",
                "a choice question needs at least 2 options and no 'correct'",
            )
        if not self.answer or len(set(self.answer)) != len(self.answer) or not all(
            0 <= i < len(self.options) for i in self.answer
        ):
            raise bilingual_error(
                f"'answer' phải là số thứ tự (từ 0) của các lựa chọn đúng, trong khoảng 0–{len(self.options) - 1}",
                f"'answer' must list the indexes (from 0) of the right options, between 0 and {len(self.options) - 1}",
            )
        if self.type == "single" and len(self.answer) != 1:
            raise bilingual_error(
                "câu một lựa chọn (single) cần đúng một đáp án",
                "a single-choice question needs exactly one answer",
            )
        return self


class QuizFile(Strict):
    """``content/data/quiz.yaml``: the question bank."""

    questions: list[Question]
