"""``check --format``: located problems as the annotations a CI host shows on a commit.

GitHub Actions reads workflow commands from the log (``::error file=…,line=…::``);
GitLab reads a Code Quality report (a JSON list) named in ``artifacts:reports:codequality``
and shows it on the merge request. Both carry the same file, line and bilingual message
as the plain output.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from site_builder.core.problems import Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problem: Problem) -> str:
    """One GitHub Actions workflow command (``error``, ``warning`` or ``notice``)."""
    props = [f"file={_escape_property(problem.file)}"]
    if problem.line:
        props.append(f"line={problem.line}")
        if problem.column:
            props.append(f"col={problem.column}")
    field = f"{problem.field}: " if problem.field else ""
    title = _escape_property(problem.field or problem.file)
    message = _escape_data(f"{field}{problem.vi}\n{problem.en}")
    return f"::{problem.severity} {','.join(props)},title={title}::{message}"


GITLAB_SEVERITY = {"error": "major", "warning": "minor", "notice": "info"}


def gitlab(problems: Iterable[Problem]) -> str:
    """A GitLab Code Quality report: one entry per problem, with a stable fingerprint."""
    entries = []
    for problem in problems:
        field = f"{problem.field}: " if problem.field else ""
        description = f"{field}{problem.vi} / {problem.en}"
        key = f"{problem.file}|{problem.line}|{problem.field}|{problem.en}"
        entries.append({
            "description": description,
            "check_name": "site_builder-check",
            "fingerprint": hashlib.sha256(key.encode()).hexdigest(),
            "severity": GITLAB_SEVERITY[problem.severity],
            "location": {"path": problem.file, "lines": {"begin": max(problem.line, 1)}},
        })
    return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"
