"""The pages generated from the data, as engine-neutral specs.

A generated page is a spec: one of the page kinds of :mod:`.kinds` (a frozen dataclass
per kind), with where it goes, its title and description and the records it shows (the
objects themselves, never ids to look up again); its class names its template and what
else it shows is computed when it renders (:mod:`site_builder.render.contexts`). The
engine gets a one-line Markdown body, the title as the page heading; data is never pasted
into Markdown, and the templates in ``theme/`` render it with autoescaping. Generated
pages are kept out of the navigation: index pages link to them, so a page's HTML does
not grow with the number of plans.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from site_builder.core import urls
from site_builder.core.vocabulary import MIXED_QUIZ, QUIZ_TOPICS, TOPIC_BY_ID, TOPICS
from site_builder.derive.basis import Basis
from site_builder.derive.generated import escape_markdown
from site_builder.derive.kinds import (
    ActivitiesWidget,
    ActivityPage,
    AgenciesIndex,
    AgencyPage,
    CalendarPage,
    DocumentsIndex,
    EmbedIndex,
    EventsWidget,
    MemberPage,
    MembersIndex,
    MemberWidget,
    NewsArchive,
    NewsList,
    NewsTagList,
    NewsTopicList,
    NewsWidget,
    NewsYearList,
    PageSpec,
    PillarPage,
    PillarsIndex,
    PillarWidget,
    PlanPage,
    PlansIndex,
    PlanTextPage,
    ProgressWidget,
    QuizIndex,
    QuizPage,
    QuizPrintPage,
    QuizWidget,
    SearchPage,
    TranslationsPage,
    UnitPage,
    UnitsIndex,
    WidgetPage,
    WidgetSpec,
)
from site_builder.derive.newsroom import NEWS, ListingPage, Newsroom
from site_builder.inputs.content_tree import ContentSet
from site_builder.model import Plan
from site_builder.model.content import Tag

__all__ = ["GeneratedPages", "PageSpec", "escape_markdown", "generate", "shorten"]

Gettext = Callable[[str], str]
W = TypeVar("W", bound=WidgetPage)


def shorten(text: str, limit: int = 155) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class GeneratedPages:
    """The generated pages of one language."""

    pages: list[PageSpec]
    """Every page, in URL order."""
    widgets: list[WidgetSpec]
    """The widget pages, in the order the "Embed this" page lists them (also in ``pages``)."""


def generate(project: Basis, lang: str, t: Gettext) -> GeneratedPages:
    """Every generated page for one language. ``t`` translates interface strings."""
    pages: list[PageSpec] = [*index_specs(t), *member_specs(project.content, lang)]
    pages += news_specs(project.newsroom(lang), project.content, lang, t)
    for plan in project.index.plans:
        pages += plan_specs(plan, project.index.dataset.files[plan.id], lang, t)
    pages += record_specs(project, lang, t)
    pages += quiz_specs(project, t)
    widgets = widget_specs(project, lang, t)
    return GeneratedPages(sorted([*pages, *widgets], key=lambda p: p.url), widgets)


def index_specs(t: Gettext) -> list[PageSpec]:
    """The index pages: lists of plans, agencies, pillars, units, members and documents, the
    calendar, search and the translation status."""
    return [
        PlansIndex(url=urls.INDEXES["plans"], title=t("Plans"),
                   description=t("Every ASEAN communication plan: national, provincial and district, "
                                 "with who must do what, by when.")),
        AgenciesIndex(url=urls.INDEXES["agencies"], title=t("Agencies"),
                      description=t("The agencies named in the plans and every task they lead or support.")),
        PillarsIndex(url=urls.INDEXES["pillars"], title=t("Pillars and topics"),
                     description=t("The three ASEAN Community pillars and the topics the plans set, "
                                   "side by side across levels.")),
        UnitsIndex(url=urls.INDEXES["units"], title=t("Units"),
                   description=t("The provinces and centrally-run cities of today, what each was formed from, "
                                 "and the former provinces and districts that issued plans.")),
        CalendarPage(url=urls.INDEXES["calendar"], title=t("Calendar"),
                     description=t("ASEAN days and the reporting deadlines the plans set.")),
        SearchPage(url=urls.INDEXES["search"], title=t("Search"), description=t("Search the ASEAN section.")),
        MembersIndex(url=urls.INDEXES["members"], title=t("Member states"),
                     description=t("The member states of ASEAN, with their capitals, dates of joining "
                                   "and links with Viet Nam.")),
        DocumentsIndex(url=urls.INDEXES["documents"], title=t("Documents"),
                       description=t("The legal and plan documents that the plans cite.")),
        TranslationsPage(url="translations/", title=t("Translation status"),
                         description=t("For the editorial team: pages and data still to translate, "
                                       "and translations older than their source.")),
        EmbedIndex(url=urls.INDEXES["embed"], title=t("Embed this"),
                   description=t("Widgets of the ASEAN section for your own web portal, with the code to copy.")),
    ]


def member_specs(content: ContentSet, lang: str) -> list[PageSpec]:
    """A page per member state."""
    specs: list[PageSpec] = []
    for member in content.members or []:
        name, name_lang = member.name.in_lang(lang)
        specs.append(MemberPage(url=urls.member(member.id), title=name, description=shorten(member.profile.text(lang)),
                                extra={"edit_path": "content/data/members.yaml"}, title_lang=name_lang,
                                member=member))
    return specs


def plan_specs(plan: Plan, data_file: str, lang: str, t: Gettext) -> list[PageSpec]:
    """A plan's page, the page of its full text and a page per appendix activity."""
    edit: dict[str, object] = {"edit_path": data_file}
    title, title_lang = plan.short_title.in_lang(lang)
    specs: list[PageSpec] = [
        PlanPage(url=urls.plan(plan.id), title=title, description=shorten(plan.title.text(lang)), extra=edit,
                 title_lang=title_lang, plan=plan),
        PlanTextPage(url=urls.plan_text(plan.id), title=t("Full text: %(plan)s") % {"plan": title},
                     description=shorten(t("The full text of %(plan)s, as issued.") % {"plan": plan.title.text(lang)}),
                     extra=edit, title_lang=title_lang, plan=plan),
    ]
    appendix = plan.appendix
    if appendix is None:
        return specs
    for activity in appendix.activities:
        name, name_lang = activity.name.in_lang(lang)
        specs.append(ActivityPage(url=urls.activity(plan.id, activity.slug), title=f"{activity.id} · {shorten(name, 90)}",
                                  description=shorten(name), extra=edit, title_lang=name_lang,
                                  plan=plan, appendix=appendix, activity=activity))
    return specs


def record_specs(project: Basis, lang: str, t: Gettext) -> list[PageSpec]:
    """A page per agency, pillar or topic, and unit."""
    data = project.index.dataset
    specs: list[PageSpec] = []
    for agency in data.agencies.values():
        name, name_lang = agency.name.in_lang(lang)
        specs.append(AgencyPage(
            url=urls.agency(agency.id), title=name, title_lang=name_lang, agency=agency,
            description=t("%(agency)s: what the ASEAN communication plans ask of it, and what was reported.")
            % {"agency": name}, extra={"edit_path": "plans/agencies.yaml"}))
    for topic in TOPICS:
        specs.append(PillarPage(
            url=urls.topic(topic.id), title=topic.name(lang), topic=topic, extra={"hide": ["toc"]},
            description=t("%(topic)s: what the ASEAN communication plans set on it, side by side across levels.")
            % {"topic": topic.name(lang)}))
    for unit in data.units.values():
        name, name_lang = unit.name.in_lang(lang)
        specs.append(UnitPage(
            url=urls.unit(unit.id), title=name, title_lang=name_lang, unit=unit,
            description=t("%(unit)s: its ASEAN communication plans, what it was formed from, and what was reported.")
            % {"unit": name}, extra={"edit_path": "plans/units.yaml"}))
    return specs


def news_specs(newsroom: Newsroom, content: ContentSet, lang: str, t: Gettext) -> list[PageSpec]:
    """Every page of every news list (the news, each year, topic and tag, 20 articles a
    page; :mod:`.newsroom`), and the archive page that leads to the lists."""
    tags = {tag.id: tag for tag in content.tags or []}
    specs: list[PageSpec] = [NewsArchive(url=urls.INDEXES["news-archive"], title=t("News archive"),
                                         description=t("News by year, by pillar or topic and by tag."))]
    for listing in newsroom.pages():
        specs.append(news_list(listing, tags, lang, t))
    return specs


def news_list(listing: ListingPage, tags: Mapping[str, Tag], lang: str, t: Gettext) -> NewsList:
    """The spec of one page of a news list: the news, a year's, a topic's or a tag's."""
    kind, key = listing.key
    page: NewsList
    if listing.key == NEWS:
        page = NewsList(url=listing.url, title=t("News"),
                        description=t("News about ASEAN and the ASEAN communication plans."))
    elif kind == "news-year":
        page = NewsYearList(url=listing.url, title=t("News of %(year)s") % {"year": key}, year=key)
    elif kind == "news-topic":
        topic = TOPIC_BY_ID[key]
        page = NewsTopicList(url=listing.url, title=t("News: %(name)s") % {"name": topic.name(lang)}, topic=topic)
    else:
        name, title_lang = tags[key].name.in_lang(lang)
        page = NewsTagList(url=listing.url, title=t("News: %(name)s") % {"name": name}, title_lang=title_lang,
                           tag=tags[key])
    title = page.title
    if listing.number > 1:
        title = t("%(title)s, page %(page)s of %(pages)s") % {
            "title": title, "page": listing.number, "pages": listing.count}
    return replace(page, title=title, description=page.description or t("%(title)s, newest first.") % {"title": page.title})


def quiz_specs(project: Basis, t: Gettext) -> list[PageSpec]:
    """Quiz pages: an index, one quiz per topic and a mixed one, each with a printable copy."""
    content = project.content
    if not content.quiz:
        return []
    asked = {q.topic for q in content.quiz}
    topics = [topic for topic in QUIZ_TOPICS if topic.id in asked] + [MIXED_QUIZ]
    specs: list[PageSpec] = [QuizIndex(
        url=urls.quiz(), title=t("ASEAN quiz"),
        description=t("Practice quizzes about ASEAN for students and the public, in both languages."))]
    for term in topics:
        topic, title = term.id, term.label(t)
        specs.append(QuizPage(
            url=urls.quiz(topic), title=t("Quiz: %(title)s") % {"title": title}, quiz=topic,
            description=t("A practice quiz about ASEAN (%(title)s), with the answer and its source after each question.")
            % {"title": title}, extra={"edit_path": "content/data/quiz.yaml", "hide": ["toc"]}))
        specs.append(QuizPrintPage(
            url=f"{urls.quiz(topic)}print/", title=t("Quiz: %(title)s (printable)") % {"title": title}, quiz=topic,
            description=t("A practice quiz about ASEAN (%(title)s) to print, with the answers at the end.")
            % {"title": title}, extra={"hide": ["navigation", "toc"]}))
    return specs


def widget_specs(project: Basis, lang: str, t: Gettext) -> list[WidgetSpec]:
    """The embeddable widgets of one language, in the order the "Embed this" page lists them.

    Widget pages use their own minimal template (no site chrome) and report their
    height to the host page; see ``theme/assets/embed-frame.js`` and ``/embed.js``.
    Each names the full page it shows a part of (``full_page``): its canonical address,
    so that a search engine sends readers to the page with the site around it rather
    than to a bare widget.
    """
    index, content = project.index, project.content

    def described(page: W) -> W:
        return replace(page, description=t("%(title)s: a widget of the ASEAN section to embed in a web portal.")
                       % {"title": page.title})

    def full(page: str) -> dict[str, object]:
        return {"full_page": page}

    specs: list[WidgetSpec] = [
        described(NewsWidget(url=urls.embed("news"), title=t("Latest news"), extra=full(urls.INDEXES["news"]))),
        described(EventsWidget(url=urls.embed("events"), title=t("Upcoming events"),
                               extra=full(urls.INDEXES["calendar"]))),
    ]
    if content.quiz:
        specs.append(described(QuizWidget(url=urls.embed("quiz"), title=t("ASEAN quiz"), extra=full(urls.quiz("mixed")))))
    for plan in index.plans:
        title, title_lang = plan.short_title.in_lang(lang)
        if plan.appendix is not None:
            specs.append(described(ActivitiesWidget(url=urls.embed("plans", plan.id), title=title, title_lang=title_lang,
                                                    extra=full(urls.plan(plan.id)), plan=plan)))
        if plan.appendix is not None or plan.assignments():
            specs.append(described(ProgressWidget(url=urls.embed("progress", plan.id), title_lang=title_lang,
                                                  title=t("Implementation: %(plan)s") % {"plan": title},
                                                  extra=full(urls.plan(plan.id)), plan=plan)))
    for topic in TOPICS:
        specs.append(described(PillarWidget(url=urls.embed("pillars", topic.id), title=topic.name(lang),
                                            extra=full(urls.topic(topic.id)), topic=topic)))
    for member in content.members or []:
        name, name_lang = member.name.in_lang(lang)
        specs.append(described(MemberWidget(url=urls.embed("members", member.id), title=name, title_lang=name_lang,
                                            extra=full(urls.member(member.id)), member=member)))
    return specs
