"""The work ledger (工作台账) XLSX, written from the sample for each audience and read back.

The public ledger holds the public records and none of the bureau's own assessment; the
internal one holds everything, its own assessment included, and says 内部资料 on every sheet.
"""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from conftest import STAMP
from workreport.audience import INTERNAL, PUBLIC
from workreport.export.ledger import write_ledger
from workreport.model import KINDS
from workreport.textwidth import excel_width
from workreport.views.context import Site

TASK_HEADERS = [
    "编号", "任务名称", "工作条线", "牵头单位", "配合单位", "分管领导", "目标", "计量单位", "开始日期",
    "计划完成日期", "累计完成", "实际进度", "序时进度", "差距（百分点）", "状态", "最新进展", "存在问题",
]
INDICATOR_HEADERS = [
    "编号", "指标名称", "来源", "责任单位", "局外牵头部门", "分值", "目标值", "方向", "计量单位", "序时目标",
    "最新值", "监测日期", "达标情况", "扣分", "已争取加分",
]
INTERNAL_INDICATOR_HEADERS = [*INDICATOR_HEADERS[:-1], "局内扣分", "已争取加分"]
PROJECT_HEADERS = [
    "编号", "工程名称", "类别", "县（市、区）", "责任单位", "阶段", "总投资（万元）", "年度计划投资（万元）",
    "年度完成投资（万元）", "投资完成率", "形象进度", "序时进度", "状态", "未办结前置要件", "存在问题",
]
UNIT_HEADERS = ["单位", "上级考核扣分", "局内考核扣分", "已争取加分"]
INTERNAL_TASKS = ("T-KP-06", "T-RL-09", "T-DG-04")


@pytest.fixture(scope="module")
def view(sample):
    return PUBLIC.edition(sample).data


@pytest.fixture(scope="module")
def book(tmp_path_factory, sample) -> Workbook:
    path = tmp_path_factory.mktemp("ledger") / "台账.xlsx"
    write_ledger(Site(PUBLIC.edition(sample)), path, STAMP)
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def internal_book(tmp_path_factory, sample) -> Workbook:
    path = tmp_path_factory.mktemp("ledger") / "台账-内部.xlsx"
    write_ledger(Site(INTERNAL.edition(sample)), path, STAMP)
    return openpyxl.load_workbook(path)


def headers(ws: Worksheet) -> list[object]:
    return [c.value for c in ws[1]]


def ids(ws: Worksheet) -> list[object]:
    return [row[0].value for row in ws.iter_rows(min_row=2)]


def row_of(ws: Worksheet, key: str) -> dict[object, Cell]:
    """The row whose first cell is ``key``, by header."""
    names = headers(ws)
    for row in ws.iter_rows(min_row=2):
        if row[0].value == key:
            return dict(zip(names, row, strict=True))
    raise AssertionError(f"{key} not in sheet {ws.title}")


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def test_sheets_in_order(book, internal_book):
    # Kinds that declare ledger columns in the register get a sheet each, before the notes.
    generic = [kind.list_title or kind.label for kind in KINDS if kind.ledger]
    assert book.sheetnames == ["重点任务", "考核指标", "重点工程", *generic, "说明"]
    assert internal_book.sheetnames == ["重点任务", "考核指标", "重点工程", "单位扣分", *generic, "说明"]
    assert book.properties.title == "工作台账"
    assert book.properties.creator == "澄川市水利局"
    # dated when the data was committed, not when it was exported, so the same data gives the same file
    assert book.properties.created == book.properties.modified == STAMP.replace(tzinfo=None)


def test_header_rows(book):
    assert headers(book["重点任务"]) == TASK_HEADERS
    assert headers(book["考核指标"]) == INDICATOR_HEADERS
    assert headers(book["重点工程"]) == PROJECT_HEADERS
    assert headers(book["说明"]) == ["项目", "内容"]
    assert all(c.font.bold and c.fill.fgColor.rgb.endswith("DDEBF7") for c in book["重点任务"][1])


def test_one_row_per_record_in_data_order(book, view):
    assert ids(book["重点任务"]) == [t.id for t in view.tasks]
    assert ids(book["考核指标"]) == [i.id for i in view.indicators]
    assert ids(book["重点工程"]) == [p.id for p in view.projects]


def test_task_row(book):
    row = row_of(book["重点任务"], "T-RV-01")
    assert row["任务名称"].value == "实施12个灌区续建配套与现代化改造"
    assert row["工作条线"].value == "服务乡村振兴"
    assert row["牵头单位"].value == "农村水利处"
    assert "、" in row["配合单位"].value
    assert is_number(row["目标"].value) and row["目标"].value == 12
    assert row["计量单位"].value == "个"
    assert is_number(row["累计完成"].value) and row["累计完成"].value == 5
    assert row["实际进度"].value == pytest.approx(0.4167, abs=1e-4)
    assert "%" in row["实际进度"].number_format
    assert row["序时进度"].value == pytest.approx(0.4945, abs=1e-4)
    assert "%" in row["序时进度"].number_format
    assert row["差距（百分点）"].value == pytest.approx(7.78, abs=0.01)
    assert row["状态"].value == "滞后"
    assert row["最新进展"].value == "澄东区东湖灌区改造完工；柳溪灌区初步设计仍在修改。"
    for header, day in (("开始日期", dt.datetime(2025, 1, 1)), ("计划完成日期", dt.datetime(2025, 12, 31))):
        assert isinstance(row[header].value, dt.datetime) and row[header].value == day
        assert row[header].number_format == "yyyy-mm-dd"


def test_indicator_row(book):
    row = row_of(book["考核指标"], "I-CITY-02")
    assert row["方向"].value == "不低于"
    assert row["目标值"].value == 22
    assert row["序时目标"].value == pytest.approx(10.88, abs=0.01)
    assert row["最新值"].value == 7
    assert row["监测日期"].value == dt.datetime(2025, 6, 30)
    assert row["达标情况"].value == "未达标"
    assert row["扣分"].value == 1
    assert all(is_number(row[h].value) for h in ("分值", "扣分", "已争取加分"))


def test_project_row(book):
    row = row_of(book["重点工程"], "P-IRR-02")
    assert row["阶段"].value == "前期"
    assert row["总投资（万元）"].value == 14200
    assert row["投资完成率"].value == pytest.approx(0.07)
    assert row["投资完成率"].number_format == "0.0%"
    assert "初步设计批复（逾期）" in row["未办结前置要件"].value
    assert "施工图审查（逾期）" not in row["未办结前置要件"].value  # planned for 08-15: open, not late


def test_unit_charges_largest_first(internal_book):
    ws = internal_book["单位扣分"]
    first = [c.value for c in ws[2]]
    assert first == ["河湖管理处", 1, 2, 0]
    charged = [row[2].value for row in ws.iter_rows(min_row=2)]
    assert charged == sorted(charged, reverse=True)


def test_notes(book):
    notes = {row[0].value: row[1] for row in book["说明"].iter_rows(min_row=2)}
    assert notes["单位"].value == "澄川市水利局"
    assert notes["报告期"].value == "2025年上半年"
    assert notes["截至日期"].value == dt.datetime(2025, 6, 30)
    assert notes["滞后阈值（百分点）"].value == 5
    assert "超过 5 个百分点" in notes["状态：滞后"].value


def test_frozen_and_filtered(book):
    assert book["重点任务"].freeze_panes == "C2"
    for name in ("考核指标", "重点工程"):
        assert book[name].freeze_panes == "A2"
    assert book["重点任务"].auto_filter.ref == f"A1:Q{book['重点任务'].max_row}"
    assert book["重点工程"].auto_filter.ref == f"A1:O{book['重点工程'].max_row}"
    assert book["考核指标"].auto_filter.ref


def test_widths_and_wrapping(book):
    ws = book["重点任务"]
    widths = {c.value: ws.column_dimensions[c.column_letter].width for c in ws[1]}
    assert all(width <= 50 for width in widths.values())
    assert widths["存在问题"] == 50 and widths["编号"] < 15
    assert all(c.alignment.wrap_text and c.alignment.vertical == "top" for c in ws["Q"][1:])
    assert excel_width("农村水利处") == 10 and excel_width("T-RV-01") == 7


def test_values_are_typed(book):
    """No number hides in a string, and nothing stands in for an empty cell."""
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    with pytest.raises(ValueError):
                        float(cell.value)
                    assert cell.value.strip() not in ("", "—", "-"), f"{ws.title}!{cell.coordinate}"
                    assert not re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", cell.value), "a date as text"
                if cell.is_date:
                    assert cell.number_format == "yyyy-mm-dd"


def test_internal_records_absent(book):
    tasks = ids(book["重点任务"])
    assert not set(INTERNAL_TASKS) & set(tasks)
    assert "I-CITY-03" not in ids(book["考核指标"])


def test_the_public_ledger_has_no_internal_assessment(book):
    """Points lost above are public; what the bureau charges its units for them (×2) is not."""
    assert "单位扣分" not in book.sheetnames
    assert all("局内" not in str(c.value) for ws in book for row in ws.iter_rows() for c in row)
    assert not book["重点任务"].oddHeader.left.text


def test_the_internal_ledger_holds_everything_and_says_so(internal_book, sample):
    tasks = ids(internal_book["重点任务"])
    assert "T-KP-06" in tasks and len(tasks) == len(sample.tasks)
    assert headers(internal_book["考核指标"]) == INTERNAL_INDICATOR_HEADERS
    row = row_of(internal_book["考核指标"], "I-CITY-02")
    assert (row["扣分"].value, row["局内扣分"].value) == (1, 2)
    assert sorted(ids(internal_book["单位扣分"])) == sorted(u.name for u in sample.units)
    notes = {row[0].value: row[1].value for row in internal_book["说明"].iter_rows(min_row=2)}
    assert notes["局内扣分倍数"] == 2 and "局内扣分" in notes
    for ws in internal_book:
        assert ws.oddHeader.left.text == ws.evenHeader.left.text == "内部资料", ws.title
    assert internal_book.properties.title == "工作台账（内部资料）"


def test_status_tints_follow_the_declared_tones(book):
    row = row_of(book["重点任务"], "T-RV-01")
    assert row["状态"].value == "滞后" and row["状态"].fill.fgColor.rgb.endswith("FFF2CC")  # tone warn
