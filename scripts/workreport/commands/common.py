"""What the commands share: problems printed one per line, the checked data, the outputs' stamp."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TypeAlias

from ..capacity import too_large
from ..dataset import Dataset
from ..loading import load_dataset
from ..model import ReportConfig
from ..problems import Problem
from ..stamps import source_time

SubCommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What ``ArgumentParser.add_subparsers`` returns: each command module adds its commands to it."""


def print_each(problems: Iterable[Problem]) -> None:
    """Every problem on a line of its own, on standard error."""
    for problem in problems:
        print(problem, file=sys.stderr)


def print_problems(problems: list[Problem]) -> None:
    """Every problem, then how many errors and warnings there were when there are errors."""
    print_each(problems)
    errors = sum(1 for p in problems if p.is_error)
    if errors:
        warnings = len(problems) - errors
        tail = f"，{warnings} 个警告" if warnings else ""
        print(f"数据检查未通过：{errors} 个错误{tail}。请按上面的提示逐条修改。", file=sys.stderr)


def checked_dataset(args: argparse.Namespace) -> Dataset | None:
    """Load and check ``--data``, printing every problem; None when there are errors."""
    result = load_dataset(Path(args.data), Path(args.root))
    print_problems(result.problems)
    return None if result.errors else result.dataset


def buildable_report(args: argparse.Namespace) -> ReportConfig | None:
    """Check the data for a site build (keeping no records), printing every problem; the report
    when the data is clean and not larger than one site can hold (see ``capacity``)."""
    result = load_dataset(Path(args.data), Path(args.root), keep=False)
    print_problems(result.problems)
    if result.errors or result.report is None:
        return None
    refusal = too_large(result.counts, len(result.report.categories))
    if refusal:
        print(refusal, file=sys.stderr)
        return None
    return result.report


def output_stamp(args: argparse.Namespace, report: ReportConfig) -> dt.datetime:
    """The time this data's outputs carry (see ``stamps``)."""
    return source_time(Path(args.root).resolve(), Path(args.data).resolve(), report.as_of)
