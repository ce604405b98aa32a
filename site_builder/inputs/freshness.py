"""Content that stays true after it is published: what is past its review date (issue 35).

``python -m site_builder freshness`` (and a section of ``check``) reads the front matter
of every page and the data files of ``content/data/`` as they are, without building the
site, and lists, with file and line, in both languages:

- pages and member profiles past their ``review_by``; fact and tourism pages without one;
- dated events whose dates have passed but still ``status: planned`` (described as to
  come), and held events with neither ``outcome`` nor ``outcome_note``;
- quiz questions past their ``valid_until`` or ``review_by``;
- figures (a member's population, its area by the date of its source) older than
  :data:`FIGURE_YEARS` years where another member's record has a newer year for the
  same figure;
- sources whose address is a site's home page, or whose site is not on the allow-list
  of official and recognised publishers (``publishers.yaml`` beside this module: code,
  not content, since it is policy; every domain with its reason).

Each finding is a :class:`~site_builder.core.problems.Problem`. What is past due is a
warning; under ``--strict`` a finding more than the unit's grace period past its date
(``mkdocs.yml``: ``plugins: - asean: freshness_grace_days``, default
:data:`GRACE_DAYS`) is an error, and one still within it a note. A weak source is due
at the next review of the page or profile citing it (a note until then); a finding
without any date (a missing ``review_by``, a weak source on a record with no review
date) has no grace: under ``--strict`` it is an error at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from site_builder.core.problems import Problem, Severity
from site_builder.inputs.siteconfig import plugin_options
from site_builder.inputs.yamlsource import YamlDocument, load_yaml, parse_yaml, split_front_matter
from site_builder.model.common import deep_link

GRACE_DAYS = 30
"""Days past a review date before ``--strict`` makes the finding an error."""
FIGURE_YEARS = 5
"""A figure older than this many years is listed when a newer year exists in the data."""
PUBLISHERS = Path(__file__).with_name("publishers.yaml")
LANGS = ("vi", "en")


def build_day() -> dt.date:
    """The day a build or check runs: ``SOURCE_DATE_EPOCH`` when set (a reproducible
    build), otherwise today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def served_questions(questions: Iterable[Any], today: dt.date | None = None) -> list[Any]:
    """The quiz questions a build may serve: none past its ``valid_until``."""
    day = today or build_day()
    return [q for q in questions if getattr(q, "valid_until", None) is None or q.valid_until >= day]


# ── the allow-list ───────────────────────────────────────────────────────────────
@cache
def publishers(path: Path = PUBLISHERS) -> dict[str, str]:
    """``domain → reason`` of the official and recognised publishers."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, str] = {}
    for entry in data.get("publishers") or []:
        domain = str(entry["domain"]).strip().lower()
        reason = str(entry.get("reason") or "").strip()
        if not domain or not reason:
            raise ValueError(f"{path.name}: every publisher needs a domain and a reason: {entry!r}")
        out[domain] = reason
    return out


def allowed_host(host: str, allowed: dict[str, str] | None = None) -> str | None:
    """The allow-list entry covering ``host`` (itself or a parent domain), or ``None``."""
    allowed = publishers() if allowed is None else allowed
    host = host.lower().rstrip(".")
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in allowed:
            return candidate
    return None


# ── reading the inputs as they are ───────────────────────────────────────────────
def _day(value: Any) -> dt.date | None:
    """A full date (``2026-12-07``), or ``None`` for a partial one or anything else."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if len(str(value)) == 10 else None
    except ValueError:
        return None


def _year(value: Any) -> int | None:
    text = str(value or "")
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


@dataclass(frozen=True)
class Finding:
    """Something past due (or never given a date), where it is and since when."""

    file: str
    line: int
    field: str
    vi: str
    en: str
    due: dt.date | None = None
    """The last day the content was sure to hold; ``None``: no date, no grace."""

    def overdue(self, today: dt.date) -> int | None:
        return None if self.due is None else (today - self.due).days

    def past_due(self, today: dt.date) -> bool:
        days = self.overdue(today)
        return days is None or days > 0

    def problem(self, today: dt.date, strict: bool, grace: int) -> Problem:
        """A note while not yet due (a weak source on a page whose review is to come); once
        due a warning, or under ``strict`` an error past the grace period and a note within it."""
        days = self.overdue(today)
        severity: Severity
        if days is not None and days <= 0:
            severity = "notice"
        elif not strict:
            severity = "warning"
        else:
            severity = "error" if days is None or days > grace else "notice"
        return Problem(self.file, self.line, 0, self.field, self.vi, self.en, severity)


class _Doc:
    """A YAML document with its line marks (pages' front matter or a data file)."""

    def __init__(self, path: str, data: Any, marks: Any) -> None:
        self.path, self.data, self._marks = path, data, marks

    def line(self, *loc: str | int) -> int:
        return self._marks.mark(tuple(loc))[0] if self._marks is not None else 0

    def at(self, loc: tuple[str | int, ...]) -> Any:
        """The value at ``loc`` (the whole document for ``()``)."""
        value = self.data
        for key in loc:
            value = value[key]
        return value


def _load(root: Path, rel: str, text: str | None = None) -> _Doc | None:
    doc = load_yaml(root / rel, rel) if text is None else parse_yaml(text.encode("utf-8"), rel)
    if not isinstance(doc, YamlDocument) or not isinstance(doc.data, dict):
        return None  # ``check`` reports why
    return _Doc(rel, doc.data, doc)


def _pages(root: Path) -> Iterator[_Doc]:
    for lang in LANGS:
        folder = root / "content" / lang
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            try:
                text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
            except (OSError, UnicodeDecodeError):
                continue
            parts = split_front_matter(text)
            doc = _load(root, rel, parts[0]) if parts else None
            if doc is not None:
                yield doc


def _list(doc: _Doc | None, key: str) -> list[tuple[int, dict[str, Any]]]:
    if doc is None or not isinstance(doc.data.get(key), list):
        return []
    return [(i, item) for i, item in enumerate(doc.data[key]) if isinstance(item, dict)]


# ── the rules ────────────────────────────────────────────────────────────────────
def _past_review(doc: _Doc, loc: tuple[str | int, ...], today: dt.date, what: tuple[str, str],
                 field: str = "review_by") -> Iterator[Finding]:
    """The record at ``loc`` (a dict) past its ``field`` date."""
    due = _day(doc.at(loc).get(field))
    if due is None or due >= today:
        return
    days = (today - due).days
    where = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in (*loc, field)).replace(".[", "[")
    if field == "valid_until":
        yield Finding(doc.path, doc.line(*loc, field), where,
                      f"{what[0]} đã hết hiệu lực từ {due.isoformat()} ({days} ngày): câu trả lời có thể không còn "
                      "đúng; bài trắc nghiệm không còn hiển thị câu này. Sửa câu hỏi theo nguồn mới rồi đặt "
                      "'valid_until' mới, hoặc xóa câu hỏi",
                      f"{what[1]} stopped being valid on {due.isoformat()} ({days} days ago): its answer may no "
                      "longer hold and the quiz no longer shows it. Rewrite it from a current source and set a "
                      "new 'valid_until', or delete it",
                      due)
        return
    yield Finding(doc.path, doc.line(*loc, field), where,
                  f"{what[0]} đã quá ngày kiểm tra lại {due.isoformat()} ({days} ngày): đối chiếu lại với nguồn, "
                  "sửa điều đã thay đổi, rồi đặt 'updated' là hôm nay và 'review_by' là lần kiểm tra sau",
                  f"{what[1]} is past its review date {due.isoformat()} ({days} days): check it against its "
                  "sources, correct what has changed, then set 'updated' to today and 'review_by' to the next check",
                  due)


def _source_findings(doc: _Doc, sources: Sequence[tuple[tuple[str | int, ...], Any]],
                     allowed: dict[str, str], due: dt.date | None = None) -> Iterator[Finding]:
    """A home page or a publisher off the allow-list. ``due``: the review date of the page
    or profile that cites it: a weak source is replaced at its next review, so it turns
    into an error under ``--strict`` only past that date and the grace period."""
    for loc, url in sources:
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            continue
        where = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
        line = doc.line(*loc)
        if not deep_link(url):
            yield Finding(doc.path, line, where,
                          f"nguồn '{url}' là trang chủ của một trang web: hãy dẫn địa chỉ của chính trang nêu "
                          "thông tin",
                          f"the source '{url}' is a site's home page: give the address of the page that states "
                          "the fact", due)
            continue
        host = urlsplit(url).hostname or ""
        if allowed_host(host, allowed) is None:
            yield Finding(doc.path, line, where,
                          f"nguồn '{host}' không có trong danh sách nơi công bố chính thức hoặc được thừa nhận "
                          "(site_builder/inputs/publishers.yaml): hãy dẫn trang chính thức nêu cùng thông tin, "
                          "hoặc bỏ thông tin đó",
                          f"the source '{host}' is not on the allow-list of official or recognised publishers "
                          "(site_builder/inputs/publishers.yaml): cite an official page stating the same fact, "
                          "or remove the fact", due)


def page_findings(doc: _Doc, today: dt.date, allowed: dict[str, str]) -> Iterator[Finding]:
    meta = doc.data
    kind = meta.get("kind", "page")
    yield from _past_review(doc, (), today, ("trang", "the page"))
    if kind in ("fact", "tourism") and meta.get("review_by") is None:
        line = doc.line("updated") if "updated" in meta else doc.line("kind")
        yield Finding(doc.path, line, "review_by",
                      f"trang loại '{kind}' chưa có 'review_by': hãy đặt ngày phải kiểm tra lại các thông tin có "
                      "thể thay đổi (một nhiệm kỳ, một kỳ chủ tịch, một con số)",
                      f"a '{kind}' page has no 'review_by': set the date by which its facts that can change "
                      "(a term of office, a chairmanship, a figure) must be checked again")
    sources = [(("sources", i, "url"), s.get("url")) for i, s in _list(doc, "sources")]
    yield from _source_findings(doc, sources, allowed, _day(meta.get("review_by")))


def _figure_years(members: list[tuple[int, dict[str, Any]]]) -> dict[str, dict[int, int]]:
    """For each figure, the year each member's record gives it."""
    out: dict[str, dict[int, int]] = {"population": {}, "area": {}}
    for i, member in members:
        population = member.get("population")
        if isinstance(population, dict) and _year(population.get("year")):
            out["population"][i] = _year(population.get("year"))  # type: ignore[assignment]
        area = member.get("area")
        if isinstance(area, dict) and isinstance(area.get("source"), list) and area["source"]:
            by_id = {s.get("id"): s for _, s in _list(_Doc("", member, None), "sources")}
            year = _year((by_id.get(area["source"][0]) or {}).get("date"))
            if year:
                out["area"][i] = year
    return out


def member_findings(doc: _Doc, today: dt.date, allowed: dict[str, str], years: int) -> Iterator[Finding]:
    members = _list(doc, "members")
    figures = _figure_years(members)
    names = {"population": ("dân số", "population"), "area": ("diện tích", "area")}
    for i, member in members:
        name = member.get("id", str(i))
        yield from _past_review(doc, ("members", i), today, (f"hồ sơ '{name}'", f"the profile '{name}'"))
        for figure, by_member in figures.items():
            year = by_member.get(i)
            newest = max(by_member.values(), default=None)
            if year is None or newest is None or today.year - year <= years or newest <= year:
                continue
            due = dt.date(year + years, 12, 31)
            loc = ("members", i, "population", "year") if figure == "population" else ("members", i, "area")
            vi, en = names[figure]
            yield Finding(doc.path, doc.line(*loc), ".".join(str(p) if isinstance(p, str) else f"[{p}]"
                                                                  for p in loc).replace(".[", "["),
                          f"số liệu {vi} của '{name}' là của năm {year}, cũ hơn {years} năm, trong khi hồ sơ khác đã "
                          f"có số liệu năm {newest}: hãy dùng số liệu cùng một nguồn, cùng một năm cho mọi nước",
                          f"the {en} of '{name}' is from {year}, more than {years} years old, while another "
                          f"profile has a figure from {newest}: use one source and one year for every member",
                          due)
        sources = [(("members", i, "sources", j, "url"), s.get("url")) for j, s in _list(_Doc("", member, None),
                                                                                         "sources")]
        yield from _source_findings(doc, sources, allowed, _day(member.get("review_by")))


def event_findings(doc: _Doc, today: dt.date, allowed: dict[str, str]) -> Iterator[Finding]:
    for i, event in _list(doc, "events"):
        name = event.get("id", str(i))
        status = event.get("status")
        last = _day(event.get("end")) or _day(event.get("date"))
        if event.get("recurrence") == "once" and status == "planned" and last is not None and last < today:
            days = (today - last).days
            yield Finding(doc.path, doc.line("events", i, "status"), f"events[{i}].status",
                          f"sự kiện '{name}' đã qua ({last.isoformat()}, {days} ngày) nhưng vẫn ghi là sắp diễn ra "
                          "(status: planned): đặt 'status: held' với 'outcome' (kết quả, có nguồn) hoặc "
                          "'outcome_note' (chưa có báo cáo), và sửa các trang còn nói về sự kiện như sắp tới",
                          f"the event '{name}' is past ({last.isoformat()}, {days} days ago) but still described "
                          "as to come (status: planned): set 'status: held' with 'outcome' (what it decided, "
                          "sourced) or 'outcome_note' (no report yet), and correct the pages that still speak of "
                          "it as to come",
                          last)
        if status == "held" and not event.get("outcome") and not event.get("outcome_note"):
            yield Finding(doc.path, doc.line("events", i, "status"), f"events[{i}].status",
                          f"sự kiện '{name}' đã diễn ra nhưng chưa có 'outcome' hoặc 'outcome_note'",
                          f"the event '{name}' was held but has neither 'outcome' nor 'outcome_note'")
        sources = [(("events", i, "sources", j, "url"), s.get("url"))
                   for j, s in _list(_Doc("", event, None), "sources")]
        yield from _source_findings(doc, sources, allowed)


def quiz_findings(doc: _Doc, today: dt.date) -> Iterator[Finding]:
    for i, question in _list(doc, "questions"):
        what = (f"câu hỏi '{question.get('id', i)}'", f"the question '{question.get('id', i)}'")
        yield from _past_review(doc, ("questions", i), today, what, "valid_until")
        yield from _past_review(doc, ("questions", i), today, what)


def document_findings(doc: _Doc, allowed: dict[str, str]) -> Iterator[Finding]:
    sources = [(("documents", i, "url"), d.get("url")) for i, d in _list(doc, "documents")]
    yield from _source_findings(doc, sources, allowed)


def findings(root: Path, today: dt.date, years: int = FIGURE_YEARS,
             allowed: dict[str, str] | None = None) -> list[Finding]:
    """Everything past due in ``root``'s content, in file and line order."""
    allowed = publishers() if allowed is None else allowed
    found: list[Finding] = []
    for page in _pages(root):
        found += page_findings(page, today, allowed)
    data = "content/data"
    if (members := _load(root, f"{data}/members.yaml") if (root / data / "members.yaml").is_file() else None):
        found += member_findings(members, today, allowed, years)
    if (events := _load(root, f"{data}/events.yaml") if (root / data / "events.yaml").is_file() else None):
        found += event_findings(events, today, allowed)
    if (quiz := _load(root, f"{data}/quiz.yaml") if (root / data / "quiz.yaml").is_file() else None):
        found += quiz_findings(quiz, today)
    if (documents := _load(root, f"{data}/documents.yaml") if (root / data / "documents.yaml").is_file() else None):
        found += document_findings(documents, allowed)
    return sorted(found, key=lambda f: (f.file, f.line, f.field, f.en))


def grace_days(root: Path) -> int:
    """The unit's grace period (``plugins: - asean: freshness_grace_days``), default 30."""
    value = plugin_options(root).get("freshness_grace_days", GRACE_DAYS)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"mkdocs.yml: plugins › asean › freshness_grace_days: a whole number of days ≥ 0, got {value!r}")
    return value


def problems(root: Path, today: dt.date | None = None, strict: bool = False, years: int = FIGURE_YEARS,
             upcoming: bool = False) -> list[Problem]:
    """The findings as problems (see the module's note on severities): for ``check``, only
    what is past due; with ``upcoming``, also the notes on what is due at a later review
    (weak sources on a page reviewed later), as ``freshness`` prints them."""
    day = today or build_day()
    try:
        grace = grace_days(root)
    except ValueError:
        return [Problem("mkdocs.yml", 0, 0, "plugins.asean.freshness_grace_days",
                        "thời gian gia hạn phải là một số ngày nguyên ≥ 0",
                        "the grace period must be a whole number of days ≥ 0")]
    return [f.problem(day, strict, grace) for f in findings(root, day, years) if upcoming or f.past_due(day)]


def parse_day(text: str) -> dt.date:
    """``--today YYYY-MM-DD``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"cần một ngày YYYY-MM-DD / a date YYYY-MM-DD expected: '{text}'") from None


def run(root: Path, today: dt.date | None = None, strict: bool = False, years: int = FIGURE_YEARS) -> int:
    """``python -m site_builder freshness``: print every finding and a verdict; 1 when a
    finding is an error (only under ``strict``, past the grace period), else 0."""
    day = today or build_day()
    try:
        grace = grace_days(root)
    except ValueError as exc:
        print(exc)
        return 2
    found = findings(root, day, years)
    listed = sorted((f.problem(day, strict, grace) for f in found), key=lambda p: (p.file, p.line, p.field, p.severity))
    for problem in listed:
        print(problem.format())
    due = sum(f.past_due(day) for f in found)
    errors = sum(p.severity == "error" for p in listed)
    if listed:
        print()
    verdict = "KHÔNG ĐẠT / FAILED" if errors else "ĐẠT / OK"
    print(f"{verdict}: ngày {day.isoformat()}, {due} mục quá hạn, {len(found) - due} mục chưa tới hạn, "
          f"{errors} lỗi (thời gian gia hạn {grace} ngày) / on {day.isoformat()}, {due} past due, "
          f"{len(found) - due} not yet due, {errors} error(s) (grace period {grace} days)")
    return 1 if errors else 0
