"""The work ledger (工作台账) XLSX, written from the sample for each audience and read back.

The public ledger holds the public records and none of the bureau's own assessment; the
internal one holds everything, its own assessment included, and says 内部资料 on every sheet.
Every sheet is laid out for print (title row, 序号, lines of work, totals, A4 landscape one
page wide, numbered pages, Chinese faces) and shows its figures as the site shows them.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from conftest import STAMP
from workreport.audience import INTERNAL, PUBLIC
from workreport.export.ledger import write_ledger
from workreport.model import KINDS
from workreport.render.site import SiteRenderer
from workreport.textwidth import excel_width
from workreport.views.context import Site
from workreport.views.projects import project_index

TASK_HEADERS = [
    "序号", "编号", "任务名称", "工作条线", "牵头单位", "配合单位", "分管领导", "目标", "计量单位", "开始日期",
    "计划完成日期", "累计完成", "实际进度", "序时进度", "差距（百分点）", "状态", "最新进展", "存在问题",
]
INDICATOR_HEADERS = [
    "序号", "编号", "指标名称", "来源", "责任单位", "局外牵头部门", "分值", "目标值", "方向", "计量单位", "序时目标",
    "最新值", "监测日期", "达标情况", "扣分", "已争取加分",
]
INTERNAL_INDICATOR_HEADERS = [*INDICATOR_HEADERS[:-1], "局内扣分", "已争取加分"]
PROJECT_HEADERS = [
    "序号", "编号", "工程名称", "类别", "县（市、区）", "责任单位", "阶段", "总投资（万元）", "年度计划投资（万元）",
    "年度完成投资（万元）", "投资完成率", "形象进度", "序时进度", "状态", "未办结前置要件", "存在问题",
]
UNIT_HEADERS = ["序号", "单位", "上级考核扣分", "局内考核扣分", "已争取加分"]
INTERNAL_TASKS = ("T-KP-06", "T-RL-09", "T-DG-04")
HEADINGS = {
    "重点任务": "重点任务台账", "考核指标": "考核指标台账", "重点工程": "重点工程台账", "单位扣分": "单位扣分台账",
    "说明": "工作台账说明",
}
TITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3
NUMERALS = "一二三四五六七八九十"
CHINESE_FACES = {"宋体", "黑体"}
LIGHT_FILL = "F2F2F2"


@pytest.fixture(scope="module")
def view(sample):
    return PUBLIC.edition(sample).data


@pytest.fixture(scope="module")
def book_path(tmp_path_factory, sample) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "台账.xlsx"
    write_ledger(Site(PUBLIC.edition(sample)), path, STAMP)
    return path


@pytest.fixture(scope="module")
def book(book_path) -> Workbook:
    return openpyxl.load_workbook(book_path)


@pytest.fixture(scope="module")
def internal_book(tmp_path_factory, sample) -> Workbook:
    path = tmp_path_factory.mktemp("ledger") / "台账-内部.xlsx"
    write_ledger(Site(INTERNAL.edition(sample)), path, STAMP)
    return openpyxl.load_workbook(path)


# ---------------------------------------------------------------------- reading a sheet back


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def headers(ws: Worksheet) -> list[object]:
    """The header row; a header shown on two lines (总投资 / （万元）) reads as one."""
    return [c.value.replace("\n", "") if isinstance(c.value, str) else c.value for c in ws[HEADER_ROW]]


def records(ws: Worksheet) -> list[dict[object, Cell]]:
    """The rows of records (a number in 序号), by header: not the lines of work, not the total."""
    names = headers(ws)
    return [dict(zip(names, row, strict=True)) for row in ws.iter_rows(min_row=FIRST_ROW) if is_number(row[0].value)]


def ids(ws: Worksheet) -> list[object]:
    """What names each record: the column after 序号 (编号, or the unit)."""
    return [row[1].value for row in ws.iter_rows(min_row=FIRST_ROW) if is_number(row[0].value)]


def row_of(ws: Worksheet, key: str) -> dict[object, Cell]:
    """The record whose 编号 is ``key``, by header."""
    for row in records(ws):
        if row["编号"].value == key:
            return row
    raise AssertionError(f"{key} not in sheet {ws.title}")


def total_row(ws: Worksheet) -> dict[object, Cell]:
    found = [row for row in ws.iter_rows(min_row=FIRST_ROW) if row[0].value == "合计"]
    assert len(found) == 1, f"{ws.title}: {len(found)} rows 合计"
    return dict(zip(headers(ws), found[0], strict=True))


def layout(ws: Worksheet) -> list[tuple[str, ...]]:
    """The sheet's rows from the header down: ("line", 一, name), ("task", id) or ("total",)."""
    rows: list[tuple[str, ...]] = []
    for row in ws.iter_rows(min_row=FIRST_ROW):
        first = row[0].value
        if is_number(first):
            rows.append(("task", row[1].value))
        elif first == "合计":
            rows.append(("total",))
        else:
            rows.append(("line", first, row[1].value))
    return rows


def shown(cell: Cell) -> str:
    """What Excel shows for a number in the formats the ledger uses (0.0#, #,##0, 0.0%…)."""
    value, fmt = cell.value, cell.number_format
    assert is_number(value), (cell.coordinate, value)
    percent = fmt.endswith("%")
    body = fmt.rstrip("%")
    whole, _, decimals = body.partition(".")
    least, most = decimals.count("0"), len(decimals)
    if percent:
        value *= 100
    text = f"{value:{',' if ',' in whole else ''}.{most}f}"
    if most > least:
        head, _, tail = text.partition(".")
        tail = tail[:least] + tail[least:].rstrip("0")
        text = f"{head}.{tail}" if tail else head
    return text + ("%" if percent else "")


def test_shown_reads_formats_as_excel_does():
    cell = openpyxl.Workbook().active["A1"]
    for value, fmt, text in (
        (7.8, "0.0", "7.8"), (-0.5, "0.0", "-0.5"), (12, "0", "12"), (86.5, "#,##0.0#", "86.5"),
        (186000, "#,##0", "186,000"), (0.417, "0.0%", "41.7%"), (0.5, "0%", "50%"), (1.25, "0.0#", "1.25"),
    ):
        cell.value, cell.number_format = value, fmt
        assert shown(cell) == text, (value, fmt)


# ---------------------------------------------------------------------- sheets, headers, records


def test_sheets_in_order(book, internal_book):
    # Kinds that declare ledger columns in the register get a sheet each, before the notes.
    generic = [kind.list_title or kind.label for kind in KINDS if kind.ledger]
    assert book.sheetnames == ["重点任务", "考核指标", "重点工程", *generic, "说明"]
    assert internal_book.sheetnames == ["重点任务", "考核指标", "重点工程", "单位扣分", *generic, "说明"]
    assert book.properties.title == "工作台账"
    assert book.properties.creator == "澄川市水利局"
    # dated when the data was committed, not when it was exported, so the same data gives the same file
    assert book.properties.created == book.properties.modified == STAMP.replace(tzinfo=None)


def test_header_rows(book, internal_book):
    assert headers(book["重点任务"]) == TASK_HEADERS
    assert headers(book["考核指标"]) == INDICATOR_HEADERS
    assert headers(book["重点工程"]) == PROJECT_HEADERS
    assert headers(internal_book["单位扣分"]) == UNIT_HEADERS
    assert headers(book["说明"]) == ["项目", "内容"]
    assert all(c.font.bold and c.fill.fgColor.rgb.endswith("DDEBF7") for c in book["重点任务"][HEADER_ROW])
    # A long header breaks before its unit, not in the middle of it.
    heads = {h: c.value for h, c in zip(headers(book["重点工程"]), book["重点工程"][HEADER_ROW], strict=True)}
    assert heads["总投资（万元）"] == "总投资\n（万元）"


def test_title_row_on_every_sheet(book, internal_book):
    assert book["重点任务"]["A1"].value == "澄川市水利局 2025年上半年 重点任务台账（截至2025年6月30日）"
    body = book["重点任务"]["B3"].font.sz
    for ws in (*book, *internal_book):
        heading = HEADINGS.get(ws.title, f"{ws.title}台账")
        title = ws.cell(row=TITLE_ROW, column=1)
        assert title.value == f"澄川市水利局 2025年上半年 {heading}（截至2025年6月30日）", ws.title
        across = f"A{TITLE_ROW}:{get_column_letter(ws.max_column)}{TITLE_ROW}"
        assert across in {str(r) for r in ws.merged_cells.ranges}, ws.title
        assert title.font.bold and title.font.sz > body and title.font.name == "黑体", ws.title
        assert title.alignment.horizontal == "center"
        assert ws.freeze_panes.endswith(str(FIRST_ROW)), ws.title  # frozen below the header


def test_serial_numbers_first_on_every_data_sheet(book, internal_book):
    for ws in (*book, *internal_book):
        if ws.title == "说明":
            assert headers(ws)[0] == "项目"  # the notes are not a list of records
            continue
        assert headers(ws)[0] == "序号", ws.title
        serials = [row["序号"].value for row in records(ws)]
        assert serials == list(range(1, len(serials) + 1)), ws.title
        assert serials, ws.title


def test_one_row_per_record(book, view):
    assert sorted(ids(book["重点任务"])) == sorted(t.id for t in view.tasks)
    assert ids(book["考核指标"]) == [i.id for i in view.indicators]
    assert ids(book["重点工程"]) == [p.id for p in view.projects]


def test_tasks_grouped_by_line_of_work_in_the_site_order(book, view):
    """A heading row per line of work (the report's order), then its tasks in data order."""
    expected: list[tuple[str, ...]] = []
    lines = [c for c in view.report.categories if any(t.category == c.id for t in view.tasks)]
    for numeral, line in zip(NUMERALS, lines):
        expected.append(("line", numeral, line.name))
        expected += [("task", t.id) for t in view.tasks if t.category == line.id]
    ws = book["重点任务"]
    assert layout(ws) == expected
    assert len(lines) > 3 and ids(ws) != [t.id for t in view.tasks]  # the order differs from the files'
    line = None
    for row in ws.iter_rows(min_row=FIRST_ROW):
        if not is_number(row[0].value):
            line = row[1].value
            assert all(c.font.bold and c.fill.fgColor.rgb.endswith(LIGHT_FILL) for c in row), row[0].coordinate
        else:
            assert row[3].value == line  # 工作条线
            assert not row[1].font.bold and not row[1].fill.fgColor.rgb.endswith(LIGHT_FILL)


def test_task_row(book):
    row = row_of(book["重点任务"], "T-RV-01")
    assert row["任务名称"].value == "实施12个灌区续建配套与现代化改造"
    assert row["工作条线"].value == "服务乡村振兴"
    assert row["牵头单位"].value == "农村水利处"
    assert "、" in row["配合单位"].value
    assert is_number(row["目标"].value) and row["目标"].value == 12
    assert row["计量单位"].value == "个"
    assert is_number(row["累计完成"].value) and row["累计完成"].value == 5
    # Rounded as the site rounds them (41.67 % → 41.7 %, a gap of 7.78 → 7.8), and shown so.
    assert row["实际进度"].value == 0.417 and shown(row["实际进度"]) == "41.7%"
    assert row["序时进度"].value == 0.495 and shown(row["序时进度"]) == "49.5%"
    assert row["差距（百分点）"].value == 7.8 and shown(row["差距（百分点）"]) == "7.8"
    assert row["状态"].value == "滞后"
    assert row["最新进展"].value == "澄东区东湖灌区改造完工；柳溪灌区初步设计仍在修改。"
    for header, day in (("开始日期", dt.datetime(2025, 1, 1)), ("计划完成日期", dt.datetime(2025, 12, 31))):
        assert isinstance(row[header].value, dt.datetime) and row[header].value == day
        assert row[header].number_format == "yyyy-mm-dd"


def test_indicator_row(book):
    row = row_of(book["考核指标"], "I-CITY-02")
    assert row["方向"].value == "不低于"
    assert row["目标值"].value == 22
    assert row["序时目标"].value == 10.9  # the site shows 序时 10.9 (10.88, one digit)
    assert row["最新值"].value == 7
    assert row["监测日期"].value == dt.datetime(2025, 6, 30)
    assert row["达标情况"].value == "未达标"
    assert row["扣分"].value == 1
    assert all(is_number(row[h].value) for h in ("分值", "扣分", "已争取加分"))


def test_percentages_read_as_on_the_site(book, public):
    from workreport.formatting import measured

    # One rounding rule: a percentage indicator's figures show as the site shows them, to one decimal.
    percents = [i for i in public.data.indicators if i.target.measure == "%"]
    assert percents
    for indicator in percents:
        row = row_of(book["考核指标"], indicator.id)
        standing = public.analysis.indicator(indicator)
        for header, value in (("最新值", standing.value.value), ("序时目标", standing.target)):
            assert f"{shown(row[header])}%" == measured(value, "%"), (indicator.id, header)


def test_project_row(book):
    row = row_of(book["重点工程"], "P-IRR-02")
    assert row["阶段"].value == "前期"
    assert row["总投资（万元）"].value == 14200 and shown(row["总投资（万元）"]) == "14,200"
    assert row["投资完成率"].value == pytest.approx(0.07)
    assert shown(row["投资完成率"]) == "7%"  # as the site: 7%, not 7.0%
    assert "初步设计批复（逾期）" in row["未办结前置要件"].value
    assert "施工图审查（逾期）" not in row["未办结前置要件"].value  # planned for 08-15: open, not late


def test_unit_charges_largest_first(internal_book):
    ws = internal_book["单位扣分"]
    first = records(ws)[0]
    assert [first[h].value for h in UNIT_HEADERS] == [1, "河湖管理处", 1, 2, 0]
    charged = [row["局内考核扣分"].value for row in records(ws)]
    assert charged == sorted(charged, reverse=True)


def test_notes(book):
    notes = {row[0].value: row[1] for row in book["说明"].iter_rows(min_row=FIRST_ROW)}
    assert notes["单位"].value == "澄川市水利局"
    assert notes["报告期"].value == "2025年上半年"
    assert notes["截至日期"].value == dt.datetime(2025, 6, 30)
    assert notes["滞后阈值（百分点）"].value == 5
    assert "超过 5 个百分点" in notes["状态：滞后"].value
    assert "合计" in notes["投资完成率"].value


# ---------------------------------------------------------------------- the site's figures


SUMMARY = re.compile(
    r"完成 (?P<actual>[\d.]+%)(?:（[^）]*）)?，序时进度 (?P<expected>[\d.]+%)(?:，(?P<way>落后|超前) (?P<gap>[\d.]+) 个百分点)?。"
)


def test_task_figures_read_as_on_the_site(book, public):
    """Every task's 实际, 序时 and 差距 read in the ledger as on its page on the site."""
    renderer = SiteRenderer(public.edition)
    ws = book["重点任务"]
    gaps = 0
    for task in public.data.tasks:
        page = renderer.render_view("pages/tasks.md.j2", f"tasks/{task.id}.md", renderer.page_view("tasks", task))
        found = SUMMARY.search(page)
        assert found, task.id
        row = row_of(ws, task.id)
        assert shown(row["实际进度"]) == found["actual"], task.id
        assert shown(row["序时进度"]) == found["expected"], task.id
        if found["way"]:
            gap = found["gap"] if found["way"] == "落后" else f"-{found['gap']}"
            assert shown(row["差距（百分点）"]) == ("0" if gap == "-0" else gap), task.id
            gaps += 1
    assert gaps > 10


def test_a_gap_of_half_a_point_is_not_shown_as_0_55(book, public):
    """T-KP-04 is 0.549 points ahead: the site says 超前 0.5, and so must the ledger (not -0.55)."""
    assert public.analysis.task(public.data.task_by_id["T-KP-04"]).gap == pytest.approx(-0.5495, abs=1e-4)
    renderer = SiteRenderer(public.edition)
    task = public.data.task_by_id["T-KP-04"]
    page = renderer.render_view("pages/tasks.md.j2", "tasks/T-KP-04.md", renderer.page_view("tasks", task))
    assert "超前 0.5 个百分点" in page
    cell = row_of(book["重点任务"], "T-KP-04")["差距（百分点）"]
    assert cell.value == -0.5 and shown(cell) == "-0.5"


# ---------------------------------------------------------------------- totals


def test_project_totals(book, public):
    ws = book["重点工程"]
    rows, total = records(ws), total_row(ws)
    assert layout(ws)[-1] == ("total",)
    assert total["序号"].value == "合计" and total["序号"].font.bold
    sums = {}
    for header in ("总投资（万元）", "年度计划投资（万元）", "年度完成投资（万元）"):
        sums[header] = sum(row[header].value or 0 for row in rows)
        assert total[header].value == pytest.approx(sums[header]), header
        assert total[header].font.bold
    rate = sums["年度完成投资（万元）"] / sums["年度计划投资（万元）"]
    assert total["投资完成率"].value == pytest.approx(rate, abs=0.0005)
    # The site's own words for the year: 年度计划投资 … 万元，截至…完成 … 万元（…%）.
    site = re.search(r"年度计划投资 ([\d.]+) 万元，截至.*?完成 ([\d.]+) 万元（([\d.]+%)）", project_index(public).summary)
    assert site
    assert total["年度计划投资（万元）"].value == float(site[1])
    assert total["年度完成投资（万元）"].value == float(site[2])
    assert shown(total["投资完成率"]) == site[3]
    for header in ("形象进度", "序时进度", "状态"):  # nothing that does not add up
        assert total[header].value is None


def test_indicator_totals(book, internal_book):
    for ws in (book["考核指标"], internal_book["考核指标"]):
        rows, total = records(ws), total_row(ws)
        assert total["序号"].value == "合计" and total["扣分"].font.bold
        for header in ("扣分", "已争取加分"):
            assert total[header].value == pytest.approx(sum(row[header].value for row in rows)), header
        assert total["扣分"].value > 0
        assert total["分值"].value is None
    internal = internal_book["考核指标"]
    charged = total_row(internal)["局内扣分"].value
    assert charged == pytest.approx(sum(row["局内扣分"].value for row in records(internal)))
    assert charged == pytest.approx(2 * total_row(internal)["扣分"].value)


def test_unit_totals(internal_book):
    ws = internal_book["单位扣分"]
    rows, total = records(ws), total_row(ws)
    for header in ("上级考核扣分", "局内考核扣分", "已争取加分"):
        assert total[header].value == pytest.approx(sum(row[header].value for row in rows)), header
        assert total[header].font.bold
    assert total["局内考核扣分"].value > 0


def test_totals_only_where_they_add_up(book):
    assert "合计" not in [row[0].value for row in book["重点任务"].iter_rows()]
    assert "合计" not in [row[0].value for row in book["说明"].iter_rows()]


def test_the_public_totals_hold_no_internal_figure(book, internal_book):
    public, internal = total_row(book["考核指标"]), total_row(internal_book["考核指标"])
    assert "局内扣分" not in public
    figures = [c.value for c in public.values() if is_number(c.value)]
    assert figures == [public["扣分"].value, public["已争取加分"].value]
    assert internal["局内扣分"].value not in figures


# ---------------------------------------------------------------------- layout and print


def test_frozen_and_filtered(book):
    assert book["重点任务"].freeze_panes == "D3"  # 序号, 编号 and 任务名称 stay in view
    for name in ("考核指标", "重点工程"):
        assert book[name].freeze_panes == "A3"
    tasks = book["重点任务"]
    assert tasks.auto_filter.ref == f"B2:R{tasks.max_row}"  # the lines of work are in it, 序号 is not
    projects = book["重点工程"]
    assert projects.auto_filter.ref == f"B2:P{projects.max_row - 1}"  # the total stays out of sorting
    assert book["考核指标"].auto_filter.ref


def test_widths_and_wrapping(book):
    ws = book["重点任务"]
    widths = {h: ws.column_dimensions[c.column_letter].width for h, c in zip(headers(ws), ws[HEADER_ROW], strict=True)}
    assert all(width <= 30 for width in widths.values())
    assert sum(widths.values()) < 230  # one page wide without shrinking the text to nothing
    assert widths["编号"] < 15 and widths["序号"] <= 6
    assert all(c.alignment.wrap_text and c.alignment.vertical == "top" for c in ws["R"][FIRST_ROW:] if c.value)
    # A row of wrapped prose is tall enough for its lines.
    tall = row_of(ws, "T-HR-04")["存在问题"]
    assert ws.row_dimensions[tall.row].height >= 15 * (excel_width(tall.value) // widths["存在问题"])
    assert excel_width("农村水利处") == 10 and excel_width("T-RV-01") == 7


def test_print_setup(book, internal_book):
    """A4 landscape, one page wide, title and header on every page, numbered pages."""
    for ws in (*book, *internal_book):
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert int(setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows.replace("$", "") == f"{TITLE_ROW}:{HEADER_ROW}"
        for footer in (ws.oddFooter, ws.evenFooter):
            assert footer.center.text == "第 &P 页 共 &N 页", ws.title
        margins = ws.page_margins
        assert 0.25 <= margins.left <= 0.75 and 0.25 <= margins.right <= 0.75
        assert margins.top > margins.header and margins.bottom > margins.footer


def test_chinese_faces_everywhere(book_path, book):
    """Every font the workbook declares, its default (Normal) included, is 宋体 or 黑体: no Calibri."""
    with zipfile.ZipFile(book_path) as xlsx:
        styles = xlsx.read("xl/styles.xml").decode("utf-8")
    fonts = re.findall(r"<font>.*?</font>", styles, re.S)
    assert fonts and {re.search(r'<name val="([^"]+)"', f)[1] for f in fonts} <= CHINESE_FACES
    assert all('<charset val="134"' in f for f in fonts)
    assert "Calibri" not in styles
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell, MergedCell) and cell.has_style:
                    assert cell.font.name in CHINESE_FACES, f"{ws.title}!{cell.coordinate}"
        assert all(c.font.name == "黑体" for c in ws[HEADER_ROW]), ws.title
        assert ws.cell(row=FIRST_ROW + 1, column=2).font.name == "宋体", ws.title
        assert ws.oddFooter.center.font.startswith("宋体")


def test_values_are_typed(book):
    """No number hides in a string, and nothing stands in for an empty cell."""
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell, MergedCell):
                    continue
                if isinstance(cell.value, str):
                    with pytest.raises(ValueError):
                        float(cell.value)
                    assert cell.value.strip() not in ("", "—", "-"), f"{ws.title}!{cell.coordinate}"
                    assert not re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", cell.value), "a date as text"
                if cell.is_date:
                    assert cell.number_format == "yyyy-mm-dd"


# ---------------------------------------------------------------------- audiences


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
    notes = {row[0].value: row[1].value for row in internal_book["说明"].iter_rows(min_row=FIRST_ROW)}
    assert notes["局内扣分倍数"] == 2 and "局内扣分" in notes
    for ws in internal_book:
        assert ws.oddHeader.left.text == ws.evenHeader.left.text == "内部资料", ws.title
    assert internal_book.properties.title == "工作台账（内部资料）"


def test_status_tints_follow_the_declared_tones(book):
    row = row_of(book["重点任务"], "T-RV-01")
    assert row["状态"].value == "滞后" and row["状态"].fill.fgColor.rgb.endswith("FFF2CC")  # tone warn
