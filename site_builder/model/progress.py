"""Implementation records (``plans/progress/<plan-id>-<year>.yaml``): what was done, per year.

Modelled on Decidim's accountability results (status, progress, dated timeline entries,
parent progress from children) and the Open Government Partnership's completion levels.
"Not reported" is never a record: an activity without a record for a year is shown as
not reported, which is different from zero progress and from done.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from site_builder.core.vocabulary import CANCELLED, DONE, IN_PROGRESS, NOT_STARTED, ONGOING
from site_builder.model.common import HttpsUrl, NonEmpty, PartialDate, SitePath, Slug, Strict, Text, bilingual_error

Status = Literal["not-started", "in-progress", "done", "ongoing", "cancelled"]
"""The ids of :data:`~site_builder.core.vocabulary.STATUSES`, written out so that the type
checker sees a type (``Literal[ids(STATUSES)]`` is not one); ``tests/test_vocabulary.py``
holds the two together."""
DEFAULT_PROGRESS: dict[str, int | None] = {
    NOT_STARTED.id: 0,
    IN_PROGRESS.id: 50,
    DONE.id: 100,
    ONGOING.id: 100,
    CANCELLED.id: None,
}
"""Progress (%) a status stands for unless a record says otherwise. ``ongoing`` is a
continuous task carried out that year (100 %); ``cancelled`` counts in no average."""


class Milestone(Strict):
    date: PartialDate
    text: Text


class Evidence(Strict):
    """A document, article or photo that shows the work."""

    title: Text
    url: HttpsUrl | None = None
    page: SitePath | None = None
    """A page of this site (e.g. ``news/ky-niem-55-nam-thanh-lap-asean/``)."""
    alt: Text | None = None
    """For a photo: its alternative text, in both languages."""

    @model_validator(mode="after")
    def _where(self) -> Evidence:
        if (self.url is None) == (self.page is None):
            raise bilingual_error("cần đúng một trong 'url' hoặc 'page'", "give exactly one of 'url' or 'page'")
        return self


class Record(Strict):
    """What an agency reports about one task of the plan for one year: an appendix activity
    (plans with an appendix) or an assignment of the plan's body (plans without one)."""

    activity: NonEmpty | None = None
    """The appendix activity's id, e.g. ``II.3``."""
    assignment: NonEmpty | None = None
    """For a plan without an appendix: the numbering path of an assignment of its body
    (a node with ``kind: assignment``), its refs joined by dots, e.g. ``IV.1`` or ``IV.7.c``."""
    status: Status
    progress: int | None = Field(default=None, ge=0, le=100)
    """Overrides the status's default progress (%)."""
    done: Text
    """What was done (or, when not started or cancelled, why not)."""
    milestones: list[Milestone] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    reporting_agency: Slug
    updated: PartialDate

    @model_validator(mode="after")
    def _one_target(self) -> Record:
        if (self.activity is None) == (self.assignment is None):
            raise bilingual_error(
                "cần đúng một trong 'activity' (mã hoạt động của phụ lục) hoặc 'assignment' (số mục phân công, vd. 'IV.1')",
                "give exactly one of 'activity' (an appendix activity id) or 'assignment' "
                "(an assignment's numbering, e.g. 'IV.1')",
            )
        return self

    @property
    def target(self) -> str:
        """The activity id or assignment path this record reports on."""
        return self.activity or self.assignment or ""

    @property
    def percent(self) -> int | None:
        return self.progress if self.progress is not None else DEFAULT_PROGRESS[self.status]


class ProgressFile(Strict):
    """One plan's implementation records for one year."""

    plan: Slug
    year: int = Field(ge=2000, le=2100)
    example: bool = False
    """True for example records made to show the feature: the site labels them as examples
    until a unit replaces them with its real report."""
    reported_by: Slug
    """The agency that compiles the report (usually the Department of Information and Communications)."""
    updated: PartialDate
    difficulties: Text | None = None
    proposals: Text | None = None
    records: list[Record]
