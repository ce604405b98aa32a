"""``make serve``: a live preview of both languages for editors, on 127.0.0.1 only.

The preview builds into ``.cache/preview`` (never into ``site/``), serves it, and
rebuilds when anything under ``content/``, ``plans/``, ``theme/`` or ``mkdocs.yml``
changes; an edited page is shown at once, before the full rebuild ends (see
:class:`Preview`). The server starts at once: it serves the previous run's build while the
first full build runs in the background (a national build takes twenty seconds and more; an
editor should not wait for it to read a page), and on a fresh clone it answers with a page
that says the first build is running and reloads when it is done.

A broken file does not stop the server, nor the pages that do not read it: the last good
build stays up with a banner naming the error (file, line, field, in Vietnamese and
English) on every page; a page whose own Markdown file is broken answers the error report
instead, since what it would show is no longer what the file says. Open pages reload
themselves after each rebuild through a small script the server adds to HTML responses;
the built files themselves are not changed.
"""

from __future__ import annotations

import html
import os
import shutil
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from site_builder import LANGUAGES
from site_builder.apps.build import build_site, make_context
from site_builder.apps.errors import BuildError
from site_builder.apps.site_folder import MARKER
from site_builder.core.problems import InputError
from site_builder.engine.context import BuildContext
from site_builder.engine.mkdocs_build import LivePages
from site_builder.inputs.content_tree import check_page_file

WATCHED = ("content", "plans", "theme", "mkdocs.yml")
def page_address(file: str) -> str | None:
    """The address of the page a Markdown file of ``content/<lang>/`` becomes
    (``content/vi/news/x.md`` -> ``/vi/news/x/``); ``None`` for any other file."""
    parts = file.split("/")
    if len(parts) < 3 or parts[0] != "content" or parts[1] not in LANGUAGES or not file.endswith(".md"):
        return None
    parts[-1] = parts[-1].removesuffix(".md")
    if parts[-1] in ("index", "README"):
        parts.pop()
    return "/" + "/".join(parts[1:]) + "/"


def request_page(path: str) -> str:
    """A request's path as the page address :func:`page_address` gives (``/vi/x/index.html`` -> ``/vi/x/``)."""
    path = path.split("?", 1)[0]
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def after_body(page: bytes, insert: bytes) -> bytes:
    """``page`` with ``insert`` placed just inside its ``<body>`` (at the start when it has none)."""
    start = page.find(b"<body")
    end = page.find(b">", start) if start >= 0 else -1
    return page[:end + 1] + insert + page[end + 1:] if end >= 0 else insert + page


def watched(root: Path, path: str) -> Path | None:
    """The file an event names, when it is one the preview follows: inside a watched folder
    (or a watched file itself), and not an editor's hidden or backup file."""
    file = Path(path)
    try:
        rel = file.relative_to(root)
    except ValueError:
        return None
    if not rel.parts or rel.parts[0] not in WATCHED:
        return None
    if any(part.startswith((".", "~")) or part.endswith("~") for part in rel.parts):
        return None
    return file


class Changes(FileSystemEventHandler):
    """Collects the files that changed, as the operating system reports them (inotify on
    Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows: nothing is polled)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.paths: set[Path] = set()
        self.lock = threading.Lock()
        self.arrived = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or (event.is_directory and event.event_type == "modified"):
            return
        names = [event.src_path, getattr(event, "dest_path", "")]
        found = [p for name in names if name and (p := watched(self.root, os.fsdecode(name))) is not None]
        if found:
            with self.lock:
                self.paths.update(found)
            self.arrived.set()

    def take(self, quiet: float) -> list[Path]:
        """Wait for changes, then until none has come for ``quiet`` seconds (an editor's
        save is several events), and return them."""
        self.arrived.wait()
        while True:
            self.arrived.clear()
            if not self.arrived.wait(quiet):
                break
        with self.lock:
            paths, self.paths = sorted(self.paths), set()
        return paths


class Preview:
    """The state shared by the watcher, the builder and the request handler.

    A change to the text of an existing page takes the quick path: that page alone is
    checked and rendered into the preview at once (well under a second on a national
    corpus) and open tabs reload. Every change, quick or not, is then followed by a
    full build in the background, which brings lists, feeds and the search index up to
    date and shows data errors; a change made while it runs starts another one.
    """

    def __init__(self, root: Path, port: int) -> None:
        self.root = root
        self.port = port
        self.out = root / ".cache" / "preview"
        self.version = 0
        self.error: str | None = None
        self.lock = threading.Lock()
        self.live: dict[str, LivePages] = {}
        self.live_lock = threading.Lock()
        self.wanted = threading.Event()
        self.reload_after_build = False
        self.quick_paths: set[Path] = set()
        """Pages rendered on the quick path since the last full build started."""
        self.admin_written: dict[Path, bool] = {}
        """Whether ``/admin/`` was written in this run (:func:`site_builder.apps.cms.preview_response`)."""
        self.building_first = False
        """No build to serve yet (a fresh clone): pages answer that the first build is running."""
        self.broken_pages: set[str] = set()
        """Addresses (``/vi/news/x/``) of pages whose own Markdown file has an error."""

    def has_build(self) -> bool:
        """Whether a complete earlier build is there to serve (the build swaps its output in
        whole, so the marker and a home page mean one finished)."""
        return (self.out / MARKER).is_file() and any((self.out / lang / "index.html").is_file() for lang in LANGUAGES)

    def adopt_output(self) -> None:
        """Remove a preview folder that an older version of the kit built without the
        marker (:data:`~site_builder.apps.site_folder.MARKER`), which the build would otherwise
        refuse to replace. Only ``.cache/preview`` itself is concerned: the kit's own
        folder, never one a user chose, and never a symbolic link or a path that leads
        out of the project."""
        out = self.out
        if (out.is_symlink() or not out.is_dir() or (out / MARKER).exists()
                or not out.resolve().is_relative_to(self.root.resolve() / ".cache")):
            return
        shutil.rmtree(out)

    @property
    def site_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def rebuild(self, reload: bool = True) -> None:
        """A full build into the preview folder; tabs reload when ``reload`` or when the
        error state changes (a quick render already reloaded them otherwise)."""
        started = time.perf_counter()
        with self.live_lock:
            self.quick_paths = set()
        try:
            context = build_site(self.root, self.out, site_url=self.site_url, strict=False, workshop=True).context
            error = None
        except InputError as exc:
            error = exc.report()
            broken = {url for p in exc.problems if p.severity == "error" and (url := page_address(p.file))}
        except BuildError as exc:
            error = str(exc)
            broken = set()
        else:
            broken = set()
        with self.lock:
            changed_state = (error is None) != (self.error is None)
            self.error = error
            self.broken_pages = broken
            self.building_first = not self.has_build()
            if reload or changed_state:
                self.version += 1
        # The build read the files when it started: pages changed on the quick path
        # since then are rendered again so that the swap does not bring back old text.
        with self.live_lock:
            pending = set(self.quick_paths)
        if error is None:
            self.refresh_live(context)
            for path in pending:
                self.quick([path], bump=False)
        took = time.perf_counter() - started
        if error:
            print(f"LỖI / ERROR ({took:.1f} s):\n{error}\n", flush=True)
        else:
            print(f"đã dựng lại / rebuilt in {took:.1f} s", flush=True)

    def refresh_live(self, context: BuildContext | None = None) -> None:
        """New in-memory language builds for the quick path (none while data has errors)."""
        live: dict[str, LivePages] = {}
        try:
            context = context or make_context(self.root, {"site_url": self.site_url, "strict": False, "workshop": True})
            for lang in LANGUAGES:
                live[lang] = LivePages(context, lang, self.out / lang)
        except Exception as exc:  # the full build reports the problem; the quick path waits
            print(f"(xem nhanh tạm tắt / quick preview off: {type(exc).__name__}: {exc})", flush=True)
            live = {}
        with self.live_lock:
            old, self.live = self.live, live
        for pages in old.values():
            pages.close()

    def quick(self, changed: list[Path], bump: bool = True) -> bool:
        """Render the changed pages now if every change is the text of a page the
        preview already has and each passes its own checks; else leave it to the full build."""
        if self.error is not None:
            return False
        content = self.root / "content"
        with self.live_lock:
            todo = []
            for path in changed:
                lang = path.relative_to(content).parts[0] if path.is_relative_to(content) else None
                pages = self.live.get(lang or "")
                if lang is None or pages is None or not path.is_file() or not pages.owns(path):
                    return False
                page, problems = check_page_file(self.root, lang, path)
                if page is None or problems:
                    return False
                todo.append((pages, path, page))
            started = time.perf_counter()
            try:
                for pages, _, page in todo:
                    pages.render(page)
            except Exception:  # noqa: BLE001 - whatever MkDocs raised, the full build will report it
                return False
            self.quick_paths.update(path for _, path, _ in todo)
        if bump:
            with self.lock:
                self.version += 1
            took = (time.perf_counter() - started) * 1000
            print(f"đã cập nhật / updated {', '.join(str(p.relative_to(self.root)) for _, p, _ in todo)} "
                  f"in {took:.0f} ms", flush=True)
        return True

    def observe(self) -> tuple[BaseObserver, Changes]:
        """Start watching the inputs (each watched folder, and the project folder for the
        watched files at its top); the output folder is never watched."""
        changes = Changes(self.root)
        observer = Observer()
        for name in WATCHED:
            path = self.root / name
            if path.is_dir():
                observer.schedule(changes, str(path), recursive=True)
        observer.schedule(changes, str(self.root), recursive=False)
        observer.start()
        return observer, changes

    def watch(self, changes: Changes, quiet: float = 0.05) -> None:
        """Quick-render what can be of each batch of changes, and ask for a full build."""
        while True:
            changed = changes.take(quiet)
            done = self.quick(changed)
            with self.lock:
                self.reload_after_build = self.reload_after_build or not done
            self.wanted.set()

    def builder(self) -> None:
        """Run full builds one after the other while changes keep coming."""
        while True:
            self.wanted.wait()
            self.wanted.clear()
            with self.lock:
                reload, self.reload_after_build = self.reload_after_build, False
            self.rebuild(reload=reload)

    def banner(self) -> bytes:
        """The banner put at the top of every page served while the data has an error."""
        return (
            '<link rel="stylesheet" href="/__preview__/banner.css"><div id="preview-banner" role="alert"><strong>'
            "Bản xem trước đang hiện lần dựng trước: một tệp có lỗi, sửa rồi lưu. "
            "/ The preview shows the last good build: a file has an error; fix it and save.</strong>"
            f"<pre>{html.escape(self.error or '')}</pre></div>"
        ).encode()

    def waiting_page(self) -> bytes:
        """What a page answers on a fresh clone while the first build runs."""
        return """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Đang dựng bản xem trước / Building the preview</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/__preview__/banner.css"></head><body>
<div id="preview-banner" role="status"><strong>Đang dựng bản xem trước lần đầu; trang sẽ tự tải lại khi xong.
/ Building the preview for the first time; this page reloads by itself when it is ready.</strong></div>
<script src="/__preview__/reload.js"></script></body></html>""".encode()

    def error_page(self) -> bytes:
        body = html.escape(self.error or "")
        return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Lỗi dữ liệu / Data error</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}}
pre{{white-space:pre-wrap;background:#fff6cc;padding:1rem;border-left:4px solid #c8102e}}</style>
</head><body><h1>Bản xem trước chưa dựng được / The preview could not be built</h1>
<p>Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại. / Fix the errors below and save; this page reloads by itself.</p>
<pre id="preview-error">{body}</pre><script src="/__preview__/reload.js"></script></body></html>""".encode()
