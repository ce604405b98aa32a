"""Pages under the recommended Content-Security-Policy: no violation anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import CspServer, open_settled

from site_builder.core.csp import page_policy

RECORD = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '')));
"""


@pytest.fixture(scope="module")
def csp_server(built_site: Path) -> Iterator[CspServer]:
    with CspServer(built_site) as srv:
        yield srv


def test_policy_has_no_unsafe_inline() -> None:
    assert "unsafe-inline" not in page_policy() and "unsafe-eval'" not in page_policy().replace("wasm-unsafe-eval", "")


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    ["vi/", "en/plans/bcd-asean-2021-2025/", "vi/search/?q=duong", "en/embed/", "vi/members/timor-leste/",
     "en/embed/plans/soc-trang-2022/", "en/asean/economic/"],
)
def test_no_violation(browser, csp_server: CspServer, path: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(RECORD)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    response = open_settled(page, f"{csp_server.url}{path}")
    assert response is not None and "frame-ancestors" in response.headers["content-security-policy"]
    if "search" in path:
        page.locator("#asean-search-results li").first.wait_for()
    if path.startswith("en/plans/"):
        page.locator("details.asean-group > summary").nth(1).click()  # a section of activities, opened
    if path.startswith("en/embed/plans/"):
        page.locator('form[data-asean-filter="activities"]').get_by_label("Group").select_option("II")
    violations = page.evaluate("window.__violations")
    for frame in page.frames[1:]:
        violations += frame.evaluate("window.__violations || []")
    context.close()
    assert violations == []
    assert [e for e in errors if "Content Security Policy" in e or "Refused" in e] == []
