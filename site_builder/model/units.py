"""Units (``plans/units.yaml``): the national level, the ministries and central agencies that
the national plan assigns work to, the provinces and centrally-run cities of today, and the
former provinces, districts and central bodies of before the 2025 reorganisation.

A central unit (``level: central``) is a ministry or central agency that can build its own
section (``build --unit bo-ngoai-giao``). It states its ``kind`` (a ministry, a
ministerial-level agency, a Government agency, a Party body, a mass organisation or a press
agency), belongs to the national level (``parent``) and keeps the id of the same body in
``plans/agencies.yaml``; that agency names the unit in its ``central_unit``. A central body
that was merged into another one (the Ministry of Information and Communications into the
Ministry of Science and Technology, 1 March 2025) is a former central unit: it names its
successor in ``succeeded_by`` and the successor lists it in ``predecessors``, so the national
plan's assignments to the former body show in the successor's section under the former
body's own name, as a former province's plans do.

A unit of today lists the former units it was formed from (``predecessors``) and carries
their plans, pages and news, which stay labelled with the former unit's own name. Facts
about units (a merger, a change of status, a portal address) cite a published source
from the file's ``sources`` list, with the place in it (article, clause).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from site_builder.model.common import HttpsUrl, NonEmpty, PartialDate, SitePath, Slug, Strict, Succession, Text, bilingual_error

Level = Literal["national", "central", "province", "district"]
"""``central``: a ministry or central agency (of today, or a former one)."""

CentralKind = Literal[
    "ministry",
    "ministerial-agency",
    "government-agency",
    "party",
    "mass-organisation",
    "press",
]
"""What a central unit is: a ministry (bộ); a ministerial-level agency (cơ quan ngang bộ); a
Government agency (cơ quan thuộc Chính phủ); a body of the Party (cơ quan của Đảng ở Trung
ương); a mass organisation (tổ chức chính trị - xã hội or another organisation that the
Party and the State assign tasks, member of the Viet Nam Fatherland Front); a press agency
(a national press agency: Viet Nam Television, Voice of Viet Nam and the Viet Nam News
Agency are Government agencies by status and press agencies by function; ``press`` is kept
for them, the status is said in their ``history``)."""


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""

    def luminance(color: str) -> float:
        channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class Colors(Strict):
    """The unit's brand colours, as CSS hex colours; the build checks their contrast."""

    primary: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    """Header background and link colour: needs a contrast of at least 4.5:1 with white."""
    accent: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    """The header's bottom rule and focus rings: needs 3:1 against the primary colour."""

    @model_validator(mode="after")
    def _readable(self) -> Colors:
        ratio = contrast(self.primary, "#ffffff")
        if ratio < 4.5:
            raise bilingual_error(
                f"màu chính {self.primary} quá nhạt so với chữ trắng ({ratio:.2f}:1, cần ít nhất 4.5:1)",
                f"primary colour {self.primary} is too light for white text ({ratio:.2f}:1, needs at least 4.5:1)",
            )
        ratio = contrast(self.accent, self.primary)
        if ratio < 3:
            raise bilingual_error(
                f"màu nhấn {self.accent} không đủ tương phản với màu chính ({ratio:.2f}:1, cần ít nhất 3:1)",
                f"accent colour {self.accent} has too little contrast with the primary colour "
                f"({ratio:.2f}:1, needs at least 3:1)",
            )
        return self


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{5,19}$")


class Person(Strict):
    """The official who answers for the section: the contact point Decree 42/2022/NĐ-CP
    asks a state portal to name (Article 4, clause 1, point e: full name, position, unit,
    phone and official email)."""

    name: NonEmpty
    """The full name, as the agency publishes it."""
    position: Text
    """The position and the unit, e.g. "Phó Giám đốc Sở Ngoại vụ" / "Deputy Director, Department of Foreign Affairs"."""


class Contact(Strict):
    """Who answers readers' questions about the section, shown in the footer of every page.

    Decree 42/2022/NĐ-CP (on the provision of online information and public services by
    state agencies), Article 4, clause 1, point e, asks a state agency's portal to give
    the agency's address, phone, fax and email, and the name, position, unit, phone and
    official email of the official who is its contact point; Article 7, clause 2, point
    b asks for the contact details in English too. Every field is optional: a field is
    filled only where a published source states it, never guessed."""

    office: Text | None = None
    email: str | None = None
    """Shown as a ``mailto:`` link in the footer of the unit's section."""
    phone: str | None = None
    """Shown as a ``tel:`` link: digits, spaces, dots, dashes and brackets, ``+`` first."""
    fax: str | None = None
    """Written as the phone is; shown as text."""
    address: Text | None = None
    responsible: Person | None = None
    """The official who answers for the section (its contact point)."""

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not _EMAIL.match(value):
            raise bilingual_error(
                f"'{value}' không phải một địa chỉ email (dạng ten@coquan.gov.vn)",
                f"'{value}' is not an email address (like name@agency.gov.vn)",
            )
        return value

    @field_validator("phone", "fax")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and not _PHONE.match(value):
            raise bilingual_error(
                f"'{value}' không phải một số điện thoại (chỉ gồm chữ số, dấu cách, dấu chấm, gạch nối, ngoặc)",
                f"'{value}' is not a phone number (digits, spaces, dots, dashes and brackets only)",
            )
        return value


class Repository(Strict):
    """Where a unit's copy of the content is edited (for "Edit this page" links)."""

    url: HttpsUrl
    """The repository's address, e.g. https://git.example.gov.vn/cntt/chuyen-muc-asean."""
    branch: NonEmpty = "main"


class Source(Strict):
    """A published document that facts about units come from: a resolution, a statistics catalogue."""

    id: Slug
    """How facts cite it, e.g. ``nq-202-2025-qh15``."""
    title: Text
    publisher: Text | None = None
    date: PartialDate | None = None
    url: HttpsUrl
    """A copy a reader can open: the deep link to the document itself, not a home page."""
    url_en: HttpsUrl | None = None
    """A copy in English, linked from the English pages instead, when one is published."""


class Citation(Strict):
    """Where a fact comes from: a source of the file and the place in it."""

    source: Slug
    """The ``id`` of an entry of ``sources``."""
    at: Text | None = None
    """The article, clause or entry, e.g. "Điều 1, khoản 19" / "Article 1, clause 19"."""


class UnitEvent(Strict):
    """Something that happened to a unit: its formation by a merger, a change of status."""

    effective: PartialDate
    """The day it took effect."""
    what: Text
    """What happened, in a sentence a citizen reads on the unit's page."""
    cite: list[Citation] = Field(min_length=1)
    """Every event names at least one published source."""


class Predecessor(Strict):
    """A unit that this one was formed from."""

    unit: Slug | None = None
    """Its record in this file, when we hold one (a former province that issued a plan)."""
    name: Text | None = None
    """Its name, when we hold no record of it."""

    @model_validator(mode="after")
    def _unit_or_name(self) -> Predecessor:
        if (self.unit is None) == (self.name is None):
            raise bilingual_error(
                "cần đúng một trong 'unit' (mã đơn vị trong tệp này) hoặc 'name' (tên)",
                "expected exactly one of 'unit' (an id in this file) or 'name'",
            )
        return self


class Branding(Strict):
    """What a unit's own build shows: its name, logo and colours, and where its portal is."""

    display_name: Text
    """The unit's name for its portal, e.g. "Cổng thông tin điện tử tỉnh Sóc Trăng" (the
    link-preview cards and the published sections' list)."""
    owner: Text | None = None
    """The agency that owns the section and answers for it, named first in the header, in
    every page title and in the footer (Decree 42/2022/NĐ-CP, Article 4, clause 1, point
    e); none: the unit itself (its ``name``)."""
    licence: Text | None = None
    """The terms under which readers may reuse the section's texts, in a sentence for the
    footer; none: the footer states no terms of its own."""
    logo: SitePath | None = None
    """Path of the logo under ``theme/assets/``; none means the ASEAN-neutral mark."""
    colors: Colors | None = None
    portal: HttpsUrl | None = None
    """The address of the unit's web portal (as it was when the plans were issued)."""
    portal_cite: list[Citation] = Field(default_factory=list)
    """Where the portal's address is published; a new address is added only with one."""
    contact: Contact | None = None
    repository: Repository | None = None
    """Overrides the site-wide repository of ``mkdocs.yml`` for this unit's build."""


class Unit(Strict):
    """A unit that issues plans or has its own section: the national level, a ministry or
    central agency, a province, a district."""

    id: Slug
    """Identifier, e.g. ``soc-trang``; a central unit's is its agency's id (``bo-ngoai-giao``)."""
    level: Level
    kind: CentralKind | None = None
    """What a central unit is; required for ``level: central`` and only there."""
    name: Text
    """Full name, e.g. "Tỉnh Sóc Trăng" / "Sóc Trăng Province"."""
    short_name: Text | None = None
    """Name without the level word, e.g. "Sóc Trăng"."""
    parent: Slug | None = None
    """The unit this one belongs to (a district's province; ``viet-nam`` for a central unit);
    none for the national level."""
    centrally_run: bool = False
    """A centrally-run city (thành phố trực thuộc trung ương) rather than a province."""
    predecessors: list[Predecessor] = Field(default_factory=list)
    """The units this one was formed from; their plans, pages and news are shown in its section."""
    history: list[UnitEvent] = Field(default_factory=list)
    """How the unit came to be what it is today, oldest first, each event with its source."""
    succeeded_by: list[Succession] = Field(default_factory=list)
    """What the unit became after a reorganisation; empty where not known with confidence."""
    branding: Branding | None = None

    @model_validator(mode="after")
    def _central(self) -> Unit:
        if self.level == "central" and self.kind is None:
            raise bilingual_error(
                f"đơn vị trung ương '{self.id}' cần 'kind' (ministry, ministerial-agency, "
                "government-agency, party, mass-organisation hoặc press)",
                f"central unit '{self.id}' needs a 'kind' (ministry, ministerial-agency, "
                "government-agency, party, mass-organisation or press)",
            )
        if self.level != "central" and self.kind is not None:
            raise bilingual_error(
                f"'kind' chỉ dùng cho đơn vị trung ương (level: central), không dùng cho cấp '{self.level}'",
                f"'kind' is only for central units (level: central), not for level '{self.level}'",
            )
        if self.level == "central" and self.parent is None:
            raise bilingual_error(
                f"đơn vị trung ương '{self.id}' cần 'parent' (cấp quốc gia: viet-nam)",
                f"central unit '{self.id}' needs a 'parent' (the national level: viet-nam)",
            )
        return self

    @property
    def current(self) -> bool:
        """Whether the unit exists today: a unit that was succeeded is a former one."""
        return not self.succeeded_by


class UnitFile(Strict):
    """The whole ``plans/units.yaml``."""

    sources: list[Source] = Field(default_factory=list)
    """The published documents the facts about units cite."""
    units: list[Unit]
