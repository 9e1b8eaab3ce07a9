"""``workreport new``: add one placeholder record with the next free id, for editors to fill in.

Editors' files carry comments, section headings and a layout of their own, so the new entry
is spliced into the text, never re-dumped through a YAML writer: every old byte stays where
it was and the new block is the only difference. The data is loaded again afterwards; if
anything is wrong the file is put back as it was (or the new file removed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import chain, count
from pathlib import Path
from typing import Any

import yaml

from .dataset import Dataset
from .loading import load_dataset
from .model import BottomLine, Category, HonorLevel, IndicatorSource, Stage, Unit
from .problems import Problem
from .schema import SCHEMA_FILE
from .validation import KIND_LABELS, PLACEHOLDER, PLACEHOLDER_WARNING
from .yamlsource import parse_yaml


@dataclass(frozen=True)
class KindSpec:
    """One kind of record the command can add."""

    key: str
    """Top-level YAML key and Dataset attribute, e.g. ``tasks``."""
    unit_field: str
    folder: str | None = None
    """``tasks`` (one file per unit) or ``cases`` (one file per record); None: one shared file."""
    group_field: str | None = None
    """The field the shared file is arranged in sections by (省考/市考…): new entries join their section."""

    @property
    def label(self) -> str:
        return KIND_LABELS[self.key]


KINDS: dict[str, KindSpec] = {
    "task": KindSpec("tasks", "owner_unit", folder="tasks"),
    "indicator": KindSpec("indicators", "owner_unit", group_field="source"),
    "project": KindSpec("projects", "owner_unit", group_field="stage"),
    "case": KindSpec("cases", "unit", folder="cases"),
    "highlight": KindSpec("highlights", "unit"),
    "honor": KindSpec("honors", "unit", group_field="level"),
    "bottom-line": KindSpec("bottom_lines", "unit", group_field="line"),
}
KIND_NAMES = "、".join(f"{name}（{spec.label}）" for name, spec in KINDS.items())

# Middle parts of ids when no record of that group exists yet (I-PROV-01, BL-S-01).
SOURCE_CODES = {IndicatorSource.provincial: "PROV", IndicatorSource.municipal: "CITY", IndicatorSource.shared: "SHARE"}
LINE_CODES = {BottomLine.safety: "S", BottomLine.integrity: "I"}
_STOP_WORDS = {"a", "an", "and", "for", "in", "of", "on", "the", "to"}
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


class ScaffoldError(Exception):
    """A user's mistake (status 2) or data that cannot take a new record (status 1)."""

    def __init__(self, message: str, status: int = 2, problems: Sequence[Problem] = ()):
        super().__init__(message)
        self.status = status
        self.problems = list(problems)


# ---------------------------------------------------------------------- the command


def add_new_command(commands: argparse._SubParsersAction) -> None:
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
    new.add_argument("--prefix", help="工程编号的类别代码或工程类别，如 IRR 或 灌区改造 → P-IRR-05（仅 project）")
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
        draft = DRAFTERS[name](context)
        edit = plan_edit(spec, draft, context.unit, before.dataset, data_dir.resolve(), root.resolve())
        warnings = apply_edit(edit, spec, draft, data_dir, root, before.problems)
    except ScaffoldError as error:
        _print_problems(error.problems)
        print(error, file=sys.stderr)
        return error.status
    shown = _display(edit.path, root.resolve())
    where = f"已在 {shown} 第 {edit.line} 行" if edit.original is not None else f"已新建 {shown}，在第 {edit.line} 行"
    print(f"{where}添加{spec.label} {draft.record_id}，请填写标有“{PLACEHOLDER}”的字段。")
    for note in filter(None, draft.notes):
        print(f"  {note}")
    _print_problems(warnings)
    return 0


def resolve_kind(given: str | None) -> tuple[str, KindSpec]:
    if not given:
        raise ScaffoldError(f"请指定要新增的记录类型，如 workreport new task --unit rural-water。可选：{KIND_NAMES}")
    wanted = given.strip().lower().replace("_", "-")
    for name, spec in KINDS.items():
        if wanted in (name, f"{name}s", spec.key.replace("_", "-"), spec.label):
            return name, spec
    guess = difflib.get_close_matches(wanted, list(KINDS), n=1, cutoff=0.6)
    hint = f"是否应为“{guess[0]}”？" if guess else ""
    raise ScaffoldError(f"不认识的记录类型“{given}”。{hint}可选：{KIND_NAMES}")


def option_value(args: argparse.Namespace, name: str) -> str | None:
    """An option's value; a Namespace built by hand may leave options out."""
    return getattr(args, name, None)


def _print_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# ---------------------------------------------------------------------- choices


@dataclass
class Context:
    """What the new record is about: its unit, line of work, title and the dataset around it."""

    dataset: Dataset
    unit: Unit
    category: Category
    title: str | None
    args: argparse.Namespace
    notes: list[str] = field(default_factory=list)

    @classmethod
    def from_args(cls, dataset: Dataset, spec: KindSpec, args: argparse.Namespace) -> Context:
        unit = resolve_unit(dataset, option_value(args, "unit"))
        notes: list[str] = []
        given_category = option_value(args, "category")
        if given_category:
            category = resolve_category(dataset, given_category)
        else:
            category = default_category(dataset, unit)
            if spec.key in ("tasks", "cases", "projects", "highlights"):
                notes.append(f"工作条线取 {category.id}（{category.name}）；要换一条请加 --category，或直接改文件。")
        given_title = option_value(args, "title")
        title = given_title.strip() if given_title else None
        if given_title is not None and not title:
            raise ScaffoldError("--title 不能为空")
        return cls(dataset, unit, category, title, args, notes)


def resolve_unit(dataset: Dataset, given: str | None) -> Unit:
    listing = "、".join(f"{u.id}（{u.label}）" for u in dataset.units)
    if not given:
        raise ScaffoldError(f"请用 --unit 指定责任单位编号。可用的单位：{listing}")
    wanted = given.strip()
    for unit in dataset.units:
        if wanted in (unit.id, unit.name, unit.short_name):
            return unit
    by_name = {u.id: u for u in dataset.units} | {u.name: u for u in dataset.units}
    by_name |= {u.short_name: u for u in dataset.units if u.short_name}
    matches = [by_name[m] for m in difflib.get_close_matches(wanted, list(by_name), n=6, cutoff=0.5)]
    close = list({u.id: u for u in matches}.values())[:3]
    if close:
        hint = "是否应为：" + "、".join(f"{u.id}（{u.label}）" for u in close) + "？"
    else:
        hint = f"可用的单位：{listing}"
    raise ScaffoldError(f"没有编号为“{wanted}”的单位（见 org.yaml）。{hint}")


def resolve_category(dataset: Dataset, given: str) -> Category:
    wanted = given.strip()
    for category in dataset.categories:
        if wanted in (category.id, category.name):
            return category
    ids = [c.id for c in dataset.categories]
    guess = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.5)
    hint = f"是否应为“{guess[0]}”？" if guess else ""
    listing = "、".join(f"{c.id}（{c.name}）" for c in dataset.categories)
    raise ScaffoldError(f"没有编号为“{wanted}”的工作条线（见 report.yaml）。{hint}可用的条线：{listing}")


def default_category(dataset: Dataset, unit: Unit) -> Category:
    """The line of work the unit's tasks, cases, projects and highlights use most; else the first."""
    used = Counter(
        record.category
        for kind in ("tasks", "cases", "projects", "highlights")
        for record in dataset.of_unit(unit.id, kind)
        if record.category
    )
    order = {c.id: i for i, c in enumerate(dataset.categories)}
    ranked = sorted((c for c in used if c in order), key=lambda c: (-used[c], order[c]))
    return dataset.category_by_id[ranked[0]] if ranked else dataset.categories[0]


def resolve_choice(
    enum: type[Enum], args: argparse.Namespace, option: str, fallback: Enum, aliases: dict[str, Enum] | None = None
) -> Enum:
    """The option's enum value, from its Chinese value, its English name or a code such as PROV."""
    given = option_value(args, option)
    aliases = aliases or {}
    if not given:
        return fallback
    wanted = given.strip()
    for member in enum:
        if wanted in (member.value, member.name) or aliases.get(wanted.upper()) is member:
            return member
    values = "、".join(str(m.value) for m in enum)
    raise ScaffoldError(f"--{option} 不认识“{wanted}”，应为以下之一：{values}")


def most_common(values: Iterable[Any], fallback: Any) -> Any:
    counted = Counter(values).most_common(1)
    return counted[0][0] if counted else fallback


# ---------------------------------------------------------------------- ids


def split_id(record_id: str) -> tuple[str, str] | None:
    """``T-RV-09`` -> ``("T-RV-", "09")``; None when the id does not end in digits."""
    match = _NUMBERED.match(record_id)
    return (match[1], match[2]) if match else None


def next_id(prefix: str, used: Iterable[str]) -> str:
    """One past the highest number used with ``prefix``, as wide as the widest existing one."""
    numbers = [parts[1] for parts in map(split_id, used) if parts and parts[0] == prefix]
    width = max((len(n) for n in numbers), default=2)
    return f"{prefix}{max((int(n) for n in numbers), default=0) + 1:0{width}d}"


def group_prefix(ids_by_group: Sequence[tuple[Any, str]], group: Any, codes: Iterable[str], lead: str) -> str:
    """The id prefix for a new record of ``group``, following the ids already in use.

    Records of the same group show the prefix (T-RV- for 服务乡村振兴). When one short
    prefix serves every group (T-1, T-2…), it is kept. Otherwise a new middle part is made
    from ``codes``, skipping any a different group already uses.
    """
    prefixes = [(g, parts[0]) for g, record_id in ids_by_group if (parts := split_id(record_id))]
    own = [p for g, p in prefixes if g == group]
    if own:
        return most_common(own, None)
    used = {p for _, p in prefixes}
    if len(used) == 1 and next(iter(used)).count("-") <= 1:
        return next(iter(used))
    lead = most_common((p.split("-")[0] for p in used if p.count("-") >= 2), lead)
    codes = iter(codes)
    first = next(codes)
    numbered = (f"{first}{number}" for number in count(2))  # when every code is taken
    return next(f"{lead}-{code}-" for code in chain([first], codes, numbered) if f"{lead}-{code}-" not in used)


def category_codes(category_id: str) -> Iterator[str]:
    """Middle parts made from a category id: rule-of-law -> RL, then RU, RUL…"""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", category_id) if w and w.lower() not in _STOP_WORDS]
    words = words or [category_id]
    first = "".join(w[0] for w in words[:3]).upper() if len(words) > 1 else words[0][:2].upper()
    yield first
    for length in range(2, len(words[0]) + 1):
        yield words[0][:length].upper()


# ---------------------------------------------------------------------- the new entry


@dataclass(frozen=True)
class Row:
    """One line of the new entry: ``depth`` levels below the entry's keys, text and a comment."""

    depth: int
    text: str
    comment: str = ""


def scalar(value: Any) -> str:
    """A value as YAML that reads back as exactly that value (quoted only when needed)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, dt.date)):
        return str(value)
    if isinstance(value, list) and not value:
        return "[]"
    text = str(value)
    try:
        plain_ok = "\n" not in text and yaml.safe_load(f"k: {text}  # c") == {"k": text}
    except yaml.YAMLError:
        plain_ok = False
    if plain_ok:
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    return quoted.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85")


def put(depth: int, key: str, value: Any, comment: str = "") -> Row:
    return Row(depth, f"{key}: {scalar(value)}", comment)


def open_key(depth: int, key: str, comment: str = "") -> Row:
    return Row(depth, f"{key}:", comment)


def hint(depth: int, text: str) -> Row:
    """A comment line of its own, e.g. an example entry to copy."""
    return Row(depth, "", text)


def empty_log(key: str, example: str, what: str) -> list[Row]:
    """An empty dated log, with a commented example entry to copy below it."""
    return [put(0, key, [], f"{what}：删去 []，在下一行起按示例逐条追加"), hint(1, f"- {example}")]


@dataclass
class Draft:
    """The new record before it meets a file."""

    record_id: str
    rows: list[Row]
    group: Any = None
    header: str = ""
    """Second comment line when the record starts a new file."""
    notes: list[str] = field(default_factory=list)


def _ids(records: Iterable[Any]) -> list[str]:
    return [r.id for r in records]


def draft_task(ctx: Context) -> Draft:
    data, unit, category = ctx.dataset, ctx.unit, ctx.category
    prefix = group_prefix([(t.category, t.id) for t in data.tasks], category.id, category_codes(category.id), "T")
    record_id = next_id(prefix, _ids(data.tasks))
    period, as_of = data.report.period, data.report.as_of
    rows = [
        put(0, "id", record_id, "任务编号：已自动取下一个空号"),
        put(0, "title", ctx.title or f"{PLACEHOLDER}任务名称", "任务名称"),
        put(0, "category", category.id, f"工作条线编号（见 report.yaml）：{category.name}"),
        put(0, "owner_unit", unit.id, f"牵头单位编号（见 org.yaml）：{unit.name}"),
        open_key(0, "target", "量化目标；只有里程碑的任务可删去 target，改填 milestones"),
        put(1, "value", 1, "目标数量（占位值 1，请改为实际数量）"),
        put(1, "measure", f"{PLACEHOLDER}计量单位", "计量单位，如“个”“座”“公里”"),
        open_key(0, "window", "时间窗口（默认为整个报告期），序时进度按此计算"),
        put(1, "start", period.start, "开始日期"),
        put(1, "end", period.end, "计划完成日期"),
        *empty_log("progress", f"{{date: {as_of}, done: 1, note: {PLACEHOLDER}进展说明}}", "进度日志"),
    ]
    header = f"{unit.name}重点任务：由{unit.label}编辑维护，进度每月底追加一条。"
    return Draft(record_id, rows, header=header, notes=ctx.notes)


def draft_indicator(ctx: Context) -> Draft:
    data = ctx.dataset
    own = [i.source for i in data.of_unit(ctx.unit.id, "indicators")]
    aliases: dict[str, Enum] = {code: source for source, code in SOURCE_CODES.items()}
    source = resolve_choice(IndicatorSource, ctx.args, "source", most_common(own, IndicatorSource.provincial), aliases)
    pairs = [(i.source, i.id) for i in data.indicators]
    record_id = next_id(group_prefix(pairs, source, [SOURCE_CODES[source]], "I"), _ids(data.indicators))
    rows = [
        put(0, "id", record_id, "指标编号：已自动取下一个空号"),
        put(0, "name", ctx.title or f"{PLACEHOLDER}指标名称", "指标名称"),
        put(0, "source", source.value, "来源：省考 / 市考 / 承担系数"),
        put(0, "owner_unit", ctx.unit.id, f"局内责任单位编号（见 org.yaml）：{ctx.unit.name}"),
    ]
    if source is IndicatorSource.shared:
        rows.append(put(0, "lead_department", f"{PLACEHOLDER}局外牵头部门", "局外牵头部门，如“市农业农村局”（承担系数类必填）"))
    rows += [
        put(0, "weight", 0, "分值（占位值 0，请改为实际分值）"),
        open_key(0, "target", "目标值及方向"),
        put(1, "value", 0, "目标值（占位值 0，请改为实际目标）"),
        put(1, "direction", "higher", "higher（越高越好）或 lower（越低越好）"),
        put(1, "measure", f"{PLACEHOLDER}计量单位", "计量单位，如“%”“分”"),
        *empty_log("values", f"{{date: {data.report.as_of}, value: 0, note: {PLACEHOLDER}说明}}", "监测值"),
    ]
    notes = [*ctx.notes, f"来源：{source.value}（要换请加 --source 省考/市考/承担系数）。"]
    return Draft(record_id, rows, group=source.value, notes=notes)


def draft_project(ctx: Context) -> Draft:
    data = ctx.dataset
    stage = resolve_choice(Stage, ctx.args, "stage", Stage.preliminary)
    prefix, kind, note = project_prefix(data, ctx.unit, option_value(ctx.args, "prefix"))
    record_id = next_id(prefix, _ids(data.projects))
    period, as_of = data.report.period, data.report.as_of
    stages = " / ".join(s.value for s in Stage)
    rows = [
        put(0, "id", record_id, "工程编号：已自动取下一个空号"),
        put(0, "name", ctx.title or f"{PLACEHOLDER}工程名称", "工程名称"),
        put(0, "kind", kind or f"{PLACEHOLDER}工程类别", "工程类别，如“灌区改造”“水库除险加固”"),
        put(0, "county", f"{PLACEHOLDER}所在县（市、区）", "所在县（市、区）"),
        put(0, "owner_unit", ctx.unit.id, f"局内责任单位编号（见 org.yaml）：{ctx.unit.name}"),
        put(0, "category", ctx.category.id, f"工作条线编号（可不填）：{ctx.category.name}"),
        put(0, "stage", stage.value, f"当前阶段：{stages}"),
        open_key(0, "investment", "投资情况（万元）"),
        put(1, "total", 0, "总投资（占位值 0，请改为实际金额）"),
        put(1, "planned_this_year", 0, "年度计划投资（占位值 0，请改为实际金额）"),
        open_key(0, "dates", "关键日期（默认为报告期起止）"),
        put(1, "start", period.start, "开工日期（实际或计划）"),
        put(1, "planned_completion", period.end, "计划完工日期"),
        *empty_log("prerequisites", f"{{name: 立项, planned: {period.end}}}", "前置要件"),
        *empty_log("progress", f"{{date: {as_of}, percent: 0, invested: 0, note: {PLACEHOLDER}进展说明}}", "进度日志"),
    ]
    return Draft(record_id, rows, group=stage.value, notes=[*ctx.notes, note])


def project_prefix(data: Dataset, unit: Unit, given: str | None) -> tuple[str, str | None, str]:
    """(prefix, 工程类别, note): from --prefix (a code or a 工程类别), else the unit's usual one, else P-NEW-."""
    by_prefix: dict[str, Counter[str]] = {}
    for project in data.projects:
        if parts := split_id(project.id):
            by_prefix.setdefault(parts[0], Counter())[project.kind] += 1
    shared = len(by_prefix) == 1 and next(iter(by_prefix)).count("-") <= 1
    lead = most_common((p.split("-")[0] for p in by_prefix if p.count("-") >= 2), "P")
    codes = (f"{p.removeprefix(lead + '-').rstrip('-')}（{k.most_common(1)[0][0]}）" for p, k in by_prefix.items())
    known = "、".join(codes)
    known = known or "（暂无）"
    if given:
        wanted = given.strip()
        for prefix, kinds in by_prefix.items():
            if wanted in kinds:
                return prefix, wanted, f"工程类别：{wanted}。"
        code = wanted.upper().removeprefix(f"{lead}-").strip("-")
        if not re.fullmatch(r"[A-Z0-9]+", code):
            raise ScaffoldError(f"--prefix 应为英文字母或数字的类别代码，或已有的工程类别。现有：{known}")
        prefix = f"{lead}-{code}-"
        kinds = by_prefix.get(prefix)
        return prefix, kinds.most_common(1)[0][0] if kinds else None, f"编号类别代码：{code}。"
    if shared:
        return next(iter(by_prefix)), None, ""
    own = [parts[0] for p in data.of_unit(unit.id, "projects") if (parts := split_id(p.id))]
    if own:
        prefix = most_common(own, None)
        kind = by_prefix[prefix].most_common(1)[0][0]
        return prefix, kind, f"按该单位已有工程编为 {prefix}NN（{kind}）；其他类别请加 --prefix，现有：{known}。"
    return f"{lead}-NEW-", None, f"该单位还没有工程，暂编为 {lead}-NEW-NN；可加 --prefix 指定类别代码，现有：{known}。"


def draft_case(ctx: Context) -> Draft:
    data, category = ctx.dataset, ctx.category
    prefix = most_common((p[0] for c in data.cases if (p := split_id(c.id))), "C-")
    record_id = next_id(prefix, _ids(data.cases))
    # One case per file: the next number whose file does not exist either.
    while (data.data_dir / "cases" / f"{record_id}.yaml").exists():
        record_id = next_id(prefix, [*_ids(data.cases), record_id])
    title = ctx.title or f"{PLACEHOLDER}案例标题"
    rows = [
        put(0, "id", record_id, "案例编号：已自动取下一个空号"),
        put(0, "title", title, "案例标题"),
        put(0, "unit", ctx.unit.id, f"报送单位编号（见 org.yaml）：{ctx.unit.name}"),
        put(0, "category", category.id, f"工作条线编号（见 report.yaml）：{category.name}"),
        put(0, "date", data.report.as_of, "成稿日期"),
        put(0, "summary", f"{PLACEHOLDER}摘要（一两句话）", "摘要"),
        put(0, "background", f"{PLACEHOLDER}背景", "背景"),
        open_key(0, "practices", "主要做法，至少一条；多条时照样追加“- title: … text: …”"),
        put(1, "- title", f"{PLACEHOLDER}做法提要", "做法的提要（一句话）"),
        put(1, "  text", f"{PLACEHOLDER}具体做法", "具体内容"),  # under "title", past the "- "
        open_key(0, "results", "取得成效"),
        put(1, "text", f"{PLACEHOLDER}成效描述", "成效描述"),
        put(1, "figures", [], "关键数字：删去 []，在下一行起按示例逐条追加"),
        hint(2, f"- {{label: {PLACEHOLDER}数字含义, value: 0, measure: 个}}"),
        put(0, "lessons", f"{PLACEHOLDER}经验启示", "经验启示"),
        put(0, "photos", [], f"照片：先放到 data/photos/{record_id}/，再删去 [] 按示例追加"),
        hint(1, f"- {{file: photos/{record_id}/1.jpg, caption: {PLACEHOLDER}图注}}"),
    ]
    header = f"典型案例 {record_id}：{' '.join(title.split())}（{ctx.unit.name}编写维护）"  # one comment line
    return Draft(record_id, rows, header=header, notes=ctx.notes)


def draft_highlight(ctx: Context) -> Draft:
    data = ctx.dataset
    prefix = most_common((p[0] for h in data.highlights if (p := split_id(h.id))), "H-")
    record_id = next_id(prefix, _ids(data.highlights))
    example = f"{{outlet: {PLACEHOLDER}媒体名称, level: 市级, date: {data.report.as_of}, title: {PLACEHOLDER}报道标题}}"
    rows = [
        put(0, "id", record_id, "亮点编号：已自动取下一个空号"),
        put(0, "title", ctx.title or f"{PLACEHOLDER}亮点标题", "亮点标题"),
        put(0, "summary", f"{PLACEHOLDER}简要说明", "简要说明"),
        put(0, "unit", ctx.unit.id, f"责任单位编号（见 org.yaml）：{ctx.unit.name}"),
        put(0, "category", ctx.category.id, f"工作条线编号（可不填）：{ctx.category.name}"),
        put(0, "date", data.report.as_of, "日期（默认为截至日期）"),
        *empty_log("media", example, "媒体报道"),
    ]
    return Draft(record_id, rows, notes=ctx.notes)


def draft_honor(ctx: Context) -> Draft:
    data = ctx.dataset
    level = resolve_choice(HonorLevel, ctx.args, "level", HonorLevel.provincial)
    prefix = most_common((p[0] for h in data.honors if (p := split_id(h.id))), "HN-")
    record_id = next_id(prefix, _ids(data.honors))
    rows = [
        put(0, "id", record_id, "荣誉编号：已自动取下一个空号"),
        put(0, "name", ctx.title or f"{PLACEHOLDER}荣誉名称", "荣誉名称"),
        put(0, "level", level.value, "级别：国家级 / 省级 / 市级"),
        put(0, "issuer", f"{PLACEHOLDER}授予（评选）机关", "授予（评选）机关"),
        put(0, "unit", ctx.unit.id, f"争创单位编号（见 org.yaml）：{ctx.unit.name}"),
        put(0, "status", "谋划中", "状态：谋划中 / 申报中 / 已获得（须填 awarded_on）/ 未获得"),
        put(0, "cases", [], "支撑材料：典型案例编号，如 [C-01, C-03]"),
        put(0, "highlights", [], "支撑材料：亮点编号，如 [H-02]"),
    ]
    return Draft(record_id, rows, group=level.value, notes=[f"级别：{level.value}（要换请加 --level 国家级/省级/市级）。"])


def draft_bottom_line(ctx: Context) -> Draft:
    data = ctx.dataset
    own = [b.line for b in data.of_unit(ctx.unit.id, "bottom_lines")]
    aliases: dict[str, Enum] = {code: line for line, code in LINE_CODES.items()}
    line = resolve_choice(BottomLine, ctx.args, "line", most_common(own, BottomLine.safety), aliases)
    pairs = [(b.line, b.id) for b in data.bottom_lines]
    record_id = next_id(group_prefix(pairs, line, [LINE_CODES[line]], "BL"), _ids(data.bottom_lines))
    rows = [
        put(0, "id", record_id, "事项编号：已自动取下一个空号"),
        put(0, "line", line.value, "底线：安全生产 / 党风廉政"),
        put(0, "unit", ctx.unit.id, f"自查单位编号（见 org.yaml）：{ctx.unit.name}"),
        put(0, "item", ctx.title or f"{PLACEHOLDER}自查事项", "自查事项"),
        put(0, "status", "未开始", "状态：已完成 / 整改中 / 未开始；自查后补填 checked_on、finding"),
    ]
    return Draft(record_id, rows, group=line.value, notes=[f"底线：{line.value}（要换请加 --line 安全生产/党风廉政）。"])


DRAFTERS: dict[str, Callable[[Context], Draft]] = {
    "task": draft_task,
    "indicator": draft_indicator,
    "project": draft_project,
    "case": draft_case,
    "highlight": draft_highlight,
    "honor": draft_honor,
    "bottom-line": draft_bottom_line,
}


# ---------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class Layout:
    """How a file writes its list items: ``  - id:`` is dash 2, key 4; nested keys ``step`` deeper."""

    dash: int = 2
    key: int = 4
    step: int = 2


ALIGN_LIMIT = 48  # lines wider than this (a long title) keep their comment two spaces away


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_item(rows: Sequence[Row], layout: Layout) -> list[str]:
    """The entry's lines, without line endings, comments aligned in one column."""
    bodies: list[tuple[str, str]] = []
    for index, row in enumerate(rows):
        if index == 0:
            lead = " " * layout.dash + "-" + " " * (layout.key - layout.dash - 1)
        else:
            lead = " " * (layout.key + row.depth * layout.step)
        bodies.append((lead + row.text, row.comment) if row.text else (f"{lead}# {row.comment}", ""))
    widths = [display_width(body) for body, comment in bodies if comment and display_width(body) <= ALIGN_LIMIT]
    column = max(widths, default=0) + 2
    return [
        f"{body}{' ' * max(2, column - display_width(body))}# {comment}" if comment else body
        for body, comment in bodies
    ]


# ---------------------------------------------------------------------- placing it in a file


@dataclass
class Edit:
    """The file to write: its new text, its old bytes (None when new) and the entry's line."""

    path: Path
    text: str
    original: bytes | None
    line: int
    created_dirs: list[Path] = field(default_factory=list)

    @property
    def data(self) -> bytes:
        return self.text.encode("utf-8")


def newline_of(raw: bytes) -> str:
    return "\r\n" if raw.count(b"\r\n") * 2 > raw.count(b"\n") else "\n"


def record_file(record: Any, root: Path) -> Path:
    return (root / record.origin.file).resolve()


def target_path(spec: KindSpec, draft: Draft, data: Dataset, data_dir: Path, root: Path, unit: Unit) -> Path:
    """tasks/<unit>.yaml, cases/<id>.yaml, or <kind>.yaml; data kept in one file stays in that file."""
    records = getattr(data, spec.key)
    holders = Counter(record_file(r, root) for r in records)
    if spec.folder:
        name = unit.id if spec.folder == "tasks" else draft.record_id
        own = data_dir / spec.folder / f"{name}.yaml"
        if own.exists() or (data_dir / spec.folder).is_dir() or not holders:
            return own
        unit_files = Counter(record_file(r, root) for r in records if getattr(r, spec.unit_field) == unit.id)
        return (unit_files or holders).most_common(1)[0][0]
    default = data_dir / f"{spec.key}.yaml"
    if default.exists() or not holders:
        return default
    return holders.most_common(1)[0][0]


def plan_edit(spec: KindSpec, draft: Draft, unit: Unit, data: Dataset, data_dir: Path, root: Path) -> Edit:
    path = target_path(spec, draft, data, data_dir, root, unit)
    if path.exists():
        return splice(path, spec, draft)
    return new_file(path, spec, draft, data_dir)


def new_file(path: Path, spec: KindSpec, draft: Draft, data_dir: Path) -> Edit:
    """A file of its own, headed like its neighbours: the schema line, a Chinese comment, the key."""
    siblings = sorted(path.parent.glob("*.yaml")) if path.parent.is_dir() else []
    sample = siblings[0] if siblings else data_dir / "report.yaml"
    newline = newline_of(sample.read_bytes()) if sample.is_file() else "\n"
    schema = Path(os.path.relpath(data_dir / SCHEMA_FILE, path.parent)).as_posix()
    header = draft.header or f"{spec.label}：按模板逐条填写，字段含义见编辑器的悬停提示。"
    lines = [f"# yaml-language-server: $schema={schema}", f"# {header}", f"{spec.key}:"]
    lines += render_item(draft.rows, Layout())
    missing = [p for p in [path.parent, *path.parent.parents] if not p.exists()]
    return Edit(path, newline.join(lines) + newline, None, 4, created_dirs=missing)


class _Lines:
    """A text's lines with their offsets; line endings (LF or CRLF) are left exactly as they are."""

    def __init__(self, text: str):
        self.text = text
        self.parts = text.split("\n")
        if self.parts[-1] == "":
            self.parts.pop()
        self.starts = list(_running_offsets(self.parts))

    def __len__(self) -> int:
        return len(self.parts)

    def content(self, index: int) -> str:
        line = self.parts[index].rstrip("\r")
        return line.lstrip("\ufeff") if index == 0 else line

    def indent(self, index: int) -> int:
        line = self.content(index)
        return len(line) - len(line.lstrip(" "))

    def is_blank(self, index: int) -> bool:
        return not self.content(index).strip()

    def is_comment(self, index: int) -> bool:
        return self.content(index).lstrip().startswith("#")

    def after(self, index: int) -> int:
        """Offset just past line ``index`` and its line ending."""
        return min(self.starts[index] + len(self.parts[index]) + 1, len(self.text))

    def terminated(self, index: int) -> bool:
        return self.text[self.after(index) - 1 : self.after(index)] == "\n"

    def owned_until(self, start: int, limit: int, indent: int) -> int:
        """The last line of the block opened at ``start``: lines (comments too) indented deeper.

        Blank lines and shallower comments after it (a section heading such as
        ``  # —— 市考指标 ——``, or a comment above the next key) belong to what follows.
        """
        last = start
        for index in range(start + 1, limit):
            if not self.is_blank(index) and self.indent(index) > indent:
                last = index
            elif not self.is_blank(index) and not self.is_comment(index):
                break
        return last


def _running_offsets(parts: Sequence[str]) -> Iterator[int]:
    offset = 0
    for part in parts:
        yield offset
        offset += len(part) + 1


_DASH = re.compile(r"^( *)-( +|$)")
_OTHER_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def splice(path: Path, spec: KindSpec, draft: Draft) -> Edit:
    """Insert the entry as text: after the last item (of its section), or start the list."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    newline = newline_of(raw)
    # Lines as editors count them (LF or CRLF): the other breaks YAML knows become spaces for the parse.
    doc = parse_yaml(_OTHER_BREAKS.sub(" ", text.lstrip("\ufeff")), path.name)
    if not isinstance(doc.value, dict) or doc.problems:
        raise ScaffoldError(f"{path.name} 无法读取，未作修改。", 1, doc.problems)
    lines = _Lines(text)
    if spec.key not in doc.value:
        return _append_key(path, raw, lines, spec, draft, newline)
    key_index = doc.lines[(spec.key,)] - 1
    later = [doc.lines[(k,)] - 1 for k in doc.value if doc.lines[(k,)] - 1 > key_index]
    block_end = min(later, default=len(lines))
    items = doc.value[spec.key] or []
    if not items:
        return _start_list(path, raw, lines, key_index, block_end, spec, draft, newline)
    dashes = _dash_lines(lines, doc, spec.key, path)
    layout = _layout(lines, dashes[0], dashes[1] if len(dashes) > 1 else block_end)
    anchor = _anchor(items, spec.group_field, draft.group)
    limit = dashes[anchor + 1] if anchor + 1 < len(dashes) else block_end
    last = lines.owned_until(dashes[anchor], limit, layout.dash)
    block = ([""] if _blank_between(lines, doc, spec.key, dashes) else []) + render_item(draft.rows, layout)
    return _insert_after(path, raw, lines, last, block, len(block) - len(draft.rows), newline)


def _dash_lines(lines: _Lines, doc: Any, key: str, path: Path) -> list[int]:
    key_index = doc.lines[(key,)] - 1
    return [_dash_line(lines, doc.lines[(key, i)] - 1, key_index, path) for i in range(len(doc.value[key]))]


def _dash_line(lines: _Lines, index: int, key_index: int, path: Path) -> int:
    """The ``- `` line of an item (the item usually starts on it: ``  - id: T-01``)."""
    while index > key_index:
        if _DASH.match(lines.content(index)):
            return index
        index -= 1
    raise ScaffoldError(f"{path.name} 的列表不是每项以“- ”开头的写法（如 [..] 写在一行），无法自动追加：请改为逐行列表后再试。", 1)


def _layout(lines: _Lines, dash: int, limit: int) -> Layout:
    match = _DASH.match(lines.content(dash))
    assert match is not None
    indent = len(match[1])
    key = indent + 1 + len(match[2]) if match[2] else indent + 2
    nested = (
        lines.indent(i)
        for i in range(dash + 1, limit)
        if not lines.is_blank(i) and not lines.is_comment(i) and lines.indent(i) > key
    )
    step = next(nested, key + 2) - key
    return Layout(indent, key, min(step, 8))


def _anchor(items: list[Any], group_field: str | None, group: Any) -> int:
    """The item to follow: the last of the new entry's section when the file is laid out in
    sections by ``group_field`` (each value in one run), else the last item."""
    if group_field is None:
        return len(items) - 1
    values = [item.get(group_field) if isinstance(item, dict) else None for item in items]
    runs = [v for i, v in enumerate(values) if i == 0 or v != values[i - 1]]
    if group in values and len(runs) == len(set(runs)) > 1:
        return max(i for i, v in enumerate(values) if v == group)
    return len(items) - 1


def _blank_between(lines: _Lines, doc: Any, key: str, dashes: list[int]) -> bool:
    """Whether items are separated by a blank line (looking past section comments); yes when unknown.

    A list of one item shows nothing, so then the file's other lists decide.
    """
    lists = [dashes]
    if len(dashes) < 2:
        for other, value in doc.value.items():
            if other != key and isinstance(value, list) and value:
                try:
                    lists.append(_dash_lines(lines, doc, other, Path(other)))
                except ScaffoldError:  # a list written on one line: no separators to learn from
                    continue
    votes = []
    for found in lists:
        for dash in found[1:]:
            index = dash - 1
            while index > 0 and lines.is_comment(index):
                index -= 1
            votes.append(lines.is_blank(index))
    return not votes or sum(votes) * 2 >= len(votes)


def _insert_after(
    path: Path, raw: bytes, lines: _Lines, last: int, block: list[str], item_at: int, newline: str
) -> Edit:
    """Splice ``block`` after line ``last``; ``item_at`` is the index of the entry's first line in it."""
    if lines.terminated(last):
        offset, chunk = lines.after(last), "".join(line + newline for line in block)
        first = offset + sum(len(line) + len(newline) for line in block[:item_at])
    else:  # the file ends without a line break: keep it that way
        offset, chunk = len(lines.text), "".join(newline + line for line in block)
        first = offset + sum(len(newline) + len(line) for line in block[:item_at]) + len(newline)
    text = lines.text[:offset] + chunk + lines.text[offset:]
    return Edit(path, text, raw, text.count("\n", 0, first) + 1)


_EMPTY_KEY = r"^{key}:[ \t]*(\[[ \t]*\]|~|null|Null|NULL)?[ \t]*(#.*)?$"


def _start_list(
    path: Path, raw: bytes, lines: _Lines, key_index: int, block_end: int, spec: KindSpec, draft: Draft, newline: str
) -> Edit:
    """The key has no items yet (``tasks:`` or ``tasks: []``): the entry becomes the first one."""
    line = lines.content(key_index)
    match = re.match(_EMPTY_KEY.format(key=re.escape(spec.key)), line)
    if match is None:
        raise ScaffoldError(f"{path.name} 中“{spec.key}:”一行的写法无法自动追加：请改为“{spec.key}:”后再试。", 1)
    if match[1]:
        # ``tasks: []`` must lose its ``[]`` before items can follow: the one old line touched.
        start = lines.starts[key_index] + len(lines.parts[key_index].rstrip("\r")) - len(line)
        bare = f"{spec.key}:" + (f"  {match[2]}" if match[2] else "")
        rewritten = lines.text[:start] + bare + lines.text[start + len(line) :]
        return _start_list(path, raw, _Lines(rewritten), key_index, block_end, spec, draft, newline)
    last = lines.owned_until(key_index, block_end, 0)
    return _insert_after(path, raw, lines, last, render_item(draft.rows, Layout()), 0, newline)


def _append_key(path: Path, raw: bytes, lines: _Lines, spec: KindSpec, draft: Draft, newline: str) -> Edit:
    """The file has no such key yet: add it at the end, after a blank line."""
    block = [f"{spec.key}:", *render_item(draft.rows, Layout())]
    if not len(lines):
        return Edit(path, lines.text + newline.join(block) + newline, raw, 2)
    block = ([] if lines.is_blank(len(lines) - 1) else [""]) + block
    return _insert_after(path, raw, lines, len(lines) - 1, block, len(block) - len(draft.rows), newline)


# ---------------------------------------------------------------------- writing, checking, undoing


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` in one step, keeping its permissions: never a half-written file."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_edit(edit: Edit) -> None:
    if edit.original is not None:
        write_atomically(edit.path, edit.data)
        return
    for folder in reversed(edit.created_dirs):
        folder.mkdir()
    with edit.path.open("xb") as stream:  # never overwrite a file that appeared meanwhile
        stream.write(edit.data)


def undo_edit(edit: Edit) -> None:
    if edit.original is not None:
        write_atomically(edit.path, edit.original)
        return
    edit.path.unlink(missing_ok=True)
    for folder in edit.created_dirs:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def apply_edit(
    edit: Edit, spec: KindSpec, draft: Draft, data_dir: Path, root: Path, before: Sequence[Problem]
) -> list[Problem]:
    """Write, load everything again, and undo unless the new record loads cleanly. Returns new warnings."""
    write_edit(edit)
    try:
        result = load_dataset(data_dir, root)
    except BaseException:
        undo_edit(edit)
        raise
    records = getattr(result.dataset, spec.key, [])
    found = any(r.id == draft.record_id and record_file(r, root.resolve()) == edit.path.resolve() for r in records)
    if result.errors or result.dataset is None or not found:
        undo_edit(edit)
        shown = _display(edit.path, root.resolve())
        undone = f"{shown} 保持原样" if edit.original is not None else f"未新建 {shown}"
        message = f"新增的{spec.label} {draft.record_id} 未能通过检查，已撤销，{undone}。请把上面的问题报告给开发人员。"
        raise ScaffoldError(message, 1, result.problems)
    # Field paths shift when an entry joins the middle of a list: compare by file and message.
    seen = Counter((p.file, p.message) for p in before)
    fresh = []
    for problem in result.warnings:
        if problem.message.startswith(PLACEHOLDER_WARNING):
            continue  # the message above already says to fill in the placeholders
        if seen[(problem.file, problem.message)] > 0:
            seen[(problem.file, problem.message)] -= 1
        else:
            fresh.append(problem)
    return fresh
