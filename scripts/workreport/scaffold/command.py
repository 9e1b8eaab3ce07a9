"""The ``new`` subcommand: its options, the steps it runs, and writing the file (undone if the check fails)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..loading import load_dataset
from ..problems import Problem
from ..validation import PLACEHOLDER, PLACEHOLDER_WARNING
from .choices import Context, option_value
from .drafts import DRAFTERS, Draft
from .errors import ScaffoldError
from .kinds import KIND_NAMES, KindSpec, resolve_kind
from .splicing import Edit, plan_edit, record_file


def add_new_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = commands.add_parser(
        "new",
        help="按模板新增一条记录（自动取下一个编号），再由编辑者填写标有“请填写”的字段",
        description="在正确的数据文件中追加一条可通过检查的占位记录，原有内容（含注释）一字不改。",
    )
    new.add_argument("kind", nargs="?", metavar="KIND", help=f"记录类型：{KIND_NAMES}")
    new.add_argument("--unit", help="责任单位编号（见 org.yaml），如 rural-water；也可写单位全称或简称")
    new.add_argument("--category", help="工作条线编号（见 report.yaml）；不填则取该单位最常用的条线")
    new.add_argument("--title", help="标题或名称；不填则写“请填写……”占位文字")
    new.add_argument("--source", help="考核指标来源：省考、市考或承担系数（仅 indicator，默认取该单位最常见的来源）")
    new.add_argument("--prefix", help="工程编号的类别代码或工程类别，如 IRR 或 灌区改造 → P-IRR-05（仅 project）")
    new.add_argument("--stage", help="工程阶段：前期、在建、完工、验收或决算审计（仅 project，默认前期）")
    new.add_argument("--level", help="荣誉级别：国家级、省级或市级（仅 honor，默认省级）")
    new.add_argument("--line", help="底线：安全生产或党风廉政（仅 bottom-line，默认取该单位最常见的一条）")
    new.set_defaults(run=command_new)


# Options that only make sense for some kinds.
_KIND_OPTIONS = {
    "category": ("task", "project", "case", "highlight"),
    "source": ("indicator",),
    "prefix": ("project",),
    "stage": ("project",),
    "level": ("honor",),
    "line": ("bottom-line",),
}


def command_new(args: argparse.Namespace) -> int:
    data_dir, root = Path(args.data), Path(args.root)
    try:
        name, spec = resolve_kind(getattr(args, "kind", None))
        for option, kinds in _KIND_OPTIONS.items():
            if option_value(args, option) and name not in kinds:
                raise ScaffoldError(f"--{option} 只用于 {'、'.join(kinds)}，不用于 {name}")
        before = load_dataset(data_dir, root)
        if before.dataset is None or before.errors:
            raise ScaffoldError("现有数据有错误，请先按上面的提示改正（make check），再新增记录。", 1, before.problems)
        context = Context.from_args(before.dataset, spec, args)
        draft = DRAFTERS[name](context)
        edit = plan_edit(spec, draft, context.unit, before.dataset, data_dir.resolve(), root.resolve())
        warnings = apply_edit(edit, spec, draft, data_dir, root, before.problems)
    except ScaffoldError as error:
        _print_problems(error.problems)
        print(error, file=sys.stderr)
        return error.status
    shown = _display(edit.path, root.resolve())
    where = f"已在 {shown} 第 {edit.line} 行" if edit.original is not None else f"已新建 {shown}，在第 {edit.line} 行"
    print(f"{where}添加{spec.label} {draft.record_id}，请填写标有“{PLACEHOLDER}”的字段。")
    for note in filter(None, draft.notes):
        print(f"  {note}")
    _print_problems(warnings)
    return 0


def _print_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _display(path: Path, root: Path) -> str:
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
    records = getattr(result.dataset, spec.key, [])
    found = any(r.id == draft.record_id and record_file(r, root.resolve()) == edit.path.resolve() for r in records)
    if result.errors or result.dataset is None or not found:
        undo_edit(edit)
        shown = _display(edit.path, root.resolve())
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
