"""Dataset problems, reported as one line each: `file:line: field: message`."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the project, with forward slashes
    field: str  # like `versions[1].date`, or "" for the whole file
    message: str
    line: int | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"

    def github_annotation(self) -> str:
        # GitHub Actions shows these on the changed line of a pull request.
        line = f",line={self.line}" if self.line else ""
        field = f"{self.field}: " if self.field else ""
        return f"::{self.severity} file={self.path}{line}::{field}{self.message}"


class DataError(Exception):
    """The dataset is unusable; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem], not_checked: list[str] | None = None):
        self.problems = problems
        # What could not be checked because of these problems (say so: more may follow once fixed).
        self.not_checked = list(not_checked or [])
        super().__init__("\n".join(str(p) for p in problems))


def display_path(path: str, root: str) -> str:
    """A path as a contributor sees it in the repository."""
    try:
        rel = os.path.relpath(path, root)
    except ValueError:
        rel = path
    if rel.startswith(".."):
        rel = path
    return rel.replace(os.sep, "/")
