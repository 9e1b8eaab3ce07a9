"""A unit's progress form (填报表) as an XLSX workbook, laid out from ``views.progress_form``.

- one sheet per kind (重点任务, 考核指标, 重点工程), a row per record: its id, title and last
  figures locked, the cells of this report unlocked and checked by cell validation (dates in
  the period, numbers not negative, percentages 0–100, a drop-down of the stages), which
  Excel, WPS and LibreOffice all honour;
- a 填表说明 sheet;
- every sheet protected without a password (the protection keeps the clerk from editing the
  ids by mistake, not from anyone determined: the importer checks the ids again), and the
  workbook's structure protected so that sheets are not renamed, moved or deleted;
- a very hidden sheet ``_form`` with the period, the unit, the as-of date and each record's
  row and log fingerprint, which the importer reads to refuse a stale or foreign form;
- A4 landscape, one page wide, title and header on every page.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..plain import xml_text
from ..stamps import repack_zip
from ..textwidth import cells
from ..views.progress_form import (
    COLUMNS,
    FIRST_ROW,
    FORMAT_VERSION,
    GUIDE_SHEET,
    META_SHEET,
    SHEET_NAMES,
    Column,
    FormRow,
    UnitForm,
)
from .fonts import ROLES

SONG = ROLES["song"].official[0]
HEI = ROLES["hei"].official[0]
GB2312 = 134
BODY_FONT = Font(name=SONG, size=11, charset=GB2312)
HEADER_FONT = Font(name=HEI, size=11, bold=True, charset=GB2312)
TITLE_FONT = Font(name=HEI, size=16, bold=True, charset=GB2312)
HINT_FONT = Font(name=SONG, size=10, color="595959", charset=GB2312)
SHOWN_FILL = PatternFill("solid", fgColor="F2F2F2")
"""Locked cells: grey, what the data says."""
INPUT_FILL = PatternFill("solid", fgColor="FFF9DB")
"""Unlocked cells: pale yellow, what the clerk fills in."""
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_HEADER_FILL = PatternFill("solid", fgColor="FFE699")
THIN = Side(style="thin", color="808080")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
DATE_FORMAT = "yyyy-mm-dd"
EXCEL_EPOCH = dt.date(1899, 12, 30)
UNLOCKED = Protection(locked=False)
# Days as Excel counts them: validation formulas hold serial numbers, which every spreadsheet reads alike.


def serial(day: dt.date) -> int:
    return (day - EXCEL_EPOCH).days


def _text_cell(ws: Worksheet, row: int, column: int, value: Any) -> Any:
    """A cell holding ``value``; text stays text even when it starts with “=” (never a formula)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = xml_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def _validations(ws: Worksheet, form: UnitForm, columns: tuple[Column, ...], last: int) -> None:
    start, end = serial(form.period_start), serial(form.period_end)
    for index, column in enumerate(columns, start=1):
        if not column.input or column.kind == "text":
            continue
        letter = get_column_letter(index)
        where = f"{letter}{FIRST_ROW}:{letter}{last}"
        if column.kind == "date":
            rule = DataValidation(type="date", operator="between", formula1=str(start), formula2=str(end), allow_blank=True)
            rule.error = f"请填写报告期内的日期（{form.period_start} 至 {form.period_end}），格式如 {form.as_of}"
        elif column.kind == "percent":
            rule = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
            rule.error = "请填写 0 到 100 之间的数字（不带 % 号）"
        elif column.kind == "number":
            rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
            rule.error = "请填写不小于 0 的数字（累计数）"
        else:  # stage: a drop-down of the vocabulary's stages
            names = ",".join(form.stages)
            if "," in "".join(form.stages) or '"' in names or len(names) > 250:
                continue  # Excel's inline lists cannot hold these; the importer still checks the stage
            rule = DataValidation(type="list", formula1=f'"{names}"', allow_blank=True)
            rule.error = f"请从下拉列表中选择：{'、'.join(form.stages)}；阶段没有变化请留空"
        rule.errorTitle = "输入有误"
        rule.showErrorMessage = True
        rule.add(where)
        ws.add_data_validation(rule)


def _print_setup(ws: Worksheet, title: str) -> None:
    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = ws.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"1:{FIRST_ROW - 1}"
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.7, footer=0.3)
    ws.oddFooter.center.text = f"{title}　第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9


def _record_sheet(workbook: Workbook, form: UnitForm, kind: str, rows: tuple[FormRow, ...]) -> Worksheet:
    columns = COLUMNS[kind]
    ws = workbook.create_sheet(SHEET_NAMES[kind])
    width = len(columns)
    last_letter = get_column_letter(width)
    title = _text_cell(ws, 1, 1, f"{form.title}（{SHEET_NAMES[kind]}）")
    title.font, title.alignment = TITLE_FONT, CENTER
    ws.merge_cells(f"A1:{last_letter}1")
    ws.row_dimensions[1].height = 28
    info = _text_cell(
        ws, 2, 1,
        f"单位：{form.unit_name}　　报告期：{form.period_title}（{form.period_start} 至 {form.period_end}）　　截至日期：{form.as_of}",
    )
    info.font = BODY_FONT
    ws.merge_cells(f"A2:{last_letter}2")
    hint = _text_cell(ws, 3, 1, "灰色单元格为现有数据，不能修改；请只在黄色单元格中填写本次进展，没有新进展的行整行留空。详见“填表说明”。")
    hint.font = HINT_FONT
    ws.merge_cells(f"A3:{last_letter}3")
    header_row = FIRST_ROW - 1
    ws.row_dimensions[header_row].height = 42
    for index, column in enumerate(columns, start=1):
        cell = _text_cell(ws, header_row, index, column.header)
        cell.font, cell.alignment, cell.border = HEADER_FONT, CENTER, GRID
        cell.fill = INPUT_HEADER_FILL if column.input else HEADER_FILL
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for offset, row in enumerate(rows):
        r = FIRST_ROW + offset
        # Tall enough for the longest locked text, wrapped, and for two lines of handwriting when printed.
        lines = max(
            [2] + [-(-cells(str(row.shown.get(c.key) or "")) // max(1, int(c.width * 0.8))) for c in columns if not c.input]
        )
        ws.row_dimensions[r].height = 15 * lines + 3
        for index, column in enumerate(columns, start=1):
            value: Any = None
            if column.input:
                value = form.as_of if column.key == "date" else None
            else:
                value = row.shown.get(column.key)
            cell = _text_cell(ws, r, index, value)
            cell.font, cell.border, cell.alignment = BODY_FONT, GRID, WRAP
            if column.kind == "date":
                cell.number_format = DATE_FORMAT
            elif column.kind in ("number", "percent"):
                cell.number_format = "General"
            if column.input:
                cell.fill, cell.protection = INPUT_FILL, UNLOCKED
            else:
                cell.fill = SHOWN_FILL
    last = FIRST_ROW + max(len(rows), 1) - 1
    _validations(ws, form, columns, last)
    ws.freeze_panes = f"C{FIRST_ROW}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # the clerk may widen a column to read a long title
    ws.protection.formatRows = False
    _print_setup(ws, form.title)
    return ws


GUIDE_LINES = (
    "1. 本表由系统根据现有数据生成，只能填报本单位（{unit}）、本报告期（{period}）的进展；请不要新增、删除或调换行，不要改动灰色单元格。",
    "2. 每行一条记录：灰色部分是编号、名称、目标和上次填报的数字；黄色部分填写本次情况。没有新进展的行，整行留空即可（预填的日期可以不删）。",
    "3. 填报日期：已预填截至日期 {as_of}，应晚于上次填报日期，并在报告期内（{start} 至 {end}）。",
    "4. 重点任务：有量化目标的任务填“累计完成”（自年初或开工以来的累计数，与目标同一计量单位，不是当月数）；没有量化目标的填“完成比例”（0–100，不带 % 号）。两项也可都填。",
    "5. 累计数一般不会减少；确需调减时，请在“进展说明”中写明原因，否则导入时会被退回。",
    "6. 考核指标：填写本次“监测日期”和“监测值”，需要时在“说明”中写明口径。",
    "7. 重点工程：填写“形象进度（%）”和“年度累计完成投资（万元）”；工程进入新阶段时，在“进入新阶段”中从下拉列表选择，阶段未变请留空。",
    "8. “存在问题”填写本次报告期内遇到的困难和需要协调的事项，可以不填。",
    "9. 填好后保存为 .xlsx（不要另存为 .xls 或 CSV，不要设置打开密码），交办公室导入（make import FILE=…）。导入时逐行检查，有错误会指出工作表、行和列，改正后再交即可。",
    "10. 表格设有保护（无密码），防止误改编号；请不要撤销保护。生成填报表后数据如有变动，需重新生成填报表。",
)


GUIDE_WIDTH = 70


def _guide_sheet(workbook: Workbook, form: UnitForm) -> None:
    ws = workbook.create_sheet(GUIDE_SHEET)
    title = _text_cell(ws, 1, 1, f"{form.title}：填表说明")
    title.font = TITLE_FONT
    ws.row_dimensions[1].height = 28
    ws.column_dimensions["A"].width = GUIDE_WIDTH
    words = {
        "unit": form.unit_name,
        "period": form.period_title,
        "as_of": form.as_of,
        "start": form.period_start,
        "end": form.period_end,
    }
    for offset, line in enumerate(GUIDE_LINES, start=3):
        cell = _text_cell(ws, offset, 1, line.format(**words))
        cell.font, cell.alignment = BODY_FONT, Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[offset].height = 16 * -(-cells(str(cell.value)) // (GUIDE_WIDTH - 4)) + 4
    ws.protection.sheet = True
    _print_setup(ws, form.title)
    ws.page_setup.orientation = "portrait"


def _meta_sheet(workbook: Workbook, form: UnitForm) -> None:
    ws = workbook.create_sheet(META_SHEET)
    pairs: list[tuple[str, Any]] = [
        ("format", FORMAT_VERSION),
        ("bureau", form.bureau),
        ("period", form.period_id),
        ("period_start", form.period_start.isoformat()),
        ("period_end", form.period_end.isoformat()),
        ("as_of", form.as_of.isoformat()),
        ("unit", form.unit_id),
        ("unit_name", form.unit_name),
    ]
    for r, (key, value) in enumerate(pairs, start=1):
        _text_cell(ws, r, 1, key)
        _text_cell(ws, r, 2, value)
    r = len(pairs) + 2
    _text_cell(ws, r, 1, "records")
    for kind, rows in form.rows.items():
        for offset, row in enumerate(rows):
            r += 1
            for column, value in enumerate(
                (kind, row.id, FIRST_ROW + offset, row.fingerprint, row.last_date.isoformat() if row.last_date else ""), start=1
            ):
                _text_cell(ws, r, column, value)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def build_form(form: UnitForm) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for kind, rows in form.rows.items():
        if rows:
            _record_sheet(workbook, form, kind, rows)
    _guide_sheet(workbook, form)
    _meta_sheet(workbook, form)
    workbook.active = 0
    workbook.security = WorkbookProtection(lockStructure=True)
    props = workbook.properties
    props.title = form.title
    props.subject = f"{form.period_title}进度填报"
    props.creator = props.lastModifiedBy = form.bureau
    return workbook


def write_form(form: UnitForm, path: Path, stamp: dt.datetime) -> None:
    """Write the form of one unit to ``path`` (XLSX), dated ``stamp`` (same data, same bytes)."""
    workbook = build_form(form)
    props = workbook.properties
    props.created = props.modified = stamp.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    path.write_bytes(repack_zip(buffer.getvalue(), stamp))
