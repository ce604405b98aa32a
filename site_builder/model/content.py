"""Editorial content: front matter of the Markdown pages, and the data files beside them
(``content/data/``: member states, events, documents).

Fact pages and news must show where their facts come from, so their ``sources`` may
not be empty; a fact page also carries the date it was last checked (``updated``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from site_builder.core.illustrations import names
from site_builder.model.common import (
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


def review_before_update(review_by: dt.date | None, updated: PartialDate | None, field: str = "review_by") -> None:
    """Refuse a review date set before the date the facts were last checked: it would be
    past due the day it is written. A partial ``updated`` (``2026-11``) is compared at its
    own precision."""
    if review_by is None or updated is None:
        return
    if review_by.isoformat()[: len(updated)] < updated:
        raise bilingual_error(
            f"'{field}' ({review_by.isoformat()}) không được trước ngày kiểm tra 'updated' ({updated})",
            f"'{field}' ({review_by.isoformat()}) must not be before the date checked, 'updated' ({updated})",
        )


def _photo_path(value: str) -> str:
    """A photo is named by its path below ``content/media/``: never absolute, never
    climbing out (``..``), never an address on another site."""
    parts = value.split("/")
    if value.startswith("/") or "://" in value or any(part in ("", ".", "..") for part in parts):
        raise bilingual_error(
            f"ảnh '{value}' phải là đường dẫn bên trong content/media/ (ví dụ: 2022/le-thuong-co.jpg), "
            "không phải địa chỉ trang khác hay đường dẫn ra ngoài",
            f"the image '{value}' must be a path inside content/media/ (for example 2022/flag-raising.jpg), "
            "not an address on another site or a path leading out of it",
        )
    return value


PhotoPath = Annotated[str, StringConstraints(min_length=1, max_length=300), AfterValidator(_photo_path)]
"""Path of a photo below ``content/media/``, the folder both languages share."""


def _known_illustration(value: str) -> str:
    """An illustration is one of the theme's drawings, named without folder or extension;
    the list is the folder's content, so a drawing added to the theme is usable at once."""
    known = names()
    if value not in known:
        raise bilingual_error(
            f"không có hình minh họa '{value}'; các hình có sẵn: {', '.join(known)}",
            f"there is no illustration '{value}'; the ones available are: {', '.join(known)}",
        )
    return value


IllustrationName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
                             AfterValidator(_known_illustration)]
"""The name of a drawing in ``theme/assets/illustrations/`` (``container-port``)."""


ContentKind = Literal["page", "fact", "news", "tourism"]
"""``page``: navigation and help pages; ``fact``: pages stating facts about ASEAN
(sources and ``updated`` required); ``news``: dated articles; ``tourism``: a unit's
tourism and culture page."""


ContentTemplate = Literal["asean/home.html", "asean/api.html"]
"""Templates a hand-written page may ask for: the home page layout (the page's text
followed by the latest news and plans) and the API page (its text under a notice when
the build has no published address); by default a page gets the theme's article layout."""


class SourceRef(Strict):
    """A source a page draws on."""

    title: NonEmpty
    """The source's title, in the page's language or the source's own."""
    publisher: NonEmpty | None = None
    """Who published it (ASEAN Secretariat, Ministry of Foreign Affairs...)."""
    url: HttpsUrl | None = None
    """Address of the source (https only); listed by ``check --links``."""
    date: PartialDate | None = None

    @model_validator(mode="after")
    def _findable(self) -> SourceRef:
        # A reader must be able to find the source: by its address, or (a printed
        # document, a decision not on the web) by who published it. A bare title is
        # neither, and the page would cite it without a link or an owner.
        if self.url is None and self.publisher is None:
            raise bilingual_error(
                "nguồn cần địa chỉ (url) hoặc nơi công bố (publisher) để người đọc tìm được",
                "a source needs its address (url) or who published it (publisher), so that readers can find it",
            )
        return self


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
    review_by: dt.date | None = None
    """The date by which an editor must check the page again (``freshness`` lists it once
    past); not before ``updated``. For editors only: the site shows ``updated``."""
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
    image: PhotoPath | None = None
    """The page's photo, a path below ``content/media/`` (shared by both languages: one
    file, one set of encoded sizes); shown under the title, in lists, link previews,
    feeds and the API. Needs ``image_alt``, ``image_credit`` and ``image_licence``."""
    image_alt: NonEmpty | None = None
    """What the photo shows, in the page's language, for readers who cannot see it."""
    image_caption: NonEmpty | None = None
    """Optional caption under the photo, in the page's language."""
    image_credit: NonEmpty | None = None
    """Who took or owns the photo (``Ảnh: Nguyễn Văn A/TTXVN``)."""
    image_licence: NonEmpty | None = None
    """Under what terms the portal may publish it (``CC BY 4.0``, ``owned by the unit``)."""
    illustration: IllustrationName | None = None
    """A drawing of the theme shown where a photo would be, for a page without one
    (``container-port``): it says it is a drawing and carries no credit. A page has a
    photo or an illustration, not both."""

    @model_validator(mode="after")
    def _required_by_kind(self) -> FrontMatter:
        if self.image is not None and self.illustration is not None:
            raise bilingual_error(
                "trang có ảnh (image) thì không dùng thêm hình minh họa (illustration); hãy bỏ một trong hai",
                "a page with a photo (image) takes no illustration as well; remove one of the two",
            )
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
        review_before_update(self.review_by, self.updated)
        return self


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
    status: Literal["planned", "held"] | None = None
    """For a dated (``once``) event: ``planned`` while it is to come, ``held`` once it has
    taken place (then with ``outcome`` or ``outcome_note``). ``freshness`` lists a planned
    event whose dates have passed."""
    outcome: Text | None = None
    """For a held event: what it decided or produced, from its sources."""
    outcome_note: Text | None = None
    """For a held event whose outcome no source states yet: a note saying so
    (``no report published yet``)."""

    @model_validator(mode="after")
    def _shape(self) -> Event:
        if self.recurrence == "yearly" and (self.month is None or self.day is None):
            raise bilingual_error("sự kiện hằng năm cần 'month' và 'day'", "a yearly event needs 'month' and 'day'")
        if self.recurrence == "once" and (self.date is None or self.date.as_date() is None):
            raise bilingual_error(
                "sự kiện một lần cần 'date' đầy đủ (YYYY-MM-DD)",
                "a one-off event needs a full 'date' (YYYY-MM-DD)",
            )
        if self.recurrence == "yearly" and (self.status or self.outcome or self.outcome_note):
            raise bilingual_error(
                "sự kiện hằng năm không có 'status', 'outcome', 'outcome_note' (chỉ dùng cho sự kiện có ngày cụ thể)",
                "a yearly event takes no 'status', 'outcome' or 'outcome_note' (they are for dated events only)",
            )
        if self.status == "held" and self.outcome is None and self.outcome_note is None:
            raise bilingual_error(
                "sự kiện đã diễn ra (status: held) cần 'outcome' (kết quả) hoặc 'outcome_note' (ghi chú, ví dụ chưa có báo cáo)",
                "a held event (status: held) needs 'outcome' or 'outcome_note' (a note such as 'no report yet')",
            )
        if self.status == "planned" and (self.outcome or self.outcome_note):
            raise bilingual_error(
                "sự kiện chưa diễn ra (status: planned) chưa có 'outcome', 'outcome_note'; hãy đổi 'status' thành 'held'",
                "a planned event (status: planned) has no 'outcome' or 'outcome_note' yet; set 'status' to 'held'",
            )
        return self


class EventFile(Strict):
    events: list[Event]


CitedDocumentType = Literal[
    "law", "resolution", "decree", "decision", "plan", "directive", "charter", "treaty", "declaration", "vision", "agreement",
]


class Document(Strict):
    """A legal or plan document the plans cite (``content/data/documents.yaml``)."""

    id: Slug
    type: CitedDocumentType
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
cooperation, Viet Nam in ASEAN, or the local province: the ids of
:data:`~site_builder.core.vocabulary.QUIZ_TOPICS`, written out so that the type checker sees a
type (``Literal[ids(QUIZ_TOPICS)]`` is not one); ``tests/test_vocabulary.py`` holds the two together."""


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
    valid_until: dt.date | None = None
    """The last day the answer is sure to hold (a term of office, a chairmanship): the
    built quiz leaves the question out after it, and ``freshness`` lists it."""
    review_by: dt.date | None = None
    """The date by which an editor must check the answer again (``freshness`` lists it)."""

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
