"""Problems found in the input: where (file, line, column, field) and what, in both languages.

Every stage of loading collects problems instead of raising at the first one, so an
editor sees every mistake of a commit in one run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "notice"]
"""``notice``: worth telling the editor, never fatal (a page not yet translated)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place of one input file."""

    file: str
    """Path relative to the project root, with forward slashes."""
    line: int
    """1-based line; 0 when the problem is about the whole file."""
    column: int
    """1-based column; 0 when unknown."""
    field: str
    """Dotted path of the field (``activities[3].lead``), empty for the whole file."""
    vi: str
    """The message in Vietnamese, shown first."""
    en: str
    """The same message in English."""
    severity: Severity = "error"

    def location(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return where

    def format(self) -> str:
        """``file:line:col: field: <Vietnamese>`` then the English on an indented line."""
        label = {"error": "", "warning": "cảnh báo / warning: ", "notice": "lưu ý / note: "}[self.severity]
        field = f"{self.field}: " if self.field else ""
        return f"{self.location()}: {label}{field}{self.vi}\n    {self.en}"


@dataclass
class ProblemList:
    """Problems collected over a run, in a stable order for output."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == "error")

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == "warning")

    @property
    def notices(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == "notice")

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.file, p.line, p.column, p.field, p.severity))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


class InputError(Exception):
    """Raised when the input has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        summary = f"{len(problems)} problem(s) in the input"
        super().__init__(summary)

    def report(self) -> str:
        return "\n".join(p.format() for p in self.problems)
