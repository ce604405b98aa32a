"""Target size (WCAG 2.2, success criterion 2.5.8, level AA) in Chromium: every link, button,
form control, summary and visible label on a sample of pages is at least 24 × 24 CSS px, or
is excepted as the criterion allows: a link inside a sentence (inline in text), or an
undersized target whose 24 px circle on its centre meets no other target (spacing). A radio
button or a checkbox is measured by itself, whatever its label (the quiz's were 13 px)."""

from __future__ import annotations

import pytest
from browser import StaticServer, open_settled

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "news/",
    "news/rcep-co-hieu-luc/",
    "news/tags/rcep/",
    "members/",
    "members/viet-nam/",
    "culture/",
    "asean/",
    "plans/",
    "plans/bcd-asean-2021-2025/",
    "plans/bcd-asean-2021-2025/activities/ii-1/",
    "units/",
    "agencies/bo-ngoai-giao/",
    "quiz/",
    "quiz/history/",
    "search/?q=asean",
]

MEASURE = """() => {
  const MIN = 24;
  const SELECTOR = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label';
  const shown = el => (!el.checkVisibility || el.checkVisibility({visibilityProperty: true}))
    && Array.from(el.getClientRects()).some(r => r.width > 1 && r.height > 1);
  const targets = Array.from(document.querySelectorAll(SELECTOR)).filter(shown);
  const rects = targets.map(el => Array.from(el.getClientRects()).filter(r => r.width > 0 && r.height > 0));
  const name = el => (el.textContent || el.value || el.getAttribute('aria-label') || '')
    .trim().replace(/\\s+/g, ' ').slice(0, 50);
  const small = r => r.width < MIN - 0.05 || r.height < MIN - 0.05;
  const words = /[\\p{L}\\p{N}]{2,}/u;
  // Inline exception: a link inside a sentence, whose height the line of text sets.
  const inText = el => {
    if (getComputedStyle(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest(SELECTOR) && words.test(node.textContent)) return true;
    }
    return false;
  };
  // A label and its control, or a control inside its label, are one target.
  const oneTarget = (a, b) => a === b || a.contains(b) || b.contains(a)
    || (a.tagName === 'LABEL' && a.control === b) || (b.tagName === 'LABEL' && b.control === a);
  const meets = (cx, cy, r) => { const x = Math.max(r.left, Math.min(cx, r.right)), y = Math.max(r.top, Math.min(cy, r.bottom));
    return (x - cx) ** 2 + (y - cy) ** 2 < (MIN / 2) ** 2 - 0.01; };
  const failures = [];
  targets.forEach((el, i) => {
    const choice = el.matches('input[type=radio], input[type=checkbox]');
    const undersized = rects[i].filter(small);
    if (!undersized.length) return;
    const size = r => `${r.width.toFixed(1)}×${r.height.toFixed(1)}`;
    if (choice) { failures.push(`${el.type} "${name(el.closest('label') || el)}" ${size(undersized[0])}`); return; }
    if (inText(el)) return;
    for (const r of undersized) {
      const cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2;
      const other = targets.findIndex((o, j) => !oneTarget(el, o) && rects[j].some(q =>
        meets(cx, cy, q) || (small(q) && Math.hypot(cx - (q.left + q.right) / 2, cy - (q.top + q.bottom) / 2) < MIN - 0.01)));
      if (other >= 0) {
        failures.push(`${el.tagName.toLowerCase()} "${name(el)}" ${size(r)} beside "${name(targets[other])}"`);
        break;
      }
    }
  });
  return failures;
}"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_target_is_at_least_24_px_or_excepted(browser: object, server: StaticServer, lang: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    failures = []
    try:
        for path in PAGES:
            open_settled(page, f"{server.url}{lang}/{path}")
            if path.startswith("quiz/history"):
                page.locator(".asean-question input").first.wait_for()
            if path.startswith("search/"):
                page.locator("#asean-search-results li").first.wait_for()
            failures += [f"{path or 'home'}: {failure}" for failure in page.evaluate(MEASURE)]
    finally:
        context.close()
    assert not failures, "\n".join(failures)
