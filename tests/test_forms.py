"""Units' progress forms: `workreport form` writes them, `workreport import` reads them back.

A round trip for every unit of both bureaus (form, filled with openpyxl, imported: `check`
clean, only added lines, the rendered pages show the new figures, a second import adds
nothing); random valid rows (hypothesis); and a corpus of bad forms, each with its message.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import random
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from conftest import FIXTURES, ROOT
from workreport.audience import INTERNAL, PUBLIC
from workreport.cli import main
from workreport.formatting import number
from workreport.loading import load_dataset
from workreport.render.site import SiteRenderer
from workreport.views.progress_form import COLUMNS, FIRST_ROW, column_letter

JULY = dt.date(2025, 7, 31)


def _retime(report: Path, old: dict[str, str], new: dict[str, str]) -> None:
    text = report.read_text(encoding="utf-8")
    for key, value in old.items():
        assert value in text, value
        text = text.replace(value, new[key], 1)
    report.write_text(text, encoding="utf-8")


def sample_project(target: Path) -> Path:
    """The sample's data, a month on: the whole year 2025 as the period, as of 31 July
    (the sample's logs end on 30 June, the end of its half-year)."""
    shutil.copytree(ROOT / "data", target / "data")
    _retime(
        target / "data" / "report.yaml",
        {"id": "id: 2025-h1", "title": "title: 2025年上半年", "end": "end: 2025-06-30", "as_of": "as_of: 2025-06-30"},
        {"id": 'id: "2025"', "title": "title: 2025年", "end": "end: 2025-12-31", "as_of": "as_of: 2025-07-31"},
    )
    return target


def county_project(target: Path) -> Path:
    """The county bureau's data in its next year (its logs end on 31 December 2025)."""
    shutil.copytree(FIXTURES / "county" / "data", target / "data")
    _retime(
        target / "data" / "report.yaml",
        {"id": 'id: "2025"', "title": "title: 2025年\n", "start": "start: 2025-01-01", "end": "end: 2025-12-31", "as_of": "as_of: 2025-12-31"},
        {"id": 'id: "2026"', "title": "title: 2026年\n", "start": "start: 2026-01-01", "end": "end: 2026-12-31", "as_of": "as_of: 2026-01-31"},
    )
    return target


def example_project(target: Path) -> Path:
    """The example unit the editor guide's pictures are made from (tests/fixtures/forms)."""
    shutil.copytree(FIXTURES / "forms" / "data", target / "data")
    return target


PROJECTS = {"sample": sample_project, "county": county_project, "example": example_project}
Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Runner:
    def invoke(project: Path, *argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        status = main(["--data", str(project / "data"), "--root", str(project), *argv])
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


def make_forms(run: Runner, project: Path, *unit: str) -> list[Path]:
    status, _, err = run(project, "form", "--out", str(project / "dist"), *(("--unit", unit[0]) if unit else ()))
    assert status == 0, err
    assert "Traceback" not in err
    return sorted((project / "dist").glob("*.xlsx"))


def data_bytes(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted((project / "data").rglob("*.yaml"))}


def removed_lines(before: dict[str, bytes], after: dict[str, bytes]) -> list[str]:
    """Lines a diff of the data files would show as removed (or changed)."""
    removed: list[str] = []
    for name, old in before.items():
        new = after[name]
        assert new.startswith(b"\xef\xbb\xbf") == old.startswith(b"\xef\xbb\xbf"), name
        diff = difflib.ndiff(old.decode("utf-8-sig").splitlines(keepends=True), new.decode("utf-8-sig").splitlines(keepends=True))
        removed.extend(f"{name}: {line}" for line in diff if line.startswith("- "))
    return removed


def rows(ws: Any, kind: str) -> list[int]:
    return [r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(row=r, column=1).value]


def cell(ws: Any, kind: str, key: str, row: int) -> Any:
    return ws[f"{column_letter(kind, key)}{row}"]


def fill_valid(path: Path, pick: Callable[[str, int], bool] = lambda kind, row: True, text: str = "按计划推进") -> dict[str, Any]:
    """Fill every picked row of a form with figures one step on from the last; what was filled, by id."""
    workbook = load_workbook(path)
    filled: dict[str, Any] = {}
    for kind, sheet in (("tasks", "重点任务"), ("indicators", "考核指标"), ("projects", "重点工程")):
        if sheet not in workbook.sheetnames:
            continue
        ws = workbook[sheet]
        for r in rows(ws, kind):
            if not pick(kind, r):
                continue
            record = ws[f"A{r}"].value
            if kind == "tasks":
                if cell(ws, kind, "last_done", r).value is not None or not str(cell(ws, kind, "target", r).value).startswith("（"):
                    value = (cell(ws, kind, "last_done", r).value or 0) + 1
                    cell(ws, kind, "done", r).value = value
                else:
                    value = min(100, (cell(ws, kind, "last_percent", r).value or 0) + 1)
                    cell(ws, kind, "percent", r).value = value
                cell(ws, kind, "note", r).value = text
            elif kind == "indicators":
                value = round(cell(ws, kind, "last_value", r).value or 0) + 1  # whole: the page rounds
                cell(ws, kind, "value", r).value = value
            else:
                value = (cell(ws, kind, "last_invested", r).value or 0) + 10
                cell(ws, kind, "invested", r).value = value
                cell(ws, kind, "problems", r).value = text
            filled[record] = value
    workbook.save(path)
    return filled


# ---------------------------------------------------------------------- round trips


@pytest.mark.parametrize("bureau", list(PROJECTS))
def test_round_trip_for_every_unit(tmp_path: Path, run: Runner, bureau: str) -> None:
    project = PROJECTS[bureau](tmp_path)
    forms = make_forms(run, project)
    data = load_dataset(project / "data", project).dataset
    assert data is not None
    # One form per unit that has anything to report, named after the unit and the month.
    month = f"{data.report.as_of.year}年{data.report.as_of.month}月"
    assert forms and all(month in f.name and f.name.endswith("进度填报表.xlsx") for f in forms)
    named = {f.name.split(month)[0] for f in forms}
    assert named <= {u.name for u in data.units}
    filled: dict[str, Any] = {}
    for form in forms:
        filled.update(fill_valid(form))
    before = data_bytes(project)
    pages_before = dict(SiteRenderer(INTERNAL.edition(data)).pages())
    status, out, err = run(project, "import", *map(str, forms))
    assert status == 0, err
    assert "新增 " in out and "Traceback" not in err
    after = data_bytes(project)
    assert removed_lines(before, after) == []
    result = load_dataset(project / "data", project)
    assert result.errors == [], "\n".join(map(str, result.errors))
    assert result.dataset is not None
    # The pages as the site renders them: each filled record's page changed and shows the new figure.
    pages = dict(SiteRenderer(INTERNAL.edition(result.dataset)).pages())
    as_of = result.dataset.report.as_of
    day = f"{as_of.month}月{as_of.day}日"
    shown = 0
    for kind in ("tasks", "indicators", "projects"):
        for record in result.dataset.of(kind):
            if record.id not in filled:
                continue
            uri = f"{kind}/{record.id}.md"
            log = record.values if kind == "indicators" else record.progress
            assert log[-1].date == as_of
            assert pages[uri] != pages_before[uri], uri
            assert day in pages[uri] and number(filled[record.id]) in pages[uri], uri
            shown += 1
    assert shown == len(filled)
    # The same forms again: nothing added, nothing written.
    status, out, err = run(project, "import", *map(str, forms))
    assert status == 0, err
    assert "新增 0 条记录" in out
    assert data_bytes(project) == after


@pytest.mark.parametrize("given", ["rural-water", "农村水利处", " 农水处 "])
def test_the_unit_is_named_as_make_new_takes_it(tmp_path: Path, run: Runner, given: str) -> None:
    # Dataset.unit_named: its id, full name or short name, the same rule as `make new --unit`.
    project = sample_project(tmp_path)
    [form] = make_forms(run, project, given)
    assert form.name.startswith("农村水利处")


def test_an_unknown_unit_is_refused_with_the_ids_it_could_be(tmp_path: Path, run: Runner) -> None:
    project = sample_project(tmp_path)
    status, _, err = run(project, "form", "--out", str(project / "dist"), "--unit", "rural-watr")
    assert (status, err) == (2, "--unit：引用了不存在的单位“rural-watr”。是否应为“rural-water”？\n")
    assert not (project / "dist").exists() or not list((project / "dist").iterdir())


def test_the_form_is_laid_out_for_the_clerk(tmp_path: Path, run: Runner) -> None:
    project = sample_project(tmp_path)
    [form] = make_forms(run, project, "rural-water")
    assert form.name == "农村水利处2025年7月进度填报表.xlsx"
    workbook = load_workbook(form)
    assert workbook.sheetnames[:4] == ["重点任务", "考核指标", "重点工程", "填表说明"]
    assert workbook["_form"].sheet_state == "veryHidden"
    assert workbook.security is not None and workbook.security.lockStructure
    ws = workbook["重点任务"]
    assert ws.protection.sheet
    assert [ws.cell(row=FIRST_ROW - 1, column=i + 1).value for i in range(len(COLUMNS["tasks"]))] == [c.header for c in COLUMNS["tasks"]]
    first = FIRST_ROW
    assert ws[f"A{first}"].value == "T-RV-01" and ws[f"A{first}"].protection.locked
    assert ws[f"G{first}"].value.date() == JULY and not ws[f"G{first}"].protection.locked
    assert not ws[f"I{first}"].protection.locked
    kinds = {v.type for v in ws.data_validations.dataValidation}
    assert kinds == {"date", "decimal"}
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    stages = [v for v in workbook["重点工程"].data_validations.dataValidation if v.type == "list"]
    assert stages and "在建" in stages[0].formula1


def test_an_import_writes_only_new_lines_keeping_crlf_and_bom(tmp_path: Path, run: Runner) -> None:
    project = sample_project(tmp_path)
    tasks = project / "data" / "tasks" / "rural-water.yaml"
    tasks.write_bytes(b"\xef\xbb\xbf" + tasks.read_bytes().replace(b"\n", b"\r\n"))
    [form] = make_forms(run, project, "rural-water")
    fill_valid(form, lambda kind, row: kind == "tasks", text="说明: 含冒号 # 和引号\"")
    before = data_bytes(project)
    status, out, err = run(project, "import", str(form))
    assert status == 0, err
    assert "重点任务 T-RV-01" in out
    after = data_bytes(project)
    assert removed_lines(before, after) == []
    new = after["data/tasks/rural-water.yaml"]
    assert new.startswith(b"\xef\xbb\xbf") and new.count(b"\r\n") == new.count(b"\n")
    assert b'note: "\xe8\xaf\xb4\xe6\x98\x8e: ' in new  # quoted: the note holds “: ”
    assert load_dataset(project / "data", project).errors == []


def test_the_problems_reported_show_on_the_bureaus_pages_only(tmp_path: Path, run: Runner) -> None:
    project = sample_project(tmp_path)
    [form] = make_forms(run, project, "rural-water")
    fill_valid(form, lambda kind, row: kind in ("tasks", "projects") and row == FIRST_ROW, text="协调事项待定")
    status, _, err = run(project, "import", str(form))
    assert status == 0, err
    data = load_dataset(project / "data", project).dataset
    assert data is not None
    internal = dict(SiteRenderer(INTERNAL.edition(data)).pages())
    public = dict(SiteRenderer(PUBLIC.edition(data)).pages())
    # Tasks: the clerk's text is the note; projects: the problems, shown after the note on the bureau's pages.
    assert "| 协调事项待定 |" in internal["tasks/T-RV-01.md"]
    assert "存在问题：协调事项待定" in internal["projects/P-IRR-01.md"]
    assert "协调事项待定" not in public["projects/P-IRR-01.md"]


def test_a_percent_typed_with_its_sign_means_the_percent(tmp_path: Path, run: Runner) -> None:
    project = sample_project(tmp_path)
    [form] = make_forms(run, project, "rural-water")

    def typed(workbook: Any) -> None:
        ws = workbook["重点任务"]
        ws["I5"].value, ws["I5"].number_format = 0.6, "0%"  # what Excel stores for “60%”
        ws["I6"].value = "55%"

    _edit(form, typed)
    status, _, err = run(project, "import", str(form))
    assert status == 0, err
    data = load_dataset(project / "data", project).dataset
    assert data is not None
    tasks = data.by_id("tasks")
    assert tasks["T-RV-01"].progress[-1].percent == 60
    assert tasks["T-RV-02"].progress[-1].percent == 55


def test_commit_names_the_unit_and_the_month(tmp_path: Path, run: Runner) -> None:
    project = sample_project(tmp_path)
    git = ["git", "-c", "user.name=测试", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "data"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "data"], cwd=project, check=True)
    [form] = make_forms(run, project, "rural-water")
    fill_valid(form, lambda kind, row: kind == "indicators")
    subprocess.run(["git", "config", "user.name", "测试"], cwd=project, check=True)
    subprocess.run(["git", "config", "user.email", "test@example.org"], cwd=project, check=True)
    status, _, err = run(project, "import", str(form), "--commit")
    assert status == 0, err
    log = subprocess.run(["git", "log", "-1", "--format=%s", "--stat"], cwd=project, capture_output=True, text=True, check=True).stdout
    assert log.startswith("农村水利处2025年7月进度填报：导入 2 条进度记录")
    assert "data/indicators.yaml" in log and "rural-water" not in log


# ---------------------------------------------------------------------- random valid rows

NOTE_TEXT = st.text(
    alphabet=st.sampled_from(list("进度完成说明问题abcXYZ019 :#-'\"[]{}!&*?|>%@`,.\n\r\t\\\u00a0\u3000\u2028\x85é😀")), min_size=0, max_size=20
).filter(lambda text: not text.startswith("="))


@settings(
    max_examples=6,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: each example loads the data several times
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(seed=st.integers(0, 2**16), note=NOTE_TEXT, problems=NOTE_TEXT)
def test_random_valid_rows_keep_check_clean_and_the_diff_additions_only(
    tmp_path_factory: pytest.TempPathFactory, run: Runner, seed: int, note: str, problems: str
) -> None:
    project = sample_project(tmp_path_factory.mktemp("random"))
    [form] = make_forms(run, project, "rural-water")
    rng = random.Random(seed)
    workbook = load_workbook(form)
    for kind, sheet in (("tasks", "重点任务"), ("indicators", "考核指标"), ("projects", "重点工程")):
        ws = workbook[sheet]
        for r in rows(ws, kind):
            if rng.random() < 0.3:
                continue  # left empty: skipped
            cell(ws, kind, "date", r).value = dt.date(2025, 7, rng.randint(1, 31))
            if kind == "tasks":
                last_done = cell(ws, kind, "last_done", r).value or 0
                cell(ws, kind, "done", r).value = last_done + rng.choice([0, 1, 2.5])
                if rng.random() < 0.5:
                    cell(ws, kind, "percent", r).value = rng.uniform(max(50.0, cell(ws, kind, "last_percent", r).value or 0), 100)
                cell(ws, kind, "note", r).value = note or None
                cell(ws, kind, "problems", r).value = problems or None
            elif kind == "indicators":
                cell(ws, kind, "value", r).value = rng.uniform(-5, 200)
                cell(ws, kind, "note", r).value = note or None
            else:
                last = cell(ws, kind, "last_percent", r).value or 0
                cell(ws, kind, "percent", r).value = rng.uniform(last, 100)
                cell(ws, kind, "invested", r).value = (cell(ws, kind, "last_invested", r).value or 0) + rng.randint(0, 500)
                cell(ws, kind, "stage", r).value = rng.choice([None, "在建", "完工"])
                cell(ws, kind, "problems", r).value = problems or None
    workbook.save(form)
    before = data_bytes(project)
    status, _, err = run(project, "import", str(form))
    assert status == 0, err
    assert removed_lines(before, data_bytes(project)) == []
    assert load_dataset(project / "data", project).errors == []
    after = data_bytes(project)
    status, _, err = run(project, "import", str(form))
    assert status == 0, err
    assert data_bytes(project) == after


# ---------------------------------------------------------------------- bad forms

FORM = "农村水利处2025年7月进度填报表.xlsx"


def _edit(path: Path, edit: Callable[[Any], None]) -> None:
    workbook = load_workbook(path)
    edit(workbook)
    workbook.save(path)


def _set(sheet: str, **cells: Any) -> Callable[[Any], None]:
    def edit(workbook: Any) -> None:
        for ref, value in cells.items():
            workbook[sheet][ref].value = value

    return edit


def _stale(project: Path) -> None:
    tasks = project / "data" / "tasks" / "rural-water.yaml"
    text = tasks.read_text(encoding="utf-8")
    anchor = "      - date: 2025-06-30\n        done: 5\n"
    assert anchor in text
    tasks.write_text(text.replace(anchor, anchor + "      - date: 2025-07-10\n        done: 6\n", 1), encoding="utf-8")


def _other_period(project: Path) -> None:
    report = project / "data" / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace('id: "2025"', "id: 2025-y"), encoding="utf-8")


# name → (what is done to the form, what is done to the data after the form was made, the message)
BAD_FORMS: dict[str, tuple[Callable[[Any], None] | None, Callable[[Path], None] | None, str]] = {
    "percent over 100": (_set("重点任务", I5=150, H5=None), None, f"{FORM}:重点任务!I5: 完成比例应在 0–100 之间（实际值：150）"),
    "date after the period": (
        _set("重点任务", G5=dt.date(2026, 1, 5), H5=6),
        None,
        f"{FORM}:重点任务!G5: 填报日期 2026-01-05 不在报告期 2025-01-01 至 2025-12-31 之内",
    ),
    "date not after the last": (
        _set("重点任务", G5=dt.date(2025, 6, 15), H5=6),
        None,
        f"{FORM}:重点任务!G5: 填报日期 2025-06-15 不晚于上次填报日期 2025-06-30：新的进度应在上次之后（同一天的情况请并入上次）",
    ),
    "amount falling without a note": (
        _set("重点任务", H5=3),
        None,
        f"{FORM}:重点任务!H5: 累计完成比上次少（上次 5，本次 3）：这是累计数，不是当月数；确需调减请在进展说明中写明原因",
    ),
    "text for a number": (_set("重点任务", H5="六个"), None, f"{FORM}:重点任务!H5: 累计完成应为数字（实际值：'六个'）"),
    "a date that is not one": (
        _set("考核指标", F5="七月底", G5=1),
        None,
        f"{FORM}:考核指标!F5: 监测日期不是有效日期（实际值：'七月底'），请写成 2025-07-31 的形式",
    ),
    "stage not in the vocabulary": (
        _set("重点工程", I5="施工中"),
        None,
        f"{FORM}:重点工程!I5: 进入新阶段应从下拉列表中选择：前期、在建、完工、验收、决算审计（实际值：'施工中'）",
    ),
    "only a note": (_set("重点任务", J5="说明"), None, f"{FORM}:重点任务!H5: 请填写累计完成或完成比例（至少一项），只有说明不能形成进度记录"),
    "id edited by hand": (
        _set("重点任务", A5="T-RV-09", H5=6),
        None,
        f"{FORM}:重点任务!A5: 编号被改动：这一行应为“T-RV-01”，表中是“T-RV-09”。编号和名称不能修改，请用 make form 重新生成的填报表填写",
    ),
    "a row added by hand": (
        _set("重点任务", A8="T-RV-03", H8=1),
        None,
        f"{FORM}:重点任务!A8: 这一行不是填报表生成的记录行（可能是手工添加的）：新增任务请告知办公室，不能在填报表中添加",
    ),
    "stale form": (
        _set("重点任务", H5=7),
        _stale,
        f"{FORM}:重点任务!A5: 填报表已过时：重点任务“T-RV-01”的进度在生成填报表后有变化，生成填报表时最后一条记录的日期是 2025-06-30，"
        "现在是 2025-07-10（数据已另行更新）。请用 make form 重新生成填报表，再把本行内容填入",
    ),
    "another period": (
        _set("重点任务", H5=6),
        _other_period,
        f"{FORM}: 填报表属于报告期 2025（2025-01-01 至 2025-12-31），当前数据的报告期是 2025-y（2025年）：请用本期的填报表（make form 重新生成）",
    ),
    "another unit": (
        lambda workbook: (_set("重点任务", H5=6)(workbook), _set("_form", B7="rivers", B8="河湖管理处")(workbook)),
        None,
        f"{FORM}:重点任务!A5: 重点任务“T-RV-01”现由农村水利处负责，不属于河湖管理处：请用本单位的填报表",
    ),
}


@pytest.mark.parametrize("name", list(BAD_FORMS))
def test_a_bad_form_is_refused_with_its_message_and_nothing_written(tmp_path: Path, run: Runner, name: str) -> None:
    form_edit, data_edit, message = BAD_FORMS[name]
    project = sample_project(tmp_path)
    [form] = make_forms(run, project, "rural-water")
    if form_edit:
        _edit(form, form_edit)
    if data_edit:
        data_edit(project)
    before = data_bytes(project)
    status, _, err = run(project, "import", str(form))
    assert status == 1
    assert "Traceback" not in err
    assert err.splitlines()[0] == message
    assert err.splitlines()[-1].endswith("数据文件一字未改。请按上面的提示改正填报表后重新导入。")
    assert data_bytes(project) == before


def _plain_workbook(path: Path) -> None:
    workbook = Workbook()
    workbook.active["A1"] = "编号"
    workbook.save(path)


BAD_FILES: dict[str, tuple[str, Callable[[Path, Path], None], str]] = {
    "xls": (
        "进度.xls",
        lambda form, path: path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "Workbook".encode("utf-16-le")),
        "进度.xls: 这是旧版 Excel 97-2003 工作簿（.xls），不是填报表：请直接在 make form 生成的 .xlsx 填报表中填写，不要另存为 .xls",
    ),
    "encrypted": (
        "进度.xlsx",
        lambda form, path: path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptionInfo".encode("utf-16-le")),
        "进度.xlsx: 文件设置了打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再导入",
    ),
    "csv": (
        "进度.csv",
        lambda form, path: path.write_text("编号,填报日期,累计完成\nT-RV-01,2025-07-31,6\n", encoding="utf-8"),
        "进度.csv: 这是 CSV 文本文件，不是填报表：CSV 不保留编号、表格保护和检查，请在 make form 生成的 .xlsx 填报表中填写",
    ),
    "truncated": (
        "进度.xlsx",
        lambda form, path: path.write_bytes(form.read_bytes()[:2000]),
        "进度.xlsx: 文件已损坏，无法作为 .xlsx 打开（可能只复制或下载了一半）：请让填报人重新发送",
    ),
    "not a form": (
        "进度.xlsx",
        lambda form, path: _plain_workbook(path),
        "进度.xlsx: 不是由 make form 生成的填报表（缺少填报表的身份信息）：请用 make form 生成的填报表填写",
    ),
    "missing": ("进度.xlsx", lambda form, path: None, "进度.xlsx: 文件不存在"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_is_named_not_a_traceback(tmp_path: Path, run: Runner, name: str) -> None:
    file_name, make, message = BAD_FILES[name]
    project = sample_project(tmp_path)
    [form] = make_forms(run, project, "rural-water")
    path = tmp_path / file_name
    make(form, path)
    before = data_bytes(project)
    status, _, err = run(project, "import", str(path), str(form))
    assert status == 1
    assert "Traceback" not in err
    assert err.splitlines()[0] == message
    assert data_bytes(project) == before


def test_every_problem_of_a_form_at_once(tmp_path: Path, run: Runner) -> None:
    project = sample_project(tmp_path)
    [form] = make_forms(run, project, "rural-water")
    _edit(form, _set("重点任务", I5=150, H6="x", I7=-1))
    status, _, err = run(project, "import", str(form))
    assert status == 1
    lines = err.splitlines()
    assert [line.split(": ")[0] for line in lines[:-1]] == [f"{FORM}:重点任务!I5", f"{FORM}:重点任务!H6", f"{FORM}:重点任务!I7"]
    assert lines[-1].startswith("填报表检查未通过：3 个错误")


def test_the_same_rows_in_two_forms_are_named_in_the_second(tmp_path: Path, run: Runner) -> None:
    project = sample_project(tmp_path)
    [form] = make_forms(run, project, "rural-water")
    _edit(form, _set("重点任务", H5=6))
    copy = tmp_path / "副本.xlsx"
    shutil.copy(form, copy)
    before = data_bytes(project)
    status, _, err = run(project, "import", str(form), str(copy))
    assert status == 1
    assert err.splitlines()[0] == "副本.xlsx:重点任务!G5: 进度记录日期 2025-07-31 与上一条相同：同一天请合并为一条"
    assert data_bytes(project) == before


def test_a_write_cut_off_half_way_names_the_files_already_written(tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    project = sample_project(tmp_path)
    [form] = make_forms(run, project, "rural-water")
    fill_valid(form)  # tasks and projects: two data files to write
    before = data_bytes(project)
    real_replace, calls = os.replace, []

    def replace_once(source: Any, target: Any) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise PermissionError(13, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace_once)
    status, _, err = run(project, "import", str(form))
    assert status == 1 and "Traceback" not in err
    written = Path(calls[0]).name
    assert f"写入中断（Permission denied）：{written} 已写入新的进度记录，其余数据文件未改" in err
    assert "一字未改" not in err
    changed = [name for name, data in data_bytes(project).items() if data != before[name]]
    assert [Path(name).name for name in changed] == [written]
    assert not list((project / "data").rglob(".*.importing"))
