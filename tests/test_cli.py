"""``python -m site_builder check``: every problem printed at once, exit 1 when any."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import CliResult, MiniProject, run_cli

ROOT = Path(__file__).resolve().parent.parent


def run_check(root: Path, *extra: str) -> CliResult:
    return run_cli("--root", str(root), "check", *extra)


def test_repository_is_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    """Clean as of the day the content was last reviewed (7 December 2026): what falls due
    after it is the editors' monthly routine (``freshness``, docs/freshness.md), which
    tests/test_freshness.py checks rule by rule, not a failure of a change to the code."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 12, 7, tzinfo=dt.UTC).timestamp())))
    result = run_check(ROOT, "--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "ĐẠT / OK: 0 lỗi, 0 cảnh báo, 0 lưu ý / 0 error(s), 0 warning(s), 0 note(s)"


def test_every_error_of_several_files_in_one_run(mini: MiniProject) -> None:
    mini.replace("plans/units.yaml", "level: province", "level: provinse")
    mini.replace("plans/soc-trang-2022.yaml", "kind: year\n", "kind: yearly-ish\n")
    mini.write("plans/broken.yaml", "id: [\n")
    result = run_check(mini.root)
    assert result.returncode == 1
    out = result.stdout
    assert "plans/broken.yaml:2:1: lỗi cú pháp YAML" in out
    assert "plans/soc-trang-2022.yaml:59:15: appendix.activities[1].timeline.kind:" in out
    assert "plans/units.yaml:6:12: units[1].level:" in out
    assert out.rstrip().endswith("KHÔNG ĐẠT / FAILED: 3 lỗi, 0 cảnh báo, 0 lưu ý / 3 error(s), 0 warning(s), 0 note(s)")


def test_missing_english_is_a_warning_and_strict_fails(mini: MiniProject) -> None:
    mini.replace("plans/soc-trang-2022.yaml", ', en: "2022 plan"', "")
    relaxed = run_check(mini.root)
    assert relaxed.returncode == 0
    assert (
        "plans/soc-trang-2022.yaml:4:19: cảnh báo / warning: short_title: thiếu bản tiếng Anh (en)\n"
        "    English translation (en) missing"
    ) in relaxed.stdout
    assert run_check(mini.root, "--strict").returncode == 1
