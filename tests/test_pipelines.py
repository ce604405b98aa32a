"""The ready-to-copy pipelines in docs/deploy/ci/: valid for their hosts (check-jsonschema's
vendored schemas), every publishing build strict, and their local steps runnable here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.annotations import github, gitlab
from site_builder.problems import Problem

ROOT = Path(__file__).resolve().parent.parent
CI = ROOT / "docs/deploy/ci"
SCHEMAS = {
    "github-actions.yml": "vendor.github-workflows",
    "gitea-actions.yml": "vendor.github-workflows",
    "gitlab-ci.yml": "vendor.gitlab-ci",
}


@pytest.mark.parametrize(("name", "schema"), SCHEMAS.items())
def test_pipeline_matches_its_hosts_schema(name: str, schema: str) -> None:
    run = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(CI / name)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("name", SCHEMAS)
def test_pipelines_check_then_build_strictly(name: str) -> None:
    text = (CI / name).read_text(encoding="utf-8")
    builds = [line for line in text.splitlines() if "site_builder build" in line]
    assert builds and all("--strict" in line and "--unit" in line for line in builds)
    assert "site_builder check --strict --format" in text
    assert "smoke.py" in text


def test_smoke_test_runs_on_a_built_site(built_site: Path) -> None:
    run = subprocess.run([sys.executable, str(CI / "smoke.py"), str(built_site)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout


def test_smoke_test_fails_on_an_empty_folder(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(CI / "smoke.py"), str(tmp_path)], capture_output=True, text=True)
    assert run.returncode == 1 and "vi/" in run.stdout


PROBLEM = Problem("plans/soc-trang-2022.yaml", 42, 7, "activities[3].lead", "cơ quan không có: 'so-ttt'",
                  "unknown agency 'so-ttt', did you mean: so-tttt", "error")


def test_github_annotation_names_file_and_line() -> None:
    line = github(PROBLEM)
    assert line.startswith("::error file=plans/soc-trang-2022.yaml,line=42,col=7,title=activities[3].lead::")
    assert "%0A" in line and "\n" not in line


def test_gitlab_report_is_a_code_quality_list() -> None:
    report = json.loads(gitlab([PROBLEM]))
    assert report[0]["location"] == {"path": "plans/soc-trang-2022.yaml", "lines": {"begin": 42}}
    assert report[0]["severity"] == "major" and len(report[0]["fingerprint"]) == 64


def test_check_writes_annotations(tmp_path: Path) -> None:
    report = tmp_path / "gl.json"
    run = subprocess.run([sys.executable, "-m", "site_builder", "--root", str(ROOT), "check", "--format", "gitlab",
                          "--report", str(report)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert json.loads(report.read_text(encoding="utf-8")) == []
