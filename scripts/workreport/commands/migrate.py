"""``workreport migrate``: field names that changed, rewritten in the data files (comments kept)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..migrate import migrate
from .common import SubCommands, print_each


def add_migrate_command(commands: SubCommands) -> None:
    command = commands.add_parser("migrate", help="把数据文件中已改名的字段改为新名称（保留注释和格式）")
    command.set_defaults(run=command_migrate)


def command_migrate(args: argparse.Namespace) -> int:
    result = migrate(Path(args.data), Path(args.root))
    for file, count in result.changed.items():
        print(f"已改写 {file}：{count} 处")
    if not result.changed:
        print("没有需要改名的字段。")
    if result.skipped:
        print_each(result.skipped)
        print("以上文件无法读取，未改写：请先按提示修正（make check），再运行 make migrate。")
        return 1
    return 0
