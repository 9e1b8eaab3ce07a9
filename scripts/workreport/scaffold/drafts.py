"""The placeholder entry of each kind: its id, its rows with Chinese comments, its section and notes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model import Phase
from ..register import enum_values
from ..validation import PLACEHOLDER
from ..wording import words_of
from .choices import Context, option_value, resolve_choice
from .ids import category_codes, group_prefix, line_codes, most_common, next_id, project_prefix, source_codes, split_id
from .kinds import KindSpec
from .rows import Row, empty_log, hint, open_key, put


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


def grouped_choice(ctx: Context, kind: str, attr: str, codes: Mapping[str, str], prefix: str) -> tuple[str, str]:
    """The group a new record goes in (an indicator's source, a check's line) and its next id.

    The group is ``--<attr>`` if given (a name of the vocabulary, or its code), else the one
    the unit uses most, else the vocabulary's first; ids are numbered per group, with the
    group's code (``I-PROV-08``, ``BL-S-21``).
    """
    records = ctx.dataset.of(kind)
    names = list(codes)
    own = [getattr(r, attr) for r in ctx.dataset.of_unit(ctx.unit.id, kind) if getattr(r, attr) in codes]
    aliases = {code: name for name, code in codes.items()}
    choice = resolve_choice(names, ctx.args, attr, most_common(own, names[0]), aliases)
    pairs = [(getattr(r, attr), r.id) for r in records]
    return choice, next_id(group_prefix(pairs, choice, [codes[choice]], prefix), _ids(records))


def draft_indicator(ctx: Context) -> Draft:
    data = ctx.dataset
    vocabulary = data.report.vocabulary
    sources = vocabulary.names("indicator_sources")
    source, record_id = grouped_choice(ctx, "indicators", "source", source_codes(vocabulary), "I")
    rows = [
        put(0, "id", record_id, "指标编号：已自动取下一个空号"),
        put(0, "name", ctx.title or f"{PLACEHOLDER}指标名称", "指标名称"),
        put(0, "source", source, f"来源：{' / '.join(sources)}"),
        put(0, "owner_unit", ctx.unit.id, f"局内责任单位编号（见 org.yaml）：{ctx.unit.name}"),
    ]
    if vocabulary.source(source).lead_department:
        rows.append(put(0, "lead_department", f"{PLACEHOLDER}局外牵头部门", f"局外牵头部门（{source}类必填）"))
    rows += [
        put(0, "weight", 0, "分值（占位值 0，请改为实际分值）"),
        open_key(0, "target", "目标值及方向"),
        put(1, "value", 0, "目标值（占位值 0，请改为实际目标）"),
        put(1, "direction", "higher", "higher（越高越好）或 lower（越低越好）"),
        put(1, "measure", f"{PLACEHOLDER}计量单位", "计量单位，如“%”“分”"),
        *empty_log("values", f"{{date: {data.report.as_of}, value: 0, note: {PLACEHOLDER}说明}}", "监测值"),
    ]
    notes = [*ctx.notes, f"来源：{source}（要换请加 --source {'/'.join(sources)}）。"]
    return Draft(record_id, rows, group=source, notes=notes)


def draft_project(ctx: Context) -> Draft:
    data = ctx.dataset
    vocabulary = data.report.vocabulary
    names = vocabulary.names("project_stages")
    first = next((s.name for s in vocabulary.project_stages if s.phase is Phase.preliminary), names[0])
    stage = resolve_choice(names, ctx.args, "stage", first)
    prefix, kind, note = project_prefix(data, ctx.unit, option_value(ctx.args, "prefix"))
    record_id = next_id(prefix, _ids(data.projects))
    period, as_of = data.report.period, data.report.as_of
    location = words_of(data.report).project_location
    rows = [
        put(0, "id", record_id, "工程编号：已自动取下一个空号"),
        put(0, "name", ctx.title or f"{PLACEHOLDER}工程名称", "工程名称"),
        put(0, "kind", kind or f"{PLACEHOLDER}工程类别", "工程类别（按本单位的习惯分类）"),
        put(0, "county", f"{PLACEHOLDER}{location}", f"所在地：{location}"),
        put(0, "owner_unit", ctx.unit.id, f"局内责任单位编号（见 org.yaml）：{ctx.unit.name}"),
        put(0, "category", ctx.category.id, f"工作条线编号（可不填）：{ctx.category.name}"),
        put(0, "stage", stage, f"当前阶段：{' / '.join(names)}"),
        open_key(0, "investment", "投资情况（万元）"),
        put(1, "total", 0, "总投资（占位值 0，请改为实际金额）"),
        put(1, "planned_this_year", 0, "年度计划投资（占位值 0，请改为实际金额）"),
        open_key(0, "dates", "关键日期（默认为报告期起止）"),
        put(1, "start", period.start, "开工日期（实际或计划）"),
        put(1, "planned_completion", period.end, "计划完工日期"),
        *empty_log("prerequisites", f"{{name: {vocabulary.prerequisites[0]}, planned: {period.end}}}", "前置要件"),
        *empty_log("progress", f"{{date: {as_of}, percent: 0, invested: 0, note: {PLACEHOLDER}进展说明}}", "进度日志"),
    ]
    return Draft(record_id, rows, group=stage, notes=[*ctx.notes, note])


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
    level = data.report.vocabulary.media_levels[-1]
    example = f"{{outlet: {PLACEHOLDER}媒体名称, level: {level}, date: {data.report.as_of}, title: {PLACEHOLDER}报道标题}}"
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
    levels = data.report.vocabulary.names("honor_levels")
    usual = most_common((h.level for h in data.honors if h.level in levels), levels[min(1, len(levels) - 1)])
    level = resolve_choice(levels, ctx.args, "level", usual)
    prefix = most_common((p[0] for h in data.honors if (p := split_id(h.id))), "HN-")
    record_id = next_id(prefix, _ids(data.honors))
    rows = [
        put(0, "id", record_id, "荣誉编号：已自动取下一个空号"),
        put(0, "name", ctx.title or f"{PLACEHOLDER}荣誉名称", "荣誉名称"),
        put(0, "level", level, f"级别：{' / '.join(levels)}"),
        put(0, "issuer", f"{PLACEHOLDER}授予（评选）机关", "授予（评选）机关"),
        put(0, "unit", ctx.unit.id, f"争创单位编号（见 org.yaml）：{ctx.unit.name}"),
        put(0, "status", "谋划中", "状态：谋划中 / 申报中 / 已获得（须填 awarded_on）/ 未获得"),
        put(0, "cases", [], "支撑材料：典型案例编号，如 [C-01, C-03]"),
        put(0, "highlights", [], "支撑材料：亮点编号，如 [H-02]"),
    ]
    return Draft(record_id, rows, group=level, notes=[f"级别：{level}（要换请加 --level {'/'.join(levels)}）。"])


def draft_bottom_line(ctx: Context) -> Draft:
    codes = line_codes(ctx.dataset.report.vocabulary)
    line, record_id = grouped_choice(ctx, "bottom_lines", "line", codes, "BL")
    rows = [
        put(0, "id", record_id, "事项编号：已自动取下一个空号"),
        put(0, "line", line, f"底线：{' / '.join(codes)}"),
        put(0, "unit", ctx.unit.id, f"自查单位编号（见 org.yaml）：{ctx.unit.name}"),
        put(0, "item", ctx.title or f"{PLACEHOLDER}自查事项", "自查事项"),
        put(0, "status", "未开始", "状态：已完成 / 整改中 / 未开始；自查后补填 checked_on、finding"),
    ]
    return Draft(record_id, rows, group=line, notes=[f"底线：{line}（要换请加 --line {'/'.join(codes)}）。"])


DRAFTERS: dict[str, Callable[[Context], Draft]] = {
    "task": draft_task,
    "indicator": draft_indicator,
    "project": draft_project,
    "case": draft_case,
    "highlight": draft_highlight,
    "honor": draft_honor,
    "bottom-line": draft_bottom_line,
}


# ---------------------------------------------------------------------- any other kind


def draft_from_model(spec: KindSpec) -> Callable[[Context], Draft]:
    """A drafter for a kind with no drafter of its own, built from the model's fields.

    The required fields are written, each with its docstring as the comment: the id takes the
    next free number, the owning unit the one asked for, a line of work the chosen one, a
    reference to another kind its first record, a date the as-of date, an enumeration its
    first value, text a placeholder the check warns about until it is filled in.
    """

    def draft(ctx: Context) -> Draft:
        data, kind = ctx.dataset, spec.kind
        example = split_id(kind.id_example)
        prefix = most_common((p[0] for r in data.of(kind.key) if (p := split_id(r.id))), example[0] if example else "")
        record_id = next_id(prefix, _ids(data.of(kind.key)))
        references = {path[0]: target for path, target in kind.references() if len(path) == 1}
        vocabulary = data.report.vocabulary
        terms = {path[0]: vocabulary.names(key) for path, key in kind.terms() if len(path) == 1}
        rows = [put(0, "id", record_id, f"{kind.label}编号：已自动取下一个空号")]
        for name, info in kind.model.model_fields.items():
            if name == "id" or not info.is_required():
                continue
            comment = (info.description or name).split("。")[0]
            if name in terms:
                rows.append(put(0, name, terms[name][0], f"{comment.split('，')[0]}：{' / '.join(terms[name])}"))
                continue
            rows += _field_rows(ctx, name, info, references.get(name), comment, kind.owner, kind.name_field)
        return Draft(record_id, rows, notes=ctx.notes)

    return draft


def _field_rows(ctx: Context, name: str, info: Any, target: str | None, comment: str, owner: str | None, title: str) -> list[Row]:
    data = ctx.dataset
    if name == owner:
        return [put(0, name, ctx.unit.id, f"{comment}：{ctx.unit.name}")]
    if target == "categories":
        return [put(0, name, ctx.category.id, f"{comment}：{ctx.category.name}")]
    if target is not None:
        first = data.of(target)[0].id if data.of(target) else f"{PLACEHOLDER}编号"
        return [put(0, name, first, comment)]
    choices = enum_values(info.annotation)
    if choices:
        return [put(0, name, choices[0], f"{comment}：{' / '.join(choices)}")]
    annotation = str(info.annotation)
    if "date" in annotation:
        return [put(0, name, data.report.as_of, comment)]
    if "float" in annotation or "int" in annotation:
        return [put(0, name, 0, f"{comment}（占位值 0，请改为实际数值）")]
    if "list" in annotation:
        return [put(0, name, [], comment)]
    text = ctx.title if name == title and ctx.title else f"{PLACEHOLDER}{comment}"
    return [put(0, name, text, comment)]
