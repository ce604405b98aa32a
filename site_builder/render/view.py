"""What templates see besides their page's context: text, date, number and address helpers.

A page's template gets its record and everything its kind of page shows, computed in
Python (:mod:`.contexts`); this object, the template global ``asean``, only says things
in the page's language: a bilingual text, a date, a number, a population, a unit's name
inside a sentence, the label of a status, the addresses of the site and of a photo, and
the name of the record an id in the data stands for (an agency a table cell names, the
source a fact about a unit cites). It also serves the content pages to the contexts,
recording what each page read for the incremental build (:mod:`.deps`). Nothing here
knows about MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

from babel.numbers import format_decimal
from markupsafe import Markup, escape

from site_builder.core import urls
from site_builder.core.i18n import format_share, translations
from site_builder.core.illustrations import (
    CREDIT_PREFIXES,
    LICENCE_PREFIXES,
    Illustration,
    description,
    illustration,
    without_prefix,
)
from site_builder.core.language import language
from site_builder.core.reads import listing, page_key
from site_builder.core.slug import in_sentence
from site_builder.core.urls import SiteUrls
from site_builder.core.vocabulary import (
    STATUS_BY_ID,
    STATUS_TABLE_ORDER,
    TIMELINE_KINDS,
    TOPIC_BY_ID,
    TOPICS,
    VOCABULARIES,
    Term,
    Topic,
    term,
)
from site_builder.derive.cards import SiteCard, illustration_card, photo_card, site_card
from site_builder.derive.kinds import ActivityPage, AgencyPage, MemberPage, PageKind, PlanPage
from site_builder.derive.newsroom import Newsroom
from site_builder.inputs.content_tree import ContentPage, ContentSet
from site_builder.inputs.photos import Picture, picture
from site_builder.model import Agency, Text, Unit
from site_builder.model.members import Population
from site_builder.model.units import Citation
from site_builder.render.dates import format_date, format_day_month

if TYPE_CHECKING:
    from site_builder.derive.project import Project


class SiteView:
    """One language of a build, as templates say things in it (the template global ``asean``)."""

    def __init__(self, project: Project, lang: str, unit: str | None = None, site: SiteUrls | None = None,
                 workshop: bool = False) -> None:
        self.project = project
        self.workshop = workshop
        """The editors' preview (``make serve``): pages also show notes on the source, file
        names and commands, which the public site never shows (``asean.workshop``)."""
        self.index = project.index
        self.home_unit: Unit | None = project.data.units[unit] if unit else None
        """The unit a branded build is for; ``None`` for the national build."""
        self._content = project.content
        self.reads: set[str] = set()
        """What the page being rendered read of the content pages (:mod:`site_builder.engine.deps`):
        ``listing:<lang>`` for any list of them, ``page:<lang>/<src_uri>`` for one page. The
        incremental build re-renders a page when one of these changed; the plugin empties
        the set before each page."""
        self.data = project.data
        self.site = site or SiteUrls(urls.DEFAULT_SITE_URL)
        """The site's absolute addresses (canonical links, link previews, embed codes)."""
        self.lang = lang
        self.language = language(lang)
        """Its locale, its name, the other language (``asean.language.other.name``)."""
        self.other_lang = self.language.other.code
        self.topics = TOPICS
        self.statuses = STATUS_TABLE_ORDER
        """Implementation statuses in the order tables and filters show them."""
        self.timeline_kinds = TIMELINE_KINDS
        self.urls = urls
        self.gettext = translations(lang).gettext

    # ── content pages, for the page contexts: each read recorded ───────────────────
    @property
    def content(self) -> ContentSet:
        """Every content page: reading it makes the page depend on all of this language's."""
        self.reads.add(listing(self.lang))
        return self._content

    def content_page(self, src_uri: str) -> ContentPage | None:
        """One content page of this language, by ``src_uri`` (a dependency on that page only)."""
        self.reads.add(page_key(self.lang, src_uri))
        return self._content.pages.get((self.lang, src_uri))

    @property
    def newsroom(self) -> Newsroom:
        """The news lists of this language, built once per build (:mod:`.newsroom`); a page
        that reads them depends on every article's metadata (``listing:<lang>``)."""
        self.reads.add(listing(self.lang))
        return self.project.newsroom(self.lang)

    # ── addresses and photos ─────────────────────────────────────────────────────
    def source_links(self, repository: dict[str, str] | None, path: str | None) -> tuple[str, str] | None:
        """(edit, view) addresses of the file behind a page, when a repository is configured."""
        if not repository or not path:
            return None
        values = {"url": repository["url"].rstrip("/"), "branch": repository.get("branch", "main"), "path": path}
        edit = repository.get("edit", "{url}/edit/{branch}/{path}").format(**values)
        view = repository.get("view", "{url}/blob/{branch}/{path}").format(**values)
        return edit, view

    def picture(self, item: ContentPage | str, page_url: str) -> Picture | Illustration | None:
        """The picture of a content page (the page itself, or its ``src_uri`` in this
        language) as seen from the page at ``page_url``: its photo's ``<picture>``, else
        its drawing (an :class:`~.illustrations.Illustration`, ``kind == "illustration"``,
        which the theme shows without a credit); ``None`` with neither. Photos sit at the
        site root, one level above the language; drawings are theme assets of the language."""
        if isinstance(item, str):
            found = self.content_page(item)
            if found is None:
                return None
            item = found
        if item.photo is None:
            if item.meta.illustration:
                return illustration(item.meta.illustration, self.lang, "../" * page_url.count("/"))
            return None
        return picture(item.photo, "../" * (page_url.count("/") + 1))

    def photo_credit(self, credit: str, licence: str) -> str:
        """The credit line under a photo, "Ảnh: … · Giấy phép: …" ("Photo: … · Licence: …"),
        with each prefix written once whatever the editor typed: an editor who writes
        ``image_credit: "Ảnh: Sở Ngoại vụ"`` (as the editors' guide shows) gets "Ảnh: Sở
        Ngoại vụ", not "Ảnh: Ảnh: Sở Ngoại vụ"."""
        t = self.gettext
        return " · ".join([t("Photo: %(credit)s") % {"credit": without_prefix(credit, CREDIT_PREFIXES)},
                           t("Licence: %(licence)s") % {"licence": without_prefix(licence, LICENCE_PREFIXES)}])

    @cached_property
    def _site_card(self) -> SiteCard:
        return site_card(self.data, self.lang, self.home_unit.id if self.home_unit else None)

    def social_card(self, src_uri: str | None) -> dict[str, str | int | None]:
        """The link-preview picture of a page, below the site root: its photo cropped to
        1200×630 when it has one, else the card drawn for this language of the build."""
        found = self.content_page(src_uri) if src_uri else None
        if found is not None and found.photo is not None:
            return {"path": photo_card(found.photo).path, "alt": found.meta.image_alt, "width": 1200, "height": 630}
        if found is not None and found.meta.illustration:
            name = found.meta.illustration
            return {"path": illustration_card(name).variant.path, "alt": description(name, self.lang),
                    "width": 1200, "height": 630}
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

    def term(self, vocabulary: str, term_id: str) -> Markup:
        """The label of a word of the vocabulary in this language (``asean.term("agency-kind", a.kind)``),
        from the catalogs, so safe as the templates' ``_()`` is ("People's Committee" as written)."""
        return Markup(term(vocabulary, term_id).label(self.gettext))

    def terms(self, vocabulary: str) -> tuple[Term, ...]:
        """The words of a vocabulary in their order (``asean.terms("agency-role")``), each with its id
        (its label: :meth:`term`; the templates' ``_`` cannot be handed to :meth:`Term.label`)."""
        return VOCABULARIES[vocabulary]

    def plain(self, text: Text | None) -> str:
        if text is None:
            return ""
        return text.text(self.lang)

    def date(self, value: dt.date | str | None) -> str:
        return format_date(value, self.lang)

    def number(self, value: float) -> str:
        """A number with the reader's separators: ``5.769`` and ``692,7`` (vi), ``5,769`` (en)."""
        return format_decimal(value, locale=self.language.locale)

    def percent(self, value: float) -> str:
        """A share of 100 in the reader's format: ``46.7`` → "46,7 %" (vi) or "46.7%" (en)
        (:func:`.i18n.format_share`)."""
        return format_share(value, self.lang)

    def population(self, pop: Population) -> str:
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

    def in_sentence(self, text: Text | None) -> Markup:
        """A unit's name as written inside a sentence: "tỉnh Sóc Trăng" in Vietnamese, where
        the level word is a common noun; English names are unchanged."""
        if text is None or self.lang == "en":
            return self.tx(text)
        return Markup(escape(in_sentence(text.vi)))

    # ── the records ids in the data stand for ────────────────────────────────────
    def agency(self, agency_id: str) -> Agency:
        """An agency a cell, a deadline or a record names by id (for its name and link)."""
        return self.data.agencies[agency_id]

    def unit(self, unit_id: str) -> Unit:
        """A unit a plan, an agency or a page names by id (its name, and whether it is current)."""
        return self.data.units[unit_id]

    def topic(self, topic_id: str) -> Topic:
        return TOPIC_BY_ID[topic_id]

    def citation(self, cite: Citation) -> tuple[str, str, str]:
        """(title, address for this language, place in the source) of a citation."""
        source = self.data.sources[cite.source]
        url = (source.url_en or source.url) if self.lang == "en" else source.url
        return self.plain(source.title), url, self.plain(cite.at) if cite.at else ""

    # ── search ───────────────────────────────────────────────────────────────────
    def search_context(self, record: PageKind | None = None, meta: Mapping[str, object] | None = None) -> str:
        """The line a search result shows under its title, saying what the page is and whose:
        "Hoạt động II.1 · Kế hoạch ASEAN giai đoạn 2021–2025 của Ban Chỉ đạo…" for an activity
        (whose title alone, "II.1 · Tăng cường…", says neither the plan nor the unit), "Kế hoạch ·
        Ủy ban nhân dân tỉnh Sóc Trăng · tháng 4 năm 2022" for a plan, "Tin tức · ngày …" for
        an article. Pagefind keeps it as the page's ``context`` meta (``data-pagefind-meta``
        on the indexed block); empty for pages whose title says it all."""
        t = self.gettext
        parts: list[str] = []
        if isinstance(record, ActivityPage):
            plan = self.plain(record.plan.short_title)
            unit = self.unit(record.plan.issuer)
            parts = [t("Activity %(id)s") % {"id": record.activity.id}, plan]
            issuer = self.plain(self.agency(record.plan.issuing_agency).name)
            if self.plain(unit.short_name or unit.name) not in plan and issuer not in plan:
                parts.append(self.plain(unit.name))  # unless "…của tỉnh Sóc Trăng" or "…của Ban Chỉ đạo…" says whose
        elif isinstance(record, PlanPage):
            parts = [t("Plan"), self.plain(self.agency(record.plan.issuing_agency).name), self.date(record.plan.issued)]
        elif isinstance(record, AgencyPage):
            parts = [t("Agency"), self.plain(self.unit(record.agency.unit).name)]
        elif isinstance(record, MemberPage):
            parts = [t("Member state")]
        elif meta and meta.get("kind") == "news":
            when = meta.get("date")
            parts = [t("News"), self.date(when if isinstance(when, dt.date | str) else None)]
        return " · ".join(part for part in parts if part)

    ROW_WEIGHT = 0.5
    """Search weight of an activity page's text: one row of a plan's appendix. Pagefind weighs
    a heading 7 and body text 1; inside a block with ``data-pagefind-weight`` the heading takes
    the block's weight instead, so an activity named "Tổ chức hội nghị…" ranks below an
    article whose own title is "Hội nghị…"."""

    def search_attributes(self, title: str | None, record: PageKind | None = None,
                          meta: Mapping[str, object] | None = None) -> Markup:
        """The attributes of a page's indexed block (``data-pagefind-body``) that tell Pagefind
        what it cannot read from the text: the page's ``headline`` (its title, which the search
        page ranks by: ``metaWeights`` in ``theme/assets/search.js``), the ``context`` line
        of :meth:`search_context`, and the lower weight of an activity. An activity page has
        no headline: its title is the text of a plan's row, and a row must not outrank a page
        whose title matches (Pagefind's own title boost, ``title`` in ``metaWeights``, is
        off for that reason)."""
        row = isinstance(record, ActivityPage)
        context = self.search_context(record, meta)
        metas = [name for name, value in (("headline", not row and title), ("context", context)) if value]
        out = Markup("")
        if metas:
            out += Markup(' data-pagefind-meta="{}"').format(", ".join(f"{name}[data-{name}]" for name in metas))
        if title and not row:
            out += Markup(' data-headline="{}"').format(title)
        if context:
            out += Markup(' data-context="{}"').format(context)
        if row:
            out += Markup(' data-pagefind-weight="{}"').format(self.ROW_WEIGHT)
        return out

    def tag_name(self, tag_id: str) -> str:
        """The name of a news tag in this language (``content/data/tags.yaml``)."""
        tag = next((t for t in self._content.tags or [] if t.id == tag_id), None)
        return self.plain(tag.name) if tag else tag_id
