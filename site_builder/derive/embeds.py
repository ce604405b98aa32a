"""How another portal shows a widget: the frame code, its fixed height, and the link card.

Portals run their own content management systems, and many of their editors remove
``<script>`` from what an editor pastes; some remove ``style`` attributes too, and some
remove frames altogether. So each widget comes three ways:

1. the frame and ``/embed.js``: the script sizes the frame to its content as it changes;
2. the frame alone, when the script is removed: the frame keeps the ``height`` attribute
   written into its code, so that height must show the widget without a scrollbar
   inside it on a phone, a tablet and a computer (``width="100%"`` is an attribute too:
   nothing depends on ``style``);
3. a link card, when frames are removed: a title, one sentence and a link, in the
   plain HTML (``p``, ``strong``, ``br``, ``a href``) that every rich-text editor keeps.

Heights: measured, per widget, and recorded (``theme/asean/embed/heights.json``, written by
``tools/embed_heights.py``). Each widget is measured in Chromium in a frame of a 390 px phone's
page and of a 1280 px computer's page (374 and 1264 px, less the host's margins); its frame
gets the taller height, 12 % more and 16 px (:data:`GROWTH`, :data:`ROOM`), for a 360 px phone
and for text that grows. Measured in a tool run rather than at build time because measuring
needs a browser and the build runs without one; rather than computed from the content
because only a browser knows how the text wraps (the former per-kind constants cut the
quiz's fifth question and left 400 px of white under the events). ``tests/test_embed.py``
checks every published height in a browser at 360, 768 and 1200 px on every run, so a stale
file fails the tests, not a portal; a widget missing from the file (a plan added since)
keeps its kind's formula below until the tool is run again.

Where one height cannot serve (a widget 1.5 times taller on a phone than on a computer, a
list whose length changes with the date, the long lists), the "Embed this" page offers the
link card first (:attr:`Widget.card_first`). Two kinds are long lists and get a bounded
height (:data:`LONG`): a plan's activity table (some 20,000 px on a phone) and the quiz (five
questions drawn at random, an answer opens its explanation). Their link to the whole list
(the plan's page, every quiz) comes first in the widget, and 900 px shows it, the filter and
the start of the list; the rest scrolls inside the frame. With /embed.js every widget takes
its own height, whatever the file says.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import TYPE_CHECKING, Any

from site_builder import PACKAGE_DIR
from site_builder.core import urls
from site_builder.derive.basis import Basis
from site_builder.derive.pages import PageSpec

if TYPE_CHECKING:
    from site_builder.core.urls import SiteUrls

MEMBER = 520
PILLAR_WITH_TEXT = 560
PILLAR = 210
NEWS = 1400
EVENTS = 620
PROGRESS_BASE, PROGRESS_PER_YEAR = 580, 95
LONG = 900
"""The bounded height of long lists (a plan's activities, the quiz)."""
LONG_KINDS = frozenset({"embed-activities", "embed-quiz"})

MEASURED = PACKAGE_DIR.parent / "theme/asean/embed/heights.json"
"""Each widget's height in Chromium in a frame of a 390 px phone's and a 1280 px computer's page
(``tools/embed_heights.py``, committed): a browser measures how text wraps, which neither the
build (no browser) nor a formula knows."""
GROWTH, ROOM = 1.12, 16
"""A measured widget's frame: its taller measurement, 12 % more and 16 px, for a narrower
phone (360 px wraps more than 390 px) and for text that grows (next month's headlines)."""
VARIES = 1.5
"""Where a widget is this many times taller on a phone than on a computer, one fixed height
leaves either a cut widget or a band of white: the link card is offered first."""
DATED_KINDS = frozenset({"embed-events"})
"""Widgets whose length changes with the date (the events still ahead): no measurement holds,
their height stays the formula's and the link card comes first."""


@cache
def measured() -> dict[str, dict[str, int]]:
    """The recorded measurements, by widget address below the site root (``vi/embed/news/``);
    empty when the file is missing (a widget then keeps its formula's height)."""
    try:
        return dict(json.loads(MEASURED.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return {}


def frame_height(kind: str, address: str, formula: int) -> tuple[int, bool]:
    """The frame's height and whether the link card comes first, for one widget."""
    sizes = measured().get(address)
    if kind in LONG_KINDS or kind in DATED_KINDS:
        return formula, True
    if not sizes:
        return formula, False
    phone, computer = sizes["390"], sizes["1280"]
    return math.ceil(max(phone, computer) * GROWTH) + ROOM, max(phone, computer) >= VARIES * min(phone, computer)


@dataclass(frozen=True)
class Widget:
    """One widget of one language, with what its codes need."""

    spec: PageSpec
    page: str
    """The full page the widget comes from, below the language root: where the link card
    and the long widgets' "see all" link lead."""
    summary: str
    """One sentence for the link card, in the widget's language."""
    height: int
    """The frame's ``height`` attribute, in CSS pixels (see the table above)."""
    card_first: bool = False
    """The link card is the code to use (its height varies with the width or the date)."""

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def url(self) -> str:
        """The widget page, below the language root (``embed/news/``)."""
        return self.spec.url

    @property
    def long(self) -> bool:
        """A long list: bounded height, the rest scrolls inside the frame without /embed.js."""
        return self.spec.kind in LONG_KINDS


def describe(spec: PageSpec, project: Basis, lang: str, t: Any) -> Widget:
    """A widget page with what its codes need (:meth:`Project.widgets` keeps them)."""
    page, summary, formula = _describe(spec, project, lang, t)
    height, card_first = frame_height(spec.kind, f"{lang}/{spec.url}", formula)
    return Widget(spec, page, summary, height, card_first)


def _describe(spec: PageSpec, project: Basis, lang: str, t: Any) -> tuple[str, str, int]:
    """(full page, one sentence, frame height) of one widget."""
    kind, key = spec.kind, spec.id
    index, content = project.index, project.content
    if kind == "embed-news":
        return urls.INDEXES["news"], t("The five latest news articles about ASEAN, with their dates."), NEWS
    if kind == "embed-events":
        return urls.INDEXES["calendar"], t("The ASEAN days and events coming up next."), EVENTS
    if kind == "embed-quiz":
        return urls.quiz(), t("Five questions about ASEAN, each answer explained."), LONG
    if kind == "embed-activities":
        plan = index.dataset.plans[key]
        total = len(plan.appendix.activities) if plan.appendix else 0
        return (f"{urls.plan(key)}#activities",
                t("The %(total)s activities of the plan: who leads each, who takes part, and when.") % {"total": total},
                LONG)
    if kind == "embed-progress":
        plan = index.dataset.plans[key]
        years = plan.period.end - plan.period.start + 1
        return (f"{urls.plan(key)}#implementation", t("How far the plan has been carried out, year by year."),
                PROGRESS_BASE + PROGRESS_PER_YEAR * years)
    if kind == "embed-pillar":
        hub = content.pages.get((lang, f"asean/{key}.md"))
        if hub is not None:
            return urls.topic(key), hub.meta.description, PILLAR_WITH_TEXT
        return urls.topic(key), t("The themes and activities the plans set on this topic."), PILLAR
    if kind == "embed-member":
        return (urls.member(key),
                t("%(name)s at a glance: capital, when it joined ASEAN, and its links with Viet Nam.") % {"name": spec.title},
                MEMBER)
    raise ValueError(f"unknown widget kind {kind!r}")


def frame_code(widget: Widget, site: SiteUrls, lang: str, script: bool = True) -> str:
    """The frame to paste, and the line that loads /embed.js unless ``script`` is false.

    Only attributes that rich-text editors keep, never ``style`` (often removed, and
    refused by a portal's own strict Content-Security-Policy): ``width`` and ``height``;
    ``frameborder="0"``, obsolete in HTML5 but still what every browser and editor
    understands for "no border" without CSS (the default 2 px border would make a
    ``width="100%"`` frame 4 px wider than the portal's column); ``title`` for screen
    readers; ``loading="lazy"``, so that a frame far down the page costs nothing until
    the reader gets there. ``width="100%"`` and ``frameborder`` do not pass an HTML5
    validator, yet browsers honour both (HTML's rendering rules keep them for this very
    use); the site's own pages set the same with CSS."""
    frame = (
        f'<iframe src="{escape(site.page(lang, widget.url))}" title="{escape(widget.title)}" '
        f'width="100%" height="{widget.height}" frameborder="0" loading="lazy"></iframe>'
    )
    return f'{frame}\n<script src="{escape(site.file(urls.EMBED_SCRIPT))}" async></script>' if script else frame


def card_code(widget: Widget, site: SiteUrls, lang: str, link_text: str) -> str:
    """The link card: title, one sentence and a link, in the plainest HTML there is."""
    return (
        f"<p><strong>{escape(widget.title)}</strong><br>\n"
        f"{escape(widget.summary)}<br>\n"
        f'<a href="{escape(site.page(lang, widget.page))}">{escape(link_text)}</a></p>'
    )


def csp_sources(base: str) -> dict[str, str]:
    """What a portal's Content-Security-Policy must allow for the frame and the script:
    the widget folders of both languages and the one script file, nothing wider."""
    return {
        "frame-src": " ".join(urls.SiteUrls(base).page(lang, urls.INDEXES["embed"]) for lang in ("vi", "en")),
        "script-src": urls.SiteUrls(base).file(urls.EMBED_SCRIPT),
    }
