"""The site's vocabulary, each word defined once: statuses, timeline kinds, topics, quiz topics.

Models validate against these ids, templates, the report and the CLI print their
labels, and ``make messages`` extracts the labels' message ids (marked with
:func:`N_`) into the catalogs. Adding a status or a quiz topic is one line here and
one translation in ``site_builder/locale/vi``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def N_(message: str) -> str:  # noqa: N802 - the name gettext's extractors know
    """Mark a message id for extraction; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Term:
    """One word of the vocabulary: the id data and addresses use, and its label's message id."""

    id: str
    msgid: str
    """English, the gettext message id of the label readers see."""

    def label(self, gettext: Callable[[str], str]) -> str:
        return gettext(self.msgid)


def ids(terms: tuple[Term, ...]) -> tuple[str, ...]:
    return tuple(term.id for term in terms)


NOT_STARTED = Term("not-started", N_("Not started"))
IN_PROGRESS = Term("in-progress", N_("In progress"))
DONE = Term("done", N_("Done"))
ONGOING = Term("ongoing", N_("Ongoing, carried out"))
CANCELLED = Term("cancelled", N_("Cancelled"))
STATUSES: tuple[Term, ...] = (NOT_STARTED, IN_PROGRESS, DONE, ONGOING, CANCELLED)
"""What an implementation record says of a task in a year, in the order of a task's life
(the order the record schema lists them)."""
STATUS_TABLE_ORDER: tuple[Term, ...] = (DONE, ONGOING, IN_PROGRESS, NOT_STARTED, CANCELLED)
"""The order tables, filters and the report show them: what was achieved first."""
NOT_REPORTED = Term("not-reported", N_("Not reported"))
"""No record for the year: its own count, never zero progress and never done."""
STATUS_BY_ID = {term.id: term for term in (*STATUSES, NOT_REPORTED)}

TIMELINE_KINDS: tuple[Term, ...] = (
    Term("continuous", N_("Ongoing")),
    Term("yearly", N_("Yearly")),
    Term("year", N_("One year")),
    Term("years", N_("Several years")),
    Term("not-stated", N_("Not stated")),
    Term("other", N_("Other")),
)
"""How a plan's appendix states when an activity happens."""

QUIZ_TOPICS: tuple[Term, ...] = (
    Term("history", N_("History of ASEAN")),
    Term("pillars", N_("The three pillars")),
    Term("members", N_("Member states")),
    Term("covid-19", N_("COVID-19 cooperation")),
    Term("viet-nam", N_("Viet Nam in ASEAN")),
    Term("local", N_("Local province")),
)
"""The topics of the quiz bank, in the order the quiz index lists them."""
MIXED_QUIZ = Term("mixed", N_("Mixed quiz: 10 random questions"))
"""The quiz drawn from every topic (not a topic of a question)."""
QUIZ_BY_ID = {term.id: term for term in (*QUIZ_TOPICS, MIXED_QUIZ)}


@dataclass(frozen=True)
class Topic:
    """A pillar or cross-cutting topic that plan themes, activities and pages are tagged with.

    Names are written here in both languages rather than in the catalogs: they are the
    plans' own words, and the abbreviations are printed on tags. Vietnamese joins the two
    words of a pillar with a spaced en dash ("Chính trị – An ninh"), as it writes a range;
    English keeps ASEAN's own hyphenated compounds ("Political-Security", "Socio-Cultural",
    as in the ASEAN Political-Security Community Blueprint 2025)."""

    id: str
    vi: str
    en: str
    abbr: str
    """Short code shown on tags (APSC, AEC, ASCC for the three Community pillars)."""
    pillar: bool
    """True for the three ASEAN Community pillars, false for cross-cutting topics."""

    def name(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


TOPICS: tuple[Topic, ...] = (
    Topic("political-security", "Trụ cột Chính trị – An ninh", "Political-Security pillar", "APSC", True),
    Topic("economic", "Trụ cột Kinh tế", "Economic pillar", "AEC", True),
    Topic("socio-cultural", "Trụ cột Văn hóa – Xã hội", "Socio-Cultural pillar", "ASCC", True),
    Topic("covid-19", "Hợp tác ASEAN ứng phó COVID-19", "ASEAN cooperation on COVID-19 response", "COVID-19",
          False),
    Topic("tourism", "Du lịch", "Tourism", "DL/TOUR", False),
    Topic("identity", "Bản sắc ASEAN", "ASEAN identity", "ID", False),
    Topic("connectivity", "Kết nối", "Connectivity", "CONN", False),
)
TOPIC_BY_ID = {t.id: t for t in TOPICS}
TOPIC_IDS: tuple[str, ...] = tuple(t.id for t in TOPICS)

DOCUMENT_TYPES: tuple[Term, ...] = (
    Term("law", N_("Law")),
    Term("resolution", N_("Resolution")),
    Term("decree", N_("Decree")),
    Term("decision", N_("Decision")),
    Term("plan", N_("Plan")),
    Term("directive", N_("Directive")),
    Term("charter", N_("Charter")),
    Term("treaty", N_("Treaty")),
    Term("declaration", N_("Declaration")),
    Term("vision", N_("Vision")),
    Term("agreement", N_("Agreement")),
)
"""The kinds of document the plans cite (``content/data/documents.yaml``), shown before its number."""

AGENCY_KINDS: tuple[Term, ...] = (
    Term("party", N_("Party body")),
    Term("government", N_("Government")),
    Term("ministry", N_("Ministry")),
    Term("committee", N_("Committee")),
    Term("people-committee", N_("People's Committee")),
    Term("department", N_("Department")),
    Term("police", N_("Police")),
    Term("press", N_("Press")),
    Term("broadcaster", N_("Broadcaster")),
    Term("union", N_("Union")),
    Term("association", N_("Association")),
    Term("business", N_("Business organisation")),
    Term("education", N_("Education")),
    Term("collective", N_("Several bodies (a phrase used in the plans)")),
    Term("other", N_("Other")),
)
"""What kind of body an agency of ``plans/agencies.yaml`` is."""

AGENCY_ROLES: tuple[Term, ...] = (
    Term("lead", N_("Leads")),
    Term("partner", N_("Supports as partner")),
    Term("assignee", N_("Tasks assigned")),
    Term("reports", N_("Reports due")),
    Term("receives", N_("Receives reports")),
    Term("issuer", N_("Issued")),
)
"""What an agency does in a task of the plans, in the order its page lists them."""

PLAN_LEVELS: tuple[Term, ...] = (
    Term("national", N_("National")),
    Term("central", N_("Ministries and central agencies")),
    Term("province", N_("Provincial")),
    Term("district", N_("District")),
)
"""The levels that issue plans, as the plans page groups them."""

CENTRAL_KINDS: tuple[Term, ...] = (
    Term("ministry", N_("Ministry")),
    Term("ministerial-agency", N_("Ministerial-level agency")),
    Term("government-agency", N_("Government agency")),
    Term("party", N_("Party body")),
    Term("mass-organisation", N_("Mass organisation")),
    Term("press", N_("Press agency")),
)
"""What a central unit is (``plans/units.yaml``, ``level: central``: its ``kind``)."""

DUTY_ROLES: tuple[Term, ...] = (
    Term("lead", N_("as lead agency")),
    Term("partner", N_("as partner agency")),
    Term("assignee", N_("to carry out")),
    Term("reports", N_("to report")),
)
"""What a plan asks of a group of bodies, as a unit's section words it ("asked of the relevant
ministries, as partner agency"): :mod:`site_builder.derive.assignments`."""

TRANSLATION_GAPS: tuple[Term, ...] = (
    Term("missing-page", N_("Pages in one language only")),
    Term("missing-field", N_("Data fields without English")),
    Term("outdated", N_("Translations older than their source")),
)
"""What the translation report lists (:mod:`site_builder.derive.translation_status`), in its order."""

VOCABULARIES: dict[str, tuple[Term, ...]] = {
    "status": (*STATUSES, NOT_REPORTED),
    "timeline": TIMELINE_KINDS,
    "quiz": (*QUIZ_TOPICS, MIXED_QUIZ),
    "document-type": DOCUMENT_TYPES,
    "agency-kind": AGENCY_KINDS,
    "agency-role": AGENCY_ROLES,
    "plan-level": PLAN_LEVELS,
    "central-kind": CENTRAL_KINDS,
    "duty-role": DUTY_ROLES,
    "translation-gap": TRANSLATION_GAPS,
}
"""Every list of words by name, for the templates (``asean.terms("agency-role")``,
``asean.term("document-type", d.type)``)."""
_BY_ID = {name: {term.id: term for term in terms} for name, terms in VOCABULARIES.items()}


def term(vocabulary: str, term_id: str) -> Term:
    """One word of a vocabulary of :data:`VOCABULARIES` by its id."""
    return _BY_ID[vocabulary][term_id]
