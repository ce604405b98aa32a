"""Editorial content: front matter of the Markdown pages, and the data files beside them
(``content/data/``: member states, events, documents).

Fact pages and news must show where their facts come from, so their ``sources`` may
not be empty; a fact page also carries the date it was last checked (``updated``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from site_builder.core.vocabulary import QUIZ_TOPICS, ids
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
    deep_link,
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
    from site_builder.core.illustrations import names

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


class MemberSource(Strict):
    """A page or document a member-state profile draws on; each fact names it by ``id``.

    Unlike a page's ``sources``, the address is required and must lead below a site's
    root (the page that states the fact, not a home page), and the day it was read is
    recorded: profiles hold figures that change.
    """

    id: Slug
    """How the facts of this profile refer to the source (``mofa-profile``)."""
    title: NonEmpty
    """The title of the page or document, in its own language."""
    publisher: NonEmpty
    """Who published it (Ministry of Foreign Affairs, Viet Nam News Agency...)."""
    url: HttpsUrl
    """The page that states the facts (https, below the site's root)."""
    date: PartialDate | None = None
    """When the source was published or last updated, where it says so."""
    read: PartialDate
    """When we read it."""

    @model_validator(mode="after")
    def _deep_link(self) -> MemberSource:
        if not deep_link(self.url):
            raise bilingual_error(
                f"'{self.url}' là trang chủ của một trang web; cần địa chỉ của chính trang nêu thông tin",
                f"'{self.url}' is a site's home page; give the address of the page that states the facts",
            )
        return self


SourceIds = Annotated[list[Slug], Field(min_length=1)]
"""The ``id`` of one or more of the profile's ``sources``."""


class SourcedText(Text):
    """A text in both languages and the sources that state it."""

    source: SourceIds


class SourcedDate(Strict):
    """A date and the sources that state it."""

    date: PartialDate
    source: SourceIds


class Area(Strict):
    """A country's total area."""

    km2: float = Field(gt=0)
    """In square kilometres, as the source gives it."""
    source: SourceIds


class Population(Strict):
    """A population figure, always with the year (or date) it describes."""

    count: int = Field(gt=0)
    """Number of people, as the source gives it (a rounded figure stays rounded)."""
    approximate: bool = False
    """The source gives a rounded or estimated figure ("about 7.4 million")."""
    year: PartialDate
    """The year or date the figure describes, not when it was published."""
    source: SourceIds


class HeritageSite(Strict):
    """A property on UNESCO's World Heritage List."""

    name: Text
    year: int | None = Field(default=None, ge=1978, le=2100)
    """Year of inscription, when a source states it."""
    note: Text | None = None
    """What a reader should know (an extension, a property shared with another country)."""
    source: SourceIds


class WorldHeritage(Strict):
    """A member's properties on the World Heritage List, as far as the sources tell."""

    sites: list[HeritageSite] = Field(default_factory=list)
    note: SourcedText | None = None
    """What the sources say about the list as a whole (a count, or that there is no site
    yet); required when ``sites`` is empty, so that an empty list is never a silent gap."""

    @model_validator(mode="after")
    def _not_silent(self) -> WorldHeritage:
        if not self.sites and self.note is None:
            raise bilingual_error(
                "danh sách di sản trống cần 'note' có nguồn, nói rõ tình hình",
                "an empty heritage list needs a sourced 'note' saying why",
            )
        return self


class Highlight(Strict):
    """Something a Vietnamese visitor would want to see, and why."""

    name: Text
    text: Text
    """One or two sentences, from the source."""
    source: SourceIds


class Relations(Strict):
    """A member's relations with Viet Nam."""

    diplomatic: SourcedDate
    """When diplomatic relations were established."""
    framework: SourcedText
    """The framework of the relationship (Comprehensive Strategic Partnership since...)."""
    summary: SourcedText | None = None
    """Further facts about the relationship."""


class Member(Strict):
    """An ASEAN member state (``content/data/members.yaml``).

    Every fact carries the ``id`` of one of the member's ``sources``, so the page can
    show where each one comes from; ``check`` refuses a fact without a source and a
    source that no fact uses.
    """

    id: Slug
    iso: str = Field(pattern=r"^[A-Z]{2}$")
    """ISO 3166-1 alpha-2 code; the flag is ``theme/assets/flags/<iso lower>.svg``."""
    name: Text
    """The short name used in running text (the site's naming convention)."""
    official_name: SourcedText
    capital: SourcedText
    joined: SourcedDate
    """Date of admission to ASEAN."""
    founding: bool = False
    """One of the five signatories of the Bangkok Declaration."""
    area: Area
    population: Population
    currency: SourcedText
    languages: SourcedText
    """The official (or national) languages."""
    government: SourcedText
    """The system of government, in plain words."""
    profile: SourcedText
    """Two or three sentences introducing the country; also the page's description."""
    relations: Relations | None = None
    """Relations with Viet Nam; only Viet Nam itself has none."""
    world_heritage: WorldHeritage
    highlights: list[Highlight] = Field(default_factory=list)
    """What a Vietnamese visitor would want to see; Viet Nam's own page has none."""
    sources: list[MemberSource] = Field(min_length=1)
    updated: PartialDate
    """When the profile was last checked against its sources."""
    review_by: dt.date | None = None
    """The date by which the profile's figures must be checked again (``freshness`` lists
    it once past); not before ``updated``."""

    @model_validator(mode="after")
    def _complete(self) -> Member:
        review_before_update(self.review_by, self.updated)
        home = self.iso == "VN"
        if not home and self.relations is None:
            raise bilingual_error(
                "cần 'relations': quan hệ với Việt Nam (ngày thiết lập quan hệ ngoại giao, khuôn khổ quan hệ)",
                "'relations' is required: relations with Viet Nam (diplomatic relations, framework)",
            )
        if home and self.relations is not None:
            raise bilingual_error("Việt Nam không có mục 'relations'", "Viet Nam has no 'relations'")
        if not home and not self.highlights:
            raise bilingual_error(
                "cần ít nhất một điểm đến trong 'highlights'",
                "'highlights' needs at least one place to see",
            )
        ids = [s.id for s in self.sources]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise bilingual_error(
                f"mã nguồn bị trùng: {', '.join(duplicates)}",
                f"duplicate source ids: {', '.join(duplicates)}",
            )
        used = set(self.cited())
        unknown = sorted(used - set(ids))
        if unknown:
            raise bilingual_error(
                f"nguồn không có trong 'sources': {', '.join(unknown)}",
                f"sources not listed in 'sources': {', '.join(unknown)}",
            )
        unused = [i for i in ids if i not in used]
        if unused:
            raise bilingual_error(
                f"nguồn không được thông tin nào dẫn: {', '.join(unused)}",
                f"sources no fact cites: {', '.join(unused)}",
            )
        return self

    def cited(self) -> list[str]:
        """The source ids the facts cite, in the order the page shows the facts."""
        facts: list[Any] = [
            self.official_name, self.capital, self.joined, self.area, self.population,
            self.currency, self.languages, self.government, self.profile,
        ]
        if self.relations:
            facts += [self.relations.diplomatic, self.relations.framework, self.relations.summary]
        facts += [self.world_heritage.note, *self.world_heritage.sites, *self.highlights]
        out: list[str] = []
        for fact in facts:
            for ref in getattr(fact, "source", None) or []:
                if ref not in out:
                    out.append(ref)
        return out

    def source_number(self, source_id: str) -> int:
        """The number a source has in the page's list (1-based, in citation order)."""
        return self.cited().index(source_id) + 1

    def cited_sources(self) -> list[MemberSource]:
        """The sources in citation order, as the page numbers them."""
        by_id = {s.id: s for s in self.sources}
        return [by_id[i] for i in self.cited() if i in by_id]


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


QuizTopic = Literal[ids(QUIZ_TOPICS)]  # type: ignore[valid-type]
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
