"""``python -m site_builder new``: start an article, a plan, a unit or an event correctly.

Articles are created as a pair (``content/vi/news/<slug>.md`` and ``content/en/...``)
with front matter filled in from the arguments; the English page records the hash of
the Vietnamese text it translates, so the translation report can tell when it falls
behind. Plans, units and events are written as data that passes ``check`` as created.
Nothing is ever overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from site_builder.apps.scaffold_args import ArticleArgs, EventArgs, PlanArgs, UnitArgs
from site_builder.core.problems import Problem
from site_builder.core.slug import SLUG_PATTERN, in_sentence, slugify
from site_builder.inputs.content_tree import ContentPage
from site_builder.inputs.references import UNITS_FILE
from site_builder.inputs.validation import validate
from site_builder.inputs.yamlsource import load_yaml
from site_builder.model import Text, Unit, UnitFile
from site_builder.model.units import Branding, Colors, Contact


class ScaffoldError(Exception):
    """The arguments cannot make a valid file (the message is bilingual)."""


@dataclass
class Created:
    paths: list[Path]
    next_steps: list[str]


def _q(text: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _fresh(path: Path) -> None:
    if path.exists():
        raise ScaffoldError(f"đã có tệp / already exists: {path}")


def _slug(value: str) -> str:
    slug = slugify(value)
    if not re.match(SLUG_PATTERN, slug):
        raise ScaffoldError(f"không tạo được mã từ / cannot make an id from '{value}'")
    return slug


def _ref(value: str, option: str) -> str:
    """An id given on the command line that names existing data (a unit, an agency): it
    is written into YAML as it is, so it must be an id and nothing more."""
    if not re.fullmatch(SLUG_PATTERN, value):
        raise ScaffoldError(f"{option}: '{value}' không phải là mã (chữ thường, số, gạch nối) / "
                            f"is not an id (lower-case letters, digits, hyphens)")
    return value


def _date(value: str, option: str) -> str:
    """A date given on the command line as ``YYYY-MM-DD``; it is written into YAML as it
    is, so it must be a real date and nothing more."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise ScaffoldError(f"{option}: '{value}' không phải ngày dạng YYYY-MM-DD / is not a date YYYY-MM-DD")


def _month_day(value: str) -> tuple[int, int]:
    """``MM-DD`` of a yearly event, checked against a leap year (29 February recurs)."""
    match = re.fullmatch(r"(\d{2})-(\d{2})", value)
    if match is not None:
        month, day = int(match[1]), int(match[2])
        with contextlib.suppress(ValueError):
            dt.date(2024, month, day)
            return month, day
    raise ScaffoldError(f"--yearly: '{value}' không phải ngày dạng MM-DD / is not a day MM-DD")


def new_article(root: Path, article: ArticleArgs) -> Created:
    title_vi, title_en, source = article.title_vi, article.title_en, article.source
    source_url, source_publisher = article.source_url, article.source_publisher
    slug = _slug(article.slug or title_vi)
    date = _date(article.date, "--date") if article.date is not None else dt.date.today().isoformat()
    unit = _ref(article.unit, "--unit") if article.unit is not None else None
    paths = [root / "content" / lang / "news" / f"{slug}.md" for lang in ("vi", "en")]
    for path in paths:
        _fresh(path)
    if not source_url and not source_publisher:
        # check refuses a source a reader cannot find (model.content.Source): say so before writing
        raise ScaffoldError("--source-url hoặc --source-publisher: nguồn cần địa chỉ hoặc nơi công bố để người đọc "
                            "tìm được / a source needs its address or who published it, so that readers can find it")
    source_lines = (f"  - title: {_q(source)}\n" + (f"    publisher: {_q(source_publisher)}\n" if source_publisher else "")
                    + (f"    url: {_q(source_url)}\n" if source_url else ""))
    common = (f"kind: news\ndate: {date}\ntopics: [{', '.join(article.topics)}]\n"
              + (f"unit: {unit}\n" if unit else "") + f"sources:\n{source_lines}")
    vi_body = f"\n# {title_vi}\n\nViết nội dung bài bằng tiếng Việt ở đây.\n"
    vi_text = f"---\ntitle: {_q(title_vi)}\ndescription: {_q(title_vi)}\n{common}---\n{vi_body}"
    source_hash = ContentPage("vi", f"news/{slug}.md", None, vi_body).body_hash()  # type: ignore[arg-type]
    en_text = (f"---\ntitle: {_q(title_en)}\ndescription: {_q(title_en)}\n{common}source_hash: {source_hash}\n---\n"
               f"\n# {title_en}\n\nWrite the English text here.\n")
    for path, text in zip(paths, (vi_text, en_text), strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Created(paths, [
        f"Viết bài tiếng Việt trong {paths[0].relative_to(root)} và bản dịch trong {paths[1].relative_to(root)}.",
        "Write the Vietnamese text, then the English translation; update 'description' in both.",
        "Sau khi dịch xong / once translated: python -m site_builder translations --mark-current "
        f"{paths[1].relative_to(root)}",
        "Xem trước / preview: make serve",
    ])


def new_plan(root: Path, plan: PlanArgs) -> Created:
    """A plan file that passes ``check``. Without ``--id`` the plan is ``<unit>-<start>-<end>``;
    without ``--issuing-agency`` it is issued by the unit's People's Committee, which is added
    to ``plans/agencies.yaml`` when missing (a province or city of today has no agency yet)."""
    title_vi, title_en, start, end = plan.title_vi, plan.title_en, plan.start, plan.end
    unit = _ref(plan.unit, "--unit")
    issuing_agency = _ref(plan.issuing_agency, "--issuing-agency") if plan.issuing_agency is not None else None
    plan_id = _slug(plan.plan_id or f"{unit}-{start}-{end}")
    path = root / "plans" / f"{plan_id}.yaml"
    _fresh(path)
    created = [path]
    if issuing_agency is None:
        issuing_agency, agency_path = _people_committee(root, unit)
        if agency_path is not None:
            created.append(agency_path)
    text = f"""# yaml-language-server: $schema=../schemas/plan.schema.json
id: {plan_id}
document_type: plan
title: {{vi: {_q(title_vi)}, en: {_q(title_en)}}}
short_title: {{vi: {_q(title_vi)}, en: {_q(title_en)}}}
number: null          # the document number, e.g. "152/KH-UBND"; null while not known
issued: null          # the date of issue, e.g. 2021-10-14
issuer: {unit}
issuing_agency: {issuing_agency}
signer: null
period: {{start: {start}, end: {end}}}
status: in-force
legal_basis:
  - citation: {{vi: "Quyết định số 01/QĐ-BCĐASEAN ngày 05/8/2021 của Ban Chỉ đạo Thông tin Tuyên truyền ASEAN", en: "Decision 01/QĐ-BCĐASEAN of 5 August 2021 of the ASEAN Information Steering Committee"}}
    number: "01/QĐ-BCĐASEAN"
    date: 2021-08-05
    plan: bcd-asean-2021-2025
    implements: true
sections:
  - ref: "I"
    heading: {{vi: "Mục đích, yêu cầu", en: "Purposes and requirements"}}
    kind: purposes
source:
  file: {plan_id}.txt
"""  # noqa: E501 - the YAML a new plan starts from, as editors will read it
    path.write_text(text, encoding="utf-8")
    return Created(created, [
        f"Nhập toàn văn kế hoạch vào {path.relative_to(root)} theo docs/plan-format.md.",
        "Enter every section and appendix row of the plan (docs/plan-format.md); blanks stay null.",
        "Kiểm tra / check: python -m site_builder check",
    ])


def _people_committee(root: Path, unit_id: str) -> tuple[str, Path | None]:
    """The id of the unit's People's Committee in ``plans/agencies.yaml``, added when missing
    (with the file's path, so that the editor sees what was written); for a central unit, its
    own agency, which has the unit's id."""
    unit = _existing_unit(root, unit_id)
    if unit is None:
        raise ScaffoldError(f"không có đơn vị / unknown unit '{unit_id}' (plans/units.yaml)")
    if unit.level == "central":
        return unit_id, None  # a ministry or central agency issues its own plans: its agency has its id
    city = unit.centrally_run or (unit.level == "province" and unit.name.vi.startswith("Thành phố"))
    suffix = {"national": "chinh-phu", "district": "huyen"}.get(unit.level, "thanh-pho" if city else "tinh")
    agency_id = f"{unit_id}-uy-ban-nhan-dan-{suffix}"
    path = root / "plans" / "agencies.yaml"
    if f"\n  - id: {agency_id}\n" in path.read_text(encoding="utf-8"):
        return agency_id, None
    if unit.level == "national":
        raise ScaffoldError("cấp trung ương: nêu --issuing-agency / the national level: give --issuing-agency")
    name_en = unit.name.text("en")
    if unit.level == "province":
        en = f"{name_en.removesuffix(' City').removesuffix(' Province')} {'City' if city else 'Provincial'} People's Committee"
    else:
        en = f"{name_en} People's Committee"
    block = (f"\n  - id: {agency_id}\n    name: {_text('Ủy ban nhân dân ' + in_sentence(unit.name.vi), en)}\n"
             f"    kind: people-committee\n    unit: {unit_id}\n")
    _append(path, block, "agencies")
    return agency_id, path


def _append(path: Path, block: str, key: str) -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace(f"\n{key}: []", f"\n{key}:").replace(f"{key}: []\n", f"{key}:\n", 1) if f"{key}: []" in text else text
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + block, encoding="utf-8")


DEFAULT_COLORS = ("#163a86", "#ffcc00")
"""The section's own blue and yellow: a unit that names no colours keeps them."""


@dataclass
class BrandingArgs:
    """What a unit's web team may set for its own section; ``None`` keeps what is there."""

    display_vi: str | None = None
    display_en: str | None = None
    primary: str | None = None
    accent: str | None = None
    portal: str | None = None
    office_vi: str | None = None
    office_en: str | None = None
    email: str | None = None
    phone: str | None = None
    address_vi: str | None = None
    address_en: str | None = None


def _text(vi: str, en: str | None) -> str:
    return f"{{vi: {_q(vi)}, en: {_q(en)}}}" if en else f"{{vi: {_q(vi)}}}"


def _pair(new_vi: str | None, new_en: str | None, old: Text | None) -> tuple[str, str | None] | None:
    """A bilingual value from the arguments, falling back on the one in the file, side by side."""
    vi = new_vi or (old.vi if old else None)
    en = new_en or (old.en if old else None)
    return (vi, en) if vi else None


def branding_block(unit: Unit | None, name_vi: str, name_en: str, args: BrandingArgs) -> str:
    """The ``branding:`` block of a unit, with the arguments over what the file already has.

    Colours are checked here with the model's WCAG AA rules, so that a scaffold never writes
    a file that ``check`` refuses; the other fields are kept as they are (a logo, a repository,
    the sources of a portal address)."""
    old = unit.branding if unit else None
    primary, accent = _colors(old, args)
    display = _pair(args.display_vi, args.display_en, old.display_name if old else None) or (
        f"Chuyên mục ASEAN – {name_vi}", f"ASEAN section – {name_en}")
    lines = ["    branding:", f"      display_name: {_text(*display)}"]
    if old and old.logo:
        lines.append(f"      logo: {_q(old.logo)}")
    lines.append(f"      colors: {{primary: {_q(primary)}, accent: {_q(accent)}}}")
    lines += _portal_lines(old, args)
    lines += _contact_lines(old.contact if old else None, args)
    if old and old.repository:
        lines.append(f"      repository: {{url: {_q(old.repository.url)}, branch: {_q(old.repository.branch)}}}")
    return "\n".join(lines) + "\n"


def _colors(old: Branding | None, args: BrandingArgs) -> tuple[str, str]:
    """(primary, accent): the arguments over the file's over the section's own, checked with
    the model's contrast rules."""
    old_colors = old.colors if old and old.colors else None
    primary = args.primary or (old_colors.primary if old_colors else DEFAULT_COLORS[0])
    accent = args.accent or (old_colors.accent if old_colors else DEFAULT_COLORS[1])
    try:
        Colors(primary=primary, accent=accent)
    except ValidationError as exc:
        error = exc.errors()[0]
        ctx = error.get("ctx") or {}
        raise ScaffoldError(f"{ctx.get('vi', error['msg'])}\n    {ctx.get('en', error['msg'])}") from None
    return primary, accent


def _portal_lines(old: Branding | None, args: BrandingArgs) -> list[str]:
    """The portal's address, with the file's sources for it while it is the same address."""
    portal = args.portal or (old.portal if old else None)
    if not portal:
        return []
    lines = [f"      portal: {_q(portal)}"]
    if old and old.portal_cite and portal == old.portal:
        lines.append("      portal_cite:")
        for cite in old.portal_cite:
            at = f", at: {_text(cite.at.vi, cite.at.en)}" if cite.at else ""
            lines.append(f"        - {{source: {cite.source}{at}}}")
    return lines


def _contact_lines(contact: Contact | None, args: BrandingArgs) -> list[str]:
    """The ``contact:`` block: office, e-mail, phone and address, each given or kept."""
    office = _pair(args.office_vi, args.office_en, contact.office if contact else None)
    address = _pair(args.address_vi, args.address_en, contact.address if contact else None)
    email = args.email or (contact.email if contact else None)
    phone = args.phone or (contact.phone if contact else None)
    if not (office or address or email or phone):
        return []
    lines = ["      contact:"]
    if office:
        lines.append(f"        office: {_text(*office)}")
    if email:
        lines.append(f"        email: {_q(email)}")
    if phone:
        lines.append(f"        phone: {_q(phone)}")
    if address:
        lines.append(f"        address: {_text(*address)}")
    return lines


def _unit_span(lines: list[str], unit_id: str) -> tuple[int, int]:
    """First and last+1 line of a unit's record in units.yaml (trailing blank lines excluded)."""
    try:
        start = lines.index(f"  - id: {unit_id}\n")
    except ValueError:
        raise ScaffoldError(f"không tìm thấy dòng '  - id: {unit_id}' trong plans/units.yaml: sửa bằng tay / "
                            f"no line '  - id: {unit_id}' in plans/units.yaml: edit it by hand") from None
    end = start + 1
    while end < len(lines) and not lines[end].startswith("  - ") and not lines[end].startswith(("units:", "sources:")):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end


def _replace_branding(lines: list[str], start: int, end: int, block: str) -> list[str]:
    """The unit's lines with its ``branding:`` block replaced by ``block`` (or added last)."""
    record = lines[start:end]
    begin = next((i for i, line in enumerate(record) if line == "    branding:\n"), None)
    if begin is None:
        return lines[:start] + record + [block] + lines[end:]
    stop = begin + 1
    while stop < len(record) and (record[stop].startswith("      ") or not record[stop].strip()):
        stop += 1
    return lines[:start] + record[:begin] + [block] + record[stop:] + lines[end:]


def new_unit(root: Path, unit: UnitArgs, branding: BrandingArgs | None = None) -> Created:
    """Add a unit with its branding and contact block, or, for a unit already in
    ``plans/units.yaml`` (the 34 provinces and cities of today are), rewrite its branding and
    contact block with the values given and keep the rest of its record as it is."""
    unit_id, name_vi, name_en, level = _slug(unit.unit_id), unit.name_vi, unit.name_en, unit.level
    branding = branding or BrandingArgs()
    parent = _ref(unit.parent, "--parent") if unit.parent is not None else None
    path = root / "plans" / "units.yaml"
    text = path.read_text(encoding="utf-8")
    existing = _existing_unit(root, unit_id)
    if existing is None and f"\n  - id: {unit_id}\n" in text:
        raise ScaffoldError("plans/units.yaml có lỗi, chạy `check` trước / plans/units.yaml has errors: run `check` first")
    if existing is not None:
        name_vi = name_vi or existing.name.vi
        name_en = name_en or existing.name.text("en")
        block = branding_block(existing, name_vi, name_en, branding)
        lines = text.splitlines(keepends=True)
        start, end = _unit_span(lines, unit_id)
        path.write_text("".join(_replace_branding(lines, start, end, block)), encoding="utf-8")
        return Created([path], [
            f"Đã cập nhật tên, màu và thông tin liên hệ của {unit_id} trong plans/units.yaml.",
            f"Updated the name, colours and contact of {unit_id} in plans/units.yaml.",
            f"Dựng chuyên mục / build the section: python -m site_builder build --unit {unit_id}",
        ])
    if not (name_vi and name_en and level):
        raise ScaffoldError("đơn vị mới cần --name-vi, --name-en và --level / "
                            "a new unit needs --name-vi, --name-en and --level")
    block = (f"\n  - id: {unit_id}\n    level: {level}\n    name: {_text(name_vi, name_en)}\n"
             + (f"    parent: {parent}\n" if parent else "")
             + branding_block(None, name_vi, name_en, branding))
    _append(path, block, "units")
    return Created([path], [
        f"Đã thêm đơn vị {unit_id} vào plans/units.yaml, với tên chuyên mục, màu và thông tin liên hệ.",
        f"Added unit {unit_id} to plans/units.yaml with the section's name, colours and contact.",
        f"Dựng chuyên mục / build the section: python -m site_builder build --unit {unit_id}",
    ])


def _existing_unit(root: Path, unit_id: str) -> Unit | None:
    """The unit's record as the model reads it, or ``None`` when it is not in the file."""
    doc = load_yaml(root / "plans" / UNITS_FILE, f"plans/{UNITS_FILE}")
    if isinstance(doc, Problem):
        raise ScaffoldError(doc.format())
    value, problems = validate(doc, UnitFile)
    if value is None:
        raise ScaffoldError("\n".join(p.format() for p in problems))
    assert isinstance(value, UnitFile)
    return next((u for u in value.units if u.id == unit_id), None)


def new_event(root: Path, event: EventArgs) -> Created:
    event_id, date, yearly = _slug(event.event_id), event.date, event.yearly
    path = root / "content" / "data" / "events.yaml"
    if f"\n  - id: {event_id}\n" in path.read_text(encoding="utf-8"):
        raise ScaffoldError(f"đã có sự kiện / event already exists: {event_id}")
    if (date is None) == (yearly is None):
        raise ScaffoldError("cần đúng một trong --date YYYY-MM-DD hoặc --yearly MM-DD / "
                            "give exactly one of --date YYYY-MM-DD or --yearly MM-DD")
    if date is not None:
        when = f"    recurrence: once\n    date: {_date(date, '--date')}\n"
    else:
        month, day = _month_day(yearly or "")
        when = f"    recurrence: yearly\n    month: {month}\n    day: {day}\n"
    block = (f"\n  - id: {event_id}\n    title: {{vi: {_q(event.title_vi)}, en: {_q(event.title_en)}}}\n"
             f"    description: {{vi: {_q(event.description_vi)}, en: {_q(event.description_en)}}}\n{when}")
    _append(path, block, "events")
    return Created([path], [f"Đã thêm sự kiện / added event {event_id} to content/data/events.yaml (calendar, calendar.ics)."])
