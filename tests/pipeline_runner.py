"""Run a pipeline of docs/deploy/ as its host would on a fresh runner, here.

Both runners parse the pipeline's YAML and run its jobs in order, each in a clean clone of
the repository (``git clone``, then the working tree's uncommitted changes, so that a test run
checks what is being edited; in CI the two are the same), with the pipeline's variables set.

- GitHub Actions and Gitea Actions (:class:`ActionsRunner`): jobs in the order of ``needs``,
  ``if:`` conditions and ``${{ }}`` expressions evaluated, job and step outputs, a one-key
  matrix. Each ``run:`` step runs in ``bash -eo pipefail`` as on the hosted runners. ``uses:``
  steps are emulated where it matters: checkout is the clone, setup-python puts Python on
  ``PATH``, upload/download-artifact copy a folder through a store (v3 and v4 semantics), the
  Pages actions keep and "deploy" their folder; the cache actions do nothing. Any other action
  fails the run, so a new one gets an emulation here.
- GitLab CI (:class:`GitLabRunner`): jobs by stage, ``rules:if``, ``default:before_script``,
  artifacts passed on to later jobs (or to those that ``needs`` them), the environment URL.

Only what reaches the network is faked, by commands put first on ``PATH`` that record their
arguments (:data:`FAKE`, :data:`AWS`): ``rsync``, ``ssh`` and ``aws`` (the deploy), which copy what they
would upload into a folder standing for the server or bucket, and ``pip`` (the package index),
which records what it is asked to install; the Python it stands beside already has the
runtime dependencies of requirements.lock, and ``python -m site_builder`` imports the clone's
own code.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent

FAKE = r'''#!{python}
"""A stand-in for a network command: records its arguments, copies what it would upload."""
import json, os, pathlib, shutil, sys

name = pathlib.Path(sys.argv[0]).name
args = sys.argv[1:]
known = pathlib.Path(os.environ["HOME"]) / ".ssh" / "known_hosts"
with open(os.environ["FAKE_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps({{"cmd": name, "args": args, "cwd": os.getcwd(),
                          "known_hosts": known.read_text() if known.exists() else None}}) + "\n")
remote = pathlib.Path(os.environ["FAKE_REMOTE"])


def put(src, dest):
    src = pathlib.Path(src)
    dest = remote / dest.lstrip("/")
    if src.is_dir():
        shutil.copytree(src, dest, dirs_exist_ok=True)
    else:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)


if name == "rsync":
    paths = [a for i, a in enumerate(args) if not a.startswith("-") and args[i - 1] != "-e"]
    put(paths[-2], paths[-1].split(":", 1)[1])
'''
AWS = r'''#!/bin/bash
# A stand-in for aws (called once per pre-compressed file: a shell script, for speed): records
# its arguments, copies what "s3 sync" and "s3 cp" would upload into the bucket's folder.
{ printf '%s' "$PWD"; for a in "$@"; do printf '\x1f%s' "$a"; done; printf '\x1e'; } >> "$FAKE_LOG.aws"
args=("$@")
for i in "${!args[@]}"; do
  if [ "${args[$i]}" = s3 ]; then
    src=${args[$((i + 2))]}; dest="$FAKE_REMOTE/${args[$((i + 3))]#s3://}"
    case "${args[$((i + 1))]}" in
      sync) mkdir -p "$dest" && cp -r "$src"/. "$dest"/ ;;
      cp) mkdir -p "$(dirname "$dest")" && cp "$src" "$dest" ;;
    esac
    break
  fi
done
'''
FAKES = ("rsync", "ssh", "pip")


@dataclass
class Workshop:
    """What a run may use and leaves behind: the fake commands' folder and log, the folder
    standing for the server or bucket, the artifact store, the clones."""

    tmp: Path
    bin: Path = field(init=False)
    log: Path = field(init=False)
    remote: Path = field(init=False)
    store: Path = field(init=False)
    home: Path = field(init=False)

    def __post_init__(self) -> None:
        self.bin, self.remote, self.store, self.home = (self.tmp / n for n in ("bin", "remote", "artifacts", "home"))
        for folder in (self.bin, self.remote, self.store, self.home):
            folder.mkdir(parents=True, exist_ok=True)
        self.log = self.tmp / "fake.log"
        self.log.touch()
        for name in FAKES:
            _executable(self.bin / name, FAKE.format(python=sys.executable))
        _executable(self.bin / "aws", AWS)
        # setup-python / the image's Python: this interpreter, whose environment holds the runtime dependencies
        for name in ("python", "python3"):
            _executable(self.bin / name, f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')

    def calls(self, cmd: str) -> list[dict[str, Any]]:
        """The calls of the fake ``cmd``, in order: its arguments, where it ran and the known hosts then."""
        if cmd == "aws":
            log = Path(f"{self.log}.aws")
            records = log.read_text(encoding="utf-8").split("\x1e")[:-1] if log.exists() else []
            return [{"cmd": "aws", "cwd": r.split("\x1f")[0], "args": r.split("\x1f")[1:], "known_hosts": None}
                    for r in records]
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [c for c in map(json.loads, lines) if c["cmd"] == cmd]

    def env(self, extra: dict[str, str]) -> dict[str, str]:
        return {"PATH": f"{self.bin}:/usr/local/bin:/usr/bin:/bin", "HOME": str(self.home), "LANG": "C.UTF-8",
                "FAKE_LOG": str(self.log), "FAKE_REMOTE": str(self.remote), "PYTHONDONTWRITEBYTECODE": "1",
                **extra}

    def clone(self, name: str) -> Path:
        """A clean clone of the repository with the working tree's changes on top."""
        target = self.tmp / "jobs" / name
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True)
        status = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "-z", "--untracked-files=all"],
                                capture_output=True, text=True, check=True).stdout
        entries = status.split("\0")
        i = 0
        while i < len(entries):
            entry = entries[i]
            i += 1
            if not entry:
                continue
            code, path = entry[:2], entry[3:]
            if "R" in code or "C" in code:
                i += 1  # the rename's source follows
            src, dest = ROOT / path, target / path
            if src.is_file():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest)
            elif not src.exists() and dest.exists():
                dest.unlink()
        return target


def _executable(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)


def _copy(src: Path, dest: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dest, dirs_exist_ok=True)
    else:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)


@dataclass
class Step:
    job: str
    name: str
    returncode: int
    output: str


@dataclass
class Result:
    """What a pipeline run did: every step with its output, the jobs run, skipped and failed."""

    steps: list[Step] = field(default_factory=list)
    jobs: dict[str, str] = field(default_factory=dict)
    """Job (with its matrix value) → success, failure or skipped."""
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    uses: list[str] = field(default_factory=list)
    """Every action a ``uses:`` step named, with its version."""
    environments: dict[str, str] = field(default_factory=dict)
    """Job → the URL of its environment."""

    @property
    def output(self) -> str:
        return "\n".join(f"[{s.job}] {s.name}\n{s.output}" for s in self.steps)

    @property
    def green(self) -> bool:
        return bool(self.jobs) and "failure" not in self.jobs.values()


# ── GitHub Actions and Gitea Actions ────────────────────────────────────────────────────

_TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>\d+(?:\.\d+)?)|(?P<op>==|!=|&&|\|\||!|\(|\)|,)"
                    r"|(?P<name>[A-Za-z_][\w-]*(?:\.[\w*-]+)*))")
_EXPR = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)


def evaluate(expr: str, context: dict[str, Any]) -> Any:
    """A GitHub Actions expression: literals, context paths (``vars.X`` is '' when unset),
    ``== != && || !``, parentheses, ``fromJSON`` and ``hashFiles``."""
    out, pos = [], 0
    expr = expr.strip()
    while pos < len(expr):
        match = _TOKEN.match(expr, pos)
        if match is None or match.end() == pos:
            raise ValueError(f"cannot read the expression {expr!r} at {pos}")
        pos = match.end()
        if match["str"] is not None:
            out.append(repr(match["str"][1:-1].replace("''", "'")))
        elif match["num"] is not None:
            out.append(match["num"])
        elif match["op"] is not None:
            out.append({"&&": " and ", "||": " or ", "!": " not "}.get(match["op"], match["op"]))
        else:
            name = match["name"]
            if expr[pos:].lstrip().startswith("("):
                out.append({"fromJSON": "_fromjson", "hashFiles": "_hash", "toJSON": "_tojson"}[name])
            elif name in ("true", "false", "null"):
                out.append({"true": "True", "false": "False", "null": "None"}[name])
            else:
                out.append(f"_get({name!r})")

    def get(path: str) -> Any:
        value: Any = context
        for part in path.split("."):
            value = value.get(part, "") if isinstance(value, dict) else ""
        return value

    return eval("".join(out), {"__builtins__": {}}, {  # noqa: S307 - our own pipeline files
        "_get": get, "_fromjson": json.loads, "_tojson": json.dumps, "_hash": lambda *a: "hash"})


def interpolate(value: Any, context: dict[str, Any]) -> Any:
    """``${{ }}`` in a string: a string made of one expression gives its value as is."""
    if not isinstance(value, str):
        return value
    whole = _EXPR.fullmatch(value.strip())
    if whole:
        return evaluate(whole[1], context)

    def text(match: re.Match[str]) -> str:
        result = evaluate(match[1], context)
        return json.dumps(result) if isinstance(result, (list, dict)) else str(result)

    return _EXPR.sub(text, value)


class ActionsRunner:
    """Runs a GitHub or Gitea Actions workflow (see the module's docstring)."""

    def __init__(self, workflow: Path, shop: Workshop, *, vars: dict[str, str], secrets: dict[str, str],
                 event: str = "push", ref: str = "refs/heads/main", only: dict[str, list[str]] | None = None,
                 skip: dict[str, dict[str, str]] | None = None) -> None:
        self.doc = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        self.shop, self.vars, self.secrets = shop, vars, secrets
        self.event, self.ref = event, ref
        self.only = only or {}
        """Job → the matrix values to run (a subset of the matrix: the test's time)."""
        self.skip = skip or {}
        """Job → outputs: taken as run, with these outputs."""
        self.result = Result()

    def order(self) -> list[str]:
        jobs, done, order = self.doc["jobs"], set(), []
        while len(order) < len(jobs):
            ready = [j for j in jobs if j not in done and set(_list(jobs[j].get("needs"))) <= done]
            assert ready, "a cycle in needs"
            order.append(ready[0])
            done.add(ready[0])
        return order

    def run(self) -> Result:
        needs: dict[str, dict[str, Any]] = {}
        for name in self.order():
            job = self.doc["jobs"][name]
            if name in self.skip:
                needs[name] = {"result": "success", "outputs": self.skip[name]}
                continue
            context = self._context(needs, {}, {})
            if any(needs.get(n, {}).get("result") != "success" for n in _list(job.get("needs"))) or (
                    "if" in job and not evaluate(_strip(job["if"]), context)):
                self.result.jobs[name] = "skipped"
                needs[name] = {"result": "skipped", "outputs": {}}
                continue
            entries: list[dict[str, Any]] = [{}]
            if "strategy" in job:
                ((key, values),) = job["strategy"]["matrix"].items()
                values = interpolate(values, context)
                self.result.outputs[f"{name}.matrix"] = {"values": json.dumps(values)}
                chosen = self.only.get(name, values)
                assert set(chosen) <= set(values), (chosen, values)
                entries = [{key: v} for v in chosen]
            results, outputs = [], {}
            for matrix in entries:
                label = name + "".join(f" ({v})" for v in matrix.values())
                ok, outputs = self._job(label, job, needs, matrix)
                self.result.jobs[label] = "success" if ok else "failure"
                results.append(ok)
            needs[name] = {"result": "success" if all(results) else "failure", "outputs": outputs}
        return self.result

    def _context(self, needs: dict[str, Any], matrix: dict[str, Any], steps: dict[str, Any],
                 workspace: Path | None = None) -> dict[str, Any]:
        return {"github": {"event_name": self.event, "ref": self.ref, "workspace": str(workspace or "")},
                "vars": self.vars, "secrets": self.secrets, "matrix": matrix, "needs": needs, "steps": steps,
                "runner": {"os": "Linux"}}

    def _job(self, label: str, job: dict[str, Any], needs: dict[str, Any],
             matrix: dict[str, Any]) -> tuple[bool, dict[str, str]]:
        ws = self.shop.clone(label.replace(" ", "-").replace("(", "").replace(")", ""))
        steps: dict[str, dict[str, Any]] = {}
        for index, step in enumerate(job["steps"]):
            context = self._context(needs, matrix, steps, ws)
            env = {k: str(interpolate(v, context)) for scope in (self.doc.get("env", {}), job.get("env", {}),
                                                                 step.get("env", {})) for k, v in scope.items()}
            name = step.get("name") or step.get("uses") or step["run"].splitlines()[0]
            if "uses" in step:
                self.result.uses.append(step["uses"])
                outputs = self._uses(step["uses"], {k: interpolate(v, context) for k, v in step.get("with", {}).items()},
                                     ws)
                self.result.steps.append(Step(label, name, 0, ""))
            else:
                out_file = self.shop.tmp / "outputs" / f"{label}-{index}"
                out_file.parent.mkdir(exist_ok=True)
                out_file.write_text("", encoding="utf-8")
                script = interpolate(step["run"], context)
                full_env = self.shop.env({"GITHUB_OUTPUT": str(out_file), "GITHUB_WORKSPACE": str(ws), "CI": "true",
                                          "GITHUB_EVENT_NAME": self.event, "GITHUB_REF": self.ref, **env})
                run = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=ws,
                                     env=full_env, capture_output=True, text=True, timeout=900)
                self.result.steps.append(Step(label, name, run.returncode, run.stdout + run.stderr))
                if run.returncode != 0:
                    return False, {}
                outputs = dict(line.split("=", 1) for line in out_file.read_text(encoding="utf-8").splitlines() if line)
            if "id" in step:
                steps[step["id"]] = {"outputs": outputs}
        context = self._context(needs, matrix, steps, ws)
        if "environment" in job and isinstance(job["environment"], dict) and "url" in job["environment"]:
            self.result.environments[label] = str(interpolate(job["environment"]["url"], context))
        return True, {k: str(interpolate(v, context)) for k, v in job.get("outputs", {}).items()}

    def _uses(self, uses: str, inputs: dict[str, Any], ws: Path) -> dict[str, str]:
        action, _, version = uses.partition("@")
        store = self.shop.store
        if action in ("actions/checkout", "actions/cache", "actions/setup-python"):
            return {}  # the job's workspace is the clone; a cache only saves time; Python is on PATH
        if action == "actions/upload-artifact":
            src = ws / inputs["path"]
            assert src.is_dir() and any(src.iterdir()), f"{uses}: nothing at {inputs['path']}"
            assert not (store / inputs["name"]).exists(), f"{uses}: artifact {inputs['name']} uploaded twice"
            _copy(src, store / inputs["name"])
            return {}
        if action == "actions/download-artifact":
            dest = ws / inputs.get("path", ".")
            names = sorted(p.name for p in store.iterdir())
            if "name" in inputs:
                _copy(store / inputs["name"], dest)
                return {}
            if "pattern" in inputs:
                assert version != "v3", "download-artifact@v3 has no 'pattern'"
                names = [n for n in names if fnmatch.fnmatch(n, inputs["pattern"])]
            assert names, f"{uses}: no artifact to download"
            for n in names:  # several artifacts: each into a folder of its name
                _copy(store / n, dest / n)
            return {}
        if action == "actions/upload-pages-artifact":
            src = ws / inputs.get("path", "_site")
            assert (src / "index.html").is_file(), f"{uses}: no index.html at the root of {inputs.get('path')}"
            _copy(src, store / "github-pages")
            return {}
        if action == "actions/deploy-pages":
            assert (store / "github-pages").is_dir(), "deploy-pages without an uploaded Pages artifact"
            _copy(store / "github-pages", self.shop.remote / "pages")
            return {"page_url": "https://pages.invalid/"}
        raise AssertionError(f"no emulation for {uses}: add one to tests/pipeline_runner.py")


def _list(value: Any) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def _strip(condition: str) -> str:
    whole = _EXPR.fullmatch(condition.strip())
    return whole[1] if whole else condition


# ── GitLab CI ───────────────────────────────────────────────────────────────────────────

RESERVED = {"image", "stages", "variables", "cache", "default", "include", "workflow", "services",
            "before_script", "after_script"}


def gitlab_condition(condition: str, variables: dict[str, str]) -> bool:
    """A ``rules:if``: ``$VAR``, quoted strings, ``== != && ||`` and parentheses."""
    tokens = re.findall(r'\$\w+|"[^"]*"|\'[^\']*\'|==|!=|&&|\|\||\(|\)', condition)
    out = []
    for token in tokens:
        if token.startswith("$"):
            value = variables.get(token[1:])
            out.append(repr(value) if value else "None")
        elif token[0] in "\"'":
            out.append(repr(token[1:-1]))
        else:
            out.append({"&&": " and ", "||": " or "}.get(token, token))
    return bool(eval("".join(out), {"__builtins__": {}}, {}))  # noqa: S307 - our own pipeline files


def gitlab_expand(text: str, variables: dict[str, str]) -> str:
    return re.sub(r"\$\{?(\w+)\}?", lambda m: variables.get(m[1], ""), text)


class GitLabRunner:
    """Runs a GitLab CI pipeline (see the module's docstring)."""

    def __init__(self, pipeline: Path, shop: Workshop, *, variables: dict[str, str],
                 reuse: Result | None = None) -> None:
        self.doc = yaml.safe_load(pipeline.read_text(encoding="utf-8"))
        self.shop, self.variables = shop, variables
        self.reuse = reuse
        """A run of the same commit whose jobs and artifacts are taken instead of running them again."""
        self.result = Result()

    def run(self) -> Result:
        doc = self.doc
        variables = {**{k: str(v) for k, v in doc.get("variables", {}).items()}, **self.variables}
        jobs = {k: v for k, v in doc.items() if k not in RESERVED and not k.startswith(".")}
        done: list[str] = []
        for stage in doc["stages"]:
            for name, job in jobs.items():
                if job.get("stage", "test") != stage:
                    continue
                rules = job.get("rules")
                if rules is not None and not any(gitlab_condition(r["if"], variables) for r in rules if "if" in r):
                    self.result.jobs[name] = "skipped"
                    continue
                if self.reuse is not None and self.reuse.jobs.get(name) == "success":
                    self.result.jobs[name] = "success"
                    done.append(name)
                    continue
                ok = self._job(name, job, variables, _list(job["needs"]) if "needs" in job else done)
                self.result.jobs[name] = "success" if ok else "failure"
                if not ok:
                    return self.result
                done.append(name)
        return self.result

    def _job(self, name: str, job: dict[str, Any], variables: dict[str, str], inputs: list[str]) -> bool:
        ws = self.shop.clone(name)
        for source in inputs:  # artifacts of earlier jobs
            folder = self.shop.store / source
            if folder.is_dir():
                _copy(folder, ws)
        env = {**variables, **{k: str(v) for k, v in job.get("variables", {}).items()}}
        env = {k: gitlab_expand(v, {**env, "CI_PROJECT_DIR": str(ws)}) for k, v in env.items()}
        env.update({"CI_PROJECT_DIR": str(ws), "CI": "true", "CI_JOB_URL": f"https://gitlab.invalid/jobs/{name}"})
        before = job.get("before_script", self.doc.get("default", {}).get("before_script", []))
        lines = [*before, *job["script"]]
        run = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", "\n".join(lines)], cwd=ws,
                             env=self.shop.env(env), capture_output=True, text=True, timeout=900)
        self.result.steps.append(Step(name, "script", run.returncode, run.stdout + run.stderr))
        if run.returncode != 0:
            return False
        for path in job.get("artifacts", {}).get("paths", []):
            assert (ws / path).exists(), f"{name}: artifact path {path} missing"
            _copy(ws / path, self.shop.store / name / path)
        environment = job.get("environment")
        if isinstance(environment, dict) and "url" in environment:
            self.result.environments[name] = gitlab_expand(environment["url"], env)
        return True
