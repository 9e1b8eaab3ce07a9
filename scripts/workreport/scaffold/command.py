"""Writing the new record's file, loading the data again, and undoing the write if the check fails.

The ``new`` subcommand itself (its options and messages) is ``workreport.commands.new``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..loading import load_dataset
from ..problems import Problem
from ..validation import PLACEHOLDER_WARNING
from .drafts import Draft
from .errors import ScaffoldError
from .kinds import KindSpec
from .splicing import Edit, record_file


def display_path(path: Path, root: Path) -> str:
    """``path`` as messages show it: relative to the project folder when inside it."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# ---------------------------------------------------------------------- writing, checking, undoing


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` in one step, keeping its permissions: never a half-written file."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_edit(edit: Edit) -> None:
    if edit.original is not None:
        write_atomically(edit.path, edit.data)
        return
    for folder in reversed(edit.created_dirs):
        folder.mkdir()
    with edit.path.open("xb") as stream:  # never overwrite a file that appeared meanwhile
        stream.write(edit.data)


def undo_edit(edit: Edit) -> None:
    if edit.original is not None:
        write_atomically(edit.path, edit.original)
        return
    edit.path.unlink(missing_ok=True)
    for folder in edit.created_dirs:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def apply_edit(
    edit: Edit, spec: KindSpec, draft: Draft, data_dir: Path, root: Path, before: Sequence[Problem]
) -> list[Problem]:
    """Write, load everything again, and undo unless the new record loads cleanly. Returns new warnings."""
    write_edit(edit)
    try:
        result = load_dataset(data_dir, root)
    except BaseException:
        undo_edit(edit)
        raise
    records = result.dataset.of(spec.key) if result.dataset else []
    found = any(r.id == draft.record_id and record_file(r, root.resolve()) == edit.path.resolve() for r in records)
    if result.errors or result.dataset is None or not found:
        undo_edit(edit)
        shown = display_path(edit.path, root.resolve())
        undone = f"{shown} 保持原样" if edit.original is not None else f"未新建 {shown}"
        message = f"新增的{spec.label} {draft.record_id} 未能通过检查，已撤销，{undone}。请把上面的问题报告给开发人员。"
        raise ScaffoldError(message, 1, result.problems)
    # Field paths shift when an entry joins the middle of a list: compare by file and message.
    seen = Counter((p.file, p.message) for p in before)
    fresh = []
    for problem in result.warnings:
        if problem.message.startswith(PLACEHOLDER_WARNING):
            continue  # the message above already says to fill in the placeholders
        if seen[(problem.file, problem.message)] > 0:
            seen[(problem.file, problem.message)] -= 1
        else:
            fresh.append(problem)
    return fresh
