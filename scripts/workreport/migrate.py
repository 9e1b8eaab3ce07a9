"""``workreport migrate``: rewrite field names that changed, in place, keeping every comment.

Old names keep loading (with a warning, see ``loading.renamed_fields``); this turns them
into the new ones once, so the warnings stop. Only the name on the line where the parser
found the key is touched: comments, quoting, order and blank lines stay as the editor left
them. A file that does not parse is left alone and named.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .loading import RENAMED, data_files
from .problems import Problem
from .yamlsource import read_yaml


@dataclass
class Migration:
    changed: dict[str, int] = field(default_factory=dict)
    """File (as shown) → names rewritten in it."""
    skipped: list[Problem] = field(default_factory=list)
    """Files that could not be read, with why."""


def _edits(value: Any, lines: dict[tuple[Any, ...], int]) -> list[tuple[int, str, str, bool]]:
    """(line, old, new, is_key) for each old name in the file's records."""
    found: list[tuple[int, str, str, bool]] = []
    if not isinstance(value, dict):
        return found
    for kind, renames in RENAMED.items():
        records = value.get(kind)
        if not isinstance(records, list):
            continue
        old_names = dict(renames)
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                continue
            for key in record:
                if key in old_names and old_names[key] not in record and (kind, index, key) in lines:
                    found.append((lines[(kind, index, key)], key, old_names[key], True))
            listed = record.get("internal_fields")
            if isinstance(listed, list):
                for position, name in enumerate(listed):
                    path = (kind, index, "internal_fields", position)
                    if isinstance(name, str) and name in old_names and path in lines:
                        found.append((lines[path], name, old_names[name], False))
    return found


def _rewrite(line: str, old: str, new: str, is_key: bool) -> str:
    # A key is the name before its colon; a listed field a whole word of the flow or block list.
    pattern = rf"(?<![\w-]){re.escape(old)}(?=\s*:)" if is_key else rf"(?<![\w-]){re.escape(old)}(?![\w-])"
    return re.sub(pattern, new, line, count=1)


def migrate(data_dir: Path, root: Path) -> Migration:
    result = Migration()
    files, _ = data_files(data_dir, root)
    for path in files:
        display = path.resolve().relative_to(root.resolve()).as_posix() if path.resolve().is_relative_to(root.resolve()) else str(path)
        document = read_yaml(path, display)
        if document.value is None and document.problems:
            result.skipped.extend(document.problems[:1])
            continue
        edits = _edits(document.value, document.lines)
        if not edits:
            continue
        raw = path.read_bytes()
        bom = raw.startswith(b"\xef\xbb\xbf")
        lines = raw.decode("utf-8-sig").splitlines(keepends=True)
        for number, old, new, is_key in edits:
            lines[number - 1] = _rewrite(lines[number - 1], old, new, is_key)
        text = "".join(lines)
        # Written beside and swapped in: an interrupted run leaves the old file, never half of one.
        scratch = path.with_name(f".{path.name}.migrating")
        scratch.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
        scratch.chmod(path.stat().st_mode & 0o7777)
        os.replace(scratch, path)
        result.changed[display] = len(edits)
    return result
