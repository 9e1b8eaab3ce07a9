"""Loading ``data/``: every YAML file, every record, every problem at once.

Each record is validated on its own, so one bad task does not hide the rest of its file,
and a reference to a record that exists but has errors is not reported a second time.
"""

from __future__ import annotations

import concurrent.futures
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import model, yamlstream
from .dataset import Dataset
from .plain import control_characters
from .problems import DataError, Origin, Problem, Severity, closest, show_value, sort_problems
from .problems import Path as DataPath
from .validation import (
    PLACEHOLDER,
    TERMS,
    Context,
    Facts,
    Frame,
    check_placeholders,
    dataset_problems,
    record_problems,
    report_parts,
    skipped_checks,
    term_problems,
    unknown_term,
    walk,
)
from .yamlsource import decode, parse_yaml

RECORD_MODELS: dict[str, type[model.Located]] = {kind.key: kind.model for kind in model.KINDS}  # type: ignore[misc]
RENAMED: dict[str, tuple[tuple[str, str], ...]] = {kind.key: kind.renamed for kind in model.KINDS if kind.renamed}
TOP_LEVEL_KEYS = ["report", *RECORD_MODELS]
REPORT_FILE = "report.yaml"


@dataclass
class LoadResult:
    """What loading produced: the dataset (None when errors stop it) and every problem."""

    dataset: Dataset | None
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    report: model.ReportConfig | None = None
    """The report configuration, when it loaded (also when the records were not kept)."""
    counts: dict[str, int] = field(default_factory=dict)
    """How many valid records of each kind the data holds."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


DATA_SUFFIXES = (".yaml", ".yml")


def data_files(data_dir: Path, root: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """All YAML files under ``data_dir`` in a stable order, and what is wrong with the folder.

    Nothing outside ``data/`` may be read: a link (to a file or a folder) that leads out of
    it is an error, whatever it is for, and so is a data file that is a dangling link or a
    folder named like a data file. None of them is silently skipped, since their records
    would vanish without a word. Links to folders are not followed (what they hold is
    already read where it really lies).
    """
    data_dir = data_dir.resolve()
    root = (root or data_dir.parent).resolve()
    found: list[Path] = []
    problems: list[Problem] = []
    for folder, directories, names in os.walk(data_dir):
        here = Path(folder)
        for name in sorted(directories + names):
            path = here / name
            is_data = path.suffix in DATA_SUFFIXES
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(data_dir):
                    problems.append(Problem(_display(path, root), 1, "", f"这是一个指向 data/ 以外（{target}）的链接：数据、照片都必须放在 data/ 之内，请把文件本身复制进来"))
                    continue
                if is_data and not target.exists():
                    problems.append(Problem(_display(path, root), 1, "", "数据文件是一个指向不存在文件的链接：请删除它，或换成文件本身"))
                    continue
            if is_data and path.is_dir():
                problems.append(Problem(_display(path, root), 1, "", f"这是一个目录，不是数据文件：数据文件名以 {' 或 '.join(DATA_SUFFIXES)} 结尾，目录请改名"))
            elif is_data and path.is_file():
                found.append(path)
            elif is_data:
                problems.append(Problem(_display(path, root), 1, "", "这不是一个普通文件，无法作为数据读取"))
    found.sort(key=lambda p: p.relative_to(data_dir).as_posix())
    return found, problems


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold Python's cycle collector while a bureau's data is read.

    Reading creates hundreds of thousands of small objects (YAML nodes, dicts, models) and
    few cycles; the collector would otherwise run again and again over all of them. At 50
    times the sample this halves the load (3.3 s to 1.5 s). It runs as usual afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_dataset(data_dir: Path, display_root: Path | None = None, *, keep: bool = True) -> LoadResult:
    """Load and validate everything under ``data_dir``.

    ``display_root`` is the folder paths are shown relative to (the project folder by
    default, so messages say ``data/tasks/x.yaml``). With ``keep=False`` (``workreport
    check``) each record is dropped once checked, so memory does not grow with the data;
    the result then has no dataset, only the problems.
    """
    with gc_paused():
        return _Loader(data_dir, display_root, keep).load()


def load_or_raise(data_dir: Path, display_root: Path | None = None) -> tuple[Dataset, list[Problem]]:
    """The dataset and its warnings; raises DataError with every problem if there are errors."""
    result = load_dataset(data_dir, display_root)
    if result.dataset is None:
        raise DataError(result.problems)
    return result.dataset, result.warnings


def _display(path: Path, root: Path) -> str:
    """The path as messages show it: relative to the project, links not followed."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


@dataclass
class _FileResult:
    """What one file gave: kept apart until the file is read to its end, so that a file the
    fast reader gives up on half-way is read again the careful way from a clean slate."""

    problems: list[Problem] = field(default_factory=list)
    facts: Facts = field(default_factory=Facts)
    records: dict[str, list[Any]] = field(default_factory=lambda: {kind: [] for kind in RECORD_MODELS})
    pending: list[tuple[str, Any]] = field(default_factory=list)
    """Records read before the report: their dated rules wait for it."""
    pending_terms: list[tuple[Origin, DataPath, str, str]] = field(default_factory=list)
    """Vocabulary values read before the report: (where, path, vocabulary, value)."""
    reports: list[tuple[model.ReportConfig | None, Frame, Origin]] = field(default_factory=list)
    renamed: dict[tuple[str, str], tuple[Problem, int]] = field(default_factory=dict)
    """(old name, new name) → the first place it is used, and how many times: one warning per file."""
    placeholders: bool = True
    """Whether the file may still hold scaffold text (most files do not: no need to look)."""


class _Loader:
    def __init__(self, data_dir: Path, display_root: Path | None, keep: bool):
        self.data_dir = data_dir.resolve()
        self.root = (display_root or self.data_dir.parent).resolve()
        self.keep = keep
        self.problems: list[Problem] = []
        self.facts = Facts()
        self.records: dict[str, list[Any]] = {kind: [] for kind in RECORD_MODELS}
        self.pending: list[tuple[str, Any]] = []
        self.pending_terms: list[tuple[Origin, DataPath, str, str]] = []
        self.report: model.ReportConfig | None = None
        self.frame: Frame | None = None
        """What records are checked against: the report, or the parts of it that loaded."""
        self.report_origins: list[Origin] = []

    def load(self) -> LoadResult:
        files, problems = data_files(self.data_dir, self.root)
        self.problems.extend(problems)
        if not self.data_dir.is_dir():
            self.problems.append(Problem(_display(self.data_dir, self.root), 1, "", "数据目录不存在"))
        # The report first: each record's dates are then checked against its period as it is read.
        for path in sorted(files, key=lambda p: p != self.data_dir / REPORT_FILE):
            self.load_file(path, _display(path, self.root))
        return self.finish(files)

    # ------------------------------------------------------------------ one file

    def load_file(self, path: Path, display: str) -> None:
        if not path.name.isascii() or " " in path.name:
            # Chinese or spaced names break URLs, zips and Windows tools; ids already are ASCII.
            self.problems.append(Problem(display, 1, "", "文件名只能使用英文字母、数字、连字符和下划线，如 tasks/rural-water.yaml"))
        text, problem = decode(path.read_bytes(), display)
        if text is None:
            self.problems.append(problem)  # type: ignore[arg-type]
            return
        result = None
        if self.fast_enough(text):
            result = self.read_in_parts(path, display, text) or self.read_fast(path, display, text)
        if result is None:
            result = self.read_carefully(display, text)
        self.commit(result)

    @staticmethod
    def fast_enough(text: str) -> bool:
        # Control characters come with warnings the careful reader locates; escapes may make them.
        return yamlstream.available() and "\\" not in text and not control_characters(text)

    def read_fast(self, path: Path, display: str, text: str) -> _FileResult | None:
        """The file read record by record (see ``yamlstream``); None when it needs the careful reader."""
        result = _FileResult(placeholders=PLACEHOLDER in text)
        lines = yamlstream.FileLines(path, display)
        try:
            for entry in yamlstream.entries(text, RECORD_MODELS):
                where = Origin(display, (), yamlstream.RecordLines(lines, entry.key, entry.index, entry.start, entry.end))
                if entry.index is None:
                    self.take_value(entry.key, entry.value, where.child(entry.key), result, _never)
                else:
                    self.take_record(entry.key, entry.value, where.child(entry.key, entry.index), result, _never)
        except yamlstream.NotPlain:
            return None
        return result

    def read_in_parts(self, path: Path, display: str, text: str) -> _FileResult | None:
        """A large file of one long list, read in parts by one process per core (``check`` only).

        Records are then checked where they are read and only what the rules across records
        need comes back (``Facts``), so this is for ``keep=False``; and the report must be
        known, since each record's dates are checked against its period.
        """
        workers = _cores()
        if self.keep or self.frame is None or workers < 2 or len(text) < PARALLEL_CHARACTERS:
            return None
        parts = yamlstream.split_list(text, workers, RECORD_MODELS)
        if parts is None:
            return None
        # References to what is already known need not travel back: the rest is checked at the end.
        known = {kind: frozenset(ids) for kind, ids in self.facts.declared.items()}
        if self.frame.categories is not None:
            known["categories"] = self.frame.categories
        jobs = [(path, display, part, self.frame, self.data_dir, self.root, known) for part in parts]
        if "fork" not in multiprocessing.get_all_start_methods():
            return None  # Windows: workers would have to read and decode the file again; read it whole
        # The workers are forked with the text in memory, rather than each reading and decoding it again.
        _SHARED["text"] = text
        try:
            context = multiprocessing.get_context("fork")
            with concurrent.futures.ProcessPoolExecutor(max_workers=len(parts), mp_context=context) as pool:
                results = list(pool.map(_read_part, jobs))
        finally:
            _SHARED.clear()
        if any(r is None for r in results):
            return None
        whole = _FileResult()
        for result in results:
            assert result is not None
            whole.problems.extend(result.problems)
            whole.facts.merge(result.facts)
            for names, (first, uses) in result.renamed.items():
                earlier = whole.renamed.get(names)
                whole.renamed[names] = (earlier[0], earlier[1] + uses) if earlier else (first, uses)
        return whole

    def read_carefully(self, display: str, text: str) -> _FileResult:
        result = _FileResult()
        document = parse_yaml(text, display)
        result.problems.extend(document.problems)
        value = document.value
        if value is None and document.problems:
            return result
        origin = Origin(display, (), document.lines)
        if not isinstance(value, dict):
            result.problems.append(Problem.at(origin, (), f"文件顶层应为映射（如“tasks:”后接列表），实际为{show_value(value)}"))
            return result
        for key, content in value.items():
            if key in TOP_LEVEL_KEYS:
                self.take_value(key, content, origin.child(key), result, document.is_broken)
            else:
                result.problems.append(Problem.at(origin, (key,), unknown_key_message(key, TOP_LEVEL_KEYS)))
        return result

    def take_value(self, key: str, content: Any, origin: Origin, result: _FileResult, broken: Broken) -> None:
        """A top-level key's whole value: the report, or a list of records."""
        if key == "report":
            if isinstance(content, dict) and result.placeholders:
                result.problems.extend(check_placeholders(content, origin))
            report = validate_record(model.ReportConfig, content, origin, result.problems, broken)
            # A report with errors still lends the parts that are right to the checks of other files.
            frame = Frame.of(report) if report is not None else report_parts(content)
            result.reports.append((report, frame, origin))
        elif key not in RECORD_MODELS:
            result.problems.append(Problem.at(origin, (), unknown_key_message(key, TOP_LEVEL_KEYS)))
        elif content is None:
            return
        elif not isinstance(content, list):
            result.problems.append(Problem.at(origin, (), f"应为列表（每条记录以“- ”开头），实际为{show_value(content)}"))
        else:
            for index, item in enumerate(content):
                self.take_record(key, item, origin.child(index), result, broken)

    def take_record(self, kind: str, item: Any, origin: Origin, result: _FileResult, broken: Broken) -> None:
        if isinstance(item, dict):
            if kind in RENAMED:
                item = renamed_fields(item, RENAMED[kind], origin, result)
            result.facts.note_raw(kind, item, origin)
            if kind in TERMS:
                self.check_terms(kind, item, origin, result)
            if result.placeholders:
                result.problems.extend(check_placeholders(item, origin))
        record = validate_record(RECORD_MODELS[kind], item, origin, result.problems, broken)
        if record is None:
            return
        result.facts.note_record(kind, record)
        if self.frame is None:
            result.pending.append((kind, record))
        else:
            result.problems.extend(record_problems(kind, record, Context(self.frame, self.data_dir)))
        if self.keep:
            result.records[kind].append(record)

    def check_terms(self, kind: str, item: dict[str, Any], origin: Origin, result: _FileResult) -> None:
        """The record's vocabulary values against the report's vocabulary, or kept until it is read."""
        if self.frame is not None:
            if self.frame.vocabulary is not None:
                result.problems.extend(term_problems(kind, item, origin, self.frame.vocabulary))
            return
        for pattern, vocabulary in TERMS[kind]:
            for path, value in walk(item, pattern):
                if isinstance(value, str):
                    result.pending_terms.append((origin, path, vocabulary, value))

    def commit(self, result: _FileResult) -> None:
        self.problems.extend(result.problems)
        for (old, new), (first, uses) in result.renamed.items():
            times = f"（本文件共 {uses} 处）" if uses > 1 else ""
            message = f"字段“{old}”已改名为“{new}”{times}，旧名称仍可使用；{MIGRATE_HINT}"
            self.problems.append(replace(first, message=message, severity=Severity.warning))
        self.facts.merge(result.facts)
        for kind, records in result.records.items():
            self.records[kind].extend(records)
        self.pending.extend(result.pending)
        self.pending_terms.extend(result.pending_terms)
        for report, frame, origin in result.reports:
            self.report_origins.append(origin)
            self.report = report
            self.frame = frame

    # ------------------------------------------------------------------ everything read

    def finish(self, files: list[Path]) -> LoadResult:
        self.settle_report()
        self.problems.extend(self.report_problems())
        frame = self.frame or Frame()
        context = Context(frame, self.data_dir)
        for kind, record in self.pending:
            self.problems.extend(record_problems(kind, record, context))
        self.pending = []
        if frame.vocabulary is not None:
            for origin, path, vocabulary, value in self.pending_terms:
                names = frame.vocabulary.names(vocabulary)
                if value.strip() and value.strip() not in names:
                    self.problems.append(Problem.at(origin, path, unknown_term(vocabulary, value.strip(), names)))
        self.pending_terms = []
        self.problems.extend(dataset_problems(self.report, frame, self.facts))
        problems = sort_problems(self.problems)
        counts = {kind: sum(len(origins) for origins in by_id.values()) for kind, by_id in self.facts.ids.items()}
        if any(p.is_error for p in problems) or self.report is None or not self.keep:
            return LoadResult(None, problems, files, self.report, counts)
        dataset = Dataset(report=self.report, data_dir=self.data_dir, **self.records)
        return LoadResult(dataset, problems, files, self.report, counts)

    def settle_report(self) -> None:
        """Two reports: name both places and use neither, since either could be the stray copy."""
        if len(self.report_origins) < 2:
            return
        for origin in self.report_origins:
            others = "、".join(f"{o.file}:{o.line()}" for o in self.report_origins if o is not origin)
            self.problems.append(Problem.at(origin, (), f"报告配置重复：{others} 也有 report，全部数据中只能有一份"))
        self.report = None
        self.frame = None

    def report_problems(self) -> list[Problem]:
        """A missing report; and, whenever the report did not load whole, the checks that wait for it."""
        if self.report is not None:
            return []
        if not self.report_origins:
            where = Origin(_display(self.data_dir / REPORT_FILE, self.root), ("report",), {})
            missing = Problem.at(where, (), "缺少报告配置：需要一个含有 report: 的文件（通常是 data/report.yaml）")
            return [missing, *skipped_checks(None, where, "缺少报告配置")]
        if len(self.report_origins) > 1:
            return list(skipped_checks(None, self.report_origins[0], "报告配置重复"))
        return list(skipped_checks(self.frame, self.report_origins[0]))


Broken = Callable[[DataPath], bool]

# Files this long are read in parts, one per core, by ``check``: a province's single file of
# 100,000 tasks is about 85 to 150 MB.
PARALLEL_CHARACTERS = 8_000_000


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


_SHARED: dict[str, str] = {}
"""The text of the file being read in parts, for the forked workers (``text``)."""


def _read_part(
    job: tuple[Path, str, yamlstream.Part, Frame, Path, Path, dict[str, frozenset[str]]],
) -> _FileResult | None:
    """One part of a long list, read and checked in a worker process; None: read the file whole."""
    path, display, part, frame, data_dir, root, known = job
    text = _SHARED["text"]
    loader = _Loader(data_dir, root, keep=False)
    loader.frame = frame
    result = _FileResult(placeholders=PLACEHOLDER in text)
    lines = yamlstream.FileLines(path, display)
    try:
        for entry in yamlstream.part_entries(text, part):
            where = Origin(display, (), yamlstream.RecordLines(lines, entry.key, entry.index, entry.start, entry.end))
            loader.take_record(entry.key, entry.value, where.child(entry.key, part.first_index if entry.index is None else entry.index), result, _never)
    except yamlstream.NotPlain:
        return None
    facts = result.facts
    facts.references = [r for r in facts.references if r.value not in known.get(r.target, frozenset())]
    return result


def _never(path: DataPath) -> bool:
    return False


def validate_record(
    cls: type[model.Located],
    value: Any,
    origin: Origin,
    problems: list[Problem],
    already_reported: Callable[[DataPath], bool] = lambda path: False,
) -> Any:
    """Validate one record; on failure append located problems and return None.

    Values the YAML reader already complained about (a refused tag, a date that does not
    exist) are not reported a second time as "missing" or "wrong type".
    """
    try:
        record = cls.model_validate(value)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            loc = tuple(detail["loc"])
            if not already_reported(origin.path + loc):
                problems.append(Problem.at(origin, loc, translate_error(cls, loc, detail)))
        return None
    record._origin = origin
    return record


# ---------------------------------------------------------------------- renamed fields

MIGRATE_HINT = "运行 make migrate 可一次改为新名称（保留注释）"


def renamed_fields(item: dict[str, Any], renames: tuple[tuple[str, str], ...], origin: Origin, result: _FileResult) -> dict[str, Any]:
    """The record with fields written under an old name moved to the new one.

    Data written before a rename keeps loading unchanged: an office upgrading the program
    must never find its repository broken. Each old name is counted for one warning per
    file (``result.renamed``). Names listed in ``internal_fields`` follow too.
    """

    def note(old: str, sub: DataPath) -> None:
        first, uses = result.renamed.get((old, old_names[old]), (Problem.at(origin, sub, ""), 0))
        result.renamed[(old, old_names[old])] = (first, uses + 1)

    old_names = dict(renames)
    if not any(old in item for old in old_names) and not _lists_old(item.get("internal_fields"), old_names):
        return item
    moved: dict[str, Any] = {}
    for key, value in item.items():
        new = old_names.get(key)
        if new is None:
            moved.setdefault(key, value)
        elif new in item:
            result.problems.append(Problem.at(origin, (key,), f"“{key}”是“{new}”的旧名称，两个不能同时填写：请删去“{key}”"))
        else:
            note(key, (key,))
            moved[new] = value
    fields = moved.get("internal_fields")
    if isinstance(fields, list) and _lists_old(fields, old_names):
        for index, name in enumerate(fields):
            if name in old_names:
                note(name, ("internal_fields", index))
        moved["internal_fields"] = [old_names.get(name, name) if isinstance(name, str) else name for name in fields]
    return moved


def _lists_old(fields: Any, old_names: dict[str, str]) -> bool:
    return isinstance(fields, list) and any(isinstance(name, str) and name in old_names for name in fields)


# ---------------------------------------------------------------------- messages


def unknown_key_message(key: str, allowed: list[str]) -> str:
    guess = closest(str(key), allowed)
    hint = f"是否应为“{guess}”？" if guess else ""
    return f"未知字段“{key}”（可能是拼写错误）。{hint}允许的字段：{'、'.join(allowed)}"


def _model_at(cls: type[BaseModel], loc: DataPath) -> type[BaseModel] | None:
    """The pydantic model that holds the last key of ``loc`` (for listing allowed fields)."""
    current: Any = cls
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """The model inside ``list[M]``, ``M | None`` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


_DATE_ERRORS = {"date_parsing", "date_type", "date_from_datetime_parsing"}
_NUMBER_ERRORS = {"float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"}


def translate_error(cls: type[BaseModel], loc: DataPath, detail: Any) -> str:
    """A pydantic error as a Chinese sentence an editor can act on."""
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    value = detail.get("input")
    field_name = next((p for p in reversed(loc) if isinstance(p, str)), "")

    if kind == "missing":
        return "缺少必填字段"
    if kind == "extra_forbidden":
        holder = _model_at(cls, loc)
        allowed = list(holder.model_fields) if holder else []
        return unknown_key_message(str(loc[-1]), allowed)

    if kind in _DATE_ERRORS:
        text = "日期格式应为 YYYY-MM-DD，如 2025-06-30"
    elif kind == "date_from_datetime_inexact":
        text = "应为日期（YYYY-MM-DD），不要带时间"
    elif kind in _NUMBER_ERRORS:
        text = "应为数字（不要带单位或引号）"
    elif kind == "finite_number":
        text = "应为有限的数字：.nan（非数）和 .inf（无穷大）不能用作数据"
    elif kind == "string_type" and isinstance(value, (int, float)) and not isinstance(value, bool):
        # YAML reads `id: 2025` or `code: 01` as a number: the fix is quotes.
        text = f"应为文本：YAML 把不加引号的数字读成了数字，请加上引号，如 \"{value}\""
    elif kind == "string_type":
        text = "应为文本"
    elif kind in ("bool_parsing", "bool_type"):
        text = "应为 true 或 false"
    elif kind == "list_type":
        text = "应为列表（每项以“- ”开头）"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        text = "应为映射（“字段: 值”的形式）"
    elif kind in ("enum", "literal_error"):
        text = f"应为以下之一：{ctx.get('expected', '')}".replace("'", "").replace(" or ", "、").replace(", ", "、")
    elif kind == "string_pattern_mismatch":
        text = "编号只能包含英文字母、数字、连字符“-”和下划线“_”，并以字母或数字开头"
    elif kind in ("string_too_short",):
        text = "不能为空"
    elif kind == "too_short":
        text = f"至少要有 {ctx.get('min_length', 1)} 项"
    elif kind == "string_too_long":
        text = f"过长（最多 {ctx.get('max_length')} 个字符）"
    elif field_name == "percent" and kind in ("greater_than_equal", "less_than_equal"):
        text = "百分比应在 0 到 100 之间"
    elif kind == "greater_than_equal":
        text = f"不能小于 {ctx.get('ge')}"
    elif kind == "less_than_equal":
        text = f"不能大于 {ctx.get('le')}"
    elif kind == "greater_than":
        text = f"必须大于 {ctx.get('gt')}"
    elif kind == "less_than":
        text = f"必须小于 {ctx.get('lt')}"
    else:
        text = detail.get("msg", "取值不正确")
    return f"{text}（实际值：{show_value(value)}）"

