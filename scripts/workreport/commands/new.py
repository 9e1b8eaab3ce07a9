"""``workreport new``: one placeholder record with the next free id, for editors to fill in.

How the record is drafted, spliced into its file and checked is ``workreport.scaffold``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..loading import load_dataset
from ..scaffold import (
    DRAFTERS,
    KIND_NAMES,
    Context,
    ScaffoldError,
    apply_edit,
    display_path,
    option_value,
    plan_edit,
    resolve_kind,
)
from ..scaffold.drafts import draft_from_model
from ..validation import PLACEHOLDER
from .common import SubCommands, print_each


def add_new_command(commands: SubCommands) -> None:
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
    new.add_argument("--prefix", help="工程编号的类别代码或工程类别，如 ROAD 或 道路改造 → P-ROAD-05（仅 project）")
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
        draft = DRAFTERS.get(name, draft_from_model(spec))(context)
        edit = plan_edit(spec, draft, context.unit, before.dataset, data_dir.resolve(), root.resolve())
        warnings = apply_edit(edit, spec, draft, data_dir, root, before.problems)
    except ScaffoldError as error:
        print_each(error.problems)
        print(error, file=sys.stderr)
        return error.status
    shown = display_path(edit.path, root.resolve())
    where = f"已在 {shown} 第 {edit.line} 行" if edit.original is not None else f"已新建 {shown}，在第 {edit.line} 行"
    print(f"{where}添加{spec.label} {draft.record_id}，请填写标有“{PLACEHOLDER}”的字段。")
    for note in filter(None, draft.notes):
        print(f"  {note}")
    print_each(warnings)
    return 0
