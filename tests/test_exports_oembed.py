"""site_builder.output.exports.oembed: one oEmbed response file per widget page."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import MiniProject

from site_builder.core.urls import SiteUrls
from site_builder.derive.project import load_project
from site_builder.output.exports.oembed import write_oembed
from site_builder.output.writer import Writer

BASE = "https://example.org/asean/"


def oembed(mini: MiniProject, out: Path) -> dict[str, dict[str, object]]:
    project = load_project(mini.root)
    write_oembed(project, Writer(out), SiteUrls(BASE))
    return {p.parent.relative_to(out).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(out.rglob("*")) if p.is_file()}


def test_a_response_beside_every_widget_with_its_title_and_height(mini: MiniProject, tmp_path: Path) -> None:
    """Heights are the widgets' measured ones (theme/asean/embed/heights.json, by address),
    or the kind's default where none was measured."""
    documents = oembed(mini, tmp_path / "site")
    assert {path: (d["title"], d["height"]) for path, d in documents.items()} == {
        "en/embed/events": ("Upcoming events", 620),
        "en/embed/news": ("Latest news", 1307),
        "en/embed/pillars/connectivity": ("Connectivity", 216),
        "en/embed/pillars/covid-19": ("ASEAN cooperation on COVID-19 response", 545),
        "en/embed/pillars/economic": ("Economic pillar", 430),
        "en/embed/pillars/identity": ("ASEAN identity", 216),
        "en/embed/pillars/political-security": ("Political-Security pillar", 375),
        "en/embed/pillars/socio-cultural": ("Socio-Cultural pillar", 403),
        "en/embed/pillars/tourism": ("Tourism", 216),
        "en/embed/plans/soc-trang-2022": ("2022 plan", 900),
        "en/embed/progress/soc-trang-2022": ("Implementation: 2022 plan", 494),
        "vi/embed/events": ("Sự kiện sắp tới", 620),
        "vi/embed/news": ("Tin mới", 1378),
        "vi/embed/pillars/connectivity": ("Kết nối", 238),
        "vi/embed/pillars/covid-19": ("Hợp tác ASEAN ứng phó COVID-19", 536),
        "vi/embed/pillars/economic": ("Trụ cột Kinh tế", 452),
        "vi/embed/pillars/identity": ("Bản sắc ASEAN", 238),
        "vi/embed/pillars/political-security": ("Trụ cột Chính trị – An ninh", 397),
        "vi/embed/pillars/socio-cultural": ("Trụ cột Văn hóa – Xã hội", 424),
        "vi/embed/pillars/tourism": ("Du lịch", 238),
        "vi/embed/plans/soc-trang-2022": ("Kế hoạch năm 2022", 900),
        "vi/embed/progress/soc-trang-2022": ("Kết quả thực hiện: Kế hoạch năm 2022", 544),
    }
    assert {(d["provider_name"], d["provider_url"]) for p, d in documents.items() if p.startswith("vi/")} == {
        ("Chuyên mục ASEAN", f"{BASE}vi/"),
    }


def test_the_whole_response_and_its_bytes(mini: MiniProject, tmp_path: Path) -> None:
    """The title is escaped in the frame code (it is text in JSON, an attribute in HTML)."""
    mini.replace("plans/soc-trang-2022.yaml", 'en: "2022 plan"', 'en: "2022 \\"plan\\" <b>&</b>"')
    oembed(mini, tmp_path / "site")
    text = (tmp_path / "site/en/embed/plans/soc-trang-2022/oembed.json").read_text(encoding="utf-8")
    assert text == """\
{
  "version": "1.0",
  "type": "rich",
  "title": "2022 \\"plan\\" <b>&</b>",
  "provider_name": "ASEAN section",
  "provider_url": "https://example.org/asean/en/",
  "html": "<iframe src=\\"https://example.org/asean/en/embed/plans/soc-trang-2022/\\" \
title=\\"2022 &quot;plan&quot; &lt;b&gt;&amp;&lt;/b&gt;\\" width=\\"100%\\" height=\\"900\\" frameborder=\\"0\\" \
loading=\\"lazy\\"></iframe>\\n<script src=\\"https://example.org/asean/embed.js\\" async></script>",
  "width": 640,
  "height": 900
}
"""
