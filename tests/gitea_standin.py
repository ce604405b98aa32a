"""A stand-in for a Gitea/Forgejo host on 127.0.0.1, backed by a real Git repository, so that a
browser test can watch a save in the CMS become a commit (``tests/test_cms.py``).

Only the REST endpoints Sveltia CMS 0.221.1 calls for its ``gitea`` backend are answered (read
from ``cms/node_modules/@sveltia/cms/dist/sveltia-cms.js``: the sign-in with a token, the repository
and branch look-ups, the tree and file contents it loads, and the one endpoint it commits
through, ``POST /repos/{owner}/{repo}/contents``, Gitea 1.24's change-files API). Each answers
from the repository with Git's own plumbing, so a commit is a real commit: its tree, author
and message are what Git records. The same server also serves ``/admin/`` (the CMS configured
for this host), so the page and the API share one origin, as an editor's browser sees a
portal's ``/admin/`` talking to the province's Git host through its own address.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from site_builder.apps import cms

OWNER, REPO, BRANCH = "so-ngoai-vu", "chuyen-muc-asean", "main"
TOKEN = "token-of-the-editor"
USER = {"id": 7, "login": "bientap", "full_name": "Nguyễn Thị Biên Tập", "email": "bientap@sonv.example.gov.vn",
        "avatar_url": "", "html_url": ""}
"""The editor the token signs in (Gitea's ``GET /user``): the commit's author."""
API = "/api/v1"


def git(repo: Path, *args: str, data: bytes | None = None, env: dict[str, str] | None = None) -> bytes:
    """Run Git in ``repo`` and return its output (fails loudly)."""
    return subprocess.run(["git", "-C", str(repo), *args], input=data, capture_output=True, check=True,
                          env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo), **(env or {})}).stdout


def init_repository(repo: Path) -> str:
    """Make ``repo`` (a copy of the project's inputs) a Git repository with one commit on
    ``main``; returns that commit."""
    git(repo, "init", "-q", "-b", BRANCH)
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Kho", "-c", "user.email=kho@example.gov.vn", "commit", "-q", "-m", "Khởi tạo / Initial")
    return git(repo, "rev-parse", BRANCH).decode().strip()


class GiteaStandIn:
    """The API's answers, from a repository (its work tree is left alone: commits are made
    with a private index, as a server's bare repository would)."""

    def __init__(self, repo: Path) -> None:
        self.repo = repo
        self.lock = threading.Lock()
        self.calls: list[str] = []
        """``METHOD path`` of every API request, for the test to show what the CMS asked."""

    def head(self) -> str:
        return git(self.repo, "rev-parse", BRANCH).decode().strip()

    def show(self, path: str) -> bytes:
        return git(self.repo, "show", f"{BRANCH}:{path}")

    def answer(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> tuple[int, Any]:
        """Status and JSON (or bytes) for one API call; 404 for anything the CMS does not call."""
        repo = f"/repos/{OWNER}/{REPO}"
        if method == "GET" and path == "/version":
            return 200, {"version": "1.24.0"}
        if method == "GET" and path == "/user":
            return 200, USER
        if method == "GET" and path == "/settings/api":
            return 200, {"default_paging_num": 50, "max_response_items": 50, "default_max_blob_size": 10485760,
                         "default_max_response_size": 104857600, "default_git_trees_per_page": 1000}
        if method == "GET" and path == repo:
            return 200, {"name": REPO, "full_name": f"{OWNER}/{REPO}", "default_branch": BRANCH,
                         "permissions": {"admin": False, "push": True, "pull": True}}
        if method == "GET" and path == f"{repo}/branches/{BRANCH}":
            head = self.head()
            message = git(self.repo, "log", "-1", "--format=%B", head).decode()
            return 200, {"name": BRANCH, "commit": {"id": head, "message": message}}
        if method == "GET" and path.startswith(f"{repo}/git/trees/"):
            if query.get("page", ["1"])[0] != "1":
                return 200, {"tree": [], "truncated": False}
            ref = unquote(path.rsplit("/", 1)[1])
            tree = []
            for line in git(self.repo, "ls-tree", "-r", "-l", ref).decode().splitlines():
                meta, name = line.split("\t", 1)
                _, kind, sha, size = meta.split()
                tree.append({"path": name, "type": kind, "sha": sha, "size": int(size) if size != "-" else 0})
            return 200, {"sha": ref, "tree": tree, "truncated": False}
        if method == "POST" and path == f"{repo}/file-contents":
            return 200, [{"path": p, "type": "file", "encoding": "base64",
                          "content": base64.b64encode(self.show(p)).decode()} for p in body["files"]]
        for prefix in (f"{repo}/media/{BRANCH}/", f"{repo}/raw/"):
            if method == "GET" and path.startswith(prefix):
                return 200, self.show(unquote(path[len(prefix):]))
        if method == "GET" and path == f"{repo}/commits":
            return 200, self.commits(query.get("path", [""])[0])
        if method == "POST" and path == f"{repo}/contents":
            return self.commit(body)
        return 404, {"message": "not found"}

    def commits(self, path: str) -> list[dict[str, Any]]:
        out = []
        log = git(self.repo, "log", "--format=%H%x00%an%x00%ae%x00%aI", BRANCH, "--", path).decode()
        for line in log.splitlines():
            sha, name, email, date = line.split("\0")
            out.append({"sha": sha, "created": date, "commit": {"author": {"name": name, "email": email, "date": date}},
                        "author": {"login": USER["login"] if email == USER["email"] else "", "avatar_url": ""}})
        return out

    def commit(self, body: dict[str, Any]) -> tuple[int, Any]:
        """Gitea's change-files: every operation of the request in one commit on the branch."""
        if body.get("branch") != BRANCH:
            return 422, {"message": "unknown branch"}
        with self.lock:
            parent = self.head()
            index = self.repo / ".git" / "standin-index"
            env = {"GIT_INDEX_FILE": str(index)}
            git(self.repo, "read-tree", parent, env=env)
            files = []
            for op in body["files"]:
                if op["operation"] == "delete":
                    git(self.repo, "update-index", "--force-remove", op["path"], env=env)
                    files.append(None)
                    continue
                if op.get("from_path") and op["from_path"] != op["path"]:
                    git(self.repo, "update-index", "--force-remove", op["from_path"], env=env)
                sha = git(self.repo, "hash-object", "-w", "--stdin", data=base64.b64decode(op["content"])).decode().strip()
                git(self.repo, "update-index", "--add", "--cacheinfo", f"100644,{sha},{op['path']}", env=env)
                files.append({"path": op["path"], "sha": sha})
            tree = git(self.repo, "write-tree", env=env).decode().strip()
            index.unlink()
            author, committer = body["author"], body["committer"]
            commit = git(self.repo, "commit-tree", tree, "-p", parent, "-m", body["message"], env={
                "GIT_AUTHOR_NAME": author["name"], "GIT_AUTHOR_EMAIL": author["email"],
                "GIT_AUTHOR_DATE": body["dates"]["author"], "GIT_COMMITTER_NAME": committer["name"],
                "GIT_COMMITTER_EMAIL": committer["email"], "GIT_COMMITTER_DATE": body["dates"]["committer"],
            }).decode().strip()
            git(self.repo, "update-ref", f"refs/heads/{BRANCH}", commit, parent)
        created = git(self.repo, "log", "-1", "--format=%cI", commit).decode().strip()
        return 201, {"commit": {"sha": commit, "created": created}, "files": files}


def serve(repo: Path, admin_dir: Path) -> tuple[ThreadingHTTPServer, GiteaStandIn, str]:
    """Start the stand-in and ``/admin/`` on a free port of 127.0.0.1: the server, the API and
    the address. ``admin_dir`` receives the CMS configured for this host."""
    api = GiteaStandIn(repo)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(api, admin_dir))
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    cfg = cms.config(repo, cms.GitBackend("gitea", repo=f"{OWNER}/{REPO}", branch=BRANCH, base_url=url))
    cms.write_admin(cms_root(), admin_dir, cfg)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, api, url


def cms_root() -> Path:
    """The project (where the vendored CMS is installed)."""
    return Path(__file__).resolve().parent.parent


def _handler(api: GiteaStandIn, admin_dir: Path) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
            pass

        def do_GET(self) -> None:  # noqa: N802 - stdlib name
            self.route()

        def do_POST(self) -> None:  # noqa: N802 - stdlib name
            self.route()

        def route(self) -> None:
            url = urlsplit(self.path)
            if url.path == "/admin" or url.path.startswith("/admin/"):
                status, content_type, data = cms.admin_file(admin_dir, url.path)
                self.send(status, content_type, data, {"Content-Security-Policy": cms.admin_policy()})
                return
            if not url.path.startswith(API + "/"):
                self.send(404, "text/plain", b"not found\n")
                return
            if self.headers.get("Authorization") != f"token {TOKEN}":
                self.send(401, "application/json", b'{"message":"token is required"}')
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            path = re.sub(r"/+$", "", url.path[len(API):])
            api.calls.append(f"{self.command} {path}")
            status, answer = api.answer(self.command, path, parse_qs(url.query), body)
            if isinstance(answer, bytes):
                self.send(status, "application/octet-stream", answer)
            else:
                self.send(status, "application/json", json.dumps(answer).encode())

        def send(self, status: int, content_type: str, data: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

    return Handler
