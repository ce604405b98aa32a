"""The pages generated from the data, as engine-neutral specs.

A generated page is a spec: where it goes, its title and description, the template
that lays it out and the records it shows (:class:`Subject`, the objects themselves, never
ids to look up again); what else its template shows is computed when it renders
(:mod:`.contexts`). The engine gets a one-line Markdown body, the title as the
page heading; data is never pasted into Markdown, and the templates in ``theme/``
render it with autoescaping. Generated pages are kept out of the navigation: index
pages link to them, so a page's HTML does not grow with the number of plans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from site_builder.core import urls
from site_builder.core.vocabulary import MIXED_QUIZ, QUIZ_TOPICS, TOPIC_BY_ID, TOPICS, Topic
from site_builder.derive.basis import Basis
from site_builder.derive.newsroom import NEWS, Newsroom
from site_builder.model import Activity, Agency, Plan, Unit
from site_builder.model.content import Member, Tag


@dataclass(frozen=True)
class Subject:
    """What a generated page shows: its kind and the records themselves."""

    kind: str
    plan: Plan | None = None
    activity: Activity | None = None
    agency: Agency | None = None
    unit: Unit | None = None
    topic: Topic | None = None
    member: Member | None = None
    tag: Tag | None = None
    quiz: str | None = None
    """A quiz topic id, or ``mixed``."""


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it goes, its title, and what the template needs."""

    url: str
    """Directory URL below the language root, e.g. ``plans/soc-trang-2022/``."""
    title: str
    template: str
    kind: str
    id: str = ""
    """The key of the record, for addresses and widgets (``soc-trang-2022``)."""
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    """More page metadata (e.g. ``edit_path`` of the data file behind the page)."""
    title_lang: str | None = None
    """Set to ``"vi"`` when the title is the Vietnamese text standing in for a missing translation."""
    subject: Subject | None = None
    """The records the page shows (``record`` in its template); ``Subject(kind)`` when unset.
    What else its template shows is computed when it renders (:mod:`.contexts`)."""

    @property
    def record(self) -> Subject:
        return self.subject or Subject(self.kind)

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)

    def meta(self) -> dict[str, Any]:
        """The page's metadata as the templates see it (``page.meta``); handed to the
        engine as data, never written out as front matter to be parsed again."""
        meta: dict[str, Any] = {"title": self.title, "template": self.template}
        if self.description:
            meta["description"] = self.description
        meta.update(self.extra)
        return meta

    def body(self) -> str:
        """The title as the page's only heading (it also anchors the skip link)."""
        heading = escape_markdown(self.title)
        if self.title_lang:
            heading = f'<span lang="{self.title_lang}">{heading}</span>'
        return f"# {heading}\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def escape_markdown(text: str) -> str:
    """Escape the characters Markdown would read as markup in a one-line heading."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def shorten(text: str, limit: int = 155) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class GeneratedPages:
    """The generated pages of one language."""

    pages: list[PageSpec]
    """Every page, in URL order."""
    widgets: list[PageSpec]
    """The widget pages, in the order the "Embed this" page lists them."""


def generate(project: Basis, lang: str, t: Any) -> GeneratedPages:
    """Every generated page for one language. ``t`` translates interface strings."""
    index, content = project.index, project.content
    data = index.dataset
    pages: list[PageSpec] = [
        PageSpec(urls.INDEXES["plans"], t("Plans"), "asean/plans.html", "plans",
                 description=t("Every ASEAN communication plan: national, provincial and district, "
                               "with who must do what, by when.")),
        PageSpec(urls.INDEXES["agencies"], t("Agencies"), "asean/agencies.html", "agencies",
                 description=t("The agencies named in the plans and every task they lead or support.")),
        PageSpec(urls.INDEXES["pillars"], t("Pillars and topics"), "asean/pillars.html", "pillars",
                 description=t("The three ASEAN Community pillars and the topics the plans set, side by side across levels.")),
        PageSpec(urls.INDEXES["units"], t("Units"), "asean/units.html", "units",
                 description=t("The provinces and centrally-run cities of today, what each was formed from, "
                               "and the former provinces and districts that issued plans.")),
        PageSpec(urls.INDEXES["calendar"], t("Calendar"), "asean/calendar.html", "calendar",
                 description=t("ASEAN days and the reporting deadlines the plans set.")),
        PageSpec(urls.INDEXES["search"], t("Search"), "asean/search.html", "search",
                 description=t("Search the ASEAN section.")),
        PageSpec(urls.INDEXES["members"], t("Member states"), "asean/members.html", "members",
                 description=t("The member states of ASEAN, with their capitals, dates of joining and links with Viet Nam.")),
        PageSpec(urls.INDEXES["documents"], t("Documents"), "asean/documents.html", "documents",
                 description=t("The legal and plan documents that the plans cite.")),
        PageSpec("translations/", t("Translation status"), "asean/translations.html", "translations",
                 description=t("For the editorial team: pages and data still to translate, "
                               "and translations older than their source.")),
    ]
    for member in content.members or []:
        name, name_lang = member.name.in_lang(lang)
        pages.append(PageSpec(urls.member(member.id), name, "asean/member.html", "member", member.id,
                              shorten(member.profile.text(lang)),
                              {"edit_path": "content/data/members.yaml"}, name_lang, Subject("member", member=member)))
    pages += news_specs(project.newsroom(lang), content, lang, t)
    for plan in index.plans:
        edit = {"edit_path": data.files[plan.id]}
        title, title_lang = plan.short_title.in_lang(lang)
        pages.append(PageSpec(urls.plan(plan.id), title, "asean/plan.html", "plan", plan.id,
                              shorten(plan.title.text(lang)), edit, title_lang, Subject("plan", plan=plan)))
        pages.append(PageSpec(urls.plan_text(plan.id), t("Full text: %(plan)s") % {"plan": title},
                              "asean/plan-text.html", "plan-text", plan.id,
                              shorten(t("The full text of %(plan)s, as issued.") % {"plan": plan.title.text(lang)}),
                              edit, title_lang, Subject("plan-text", plan=plan)))
        pages += activity_specs(plan, lang, edit)
    for agency in data.agencies.values():
        name, name_lang = agency.name.in_lang(lang)
        pages.append(PageSpec(urls.agency(agency.id), name, "asean/agency.html", "agency", agency.id,
                              t("%(agency)s: what the ASEAN communication plans ask of it, and what was reported.")
                              % {"agency": name},
                              extra={"edit_path": "plans/agencies.yaml"}, title_lang=name_lang,
                              subject=Subject("agency", agency=agency)))
    for topic in TOPICS:
        pages.append(PageSpec(urls.topic(topic.id), topic.name(lang), "asean/pillar.html", "pillar", topic.id,
                              t("%(topic)s: what the ASEAN communication plans set on it, side by side across levels.")
                              % {"topic": topic.name(lang)}, extra={"hide": ["toc"]}, subject=Subject("pillar", topic=topic)))
    for unit in data.units.values():
        name, name_lang = unit.name.in_lang(lang)
        pages.append(PageSpec(urls.unit(unit.id), name, "asean/unit.html", "unit", unit.id,
                              t("%(unit)s: its ASEAN communication plans, what it was formed from, and what was reported.")
                              % {"unit": name},
                              extra={"edit_path": "plans/units.yaml"}, title_lang=name_lang,
                              subject=Subject("unit", unit=unit)))
    pages += quiz_specs(project, t)
    widgets = widget_specs(project, lang, t)
    return GeneratedPages(sorted(pages + widgets, key=lambda p: p.url), widgets)


def activity_specs(plan: Plan, lang: str, edit: dict[str, Any]) -> list[PageSpec]:
    """A page per appendix activity."""
    if plan.appendix is None:
        return []
    specs = []
    for activity in plan.appendix.activities:
        name, name_lang = activity.name.in_lang(lang)
        specs.append(PageSpec(
            urls.activity(plan.id, activity.slug), f"{activity.id} · {shorten(name, 90)}", "asean/activity.html",
            "activity", f"{plan.id}/{activity.id}", shorten(name), edit, name_lang,
            Subject("activity", plan=plan, activity=activity),
        ))
    return specs


def news_specs(newsroom: Newsroom, content: Any, lang: str, t: Any) -> list[PageSpec]:
    """Every page of every news list (the news, each year, topic and tag, 20 articles a
    page; :mod:`.newsroom`), and the archive page that leads to the lists."""
    tags = {tag.id: tag for tag in content.tags or []}
    specs = [PageSpec(urls.INDEXES["news-archive"], t("News archive"), "asean/news-archive.html", "news-archive",
                      description=t("News by year, by pillar or topic and by tag."))]
    for listing in newsroom.pages():
        kind, key = listing.key
        title, title_lang, description = t("News"), None, ""
        subject = Subject(kind)
        if listing.key == NEWS:
            description = t("News about ASEAN and the ASEAN communication plans.")
        elif kind == "news-year":
            title = t("News of %(year)s") % {"year": key}
        elif kind == "news-topic":
            subject = Subject(kind, topic=TOPIC_BY_ID[key])
            title = t("News: %(name)s") % {"name": subject.topic.name(lang)}
        else:
            subject = Subject(kind, tag=tags[key])
            name, title_lang = tags[key].name.in_lang(lang)
            title = t("News: %(name)s") % {"name": name}
        if listing.key != NEWS:
            description = t("%(title)s, newest first.") % {"title": title}
        if listing.number > 1:
            title = t("%(title)s, page %(page)s of %(pages)s") % {
                "title": title, "page": listing.number, "pages": listing.count}
        specs.append(PageSpec(listing.url, title, "asean/news.html", kind, key, description, title_lang=title_lang,
                              subject=subject))
    return specs


def quiz_specs(project: Basis, t: Any) -> list[PageSpec]:
    """Quiz pages: an index, one quiz per topic and a mixed one, each with a printable copy."""
    content = project.content
    if not content.quiz:
        return []
    asked = {q.topic for q in content.quiz}
    topics = [topic for topic in QUIZ_TOPICS if topic.id in asked] + [MIXED_QUIZ]
    specs = [PageSpec(urls.quiz(), t("ASEAN quiz"), "asean/quiz-index.html", "quiz-index",
                      description=t("Practice quizzes about ASEAN for students and the public, in both languages."))]
    for term in topics:
        topic, title = term.id, term.label(t)
        specs.append(PageSpec(urls.quiz(topic), t("Quiz: %(title)s") % {"title": title}, "asean/quiz.html", "quiz", topic,
                              t("A practice quiz about ASEAN (%(title)s), with the answer and its source after each question.")
                              % {"title": title},
                              extra={"edit_path": "content/data/quiz.yaml", "hide": ["toc"]},
                              subject=Subject("quiz", quiz=topic)))
        specs.append(PageSpec(f"{urls.quiz(topic)}print/", t("Quiz: %(title)s (printable)") % {"title": title},
                              "asean/quiz-print.html", "quiz-print", topic,
                              t("A practice quiz about ASEAN (%(title)s) to print, with the answers at the end.")
                              % {"title": title},
                              extra={"hide": ["navigation", "toc"]}, subject=Subject("quiz-print", quiz=topic)))
    return specs


def widget_specs(project: Basis, lang: str, t: Any) -> list[PageSpec]:
    """The embeddable widgets of one language, and the "Embed this" page that lists them.

    Widget pages use their own minimal template (no site chrome) and report their
    height to the host page; see ``theme/assets/embed-frame.js`` and ``/embed.js``.
    Each names the full page it shows a part of (``full_page``): its canonical address,
    so that a search engine sends readers to the page with the site around it rather
    than to a bare widget.
    """
    index, content = project.index, project.content

    def widget(url: str, title: str, kind: str, key: str, full_page: str, title_lang: str | None = None,
               subject: Subject | None = None) -> PageSpec:
        return PageSpec(url, title, f"asean/embed/{kind.removeprefix('embed-')}.html", kind, key,
                        t("%(title)s: a widget of the ASEAN section to embed in a web portal.") % {"title": title},
                        {"full_page": full_page}, title_lang, subject)

    specs = [
        PageSpec(urls.INDEXES["embed"], t("Embed this"), "asean/embed-index.html", "embed-index",
                 description=t("Widgets of the ASEAN section for your own web portal, with the code to copy.")),
        widget(urls.embed("news"), t("Latest news"), "embed-news", "", urls.INDEXES["news"]),
        widget(urls.embed("events"), t("Upcoming events"), "embed-events", "", urls.INDEXES["calendar"]),
    ]
    if content.quiz:
        specs.append(widget(urls.embed("quiz"), t("ASEAN quiz"), "embed-quiz", "mixed", urls.quiz("mixed"),
                            subject=Subject("embed-quiz", quiz="mixed")))
    for plan in index.plans:
        title, title_lang = plan.short_title.in_lang(lang)
        if plan.appendix is not None:
            specs.append(widget(urls.embed("plans", plan.id), title, "embed-activities", plan.id, urls.plan(plan.id),
                                title_lang, Subject("embed-activities", plan=plan)))
        if plan.appendix is not None or plan.assignments():
            specs.append(widget(urls.embed("progress", plan.id), t("Implementation: %(plan)s") % {"plan": title},
                                "embed-progress", plan.id, urls.plan(plan.id), title_lang,
                                Subject("embed-progress", plan=plan)))
    for topic in TOPICS:
        specs.append(widget(urls.embed("pillars", topic.id), topic.name(lang), "embed-pillar", topic.id,
                            urls.topic(topic.id), subject=Subject("embed-pillar", topic=topic)))
    for member in content.members or []:
        name, name_lang = member.name.in_lang(lang)
        specs.append(widget(urls.embed("members", member.id), name, "embed-member", member.id,
                            urls.member(member.id), name_lang, Subject("embed-member", member=member)))
    return specs
