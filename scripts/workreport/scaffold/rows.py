"""The new entry's lines: rows of YAML text, each with its Chinese comment, rendered in a file's layout."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..textwidth import cells
from ..yamlappend import scalar


@dataclass(frozen=True)
class Row:
    """One line of the new entry: ``depth`` levels below the entry's keys, text and a comment."""

    depth: int
    text: str
    comment: str = ""


def put(depth: int, key: str, value: Any, comment: str = "") -> Row:
    return Row(depth, f"{key}: {scalar(value)}", comment)


def open_key(depth: int, key: str, comment: str = "") -> Row:
    return Row(depth, f"{key}:", comment)


def hint(depth: int, text: str) -> Row:
    """A comment line of its own, e.g. an example entry to copy."""
    return Row(depth, "", text)


def empty_log(key: str, example: str, what: str) -> list[Row]:
    """An empty dated log, with a commented example entry to copy below it."""
    return [put(0, key, [], f"{what}：删去 []，在下一行起按示例逐条追加"), hint(1, f"- {example}")]


# ---------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class Layout:
    """How a file writes its list items: ``  - id:`` is dash 2, key 4; nested keys ``step`` deeper."""

    dash: int = 2
    key: int = 4
    step: int = 2


ALIGN_LIMIT = 48  # lines wider than this many cells (a long title) keep their comment two spaces away


def render_item(rows: Sequence[Row], layout: Layout) -> list[str]:
    """The entry's lines, without line endings, comments aligned in one column."""
    bodies: list[tuple[str, str]] = []
    for index, row in enumerate(rows):
        if index == 0:
            lead = " " * layout.dash + "-" + " " * (layout.key - layout.dash - 1)
        else:
            lead = " " * (layout.key + row.depth * layout.step)
        bodies.append((lead + row.text, row.comment) if row.text else (f"{lead}# {row.comment}", ""))
    widths = [cells(body) for body, comment in bodies if comment and cells(body) <= ALIGN_LIMIT]
    column = max(widths, default=0) + 2
    return [
        f"{body}{' ' * max(2, column - cells(body))}# {comment}" if comment else body
        for body, comment in bodies
    ]
