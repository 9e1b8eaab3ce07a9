"""The project's command line: ``python -m workreport <command>``.

Thin over the core: each command loads the data, prints problems one per line, and
returns an exit status. A user's mistake never ends in a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from .capacity import too_large
from .dataset import Dataset
from .loading import load_dataset
from .model import ReportConfig
from .problems import Problem
from .schema import SCHEMA_FILE, schema_text, write_schema
from .scratch import die_with_parent, scratch_dir, swap_into_place
from .stamps import source_time


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
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


def command_check(args: argparse.Namespace) -> int:
    # Each record is dropped once checked: a province's data checks in little memory.
    result = load_dataset(Path(args.data), Path(args.root), keep=False)
    print_problems(result.problems)
    return 1 if result.errors else 0


def run_mkdocs(
    config: str, site_dir: Path, stamp: dt.datetime, *, public: bool = False, offline: bool = False
) -> bool:
    """``mkdocs build --strict`` into ``site_dir``; True when it succeeded.

    The build's clock is ``stamp`` (the data commit's time): MkDocs dates the sitemap with
    it, so one commit always builds the same bytes.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")  # MkDocs 2 notice: not for editors
    env["WORKREPORT_VISIBILITY"] = "public" if public else "internal"
    env["WORKREPORT_OFFLINE"] = "true" if offline else "false"
    env["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(site_dir)]
    return subprocess.run(build, env=env, check=False, preexec_fn=die_with_parent()).returncode == 0


def output_stamp(args: argparse.Namespace, report: ReportConfig) -> dt.datetime:
    """The time this data's outputs carry (see ``stamps``)."""
    return source_time(Path(args.root).resolve(), Path(args.data).resolve(), report.as_of)


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


def command_build(args: argparse.Namespace) -> int:
    """Check, then build into a fresh folder and swap it in: a failed build leaves ``site/`` as it was."""
    report = buildable_report(args)
    if report is None:
        return 1
    stamp = output_stamp(args, report)
    site = Path(args.site_dir).resolve()
    with scratch_dir(site.parent, ".site-") as scratch:
        fresh = scratch / "site"
        if not run_mkdocs(args.config, fresh, stamp, public=args.public):
            print(f"站点构建失败，{args.site_dir}/ 保持原样。", file=sys.stderr)
            return 1
        swap_into_place(fresh, site)
    if args.public:
        print(f"已构建对外版本（不含内部记录和内部字段）：{args.site_dir}/", file=sys.stderr)
    return 0


def command_schema(args: argparse.Namespace) -> int:
    data_dir = Path(args.data)
    target = data_dir / SCHEMA_FILE
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != schema_text():
            print(f"{target} 已过期：请运行 make schema 重新生成", file=sys.stderr)
            return 1
        return 0
    print(f"已写入 {write_schema(data_dir)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workreport", description="工作报告站点生成工具")
    parser.add_argument("--data", default="data", help="数据目录（默认 data）")
    parser.add_argument("--root", default=".", help="报错时显示路径所相对的项目目录（默认当前目录）")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="检查 data/ 下的全部数据，逐条列出问题")
    check.set_defaults(run=command_check)

    build = commands.add_parser("build", help="检查数据并构建站点到 site/")
    build.add_argument("--config", default="mkdocs.yml")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--public", action="store_true", help="对外版本：不含任何标为内部的记录和字段")
    build.set_defaults(run=command_build)

    from .export.command import add_export_commands  # the exporters' own options live beside them

    add_export_commands(commands)
    from .publish import add_publish_commands

    add_publish_commands(commands)
    from .scaffold import add_new_command  # editors' scaffold: one placeholder record, next free id

    add_new_command(commands)
    from .synth import add_generate_command  # synthetic data at scale, for benchmarks

    add_generate_command(commands)
    from .bench.run import add_bench_command

    add_bench_command(commands)

    schema = commands.add_parser("schema", help="生成编辑器使用的 JSON Schema")
    schema.add_argument("--check", action="store_true", help="只检查已提交的 Schema 是否为最新")
    schema.set_defaults(run=command_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))
