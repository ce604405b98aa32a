"""First-load weights of the page kinds a citizen meets first, against the portal's budgets
(gzipped; fonts counted; pictures too, except for the article, whose budget leaves them out).
That charts and map are byte-identical from one build to the next is held by
tests/test_reliability.py, which compares two whole builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from budgets import first_load

pytestmark = pytest.mark.site

KB = 1024
BUDGETS = {
    "index.html": (90 * KB, True),  # the home page, with its fonts
    "news/timor-leste-thanh-vien-thu-11/index.html": (60 * KB, False),  # an article, without pictures
    "embed/quiz/index.html": (15 * KB, True),  # the heaviest widget
    "embed/news/index.html": (15 * KB, True),
    "embed/progress/dong-thap-2021-2025/index.html": (15 * KB, True),  # a widget with a chart
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", list(BUDGETS))
def test_first_load_within_budget(built_site: Path, lang: str, path: str) -> None:
    budget, images = BUDGETS[path]
    sizes = first_load(built_site / lang / path, images=images)
    total = sum(sizes.values())
    detail = ", ".join(f"{Path(k).name} {v / KB:.1f}" for k, v in sorted(sizes.items(), key=lambda kv: -kv[1]))
    assert total <= budget, f"{lang}/{path}: {total / KB:.1f} KB > {budget / KB:.0f} KB ({detail})"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_member_map_weighs_little(built_site: Path, lang: str) -> None:
    """The map is HTML and CSS: its markup, gzipped, with the whole stylesheet, is within 40 KB."""
    html = (built_site / lang / "members/index.html").read_text(encoding="utf-8")
    start = html.index('<figure class="asean-map"')
    figure = html[start:html.index("</figure>", start)]
    css = (built_site / lang / "assets/asean.css").read_bytes()
    from budgets import gz

    assert figure.count('class="asean-tile ') == 11
    assert gz(figure.encode()) + gz(css) <= 40 * KB

