"""Appending dated entries to records' logs in a YAML file's text, changing no line that is there.

The progress forms' importer adds log entries this way, so that ``git diff`` shows only added
lines: comments, key order, quoting, blank lines, the line endings (``\\n`` or ``\\r\\n``) and a
byte-order mark stay as the editor left them. The place of each record and of its log's last
item comes from the line map ``yamlsource.parse_yaml`` keeps; a new item gets the indentation
of the items before it. A log written in flow style (``progress: [...]``) cannot take a new
line without changing one, and is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from .problems import Path

_ITEM = re.compile(r"^(?P<indent> *)- +(?=\S)")
_PLAIN_UNSAFE_START = tuple("'\"&*!|>%@`#{}[],?:-")


class AppendError(Exception):
    """A log this module cannot extend without changing a line (said in Chinese)."""


@dataclass(frozen=True)
class Addition:
    """Entries to add at the end of one record's log."""

    record: Path
    """The record's path in the file, e.g. ``("tasks", 3)``."""
    log_key: str
    entries: Sequence[Mapping[str, Any]]
    tag: object = None
    """The caller's name for the addition; ``appended`` tells where each of its entries' lines went."""


def scalar(value: Any) -> str:
    """``value`` as a YAML scalar that reads back as the same value, quoted only when it has to be,
    and safe before a ``  # comment`` on its line. The one rule for every line we write into data
    files: the appended log entries, ``make new`` (``scaffold``) and ``make init`` (``skeleton``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, list) and not value:
        return "[]"
    text = str(value)
    if _plain_safe(text):
        return text
    # A JSON string is a YAML double-quoted scalar, once the characters YAML reads as line
    # breaks (and JSON leaves alone) are escaped too.
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted.replace("\x85", "\\x85").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _plain_safe(text: str) -> bool:
    if not text or text != text.strip() or any(c in text for c in "\n\r\t\x85\u2028\u2029\ufeff") or text.startswith(_PLAIN_UNSAFE_START):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    try:
        return bool(yaml.safe_load(f"k: {text}  # c") == {"k": text})
    except yaml.YAMLError:
        return False


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _end_of_item(lines: list[str], start: int, indent: int) -> int:
    """The index of the last line of the block item starting at ``lines[start]`` (dash at ``indent``)."""
    last = start
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        if _indent(line) <= indent:
            break
        last = index
    return last


def _entry_lines(entry: Mapping[str, Any], dash: int, key: int) -> list[str]:
    out: list[str] = []
    for position, (name, value) in enumerate(entry.items()):
        prefix = " " * dash + "- " + " " * (key - dash - 2) if position == 0 else " " * key
        out.append(f"{prefix}{name}: {scalar(value)}")
    return out


def _insertion(lines: list[str], line_map: Mapping[Path, int], addition: Addition) -> tuple[int, list[str], list[tuple[int, int]]]:
    """Where the addition's lines go (the index they are inserted before), the lines, and each entry's
    first and last line among them (0-based)."""
    log = (*addition.record, addition.log_key)
    items = sorted(p[-1] for p in line_map if len(p) == len(log) + 1 and p[: len(log)] == log and isinstance(p[-1], int))
    if items:
        first_line = lines[line_map[(*log, items[0])] - 1]
        last_index = line_map[(*log, items[-1])] - 1
        match = _ITEM.match(lines[last_index])
        if match is None or log not in line_map or line_map[log] == line_map[(*log, items[-1])]:
            raise AppendError(f"“{addition.log_key}”不是逐行书写的列表（可能写成了 [...] 的形式），无法只追加新行")
        dash = len(match.group("indent"))
        key = match.end()
        first = _ITEM.match(first_line)
        if first is not None:
            dash, key = len(first.group("indent")), first.end()
        end = _end_of_item(lines, last_index, dash)
        body: list[str] = []
    else:
        if log in line_map:
            raise AppendError(f"“{addition.log_key}”已写成空列表或其他形式，无法只追加新行：请先删去这一行再导入")
        record_index = line_map[addition.record] - 1
        match = _ITEM.match(lines[record_index])
        if match is None:
            raise AppendError("记录不是以“- ”开头的逐行书写形式，无法只追加新行")
        record_key = match.end()
        end = _end_of_item(lines, record_index, len(match.group("indent")))
        body = [" " * record_key + f"{addition.log_key}:"]
        dash, key = record_key + 2, record_key + 4
    spans: list[tuple[int, int]] = []
    for entry in addition.entries:
        start = len(body)
        body.extend(_entry_lines(entry, dash, key))
        spans.append((start, len(body) - 1))
    return end + 1, body, spans


@dataclass(frozen=True)
class Appended:
    text: str
    places: dict[object, list[tuple[int, int]]]
    """Tag → (first line, last line) of each of its entries in the new text, 1-based, in the addition's order."""


def append_entries(text: str, line_map: Mapping[Path, int], additions: Sequence[Addition]) -> Appended:
    """``text`` with each addition's entries after its log's last item. ``text`` is the file's
    text without its byte-order mark; ``line_map`` the map ``parse_yaml`` made of it."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    trailing = lines[-1] == ""
    if trailing:
        lines.pop()
    planned = sorted(
        ((*_insertion(lines, line_map, addition), order, addition.tag) for order, addition in enumerate(additions)),
        key=lambda item: (item[0], item[3]),
    )
    out: list[str] = []
    places: dict[object, list[tuple[int, int]]] = {}
    cursor = 0
    for before, body, spans, _order, tag in planned:
        out.extend(lines[cursor:before])
        cursor = before
        places[tag] = [(len(out) + first + 1, len(out) + last + 1) for first, last in spans]
        out.extend(body)
    out.extend(lines[cursor:])
    return Appended(newline.join(out) + (newline if trailing else ""), places)
