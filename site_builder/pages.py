"""The pages generated from the data, as engine-neutral specs.

A generated page is a Markdown file with front matter (title, description, the
template that renders it, and which record it shows) and a one-line body: its title
as the page heading. Data is never pasted into Markdown; the templates in ``theme/``
render it with autoescaping. Generated pages are kept out of the navigation: index
pages link to them, so a page's HTML does not grow with the number of plans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import urls
from .content import ContentSet
from .index import SiteIndex
from .model import Text
from .newsroom import NEWS, Newsroom, for_language
from .topics import TOPIC_BY_ID, TOPICS


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it goes, its title, and what the template needs."""

    url: str
    """Directory URL below the language root, e.g. ``plans/soc-trang-2022/``."""
    title: str
    template: str
    kind: str
    id: str = ""
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    """More front matter keys (e.g. ``edit_path`` of the data file behind the page)."""
    title_lang: str | None = None
    """Set to ``"vi"`` when the title is the Vietnamese text standing in for a missing translation."""

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)

    def meta(self) -> dict[str, Any]:
        """The page's metadata as the templates see it (``page.meta``); handed to the
        engine as data, never written out as front matter to be parsed again."""
        meta: dict[str, Any] = {
            "title": self.title,
            "template": self.template,
            "asean": {"kind": self.kind, "id": self.id},
        }
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


def _text(text: Text, lang: str) -> tuple[str, str | None]:
    """The text in ``lang`` and ``None``, or the Vietnamese and ``"vi"`` when not translated."""
    value = text.get(lang)
    return (value, None) if value is not None else (text.vi, "vi")


def shorten(text: str, limit: int = 155) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def generate(index: SiteIndex, content: ContentSet, lang: str, t: Any, newsroom: Newsroom | None = None) -> list[PageSpec]:
    """Every generated page for one language. ``t`` translates interface strings; ``newsroom``
    is the language's news lists when the caller has built them already."""
    data = index.dataset
    pages: list[PageSpec] = [
        PageSpec(urls.INDEXES["plans"], t("Plans"), "asean/plans.html", "plans",
                 description=t("Every ASEAN communication plan: national, provincial and district, with who must do what, by when.")),
        PageSpec(urls.INDEXES["agencies"], t("Agencies"), "asean/agencies.html", "agencies",
                 description=t("The agencies named in the plans and every task they lead or support.")),
        PageSpec(urls.INDEXES["pillars"], t("Pillars and topics"), "asean/pillars.html", "pillars",
                 description=t("The three ASEAN Community pillars and the topics the plans set, side by side across levels.")),
        PageSpec(urls.INDEXES["units"], t("Units"), "asean/units.html", "units",
                 description=t("The provinces and centrally-run cities of today, what each was formed from, and the former provinces and districts that issued plans.")),
        PageSpec(urls.INDEXES["calendar"], t("Calendar"), "asean/calendar.html", "calendar",
                 description=t("ASEAN days and the reporting deadlines the plans set.")),
        PageSpec(urls.INDEXES["search"], t("Search"), "asean/search.html", "search",
                 description=t("Search the ASEAN section.")),
        PageSpec(urls.INDEXES["members"], t("Member states"), "asean/members.html", "members",
                 description=t("The member states of ASEAN, with their capitals, dates of joining and links with Viet Nam.")),
        PageSpec(urls.INDEXES["documents"], t("Documents"), "asean/documents.html", "documents",
                 description=t("The legal and plan documents that the plans cite.")),
        PageSpec("translations/", t("Translation status"), "asean/translations.html", "translations",
                 description=t("For the editorial team: pages and data still to translate, and translations older than their source.")),
    ]
    for member in content.members or []:
        name, name_lang = _text(member.name, lang)
        pages.append(PageSpec(urls.member(member.id), name, "asean/member.html", "member", member.id,
                              shorten(_text(member.profile, lang)[0]),
                              {"edit_path": "content/data/members.yaml"}, name_lang))
    pages += news_specs(newsroom or for_language(content, lang), content, lang, t)
    for plan in index.plans:
        edit = {"edit_path": data.files[plan.id]}
        title, title_lang = _text(plan.short_title, lang)
        pages.append(PageSpec(urls.plan(plan.id), title, "asean/plan.html", "plan", plan.id,
                              shorten(_text(plan.title, lang)[0]), edit, title_lang))
        for activity in plan.appendix.activities if plan.appendix else []:
            name, name_lang = _text(activity.name, lang)
            pages.append(PageSpec(
                urls.activity(plan.id, activity.slug),
                f"{activity.id} · {shorten(name, 90)}",
                "asean/activity.html", "activity", f"{plan.id}/{activity.id}",
                shorten(name), edit, name_lang,
            ))
    for agency in data.agencies.values():
        name, name_lang = _text(agency.name, lang)
        pages.append(PageSpec(urls.agency(agency.id), name, "asean/agency.html", "agency", agency.id,
                              extra={"edit_path": "plans/agencies.yaml"}, title_lang=name_lang))
    for topic in TOPICS:
        pages.append(PageSpec(urls.topic(topic.id), topic.name(lang), "asean/pillar.html", "pillar", topic.id,
                              extra={"hide": ["toc"]}))
    for unit in data.units.values():
        name, name_lang = _text(unit.name, lang)
        pages.append(PageSpec(urls.unit(unit.id), name, "asean/unit.html", "unit", unit.id,
                              extra={"edit_path": "plans/units.yaml"}, title_lang=name_lang))
    pages += quiz_specs(content, lang, t)
    pages += widget_specs(index, content, lang, t)
    return sorted(pages, key=lambda p: p.url)


def news_specs(newsroom: Newsroom, content: ContentSet, lang: str, t: Any) -> list[PageSpec]:
    """Every page of every news list (the news, each year, topic and tag, 20 articles a
    page; :mod:`.newsroom`), and the archive page that leads to the lists."""
    tags = {tag.id: tag for tag in content.tags or []}
    specs = [PageSpec(urls.INDEXES["news-archive"], t("News archive"), "asean/news-archive.html", "news-archive",
                      description=t("News by year, by pillar or topic and by tag."))]
    for listing in newsroom.pages():
        kind, key = listing.key
        title, title_lang, description = t("News"), None, ""
        if listing.key == NEWS:
            description = t("News about ASEAN and the ASEAN communication plans.")
        elif kind == "news-year":
            title = t("News of %(year)s") % {"year": key}
        elif kind == "news-topic":
            title = t("News: %(name)s") % {"name": TOPIC_BY_ID[key].name(lang)}
        else:
            name, title_lang = _text(tags[key].name, lang)
            title = t("News: %(name)s") % {"name": name}
        if listing.number > 1:
            title = t("%(title)s, page %(page)s of %(pages)s") % {
                "title": title, "page": listing.number, "pages": listing.count}
        specs.append(PageSpec(listing.url, title, "asean/news.html", kind, key, description, title_lang=title_lang))
    return specs


def quiz_title(topic: str, t: Any) -> str:
    """The quiz title of a topic in the reader's language."""
    return {
        "history": t("History of ASEAN"),
        "pillars": t("The three pillars"),
        "members": t("Member states"),
        "covid-19": t("COVID-19 cooperation"),
        "viet-nam": t("Viet Nam in ASEAN"),
        "local": t("Local province"),
        "mixed": t("Mixed quiz: 10 random questions"),
    }[topic]


def quiz_specs(content: ContentSet, lang: str, t: Any) -> list[PageSpec]:
    """Quiz pages: an index, one quiz per topic and a mixed one, each with a printable copy."""
    if not content.quiz:
        return []
    topics = [topic for topic in urls.QUIZ_TOPICS if any(q.topic == topic for q in content.quiz)] + ["mixed"]
    specs = [PageSpec(urls.quiz(), t("ASEAN quiz"), "asean/quiz-index.html", "quiz-index",
                      description=t("Practice quizzes about ASEAN for students and the public, in both languages."))]
    for topic in topics:
        title = quiz_title(topic, t)
        specs.append(PageSpec(urls.quiz(topic), t("Quiz: %(title)s") % {"title": title}, "asean/quiz.html", "quiz", topic,
                              extra={"edit_path": "content/data/quiz.yaml", "hide": ["toc"]}))
        specs.append(PageSpec(f"{urls.quiz(topic)}print/", t("Quiz: %(title)s (printable)") % {"title": title},
                              "asean/quiz-print.html", "quiz-print", topic,
                              extra={"hide": ["navigation", "toc"]}))
    return specs


def widget_specs(index: SiteIndex, content: ContentSet, lang: str, t: Any) -> list[PageSpec]:
    """The embeddable widgets of one language, and the "Embed this" page that lists them.

    Widget pages use their own minimal template (no site chrome) and report their
    height to the host page; see ``theme/assets/embed-frame.js`` and ``/embed.js``.
    """
    specs = [
        PageSpec(urls.INDEXES["embed"], t("Embed this"), "asean/embed-index.html", "embed-index",
                 description=t("Widgets of the ASEAN section for your own web portal, with the code to copy.")),
        PageSpec(urls.embed("news"), t("Latest news"), "asean/embed/news.html", "embed-news"),
        PageSpec(urls.embed("events"), t("Upcoming events"), "asean/embed/events.html", "embed-events"),
    ]
    if content.quiz:
        specs.append(PageSpec(urls.embed("quiz"), t("ASEAN quiz"), "asean/embed/quiz.html", "embed-quiz", "mixed"))
    for plan in index.plans:
        title, title_lang = _text(plan.short_title, lang)
        if plan.appendix is not None:
            specs.append(PageSpec(urls.embed("plans", plan.id), title, "asean/embed/activities.html",
                                  "embed-activities", plan.id, title_lang=title_lang))
        if plan.appendix is not None or plan.assignments():
            specs.append(PageSpec(urls.embed("progress", plan.id), t("Implementation: %(plan)s") % {"plan": title},
                                  "asean/embed/progress.html", "embed-progress", plan.id, title_lang=title_lang))
    for topic in TOPICS:
        specs.append(PageSpec(urls.embed("pillars", topic.id), topic.name(lang), "asean/embed/pillar.html",
                              "embed-pillar", topic.id))
    for member in content.members or []:
        name, name_lang = _text(member.name, lang)
        specs.append(PageSpec(urls.embed("members", member.id), name, "asean/embed/member.html",
                              "embed-member", member.id, title_lang=name_lang))
    return specs
