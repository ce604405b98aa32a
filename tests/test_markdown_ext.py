"""site_builder/render/markdown_ext.py: table alignment as classes, and fenced code inside the
numbered steps of a page (the editors' guide), on a unit and on the built guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_builder.inputs.markup_check import render

STEPS = """1. Tạo cặp tệp bằng lệnh:

    ```sh
    python -m site_builder new article --title-vi "Lễ thượng cờ"
    ```

    Lệnh tạo hai tệp.

2. Thêm vào phần đầu của bài:

    ```yaml
    image: 2026/le-thuong-co.jpg
    ```

    - `image_alt` (bắt buộc): ảnh cho thấy gì.
    - `image_credit` (bắt buộc): ai chụp ảnh.

3. Xem trước bằng `make serve`.

| a | b |
|:--|--:|
| 1 | 2 |
"""


def test_a_fenced_block_in_a_step_is_a_code_block_of_that_step() -> None:
    html = render(STEPS)
    items = html.split("<li>\n")[1:]  # the steps (a nested item starts "<li><code>")
    assert len(items) == 3, html
    assert '<pre><code class="language-sh">python -m site_builder new article' in items[0]
    assert "Lệnh tạo hai tệp." in items[0]
    assert '<code class="language-yaml">image: 2026/le-thuong-co.jpg</code></pre>' in items[1]
    assert items[1].count("<li>") == 2  # the nested list stays a list
    assert "<code>sh" not in html and "<code>yaml" not in html  # never inline text
    assert '<th class="asean-align-left">a</th>' in html and 'class="asean-align-right"' in html


@pytest.mark.site
def test_the_built_guide_shows_every_command_as_a_block_inside_its_step(built_site: Path) -> None:
    """Each fence of the guide's source is a <pre> on its page, those written inside a step
    inside that step's <li>; no fence is left as inline text ("sh python -m …")."""
    root = Path(__file__).resolve().parent.parent
    for lang in ("vi", "en"):
        for name, page in (("index", "guide/index.html"), ("cms", "guide/cms/index.html")):
            source = (root / "content" / lang / "guide" / f"{name}.md").read_text(encoding="utf-8")
            html = (built_site / lang / page).read_text(encoding="utf-8")
            fences = re.findall(r"^( *)```\w*$\n.*?^\1```$", source, re.S | re.M)
            nested = [f for f in fences if f]
            assert html.count("<pre") >= len(fences), (lang, name)
            assert not re.search(r"<code>(sh|yaml|text)\s", html), (lang, name)
            in_items = len(re.findall(r"<li>(?:(?!</li>).)*?<pre", html, re.S))
            assert in_items >= len(nested) > 0 or not nested, (lang, name, in_items, len(nested))
