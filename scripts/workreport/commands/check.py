"""``workreport check`` (every data file, every problem) and ``workreport schema`` (the editors' JSON Schema)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..loading import load_dataset
from ..schema import SCHEMA_FILE, schema_text, write_schema
from .common import SubCommands, print_problems


def add_check_command(commands: SubCommands) -> None:
    check = commands.add_parser("check", help="检查 data/ 下的全部数据，逐条列出问题")
    check.set_defaults(run=command_check)


def add_schema_command(commands: SubCommands) -> None:
    schema = commands.add_parser("schema", help="生成编辑器使用的 JSON Schema")
    schema.add_argument("--check", action="store_true", help="只检查已提交的 Schema 是否为最新")
    schema.set_defaults(run=command_schema)


def command_check(args: argparse.Namespace) -> int:
    # Each record is dropped once checked: a province's data checks in little memory.
    result = load_dataset(Path(args.data), Path(args.root), keep=False)
    print_problems(result.problems)
    return 1 if result.errors else 0


def command_schema(args: argparse.Namespace) -> int:
    data_dir = Path(args.data)
    target = data_dir / SCHEMA_FILE
    # The bureau's vocabulary (its indicator sources, stages…) becomes the editor's completions.
    report = load_dataset(data_dir, Path(args.root), keep=False).report
    if report is None:
        print("报告配置有错误或缺失：Schema 暂按默认用词生成；改好 report.yaml 后请再运行一次 make schema", file=sys.stderr)
    vocabulary = report.vocabulary if report else None
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != schema_text(vocabulary):
            print(f"{target} 已过期：请运行 make schema 重新生成", file=sys.stderr)
            return 1
        return 0
    print(f"已写入 {write_schema(data_dir, vocabulary)}")
    return 0
