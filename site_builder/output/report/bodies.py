"""The bodies a report names, through the reorganisations of units: the unit and body of
today that took over a former one, and the note that a report names a former body."""

from __future__ import annotations

from site_builder.core.i18n import translations
from site_builder.inputs.loader import Dataset
from site_builder.model import Text
from site_builder.model.agencies import Agency
from site_builder.model.units import Unit
from site_builder.output.report.document import lower_first, text_of
from site_builder.render.dates import format_date


def successor_unit(data: Dataset, unit_id: str) -> str | None:
    """The unit of today that took over a former unit (``succeeded_by.to``, followed through
    later reorganisations); ``None`` for a unit of today."""
    seen, current = {unit_id}, unit_id
    while current in data.units and not data.units[current].current:
        targets = [s.to for s in data.units[current].succeeded_by if s.to and s.to not in seen]
        if not targets:
            return None
        current = targets[0]
        seen.add(current)
    return None if current == unit_id else current


def committee_name(data: Dataset, unit_id: str) -> Text | None:
    """The People's Committee of a province or district: its record, or the name the Law on
    the Organisation of Local Government gives it ("Ủy ban nhân dân" + the unit's name)."""
    committee = next((a for a in data.agencies.values() if a.kind == "people-committee" and a.unit == unit_id), None)
    if committee is not None:
        return committee.name
    unit = data.units.get(unit_id)
    if unit is None or unit.level == "national":
        return None
    return Text(vi="Ủy ban nhân dân " + lower_first(unit.name.vi), en=f"{unit.name.en} People's Committee")


def _recorded_successor(data: Dataset, agency: Agency) -> Agency:
    """The body's recorded successor (``succeeded_by.to``, followed through), or the body itself."""
    seen = {agency.id}
    current = agency
    while True:
        nxt = next((s.to for s in current.succeeded_by if s.to in data.agencies and s.to not in seen), None)
        if nxt is None:
            return current
        seen.add(nxt)
        current = data.agencies[nxt]


def _name_in(data: Dataset, agency: Agency, old: Unit, target: str) -> Text:
    """The name of ``agency`` (of the former unit ``old``) as the same body of the unit
    ``target``, from its latest recorded name."""
    new = data.units[target]
    if agency.kind == "people-committee":
        name = committee_name(data, target)
        assert name is not None
        return name
    named = next((s.name for s in reversed(agency.succeeded_by) if s.name is not None), None) or agency.name
    vi = named.vi.replace(lower_first(old.name.vi), lower_first(new.name.vi))
    en = named.en
    if en and old.short_name and new.short_name and old.short_name.en and new.short_name.en:
        en = en.replace(old.short_name.en, new.name.en or new.short_name.en)
    return Text(vi=vi, en=en)


def agency_today(data: Dataset, agency: Agency, unit_id: str | None = None) -> Agency:
    """The body that carries ``agency``'s work today: its recorded successor (``succeeded_by.to``),
    else, when its unit was merged into ``unit_id`` (by default the unit's successor), the
    same body of that unit under its latest recorded name ("Sở Thông tin và Truyền thông tỉnh
    Sóc Trăng" → "Sở Khoa học và Công nghệ tỉnh Sóc Trăng" → "Sở Khoa học và Công nghệ thành
    phố Cần Thơ"). A body that still exists is returned as it is."""
    current = _recorded_successor(data, agency)
    old = data.units.get(current.unit)
    target = unit_id or successor_unit(data, current.unit)
    if old is None or old.current or target is None or target == current.unit or target not in data.units:
        return current
    new = data.units[target]
    name = _name_in(data, current, old, target)
    short = None
    if current.kind == "people-committee":
        short = Text(vi="UBND " + lower_first(new.name.vi), en=name.en)
    return Agency.model_construct(id=f"{current.id}-today-{target}", name=name, short=short, kind=current.kind,
                                  unit=target, succeeded_by=[])


def former_note(data: Dataset, agency: Agency, lang: str, instead: Agency | None = None) -> str | None:
    """That the body a report names belongs to a unit that no longer exists, and which unit
    took it over (units.yaml ``succeeded_by``); with ``instead``, that the report is issued by
    the successor body in its place."""
    unit = data.units.get(agency.unit)
    if unit is None or unit.current:
        return None
    succession = next((s for s in unit.succeeded_by if s.to in data.units), None)
    if succession is None:
        return None
    t = translations(lang).gettext
    successor = data.units[succession.to]  # type: ignore[index]
    values = {"unit": text_of(unit.name, lang), "date": format_date(succession.effective, lang),
              "successor": text_of(successor.name, lang), "source": text_of(succession.source, lang),
              "body": text_of(agency.name, lang)}
    if lang == "vi":
        values["successor"] = lower_first(values["successor"])
    if instead is None:
        return t("%(unit)s no longer exists: since %(date)s its area belongs to %(successor)s (%(source)s). "
                 "%(body)s, named in this report, is the former body.") % values
    values["unit"] = lower_first(values["unit"]) if lang == "vi" else values["unit"]
    values["new"] = text_of(instead.name, lang)
    return t("%(new)s reports in place of %(body)s, a former body: since %(date)s %(unit)s belongs to "
             "%(successor)s (%(source)s).") % values
