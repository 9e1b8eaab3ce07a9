"""The work ledger (工作台账): every task, indicator, project and unit charge as an XLSX workbook.

What goes in is decided here, once, as plain tables (``ledger_tables``); ``write_ledger``
only lays them out. The rows come from the same views as the site's pages (a task's row
from ``views.tasks.task_row``), so a figure never differs between the site and the ledger.
Cells hold real values: numbers as numbers (percentages as fractions with a % format),
dates as dates, nothing as an empty cell; the 说明 sheet says how the figures are computed,
for whoever opens the file away from the site.

The caller hands in the ``Site`` of one edition. The ledger writes exactly the records the
edition holds and follows its audience: the bureau's own assessment (charges to units at a
multiple) appears only for the internal audience, whose workbook is marked 内部资料 on
every sheet, printed or not.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..assessment import DIRECTION_WORDS, Health, internal_charge
from ..formatting import number
from ..model import KINDS, Phase, Task
from ..plain import xml_text
from ..register import Kind as RecordKind
from ..schedule import ScheduleStatus
from ..stamps import repack_zip
from ..textwidth import excel_width
from ..tones import tone
from ..views.common import Badge, badge
from ..views.context import Site
from ..views.tasks import task_row

Value = str | float | int | dt.date | Badge | None


class Kind(Enum):
    """How a column's cells are shown."""

    text = "text"
    long_text = "long_text"
    """Prose (最新进展, 存在问题): always wrapped."""
    amount = "amount"
    """Quantities and money: 3,000 when whole, 86.45 otherwise."""
    points = "points"
    percent = "percent"
    """A fraction shown as a percentage: 0.4167 → 41.7%."""
    date = "date"
    status = "status"
    """A status word (a ``Badge``), with a tint in its tone that repeats what the word says."""
    any = "any"
    """Chosen per cell from the value's type (the 说明 sheet)."""


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.text
    max_width: int = 50


@dataclass(frozen=True)
class Table:
    """One sheet of the ledger."""

    title: str
    columns: tuple[Column, ...]
    rows: list[list[Value]]
    freeze: str = "A2"
    autofilter: bool = True

    def without(self, headers: set[str]) -> Table:
        """The table without the columns headed ``headers``."""
        keep = [i for i, c in enumerate(self.columns) if c.header not in headers]
        columns = tuple(self.columns[i] for i in keep)
        rows = [[row[i] for i in keep] for row in self.rows]
        return Table(self.title, columns, rows, self.freeze, self.autofilter)


# ---------------------------------------------------------------------- what goes in


def _fraction(percent: float | None) -> float | None:
    return None if percent is None else percent / 100


def _whole(value: float | None) -> float | int | None:
    """12.0 → 12, so whole amounts read back (and show) as integers."""
    return int(value) if value is not None and float(value).is_integer() else value


def _leader_name(site: Site, task: Task) -> str:
    # The public view empties a task's own leader when it is internal: the unit's leader shows.
    return site.data.task_leader(task).name


TASK_COLUMNS = (
    Column("编号"),
    Column("任务名称", max_width=40),
    Column("工作条线"),
    Column("牵头单位"),
    Column("配合单位", max_width=30),
    Column("分管领导"),
    Column("目标", Kind.amount),
    Column("计量单位"),
    Column("开始日期", Kind.date),
    Column("计划完成日期", Kind.date),
    Column("累计完成", Kind.amount),
    Column("实际进度", Kind.percent),
    Column("序时进度", Kind.percent),
    Column("差距（百分点）", Kind.points),
    Column("状态", Kind.status),
    Column("最新进展", Kind.long_text),
    Column("存在问题", Kind.long_text),
)


def task_table(site: Site) -> Table:
    data = site.data
    rows: list[list[Value]] = []
    for task in data.tasks:
        schedule = site.analysis.task(task)
        figures = schedule.log
        row = task_row(site, task)
        rows.append([
            task.id,
            task.title,
            data.category_by_id[task.category].name,
            data.unit_by_id[task.owner_unit].name,
            "、".join(data.unit_by_id[u].name for u in task.partner_units) or None,
            _leader_name(site, task),
            _whole(task.target.value) if task.target else None,
            task.target.measure if task.target else None,
            task.window.start,
            task.window.end,
            _whole(figures.done),
            _fraction(row.actual),
            _fraction(row.expected),
            schedule.gap,
            row.status,
            figures.entry.note if figures.entry else None,
            task.problems,
        ])
    return Table("重点任务", TASK_COLUMNS, rows, freeze="C2")


INDICATOR_COLUMNS = (
    Column("编号"),
    Column("指标名称", max_width=40),
    Column("来源"),
    Column("责任单位"),
    Column("局外牵头部门"),
    Column("分值", Kind.points),
    Column("目标值", Kind.amount),
    Column("方向"),
    Column("计量单位"),
    Column("序时目标", Kind.amount),
    Column("最新值", Kind.amount),
    Column("监测日期", Kind.date),
    Column("达标情况", Kind.status),
    Column("扣分", Kind.points),
    Column("局内扣分", Kind.points),
    Column("已争取加分", Kind.points),
)
INTERNAL_COLUMNS = {"局内扣分"}
"""Columns of the bureau's own assessment: in the internal ledger only."""


def indicator_table(site: Site) -> Table:
    data = site.data
    multiplier = site.report.internal_deduction_multiplier
    internal = site.audience.sees_internal_assessment
    rows: list[list[Value]] = []
    for indicator in data.indicators:
        standing = site.analysis.indicator(indicator)
        target = indicator.target
        rows.append([
            indicator.id,
            indicator.name,
            indicator.source,
            data.unit_by_id[indicator.owner_unit].name,
            indicator.lead_department,
            _whole(indicator.weight),
            _whole(target.value),
            DIRECTION_WORDS[target.direction],
            target.measure,
            _whole(standing.target),
            _whole(standing.value.value) if standing.value else None,
            standing.value.date if standing.value else None,
            badge(standing.health),
            standing.points_deducted,
            internal_charge(standing.points_deducted, multiplier),
            standing.bonus_secured,
        ])
    table = Table("考核指标", INDICATOR_COLUMNS, rows)
    return table if internal else table.without(INTERNAL_COLUMNS)


LOCATION = Column("所在地")
"""Headed with the vocabulary's word (县（市、区）, 乡镇（街道）) in each ledger."""
PROJECT_COLUMNS = (
    Column("编号"),
    Column("工程名称", max_width=40),
    Column("类别"),
    LOCATION,
    Column("责任单位"),
    Column("阶段"),
    Column("总投资（万元）", Kind.amount),
    Column("年度计划投资（万元）", Kind.amount),
    Column("年度完成投资（万元）", Kind.amount),
    Column("投资完成率", Kind.percent),
    Column("形象进度", Kind.percent),
    Column("序时进度", Kind.percent),
    Column("状态", Kind.status),
    Column("未办结前置要件", max_width=40),
    Column("存在问题", Kind.long_text),
)


def project_table(site: Site) -> Table:
    data = site.data
    rows: list[list[Value]] = []
    for project in data.projects:
        schedule = site.analysis.project(project)
        overdue = {id(p) for p in schedule.overdue_prerequisites}
        waiting = "、".join(
            p.name + ("（逾期）" if id(p) in overdue else "") for p in schedule.open_prerequisites
        )
        rows.append([
            project.id,
            project.name,
            project.kind,
            project.county,
            data.unit_by_id[project.owner_unit].name,
            schedule.stage,
            _whole(project.investment.total),
            _whole(project.investment.planned_this_year),
            _whole(schedule.invested),
            _fraction(schedule.investment_rate),
            _fraction(schedule.actual),
            _fraction(schedule.expected),
            badge(schedule.status),
            waiting or None,
            project.problems,
        ])
    location = replace(LOCATION, header=site.words.project_location)
    columns = tuple(location if c is LOCATION else c for c in PROJECT_COLUMNS)
    return Table("重点工程", columns, rows)


UNIT_COLUMNS = (
    Column("单位"),
    Column("上级考核扣分", Kind.points),
    Column("局内考核扣分", Kind.points),
    Column("已争取加分", Kind.points),
)


def unit_table(site: Site) -> Table:
    units = site.data.unit_by_id
    rows: list[list[Value]] = [
        [units[c.unit_id].name, c.deducted, c.charged, c.bonus] for c in site.analysis.unit_charges
    ]
    return Table("单位扣分", UNIT_COLUMNS, rows)


NOTE_COLUMNS = (Column("项目"), Column("内容", Kind.any, max_width=80))


def notes_table(site: Site) -> Table:
    report = site.report
    t = report.thresholds
    internal = site.audience.sees_internal_assessment
    facts: list[list[Value]] = [
        ["单位", report.bureau],
        ["报告期", report.period.title],
        ["报告期开始", report.period.start],
        ["报告期结束", report.period.end],
        ["截至日期", site.as_of],
        ["滞后阈值（百分点）", _whole(t.lagging)],
        ["严重滞后阈值（百分点）", _whole(t.seriously_lagging)],
        ["指标预警区间（目标值的%）", _whole(t.indicator_warning)],
    ]
    if internal:
        facts.append(["局内扣分倍数", _whole(report.internal_deduction_multiplier)])
    rules: list[list[Value]] = [
        [label, text] for label, text in _rules(site) if internal or label not in INTERNAL_RULES
    ]
    return Table("说明", NOTE_COLUMNS, facts + rules, autofilter=False)


INTERNAL_RULES = {"局内扣分", "单位扣分"}
"""Rules of the bureau's own assessment: explained in the internal ledger only."""


def _rules(site: Site) -> list[tuple[str, str]]:
    """How each figure is computed, in words, with this report's thresholds filled in."""
    t = site.report.thresholds
    lag, serious, warn = number(t.lagging), number(t.seriously_lagging), number(t.indicator_warning)
    times = number(site.report.internal_deduction_multiplier)
    status = {s: f"状态：{s.value}" for s in ScheduleStatus}
    phases = site.report.vocabulary.stage_phases
    built = "、".join(name for name, phase in phases.items() if phase is Phase.built)
    preliminary = "、".join(name for name, phase in phases.items() if phase is Phase.preliminary)
    health = {h: f"达标情况：{h.value}" for h in Health}
    return [
        ("计算时点", "表中所有数字都按截至日期计算：截至日期以后的进度记录、监测值和扣分不计入。"),
        ("序时进度", "截至日期按计划应达到的进度：在开始日期至计划完成日期之间按天数线性计算；"
         + "任务填写了计划进度曲线的，在曲线相邻两点之间按天数线性计算。"),
        ("实际进度", "截至日期前最后一条进度记录：填写了完成百分比的取该百分比，否则为累计完成 ÷ 目标（最高 100%）。"),
        ("差距（百分点）", "序时进度 − 实际进度；负数表示快于序时。"),
        (status[ScheduleStatus.done], "实际进度达到 100%。"),
        (status[ScheduleStatus.overdue], "截至日期已到计划完成日期（含当天）或已过，实际进度仍不足 100%。"),
        (status[ScheduleStatus.not_started], "截至日期早于开始日期，且尚无进度。"),
        (status[ScheduleStatus.seriously_lagging], f"实际进度低于序时进度超过 {serious} 个百分点。"),
        (status[ScheduleStatus.lagging], f"实际进度低于序时进度超过 {lag} 个百分点、但不超过 {serious} 个百分点。"),
        (status[ScheduleStatus.on_track], f"其余情况：差距不超过 {lag} 个百分点"
         + "（恰好等于阈值的仍为正常推进），或快于序时。"),
        ("工程形象进度", "截至日期前最后一次报告的形象进度，尚未报告的为 0；"
         + f"{built}阶段的工程视为 100%、状态为已完成。"),
        ("工程序时进度", "在开工日期至计划完工日期之间按天数线性计算，状态的判定同重点任务；"
         + f"未填写开工日期或计划完工日期的工程不计算序时进度，{preliminary}阶段的为未开始，其余为正常推进。"),
        ("工程阶段", "截至日期时所处的阶段（按进度记录中的阶段变化推算）。"),
        ("投资完成率", "年度完成投资 ÷ 年度计划投资。"),
        ("未办结前置要件", "截至日期尚未办结的前置要件；计划办结日期已过仍未办结的，在名称后标“（逾期）”。"),
        ("序时目标", "年度累计型指标按截至日期在当年所处的时间比例折算"
         + "（目标值 × 1月1日至截至日期的天数 ÷ 1月1日至12月31日的天数）；其他指标即为目标值。"),
        (health[Health.met], "最新值达到序时目标（方向为“不低于”的不低于目标，“不高于”的不高于目标）。"),
        (health[Health.warning], f"未达到序时目标，但差距不超过目标值的 {warn}%。"),
        (health[Health.missed], f"未达到序时目标，且差距超过目标值的 {warn}%（目标为 0 的，任何差距都是未达标）。"),
        (health[Health.no_data], "截至日期前没有监测值。"),
        ("扣分", "截至日期前上级考核的扣分合计。"),
        ("局内扣分", f"扣分 × {times}：被上级考核扣分的单位，局内部考核按 {times} 倍扣分。"),
        ("已争取加分", "状态为已争取、且确认日期不晚于截至日期的加分合计。"),
        ("单位扣分", "扣分记在扣分记录所列的单位（不一定是指标的责任单位）；按局内考核扣分从多到少排列。"),
    ]


def kind_table(site: Site, kind: RecordKind) -> Table:
    """A generic sheet for a kind of record that declares its ledger columns in the register."""
    columns = tuple(Column(c.header, max_width=max(c.width, 10)) for c in kind.ledger)
    rows: list[list[Value]] = []
    for record in site.data.of(kind.key):
        row: list[Value] = []
        for column in kind.ledger:
            value: object = record
            for part in column.path.split("."):
                value = getattr(value, part, None)
            if hasattr(value, "value"):  # an enumeration
                value = badge(value) if tone(value) != "neutral" else str(value.value)  # type: ignore[arg-type]
            row.append(value if isinstance(value, str | int | float | dt.date | Badge) else None)
        rows.append(row)
    return Table(kind.list_title or kind.label, columns, rows)


def ledger_tables(site: Site) -> list[Table]:
    """The sheets in workbook order: the bureau's own assessment only for the internal audience."""
    tables = [task_table(site), indicator_table(site), project_table(site)]
    if site.audience.sees_internal_assessment:
        tables.append(unit_table(site))
    tables += [kind_table(site, kind) for kind in KINDS if kind.ledger]
    return [*tables, notes_table(site)]


# ---------------------------------------------------------------------- layout

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center")
TOP = Alignment(vertical="top")
TOP_WRAPPED = Alignment(vertical="top", wrap_text=True)

DATE_FORMAT = "yyyy-mm-dd"
FORMATS = {Kind.points: "0.0#", Kind.percent: "0.0%", Kind.date: DATE_FORMAT}

# Tints only repeat the word, in the tone declared for it (tones.py); 正常推进 (``ok``) stays
# plain so the rows that need attention stand out.
TONE_FILLS = {
    tone: PatternFill("solid", fgColor=colour)
    for tone, colour in (
        ("done", "E2EFDA"),
        ("neutral", "EDEDED"),
        ("warn", "FFF2CC"),
        ("bad", "FCE4D6"),
        ("overdue", "F8CBAD"),
    )
}

HEADER_PADDING = 4
"""Room for the bold face and the autofilter button."""
CELL_PADDING = 2


def _kind_of(value: Value, kind: Kind) -> Kind:
    if kind is not Kind.any:
        return kind
    if isinstance(value, dt.date):
        return Kind.date
    if isinstance(value, int | float):
        return Kind.amount
    return Kind.long_text


def _number_format(value: Value, kind: Kind) -> str:
    if kind is Kind.amount and isinstance(value, int | float):
        return "#,##0" if float(value).is_integer() else "#,##0.0#"
    return FORMATS.get(kind, "General")


def _shown(value: Value, kind: Kind) -> str:
    """Roughly the text Excel shows, to size the column."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return "0000-00-00"
    if isinstance(value, int | float):
        if kind is Kind.percent:
            return f"{value:.1%}"
        digits = 0 if float(value).is_integer() else 2
        return f"{value:,.{digits}f}"
    return str(value)


def _clean(value: Value) -> str | float | int | dt.date | None:
    """Text Excel accepts (``plain.xml_text``), blank as empty; a badge as its word."""
    if isinstance(value, Badge):
        value = value.text
    if isinstance(value, str):
        return xml_text(value).strip() or None
    return value


def _write_table(ws: Worksheet, table: Table) -> None:
    ws.append([c.header for c in table.columns])
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT

    widths = [excel_width(c.header) + HEADER_PADDING for c in table.columns]
    wrapped = [c.kind is Kind.long_text for c in table.columns]
    for values in table.rows:
        for col, (column, raw) in enumerate(zip(table.columns, values, strict=True)):
            width = excel_width(_shown(_clean(raw), _kind_of(raw, column.kind))) + CELL_PADDING
            widths[col] = max(widths[col], width)
            wrapped[col] = wrapped[col] or width > column.max_width

    for r, values in enumerate(table.rows, start=2):
        for col, (column, raw) in enumerate(zip(table.columns, values, strict=True)):
            value = _clean(raw)
            kind = _kind_of(value, column.kind)
            cell = ws.cell(row=r, column=col + 1, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, even if an editor's text begins with "="
            cell.number_format = _number_format(value, kind)
            cell.alignment = TOP_WRAPPED if wrapped[col] or kind is Kind.long_text else TOP
            if isinstance(raw, Badge) and raw.tone in TONE_FILLS:
                cell.fill = TONE_FILLS[raw.tone]

    for col, column in enumerate(table.columns, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(widths[col - 1], column.max_width)

    ws.freeze_panes = table.freeze
    if table.autofilter and table.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4


def _mark(ws: Worksheet, mark: str) -> None:
    """The audience's mark (内部资料) in every printed page's header, and in the sheet's tab colour."""
    for header in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
        header.left.text = mark
        header.left.size = 12
        header.left.font = "黑体,Bold"
    ws.sheet_properties.tabColor = "C00000"


def build_workbook(site: Site, tables: Sequence[Table], stamp: dt.datetime) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    mark = site.audience.document_mark
    for table in tables:
        ws = workbook.create_sheet(table.title)
        _write_table(ws, table)
        if mark:
            _mark(ws, mark)
    workbook.active = 0
    props = workbook.properties
    props.title = f"工作台账（{mark}）" if mark else "工作台账"
    props.subject = f"{site.report.period.title}工作台账"
    props.creator = props.lastModifiedBy = site.report.bureau
    # Dated when the data was committed, not when it was exported.
    props.created = props.modified = stamp.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    return workbook


def write_ledger(site: Site, path: Path, stamp: dt.datetime) -> None:
    """Write the 工作台账 of the edition ``site`` to ``path`` (XLSX), overwriting it.

    The same data gives the same bytes: the document and its zip entries are dated
    ``stamp``, the data commit's time. (``Workbook.save`` would stamp the build time, so the
    writer is called directly.)
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(build_workbook(site, ledger_tables(site), stamp), archive).write_data()
    path.write_bytes(repack_zip(buffer.getvalue(), stamp))
