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

The heights below were measured in Chromium (``tests/test_embed.py`` measures them
again on every run) as the height of the widget's content, in CSS pixels, in a host
page 360, 768 and 1200 px wide whose frame is the page's width less 8 px margins
(344, 752 and 1184 px); 320 px (a 304 px frame) was measured too, for margin. The
narrowest width is always the tallest, so each height is the tallest widget of its
kind at 360 px with room for text that grows (a longer headline next month), and
covers 320 px. On a wide screen the frame is then taller than its widget and shows
white space below it; /embed.js removes that.

=====================  ==========================  =====  =====  =====  =====  ======
widget                 tallest measured            320    360    768    1200   height
=====================  ==========================  =====  =====  =====  =====  ======
member state           vi Timor-Leste              495    471    297    273    520
pillar, with its text  en COVID-19                 546    497    320    295    560
pillar, no text        three of seven              178    178    178    178    210
latest news            vi, five articles           1365   1269   738    663    1400
upcoming events        six longest of thirteen     604    529    380    380    620
implementation, 5 yr   vi national plan            1028   978    464    390    1055
implementation, 1 yr   vi Sóc Trăng 2022           642    617    300    233    675
activities (long)      vi national plan, 65        35846  35796  13991  9042   900
quiz (long)            five tallest of 94          2454   2135   1482   1418   900
quiz, typical          five of median height       1568   1320   1072   1072
=====================  ==========================  =====  =====  =====  =====  ======

Implementation widgets have one table row per year of the plan: 580 px and 95 px a
year. Two kinds are long lists and get a bounded height instead: a plan's activity
table (tens of thousands of pixels on a phone) and the quiz (five questions drawn at
random, and an answer opens its explanation). Their link to the whole list (the plan's
page, every quiz) comes first in the widget, and 900 px shows it, the filter and the
start of the list at 360 px (the national plan's first row starts at 832 px), and the
quiz's first question whole (two or three of them, usually); the rest scrolls inside
the frame. With /embed.js they grow to their whole length as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from . import urls
from .pages import PageSpec

if TYPE_CHECKING:
    from .project import Project
    from .urls import SiteUrls

MEMBER = 520
PILLAR_WITH_TEXT = 560
PILLAR = 210
NEWS = 1400
EVENTS = 620
PROGRESS_BASE, PROGRESS_PER_YEAR = 580, 95
LONG = 900
"""The bounded height of long lists (a plan's activities, the quiz)."""
LONG_KINDS = frozenset({"embed-activities", "embed-quiz"})


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


def describe(spec: PageSpec, project: Project, lang: str, t: Any) -> Widget:
    """A widget page with what its codes need (:meth:`Project.widgets` keeps them)."""
    page, summary, height = _describe(spec, project, lang, t)
    return Widget(spec, page, summary, height)


def _describe(spec: PageSpec, project: Project, lang: str, t: Any) -> tuple[str, str, int]:
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
    return f'{frame}\n<script src="{escape(site.file("embed.js"))}" async></script>' if script else frame


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
        "frame-src": f"{base}vi/embed/ {base}en/embed/",
        "script-src": f"{base}embed.js",
    }
