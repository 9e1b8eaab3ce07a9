"""``workreport publish`` and ``workreport verify``: one version of the site per reporting period.

What publishing does, and how a version is rebuilt from its tag, is ``workreport.publish``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..publish import ALIAS, BRANCH, PublishError, publish, verify
from .common import SubCommands


def add_publish_commands(commands: SubCommands) -> None:
    publish_cmd = commands.add_parser("publish", help="把当前报告期发布为站点的一个版本（mike），并给数据提交打标签")
    publish_cmd.add_argument("--version", required=True, help="版本号，必须等于 data/report.yaml 的报告期编号，如 2025-h1")
    publish_cmd.add_argument("--title", help="版本名称，显示在版本选择器中，如“2025年上半年”（默认取报告期名称）")
    publish_cmd.add_argument("--branch", default=BRANCH, help=f"发布分支（默认 {BRANCH}）")
    publish_cmd.set_defaults(run=command_publish)

    verify_cmd = commands.add_parser("verify", help="从发布标签重建某个版本，逐个文件与已发布的内容比较")
    verify_cmd.add_argument("--version", required=True)
    verify_cmd.add_argument("--branch", default=BRANCH)
    verify_cmd.set_defaults(run=command_verify)


def command_publish(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    try:
        tag = publish(root, Path(args.data).resolve(), args.version, args.title, args.branch)
    except PublishError as error:
        print(f"发布失败：{error}", file=sys.stderr)
        print(f"发布分支 {args.branch} 保持原样。", file=sys.stderr)
        return 1
    print(f"已发布版本 {args.version}（别名 {ALIAS}，设为默认版本），数据提交已打标签 {tag}", file=sys.stderr)
    return 0


def command_verify(args: argparse.Namespace) -> int:
    try:
        differences = verify(Path(args.root).resolve(), args.version, args.branch)
    except PublishError as error:
        print(f"核对失败：{error}", file=sys.stderr)
        return 1
    if differences:
        print(f"版本 {args.version} 从标签重建的结果与已发布内容不同：", file=sys.stderr)
        for line in differences[:50]:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"版本 {args.version} 从标签重建的结果与已发布内容逐个文件一致。", file=sys.stderr)
    return 0
