"""Deployment examples carry the policy the site is tested against; pre-compression is sound."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import MiniProject

from site_builder.core.csp import page_policy, widget_policy
from site_builder.output.precompress import precompress

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
    from site_builder.apps.cms import GIT_HOSTS, admin_policy

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


# ── Issue 30: nosniff and the policy in every example ──────────────────────────────────
HOSTS = ["nginx.conf", "apache.htaccess", "s3.sh", "github-pages.yml"]
"""Every hosting example in docs/deploy/ (the CI pipelines in docs/deploy/ci/ build and
check; they publish nothing)."""


def test_every_hosting_example_is_checked_here() -> None:
    """A new example must be added to :data:`HOSTS`, and so to the tests below."""
    found = sorted(p.name for p in (ROOT / "docs/deploy").iterdir() if p.is_file())
    assert found == sorted(HOSTS)


def _nginx_blocks(text: str) -> list[str]:
    """The body of every ``location`` block, nested ones apart from their parent: nginx
    does not inherit ``add_header`` into a block that has its own."""
    blocks, stack = [], []
    for line in text.splitlines():
        if re.match(r"\s*location\b.*\{\s*$", line):
            stack.append([])
        elif line.strip() == "}" and stack:
            blocks.append("\n".join(stack.pop()))
        elif stack:
            stack[-1].append(line)
    return blocks


def test_nginx_sends_nosniff_and_a_policy_in_every_location() -> None:
    """Finding 8 of issue 30: the kit no longer relies on the host for polyglots, but every
    example still sends ``nosniff`` and the policy on every response."""
    from site_builder.apps.cms import GIT_HOSTS, admin_policy

    policies = (page_policy(), widget_policy(["https://portal.example.gov.vn"]), admin_policy(GIT_HOSTS["gitea"]))
    blocks = _nginx_blocks((ROOT / "docs/deploy/nginx.conf").read_text(encoding="utf-8"))
    assert len(blocks) >= 5
    for block in blocks:
        headers = [line for line in block.splitlines() if line.strip().startswith("add_header")]
        if not headers:
            continue
        assert any('X-Content-Type-Options "nosniff" always' in h for h in headers), block
        assert any(f'Content-Security-Policy "{policy}" always' in h for h in headers for policy in policies), block


def test_apache_sends_nosniff_and_the_policy_for_every_response() -> None:
    text = (ROOT / "docs/deploy/apache.htaccess").read_text(encoding="utf-8")
    top = [line for line in text.splitlines() if line.startswith("Header always set")]
    assert 'Header always set X-Content-Type-Options "nosniff"' in top
    assert f'Header always set Content-Security-Policy "{page_policy()}"' in top


def test_the_bucket_example_has_its_cdn_send_both() -> None:
    text = (ROOT / "docs/deploy/s3.sh").read_text(encoding="utf-8")
    assert "#   X-Content-Type-Options: nosniff" in text
    assert f"#   Content-Security-Policy: {page_policy()}" in text


def test_github_pages_writes_the_policy_into_every_page() -> None:
    """Pages sends no headers: the workflow writes the policy as a ``<meta>`` tag after
    the build and before the upload, and names what a proxy in front must send."""
    text = (ROOT / "docs/deploy/github-pages.yml").read_text(encoding="utf-8")
    steps = [line.strip() for line in text.splitlines() if line.strip().startswith(("- run:", "- uses:"))]
    build = next(i for i, s in enumerate(steps) if "site_builder build --strict" in s)
    meta = next(i for i, s in enumerate(steps) if "tools/meta_csp.py site" in s)
    upload = next(i for i, s in enumerate(steps) if "upload-pages-artifact" in s)
    assert build < meta < upload
    assert "#   X-Content-Type-Options: nosniff" in text
    assert f"#   Content-Security-Policy: {page_policy()}" in text


def test_the_guide_names_nosniff_and_the_policy() -> None:
    text = (ROOT / "docs/deploy.md").read_text(encoding="utf-8")
    assert "X-Content-Type-Options: nosniff" in text and page_policy() in text
    assert "tools/meta_csp.py" in text


def _meta_csp() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("meta_csp", ROOT / "tools/meta_csp.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_meta_policy_comes_first_and_once(tmp_path: Path) -> None:
    meta_csp = _meta_csp()
    page = tmp_path / "vi" / "index.html"
    page.parent.mkdir()
    page.write_text('<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="a.css">'
                    "<script src=\"a.js\"></script></head><body></body></html>", encoding="utf-8")
    assert meta_csp.main(tmp_path) == 0
    html = page.read_text(encoding="utf-8")
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<link") < html.index("<script")
    assert "frame-ancestors" not in meta_csp.TAG
    assert meta_csp.main(tmp_path) == 0 and page.read_text(encoding="utf-8") == html
    (tmp_path / "vi" / "index.html.gz").write_bytes(gzip.compress(html.encode()))
    assert meta_csp.main(tmp_path) == 1


@pytest.mark.browser
def test_the_meta_policy_holds_in_chromium_without_headers(browser: Any, tiny: MiniProject, tiny_builds: Any,
                                                           tmp_path: Path) -> None:
    """A built site with the ``<meta>`` policy, served with no headers at all: its pages
    load without a violation, and an inline script slipped into a page does not run."""
    from browser import StaticServer, open_settled

    out = tmp_path / "site"
    tiny_builds.build(tiny, out, site_url="http://127.0.0.1:9/")
    home = out / "vi" / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</body>", "<script>window.__ran = 1</script></body>"),
                    encoding="utf-8")
    assert _meta_csp().main(out) == 0
    with StaticServer(out) as server:
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation',"
                             " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
        open_settled(page, f"{server.url}vi/")
        ran = page.evaluate("window.__ran === 1")
        violations = page.evaluate("window.__violations")
        context.close()
    assert not ran
    assert [v for v in violations if not v.startswith("script-src-elem inline")] == [], violations
