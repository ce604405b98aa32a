"""Hostile and broken input: each case gives a clear message naming file and line, a
non-zero exit, and never a traceback. One row per case: what is written, and the
message `check` must print."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, MiniProject

PLAN = "plans/soc-trang-2022.yaml"
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
)
PAGE = "---\ntitle: Tin\ndescription: Mô tả\n---\n\n# Tin\n\n"

# (case, file, content or None for "replace in plan", old, new, expected message)
CASES = [
    ("invalid UTF-8", "plans/x.yaml", b"id: x\ntitle: \xff\n", None, None,
     "plans/x.yaml:2:8: tệp không phải UTF-8 hợp lệ (byte 0xff): hãy lưu lại dưới dạng UTF-8"),
    ("byte order mark", "plans/x.yaml", b"\xef\xbb\xbfid: x\n", None, None,
     "plans/x.yaml:1:1: tệp bắt đầu bằng dấu BOM: hãy lưu lại dưới dạng UTF-8 không BOM"),
    ("tab indentation", "plans/x.yaml", b"id: x\nsections:\n\t- a\n", None, None,
     "plans/x.yaml:3:1: có ký tự tab: YAML chỉ cho phép thụt lề bằng dấu cách"),
    ("object-constructing tag", "plans/x.yaml", b"id: !!python/object/apply:os.system [id]\n", None, None,
     "plans/x.yaml:1:5: không dùng thẻ YAML '!!python/object/apply:os.system'"),
    ("alias bomb", "plans/x.yaml", ALIAS_BOMB.encode(), None, None,
     "plans/x.yaml:1:4: không dùng neo và bí danh YAML (&, *)"),
    ("50 MB file", "plans/x.yaml", None, None, None, "plans/x.yaml: tệp quá lớn (50.0 MiB, tối đa 2 MiB)"),
    ("deep nesting", "plans/x.yaml", b"a: " + b"[" * 100 + b"]" * 100 + b"\n", None, None,
     "plans/x.yaml:1:43: cấu trúc lồng quá sâu (hơn 40 cấp)"),
    ("empty file", "plans/x.yaml", b"", None, None, "plans/x.yaml: tệp rỗng"),
    ("id with ../", PLAN, None, "id: soc-trang-2022", "id: ../soc-trang-2022",
     f"{PLAN}:1:5: id: mã chỉ gồm chữ thường không dấu, số và dấu '-'"),
    ("id with a slash", PLAN, None, "id: soc-trang-2022", "id: soc/trang",
     f"{PLAN}:1:5: id: mã chỉ gồm chữ thường không dấu, số và dấu '-'"),
    ("upper-case id", PLAN, None, "id: soc-trang-2022", "id: Soc-Trang-2022",
     f"{PLAN}:1:5: id: mã chỉ gồm chữ thường không dấu, số và dấu '-'"),
    ("date that does not exist", PLAN, None, "date: 2021-10-14", "date: 2021-02-30",
     f"{PLAN}:16:11: legal_basis[0].date: ngày '2021-02-30' không tồn tại"),
    ("two pages claiming one URL", "content/vi/tin.md", PAGE.encode(), None, None,
     "content/vi/tin/index.md:1:1: hai trang cùng địa chỉ /vi/tin/: content/vi/tin.md và tệp này"),
    ("page claiming a generated URL", "content/vi/plans/index.md", PAGE.encode(), None, None,
     "content/vi/plans/index.md:1:1: trang này trùng địa chỉ /vi/plans/ với một trang được tạo từ dữ liệu"),
    ("<script> in Markdown", "content/vi/a.md", (PAGE + "Xin chào\n<script>alert(1)</script>\n").encode(), None, None,
     "content/vi/a.md:9: không được dùng thẻ <script> trong nội dung"),
    ("<style> in Markdown", "content/vi/a.md", (PAGE + "<style>body{display:none}</style>\n").encode(), None, None,
     "content/vi/a.md:8: không được dùng thẻ <style> trong nội dung"),
    ("on*= attribute", "content/vi/a.md", (PAGE + '<p onclick="alert(1)">x</p>\n').encode(), None, None,
     "content/vi/a.md:8: không được dùng thuộc tính sự kiện 'onclick'"),
    ("on*= through attr_list", "content/vi/a.md", (PAGE + "[x](https://example.org){ onmouseover=alert(1) }\n").encode(),
     None, None, "content/vi/a.md:8: không được dùng thuộc tính sự kiện 'onmouseover'"),
    ("javascript: link", "content/vi/a.md", (PAGE + "\n[bấm](javascript:alert(1))\n").encode(), None, None,
     "content/vi/a.md:9: không được dùng địa chỉ 'javascript:' trong nội dung"),
    ("disguised javascript: link", "content/vi/a.md", (PAGE + '<a href="jav&#x61;script:alert(1)">x</a>\n').encode(),
     None, None, "content/vi/a.md:5: không được dùng địa chỉ 'javascript:' trong nội dung"),  # disguised: the body's first line
    ("data: image", "content/vi/a.md", (PAGE + "![x](data:text/html;base64,PHNjcmlwdD4=)\n").encode(), None, None,
     "content/vi/a.md:8: không được dùng địa chỉ 'data:' trong nội dung"),
    ("iframe from another host", "content/vi/a.md", (PAGE + '<iframe src="https://evil.example/"></iframe>\n').encode(),
     None, None, "content/vi/a.md:8: khung <iframe> từ 'evil.example' không nằm trong danh sách cho phép"),
    ("script in YAML text", PLAN, None, 'en: "2022 plan"', 'en: "<script>alert(1)</script>"',
     f"{PLAN}:4:44: short_title.en: văn bản chứa mã HTML hoặc địa chỉ không được phép: '<script'"),
    ("javascript: in a YAML link", "content/data/events.yaml",
     b"events:\n  - id: x\n    title: {vi: a, en: a}\n    description: {vi: b, en: b}\n    recurrence: yearly\n"
     b"    month: 8\n    day: 8\n    link: \"javascript:alert(1)\"\n", None, None,
     "content/data/events.yaml:8:11: events[0].link: văn bản chứa mã HTML hoặc địa chỉ không được phép: 'javascript:'"),
]


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "site_builder", "--root", str(root), "check"],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=60,
    )


@pytest.mark.parametrize(("case", "rel", "data", "old", "new", "message"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input(mini: MiniProject, case: str, rel: str, data: bytes | None, old: str | None,
                       new: str | None, message: str) -> None:
    if case == "50 MB file":
        with (mini.root / rel).open("wb") as fh:
            fh.truncate(50 * 1024 * 1024)
    elif case == "two pages claiming one URL":
        mini.write("content/vi/tin.md", data or b"")
        mini.write("content/vi/tin/index.md", data or b"")
    elif data is not None:
        mini.write(rel, data)
    else:
        assert old is not None and new is not None
        mini.replace(rel, old, new)
    result = run_check(mini.root)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert message in result.stdout, result.stdout


def test_allowed_iframe_host_and_trusted_folder(mini: MiniProject) -> None:
    mini.write("content/safety.yaml", "iframe_hosts: [www.youtube-nocookie.com]\ntrusted_html: [vi/doi-tac/]\n")
    mini.write("content/vi/video.md", PAGE + '<iframe src="https://www.youtube-nocookie.com/embed/x" title="v"></iframe>\n')
    mini.write("content/en/video.md", PAGE.replace("Tin", "News") + "Video.\n")
    mini.write("content/vi/doi-tac/a.md", PAGE + '<div class="x" onclick="track()">x</div>\n')
    mini.write("content/en/doi-tac/a.md", PAGE.replace("Tin", "Partner") + "x\n")
    result = run_check(mini.root)
    assert result.returncode == 0, result.stdout


MARKDOWN_CASES = [c for c in CASES if c[1] == "content/vi/a.md"]


@pytest.mark.parametrize("case", MARKDOWN_CASES, ids=[c[0] for c in MARKDOWN_CASES])
def test_the_render_shortcut_never_skips_a_hostile_page(case: tuple[object, ...]) -> None:
    """Only pages that could carry markup are rendered for the scan: every hostile page is one."""
    from site_builder.safety import can_carry_markup

    body = case[2].decode().split("---\n", 2)[2]  # type: ignore[union-attr]
    assert can_carry_markup(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hội nghị ASEAN.\n\n## Mục tiêu { #muc-tieu .lead }\n\n[Nguồn](https://asean.org \"ASEAN\")\n", False),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n\n!!! note \"Ghi chú\"\n    Nội dung.\n", False),
        ("[x](java\tscript:alert(1))", True),  # browsers drop the tab: still javascript:
        ("[x]: JAVAS CRIPT:alert(1)", True),
        ("![x](DATA:text/html,1)", True),
        ("## Tiêu đề { #a hidden }", True),  # attr_list beyond ids and classes
        ("Q&amp;A", True),
        ("a \\<b", True),
    ],
)
def test_which_pages_are_rendered_for_the_scan(body: str, expected: bool) -> None:
    from site_builder.safety import can_carry_markup

    assert can_carry_markup(body) is expected
