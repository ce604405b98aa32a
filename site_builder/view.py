"""What templates see: the dataset and its indexes, in one language.

Templates stay simple by asking this object ("the name of agency X in this
language", "the record this page shows") instead of reaching into the models.
Nothing here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from babel.numbers import format_decimal
from markupsafe import Markup, escape

from . import LANGUAGES, urls
from .content_tree import ContentPage, ContentSet
from .dates import format_date, format_day_month
from .deps import listing, page_key, texts
from .i18n import translations
from .images import Picture, photo_card, picture, site_card
from .index import LEVEL_ORDER
from .model import Activity, Agency, Plan, Text, Unit
from .model.plans import Deadline
from .model.units import Citation
from .newsroom import ListingPage, Newsroom
from .pages import Subject
from .slug import collation_key, in_sentence
from .urls import SiteUrls
from .vocabulary import (
    QUIZ_BY_ID,
    QUIZ_TOPICS,
    STATUS_BY_ID,
    STATUS_TABLE_ORDER,
    TIMELINE_KINDS,
    TOPIC_BY_ID,
    TOPICS,
    Topic,
)

if TYPE_CHECKING:
    from .project import Project
    from .tracker import Tracker


@dataclass(frozen=True)
class Dashboard:
    """Implementation of some tasks by year: counts per year, and each task's status per year."""

    name: str
    """Names the filter form and the tables it filters (``data-asean-filter``)."""
    years: list[int]
    summaries: list[Any]
    rows: list[tuple[Plan, list[tuple[Any, list[Any]]]]]
    """Per plan: (task, cells by year)."""
    show_agencies: bool
    """Whether the table names each task's agencies (on agency pages, where co-leads matter;
    a plan page already shows them in its activity table and full text)."""
    noun: str
    """What the tasks are, for captions: ``activities``, ``assignments`` (plans without an
    appendix) or ``tasks`` (an agency with both)."""

    @property
    def total(self) -> int:
        """How many tasks the dashboard lists."""
        return sum(len(tasks) for _, tasks in self.rows)


def _noun(by_assignment: list[bool]) -> str:
    if all(by_assignment):
        return "assignments"
    return "tasks" if any(by_assignment) else "activities"


class SiteView:
    """The dataset seen in one language, for templates."""

    def __init__(self, project: Project, lang: str, unit: str | None = None, site: SiteUrls | None = None) -> None:
        self.project = project
        self.index = project.index
        self.home_unit: Unit | None = project.data.units[unit] if unit else None
        """The unit a branded build is for; ``None`` for the national build."""
        self._content = project.content
        self.reads: set[str] = set()
        """What the page being rendered read of the content pages (:mod:`site_builder.deps`):
        ``listing:<lang>`` for any list of them, ``page:<lang>/<src_uri>`` for one page. The
        incremental build re-renders a page when one of these changed; the plugin empties
        the set before each page."""
        self.data = project.data
        self.site = site or SiteUrls(urls.base_url())
        """The site's absolute addresses (canonical links, link previews, embed codes)."""
        self.lang = lang
        self.other_lang = "en" if lang == "vi" else "vi"
        self.topics = TOPICS
        self.statuses = STATUS_TABLE_ORDER
        """Implementation statuses in the order tables and filters show them."""
        self.timeline_kinds = TIMELINE_KINDS
        self.urls = urls
        self.gettext = translations(lang).gettext

    @property
    def content(self) -> ContentSet:
        """Every content page: reading it makes the page depend on all of this language's."""
        self.reads.add(listing(self.lang))
        return self._content

    def content_page(self, src_uri: str) -> ContentPage | None:
        """One content page of this language, by ``src_uri`` (a dependency on that page only)."""
        self.reads.add(page_key(self.lang, src_uri))
        return self._content.pages.get((self.lang, src_uri))

    # ── photos ───────────────────────────────────────────────────────────────────
    def picture(self, item: ContentPage | str, page_url: str) -> Picture | None:
        """The ``<picture>`` of a content page's photo (the page itself, or its
        ``src_uri`` in this language) as seen from the page at ``page_url``; ``None``
        without a photo. Photos sit at the site root, one level above the language."""
        if isinstance(item, str):
            found = self.content_page(item)
            if found is None:
                return None
            item = found
        if item.photo is None:
            return None
        return picture(item.photo, "../" * (page_url.count("/") + 1))

    @cached_property
    def _site_card(self) -> Any:
        return site_card(self.data, self.lang, self.home_unit.id if self.home_unit else None)

    def social_card(self, src_uri: str | None) -> dict[str, Any]:
        """The link-preview picture of a page, below the site root: its photo cropped to
        1200×630 when it has one, else the card drawn for this language of the build."""
        found = self.content_page(src_uri) if src_uri else None
        if found is not None and found.photo is not None:
            return {"path": photo_card(found.photo).path, "alt": found.meta.image_alt, "width": 1200, "height": 630}
        card = self._site_card
        return {"path": card.variant.path, "alt": card.title, "width": 1200, "height": 630}

    # ── text ─────────────────────────────────────────────────────────────────────
    def tx(self, text: Text | None) -> Markup:
        """A bilingual text in the page's language; Vietnamese, marked ``lang="vi"``, when
        the English is missing (a strict build refuses that, a preview shows it)."""
        if text is None:
            return Markup("")
        value, tag = text.in_lang(self.lang)
        if tag is not None:
            return Markup('<span lang="{}">{}</span>').format(tag, value)
        return Markup(escape(value))

    def status_name(self, status: str) -> str:
        """The label of an implementation status (or of "not reported") in this language."""
        return STATUS_BY_ID[status].label(self.gettext)

    def plain(self, text: Text | None) -> str:
        if text is None:
            return ""
        return text.text(self.lang)

    def date(self, value: Any) -> str:
        return format_date(value, self.lang)

    def number(self, value: float) -> str:
        """A number with the reader's separators: ``5.769`` and ``692,7`` (vi), ``5,769`` (en)."""
        return format_decimal(value, locale="vi" if self.lang == "vi" else "en_GB")

    def population(self, pop: Any) -> str:
        """A population figure as a reader says it, with the year it describes: "khoảng 15,5 triệu
        người (năm 2019)" / "about 15.5 million (2019)"; exact figures keep every digit."""
        t = translations(self.lang).gettext
        when = self.date(pop.year)
        if pop.approximate and pop.count >= 1_000_000:
            millions = self.number(round(pop.count / 1_000_000, 2))
            figure = t("about %(n)s million people") % {"n": millions}
        elif pop.approximate:
            figure = t("about %(n)s people") % {"n": self.number(pop.count)}
        else:
            figure = t("%(n)s people") % {"n": self.number(pop.count)}
        return t("%(figure)s (%(when)s)") % {"figure": figure, "when": when}

    def day_month(self, month: int, day: int) -> str:
        return format_day_month(month, day, self.lang)

    # ── lookups ──────────────────────────────────────────────────────────────────
    def agency(self, agency_id: str) -> Agency:
        return self.data.agencies[agency_id]

    def unit(self, unit_id: str) -> Unit:
        return self.data.units[unit_id]

    def plan(self, plan_id: str) -> Plan:
        return self.data.plans[plan_id]

    def topic(self, topic_id: str) -> Topic:
        return TOPIC_BY_ID[topic_id]

    # ── questions pages ask ──────────────────────────────────────────────────────
    def plans_by_level(self) -> list[tuple[str, list[Plan]]]:
        return self.index.plans_by_level()

    def involvements(self, agency_id: str) -> list[Any]:
        return self.index.involvements.get(agency_id, [])

    def topic_view(self, topic_id: str) -> Any:
        return self.index.topics[topic_id]

    def anchor(self, node: Any) -> str:
        """The anchor of a node of a plan's body on the plan page (``s-4-1``)."""
        return self.index.anchors[id(node)]

    def placed(self, plan: Plan) -> list[Any]:
        return self.index.placed[plan.id]

    def children(self, plan: Plan) -> list[Plan]:
        return self.index.children.get(plan.id, [])

    def unit_children(self, unit_id: str) -> list[Unit]:
        return [self.data.units[u] for u in self.index.unit_children.get(unit_id, [])]

    def home_unit_plans(self) -> list[Plan]:
        """In a unit's build: the plans its section carries (its own, then those of the former
        units it was formed from and of the districts below it), shown first."""
        return self.unit_plans(self.home_unit.id) if self.home_unit else []

    def plans_of(self, unit_id: str) -> list[Plan]:
        return [p for p in self.index.plans if p.issuer == unit_id]

    def unit_plans(self, unit_id: str) -> list[Plan]:
        """The plans a unit's section carries, its own first, then by the unit that issued them."""
        return [plan for _, plans in self.unit_plan_groups(unit_id) for plan in plans]

    def unit_plan_groups(self, unit_id: str) -> list[tuple[Unit, list[Plan]]]:
        """(issuing unit, its plans) for the unit and each unit it carries that has plans."""
        groups = [(self.data.units[u], self.plans_of(u)) for u in self.index.carried.get(unit_id, [unit_id])]
        return [(unit, plans) for unit, plans in groups if plans]

    def national_plans(self) -> list[Plan]:
        """Plans issued at the national level: the ones every province carries out."""
        return [p for p in self.index.plans if self.data.units[p.issuer].level == "national"]

    # ── units of today and former units ──────────────────────────────────────────
    def is_former(self, unit_id: str | None) -> bool:
        return unit_id is not None and unit_id in self.data.units and not self.data.units[unit_id].current

    def in_sentence(self, text: Text | None) -> Markup:
        """A unit's name as written inside a sentence: "tỉnh Sóc Trăng" in Vietnamese, where
        the level word is a common noun; English names are unchanged."""
        if text is None or self.lang == "en":
            return self.tx(text)
        return Markup(escape(in_sentence(text.vi)))

    def successor(self, unit_id: str) -> Unit | None:
        """The unit of today that carries a former unit's plans and pages."""
        found = self.index.successor(unit_id)
        return self.data.units[found] if found else None

    def units_today(self) -> list[Unit]:
        """The provinces and centrally-run cities of today, in Vietnamese alphabetical order."""
        return sorted((u for u in self.data.units.values() if u.level == "province" and u.current),
                      key=lambda u: collation_key((u.short_name or u.name).vi))

    def national_units(self) -> list[Unit]:
        return [u for u in self.data.units.values() if u.level == "national"]

    def former_units(self) -> list[Unit]:
        """Units that no longer exist, provinces first, each in alphabetical order."""
        former = [u for u in self.data.units.values() if not u.current]
        return sorted(former, key=lambda u: (LEVEL_ORDER[u.level], collation_key((u.short_name or u.name).vi)))

    def citation(self, cite: Citation) -> tuple[str, str, str]:
        """(title, address for this language, place in the source) of a citation."""
        source = self.data.sources[cite.source]
        url = (source.url_en or source.url) if self.lang == "en" else source.url
        return self.plain(source.title), url, self.plain(cite.at) if cite.at else ""

    def agencies_by_unit(self) -> list[tuple[Unit, list[Agency]]]:
        grouped: dict[str, list[Agency]] = {}
        for agency in self.data.agencies.values():
            grouped.setdefault(agency.unit, []).append(agency)
        order = [u for u in self.data.units.values() if u.id in grouped]
        return [
            (unit, sorted(grouped[unit.id], key=lambda a: (a.kind == "collective", self.plain(a.name))))
            for unit in order
        ]

    def lead_agencies(self, plan: Plan) -> list[Agency]:
        return [self.data.agencies[a] for a in self.index.agencies_in(plan)]

    def deadlines(self) -> list[tuple[Plan, Any, Deadline]]:
        """Every reporting deadline, yearly ones first by day of the year, then dated ones."""
        def key(item: tuple[Plan, Any, Deadline]) -> tuple[int, str, int, int]:
            deadline = item[2]
            if deadline.recurrence == "yearly":
                return (0, "", deadline.month or 0, deadline.day or 0)
            return (1, str(deadline.date or "9999"), 0, 0)

        return sorted(self.index.deadlines, key=key)

    # ── content ──────────────────────────────────────────────────────────────────
    def news(self, record: Subject | None = None, limit: int | None = None) -> list[ContentPage]:
        """News of this language, newest first; only those of a pillar's topic when asked
        (the pages of news lists come from :attr:`newsroom`)."""
        if record is not None and record.kind == "pillar":
            items = self.newsroom.lists.get(("news-topic", record.topic.id), [])
        else:
            items = self.newsroom.news
        return items[:limit] if limit else list(items)

    @property
    def newsroom(self) -> Newsroom:
        """The news lists of this language, built once per build (:mod:`.newsroom`); a page
        that reads them depends on every article's metadata (``listing:<lang>``)."""
        self.reads.add(listing(self.lang))
        return self.project.newsroom(self.lang)

    def news_listing(self, src_uri: str | None) -> ListingPage | None:
        """The page of a news list a generated page shows (``None`` for any other page, which
        then reads nothing here)."""
        found = self.project.newsroom(self.lang).page_at(urls.from_src_uri(src_uri)) if src_uri else None
        if found is not None:
            self.reads.add(listing(self.lang))  # a list page depends on every article's metadata
        return found

    def related_news(self, src_uri: str | None) -> list[ContentPage]:
        """The news related to an article (shared tags and topics); none for other pages."""
        page = self._content.pages.get((self.lang, src_uri)) if src_uri else None
        if page is None or page.meta.kind != "news":
            return []
        return self.newsroom.related(page)

    def tag_name(self, tag_id: str) -> str:
        tag = next((t for t in self._content.tags or [] if t.id == tag_id), None)
        return self.plain(tag.name) if tag else tag_id

    def pages_about(self, topic_id: str) -> list[ContentPage]:
        """Fact and tourism pages of this language on a topic (news are listed apart)."""
        return [p for p in self.content.in_lang(self.lang)
                if topic_id in p.meta.topics and p.meta.kind in ("fact", "tourism")]

    def local_pages(self, unit_id: str) -> list[ContentPage]:
        """Pages of this language about a unit and about the units it carries (the former
        provinces it was formed from, the districts below it): tourism pages first."""
        units = set(self.index.carried.get(unit_id, [unit_id]))
        pages = [p for p in self.content.in_lang(self.lang) if p.meta.unit in units]
        return sorted(pages, key=lambda p: (p.meta.kind != "tourism", str(p.meta.date or ""), p.rel))

    def members(self) -> list[Any]:
        return list(self._content.members or [])

    def documents(self) -> list[Any]:
        """Documents, newest first; undated ones last."""
        docs = list(self._content.documents or [])
        return sorted(docs, key=lambda d: str(d.date or "0000"), reverse=True)

    def cited_by(self, document: Any) -> list[Plan]:
        """Plans whose legal basis cites this document (by number or plan id)."""
        out = []
        for plan in self.index.plans:
            for ref in plan.legal_basis:
                if (document.number and ref.number == document.number) or (document.plan and ref.plan == document.plan):
                    out.append(plan)
                    break
        return out

    def events(self) -> list[Any]:
        """Yearly events by day of the year, then dated events, newest first."""
        events = list(self._content.events or [])
        yearly = sorted((e for e in events if e.recurrence == "yearly"), key=lambda e: (e.month, e.day))
        dated = sorted((e for e in events if e.recurrence == "once"), key=lambda e: str(e.date), reverse=True)
        return yearly + dated

    def source_links(self, repository: dict[str, str] | None, path: str | None) -> tuple[str, str] | None:
        """(edit, view) addresses of the file behind a page, when a repository is configured."""
        if not repository or not path:
            return None
        values = {"url": repository["url"].rstrip("/"), "branch": repository.get("branch", "main"), "path": path}
        edit = repository.get("edit", "{url}/edit/{branch}/{path}").format(**values)
        view = repository.get("view", "{url}/blob/{branch}/{path}").format(**values)
        return edit, view

    def questions(self, topic: str | None) -> list[Any]:
        """The questions of a quiz topic (all of them for the mixed quiz)."""
        bank = list(self._content.quiz or [])
        return bank if topic in (None, "mixed") else [q for q in bank if q.topic == topic]

    def quiz_topics(self) -> list[tuple[str, str, int]]:
        """(topic, title, number of questions) for the quiz index, the mixed quiz last."""
        topics = [(topic.id, topic.label(self.gettext), len(self.questions(topic.id))) for topic in QUIZ_TOPICS]
        return [x for x in topics if x[2]] + [("mixed", self.quiz_title("mixed"), 10)]

    def quiz_title(self, topic: str) -> str:
        return QUIZ_BY_ID[topic].label(self.gettext)

    @cached_property
    def _titles(self) -> dict[str, str]:
        titles = {spec.url: spec.title for spec in self.project.pages(self.lang)}
        titles.update({page.url: page.meta.title for page in self.content.in_lang(self.lang)})
        return titles

    def page_title(self, path: str) -> str:
        """The title of this language's page at ``path`` (below the language root, as a
        question's ``source`` names it), so that a link says where it leads ("Read more:
        About ASEAN") instead of a bare "Read more"; empty for a path that is no page."""
        return self._titles.get(path.split("#", 1)[0], "")

    # ── implementation ───────────────────────────────────────────────────────────
    @property
    def tracker(self) -> Tracker:
        return self.project.tracker

    def progress_summaries(self, plan: Plan) -> list[Any]:
        from .tracker import plan_years

        return [self.tracker.summary(plan, year) for year in plan_years(plan)]

    def task_history(self, plan: Plan, key: str) -> list[Any]:
        """A task's record and progress for each year of its plan."""
        from .tracker import plan_years

        task = self.tracker.task(plan, key)
        return self.tracker.cells(task, plan_years(plan)) if task else []

    def tracks_progress(self, plan: Plan) -> bool:
        """Whether the plan has tasks to report on (appendix activities or assignments)."""
        return bool(self.tracker.tasks(plan))

    def plan_dashboard(self, plan: Plan) -> Dashboard:
        return self._dashboard(f"progress-{plan.id}", [(plan, self.tracker.tasks(plan))], show_agencies=False)

    def tracks_agency(self, agency_id: str) -> bool:
        """Whether the agency leads or is assigned any task that is reported on."""
        return bool(self.tracker.agency_tasks(self.index.plans, agency_id))

    def agency_dashboard(self, agency_id: str) -> Dashboard | None:
        """The tasks an agency leads or is assigned, across plans; ``None`` when it has none."""
        groups = self.tracker.agency_tasks(self.index.plans, agency_id)
        return self._dashboard("progress-agency", groups, show_agencies=True) if groups else None

    def _dashboard(self, name: str, groups: list[tuple[Plan, list[Any]]], show_agencies: bool) -> Dashboard:
        from .tracker import years_of

        years = years_of(groups)
        return Dashboard(
            name=name,
            years=years,
            summaries=[self.tracker.summarize(year, groups) for year in years],
            rows=[(plan, [(task, self.tracker.cells(task, years)) for task in tasks]) for plan, tasks in groups],
            show_agencies=show_agencies,
            noun=_noun([plan.tracks_assignments for plan, _ in groups]),
        )

    def node_history(self, plan: Plan, node: Any) -> list[Any] | None:
        """For an assignment tracked by its plan: its record and progress for each year."""
        if not plan.tracks_assignments or node.kind != "assignment":
            return None
        task = next((t for t in self.tracker.tasks(plan) if t.node is node), None)
        return self.task_history(plan, task.key) if task else None

    @staticmethod
    def unreported_years(cells: list[Any]) -> list[int]:
        """The years of a task's history without a record."""
        return [cell.year for cell in cells if not cell.record]

    def task_url(self, task: Any) -> str:
        if task.activity is not None:
            return urls.activity(task.plan.id, task.activity.slug)
        return urls.plan(task.plan.id) + "#" + task.anchor

    def task_children(self, task: Any) -> bool:
        return any(t.parent == task.key for t in self.tracker.tasks(task.plan))

    def translation_gaps(self) -> list[Any]:
        from .translation_status import gaps_of

        self.reads.update(key(lang) for lang in LANGUAGES for key in (listing, texts))
        return gaps_of(self.data, self._content)

    @cached_property
    def _widgets(self) -> list[Any]:
        found = self.project.widgets(self.lang)
        if self.home_unit is None:
            return found
        # In a unit's section the widgets of the plans it carries come first: those are
        # the ones its portal embeds.
        own = {p.id for p in self.home_unit_plans()}
        return sorted(found, key=lambda w: not (w.spec.kind in ("embed-activities", "embed-progress")
                                               and w.spec.id in own))

    def widgets(self) -> list[Any]:
        """The widgets of this language, with their heights and link cards (:mod:`.embeds`);
        in a unit's section, those of the plans it carries first."""
        return self._widgets

    def embed_frame(self, widget: Any, script: bool = True) -> str:
        """The frame code of a widget (and the /embed.js line), as text to copy."""
        from .embeds import frame_code

        return frame_code(widget, self.site, self.lang, script)

    def embed_card(self, widget: Any, link_text: str) -> str:
        """The link card of a widget, as text to copy."""
        from .embeds import card_code

        return card_code(widget, self.site, self.lang, link_text)

    def embed_csp(self, base: str) -> dict[str, str]:
        """The sources a portal's policy must allow, by directive."""
        from .embeds import csp_sources

        return csp_sources(base)

    def hub_page(self, topic_id: str) -> ContentPage | None:
        """The hand-written page about a pillar or topic (``asean/<topic>.md``), if any."""
        return self.content_page(f"asean/{topic_id}.md")

    def activity_url(self, plan: Plan, activity: Activity) -> str:
        return urls.activity(plan.id, activity.slug)

    def timeline_years(self, activity: Activity) -> str:
        t = activity.timeline
        if t.start and t.end and t.start != t.end:
            return f"{t.start}–{t.end}"
        return str(t.start) if t.start else ""
