"""Hostile and broken input: each case gives a clear message naming file and line, a
non-zero exit, and never a traceback. One row per case: what is written, and the
message `check` must print."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CliResult, MiniProject, run_cli

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
    ("NUL in YAML text", PLAN, None, 'en: "2022 plan"', 'en: "2022\\0 plan"',
     f"{PLAN}:4:44: short_title.en: văn bản chứa ký tự điều khiển hoặc ký tự vô hình U+0000"),
    ("bidi override in a title", "content/vi/a.md", "---\ntitle: \"Tin \u202egnp.exe\"\ndescription: x\n---\n\nx\n".encode(),
     None, None, "content/vi/a.md:2:8: title: văn bản chứa ký tự điều khiển hoặc ký tự vô hình U+202E"),
    ("control character in Markdown", "content/vi/a.md", (PAGE + "Dòng một\nDòng \x1b[31m hai\n").encode(), None, None,
     "content/vi/a.md:9:6: văn bản chứa ký tự điều khiển hoặc ký tự vô hình U+001B"),
    ("javascript: in a YAML link", "content/data/events.yaml",
     b"events:\n  - id: x\n    title: {vi: a, en: a}\n    description: {vi: b, en: b}\n    recurrence: yearly\n"
     b"    month: 8\n    day: 8\n    link: \"javascript:alert(1)\"\n", None, None,
     "content/data/events.yaml:8:11: events[0].link: cần một đường dẫn trong trang"),
    # Files that are not pages: only pictures and documents, checked by their first bytes.
    ("a script shadowing a theme asset", "content/vi/assets/table.js", b"alert(1)\n", None, None,
     "content/vi/assets/table.js: thư mục 'assets/' dành cho giao diện và các trang được tạo tự động"),
    ("a script file", "content/vi/tin/x.js", b"alert(1)\n", None, None,
     "content/vi/tin/x.js: loại tệp không được phép trong nội dung"),
    ("a raw HTML file", "content/vi/x.html", b"<script>alert(1)</script>\n", None, None,
     "content/vi/x.html: loại tệp không được phép trong nội dung"),
    ("an SVG with script", "content/vi/logo.svg", b"<svg><script>alert(1)</script></svg>\n", None, None,
     "content/vi/logo.svg: không dùng ảnh SVG trong nội dung"),
    ("HTML named .png", "content/vi/anh.png", b"<html><script>alert(1)</script>\n", None, None,
     "content/vi/anh.png: nội dung tệp không phải là tệp PNG như đuôi tên của nó"),
    ("a page among the widgets", "content/vi/embed/x.md", PAGE.encode(), None, None,
     "content/vi/embed/x.md: thư mục 'embed/' dành cho giao diện"),
    ("a file name with a space", "content/vi/tin tuc.md", PAGE.encode(), None, None,
     "content/vi/tin tuc.md: tên tệp hoặc thư mục chỉ gồm chữ không dấu"),
    ("a stray file in content/", "content/notes.txt", b"x\n", None, None,
     "content/notes.txt: content/ chỉ chứa các thư mục vi/, en/, data/ và media/"),
    ("the old safety file", "content/safety.yaml", b"trusted_html: [vi/]\n", None, None,
     "content/safety.yaml: tệp này không còn được đọc"),
    ("a 3 MB page", "content/vi/a.md", (PAGE + "x" * 3 * 1024 * 1024).encode(), None, None,
     "content/vi/a.md: tệp quá lớn (3.0 MiB, tối đa 2 MiB)"),
    # Front matter: one parser, a fixed set of templates.
    ("a page template for data records", "content/vi/a.md",
     b"---\ntitle: a\ndescription: b\ntemplate: asean/embed/plan.html\n---\n\nx\n", None, None,
     "content/vi/a.md:4:11: template: cần một trong: 'asean/home.html', 'asean/api.html'"),
    ("a YAML document end inside front matter", "content/vi/a.md",
     b"---\ntitle: a\ndescription: b\n...\ntemplate: asean/embed/plan.html\n---\n\nx\n", None, None,
     "content/vi/a.md:5:1: lỗi cú pháp YAML"),
    ("front matter that is not a mapping", "content/vi/a.md", b"---\n- a\n---\n\nx\n", None, None,
     "content/vi/a.md:2:1: phần đầu (front matter) phải là một bảng khóa: giá trị"),
    # Markup the sanitiser would remove: reported with the line.
    ("a picture from another site", "content/vi/a.md", (PAGE + "![x](https://tracker.example/p.png)\n").encode(),
     None, None, "content/vi/a.md:8: ảnh phải là tệp trong content/, không tải từ trang khác"),
    ("a theme class", "content/vi/a.md", (PAGE + "Mời bấm vào đây\n{: .md-header }\n").encode(), None, None,
     "content/vi/a.md:9: lớp (class) 'md-header' không dùng được trong nội dung"),
    ("a theme id", "content/vi/a.md", (PAGE + "## Tìm { #asean-search-q }\n").encode(), None, None,
     "content/vi/a.md:8: mã neo (id) 'asean-search-q' không hợp lệ hoặc đã được giao diện dùng"),
    ("meta refresh in Markdown", "content/vi/a.md",
     (PAGE + '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n').encode(), None, None,
     "content/vi/a.md:8: không được dùng thẻ <meta> trong nội dung"),
    ("a declaration MkDocs cannot read", "content/vi/a.md",
     (PAGE + '<![><img src="]><img src=x onerror=alert(1)//">\n').encode(), None, None,
     "content/vi/a.md:8: đoạn mã HTML này không đọc được"),
    ("an ftp link", "content/vi/a.md", (PAGE + "[tải](ftp://evil.example/x)\n").encode(), None, None,
     "content/vi/a.md:8: không được dùng địa chỉ 'ftp:' trong nội dung"),
    ("iframe with user info", "content/vi/a.md",
     (PAGE + '<iframe src="https://www.youtube-nocookie.com@evil.example/"></iframe>\n').encode(), None, None,
     "content/vi/a.md:8: khung <iframe> từ 'evil.example' không nằm trong danh sách cho phép"),
    # Issue 30: the second pass.
    ("a page named .MD", "content/vi/x/evil.MD", b"<html><body><script>alert(document.domain)</script>", None, None,
     "content/vi/x/evil.MD: đuôi tên tệp '.MD' phải viết thường: hãy đổi thành '.md'"),
    ("a page named .Md", "content/vi/x/evil.Md", PAGE.encode(), None, None,
     "content/vi/x/evil.Md: đuôi tên tệp '.Md' phải viết thường"),
    ("a theme folder in capitals", "content/vi/Assets/table.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 8, None, None,
     "content/vi/Assets/table.png: thư mục 'Assets/' dành cho giao diện"),
    ("a theme folder in upper case", "content/vi/ASSETS/a.pdf", b"%PDF-1.7\n", None, None,
     "content/vi/ASSETS/a.pdf: thư mục 'ASSETS/' dành cho giao diện"),
    ("a zero-width space in a title", "content/vi/a.md", "---\ntitle: \"Ad\u200bmin\"\ndescription: x\n---\n\nx\n".encode(),
     None, None, "content/vi/a.md:2:8: title: văn bản chứa ký tự điều khiển hoặc ký tự vô hình U+200B (ZERO WIDTH SPACE)"),
    ("a right-to-left mark in a body", "content/vi/a.md", (PAGE + "Tin \u200fnóng\n").encode(), None, None,
     "content/vi/a.md:8:5: văn bản chứa ký tự điều khiển hoặc ký tự vô hình U+200F (RIGHT-TO-LEFT MARK)"),
    ("an Arabic letter mark in a description", "content/vi/a.md",
     "---\ntitle: a\ndescription: \"b\u061cc\"\n---\n\nx\n".encode(), None, None,
     "content/vi/a.md:3:14: description: văn bản chứa ký tự điều khiển hoặc ký tự vô hình U+061C"),
    ("a word joiner in a body", "content/vi/a.md", (PAGE + "x\u2060y\n").encode(), None, None,
     "content/vi/a.md:8:2: văn bản chứa ký tự điều khiển hoặc ký tự vô hình U+2060 (WORD JOINER)"),
    ("tag characters in a body", "content/vi/a.md", (PAGE + "Tin\U000e0041\U000e0042\n").encode(), None, None,
     "content/vi/a.md:8:4: văn bản chứa ký tự điều khiển hoặc ký tự vô hình U+E0041 (TAG LATIN CAPITAL LETTER A)"),
    ("a soft hyphen in a YAML name", PLAN, None, 'en: "2022 plan"', 'en: "2022 pl\\u00adan"',
     f"{PLAN}:4:44: short_title.en: văn bản chứa ký tự điều khiển hoặc ký tự vô hình U+00AD (SOFT HYPHEN)"),
    ("a Hangul filler as a title", "content/vi/a.md", "---\ntitle: \"\u3164\"\ndescription: x\n---\n\nx\n".encode(),
     None, None, "content/vi/a.md:2:8: title: văn bản chứa ký tự điều khiển hoặc ký tự vô hình U+3164"),
    ("a zero-width joiner inside a Latin word", "content/vi/a.md", (PAGE + "Ad\u200dmin\n").encode(), None, None,
     "content/vi/a.md:8:3: văn bản chứa ký tự điều khiển hoặc ký tự vô hình U+200D (ZERO WIDTH JOINER)"),
    ("a port past 65535", "content/data/events.yaml",
     b"events:\n  - id: x\n    title: {vi: a, en: a}\n    description: {vi: b, en: b}\n    recurrence: yearly\n"
     b"    month: 8\n    day: 8\n    sources:\n      - {title: a, url: \"https://asean.org:99999/x\"}\n", None, None,
     "content/data/events.yaml:9:25: events[0].sources[0].url: cần một địa chỉ https:// đầy đủ"),
    ("a number of 100,000 digits", PLAN, None, "id: soc-trang-2022", "id: " + "9" * 100_000,
     f"{PLAN}:1:5: giá trị '9999999999999999999999999999999999999999… (100,000 ký tự)' không đọc được (số quá dài)"),
    ("a link out of the site", "content/vi/a.md", (PAGE + "Xem [tệp](../../../../etc/passwd.md).\n").encode(), None, None,
     "content/vi/a.md:8: liên kết '../../../../etc/passwd.md': dẫn ra ngoài trang web"),
    ("a picture outside the site", "content/vi/a.md", (PAGE + "![x](../../../../etc/passwd)\n").encode(), None, None,
     "content/vi/a.md:8: liên kết '../../../../etc/passwd': dẫn ra ngoài trang web"),
    ("a backslash javascript: link", "content/vi/a.md", (PAGE + "\n[bấm](\\javascript:alert(1))\n").encode(), None, None,
     "content/vi/a.md:9: liên kết '\\javascript:alert(1)': liên kết trong trang được viết tương đối"),
    ("a tab inside a link target", "content/vi/a.md", (PAGE + "[x](b\tc.md)\n").encode(), None, None,
     "content/vi/a.md:8: liên kết 'b   c.md': không có tệp b   c.md trong trang web"),
    ("an anchor with a quote and a handler", "content/vi/a.md", (PAGE + '[x](#" onclick=)\n').encode(), None, None,
     "content/vi/a.md:8: liên kết '#\" onclick=': trang này không có neo"),
    ("a link to a missing page", "content/vi/a.md", (PAGE + "Xem [kế hoạch](plans/khong-co.md).\n").encode(), None, None,
     "content/vi/a.md:8: liên kết 'plans/khong-co.md': không có tệp plans/khong-co.md trong trang web"),
    ("a link starting with a slash", "content/vi/a.md", (PAGE + "Xem [kế hoạch](/vi/plans/).\n").encode(), None, None,
     "content/vi/a.md:8: liên kết '/vi/plans/': liên kết trong trang được viết tương đối"),
    ("a unit's published address in units.yaml", "plans/units.yaml", None, "    parent: viet-nam\n",
     "    parent: viet-nam\n    branding:\n      display_name: {vi: a, en: a}\n"
     "      section_url: \"https://evil.example/asean/\"\n",
     "plans/units.yaml:11:20: units[1].branding.section_url: địa chỉ công bố chuyên mục của đơn vị không còn ghi ở "
     "plans/units.yaml"),
]


def run_check(root: Path) -> CliResult:
    return run_cli("--root", str(root), "check")


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


def test_frame_hosts_are_the_maintainers_call(mini: MiniProject) -> None:
    """An iframe from a host listed in mkdocs.yml passes; with the same host but a
    ``srcdoc``, a backslash or user info in the address, it does not."""
    mini.write("mkdocs.yml", "plugins:\n  - asean:\n      iframe_hosts: [www.youtube-nocookie.com]\n")
    mini.write("content/vi/video.md", PAGE + '<iframe src="https://www.youtube-nocookie.com/embed/x" title="v"></iframe>\n')
    mini.write("content/en/video.md", PAGE.replace("Tin", "News") + "Video.\n")
    result = run_check(mini.root)
    assert result.returncode == 0, result.stdout
    for bad in ('src="https://www.youtube-nocookie.com/embed/x" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"',
                'src="https://evil.example\\@www.youtube-nocookie.com/"',
                'src="https://www.youtube-nocookie.com@evil.example/"',
                'src="http://www.youtube-nocookie.com/embed/x"'):
        mini.write("content/vi/video.md", PAGE + f'<iframe {bad} title="v"></iframe>\n')
        result = run_check(mini.root)
        assert result.returncode == 1, bad
        assert "content/vi/video.md:8:" in result.stdout, result.stdout


def test_symlinks_are_refused_anywhere(mini: MiniProject, tmp_path: Path) -> None:
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "passwd.md").write_text(PAGE, encoding="utf-8")
    (outside / "key.png").write_bytes(b"\x89PNG\r\n\x1a\nsecret")
    (mini.root / "content" / "vi").mkdir(parents=True, exist_ok=True)
    (mini.root / "content/vi/leak").symlink_to(outside)
    (mini.root / "content/vi/anh.png").symlink_to(outside / "key.png")
    (mini.root / "plans/progress").mkdir()
    (mini.root / "plans/progress/x.yaml").symlink_to(outside / "passwd.md")
    (mini.root / "content/data/tags.yaml").unlink()
    (mini.root / "content/data/tags.yaml").symlink_to(outside / "passwd.md")
    result = run_check(mini.root)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for rel in ("content/vi/leak", "content/vi/anh.png", "plans/progress/x.yaml", "content/data/tags.yaml"):
        assert f"{rel}: là liên kết tượng trưng (symlink)" in result.stdout, result.stdout
    assert "secret" not in result.stdout


def test_a_folder_named_like_a_page(mini: MiniProject) -> None:
    (mini.root / "content/vi/x.md").mkdir(parents=True)
    result = run_check(mini.root)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stdout


def test_symlinked_plans_folder(mini: MiniProject, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere"
    (mini.root / "plans").rename(real)
    (mini.root / "plans").symlink_to(real)
    result = run_check(mini.root)
    assert result.returncode == 1
    assert "plans: là liên kết tượng trưng (symlink)" in result.stdout, result.stdout


MARKUP_MESSAGES = ("không được dùng", "ảnh phải", "lớp (class)", "mã neo", "khung <iframe>")
MARKDOWN_CASES = [c for c in CASES if c[1] == "content/vi/a.md" and any(m in str(c[5]) for m in MARKUP_MESSAGES)]


@pytest.mark.parametrize("case", MARKDOWN_CASES, ids=[c[0] for c in MARKDOWN_CASES])
def test_the_render_shortcut_never_skips_a_hostile_page(case: tuple[object, ...]) -> None:
    """Only pages that could carry markup are rendered for the scan: every hostile page is one."""
    from site_builder.inputs.markup_check import can_carry_markup

    body = case[2].decode().split("---\n", 2)[2]  # type: ignore[union-attr]
    assert can_carry_markup(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hội nghị ASEAN.\n\n## Mục tiêu\n\n[Nguồn](https://asean.org \"ASEAN\") và [trang](../plans/)\n", False),
        ("| a | b |\n|:--|--:|\n| 1 | 2 |\n\nLưu ý: [gọi](tel:+84123) hoặc [thư](mailto:a@b.vn)\n", False),
        ("!!! note \"Ghi chú\"\n    Nội dung.\n", True),  # the type becomes a class
        ("## Mục tiêu { #muc-tieu .lead }", True),
        ("![ảnh](img/a.png)", True),  # a picture's address must stay on the site
        ("[x](ftp://a.example/)", True),
        ("[x]:  FILE:///etc/passwd", True),
        ("[x](java\tscript:alert(1))", True),  # browsers drop the tab: still javascript:
        ("[x]: JAVAS CRIPT:alert(1)", True),
        ("![x](DATA:text/html,1)", True),
        ("## Tiêu đề { #a hidden }", True),  # attr_list beyond ids and classes
        ("Q&amp;A", True),
        ("a \\<b", True),
    ],
)
def test_which_pages_are_rendered_for_the_scan(body: str, expected: bool) -> None:
    from site_builder.inputs.markup_check import can_carry_markup

    assert can_carry_markup(body) is expected


def test_a_units_published_address_is_the_maintainers_call(mini: MiniProject, monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding 2 of issue 30: ``branding.section_url`` in ``plans/units.yaml``, which every
    editor can change, set the address of a ``--unit`` build: embed codes told other
    portals to load ``https://evil.example/asean/embed.js``. The address now comes from
    ``SITE_URL``/``--site-url`` or from ``mkdocs.yml`` (maintainers only); without either
    a unit build is a preview build, and units.yaml may not name one."""
    from site_builder.apps.build import unit_base
    from site_builder.core.problems import InputError
    from site_builder.core.urls import DEFAULT_SITE_URL
    from site_builder.derive.project import check_project

    monkeypatch.delenv("SITE_URL", raising=False)
    project, problems = check_project(mini.root)
    assert project is not None, [p.format() for p in problems.errors]
    assert unit_base(project, "soc-trang", None) == DEFAULT_SITE_URL
    mini.write("mkdocs.yml", "plugins:\n  - asean:\n      unit_urls: {soc-trang: \"https://asean.soctrang.gov.vn/\"}\n")
    assert unit_base(project, "soc-trang", None) == "https://asean.soctrang.gov.vn/"
    assert unit_base(project, "soc-trang", "https://other.gov.vn/asean/") == "https://other.gov.vn/asean/"
    assert unit_base(project, "viet-nam", None) == DEFAULT_SITE_URL
    for bad in ('"javascript:alert(1)"', '"http://asean.soctrang.gov.vn/"', '"https://a.gov.vn:99999/"', "[1]"):
        mini.write("mkdocs.yml", f"plugins:\n  - asean:\n      unit_urls: {{soc-trang: {bad}}}\n")
        with pytest.raises(InputError) as refused:
            unit_base(project, "soc-trang", None)
        assert "unit_urls" in refused.value.report()


def test_the_security_page_names_tests_that_exist() -> None:
    """docs/security.md lists each guarantee with the test that proves it: every test it
    names (``tests/x.py::test_y``, or ``::test_y`` after one) must exist, so that the
    list cannot silently go stale."""
    import re

    from conftest import ROOT

    text = (ROOT / "docs/security.md").read_text(encoding="utf-8")
    missing = []
    for row in text.splitlines():
        current = None
        for match in re.finditer(r"`(tests/[a-z_]+\.py)?(?:::([a-z0-9_]+))?", row):
            if match.group(1):
                current = ROOT / match.group(1)
                if not current.is_file():
                    missing.append(match.group(1))
            if match.group(2) and current is not None and current.is_file():
                if not re.search(rf"^def {match.group(2)}\(", current.read_text(encoding="utf-8"), re.MULTILINE):
                    missing.append(f"{current.name}::{match.group(2)}")
    assert missing == []
