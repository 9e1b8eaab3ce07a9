"""``workreport form``: each unit's progress form (填报表, XLSX) into dist/, for its clerk to fill in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..scratch import scratch_dir
from ..validation import unknown_reference
from ..views.progress_form import has_rows, unit_form
from .common import SubCommands, checked_dataset, output_stamp


def add_form_command(commands: SubCommands) -> None:
    form = commands.add_parser(
        "form",
        help="生成各单位的进度填报表（XLSX）到 dist/，由各单位填写后用 import 导入",
        description="每个单位一份填报表：未完成的重点任务、考核指标和重点工程各占一个工作表，灰色为现有数据，黄色为本次填写的内容。",
    )
    form.add_argument("--unit", help="只生成这个单位的填报表（单位编号，如 org.yaml 中的 id；也可写全称或简称）")
    form.add_argument("--out", default="dist", help="输出目录（默认 dist）")
    form.set_defaults(run=command_form)


def command_form(args: argparse.Namespace) -> int:
    from ..export.form_xlsx import write_form

    data = checked_dataset(args)
    if data is None:
        return 1
    units = data.units
    if args.unit:
        unit = data.unit_named(args.unit)
        if unit is None:
            print(f"--unit：{unknown_reference('units', args.unit, {u.id for u in data.units})}", file=sys.stderr)
            return 2
        units = [unit]
    forms = [unit_form(data, unit) for unit in units]
    chosen = [form for form in forms if has_rows(form)]
    if not chosen:
        print("没有需要填报的记录：所选单位没有未完成的重点任务、考核指标或重点工程。", file=sys.stderr)
        return 1 if args.unit else 0
    stamp = output_stamp(args, data.report)
    out = Path(args.out)
    with scratch_dir(out, ".form-") as scratch:
        staged = []
        for form in chosen:
            path = scratch / form.file_name
            write_form(form, path, stamp)
            staged.append((path, out / form.file_name, form))
        for path, final, form in staged:
            try:
                path.replace(final)
            except OSError as error:
                print(f"无法写入 {final}（{error.strerror}）：文件可能正在 Excel 或 WPS 中打开，请关闭后重试。", file=sys.stderr)
                return 1
            counts = "、".join(f"{len(rows)} 行{label}" for label, rows in zip(("任务", "指标", "工程"), form.rows.values(), strict=True) if rows)
            print(f"已生成 {final}（{counts}）", file=sys.stderr)
    return 0
