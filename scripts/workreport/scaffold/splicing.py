"""Placing the entry in a file: which file, and the text-level insertion into it.

The old text is kept byte for byte: its line endings (LF or CRLF, or none at the end), a BOM,
comments and section headings. The entry joins its section, after the last item of it.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dataset import Dataset
from ..model import Unit
from ..schema import SCHEMA_FILE
from ..yamlsource import parse_yaml
from .drafts import Draft
from .errors import ScaffoldError
from .kinds import KindSpec
from .rows import Layout, render_item


@dataclass
class Edit:
    """The file to write: its new text, its old bytes (None when new) and the entry's line."""

    path: Path
    text: str
    original: bytes | None
    line: int
    created_dirs: list[Path] = field(default_factory=list)

    @property
    def data(self) -> bytes:
        return self.text.encode("utf-8")


def newline_of(raw: bytes) -> str:
    return "\r\n" if raw.count(b"\r\n") * 2 > raw.count(b"\n") else "\n"


def record_file(record: Any, root: Path) -> Path:
    return Path(root / record.origin.file).resolve()


def target_path(spec: KindSpec, draft: Draft, data: Dataset, data_dir: Path, root: Path, unit: Unit) -> Path:
    """tasks/<unit>.yaml, cases/<id>.yaml, or <kind>.yaml; data kept in one file stays in that file."""
    records = data.of(spec.key)
    holders = Counter(record_file(r, root) for r in records)
    if spec.folder:
        name = unit.id if spec.per_unit else draft.record_id
        own = data_dir / spec.folder / f"{name}.yaml"
        if own.exists() or (data_dir / spec.folder).is_dir() or not holders:
            return own
        unit_files = Counter(record_file(r, root) for r in records if getattr(r, spec.unit_field) == unit.id)
        return (unit_files or holders).most_common(1)[0][0]
    default = data_dir / spec.shared_file
    if default.exists() or not holders:
        return default
    return holders.most_common(1)[0][0]


def plan_edit(spec: KindSpec, draft: Draft, unit: Unit, data: Dataset, data_dir: Path, root: Path) -> Edit:
    path = target_path(spec, draft, data, data_dir, root, unit)
    if path.exists():
        return splice(path, spec, draft)
    return new_file(path, spec, draft, data_dir)


def new_file(path: Path, spec: KindSpec, draft: Draft, data_dir: Path) -> Edit:
    """A file of its own, headed like its neighbours: the schema line, a Chinese comment, the key."""
    siblings = sorted(path.parent.glob("*.yaml")) if path.parent.is_dir() else []
    sample = siblings[0] if siblings else data_dir / "report.yaml"
    newline = newline_of(sample.read_bytes()) if sample.is_file() else "\n"
    schema = Path(os.path.relpath(data_dir / SCHEMA_FILE, path.parent)).as_posix()
    header = draft.header or f"{spec.label}：按模板逐条填写，字段含义见编辑器的悬停提示。"
    lines = [f"# yaml-language-server: $schema={schema}", f"# {header}", f"{spec.key}:"]
    lines += render_item(draft.rows, Layout())
    missing = [p for p in [path.parent, *path.parent.parents] if not p.exists()]
    return Edit(path, newline.join(lines) + newline, None, 4, created_dirs=missing)


class _Lines:
    """A text's lines with their offsets; line endings (LF or CRLF) are left exactly as they are."""

    def __init__(self, text: str):
        self.text = text
        self.parts = text.split("\n")
        if self.parts[-1] == "":
            self.parts.pop()
        self.starts = list(_running_offsets(self.parts))

    def __len__(self) -> int:
        return len(self.parts)

    def content(self, index: int) -> str:
        line = self.parts[index].rstrip("\r")
        return line.lstrip("\ufeff") if index == 0 else line

    def indent(self, index: int) -> int:
        line = self.content(index)
        return len(line) - len(line.lstrip(" "))

    def is_blank(self, index: int) -> bool:
        return not self.content(index).strip()

    def is_comment(self, index: int) -> bool:
        return self.content(index).lstrip().startswith("#")

    def after(self, index: int) -> int:
        """Offset just past line ``index`` and its line ending."""
        return min(self.starts[index] + len(self.parts[index]) + 1, len(self.text))

    def terminated(self, index: int) -> bool:
        return self.text[self.after(index) - 1 : self.after(index)] == "\n"

    def owned_until(self, start: int, limit: int, indent: int) -> int:
        """The last line of the block opened at ``start``: lines (comments too) indented deeper.

        Blank lines and shallower comments after it (a section heading such as
        ``  # —— 市考指标 ——``, or a comment above the next key) belong to what follows.
        """
        last = start
        for index in range(start + 1, limit):
            if not self.is_blank(index) and self.indent(index) > indent:
                last = index
            elif not self.is_blank(index) and not self.is_comment(index):
                break
        return last


def _running_offsets(parts: Sequence[str]) -> Iterator[int]:
    offset = 0
    for part in parts:
        yield offset
        offset += len(part) + 1


_DASH = re.compile(r"^( *)-( +|$)")
_OTHER_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def splice(path: Path, spec: KindSpec, draft: Draft) -> Edit:
    """Insert the entry as text: after the last item (of its section), or start the list."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    newline = newline_of(raw)
    # Lines as editors count them (LF or CRLF): the other breaks YAML knows become spaces for the parse.
    doc = parse_yaml(_OTHER_BREAKS.sub(" ", text.lstrip("\ufeff")), path.name)
    if not isinstance(doc.value, dict) or doc.problems:
        raise ScaffoldError(f"{path.name} 无法读取，未作修改。", 1, doc.problems)
    lines = _Lines(text)
    if spec.key not in doc.value:
        return _append_key(path, raw, lines, spec, draft, newline)
    key_index = doc.lines[(spec.key,)] - 1
    later = [doc.lines[(k,)] - 1 for k in doc.value if doc.lines[(k,)] - 1 > key_index]
    block_end = min(later, default=len(lines))
    items = doc.value[spec.key] or []
    if not items:
        return _start_list(path, raw, lines, key_index, block_end, spec, draft, newline)
    dashes = _dash_lines(lines, doc, spec.key, path)
    layout = _layout(lines, dashes[0], dashes[1] if len(dashes) > 1 else block_end)
    anchor = _anchor(items, spec.group_field, draft.group)
    limit = dashes[anchor + 1] if anchor + 1 < len(dashes) else block_end
    last = lines.owned_until(dashes[anchor], limit, layout.dash)
    block = ([""] if _blank_between(lines, doc, spec.key, dashes) else []) + render_item(draft.rows, layout)
    return _insert_after(path, raw, lines, last, block, len(block) - len(draft.rows), newline)


def _dash_lines(lines: _Lines, doc: Any, key: str, path: Path) -> list[int]:
    key_index = doc.lines[(key,)] - 1
    return [_dash_line(lines, doc.lines[(key, i)] - 1, key_index, path) for i in range(len(doc.value[key]))]


def _dash_line(lines: _Lines, index: int, key_index: int, path: Path) -> int:
    """The ``- `` line of an item (the item usually starts on it: ``  - id: T-01``)."""
    while index > key_index:
        if _DASH.match(lines.content(index)):
            return index
        index -= 1
    raise ScaffoldError(f"{path.name} 的列表不是每项以“- ”开头的写法（如 [..] 写在一行），无法自动追加：请改为逐行列表后再试。", 1)


def _layout(lines: _Lines, dash: int, limit: int) -> Layout:
    match = _DASH.match(lines.content(dash))
    assert match is not None
    indent = len(match[1])
    key = indent + 1 + len(match[2]) if match[2] else indent + 2
    nested = (
        lines.indent(i)
        for i in range(dash + 1, limit)
        if not lines.is_blank(i) and not lines.is_comment(i) and lines.indent(i) > key
    )
    step = next(nested, key + 2) - key
    return Layout(indent, key, min(step, 8))


def _anchor(items: list[Any], group_field: str | None, group: Any) -> int:
    """The item to follow: the last of the new entry's section when the file is laid out in
    sections by ``group_field`` (each value in one run), else the last item."""
    if group_field is None:
        return len(items) - 1
    values = [item.get(group_field) if isinstance(item, dict) else None for item in items]
    runs = [v for i, v in enumerate(values) if i == 0 or v != values[i - 1]]
    if group in values and len(runs) == len(set(runs)) > 1:
        return max(i for i, v in enumerate(values) if v == group)
    return len(items) - 1


def _blank_between(lines: _Lines, doc: Any, key: str, dashes: list[int]) -> bool:
    """Whether items are separated by a blank line (looking past section comments); yes when unknown.

    A list of one item shows nothing, so then the file's other lists decide.
    """
    lists = [dashes]
    if len(dashes) < 2:
        for other, value in doc.value.items():
            if other != key and isinstance(value, list) and value:
                try:
                    lists.append(_dash_lines(lines, doc, other, Path(other)))
                except ScaffoldError:  # a list written on one line: no separators to learn from
                    continue
    votes = []
    for found in lists:
        for dash in found[1:]:
            index = dash - 1
            while index > 0 and lines.is_comment(index):
                index -= 1
            votes.append(lines.is_blank(index))
    return not votes or sum(votes) * 2 >= len(votes)


def _insert_after(
    path: Path, raw: bytes, lines: _Lines, last: int, block: list[str], item_at: int, newline: str
) -> Edit:
    """Splice ``block`` after line ``last``; ``item_at`` is the index of the entry's first line in it."""
    if lines.terminated(last):
        offset, chunk = lines.after(last), "".join(line + newline for line in block)
        first = offset + sum(len(line) + len(newline) for line in block[:item_at])
    else:  # the file ends without a line break: keep it that way
        offset, chunk = len(lines.text), "".join(newline + line for line in block)
        first = offset + sum(len(newline) + len(line) for line in block[:item_at]) + len(newline)
    text = lines.text[:offset] + chunk + lines.text[offset:]
    return Edit(path, text, raw, text.count("\n", 0, first) + 1)


_EMPTY_KEY = r"^{key}:[ \t]*(\[[ \t]*\]|~|null|Null|NULL)?[ \t]*(#.*)?$"


def _start_list(
    path: Path, raw: bytes, lines: _Lines, key_index: int, block_end: int, spec: KindSpec, draft: Draft, newline: str
) -> Edit:
    """The key has no items yet (``tasks:`` or ``tasks: []``): the entry becomes the first one."""
    line = lines.content(key_index)
    match = re.match(_EMPTY_KEY.format(key=re.escape(spec.key)), line)
    if match is None:
        raise ScaffoldError(f"{path.name} 中“{spec.key}:”一行的写法无法自动追加：请改为“{spec.key}:”后再试。", 1)
    if match[1]:
        # ``tasks: []`` must lose its ``[]`` before items can follow: the one old line touched.
        start = lines.starts[key_index] + len(lines.parts[key_index].rstrip("\r")) - len(line)
        bare = f"{spec.key}:" + (f"  {match[2]}" if match[2] else "")
        rewritten = lines.text[:start] + bare + lines.text[start + len(line) :]
        return _start_list(path, raw, _Lines(rewritten), key_index, block_end, spec, draft, newline)
    last = lines.owned_until(key_index, block_end, 0)
    return _insert_after(path, raw, lines, last, render_item(draft.rows, Layout()), 0, newline)


def _append_key(path: Path, raw: bytes, lines: _Lines, spec: KindSpec, draft: Draft, newline: str) -> Edit:
    """The file has no such key yet: add it at the end, after a blank line."""
    block = [f"{spec.key}:", *render_item(draft.rows, Layout())]
    if not len(lines):
        return Edit(path, lines.text + newline.join(block) + newline, raw, 2)
    block = ([] if lines.is_blank(len(lines) - 1) else [""]) + block
    return _insert_after(path, raw, lines, len(lines) - 1, block, len(block) - len(draft.rows), newline)
