"""The forms' words: field labels, hints and the names of choices, in Vietnamese and English.

The form shows one label whatever the interface language, so each is written in both,
Vietnamese first ("Tiêu đề / Title"). Both come from the gettext catalogs
(``site_builder/locale``), under the message context ``cms`` (a form's words are not always
the site's: the form's "Date" is the day an article is published, "Ngày đăng"); the
few English texts that say two things in Vietnamese have a context of their own. The
labels and hints are written as ``pgettext`` calls so that ``make messages`` extracts them;
each table is built twice, once with each language's catalog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from site_builder.core.i18n import translations
from site_builder.core.vocabulary import STATUSES, TOPICS

Pgettext = Callable[[str, str], str]
"""``pgettext(context, message)`` of one language's catalog."""


def _labels(pgettext: Pgettext) -> dict[str, str]:
    """Form labels by field name. A field without an entry is labelled with its name (still
    in the form)."""
    return {**_page_labels(pgettext), **_report_labels(pgettext), **_data_labels(pgettext),
            **_member_labels(pgettext)}


def _page_labels(pgettext: Pgettext) -> dict[str, str]:
    """The fields of a page's front matter, and the two languages of a text."""
    return {
        "title": pgettext("cms", "Title"),
        "description": pgettext("cms", "Summary"),
        "date": pgettext("cms", "Date"),
        "updated": pgettext("cms", "Updated"),
        "tags": pgettext("cms", "Tags"),
        "topics": pgettext("cms", "Pillars and topics"),
        "unit": pgettext("cms", "Unit"),
        "sources": pgettext("cms", "Sources"),
        "publisher": pgettext("cms", "Publisher"),
        "url": pgettext("cms", "Address (https)"),
        "image": pgettext("cms", "Photo"),
        "image_alt": pgettext("cms", "Alt text"),
        "image_caption": pgettext("cms", "Caption"),
        "image_credit": pgettext("cms", "Photo credit"),
        "image_licence": pgettext("cms", "Photo licence"),
        "illustration": pgettext("cms", "Drawing (without a photo)"),
        "body": pgettext("cms", "Text"),
        "vi": pgettext("cms", "Vietnamese"),
        "en": pgettext("cms", "English"),
    }


def _report_labels(pgettext: Pgettext) -> dict[str, str]:
    """The fields of an implementation report (``plans/progress/``)."""
    return {
        "plan": pgettext("cms", "Plan"),
        "year": pgettext("cms", "Year"),
        "example": pgettext("cms", "Example data"),
        "reported_by": pgettext("cms", "Reporting body"),
        "difficulties": pgettext("cms", "Difficulties"),
        "proposals": pgettext("cms", "Proposals"),
        "records": pgettext("cms", "Records"),
        "activity": pgettext("cms", "Activity id (appendix)"),
        "assignment": pgettext("cms", "Assignment"),
        "status": pgettext("cms", "Status"),
        "progress": pgettext("cms", "Progress (%)"),
        "done": pgettext("cms", "What was done"),
        "milestones": pgettext("cms", "Milestones"),
        "text": pgettext("cms", "Text"),
        "evidence": pgettext("cms", "Evidence"),
        "page": pgettext("cms", "Page of this site"),
        "alt": pgettext("cms: evidence", "Alt text"),
        "reporting_agency": pgettext("cms", "Reporting agency"),
    }


def _data_labels(pgettext: Pgettext) -> dict[str, str]:
    """The fields of the events and documents of ``content/data/``."""
    return {
        "name": pgettext("cms", "Name"),
        "summary": pgettext("cms", "Summary"),
        "type": pgettext("cms", "Type"),
        "number": pgettext("cms", "Number"),
        "issuer": pgettext("cms", "Issuer"),
        "recurrence": pgettext("cms", "Recurrence"),
        "end": pgettext("cms", "End"),
        "month": pgettext("cms", "Month"),
        "day": pgettext("cms", "Day"),
        "link": pgettext("cms", "Page of this site"),
        "id": pgettext("cms", "Id (lower case, hyphens)"),
        "source": pgettext("cms", "Source"),
        "end_month": pgettext("cms", "End month"),
        "end_day": pgettext("cms", "End day"),
        "events": pgettext("cms", "Events"),
        "documents": pgettext("cms", "Documents"),
        "members": pgettext("cms", "Member states"),
    }


def _member_labels(pgettext: Pgettext) -> dict[str, str]:
    """The fields of a member state's profile (``content/data/members.yaml``)."""
    return {
        "iso": pgettext("cms", "Country code (two letters)"),
        "official_name": pgettext("cms", "Official name"),
        "capital": pgettext("cms", "Capital"),
        "joined": pgettext("cms", "Joined ASEAN"),
        "founding": pgettext("cms", "Founding member"),
        "area": pgettext("cms", "Area"),
        "km2": pgettext("cms", "Km²"),
        "population": pgettext("cms", "Population"),
        "count": pgettext("cms", "Number of people"),
        "approximate": pgettext("cms", "Approximate figure"),
        "currency": pgettext("cms", "Currency"),
        "languages": pgettext("cms", "Languages"),
        "government": pgettext("cms", "System of government"),
        "profile": pgettext("cms", "Profile"),
        "relations": pgettext("cms", "Relations with Viet Nam"),
        "diplomatic": pgettext("cms", "Diplomatic relations"),
        "framework": pgettext("cms", "Framework"),
        "world_heritage": pgettext("cms", "World Heritage"),
        "sites": pgettext("cms", "Sites"),
        "note": pgettext("cms", "Note"),
        "highlights": pgettext("cms", "Highlights"),
        "read": pgettext("cms", "Read on"),
        "official_responsible": pgettext("cms", "Official responsible"),
    }


def _hints(pgettext: Pgettext) -> dict[str, str]:
    """Hints in plain words for every field that needs one: written for an editor, not taken
    from the models' docstrings (which speak to developers)."""
    return {
        "description": pgettext("cms", "One or two sentences, shown in search results and when the page is shared."),
        "date": pgettext("cms", "The day the article is published."),
        "updated": pgettext("cms", "The day the facts were last checked."),
        "topics": pgettext("cms", "The pillars and topics the article is about."),
        "tags": pgettext("cms", "Pick from the existing tags."),
        "unit": pgettext("cms", "The province or city the article is about."),
        "sources": pgettext("cms", "What the article draws on. Entered once for both languages. Each source needs its "
                                      "address or who published it."),
        "publisher": pgettext("cms", "Who published it, e.g. ASEAN Secretariat."),
        "url": pgettext("cms", "An address starting with https://."),
        "image": pgettext("cms", "Upload a photo (at least 480 px wide); its file name is rewritten without "
                                    "accents. A photo needs its description, credit and licence."),
        "image_alt": pgettext("cms", "Required with a photo: what it shows."),
        "image_caption": pgettext("cms", "Optional: a line under the photo."),
        "image_credit": pgettext("cms: image_credit", "Required with a photo."),
        "image_licence": pgettext("cms: image_licence", "Required with a photo."),
        "illustration": pgettext("cms", "Only without a photo: one of the section's drawings."),
        "year": pgettext("cms", "The year the results are for."),
        "reported_by": pgettext("cms", "The body that compiles the report."),
        "difficulties": pgettext("cms", "The year's difficulties."),
        "proposals": pgettext("cms", "Proposals."),
        "vi": pgettext("cms", "In Vietnamese."),
        "en": pgettext("cms", "In English (expected)."),
        "activity": pgettext("cms", "Pick the activity in the plan's appendix."),
        "assignment": pgettext("cms", "For a plan without an appendix: the number of the task's section, e.g. IV.1."),
        "progress": pgettext("cms", "Optional: the share done, when it differs from the status."),
        "done": pgettext("cms", "What was done; if not started or cancelled, why."),
        "page": pgettext("cms", "A page of this section."),
        "alt": pgettext("cms", "For a photo: what it shows."),
        "reporting_agency": pgettext("cms", "The body reporting this result."),
        "end": pgettext("cms", "For an event of several days: its last day."),
        "link": pgettext("cms", "A page of this section about the event."),
        "number": pgettext("cms", "The document's number, e.g. 1160/QĐ-TTg."),
        "updated_report": pgettext("cms", "The day the report was saved: set to today on every save."),
    }


def _words(pgettext: Pgettext) -> dict[str, str]:
    """The other words of the configuration: collections, and what a former unit is called."""
    return {
        "news": pgettext("cms", "News"),
        "tourism": pgettext("cms", "Tourism pages"),
        "events": pgettext("cms", "Events"),
        "documents": pgettext("cms", "Documents"),
        "members": pgettext("cms", "Member profiles"),
        "former": pgettext("cms", "former"),
        "records": pgettext("cms", "Implementation records"),
        "records_of_a_year": pgettext("cms", "Implementation records of one year"),
        "or": pgettext("cms", "or"),
        "does_not_match": pgettext("cms", "does not match"),
    }


def both(vi: str, en: str) -> str:
    """One text in both languages, Vietnamese first; once when both say the same ("Km²")."""
    return vi if vi == en else f"{vi} / {en}"


def _in_both(table: Callable[[Pgettext], dict[str, str]]) -> dict[str, str]:
    vi, en = table(translations("vi").pgettext), table(translations("en").pgettext)
    return {key: both(vi[key], en[key]) for key in vi}


@cache
def labels() -> dict[str, str]:
    """Form labels in both languages, by field name."""
    return _in_both(_labels)


@cache
def hints() -> dict[str, str]:
    """Form hints in both languages, by field name (``updated_report``: a report's ``updated``)."""
    return _in_both(_hints)


@cache
def words() -> dict[str, str]:
    """Collection names and the other words of the configuration, in both languages."""
    return _in_both(_words)


@cache
def words_in(lang: str) -> dict[str, str]:
    """The same words in one language, for a text that places them apart
    ("Kết quả thực hiện: <plan> / Implementation records")."""
    return _words(translations(lang).pgettext)


def option_labels() -> dict[str, str]:
    """What the form shows for a choice of the vocabulary (a status, a topic), in both
    languages: an editor picks "Đã hoàn thành / Done", the file gets ``done``."""
    vi = translations("vi").gettext
    en = translations("en").gettext
    options = {term.id: both(term.label(vi), term.label(en)) for term in STATUSES}
    options.update({topic.id: f"{topic.vi} / {topic.en}" for topic in TOPICS})
    return options


def options(values: Iterable[Any]) -> list[Any]:
    """The options of a select field: a word of the vocabulary by its label, anything else as it is."""
    names = option_labels()
    return [{"label": names[v], "value": v} if v in names else v for v in values]
