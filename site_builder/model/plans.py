"""A plan document (``plans/<plan-id>.yaml``): identity, sections in source order, appendix.

The body of a plan is kept as a tree of :class:`Node` in the order of the source, each
node tagged with what it is (purpose, theme, assignment, reporting duty...). That keeps
every section of the original, whatever its numbering, and still lets the site and the
API ask for "all content themes under the economic pillar" or "every task of the
Department of Information and Communications".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import Field, field_validator, model_validator

from site_builder.model.common import NonEmpty, PartialDate, Pillar, Quirk, Slug, Strict, Text, bilingual_error

NodeKind = Literal[
    "preamble",
    "legal-basis",
    "purposes",
    "requirements",
    "themes",
    "audiences",
    "forms",
    "funding",
    "implementation",
    "assignment",
    "reporting",
    "timeframe",
    "appendix-reference",
    "other",
]
"""What a section or item of the plan is. Kinds apply to a node and everything below it."""

ROMAN = r"(?:I|II|III|IV|V|VI|VII|VIII|IX|X)"
ACTIVITY_ID = re.compile(rf"^({ROMAN})\.(\d+)$")


class Period(Strict):
    """The years a plan covers, inclusive."""

    start: int = Field(ge=1990, le=2100)
    end: int = Field(ge=1990, le=2100)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise bilingual_error(
                f"năm kết thúc {self.end} trước năm bắt đầu {self.start}",
                f"end year {self.end} is before start year {self.start}",
            )
        return self

    @property
    def label(self) -> str:
        """The period as a reader sees it: ``2021–2025``, or ``2022`` for a plan of one year."""
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"


class Signer(Strict):
    """Who signed the document, as printed under the signature."""

    name: NonEmpty | None
    """The person's name; ``null`` when the source does not print it."""
    title: Text
    """The signing capacity, e.g. "KT. Trưởng ban, Phó Trưởng ban"."""


class LegalRef(Strict):
    """A document the plan is based on or implements."""

    citation: Text
    """How the plan cites it, e.g. "Quyết định số 1160/QĐ-TTg ngày 13/7/2021 của Thủ tướng Chính phủ…"."""
    number: NonEmpty | None = None
    """The document number (``1160/QĐ-TTg``), when the citation gives one."""
    date: PartialDate | None = None
    """Date of the document, when the citation gives one."""
    plan: Slug | None = None
    """The id of the plan in ``plans/`` when we have that document as a plan."""
    implements: bool = False
    """True for the document this plan carries out (its parent in the chain
    1160/QĐ-TTg → 01/QĐ-BCĐASEAN → provincial → district plans)."""


class Deadline(Strict):
    """A reporting deadline: once on a date, yearly on a day of the year, when requested, or
    ``unstated``: the source names who reports to whom but sets no date or frequency (the
    yearly report still needs the recipients)."""

    what: Text
    """What is due (a yearly report, a five-year summary...)."""
    recurrence: Literal["yearly", "once", "on-request", "unstated"]
    date: PartialDate | None = None
    """For ``once``: the date."""
    month: int | None = Field(default=None, ge=1, le=12)
    """For ``yearly``: the month."""
    day: int | None = Field(default=None, ge=1, le=31)
    """For ``yearly``: the day of the month."""
    from_agencies: list[Slug] = Field(default_factory=list)
    """Who reports."""
    to_agencies: list[Slug] = Field(default_factory=list)
    """Who receives the report."""

    @model_validator(mode="after")
    def _shape(self) -> Deadline:
        if self.recurrence == "yearly" and (self.month is None or self.day is None):
            raise bilingual_error(
                "hạn hằng năm cần 'month' và 'day'",
                "a yearly deadline needs 'month' and 'day'",
            )
        if self.recurrence == "once" and self.date is None:
            raise bilingual_error(
                "hạn một lần cần 'date'",
                "a one-off deadline needs 'date'",
            )
        return self


class Node(Strict):
    """A heading, paragraph or list item of the plan's body, with the items under it."""

    ref: NonEmpty | None = None
    """The numbering as printed (``II``, ``1``, ``a``, ``đ``); none for unnumbered bullets."""
    heading: Text | None = None
    """A section or item title."""
    text: Text | None = None
    """The paragraph or item text."""
    kind: NodeKind | None = None
    """What this part of the plan is; inherited by the items below."""
    pillars: list[Pillar] = Field(default_factory=list)
    """Themes tagged by pillar or topic; inherited by the items below."""
    agencies: list[Slug] = Field(default_factory=list)
    """For an ``assignment``: the agencies the tasks below are given to."""
    deadlines: list[Deadline] = Field(default_factory=list)
    """For a ``reporting`` duty: when its reports are due (reporting deadlines, not an
    activity's due date, which is :attr:`Activity.timeline`)."""
    items: list[Node] = Field(default_factory=list)
    quirks: list[Quirk] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_content(self) -> Node:
        if self.heading is None and self.text is None:
            raise bilingual_error(
                "cần 'heading' hoặc 'text'",
                "expected 'heading' or 'text'",
            )
        if self.kind == "assignment" and not self.agencies:
            raise bilingual_error(
                "một mục phân công (kind: assignment) cần 'agencies'",
                "an assignment (kind: assignment) needs 'agencies'",
            )
        return self

    @property
    def nests_assignments(self) -> bool:
        """Whether an assignment sits directly below this node (its progress includes theirs)."""
        return any(item.kind == "assignment" for item in self.items)

    def walk(
        self, inherited: NodeContext | None = None, position: tuple[int, ...] = ()
    ) -> Iterator[tuple[Node, NodeContext, tuple[int, ...]]]:
        """Yield this node and every node below it, each with its inherited context and its
        position (indices from the plan's sections down): the one walk over a plan's body."""
        ctx = (inherited or NodeContext()).enter(self)
        yield self, ctx, position
        for i, item in enumerate(self.items):
            yield from item.walk(ctx, position + (i,))


class NodeContext:
    """What a node inherits from the nodes above it: its kind, pillars, assignees and numbering."""

    __slots__ = ("agencies", "kind", "path", "pillars")

    def __init__(
        self,
        kind: str | None = None,
        pillars: tuple[str, ...] = (),
        agencies: tuple[str, ...] = (),
        path: tuple[str, ...] = (),
    ) -> None:
        self.kind = kind
        self.pillars = pillars
        self.agencies = agencies
        self.path = path

    def enter(self, node: Node) -> NodeContext:
        pillars = self.pillars + tuple(p for p in node.pillars if p not in self.pillars)
        return NodeContext(
            kind=node.kind or self.kind,
            pillars=pillars,
            agencies=tuple(node.agencies) or self.agencies,
            path=self.path + ((node.ref,) if node.ref else ()),
        )


class Parties(Strict):
    """A lead or partner cell of the appendix: the words of the source, and who they name."""

    text: Text
    """The cell as written in the source."""
    agencies: list[Slug] = Field(min_length=1)
    """The agencies the cell names, in order; phrases like "các bộ, ngành liên quan" are
    ``collective`` agencies."""


TimelineKind = Literal["continuous", "yearly", "year", "years", "not-stated", "other"]
"""The ids of :data:`~site_builder.core.vocabulary.TIMELINE_KINDS`, written out so that the type
checker sees a type (``Literal[ids(TIMELINE_KINDS)]`` is not one); ``tests/test_vocabulary.py``
holds the two together."""


class Timeline(Strict):
    """When an activity happens: the source's words and a parsed form."""

    text: Text | None
    """The source's words ("Hàng năm", "2021-2025"); ``null`` when the cell is blank."""
    kind: TimelineKind
    """``continuous`` (Thường xuyên), ``yearly`` (Hàng năm), ``year`` (one year),
    ``years`` (a range), ``not-stated`` (blank), ``other`` (anything else, e.g. a value
    that belongs to another column)."""
    start: int | None = Field(default=None, ge=1990, le=2100)
    """First year covered, when the words give or imply one."""
    end: int | None = Field(default=None, ge=1990, le=2100)
    """Last year covered, when the words give or imply one."""

    @model_validator(mode="after")
    def _consistent(self) -> Timeline:
        if self.kind == "not-stated" and self.text is not None:
            raise bilingual_error(
                "thời gian 'not-stated' không được có 'text'",
                "a 'not-stated' timeline must not have 'text'",
            )
        if self.kind != "not-stated" and self.text is None:
            raise bilingual_error(
                "thời gian cần 'text' (lời văn bản gốc), hoặc kind: not-stated",
                "a timeline needs 'text' (the source's words), or kind: not-stated",
            )
        if self.kind == "year" and (self.start is None or self.start != self.end):
            raise bilingual_error(
                "thời gian 'year' cần start = end",
                "a 'year' timeline needs start equal to end",
            )
        if self.kind == "years" and (self.start is None or self.end is None or self.start >= self.end):
            raise bilingual_error(
                "thời gian 'years' cần start < end",
                "a 'years' timeline needs start before end",
            )
        if self.start is not None and self.end is not None and self.end < self.start:
            raise bilingual_error(
                f"năm kết thúc {self.end} trước năm bắt đầu {self.start}",
                f"end year {self.end} is before start year {self.start}",
            )
        return self


class Activity(Strict):
    """A row of the plan's appendix table of activities."""

    id: NonEmpty
    """Group and number as in the source: ``II.32``."""
    name: Text
    """The activity or task (TÊN HOẠT ĐỘNG/NHIỆM VỤ)."""
    lead: Parties | None
    """Lead agencies (CƠ QUAN CHỦ TRÌ); ``null`` when the cell is blank in the source."""
    partners: Parties | None
    """Partner agencies (CƠ QUAN PHỐI HỢP); ``null`` when the cell is blank in the source."""
    timeline: Timeline
    """When the activity is to be carried out: the appendix's THỜI GIAN column (its due
    date, years or "every year"). Not a reporting deadline: those are a plan's
    ``deadlines`` (:class:`Deadline`). The name stays ``timeline``: it is the published
    YAML format, the JSON API and the CSV's ``timeline_*`` columns (docs/architecture.md,
    "Where each field of an activity is")."""
    pillars: list[Pillar] = Field(default_factory=list)
    """Our classification by pillar or topic, for filtering; not part of the source."""
    quirks: list[Quirk] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ACTIVITY_ID.match(value):
            raise bilingual_error(
                f"mã hoạt động cần dạng nhóm La Mã + số (vd. 'II.32'), nhận được '{value}'",
                f"expected an activity id as Roman group + number (e.g. 'II.32'), found '{value}'",
            )
        return value

    @property
    def group(self) -> str:
        """The Roman numeral of the activity's group (``II`` for ``II.32``)."""
        return self.id.split(".", 1)[0]

    @property
    def number(self) -> int:
        return int(self.id.split(".", 1)[1])

    @property
    def slug(self) -> str:
        """The activity's page name: ``ii-32``."""
        return self.id.lower().replace(".", "-")


class Group(Strict):
    """A group of appendix activities, with its Roman numeral and title."""

    id: str = Field(pattern=rf"^{ROMAN}$")
    name: Text


class Appendix(Strict):
    """The plan's appendix table of activities."""

    title: Text
    """The appendix title as printed."""
    note: Text | None = None
    """The line under the title ("Ban hành kèm theo…")."""
    groups: list[Group] = Field(min_length=1)
    activities: list[Activity] = Field(min_length=1)


PlanDocumentType = Literal["plan", "decision"]
Status = Literal["in-force", "expired"]


class Source(Strict):
    """Where the data was encoded from."""

    file: NonEmpty
    """The text the plan was encoded from (in ``shared/seeds/``)."""
    note: Text | None = None


class Plan(Strict):
    """One plan document: what it is, what it is based on, what it says, and its appendix."""

    id: Slug
    """Identifier, e.g. ``soc-trang-2022``; the file must be ``plans/<id>.yaml``."""
    document_type: PlanDocumentType
    """``decision`` when the plan is issued with a decision (01/QĐ-BCĐASEAN), else ``plan``."""
    title: Text
    """The title as printed."""
    short_title: Text
    """A short name for lists and headers."""
    number: NonEmpty | None
    """Document number (``01/QĐ-BCĐASEAN``); ``null`` when left blank in the source."""
    number_as_printed: NonEmpty | None = None
    """The number line exactly as printed when it is partly blank (``Số: /KH-UBND``)."""
    issued: PartialDate | None
    """Date of issue; ``YYYY-MM`` when the day is blank, ``null`` when not stated at all."""
    place: Text | None = None
    """Place of issue as printed (Hà Nội, Sóc Trăng)."""
    issuer: Slug
    """The unit (``plans/units.yaml``) whose plan this is."""
    issuing_agency: Slug
    """The body that issued it (``plans/agencies.yaml``): a committee or People's Committee."""
    signer: Signer | None
    """Who signed; ``null`` when the source does not show a signature."""
    period: Period
    status: Status
    """Whether the plan is still in force. Plans for 2021–2025 have expired."""
    legal_basis: list[LegalRef] = Field(default_factory=list)
    sections: list[Node] = Field(min_length=1)
    """The body of the plan, in source order."""
    recipients: list[Text] = Field(default_factory=list)
    """The "Nơi nhận" list as printed."""
    appendix: Appendix | None = None
    quirks: list[Quirk] = Field(default_factory=list)
    source: Source

    def nodes(self) -> Iterator[tuple[Node, NodeContext, tuple[int, ...]]]:
        """Every node of the body in source order, with its inherited context and position."""
        for i, section in enumerate(self.sections):
            yield from section.walk(None, (i,))

    def assignments(self) -> list[tuple[str, Node, str | None]]:
        """Every assignment of the body (``kind: assignment`` on the node itself) as
        (key, node, key of the assignment it is nested in or ``None``), in source order.
        The key is the node's numbering path, its refs joined by dots (``IV.7.c``): what a
        progress record names in ``assignment``."""
        out: list[tuple[str, Node, str | None]] = []
        keys: dict[tuple[int, ...], str] = {}
        """Position of each assignment → its key, to find the one a node is nested in."""
        for node, ctx, position in self.nodes():
            if node.kind != "assignment":
                continue
            parent = next((keys[position[:n]] for n in range(len(position) - 1, 0, -1) if position[:n] in keys), None)
            key = ".".join(ctx.path)
            keys[position] = key
            out.append((key, node, parent))
        return out

    @property
    def tracks_assignments(self) -> bool:
        """Whether implementation is tracked by assignment: a plan without an appendix."""
        return self.appendix is None

    @property
    def parent_plan(self) -> str | None:
        """The id of the plan this one implements, when we have it."""
        for ref in self.legal_basis:
            if ref.implements and ref.plan:
                return ref.plan
        return None


def agency_references(obj: object) -> list[tuple[str, list[str]]]:
    """The fields of one model object that name agencies, as (field, ids): the one
    definition the check, the index and the API share of what refers to an agency."""
    if isinstance(obj, (Node, Parties)):
        return [("agencies", obj.agencies)]
    if isinstance(obj, Deadline):
        return [("from_agencies", obj.from_agencies), ("to_agencies", obj.to_agencies)]
    return []
