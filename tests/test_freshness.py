"""The freshness check (issue 35): review dates, events that passed, old figures, weak sources.

Each rule fires on the small project of ``tests/fixtures/freshness`` (copied to a
temporary folder), and the real content has nothing past due on the day the issue was
closed (2026-12-07).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import MiniProject
from pydantic import ValidationError

from site_builder.inputs import freshness
from site_builder.model.common import deep_link
from site_builder.model.content import Event, FrontMatter, Question
from site_builder.model.members import Member

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "freshness"
TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root


def _where(found: list[freshness.Finding]) -> list[tuple[str, int, str]]:
    return [(f.file, f.line, f.field) for f in found]


def test_each_rule_fires_with_file_line_and_field(project: Path) -> None:
    found = freshness.findings(project, TODAY)
    assert _where(found) == [
        # a document whose address is a site's home page
        ("content/data/documents.yaml", 9, "documents[0].url"),
        # an event whose dates passed, still planned; a held event without outcome;
        # an event source off the allow-list
        ("content/data/events.yaml", 8, "events[0].status"),
        ("content/data/events.yaml", 24, "events[2].status"),
        ("content/data/events.yaml", 33, "events[3].sources[0].url"),
        # a population of 2015 and an area of 2012 where another profile has 2025;
        # a profile past its review date (2023's figure is not 5 years old: not listed)
        ("content/data/members.yaml", 6, "members[0].population.year"),
        ("content/data/members.yaml", 9, "members[0].area"),
        ("content/data/members.yaml", 24, "members[0].review_by"),
        # quiz questions past valid_until and past review_by
        ("content/data/quiz.yaml", 10, "questions[0].valid_until"),
        ("content/data/quiz.yaml", 18, "questions[1].review_by"),
        # a weak source on a page whose review is still to come
        ("content/en/asean/current.md", 9, "sources[0].url"),
        # a fact page without review_by
        ("content/en/asean/no-review.md", 5, "review_by"),
        # a page past review_by, with a home-page source and a source off the allow-list
        ("content/vi/asean/past-review.md", 6, "review_by"),
        ("content/vi/asean/past-review.md", 10, "sources[0].url"),
        ("content/vi/asean/past-review.md", 13, "sources[1].url"),
    ]
    by_field = {(f.file, f.field): f for f in found}
    event = by_field["content/data/events.yaml", "events[0].status"]
    assert "status: planned" in event.vi and "status: planned" in event.en
    assert "2026-11-12" in event.en and "25 days" in event.en
    quiz = by_field["content/data/quiz.yaml", "questions[0].valid_until"]
    assert "chair-2026" in quiz.vi and "chair-2026" in quiz.en
    weak = by_field["content/vi/asean/past-review.md", "sources[1].url"]
    assert "www.example-travel.com" in weak.vi and "allow-list" in weak.en
    home = by_field["content/vi/asean/past-review.md", "sources[0].url"]
    assert "home page" in home.en and "trang chủ" in home.vi
    figure = by_field["content/data/members.yaml", "members[0].population.year"]
    assert "2015" in figure.en and "2025" in figure.en


def test_nothing_to_report_on_the_day_before_anything_is_due(project: Path) -> None:
    """Before the first review date only the findings without a date (a missing review
    date, a weak source on an undated record, old figures) and the notes remain."""
    early = dt.date(2026, 1, 20)
    found = freshness.findings(project, early)
    assert not [f for f in found if f.field.endswith(("review_by", "valid_until", "status"))
                and f.due is not None]


def test_past_due_is_a_warning_and_an_error_under_strict_after_the_grace(project: Path) -> None:
    assert freshness.grace_days(project) == 10  # mkdocs.yml of the fixture
    plain = {(p.file, p.field): p.severity for p in freshness.problems(project, TODAY, upcoming=True)}
    strict = {(p.file, p.field): p.severity for p in freshness.problems(project, TODAY, strict=True, upcoming=True)}
    # 25 days past: a warning, and under --strict an error (past the 10 days of grace)
    assert plain["content/data/events.yaml", "events[0].status"] == "warning"
    assert strict["content/data/events.yaml", "events[0].status"] == "error"
    # 7 days past: within the grace, a note under --strict
    assert plain["content/data/quiz.yaml", "questions[1].review_by"] == "warning"
    assert strict["content/data/quiz.yaml", "questions[1].review_by"] == "notice"
    # a weak source on a page due for review in 2027: a note either way
    assert plain["content/en/asean/current.md", "sources[0].url"] == "notice"
    assert strict["content/en/asean/current.md", "sources[0].url"] == "notice"
    # no date at all (no review_by): no grace
    assert strict["content/en/asean/no-review.md", "review_by"] == "error"
    # the grace period counts from the due date: 26 days later the quiz question is an error too
    later = {(p.file, p.field): p.severity
             for p in freshness.problems(project, TODAY + dt.timedelta(days=4), strict=True)}
    assert later["content/data/quiz.yaml", "questions[1].review_by"] == "error"


def test_grace_period_default_and_refused_values(project: Path) -> None:
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert freshness.grace_days(project) == freshness.GRACE_DAYS == 30
    (project / "mkdocs.yml").write_text("plugins:\n  - asean:\n      freshness_grace_days: soon\n", encoding="utf-8")
    with pytest.raises(ValueError, match="freshness_grace_days"):
        freshness.grace_days(project)


def test_figure_age_is_a_parameter(project: Path) -> None:
    found = _where(freshness.findings(project, TODAY, years=12))
    assert ("content/data/members.yaml", 9, "members[0].area") in found  # 2012: 14 years old
    assert ("content/data/members.yaml", 6, "members[0].population.year") not in found  # 2015: 11
    found = _where(freshness.findings(project, TODAY, years=20))
    assert not [w for w in found if w[2].endswith(("population.year", "area"))]


def test_allow_list_has_a_reason_for_every_domain_and_covers_subdomains() -> None:
    allowed = freshness.publishers()
    assert all(reason for reason in allowed.values())
    assert freshness.allowed_host("mofa.gov.vn", allowed) == "gov.vn"
    assert freshness.allowed_host("en.vietnamplus.vn", allowed) == "vietnamplus.vn"
    assert freshness.allowed_host("www.asean.org", allowed) == "asean.org"
    assert freshness.allowed_host("notasean.org", allowed) is None
    assert freshness.allowed_host("gov.vn.example.com", allowed) is None
    for weak in ("www.millenniumpost.in", "pakobserver.net", "southpacificislands.travel",
                 "www.global-travel-companion.com", "en.wikipedia.org"):
        assert freshness.allowed_host(weak, allowed) is None, weak
    assert not deep_link("https://asean.org") and not deep_link("https://asean.org/")
    assert deep_link("https://asean.org/?p=1") and deep_link("https://asean.org/x")


def test_quiz_leaves_out_questions_past_valid_until(project: Path) -> None:
    import yaml

    bank = [Question.model_validate(q) for q in
            yaml.safe_load((project / "content/data/quiz.yaml").read_text(encoding="utf-8"))["questions"]]
    assert [q.id for q in freshness.served_questions(bank, TODAY)] == ["members-count", "founded"]
    assert [q.id for q in freshness.served_questions(bank, dt.date(2026, 6, 30))] == [
        "chair-2026", "members-count", "founded"]


# ── the model ────────────────────────────────────────────────────────────────────
FACT = {"title": "t", "description": "d", "kind": "fact", "updated": "2026-11-01",
        "sources": [{"title": "s", "publisher": "p"}]}


def _message(exc: pytest.ExceptionInfo[ValidationError]) -> tuple[str, str]:
    error = exc.value.errors()[0]
    return error["ctx"]["vi"], error["ctx"]["en"]


def test_review_by_is_not_before_updated() -> None:
    assert FrontMatter.model_validate({**FACT, "review_by": "2027-05-01"}).review_by == dt.date(2027, 5, 1)
    assert FrontMatter.model_validate({**FACT, "updated": "2026-11", "review_by": "2026-11-01"}).review_by
    with pytest.raises(ValidationError) as exc:
        FrontMatter.model_validate({**FACT, "review_by": "2026-10-31"})
    vi, en = _message(exc)
    assert "'review_by'" in vi and "'review_by'" in en and "updated" in en
    member = Member.model_fields["review_by"]
    assert member.default is None


def test_event_status_and_outcome() -> None:
    base = {"id": "summit", "title": {"vi": "a", "en": "a"}, "description": {"vi": "b", "en": "b"},
            "recurrence": "once", "date": "2026-11-10"}
    assert Event.model_validate({**base, "status": "planned"}).status == "planned"
    assert Event.model_validate({**base, "status": "held", "outcome_note": {"vi": "Chưa có báo cáo.",
                                                                          "en": "No report yet."}})
    with pytest.raises(ValidationError) as exc:
        Event.model_validate({**base, "status": "held"})
    vi, en = _message(exc)
    assert "outcome" in vi and "outcome_note" in en
    with pytest.raises(ValidationError) as exc:
        Event.model_validate({**base, "status": "planned", "outcome": {"vi": "x", "en": "x"}})
    assert "status" in _message(exc)[1]
    yearly = {**base, "recurrence": "yearly", "month": 8, "day": 8}
    del yearly["date"]
    with pytest.raises(ValidationError) as exc:
        Event.model_validate({**yearly, "status": "held", "outcome": {"vi": "x", "en": "x"}})
    assert "yearly" in _message(exc)[1]


# ── the real content ─────────────────────────────────────────────────────────────
def test_real_content_has_nothing_past_due_on_the_day_of_issue_35() -> None:
    """``freshness --today 2026-12-07`` on the repository: nothing past due (weak sources on
    pages reviewed later are notes, to replace at that review)."""
    due = [f"{f.file}:{f.line}: {f.field}: {f.en}" for f in freshness.findings(ROOT, TODAY) if f.past_due(TODAY)]
    assert due == []


def test_check_lists_only_what_is_past_due(project: Path) -> None:
    due = {(p.file, p.field) for p in freshness.problems(project, TODAY)}
    everything = {(p.file, p.field) for p in freshness.problems(project, TODAY, upcoming=True)}
    assert everything - due == {("content/en/asean/current.md", "sources[0].url")}
    (project / "mkdocs.yml").write_text("plugins:\n  - asean:\n      freshness_grace_days: -1\n", encoding="utf-8")
    [problem] = freshness.problems(project, TODAY)
    assert problem.file == "mkdocs.yml" and problem.severity == "error" and "grace period" in problem.en


# ── the command line and check ───────────────────────────────────────────────────
def test_freshness_command_lists_with_file_and_line(project: Path) -> None:
    from conftest import run_cli

    result = run_cli("--root", str(project), "freshness", "--today", "2026-12-07")
    assert result.returncode == 0, result.stdout
    out = result.stdout
    assert ("content/data/events.yaml:8: cảnh báo / warning: events[0].status: sự kiện 'summit-past-planned' đã qua"
            in out)
    assert "\n    the event 'summit-past-planned' is past (2026-11-12, 25 days ago)" in out
    assert "content/en/asean/current.md:9: lưu ý / note: sources[0].url:" in out
    assert out.rstrip().endswith("on 2026-12-07, 13 past due, 1 not yet due, 0 error(s) (grace period 10 days)")
    strict = run_cli("--root", str(project), "freshness", "--today", "2026-12-07", "--strict")
    assert strict.returncode == 1
    assert "content/data/events.yaml:8: events[0].status:" in strict.stdout  # an error: no label
    assert "content/data/quiz.yaml:18: lưu ý / note: questions[1].review_by:" in strict.stdout  # within the grace
    bad = run_cli("--root", str(project), "freshness", "--today", "7/12/2026")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def test_check_has_a_freshness_section(mini: MiniProject, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import run_cli

    mini.write("content/data/events.yaml", """events:
  - id: summit
    title: {vi: Hội nghị Cấp cao, en: Summit}
    description: {vi: Hội nghị., en: The summit.}
    recurrence: once
    date: 2026-11-10
    end: 2026-11-12
    status: planned
""")

    def check(day: str, *extra: str) -> tuple[int, str]:
        epoch = int(dt.datetime.fromisoformat(f"{day}T12:00:00+00:00").timestamp())
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        result = run_cli("--root", str(mini.root), "check", *extra)
        return result.returncode, result.stdout

    code, out = check("2026-11-12")
    assert code == 0 and "summit" not in out  # not past yet
    code, out = check("2026-12-07")
    assert code == 0 and "content/data/events.yaml:8: cảnh báo / warning: events[0].status:" in out
    code, out = check("2026-12-07", "--strict")  # 25 days: within the 30 days of grace
    assert code == 0 and "content/data/events.yaml:8: lưu ý / note: events[0].status:" in out
    code, out = check("2027-01-20", "--strict")
    assert code == 1 and "content/data/events.yaml:8: events[0].status:" in out


def test_built_quiz_leaves_out_expired_questions(mini: MiniProject, monkeypatch: pytest.MonkeyPatch) -> None:
    from site_builder.inputs.content_tree import check_content

    shutil.copy(FIXTURE / "content/data/quiz.yaml", mini.root / "content/data/quiz.yaml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 12, 7, tzinfo=dt.UTC).timestamp())))
    content, problems = check_content(mini.root, None, None)
    assert not problems.errors
    assert [q.id for q in content.quiz] == ["members-count", "founded"]
