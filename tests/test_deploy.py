"""Deployment examples carry the policy the site is tested against; pre-compression is sound."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from site_builder.csp import page_policy, widget_policy
from site_builder.precompress import precompress

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["nginx.conf", "apache.htaccess", "s3.sh"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_send_the_tested_policy(name: str) -> None:
    text = (ROOT / "docs/deploy" / name).read_text(encoding="utf-8")
    assert page_policy() in text
    assert widget_policy(["https://portal.example.gov.vn"]) in text


@pytest.mark.parametrize("name", ["deploy.md", *(f"deploy/{e}" for e in [*EXAMPLES, "github-pages.yml"])])
def test_publishing_builds_refuse_a_preview_address(name: str) -> None:
    """Every build the guide and the examples publish is a ``--strict`` one, which refuses
    to run without the published address (SITE_URL)."""
    builds = [line for line in (ROOT / "docs" / name).read_text(encoding="utf-8").splitlines()
              if "site_builder build" in line or "make site" in line]
    assert builds, name
    assert all("--strict" in line for line in builds), builds


def test_guide_states_the_policy() -> None:
    assert page_policy() in (ROOT / "docs/deploy.md").read_text(encoding="utf-8")


def test_precompressed_copies_are_identical_and_stable(tmp_path: Path) -> None:
    page = tmp_path / "vi" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>Chuyên mục ASEAN</p>\n" * 200, encoding="utf-8")
    (tmp_path / "tiny.css").write_text("a{}", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(2000))
    assert precompress(tmp_path) == 1
    packed = (tmp_path / "vi" / "index.html.gz").read_bytes()
    assert gzip.decompress(packed) == page.read_bytes()
    precompress(tmp_path)
    assert (tmp_path / "vi" / "index.html.gz").read_bytes() == packed
    assert not (tmp_path / "tiny.css.gz").exists() and not (tmp_path / "logo.png.gz").exists()


@pytest.mark.parametrize("name", ["nginx.conf", "apache.htaccess", "s3.sh"])
def test_examples_send_the_cms_policy_under_admin_only(name: str) -> None:
    """The CMS's looser policy (inline styles, blob: workers) is sent on /admin/ only:
    once, on a line or block that names /admin/, never for the whole site."""
    from site_builder.cms import GIT_HOSTS, admin_policy

    text = (ROOT / "docs/deploy" / name).read_text(encoding="utf-8")
    policy = admin_policy(GIT_HOSTS["gitea"])
    assert text.count(policy) == 1
    before = text.split(policy, 1)[0]
    scope = before.rsplit("location", 1)[-1] if name == "nginx.conf" else before.rsplit("\n", 2)[-2:]
    assert "/admin/" in "".join(scope), scope
    assert "unsafe-inline" not in text.replace(policy, "")


def test_github_pages_example_does_not_publish_the_cms() -> None:
    """Pages sends no headers, so no /admin/ policy: the example says so and builds no /admin/."""
    text = (ROOT / "docs/deploy/github-pages.yml").read_text(encoding="utf-8")
    assert "site_builder cms" in text and "Do not publish the CMS" in text
    assert not [line for line in text.splitlines() if "site_builder cms" in line and not line.lstrip().startswith("#")]
    assert "GitHub Pages" in (ROOT / "docs/cms.md").read_text(encoding="utf-8")
