"""What a unit's progress form (填报表) holds: its open tasks, its indicators and its projects,
each with the last figures reported, and the empty cells a clerk fills in for this report.

The layout (sheets, columns, the first row of records) is declared here once: the XLSX writer
lays it out and the importer reads it back by the same columns.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ..dataset import Dataset
from ..formatting import number
from ..model import INDICATORS, PROJECTS, TASKS, Indicator, Project, ReportConfig, Task, Unit
from ..progress import latest, project_figures, task_figures
from ..schedule import stage_at

FORMAT_VERSION = "1"
"""The form's layout version, kept in the form: a form of another layout is refused."""
META_SHEET = "_form"
"""The hidden sheet that says which period, unit and records the form was made for."""
GUIDE_SHEET = "填表说明"
FIRST_ROW = 5
"""The first row of records on every sheet (rows 1–4: title, unit and period, hint, header)."""


@dataclass(frozen=True)
class Column:
    key: str
    """The field the column feeds (``date``, ``done``…) or shows (``id``, ``last_date``…)."""
    header: str
    width: float
    kind: str = "text"
    """``text``, ``date``, ``number``, ``percent`` or ``stage`` (a choice of the vocabulary's stages)."""
    input: bool = False
    """Whether the clerk fills it in (the only unlocked cells)."""


# The columns of each sheet, in order: what is shown (locked), then what is filled in.
TASK_COLUMNS = (
    Column("id", "编号", 10),
    Column("title", "任务名称", 28),
    Column("target", "目标", 12),
    Column("last_date", "上次填报日期", 12, "date"),
    Column("last_done", "上次累计完成", 11, "number"),
    Column("last_percent", "上次完成比例（%）", 10, "number"),
    Column("date", "填报日期", 12, "date", True),
    Column("done", "累计完成", 11, "number", True),
    Column("percent", "完成比例（%）", 10, "percent", True),
    Column("note", "进展说明", 30, "text", True),
    Column("problems", "存在问题", 24, "text", True),
)
INDICATOR_COLUMNS = (
    Column("id", "编号", 11),
    Column("title", "指标名称", 30),
    Column("target", "目标值", 12),
    Column("last_date", "上次监测日期", 12, "date"),
    Column("last_value", "上次监测值", 11, "number"),
    Column("date", "监测日期", 12, "date", True),
    Column("value", "监测值", 11, "number", True),
    Column("note", "说明", 36, "text", True),
)
PROJECT_COLUMNS = (
    Column("id", "编号", 11),
    Column("title", "工程名称", 26),
    Column("stage_now", "当前阶段", 9),
    Column("plan", "年度计划投资（万元）", 11, "number"),
    Column("last_date", "上次填报日期", 12, "date"),
    Column("last_percent", "上次形象进度（%）", 10, "number"),
    Column("last_invested", "上次年度累计完成投资（万元）", 12, "number"),
    Column("date", "填报日期", 12, "date", True),
    Column("stage", "进入新阶段", 10, "stage", True),
    Column("percent", "形象进度（%）", 10, "percent", True),
    Column("invested", "年度累计完成投资（万元）", 12, "number", True),
    Column("note", "进展说明", 28, "text", True),
    Column("problems", "存在问题", 22, "text", True),
)
COLUMNS: dict[str, tuple[Column, ...]] = {
    TASKS.key: TASK_COLUMNS,
    INDICATORS.key: INDICATOR_COLUMNS,
    PROJECTS.key: PROJECT_COLUMNS,
}
SHEET_NAMES: dict[str, str] = {TASKS.key: TASKS.label, INDICATORS.key: INDICATORS.label, PROJECTS.key: PROJECTS.label}
"""Each kind's sheet is named by the kind's own label (重点任务, 考核指标, 重点工程)."""
LOG_KEYS: dict[str, str] = {TASKS.key: "progress", INDICATORS.key: "values", PROJECTS.key: "progress"}
"""The dated log each kind's new entries go to."""
ENTRY_FIELDS: dict[str, tuple[str, ...]] = {kind: tuple(c.key for c in columns if c.input) for kind, columns in COLUMNS.items()}
"""A new entry's fields in the order they are written (the models' order)."""


def column_letter(kind: str, key: str) -> str:
    """The letter of a column: ``column_letter("tasks", "percent")`` → ``I``."""
    index = next(i for i, c in enumerate(COLUMNS[kind]) if c.key == key)
    return chr(ord("A") + index)


@dataclass(frozen=True)
class FormRow:
    """One record on the form: what is shown of it, and what its last log entry was."""

    kind: str
    id: str
    shown: dict[str, Any]
    """Column key → value, for the locked columns."""
    last_date: dt.date | None
    fingerprint: str
    """Of the record's log as the form saw it: a changed log makes the form stale for the record."""


@dataclass(frozen=True)
class UnitForm:
    bureau: str
    period_id: str
    period_title: str
    period_start: dt.date
    period_end: dt.date
    as_of: dt.date
    unit_id: str
    unit_name: str
    stages: tuple[str, ...]
    rows: dict[str, tuple[FormRow, ...]]
    """Kind → its rows (tasks, indicators, projects), each possibly empty."""

    @property
    def month(self) -> str:
        """“2025年6月”: the month of the as-of date, the month the clerk reports."""
        return f"{self.as_of.year}年{self.as_of.month}月"

    @property
    def title(self) -> str:
        return f"{self.unit_name}{self.month}进度填报表"

    @property
    def file_name(self) -> str:
        return f"{self.title}.xlsx"


def log_fingerprint(entries: list[Any]) -> str:
    """A short digest of a record's dated log: any entry added, changed or removed changes it."""
    dumped = json.dumps([e.model_dump(mode="json", exclude_none=True) for e in entries], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(dumped.encode("utf-8")).hexdigest()[:16]


def is_open(task: Task, as_of: dt.date) -> bool:
    """A task still to report on: not yet complete at the as-of date."""
    return task_figures(task, as_of).percent < 100


def _target_text(value: float, measure: str | None) -> str:
    shown = number(value, 4)
    return f"{shown} {measure}" if measure else shown


def task_row(task: Task, as_of: dt.date) -> FormRow:
    figures = task_figures(task, as_of)
    entry = figures.entry
    shown = {
        "id": task.id,
        "title": task.title,
        "target": _target_text(task.target.value, task.target.measure) if task.target else "（按比例）",
        "last_date": entry.date if entry else None,
        "last_done": figures.done,
        "last_percent": round(figures.percent, 1) if entry else None,
    }
    return FormRow(TASKS.key, task.id, shown, entry.date if entry else None, log_fingerprint(task.progress))


def indicator_row(indicator: Indicator, as_of: dt.date) -> FormRow:
    entry = latest(indicator.values, as_of)
    target = indicator.target
    sign = "≥" if target.direction.value == "higher" else "≤"
    shown = {
        "id": indicator.id,
        "title": indicator.name,
        "target": f"{sign}{_target_text(target.value, target.measure)}",
        "last_date": entry.date if entry else None,
        "last_value": entry.value if entry else None,
    }
    return FormRow(INDICATORS.key, indicator.id, shown, entry.date if entry else None, log_fingerprint(indicator.values))


def current_stage(project: Project, report: ReportConfig) -> str:
    """The stage at the as-of date, by the schedule's own rule (the stage the site's badge shows)."""
    return stage_at(project, report.as_of, report.vocabulary.names("project_stages"))


def project_row(project: Project, report: ReportConfig) -> FormRow:
    as_of = report.as_of
    figures = project_figures(project, as_of)
    entry = figures.entry
    shown = {
        "id": project.id,
        "title": project.name,
        "stage_now": current_stage(project, report),
        "plan": project.investment.planned_this_year,
        "last_date": entry.date if entry else None,
        "last_percent": figures.percent,
        "last_invested": figures.invested,
    }
    return FormRow(PROJECTS.key, project.id, shown, entry.date if entry else None, log_fingerprint(project.progress))


def unit_form(data: Dataset, unit: Unit) -> UnitForm:
    """The form of one unit at the report's as-of date."""
    report = data.report
    as_of = report.as_of
    tasks = tuple(task_row(t, as_of) for t in data.of_unit(unit.id, TASKS.key) if is_open(t, as_of))
    indicators = tuple(indicator_row(i, as_of) for i in data.of_unit(unit.id, INDICATORS.key))
    projects = tuple(project_row(p, report) for p in data.of_unit(unit.id, PROJECTS.key))
    return UnitForm(
        bureau=report.bureau,
        period_id=report.period.id,
        period_title=report.period.title,
        period_start=report.period.start,
        period_end=report.period.end,
        as_of=as_of,
        unit_id=unit.id,
        unit_name=unit.name,
        stages=tuple(report.vocabulary.names("project_stages")),
        rows={TASKS.key: tasks, INDICATORS.key: indicators, PROJECTS.key: projects},
    )


def has_rows(form: UnitForm) -> bool:
    return any(form.rows.values())
