"""``workreport init``: a new department's ``data/`` skeleton (``workreport.skeleton``)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..skeleton import PERIOD_FORMS, Department, SkeletonError, parse_period, write_skeleton
from .common import SubCommands


def add_init_command(commands: SubCommands) -> None:
    init = commands.add_parser(
        "init",
        help="为新单位生成一套最小的、可通过检查的 data/ 骨架（报告配置、用词、领导和单位）",
        description="在不存在或为空的数据目录中写入骨架；已有数据一字不动。",
    )
    init.add_argument("--bureau", required=True, help="单位全称，如“某某县农业农村局”")
    init.add_argument("--period", help=f"报告期：{PERIOD_FORMS}；默认为今年全年")
    init.add_argument("--unit-word", default="处室", help="内设机构的称呼：处室、科室或股室（默认处室）")
    init.set_defaults(run=command_init)


def command_init(args: argparse.Namespace) -> int:
    try:
        # The only use of today's date: the default period of a skeleton the office then edits.
        period = parse_period(args.period or str(dt.date.today().year))
        department = Department(args.bureau.strip(), period, args.unit_word.strip())
        if not department.bureau or not department.unit_word:
            raise SkeletonError("--bureau 和 --unit-word 不能为空")
        written = write_skeleton(Path(args.data), department)
    except SkeletonError as error:
        print(error, file=sys.stderr)
        return 1
    for path in written:
        print(f"已写入 {path}")
    print(f"报告期：{period.title}（{period.start} 至 {period.end}）。下一步：按编辑指南“新单位起步”一节填写标有“请填写”的地方，再运行 make check。")
    return 0
