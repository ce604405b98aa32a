"""The preview's quick path: an edited page is rendered alone, at once, through MkDocs'
own per-page steps; anything it cannot vouch for is left to the full rebuild."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MiniProject, TinyBuilds

from site_builder.apps.build import build_site
from site_builder.apps.preview import Preview

ARTICLE = ("---\ntitle: Tin thử\ndescription: Một tin để thử.\nkind: news\ndate: 2024-05-01\ntopics: [economic]\n"
           "sources:\n  - {title: Cổng thông tin, publisher: Sở Ngoại vụ}\n---\n\n# Tin thử\n\nBản đầu.\n")


@pytest.fixture
def preview(tiny: MiniProject, tiny_builds: TinyBuilds) -> Preview:
    tiny.write("content/vi/news/tin-thu.md", ARTICLE)
    tiny.write("content/en/news/tin-thu.md", ARTICLE.replace("Tin thử", "Test item"))
    preview = Preview(tiny.root, 8000)
    tiny_builds.build(tiny, preview.out, site_url=preview.site_url, strict=False)
    preview.refresh_live()
    assert set(preview.live) == {"vi", "en"}
    return preview


def page_text(preview: Preview, lang: str, url: str) -> str:
    return (preview.out / lang / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.site
def test_an_edited_page_is_rendered_at_once(tiny: MiniProject, preview: Preview) -> None:
    path = tiny.write("content/vi/news/tin-thu.md", ARTICLE.replace("Bản đầu.", "Bản đã sửa, **đậm**."))
    version = preview.version
    assert preview.quick([path]) is True
    html = page_text(preview, "vi", "news/tin-thu")
    assert "Bản đã sửa, <strong>đậm</strong>." in html
    assert preview.version == version + 1
    assert path in preview.quick_paths


@pytest.mark.site
def test_the_quick_page_matches_the_full_build(tiny: MiniProject, preview: Preview) -> None:
    path = tiny.write("content/en/news/tin-thu.md", ARTICLE.replace("Tin thử", "Test item").replace("Bản đầu.", "Edited."))
    assert preview.quick([path])
    quick = page_text(preview, "en", "news/tin-thu")
    build_site(tiny.root, preview.out, site_url=preview.site_url, strict=False, workshop=True)  # as make serve builds
    assert page_text(preview, "en", "news/tin-thu") == quick


@pytest.mark.site
@pytest.mark.parametrize(
    "change",
    [
        "plan",  # data changes many pages
        "new page",  # not in the file list yet
        "unsafe",  # refused by the page's own checks
        "bad front matter",
        "deleted",
    ],
)
def test_what_the_quick_path_leaves_to_the_full_build(tiny: MiniProject, preview: Preview, change: str) -> None:
    before = page_text(preview, "vi", "news/tin-thu")
    if change == "plan":
        tiny.replace("plans/soc-trang-2022.yaml", "status: expired", "status: in-force")
        paths = [tiny.root / "plans/soc-trang-2022.yaml"]
    elif change == "new page":
        paths = [tiny.write("content/vi/news/tin-moi.md", ARTICLE)]
    elif change == "unsafe":
        paths = [tiny.write("content/vi/news/tin-thu.md", ARTICLE.replace("Bản đầu.", "<script>alert(1)</script>"))]
    elif change == "bad front matter":
        paths = [tiny.write("content/vi/news/tin-thu.md", ARTICLE.replace("kind: news", "kind: blog"))]
    else:
        path = tiny.root / "content/vi/news/tin-thu.md"
        path.unlink()
        paths = [path]
    assert preview.quick(paths) is False
    assert page_text(preview, "vi", "news/tin-thu") == before


@pytest.mark.site
def test_no_quick_path_while_the_data_has_errors(tiny: MiniProject, preview: Preview) -> None:
    preview.error = "plans/soc-trang-2022.yaml:12:9: status: ..."
    path = tiny.write("content/vi/news/tin-thu.md", ARTICLE.replace("Bản đầu.", "Sửa."))
    assert preview.quick([path]) is False


@pytest.mark.site
def test_a_full_build_keeps_edits_made_while_it_ran(tiny: MiniProject, preview: Preview, monkeypatch: pytest.MonkeyPatch) -> None:
    """The full build reads the files when it starts; a page edited on the quick path
    meanwhile is rendered again after the swap, so that the old text does not come back."""
    import site_builder.apps.preview as module

    path = tiny.root / "content/vi/news/tin-thu.md"
    real_build = module.build_site

    def build_then_edit(*args: object, **kwargs: object) -> object:
        result = real_build(*args, **kwargs)  # the build saw the first text...
        path.write_text(ARTICLE.replace("Bản đầu.", "Sửa trong lúc dựng."), encoding="utf-8")
        assert preview.quick([path])  # ...the editor saved again before the swap finished
        return result

    monkeypatch.setattr(module, "build_site", build_then_edit)
    preview.rebuild(reload=False)
    assert preview.error is None
    assert "Sửa trong lúc dựng." in page_text(preview, "vi", "news/tin-thu")


@pytest.mark.site
def test_live_pages_know_their_own_pages(tiny: MiniProject, preview: Preview) -> None:
    live = preview.live["vi"]
    assert live.owns(tiny.root / "content/vi/news/tin-thu.md")
    assert not live.owns(tiny.root / "content/en/news/tin-thu.md")
    assert not live.owns(tiny.root / "content/vi/news/khong-co.md")
    assert not live.owns(Path("/elsewhere/index.md"))


# ── The preview's HTTP server: loopback names only, no folder listings ──────────────
@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Preview, int]]:
    """A preview server bound to 127.0.0.1 on a free port, serving a small built tree."""
    import threading

    from site_builder.apps.preview_server import make_server

    preview = Preview(tmp_path, 0)
    (preview.out / "vi/assets").mkdir(parents=True)
    (preview.out / "vi/index.html").write_text("<html><body>Trang chủ</body></html>", encoding="utf-8")
    (preview.out / "vi/assets/asean.css").write_text("body{}", encoding="utf-8")
    (preview.out / "vi/drafts").mkdir()
    httpd = make_server(preview, 0)
    assert httpd.server_address[0] == "127.0.0.1"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield preview, httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def request(port: int, path: str, hosts: list[str] | None, method: str = "GET") -> tuple[int, bytes]:
    """One request with exactly the ``Host`` headers given (none when ``hosts`` is empty)."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for host in hosts or []:
            conn.putheader("Host", host)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:{port}", "localhost", "LocalHost:{port}",
                                  "[::1]", "[::1]:{port}", "localhost:8000"])
def test_the_preview_answers_loopback_names(served: tuple[Preview, int], host: str) -> None:
    _, port = served
    status, body = request(port, "/vi/", [host.format(port=port)])
    assert status == 200 and "Trang chủ".encode() in body


@pytest.mark.parametrize(("hosts", "expected"), [
    (["evil.example"], 421),
    (["evil.example:{port}"], 421),  # a DNS-rebinding page: its own name, our address and port
    (["127.0.0.1.evil.example"], 421),
    (["localhost.evil.example:{port}"], 421),
    (["127.0.0.2"], 421),
    (["0.0.0.0:{port}"], 421),
    (["[::ffff:127.0.0.1]"], 421),
    ([], 400),  # no Host at all
    (["127.0.0.1", "evil.example"], 400),  # two of them
    ([""], 400),
    (["127.0.0.1:"], 400),
    (["127.0.0.1:http"], 400),
    (["localhost:8000:1"], 400),
    (["[::1"], 400),
    (["evil.example@127.0.0.1"], 421),
])
def test_other_host_names_are_refused(served: tuple[Preview, int], hosts: list[str], expected: int) -> None:
    """Also for the preview's own endpoints and for methods the preview does not serve."""
    _, port = served
    hosts = [h.format(port=port) for h in hosts]
    for path, method in (("/vi/", "GET"), ("/vi/assets/asean.css", "HEAD"), ("/__preview__/state", "GET"),
                         ("/vi/", "POST")):
        status, body = request(port, path, hosts, method)
        assert status == expected, (path, method)
        assert b"Trang ch" not in body and b"body{}" not in body
        if method != "HEAD":
            assert b"The preview answers only at http://127.0.0.1" in body


def test_folders_are_never_listed(served: tuple[Preview, int]) -> None:
    _, port = served
    for folder in ("/vi/assets/", "/vi/drafts/", "/"):
        status, body = request(port, folder, ["127.0.0.1"])
        assert status == 404, folder
        assert b"asean.css" not in body and b"Directory listing" not in body
    assert request(port, "/vi/assets/asean.css", ["127.0.0.1"]) == (200, b"body{}")
    status, _ = request(port, "/vi/assets", ["127.0.0.1"])
    assert status == 301  # to the folder's own address, which is then not listed


def test_a_preview_folder_from_before_the_marker_is_replaced(tmp_path: Path) -> None:
    """The preview's folder is the kit's own: one an older version built without the
    marker is removed so that the build can write there; a marked one, or a link, stays."""
    from site_builder.apps.site_folder import MARKER

    preview = Preview(tmp_path, 0)
    (preview.out / "vi").mkdir(parents=True)
    (preview.out / "vi/index.html").write_text("old", encoding="utf-8")
    preview.adopt_output()
    assert not preview.out.exists()
    (preview.out / "vi").mkdir(parents=True)
    (preview.out / MARKER).write_text("marked", encoding="utf-8")
    preview.adopt_output()
    assert (preview.out / MARKER).exists()
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "vi").mkdir(parents=True)
    preview.out.rename(tmp_path / "moved")
    preview.out.symlink_to(elsewhere, target_is_directory=True)
    preview.adopt_output()
    assert (elsewhere / "vi").is_dir() and preview.out.is_symlink()


def test_a_missing_page_gets_the_sites_own_404_page_in_its_language(served: tuple[Preview, int]) -> None:
    """As docs/deploy.md configures the hosts: the language's 404.html, with the status 404."""
    preview, port = served
    (preview.out / "vi/404.html").write_text("<html><body>Không tìm thấy trang</body></html>", encoding="utf-8")
    (preview.out / "en").mkdir()
    (preview.out / "en/404.html").write_text("<html><body>Page not found</body></html>", encoding="utf-8")
    assert request(port, "/vi/khong-co/", ["127.0.0.1"]) == (404, "<html><body>Không tìm thấy trang</body></html>".encode())
    assert request(port, "/en/no-such-page/", ["127.0.0.1"]) == (404, b"<html><body>Page not found</body></html>")
    assert request(port, "/vi/assets/khong-co.css", ["127.0.0.1"])[0] == 404
    status, body = request(port, "/vi/drafts/", ["127.0.0.1"])  # a folder without a page: never listed
    assert status == 404 and b"Directory listing" not in body
    assert request(port, "/vi/", ["127.0.0.1"])[0] == 200


# ── Up at once, and up with an error: the previous build, a banner, the broken page alone ──
def test_a_pages_address_from_its_file() -> None:
    from site_builder.apps.preview import page_address, request_page

    assert page_address("content/vi/news/tin-thu.md") == "/vi/news/tin-thu/"
    assert page_address("content/en/news/index.md") == "/en/news/"
    assert page_address("content/vi/index.md") == "/vi/"
    assert page_address("plans/units.yaml") is None and page_address("content/media/a.jpg") is None
    assert request_page("/vi/news/tin-thu/index.html") == request_page("/vi/news/tin-thu/?x=1") == "/vi/news/tin-thu/"


@pytest.mark.site
def test_an_error_breaks_only_the_page_of_the_broken_file(tiny: MiniProject, preview: Preview) -> None:
    """The full build refuses the input; the last good build stays, every other page carries a
    banner naming the error, and the broken file's own page answers the report."""
    import threading

    from site_builder.apps.preview_server import make_server

    tiny.write("content/vi/news/tin-thu.md", ARTICLE.replace("date: 2024-05-01", "date: 1 tháng 5"))
    preview.rebuild(reload=False)
    assert preview.error and "content/vi/news/tin-thu.md" in preview.error
    assert preview.broken_pages == {"/vi/news/tin-thu/"} and preview.has_build()
    httpd = make_server(preview, 0)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        port = httpd.server_address[1]
        status, body = request(port, "/vi/", ["127.0.0.1"])
        assert status == 200 and b'id="preview-banner"' in body and b"content/vi/news/tin-thu.md" in body
        status, body = request(port, "/en/news/tin-thu/", ["127.0.0.1"])
        assert status == 200 and b"Test item" in body, "the English page reads another file: still up"
        status, body = request(port, "/vi/news/tin-thu/", ["127.0.0.1"])
        assert status == 500 and b'id="preview-error"' in body
        assert request(port, "/__preview__/banner.css", ["127.0.0.1"])[0] == 200
    finally:
        httpd.shutdown()
        httpd.server_close()
    tiny.write("content/vi/news/tin-thu.md", ARTICLE)
    preview.rebuild(reload=False)
    assert preview.error is None and not preview.broken_pages


def test_a_fresh_clone_answers_at_once_that_the_first_build_runs(served: tuple[Preview, int]) -> None:
    """No build yet: pages answer a short page that reloads when the build is done (503),
    never a wait on the socket."""
    preview, port = served
    preview.building_first = True
    status, body = request(port, "/vi/", ["127.0.0.1"])
    assert status == 503 and "Đang dựng bản xem trước".encode() in body and b"/__preview__/reload.js" in body
