"""The ready-to-copy pipelines in docs/deploy/ci/ and docs/deploy/github-pages.yml: valid for
their hosts (check-jsonschema's vendored schemas), every publishing build strict, and each one
run here step by step, as its host would on a fresh runner (see ``pipeline_runner.py``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from site_builder.apps.annotations import github, gitlab
from site_builder.core.problems import Problem

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


@pytest.mark.site
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


@pytest.mark.slow
def test_check_writes_annotations(tmp_path: Path) -> None:
    report = tmp_path / "gl.json"
    run = subprocess.run([sys.executable, "-m", "site_builder", "--root", str(ROOT), "check", "--format", "gitlab",
                          "--report", str(report)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert json.loads(report.read_text(encoding="utf-8")) == []


# ── Each pipeline run step by step, as on a fresh runner (tests/pipeline_runner.py) ────

ADDRESS = "https://asean.test-portal.gov.vn/asean"
"""A published address that is not a placeholder, given without its trailing slash."""
PLACEHOLDER = "https://YOUR-ORG.github.io/YOUR-REPO/"
UNIT = "can-tho"
"""The one unit of the matrix a test builds: a whole matrix would take minutes per file."""
KNOWN_HOSTS = "deploy.test-portal.gov.vn ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyOfTheServerForTheTest"
DEPLOY = {"DEPLOY_HOST": "deploy.test-portal.gov.vn", "SSH_KNOWN_HOSTS": KNOWN_HOSTS}
SECRETS = {"SSH_KEY": "-----BEGIN OPENSSH PRIVATE KEY-----\nnot a real key\n-----END OPENSSH PRIVATE KEY-----"}


def today() -> list[str]:
    from site_builder.apps.build import section_units
    from site_builder.derive.project import check_project

    project, _ = check_project(ROOT)
    assert project is not None
    return section_units(project)


def _runtime_installs_only(shop: Any) -> None:
    """Publishing jobs install the runtime dependencies at the locked versions, never the test extras."""
    installs = [c["args"] for c in shop.calls("pip")]
    assert installs
    for args in installs:
        assert not any("[" in a for a in args), args
        assert args[:2] == ["install", "--quiet"] and ("--constraint" in args or args[2:] == ["awscli==1.44.5"]), args


def _built(folder: Path, address: str) -> None:
    """A unit's section built for ``address``: its canonical links carry it, with the slash."""
    page = (folder / "vi" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{address}vi/"' in page, address


def _deployed_with_known_host(shop: Any) -> None:
    """rsync over SSH that checks the host key, against the known host written before it ran."""
    calls = shop.calls("rsync")
    assert calls
    for call in calls:
        assert call["known_hosts"] == KNOWN_HOSTS + "\n"
        ssh = call["args"][call["args"].index("-e") + 1]
        assert "StrictHostKeyChecking=yes" in ssh and "UserKnownHostsFile=" in ssh
    targets = [c["args"][-1] for c in calls]
    assert f"deploy@deploy.test-portal.gov.vn:/srv/asean-section/{UNIT}/" in targets
    root = (shop.remote / "srv/asean-section/index.html").read_text(encoding="utf-8")
    assert f'href="{UNIT}/vi/"' in root and (shop.remote / f"srv/asean-section/{UNIT}/vi/index.html").is_file()


@pytest.mark.site
@pytest.mark.slow
@pytest.mark.parametrize("name", ["github-actions.yml", "gitea-actions.yml"])
def test_actions_pipeline_runs_green(name: str, tmp_path: Path) -> None:
    """A push to main on a fresh runner: check, the matrix of the units of today, one unit
    built for SITE_URL given without its slash, then (GitHub) Pages with a root page listing
    the units, and rsync to the server with its known host."""
    from pipeline_runner import ActionsRunner, Workshop

    shop = Workshop(tmp_path)
    result = ActionsRunner(CI / name, shop, vars={"SITE_URL": ADDRESS, **DEPLOY}, secrets=SECRETS,
                           only={"build": [UNIT]}).run()
    assert result.green, result.output
    assert json.loads(result.outputs["build.matrix"]["values"]) == today()  # plans/units.yaml, units of today
    assert result.jobs[f"build ({UNIT})"] == "success" and result.jobs["rsync"] == "success"
    _built(shop.store / f"site-{UNIT}", f"{ADDRESS}/{UNIT}/")
    _deployed_with_known_host(shop)
    _runtime_installs_only(shop)
    if name == "gitea-actions.yml":  # v4 stops on Gitea (GHESNotSupportedError)
        assert "pages" not in result.jobs
        assert {u for u in result.uses if "artifact" in u} == {"actions/upload-artifact@v3",
                                                               "actions/download-artifact@v3"}
    else:
        pages = shop.remote / "pages"
        assert f'href="{UNIT}/vi/"' in (pages / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in (pages / UNIT / "vi" / "index.html").read_text(encoding="utf-8")


@pytest.mark.site
@pytest.mark.slow
def test_github_pages_pipeline_runs_green(tmp_path: Path) -> None:
    from pipeline_runner import ActionsRunner, Workshop

    shop = Workshop(tmp_path)
    result = ActionsRunner(ROOT / "docs/deploy/github-pages.yml", shop, vars={"SITE_URL": ADDRESS}, secrets={}).run()
    assert result.green and result.jobs == {"build": "success", "deploy": "success"}, result.output
    pages = shop.remote / "pages"
    _built(pages, f"{ADDRESS}/")
    assert 'http-equiv="Content-Security-Policy"' in (pages / "vi" / "index.html").read_text(encoding="utf-8")
    _runtime_installs_only(shop)


@pytest.mark.site
@pytest.mark.slow
def test_gitlab_pipeline_runs_green(tmp_path: Path) -> None:
    """On the default branch: check, build (one unit, through UNITS), Pages and the bucket
    through docs/deploy/s3.sh with the pre-compressed pages; then a merge request, whose
    review link opens the review job's own artifacts."""
    from pipeline_runner import GitLabRunner, Workshop

    shop = Workshop(tmp_path)
    ci = {"SITE_URL": ADDRESS, "UNITS": UNIT, "CI_DEFAULT_BRANCH": "main", "S3_BUCKET": "asean-section",
          "S3_ENDPOINT": "https://s3.test-portal.gov.vn"}
    push = GitLabRunner(CI / "gitlab-ci.yml", shop, variables={**ci, "CI_COMMIT_BRANCH": "main",
                                                                  "CI_PIPELINE_SOURCE": "push"}).run()
    assert push.green and push.jobs == {"check": "success", "build": "success", "review": "skipped",
                                        "pages": "success", "s3": "success"}, push.output
    public = shop.store / "build" / "public"
    _built(public / UNIT, f"{ADDRESS}/{UNIT}/")
    assert f'href="{UNIT}/vi/"' in (public / "index.html").read_text(encoding="utf-8")
    aws = shop.calls("aws")
    assert all(c["args"][:2] == ["--endpoint-url", "https://s3.test-portal.gov.vn"] for c in aws)
    pages = [c["args"] for c in aws if "--content-encoding" in c["args"]]
    assert any(a[5].endswith(f"/{UNIT}/vi/index.html") and "text/html; charset=utf-8" in a for a in pages), pages
    assert (shop.remote / f"asean-section/{UNIT}/vi/index.html").is_file()
    assert 'http-equiv="Content-Security-Policy"' in (
        shop.store / "pages/public" / UNIT / "vi/index.html").read_text(encoding="utf-8")
    _runtime_installs_only(shop)

    review = GitLabRunner(CI / "gitlab-ci.yml", shop, reuse=push, variables={
        **ci, "CI_PIPELINE_SOURCE": "merge_request_event", "CI_COMMIT_REF_SLUG": "sua-tin"}).run()
    assert review.jobs["review"] == "success", review.output
    url = review.environments["review"]
    assert url == "https://gitlab.invalid/jobs/review/artifacts/file/public/index.html"
    assert (shop.store / "review" / "public" / "index.html").is_file()  # what the link opens


@pytest.mark.slow
@pytest.mark.parametrize("name", ["ci/github-actions.yml", "ci/gitea-actions.yml", "github-pages.yml"])
def test_actions_pipeline_refuses_a_placeholder_address(name: str, tmp_path: Path) -> None:
    from pipeline_runner import ActionsRunner, Workshop

    shop = Workshop(tmp_path)
    skip = {"check": {"units": json.dumps([UNIT])}}  # the check job is the green run's business
    result = ActionsRunner(ROOT / "docs/deploy" / name, shop, vars={"SITE_URL": PLACEHOLDER, **DEPLOY},
                           secrets=SECRETS, skip=skip).run()
    assert not result.green and not shop.calls("rsync") and not (shop.remote / "pages").exists()
    failed = result.steps[-1]
    assert "site_builder build --strict" in failed.name
    assert "is a placeholder (it has “your-org”), not the section's real address" in failed.output, failed.output
    assert "là địa chỉ mẫu" in failed.output


@pytest.mark.slow
def test_gitlab_pipeline_refuses_a_placeholder_address(tmp_path: Path) -> None:
    from pipeline_runner import GitLabRunner, Workshop

    shop = Workshop(tmp_path)
    result = GitLabRunner(CI / "gitlab-ci.yml", shop, variables={
        "SITE_URL": "https://asean.example.gov.vn/", "UNITS": UNIT, "CI_DEFAULT_BRANCH": "main",
        "CI_COMMIT_BRANCH": "main", "CI_PIPELINE_SOURCE": "push"}).run()
    assert result.jobs == {"check": "success", "build": "failure"}
    assert "is a placeholder (it has “example”)" in result.steps[-1].output
    assert not shop.calls("aws")


@pytest.mark.slow
def test_units_command_lists_the_units_of_today(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "site_builder", "--root", str(ROOT), "units", "--today", "--json"],
                         capture_output=True, text=True)
    assert run.returncode == 0 and json.loads(run.stdout) == today() and "soc-trang" not in run.stdout
    run = subprocess.run([sys.executable, "-m", "site_builder", "--root", str(ROOT), "units", "--index", str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 1 and "no unit's section in" in run.stdout
