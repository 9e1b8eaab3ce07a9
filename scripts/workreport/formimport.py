"""Importing filled progress forms (填报表): every row checked, then new log entries appended.

``read_form`` reads one XLSX form against the checked data: the file itself (an ``.xls``, a
CSV, an encrypted or corrupted file is named as such), the form's period, bureau and unit,
each row's id and whether the record's log changed since the form was made (a stale form),
then each filled cell. ``plan_import`` turns the rows of every form into additions to the
data files (``yamlappend``), writes the would-be files into a scratch copy of ``data/`` and
loads it with the same checks as ``workreport check``; only when nothing is wrong does
``apply_import`` put the new files in place. Every problem names the form, the sheet, the
cell: ``填报表.xlsx:重点任务!I7: 完成比例应在 0–100 之间（实际值：150）``.

A row whose entry is already in the log (same date, same figures) is skipped, so importing a
form twice adds nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dataset import Dataset
from .loading import load_dataset
from .model import INDICATORS, KIND_BY_KEY, PROJECTS, TASKS
from .plain import clean
from .problems import Problem, show_value
from .scratch import scratch_dir
from .views.progress_form import (
    COLUMNS,
    ENTRY_FIELDS,
    FORMAT_VERSION,
    LOG_KEYS,
    META_SHEET,
    SHEET_NAMES,
    Column,
    column_letter,
    current_stage,
    log_fingerprint,
)
from .yamlappend import Addition, AppendError, append_entries
from .yamlsource import parse_yaml

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True, order=True)
class FormProblem:
    """One thing wrong with a form: the file, and where in it (sheet and cell) when known."""

    file: str
    sheet: str = ""
    cell: str = ""
    message: str = ""

    def __str__(self) -> str:
        message = " ".join(self.message.split())
        if self.sheet and self.cell:
            return f"{self.file}:{self.sheet}!{self.cell}: {message}"
        if self.sheet:
            return f"{self.file}:{self.sheet}: {message}"
        return f"{self.file}: {message}"


@dataclass
class NewEntry:
    """A row of a form that adds an entry to a record's log."""

    form: str
    kind: str
    record_id: str
    sheet: str
    row: int
    entry: dict[str, Any]

    def cell(self, key: str) -> str:
        return f"{column_letter(self.kind, key)}{self.row}"


@dataclass
class FormContent:
    display: str
    unit_id: str
    unit_name: str
    month: str
    entries: list[NewEntry] = field(default_factory=list)
    already: int = 0
    """Rows whose entry the log already holds (the form was imported before)."""
    empty: int = 0


def label(column: Column) -> str:
    """The column's name in messages: its header without the unit in brackets (完成比例)."""
    return column.header.split("（")[0]


# ---------------------------------------------------------------------- the file


def file_problem(path: Path) -> str | None:
    """Why ``path`` is not an XLSX file that can be read, or None."""
    try:
        head = path.read_bytes()[:4096] if path.is_file() else None
    except OSError as error:
        return f"无法读取文件（{error.strerror}）"
    if head is None:
        return "文件不存在" if not path.exists() else "这不是一个文件"
    if head.startswith(OLE2):
        if ENCRYPTED_MARK in path.read_bytes():
            return "文件设置了打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再导入"
        return "这是旧版 Excel 97-2003 工作簿（.xls），不是填报表：请直接在 make form 生成的 .xlsx 填报表中填写，不要另存为 .xls"
    if not head.startswith(ZIP):
        if path.suffix.lower() in (".csv", ".txt") or (b"," in head and b"\0" not in head):
            return "这是 CSV 文本文件，不是填报表：CSV 不保留编号、表格保护和检查，请在 make form 生成的 .xlsx 填报表中填写"
        return "不是 Excel 工作簿（.xlsx）文件，或文件已损坏：请交回 make form 生成的 .xlsx 填报表"
    try:
        with zipfile.ZipFile(path) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                return "文件已损坏或不是 Excel 工作簿（缺少工作簿内容）：请交回 make form 生成的 .xlsx 填报表"
            bad = archive.testzip()
            if bad is not None:
                return f"文件已损坏（其中的 {bad} 无法解压）：请让填报人重新保存后再交"
    except (zipfile.BadZipFile, OSError):
        return "文件已损坏，无法作为 .xlsx 打开（可能只复制或下载了一半）：请让填报人重新发送"
    return None


def _load(path: Path) -> Any:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        # openpyxl warns about parts of Excel's and WPS's files it does not keep (extensions,
        # conditional formats); none of them holds what a form carries.
        warnings.simplefilter("ignore")
        return load_workbook(path, data_only=True)


# ---------------------------------------------------------------------- cells


def as_number(value: Any) -> float | str | None:
    """A cell's number, None when empty, or the text it holds when it is not a number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace(",", "").replace("，", "").rstrip("%％").strip()
    try:
        number = float(text)
    except ValueError:
        return str(value)
    return number if number == number and abs(number) != float("inf") else str(value)


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")


def as_date(value: Any) -> dt.date | str | None:
    """A cell's date, None when empty, or the text it holds when it is not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 73051:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))  # a serial number whose date format was lost
    text = str(value).strip()
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return str(value)


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()[:10]
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    # Text pasted from other programs may bring control characters no output can carry.
    text = clean(str(value).replace("\r\n", "\n").replace("\r", "\n")).strip()
    return text or None


def _cell_value(cell: Any, column: Column) -> Any:
    """A cell's value as the clerk meant it: “60%” typed into a percent column is stored by Excel
    and WPS as 0.6 with a percent format, and means 60."""
    value = cell.value
    if column.kind == "percent" and isinstance(value, int | float) and not isinstance(value, bool) and "%" in str(cell.number_format):
        return round(value * 100, 10)
    return value


# ---------------------------------------------------------------------- one form


class _Reader:
    def __init__(self, display: str, data: Dataset):
        self.display = display
        self.data = data
        self.problems: list[FormProblem] = []

    def fail(self, message: str, sheet: str = "", cell: str = "") -> None:
        self.problems.append(FormProblem(self.display, sheet, cell, message))

    def read(self, path: Path) -> FormContent | None:
        reason = file_problem(path)
        if reason:
            self.fail(reason)
            return None
        try:
            workbook = _load(path)
        except Exception:  # noqa: BLE001 - whatever openpyxl raises, the file cannot be read as a form
            self.fail("文件已损坏，无法作为 .xlsx 读取：请让填报人用 Excel 或 WPS 打开后重新保存")
            return None
        if META_SHEET not in workbook.sheetnames:
            self.fail("不是由 make form 生成的填报表（缺少填报表的身份信息）：请用 make form 生成的填报表填写")
            return None
        meta, records = self.meta(workbook[META_SHEET])
        content = self.check_meta(meta)
        if content is None:
            return None
        for kind, record_id, row, fingerprint, last_date in records:
            self.read_row(workbook, content, kind, record_id, row, fingerprint, last_date)
        self.stray_rows(workbook, records)
        return content

    @staticmethod
    def meta(ws: Any) -> tuple[dict[str, str], list[tuple[str, str, int, str, str]]]:
        meta: dict[str, str] = {}
        records: list[tuple[str, str, int, str, str]] = []
        in_records = False
        for values in ws.iter_rows(values_only=True):
            cells = ["" if v is None else str(v) for v in values[:5]] + [""] * 5
            if cells[0] == "records":
                in_records = True
            elif in_records and cells[0] in COLUMNS and cells[2].isdigit():
                records.append((cells[0], cells[1], int(cells[2]), cells[3], cells[4]))
            elif not in_records and cells[0]:
                meta[cells[0]] = cells[1]
        return meta, records

    def check_meta(self, meta: dict[str, str]) -> FormContent | None:
        report = self.data.report
        if meta.get("format") != FORMAT_VERSION:
            self.fail("填报表的版本与本系统不符：请用 make form 重新生成填报表")
            return None
        wrong = False
        if meta.get("bureau") != report.bureau:
            self.fail(f"这是“{meta.get('bureau')}”的填报表，不是“{report.bureau}”的")
            wrong = True
        if meta.get("period") != report.period.id:
            self.fail(
                f"填报表属于报告期 {meta.get('period')}（{meta.get('period_start')} 至 {meta.get('period_end')}），"
                f"当前数据的报告期是 {report.period.id}（{report.period.title}）：请用本期的填报表（make form 重新生成）"
            )
            wrong = True
        unit = self.data.unit_by_id.get(meta.get("unit", ""))
        if unit is None:
            self.fail(f"填报表的单位“{meta.get('unit_name')}”（{meta.get('unit')}）不在现有数据中")
            wrong = True
        if wrong or unit is None:
            return None
        try:
            as_of = dt.date.fromisoformat(meta.get("as_of", ""))
        except ValueError:
            self.fail("填报表的身份信息已损坏（截至日期）：请用 make form 重新生成填报表")
            return None
        return FormContent(self.display, unit.id, unit.name, f"{as_of.year}年{as_of.month}月")

    def stray_rows(self, workbook: Any, records: list[tuple[str, str, int, str, str]]) -> None:
        """Rows the form did not have (added by hand): their ids are not the data's, refused."""
        for kind, sheet in SHEET_NAMES.items():
            if sheet not in workbook.sheetnames:
                continue
            rows = [row for k, _, row, _, _ in records if k == kind]
            if not rows:
                continue
            ws = workbook[sheet]
            for r in range(max(rows) + 1, ws.max_row + 1):
                values = [ws.cell(row=r, column=c).value for c in range(1, len(COLUMNS[kind]) + 1)]
                if any(as_text(v) for v in values):
                    self.fail("这一行不是填报表生成的记录行（可能是手工添加的）：新增任务请告知办公室，不能在填报表中添加", sheet, f"A{r}")

    def read_row(self, workbook: Any, content: FormContent, kind: str, record_id: str, row: int, fingerprint: str, last_date: str) -> None:
        sheet = SHEET_NAMES[kind]
        if sheet not in workbook.sheetnames:
            self.fail(f"缺少工作表“{sheet}”：请不要删除或改名填报表的工作表")
            return
        ws = workbook[sheet]
        columns = COLUMNS[kind]
        written = as_text(ws.cell(row=row, column=1).value)
        if written != record_id:
            self.fail(f"编号被改动：这一行应为“{record_id}”，表中是“{written or ''}”。编号和名称不能修改，请用 make form 重新生成的填报表填写", sheet, f"A{row}")
            return
        record = self.data.by_id(kind).get(record_id)
        label_kind = KIND_BY_KEY[kind].label
        if record is None:
            self.fail(f"数据中已没有{label_kind}“{record_id}”：请用 make form 重新生成填报表", sheet, f"A{row}")
            return
        owner = getattr(record, KIND_BY_KEY[kind].owner or "owner_unit")
        if owner != content.unit_id:
            owner_unit = self.data.unit_by_id.get(owner)
            now = owner_unit.name if owner_unit else owner
            self.fail(f"{label_kind}“{record_id}”现由{now}负责，不属于{content.unit_name}：请用本单位的填报表", sheet, f"A{row}")
            return
        values = {c.key: _cell_value(ws.cell(row=row, column=i), c) for i, c in enumerate(columns, start=1) if c.input}
        if not any(as_text(v) for k, v in values.items() if k != "date"):
            content.empty += 1
            return
        before = len(self.problems)
        entry = self.entry(kind, record, values, sheet, row)
        if entry is None or len(self.problems) > before:
            return
        log = getattr(record, LOG_KEYS[kind])
        if self.already_in(kind, log, entry):
            content.already += 1
            return
        if "stage" in entry and entry["stage"] == current_stage(record, self.data.report):
            del entry["stage"]  # the stage the project is in already: no change to write
        if log_fingerprint(log) != fingerprint:
            now_last = log[-1].date.isoformat() if log else "无"
            if now_last != (last_date or "无"):
                change = f"生成填报表时最后一条记录的日期是 {last_date or '无'}，现在是 {now_last}（数据已另行更新）"
            else:
                change = f"最后一条记录（{now_last}）或更早的记录在生成填报表后被修改过"
            self.fail(f"填报表已过时：{label_kind}“{record_id}”的进度在生成填报表后有变化，{change}。请用 make form 重新生成填报表，再把本行内容填入", sheet, f"A{row}")
            return
        self.check_against_log(kind, record, entry, sheet, row)
        if len(self.problems) == before:
            content.entries.append(NewEntry(self.display, kind, record_id, sheet, row, entry))

    @staticmethod
    def already_in(kind: str, log: list[Any], entry: dict[str, Any]) -> bool:
        """Whether the log holds this row's entry (the form was imported before): same date, same
        figures; a stage the row repeats counts whether the entry wrote it or not."""
        model = _model_of(kind)
        candidates = [entry] + ([{k: v for k, v in entry.items() if k != "stage"}] if "stage" in entry else [])
        wanted = [model(**c).model_dump(exclude_none=True) for c in candidates]
        return any(e.model_dump(exclude_none=True) in wanted for e in log)

    def entry(self, kind: str, record: Any, values: dict[str, Any], sheet: str, row: int) -> dict[str, Any] | None:
        columns = {c.key: c for c in COLUMNS[kind]}
        report = self.data.report
        period = report.period
        entry: dict[str, Any] = {}
        before = len(self.problems)

        def where(key: str) -> str:
            return f"{column_letter(kind, key)}{row}"

        day = as_date(values.get("date"))
        if day is None:
            self.fail(f"请填写{label(columns['date'])}（如 {report.as_of}）", sheet, where("date"))
        elif isinstance(day, str):
            self.fail(f"{label(columns['date'])}不是有效日期（实际值：{show_value(day)}），请写成 {report.as_of} 的形式", sheet, where("date"))
        elif not period.start <= day <= period.end:
            self.fail(f"{label(columns['date'])} {day} 不在报告期 {period.start} 至 {period.end} 之内", sheet, where("date"))
        else:
            entry["date"] = day
        for key in ENTRY_FIELDS[kind][1:]:
            column = columns[key]
            raw = values.get(key)
            if column.kind in ("number", "percent"):
                number = as_number(raw)
                if isinstance(number, str):
                    self.fail(f"{label(column)}应为数字（实际值：{show_value(number)}）", sheet, where(key))
                elif number is not None and column.kind == "percent" and not 0 <= number <= 100:
                    self.fail(f"{label(column)}应在 0–100 之间（实际值：{number:g}）", sheet, where(key))
                elif number is not None and number < 0 and kind != INDICATORS.key:
                    self.fail(f"{label(column)}不能为负数（实际值：{number:g}）", sheet, where(key))
                else:
                    entry[key] = number
            elif column.kind == "stage":
                stage = as_text(raw)
                if stage is not None and stage not in report.vocabulary.names("project_stages"):
                    names = "、".join(report.vocabulary.names("project_stages"))
                    self.fail(f"{label(column)}应从下拉列表中选择：{names}（实际值：{show_value(stage)}）", sheet, where(key))
                else:
                    entry[key] = stage
            else:
                entry[key] = as_text(raw)
        if len(self.problems) > before:
            return None
        if kind == TASKS.key:
            if entry.get("done") is not None and record.target is None:
                self.fail("该任务没有量化目标，不能填写累计完成：请改填完成比例", sheet, where("done"))
            elif entry.get("done") is None and entry.get("percent") is None:
                self.fail("请填写累计完成或完成比例（至少一项），只有说明不能形成进度记录", sheet, where("done" if record.target else "percent"))
        elif kind == INDICATORS.key and entry.get("value") is None:
            self.fail("请填写监测值", sheet, where("value"))
        return {k: v for k, v in entry.items() if v is not None} if "date" in entry else None

    def check_against_log(self, kind: str, record: Any, entry: dict[str, Any], sheet: str, row: int) -> None:
        log = getattr(record, LOG_KEYS[kind])
        date_label = label(next(c for c in COLUMNS[kind] if c.key == "date"))
        if log and entry["date"] <= log[-1].date:
            self.fail(
                f"{date_label} {entry['date']} 不晚于上次填报日期 {log[-1].date}：新的进度应在上次之后（同一天的情况请并入上次）",
                sheet, f"{column_letter(kind, 'date')}{row}",
            )
            return
        if kind == INDICATORS.key or entry.get("note"):
            return
        for key in ("done", "percent", "invested"):
            if key not in entry:
                continue
            previous = [getattr(e, key) for e in log if getattr(e, key, None) is not None]
            if previous and entry[key] < previous[-1]:
                column = next(c for c in COLUMNS[kind] if c.key == key)
                self.fail(
                    f"{label(column)}比上次少（上次 {previous[-1]:g}，本次 {entry[key]:g}）：这是累计数，不是当月数；确需调减请在进展说明中写明原因",
                    sheet, f"{column_letter(kind, key)}{row}",
                )


def _model_of(kind: str) -> Callable[..., Any]:
    from .model import IndicatorValue, ProjectProgress, TaskProgress

    return {TASKS.key: TaskProgress, INDICATORS.key: IndicatorValue, PROJECTS.key: ProjectProgress}[kind]


def read_form(path: Path, display: str, data: Dataset) -> tuple[FormContent | None, list[FormProblem]]:
    reader = _Reader(display, data)
    content = reader.read(path)
    return (content if not reader.problems else None), reader.problems


# ---------------------------------------------------------------------- the data files


@dataclass
class FileEdit:
    path: Path
    display: str
    original: bytes
    new: bytes
    entries: list[NewEntry]
    marks: list[tuple[int, int, NewEntry]]
    """Each new entry's first and last line in the new text (1-based): a problem there is its row's."""


@dataclass
class ImportPlan:
    edits: list[FileEdit]
    problems: list[FormProblem]


def _record_place(data: Dataset, entry: NewEntry) -> tuple[Path, tuple[str | int, ...]]:
    record = data.by_id(entry.kind)[entry.record_id]
    origin = record.origin
    return Path(origin.file), origin.path


def plan_import(forms: list[FormContent], data: Dataset, data_dir: Path, root: Path) -> ImportPlan:
    """The new bytes of every data file the forms add to, checked as ``check`` checks the data."""
    problems: list[FormProblem] = []
    by_file: dict[str, list[tuple[tuple[str | int, ...], NewEntry]]] = {}
    for form in forms:
        for entry in form.entries:
            file, record_path = _record_place(data, entry)
            by_file.setdefault(file.as_posix(), []).append((record_path, entry))
    edits: list[FileEdit] = []
    for display, items in by_file.items():
        path = root / display
        original = path.read_bytes()
        bom = original.startswith(b"\xef\xbb\xbf")
        text = original.decode("utf-8-sig")
        document = parse_yaml(text, display)
        grouped: dict[tuple[str | int, ...], list[NewEntry]] = {}
        for record_path, entry in items:
            grouped.setdefault(record_path, []).append(entry)
        additions = []
        for record_path, entries in grouped.items():
            entries.sort(key=lambda e: e.entry["date"])
            additions.append(Addition(record_path, LOG_KEYS[entries[0].kind], [e.entry for e in entries], record_path))
        try:
            appended = append_entries(text, document.lines, additions)
        except AppendError as error:
            problems.append(FormProblem(display, message=str(error)))
            continue
        new = (b"\xef\xbb\xbf" if bom else b"") + appended.text.encode("utf-8")
        marks = [(first, last, entry) for record_path, entries in grouped.items()
                 for entry, (first, last) in zip(entries, appended.places[record_path], strict=True)]
        edits.append(FileEdit(path, display, original, new, [e for _, e in items], marks))
    if problems:
        return ImportPlan([], problems)
    problems.extend(_check_copy(edits, data_dir, root))
    return ImportPlan(edits if not problems else [], problems)


def _link_or_copy(source: str, target: str) -> object:
    if source.endswith((".yaml", ".yml")):
        return shutil.copy2(source, target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
    return target


def _check_copy(edits: list[FileEdit], data_dir: Path, root: Path) -> Iterable[FormProblem]:
    """Load a copy of ``data/`` with the edits applied, with every check of ``check``."""
    found: list[FormProblem] = []
    with scratch_dir(root.resolve(), ".import-") as scratch:
        copy_root = scratch / "root"
        relative = data_dir.resolve().relative_to(root.resolve()) if data_dir.resolve().is_relative_to(root.resolve()) else Path("data")
        copy_data = copy_root / relative
        shutil.copytree(data_dir, copy_data, copy_function=_link_or_copy)
        for edit in edits:
            (copy_root / edit.display).write_bytes(edit.new)
        lines = {edit.display: edit.marks for edit in edits}
        result = load_dataset(copy_data, copy_root)
        for problem in result.errors:
            found.append(_map_problem(problem, lines))
    return found


def _map_problem(problem: Problem, lines: dict[str, list[tuple[int, int, NewEntry]]]) -> FormProblem:
    for start, end, entry in lines.get(problem.file, []):
        if start <= problem.line <= end:
            key = problem.field.rsplit(".", 1)[-1]
            column = key if key in {c.key for c in COLUMNS[entry.kind]} else "date"
            return FormProblem(entry.form, entry.sheet, entry.cell(column), problem.message)
    return FormProblem(problem.file, message=f"第 {problem.line} 行：{problem.field}：{problem.message}" if problem.field else problem.message)


def apply_import(plan: ImportPlan) -> None:
    """Put every edited file in place: all written beside first, then swapped in."""
    staged: list[tuple[Path, Path]] = []
    try:
        for edit in plan.edits:
            scratch = edit.path.with_name(f".{edit.path.name}.importing")
            staged.append((scratch, edit.path))
            scratch.write_bytes(edit.new)
            scratch.chmod(edit.path.stat().st_mode & 0o7777)
    except OSError:
        for scratch, _ in staged:
            scratch.unlink(missing_ok=True)
        raise
    written: list[Path] = []
    for scratch, path in staged:
        try:
            os.replace(scratch, path)
        except OSError as error:
            for left, _ in staged[len(written):]:
                left.unlink(missing_ok=True)
            if not written:
                raise
            raise PartlyWritten(written, error) from error
        written.append(path)


class PartlyWritten(Exception):
    """Some data files were swapped in before one could not be: the command must not say nothing changed."""

    def __init__(self, written: list[Path], error: OSError) -> None:
        super().__init__(str(error))
        self.written, self.error = written, error
