"""The work ledger (工作台账): every task, indicator, project and unit charge as an XLSX workbook.

What goes in is decided here, once, as plain tables (``ledger_tables``); ``write_ledger``
only lays them out. The rows and totals come from the same views as the site's pages (the
task list's lines of work and order from ``views.tasks.task_index``, the totals of the
indicator and project lists from their index views), so a figure never differs between the
site and the ledger. Cells hold real values: numbers as numbers, rounded as the site rounds
them (``formatting.number``; percentages as fractions with a % format), dates as dates,
nothing as an empty cell; the 说明 sheet says how the figures are computed, for whoever
opens the file away from the site.

Every sheet is laid out to be printed: a title row (bureau, period, as-of date), the header
under it, both repeated on every page, A4 landscape one page wide, pages numbered in the
footer, Chinese faces (宋体, 黑体) in every cell.

The caller hands in the ``Site`` of one edition. The ledger writes exactly the records the
edition holds and follows its audience: the bureau's own assessment (charges to units at a
multiple) appears only for the internal audience, in its columns, its rows and its totals,
and the internal workbook is marked 内部资料 on every sheet, printed or not.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..assessment import DIRECTION_WORDS, Health
from ..formatting import cn_date, cn_number, number
from ..model import KINDS, Phase, Task
from ..plain import xml_text
from ..register import Kind as RecordKind
from ..schedule import ScheduleStatus
from ..stamps import repack_zip
from ..textwidth import excel_width
from ..tones import tone
from ..views.common import Badge, badge
from ..views.context import Site
from ..views.indicators import indicator_index, internal_charge
from ..views.projects import project_index
from ..views.tasks import task_index
from .fonts import ROLES

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
    """A percentage (41.666), stored as a fraction with a % format: 41.7%."""
    date = "date"
    status = "status"
    """A status word (a ``Badge``), with a tint in its tone that repeats what the word says."""
    any = "any"
    """Chosen per cell from the value's type (the 说明 sheet)."""


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.text
    max_width: int = 16
    """Wider text wraps: the sheet is printed one page wide."""
    digits: int | None = None
    """Decimals a number is shown with, as on the site (``formatting.number``): 2, or 1 for a percentage."""

    @property
    def decimals(self) -> int:
        if self.digits is not None:
            return self.digits
        return 1 if self.kind is Kind.percent else 2


@dataclass(frozen=True)
class Group:
    """Rows under one heading row (a line of work); a ``name`` of None: rows without a heading."""

    name: str | None
    rows: list[list[Value]]


@dataclass(frozen=True)
class Table:
    """One sheet of the ledger."""

    sheet: str
    """The sheet's tab."""
    heading: str
    """What the title row calls it: 重点任务台账."""
    columns: tuple[Column, ...]
    groups: tuple[Group, ...]
    total: list[Value] | None = None
    """The 合计 row, a value per column (None where a column does not add up)."""
    numbered: bool = True
    """A 序号 column first: every data sheet."""
    frozen_columns: int = 0
    """Columns kept in view when scrolling right, besides 序号."""
    autofilter: bool = True

    @property
    def rows(self) -> list[list[Value]]:
        return [row for group in self.groups for row in group.rows]

    def without(self, headers: set[str]) -> Table:
        """The table without the columns headed ``headers``, in its rows and its total."""
        keep = [i for i, c in enumerate(self.columns) if c.header not in headers]

        def cut(row: list[Value]) -> list[Value]:
            return [row[i] for i in keep]

        return replace(
            self,
            columns=tuple(self.columns[i] for i in keep),
            groups=tuple(Group(g.name, [cut(row) for row in g.rows]) for g in self.groups),
            total=None if self.total is None else cut(self.total),
        )


# ---------------------------------------------------------------------- what goes in


def _whole(value: float | None) -> float | int | None:
    """12.0 → 12, so whole amounts read back (and show) as integers."""
    return int(value) if value is not None and float(value).is_integer() else value


def _ungrouped(rows: list[list[Value]]) -> tuple[Group, ...]:
    return (Group(None, rows),)


def _total(columns: Sequence[Column], figures: dict[str, float | None]) -> list[Value]:
    """The 合计 row: ``figures`` by header, blank under every other column."""
    headers = {c.header for c in columns}
    unknown = set(figures) - headers
    if unknown:
        raise ValueError(f"totals for columns the table does not have: {sorted(unknown)}")
    return [figures.get(c.header) for c in columns]


def _leader_name(site: Site, task: Task) -> str:
    # The public view empties a task's own leader when it is internal: the unit's leader shows.
    return site.data.task_leader(task).name


TASK_COLUMNS = (
    Column("编号", max_width=9),
    Column("任务名称", max_width=20),
    Column("工作条线", max_width=8),
    Column("牵头单位", max_width=10),
    Column("配合单位", max_width=12),
    Column("分管领导", max_width=8),
    Column("目标", Kind.amount, max_width=8),
    Column("计量单位", max_width=6),
    Column("开始日期", Kind.date),
    Column("计划完成日期", Kind.date),
    Column("累计完成", Kind.amount, max_width=8),
    Column("实际进度", Kind.percent),
    Column("序时进度", Kind.percent),
    Column("差距（百分点）", Kind.points, digits=1),
    Column("状态", Kind.status, max_width=10),
    Column("最新进展", Kind.long_text, max_width=24),
    Column("存在问题", Kind.long_text, max_width=24),
)


def task_table(site: Site) -> Table:
    """The tasks as the site's task list has them: by line of work, a heading row for each."""
    data = site.data
    tasks = data.task_by_id
    groups: list[Group] = []
    for line in task_index(site).groups:
        rows: list[list[Value]] = []
        for row in line.tasks:
            task = tasks[row.link.id]
            schedule = site.analysis.task(task)
            figures = schedule.log
            rows.append([
                task.id,
                task.title,
                line.name,
                data.unit_by_id[task.owner_unit].name,
                "、".join(data.unit_by_id[u].name for u in task.partner_units) or None,
                _leader_name(site, task),
                _whole(task.target.value) if task.target else None,
                task.target.measure if task.target else None,
                task.window.start,
                task.window.end,
                _whole(figures.done),
                row.actual,
                row.expected,
                schedule.gap,
                row.status,
                figures.entry.note if figures.entry else None,
                task.problems,
            ])
        if rows:
            groups.append(Group(line.name, rows))
    return Table("重点任务", "重点任务台账", TASK_COLUMNS, tuple(groups), frozen_columns=2)


INDICATOR_COLUMNS = (
    Column("编号", max_width=10),
    Column("指标名称", max_width=20),
    Column("来源", max_width=8),
    Column("责任单位", max_width=12),
    Column("局外牵头部门", max_width=12),
    Column("分值", Kind.points),
    Column("目标值", Kind.amount),
    Column("方向", max_width=8),
    Column("计量单位", max_width=8),
    Column("序时目标", Kind.amount, digits=1),
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
    internal = site.audience.sees_internal_assessment
    rows: list[list[Value]] = []
    bonus = 0.0
    for indicator in data.indicators:
        standing = site.analysis.indicator(indicator)
        target = indicator.target
        bonus += standing.bonus_secured
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
            standing.target,
            # A percentage reads as it does on the site, to one decimal (``formatting.measured``).
            _whole(_as_shown(standing.value.value, 1) if target.measure == "%" else standing.value.value)
            if standing.value else None,
            standing.value.date if standing.value else None,
            badge(standing.health),
            standing.points_deducted,
            internal_charge(site, standing.points_deducted),  # None for an audience that may not see it
            standing.bonus_secured,
        ])
    # The figures of the site's indicator list: points lost, and their charge where it may be seen.
    index = indicator_index(site)
    total = _total(INDICATOR_COLUMNS, {
        "扣分": index.points_deducted,
        "局内扣分": index.charge.points if index.charge else None,
        "已争取加分": bonus,
    })
    table = Table("考核指标", "考核指标台账", INDICATOR_COLUMNS, _ungrouped(rows), total)
    return table if internal else table.without(INTERNAL_COLUMNS)


LOCATION = Column("所在地", max_width=10)
"""Headed with the vocabulary's word (县（市、区）, 乡镇（街道）) in each ledger."""
PROJECT_COLUMNS = (
    Column("编号", max_width=10),
    Column("工程名称", max_width=20),
    Column("类别", max_width=10),
    LOCATION,
    Column("责任单位", max_width=12),
    Column("阶段", max_width=8),
    Column("总投资（万元）", Kind.amount),
    Column("年度计划投资（万元）", Kind.amount),
    Column("年度完成投资（万元）", Kind.amount),
    Column("投资完成率", Kind.percent),
    Column("形象进度", Kind.percent),
    Column("序时进度", Kind.percent),
    Column("状态", Kind.status),
    Column("未办结前置要件", max_width=16),
    Column("存在问题", Kind.long_text, max_width=24),
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
            schedule.investment_rate,
            schedule.actual,
            schedule.expected,
            badge(schedule.status),
            waiting or None,
            project.problems,
        ])
    location = replace(LOCATION, header=site.words.project_location)
    columns = tuple(location if c is LOCATION else c for c in PROJECT_COLUMNS)
    # The year's figures as the site's project list gives them; the rate is done ÷ planned of the totals.
    index = project_index(site)
    total = _total(PROJECT_COLUMNS, {
        "总投资（万元）": sum(p.investment.total for p in data.projects),
        "年度计划投资（万元）": index.investment_planned,
        "年度完成投资（万元）": index.investment_done,
        "投资完成率": index.investment_rate,
    })
    return Table("重点工程", "重点工程台账", columns, _ungrouped(rows), total)


UNIT_COLUMNS = (
    Column("单位", max_width=20),
    Column("上级考核扣分", Kind.points),
    Column("局内考核扣分", Kind.points),
    Column("已争取加分", Kind.points),
)


def unit_table(site: Site) -> Table:
    """The bureau's own scoreboard: for the internal audience only (``ledger_tables``)."""
    units = site.data.unit_by_id
    charges = site.analysis.unit_charges
    rows: list[list[Value]] = [[units[c.unit_id].name, c.deducted, c.charged, c.bonus] for c in charges]
    card = site.bureau
    total = _total(UNIT_COLUMNS, {
        "上级考核扣分": card.points_deducted,
        "局内考核扣分": card.points_charged,
        "已争取加分": sum(c.bonus for c in charges),
    })
    return Table("单位扣分", "单位扣分台账", UNIT_COLUMNS, _ungrouped(rows), total)


NOTE_COLUMNS = (Column("项目", max_width=26), Column("内容", Kind.any, max_width=90))


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
    return Table("说明", "工作台账说明", NOTE_COLUMNS, _ungrouped(facts + rules), numbered=False, autofilter=False)


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
        ("数字的位数", "与网站一致：百分比保留 1 位小数，差距保留 1 位小数，其余数字最多保留 2 位小数，末尾的 0 不显示。"),
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
        ("投资完成率", "年度完成投资 ÷ 年度计划投资；合计行为全部工程的年度完成投资合计 ÷ 年度计划投资合计。"),
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


def _heading(title: str) -> str:
    """重点任务 → 重点任务台账; a title that already names a list stays as it is."""
    return title if title.endswith(("台账", "清单", "一览表", "表")) else f"{title}台账"


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
    title = kind.list_title or kind.label
    return Table(title, _heading(title), columns, _ungrouped(rows))


def ledger_tables(site: Site) -> list[Table]:
    """The sheets in workbook order: the bureau's own assessment only for the internal audience."""
    tables = [task_table(site), indicator_table(site), project_table(site)]
    if site.audience.sees_internal_assessment:
        tables.append(unit_table(site))
    tables += [kind_table(site, kind) for kind in KINDS if kind.ledger]
    return [*tables, notes_table(site)]


# ---------------------------------------------------------------------- layout

SONG = ROLES["song"].official[0]
"""宋体 for the body: on every Chinese Windows and in WPS, with its own Latin letters and digits."""
HEI = ROLES["hei"].official[0]
"""黑体 for the title and the headers."""
GB2312 = 134
"""The fonts' character set: Excel and WPS then take the names as Chinese faces."""
BODY_SIZE = 11
TITLE_SIZE = 16


def _font(name: str, size: float = BODY_SIZE, bold: bool = False) -> Font:
    return Font(name=name, size=size, bold=bold, charset=GB2312)


BODY_FONT = _font(SONG)
STRONG_FONT = _font(SONG, bold=True)
"""A line of work's heading row and the 合计 row."""
HEADER_FONT = _font(HEI, bold=True)
TITLE_FONT = _font(HEI, TITLE_SIZE, bold=True)
PRINT_FONT = f"{SONG},Regular"
"""The face of the printed header and footer."""

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
TOTAL_FILL = HEADER_FILL
THIN = Side(style="thin", color="808080")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
"""Printed pages show no gridlines: the table draws its own."""

TITLE_ALIGNMENT = Alignment(horizontal="center", vertical="center")
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
CENTRE = Alignment(horizontal="center", vertical="top")
GROUP_ALIGNMENT = Alignment(vertical="center")
"""Not wrapped: a line of work's name runs on over the empty cells beside it."""
TOP = Alignment(vertical="top")
TOP_WRAPPED = Alignment(vertical="top", wrap_text=True)
LEFT_WRAPPED = Alignment(horizontal="left", vertical="top", wrap_text=True)

DATE_FORMAT = "yyyy-mm-dd"

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

SERIAL = Column("序号", max_width=6)
"""The first column of every data sheet: 1, 2, 3 for the records, 一、二 for the lines of work."""
TOTAL_LABEL = "合计"
TITLE_ROW, HEADER_ROW = 1, 2
FIRST_ROW = HEADER_ROW + 1
PRINT_TITLES = f"{TITLE_ROW}:{HEADER_ROW}"
"""Printed at the top of every page."""
FOOTER = "第 &P 页 共 &N 页"
MARGINS = PageMargins(left=0.3, right=0.3, top=0.75, bottom=0.7, header=0.3, footer=0.3)
"""Inches: room for the header's mark (内部资料) and the footer's page number."""

TITLE_HEIGHT = 30
LINE_HEIGHT = 15
"""Points per line of 11-point text: 宋体 needs 13.5, the free faces other programs fall back on (Noto CJK) about 15."""
HEADER_PADDING = 3
"""Room for the autofilter button."""
CELL_PADDING = 2
MIN_WIDTH = 6
SHORT_HEADER = 4
"""A header of two characters (序号, 状态) never wraps."""
CELL_MARGIN = 1
"""The part of a column's width a cell's text cannot use."""
WIDTH_SLACK = 1.0
"""Faces differ from the estimate (``textwidth``): wrapped rows are sized a little tall rather than cut."""
ROW_PADDING = 4
"""Points above and below a row's lines."""


def _as_shown(value: float, digits: int) -> float | int:
    """The number the site shows (``formatting.number``): 7.777 → 7.8 with one digit, 12.0 → 12."""
    shown = float(number(value, digits))
    return int(shown) if shown.is_integer() else shown


def _kind_of(value: object, kind: Kind) -> Kind:
    if kind is not Kind.any:
        return kind
    if isinstance(value, dt.date):
        return Kind.date
    if isinstance(value, int | float):
        return Kind.amount
    return Kind.long_text


def _decimals(digits: int) -> str:
    """Up to ``digits`` decimals, at least one: the value is already rounded, so none is lost."""
    return "0." + "0" + "#" * (digits - 1)


def _number(value: float, column: Column) -> tuple[float | int, str]:
    """A number as stored (rounded as the site rounds it) and its format, which shows every digit kept."""
    digits = column.decimals
    shown = _as_shown(value, digits)
    whole = isinstance(shown, int)
    kind = _kind_of(value, column.kind)
    if kind is Kind.percent:
        return round(shown / 100, digits + 2), "0%" if whole else _decimals(digits) + "%"
    if kind is Kind.amount:
        return shown, "#,##0" if whole else "#,##0" + _decimals(digits)[1:]
    return shown, "0" if whole else _decimals(digits)


def _clean(value: Value) -> str | float | int | dt.date | None:
    """Text Excel accepts (``plain.xml_text``), blank as empty; a badge as its word."""
    if isinstance(value, Badge):
        value = value.text
    if isinstance(value, str):
        return xml_text(value).strip() or None
    return value


def _cell_value(raw: Value, column: Column) -> tuple[str | float | int | dt.date | None, str]:
    value = _clean(raw)
    if isinstance(value, int | float):
        return _number(value, column)
    if isinstance(value, dt.date):
        return value, DATE_FORMAT
    return value, "General"


def _shown(value: str | float | int | dt.date | None, number_format: str) -> str:
    """Roughly the text Excel shows, to size the column."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return "0000-00-00"
    if isinstance(value, int | float):
        if number_format.endswith("%"):
            return f"{value * 100:.1f}%"
        return f"{value:,}" if "," in number_format else str(value)
    return value


def _header(column: Column, texts: list[str], padding: int) -> tuple[str, int]:
    """The header as shown and the width it needs (with ``padding``): on one line when it is short or
    the values are as wide, else on two, broken before a bracket (总投资 / （万元）) or in the middle."""
    header = column.header
    width = excel_width(header)
    values = max((excel_width(t) for t in texts), default=0) + CELL_PADDING
    if width <= SHORT_HEADER or width + padding <= values:
        return header, width + padding
    name, bracket, rest = header.partition("（")
    if name and bracket:
        header = f"{name}\n{bracket}{rest}"
        return header, max(excel_width(line) for line in header.split("\n")) + padding
    return header, math.ceil(width / 2) + padding


def _width(column: Column, texts: list[str], padding: int) -> int:
    """Wide enough for the longest value (up to ``max_width``) and for the header."""
    values = max((excel_width(t) for t in texts), default=0) + CELL_PADDING
    return max(MIN_WIDTH, min(max(values, _header(column, texts, padding)[1]), column.max_width))


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` wide (an estimate that errs high)."""
    room = max(width - CELL_MARGIN, 1)
    return sum(max(1, math.ceil(excel_width(line) * WIDTH_SLACK / room)) for line in text.split("\n"))


def _height(lines: int) -> float:
    return LINE_HEIGHT * lines + ROW_PADDING


def title_text(site: Site, table: Table) -> str:
    """“<bureau> <period> 重点任务台账（截至<as-of date>）”."""
    report = site.report
    return f"{report.bureau} {report.period.title} {table.heading}（截至{cn_date(site.as_of)}）"


def _style(ws: Worksheet, row: int, width: int, font: Font, fill: PatternFill | None = None) -> None:
    for col in range(1, width + 1):
        cell = ws.cell(row=row, column=col)
        cell.font, cell.border = font, GRID
        if fill is not None:
            cell.fill = fill


def _write_table(ws: Worksheet, table: Table, title: str) -> None:
    columns = ((SERIAL,) if table.numbered else ()) + table.columns
    offset = len(columns) - len(table.columns)
    cells: list[list[tuple[str | float | int | dt.date | None, str]]] = [
        [_cell_value(raw, column) for column, raw in zip(table.columns, values, strict=True)]
        for values in table.rows
    ]
    texts = [[_shown(v, f) for v, f in row] for row in cells]
    filtered = HEADER_PADDING if table.autofilter else CELL_PADDING
    widths = [_width(c, [row[i] for row in texts], filtered) for i, c in enumerate(table.columns)]
    headers = [_header(c, [row[i] for row in texts], filtered)[0] for i, c in enumerate(table.columns)]
    wrapped = [
        c.kind is Kind.long_text or any(excel_width(row[i]) + CELL_PADDING > c.max_width for row in texts)
        for i, c in enumerate(table.columns)
    ]
    if table.numbered:
        serials = [str(len(table.rows)), *(cn_number(i) for i in range(1, len(table.groups) + 1))]
        widths.insert(0, _width(SERIAL, serials, CELL_PADDING))  # outside the filter
        headers.insert(0, SERIAL.header)
        wrapped.insert(0, False)
    width = len(columns)
    last = get_column_letter(width)

    # The title, across the table.
    ws.cell(row=TITLE_ROW, column=1, value=title)
    ws.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    title_cell = ws.cell(row=TITLE_ROW, column=1)
    title_cell.font, title_cell.alignment = TITLE_FONT, TITLE_ALIGNMENT
    ws.row_dimensions[TITLE_ROW].height = TITLE_HEIGHT

    # The header.
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=header)
        cell.font, cell.fill, cell.alignment, cell.border = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT, GRID
    paddings = [CELL_PADDING] * offset + [filtered] * len(table.columns)
    header_lines = max(
        _lines(h, w - padding + CELL_MARGIN) for h, w, padding in zip(headers, widths, paddings, strict=True)
    )
    ws.row_dimensions[HEADER_ROW].height = _height(header_lines)

    # The rows, a heading row before each line of work.
    r, serial, rows = FIRST_ROW, 0, iter(zip(table.rows, cells, strict=True))
    named = 0
    for group in table.groups:
        if group.name is not None:
            named += 1
            heading = [cn_number(named), group.name] if table.numbered else [group.name]
            _style(ws, r, width, STRONG_FONT, GROUP_FILL)
            for col, text in enumerate(heading, start=1):
                cell = ws.cell(row=r, column=col, value=text)
                cell.data_type = "s"
                cell.alignment = CENTRE if table.numbered and col == 1 else GROUP_ALIGNMENT
            r += 1
        for _ in group.rows:
            raws, values = next(rows)
            serial += 1
            _style(ws, r, width, BODY_FONT)
            if table.numbered:
                ws.cell(row=r, column=1, value=serial).alignment = CENTRE
            for col, (column, raw, (value, number_format)) in enumerate(
                zip(table.columns, raws, values, strict=True), start=offset + 1
            ):
                cell = ws.cell(row=r, column=col, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, even if an editor's text begins with "="
                cell.number_format = number_format
                kind = _kind_of(value, column.kind)
                if column.kind is Kind.any:
                    cell.alignment = LEFT_WRAPPED  # figures and words in one column all start at the left
                else:
                    cell.alignment = TOP_WRAPPED if wrapped[col - 1] or kind is Kind.long_text else TOP
                if isinstance(raw, Badge) and raw.tone in TONE_FILLS:
                    cell.fill = TONE_FILLS[raw.tone]
            # Rows are sized here: not every program fits a row to its wrapped text when it opens the file.
            lines = max(
                (_lines(text, widths[offset + i]) for i, text in enumerate(texts[serial - 1]) if wrapped[offset + i]),
                default=1,
            )
            if lines > 1:
                ws.row_dimensions[r].height = _height(lines)
            r += 1
    last_row = r - 1

    if table.total is not None:
        _write_total(ws, r, table.columns, table.total, offset)

    for col, column_width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = column_width

    frozen = offset + table.frozen_columns if table.frozen_columns else 0  # 序号 only along with others
    ws.freeze_panes = f"{get_column_letter(1 + frozen)}{FIRST_ROW}"
    if table.autofilter and table.rows:
        ws.auto_filter.ref = f"{get_column_letter(offset + 1)}{HEADER_ROW}:{last}{last_row}"
    _print_setup(ws)


def _write_total(ws: Worksheet, r: int, columns: Sequence[Column], total: Sequence[Value], offset: int) -> None:
    """The 合计 row, in bold: the label across the columns before the first figure."""
    _style(ws, r, offset + len(columns), STRONG_FONT, TOTAL_FILL)
    first = next((i for i, v in enumerate(total) if v is not None), len(total))
    ws.cell(row=r, column=1, value=TOTAL_LABEL).alignment = TITLE_ALIGNMENT
    if offset + first > 1:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=offset + first)
    for i, (column, raw) in enumerate(zip(columns, total, strict=True)):
        if raw is None:
            continue
        value, number_format = _cell_value(raw, column)
        cell = ws.cell(row=r, column=offset + i + 1, value=value)
        cell.number_format = number_format
        cell.alignment = TOP


def _print_setup(ws: Worksheet) -> None:
    """A4 landscape, one page wide, the title and header on every page, pages numbered."""
    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = ws.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = PRINT_TITLES
    ws.print_options.horizontalCentered = True
    ws.page_margins = MARGINS
    for footer in (ws.oddFooter, ws.evenFooter, ws.firstFooter):
        footer.center.text = FOOTER
        footer.center.size = 10
        footer.center.font = PRINT_FONT


def _mark(ws: Worksheet, mark: str) -> None:
    """The audience's mark (内部资料) in every printed page's header, and in the sheet's tab colour."""
    for header in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
        header.left.text = mark
        header.left.size = 12
        header.left.font = f"{HEI},Bold"
    ws.sheet_properties.tabColor = "C00000"


def build_workbook(site: Site, tables: Sequence[Table], stamp: dt.datetime) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    # The workbook's default face (the Normal style, empty cells, new cells typed in): 宋体, not Calibri.
    workbook._fonts = IndexedList([BODY_FONT])
    workbook._named_styles["Normal"].font = BODY_FONT
    mark = site.audience.document_mark
    for table in tables:
        ws = workbook.create_sheet(table.sheet)
        _write_table(ws, table, title_text(site, table))
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
