"""Problems found in the data, and where they are.

One value type for every problem: file, line, field path, message, severity. Loading and
validation collect them all; the caller prints each on its own line and aborts once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Protocol

PathPart = str | int
Path = tuple[PathPart, ...]


def format_path(path: Path) -> str:
    """``("tasks", 7, "window", "end")`` -> ``tasks[7].window.end``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def show_value(value: Any, limit: int = 60) -> str:
    """A short, quoted rendering of a user's value for the （实际值：…） part of a message."""
    if isinstance(value, str):
        shown = value if len(value) <= limit else value[:limit] + "…"
        return f"'{shown}'"
    if isinstance(value, dict):
        return "一个映射（键: 值）"
    if isinstance(value, list):
        return f"一个列表（{len(value)} 项）"
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class LineMap(Protocol):
    """``path -> line`` for one file: a dict, or a map that reads the lines only when asked."""

    def __contains__(self, path: object, /) -> bool: ...

    def __getitem__(self, path: Path, /) -> int: ...


@dataclass(frozen=True)
class Origin:
    """Where a record sits: its file, its path inside the file, and the file's line map."""

    file: str
    path: Path
    lines: LineMap = field(repr=False, compare=False, hash=False)

    def line(self, *sub: PathPart) -> int:
        """The line of ``path + sub``, or of its nearest ancestor that exists in the file."""
        full = self.path + sub
        while full:
            if full in self.lines:
                return self.lines[full]
            full = full[:-1]
        return self.lines[()] if () in self.lines else 1  # noqa: SIM401 - a LineMap has no get()

    def field(self, *sub: PathPart) -> str:
        return format_path(self.path + sub)

    def child(self, *sub: PathPart) -> Origin:
        return Origin(self.file, self.path + sub, self.lines)


class Severity(str, Enum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located to a file and line."""

    file: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.error

    @classmethod
    def at(
        cls,
        origin: Origin,
        sub: Path,
        message: str,
        severity: Severity = Severity.error,
    ) -> Problem:
        return cls(origin.file, origin.line(*sub), origin.field(*sub), message, severity)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.error

    def __str__(self) -> str:
        # One problem, one line: a user's value quoted in a message may hold line breaks.
        message = " ".join(self.message.split())
        prefix = "" if self.is_error else "警告："
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {prefix}{message}" if self.field else f"{where}: {prefix}{message}"


class DataError(Exception):
    """The data has errors; carries all problems (warnings included) found before giving up."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        errors = sum(1 for p in self.problems if p.is_error)
        super().__init__(f"数据检查发现 {errors} 个错误")


def closest(word: str, choices: list[str]) -> str | None:
    """The choice ``word`` is a slip of the pen for, or None when none is that close.

    A slip is a letter or two typed wrong, left out, doubled or swapped (``stauts`` for
    ``status``); a word that merely shares letters with a field is not offered, since a
    wrong suggestion misleads more than none.
    """
    allowed = 1 if len(word) <= 4 else 2 if len(word) <= 10 else 3
    best = min(choices, key=lambda choice: edits(word, choice), default=None)
    return best if best is not None and edits(word, best) <= allowed else None


def edits(a: str, b: str) -> int:
    """Letters to change, add, drop or swap with the next to turn ``a`` into ``b`` (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Errors and warnings in file and line order, duplicates dropped."""
    return sorted(set(problems))
