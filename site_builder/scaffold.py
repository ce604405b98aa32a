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

from .content import ContentPage
from .slug import SLUG_PATTERN, slugify


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


def new_article(root: Path, title_vi: str, title_en: str, topics: list[str], source: str,
                source_url: str | None = None, date: str | None = None, slug: str | None = None,
                unit: str | None = None) -> Created:
    slug = _slug(slug or title_vi)
    date = _date(date, "--date") if date is not None else dt.date.today().isoformat()
    unit = _ref(unit, "--unit") if unit is not None else None
    paths = [root / "content" / lang / "news" / f"{slug}.md" for lang in ("vi", "en")]
    for path in paths:
        _fresh(path)
    source_lines = f"  - title: {_q(source)}\n" + (f"    url: {_q(source_url)}\n" if source_url else "")
    common = (f"kind: news\ndate: {date}\ntopics: [{', '.join(topics)}]\n"
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


def new_plan(root: Path, plan_id: str, unit: str, issuing_agency: str, title_vi: str, title_en: str,
             start: int, end: int) -> Created:
    plan_id = _slug(plan_id)
    unit, issuing_agency = _ref(unit, "--unit"), _ref(issuing_agency, "--issuing-agency")
    path = root / "plans" / f"{plan_id}.yaml"
    _fresh(path)
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
"""
    path.write_text(text, encoding="utf-8")
    return Created([path], [
        f"Nhập toàn văn kế hoạch vào {path.relative_to(root)} theo docs/plan-format.md.",
        "Enter every section and appendix row of the plan (docs/plan-format.md); blanks stay null.",
        "Kiểm tra / check: python -m site_builder check",
    ])


def _append(path: Path, block: str, key: str) -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace(f"\n{key}: []", f"\n{key}:").replace(f"{key}: []\n", f"{key}:\n", 1) if f"{key}: []" in text else text
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + block, encoding="utf-8")


def new_unit(root: Path, unit_id: str, name_vi: str, name_en: str, level: str, parent: str | None) -> Created:
    unit_id = _slug(unit_id)
    parent = _ref(parent, "--parent") if parent is not None else None
    path = root / "plans" / "units.yaml"
    if f"\n  - id: {unit_id}\n" in path.read_text(encoding="utf-8"):
        raise ScaffoldError(f"đã có đơn vị / unit already exists: {unit_id}")
    block = (f"\n  - id: {unit_id}\n    level: {level}\n    name: {{vi: {_q(name_vi)}, en: {_q(name_en)}}}\n"
             + (f"    parent: {parent}\n" if parent else ""))
    _append(path, block, "units")
    return Created([path], [
        f"Đã thêm đơn vị {unit_id} vào plans/units.yaml; thêm 'branding' để dựng chuyên mục riêng.",
        f"Added unit {unit_id}; add 'branding' to build its own section: python -m site_builder build --unit {unit_id}",
    ])


def new_event(root: Path, event_id: str, title_vi: str, title_en: str, date: str | None, yearly: str | None,
              description_vi: str, description_en: str) -> Created:
    event_id = _slug(event_id)
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
    block = (f"\n  - id: {event_id}\n    title: {{vi: {_q(title_vi)}, en: {_q(title_en)}}}\n"
             f"    description: {{vi: {_q(description_vi)}, en: {_q(description_en)}}}\n{when}")
    _append(path, block, "events")
    return Created([path], [f"Đã thêm sự kiện / added event {event_id} to content/data/events.yaml (calendar, calendar.ics)."])
