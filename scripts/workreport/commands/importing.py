"""``workreport import``: filled progress forms (填报表) into the data, only new log entries added.

Every row of every form is checked first (``formimport``); with any problem nothing is
written and each problem names the form, sheet and cell. ``--commit`` also commits the
changed data files with a message naming the units and the month.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from ..dataset import Dataset
from ..formatting import number
from ..formimport import FormContent, FormProblem, NewEntry, PartlyWritten, apply_import, plan_import, read_form
from ..loading import load_dataset
from ..model import KIND_BY_KEY
from .common import SubCommands, print_problems


def add_import_command(commands: SubCommands) -> None:
    parser = commands.add_parser(
        "import",
        help="导入各单位填好的进度填报表（XLSX）：检查无误后只在数据文件中追加新的进度记录",
        description="逐行检查填报表（日期、数字范围、累计数、报告期和单位），全部无误才写入；有任何错误则一字不改，并指出文件、工作表、行和列。",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="填报表文件（.xlsx），可以一次导入多个")
    parser.add_argument("--commit", action="store_true", help="导入后用 git 提交改动的数据文件（提交说明写明单位和月份）")
    parser.set_defaults(run=command_import)


def _display(path: Path) -> str:
    return path.name


def describe(entry: NewEntry, data: Dataset) -> str:
    """“2025-07-31：累计完成 8 个，完成比例 60%，进展说明……”"""
    record = data.by_id(entry.kind)[entry.record_id]
    values = entry.entry
    parts: list[str] = []
    if "stage" in values:
        parts.append(f"进入{values['stage']}阶段")
    if "done" in values:
        measure = record.target.measure if getattr(record, "target", None) is not None else ""
        parts.append(f"累计完成 {number(values['done'])} {measure}".rstrip())
    if "value" in values:
        measure = record.target.measure or ""
        parts.append(f"监测值 {number(values['value'])}{measure}")
    if "percent" in values:
        parts.append(f"{'形象进度' if entry.kind == 'projects' else '完成比例'} {number(values['percent'])}%")
    if "invested" in values:
        parts.append(f"年度累计完成投资 {number(values['invested'])} 万元")
    if "note" in values:
        parts.append(f"说明“{values['note']}”")
    if "problems" in values:
        parts.append(f"存在问题“{values['problems']}”")
    return f"{values['date']}：{'，'.join(parts)}"


def command_import(args: argparse.Namespace) -> int:
    data_dir, root = Path(args.data), Path(args.root)
    before = load_dataset(data_dir, root)
    if before.dataset is None or before.errors:
        print_problems(before.problems)
        print("现有数据有错误，请先按上面的提示改正（make check），再导入填报表。", file=sys.stderr)
        return 1
    data = before.dataset
    forms: list[FormContent] = []
    problems: list[FormProblem] = []
    for name in args.files:
        path = Path(name)
        content, found = read_form(path, _display(path), data)
        problems.extend(found)
        if content is not None:
            forms.append(content)
    if not problems:
        plan = plan_import(forms, data, data_dir, root)
        problems.extend(plan.problems)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"填报表检查未通过：{len(problems)} 个错误，数据文件一字未改。请按上面的提示改正填报表后重新导入。", file=sys.stderr)
        return 1
    try:
        apply_import(plan)
    except PartlyWritten as stop:
        done = "、".join(path.name for path in stop.written)
        print(f"写入中断（{stop.error.strerror}）：{done} 已写入新的进度记录，其余数据文件未改。"
              "请用 git diff 查看，恢复这些文件（git checkout -- 文件）或检查文件权限后重新导入。", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"无法写入数据文件（{error.strerror}），数据文件一字未改：请检查文件权限后重试。", file=sys.stderr)
        return 1
    for form in forms:
        added = len(form.entries)
        tail = "".join(
            f"，{text}" for count, text in ((form.already, f"{form.already} 行已导入过（跳过）"), (form.empty, f"{form.empty} 行未填写（跳过）")) if count
        )
        print(f"{form.display}（{form.unit_name}，{form.month}）：新增 {added} 条记录{tail}")
        for entry in form.entries:
            record = data.by_id(entry.kind)[entry.record_id]
            kind = KIND_BY_KEY[entry.kind]
            name = getattr(record, kind.name_field or "title")
            print(f"  {kind.label} {entry.record_id}「{name}」{describe(entry, data)}")
    for edit in plan.edits:
        print(f"已写入 {edit.display}")
    if args.commit:
        return commit([e.display for e in plan.edits], forms, root)
    return 0


def commit(files: list[str], forms: list[FormContent], root: Path) -> int:
    if not files:
        print("没有新增的记录，无需提交。")
        return 0
    units = "、".join(dict.fromkeys(f.unit_name for f in forms if f.entries))
    months = "、".join(dict.fromkeys(f.month for f in forms if f.entries))
    count = sum(len(f.entries) for f in forms)
    message = f"{units}{months}进度填报：导入 {count} 条进度记录"
    try:
        run = subprocess.run(
            ["git", "commit", "-q", "-m", message, "--", *files], cwd=root, capture_output=True, text=True, check=False
        )
    except OSError as error:
        print(f"数据已导入，但无法运行 git 提交（{error.strerror}）：请手动提交。", file=sys.stderr)
        return 1
    if run.returncode != 0:
        print(f"数据已导入，但 git 提交失败：{run.stderr.strip() or run.stdout.strip()}。请手动提交。", file=sys.stderr)
        return 1
    print(f"已提交：{message}")
    return 0
