"""The project's command line: ``python -m workreport <command>`` and the ``workreport`` script.

Only the entry point: the commands are modules of ``workreport.commands``, one per family,
and none of them imports this module. Each command loads the data, prints problems one per
line, and returns an exit status. A user's mistake never ends in a traceback.
"""

from __future__ import annotations

import argparse

from .commands import bench, build, check, export, form, generate, importing, init, migrate, new, publish


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workreport", description="工作报告站点生成工具")
    parser.add_argument("--data", default="data", help="数据目录（默认 data）")
    parser.add_argument("--root", default=".", help="报错时显示路径所相对的项目目录（默认当前目录）")
    commands = parser.add_subparsers(dest="command", required=True)
    # In the order `workreport --help` lists them.
    check.add_check_command(commands)
    build.add_build_command(commands)
    export.add_export_commands(commands)  # export, bundle
    publish.add_publish_commands(commands)  # publish, verify
    new.add_new_command(commands)  # editors' scaffold: one placeholder record, next free id
    form.add_form_command(commands)  # units' progress forms (XLSX) for their clerks
    importing.add_import_command(commands)  # the filled forms, appended to the data's logs
    generate.add_generate_command(commands)  # synthetic data at scale, for benchmarks
    bench.add_bench_command(commands)
    check.add_schema_command(commands)
    migrate.add_migrate_command(commands)  # field names that changed, rewritten in place
    init.add_init_command(commands)  # a new department's data/ skeleton
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))
