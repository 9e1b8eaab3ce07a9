"""Rules beyond the shape of one record: dates against the period, orders, photo files, ids, references.

``record_problems`` runs the rules of one valid record as soon as it is read (its dates
against the report period, its logs' order, its photos); ``Facts`` keeps what the rules
across records need (ids, references, who is internal), and ``dataset_problems`` runs those
once everything is read. The loader can so drop each record once it is checked, and the
editor still sees every problem in one pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from .model import (
    KINDS,
    VOCABULARY_LABELS,
    Honor,
    HonorStatus,
    Indicator,
    Located,
    Period,
    Phase,
    Photo,
    Project,
    ReportConfig,
    Task,
    Vocabulary,
)
from .problems import Origin, Problem, Severity, closest
from .problems import Path as DataPath
from .wording import counted_number

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif"}

KIND_LABELS = {kind.key: kind.label for kind in KINDS} | {"categories": "工作条线"}


@dataclass(frozen=True)
class Frame:
    """What records are checked against: the parts of the report that loaded.

    A valid report gives every part. A report with errors still gives each part that is
    right on its own (``report_parts``), so that one mistake in report.yaml does not hide
    the problems of every other file; ``skipped_checks`` says which checks wait for the rest.
    """

    period: Period | None = None
    as_of: dt.date | None = None
    categories: frozenset[str] | None = None
    """The ids of the lines of work."""
    vocabulary: Vocabulary | None = None

    @classmethod
    def of(cls, report: ReportConfig) -> Frame:
        return cls(report.period, report.as_of, frozenset(c.id for c in report.categories), report.vocabulary)


@dataclass(frozen=True)
class Context:
    """What the rules of one record need besides the record: the report's parts that loaded, and data/."""

    frame: Frame
    data_dir: Path


@dataclass(frozen=True)
class Reference:
    origin: Origin
    path: DataPath
    target: str
    value: str


@dataclass
class Facts:
    """What the rules across records need, gathered record by record.

    The records themselves may be dropped as soon as they are checked (``workreport check``
    on a province's data keeps none of them): these few facts are enough.
    """

    # Plain dicts (no defaultdict of lambdas): facts gathered by a worker process travel back by pickle.
    ids: dict[str, dict[str, list[Origin]]] = field(default_factory=dict)
    """kind → id → where each valid record with that id is."""
    declared: dict[str, set[str]] = field(default_factory=dict)
    """kind → every id written in the data, valid record or not."""
    references: list[Reference] = field(default_factory=list)
    internal: dict[str, set[str]] = field(default_factory=dict)
    """kind → ids of records marked internal."""
    leaders: list[tuple[Origin, str, bool, str | None, str]] = field(default_factory=list)
    """(where, kind, marked internal, owning unit, leader) for units and tasks that name a leader."""

    def merge(self, other: Facts) -> None:
        for kind, by_id in other.ids.items():
            mine = self.ids.setdefault(kind, {})
            for record_id, origins in by_id.items():
                mine.setdefault(record_id, []).extend(origins)
        for kind, ids in other.declared.items():
            self.declared.setdefault(kind, set()).update(ids)
        self.references.extend(other.references)
        for kind, ids in other.internal.items():
            self.internal.setdefault(kind, set()).update(ids)
        self.leaders.extend(other.leaders)

    def note_raw(self, kind: str, raw: Any, origin: Origin) -> None:
        """What a record's plain value says, valid or not: its id and its references."""
        if isinstance(raw.get("id"), str):
            self.declared.setdefault(kind, set()).add(raw["id"])
        for pattern, target in REFERENCES.get(kind, []):
            for path, ref in walk(raw, pattern):
                if isinstance(ref, str):
                    self.references.append(Reference(origin, path, target, ref))

    def note_record(self, kind: str, record: Any) -> None:
        origin = _origin(record)
        self.ids.setdefault(kind, {}).setdefault(record.id, []).append(origin)
        if getattr(record, "is_internal", False):
            self.internal.setdefault(kind, set()).add(record.id)
        if kind == "units":
            self.leaders.append((origin, kind, record.is_internal, None, record.leader))
        elif kind == "tasks" and record.leader is not None:
            self.leaders.append((origin, kind, record.is_internal, record.owner_unit, record.leader))


def record_problems(kind: str, record: Any, context: Context) -> Iterator[Problem]:
    """The rules of one valid record: its own dates, logs, photos and fields marked internal."""
    frame = context.frame
    if kind == "tasks":
        yield from check_task(record, frame)
    elif kind == "indicators":
        yield from check_indicator(record, frame)
    elif kind == "projects":
        yield from check_project(record, frame)
    elif kind == "honors":
        yield from check_honor(record, frame)
    if kind in ("cases", "highlights"):
        for index, photo in enumerate(record.photos):
            yield from check_photo(context.data_dir, _origin(record), ("photos", index, "file"), photo)
    yield from check_internal_fields(record)


def dataset_problems(report: ReportConfig | None, frame: Frame, facts: Facts) -> Iterator[Problem]:
    """The rules across records: the report, unique ids, references, leaders of public records."""
    if report is not None:
        yield from check_report(report)
    yield from check_unique_ids(facts)
    yield from check_references(frame, facts)
    yield from check_leaders(facts)


def _origin(record: Located) -> Origin:
    assert record.origin is not None, "records are located by the loader"
    return record.origin


# ---------------------------------------------------------------------- report


def check_report(report: ReportConfig) -> Iterator[Problem]:
    origin = _origin(report)
    period = report.period
    if period.start > period.end:
        yield Problem.at(origin, ("period", "end"), f"报告期结束日期早于开始日期（开始：{period.start}，结束：{period.end}）")
    elif (period.end - period.start).days > 366:
        yield Problem.at(origin, ("period", "end"), f"报告期最长为一年（开始：{period.start}，结束：{period.end}）：月度、季度、半年、全年各为一期")
    elif not period.start <= report.as_of <= period.end:
        yield Problem.at(origin, ("as_of",), f"截至日期应在报告期 {period.start} 至 {period.end} 之内（实际值：{report.as_of}）")
    if report.thresholds.seriously_lagging < report.thresholds.lagging:
        yield Problem.at(
            origin,
            ("thresholds", "seriously_lagging"),
            f"严重滞后阈值不能小于滞后阈值 {report.thresholds.lagging:g}（实际值：{report.thresholds.seriously_lagging:g}）",
        )
    seen: dict[str, int] = {}
    for index, category in enumerate(report.categories):
        if category.id in seen:
            yield Problem.at(origin, ("categories", index, "id"), f"工作条线编号重复：第 {seen[category.id] + 1} 项已使用“{category.id}”")
        seen.setdefault(category.id, index)
    yield from check_vocabulary(report, origin)


def check_vocabulary(report: ReportConfig, origin: Origin) -> Iterator[Problem]:
    """Each vocabulary names each term once; a name such as 八大攻坚行动 counts the lines of work right."""
    vocabulary = report.vocabulary
    for key, label in VOCABULARY_LABELS.items():
        names = vocabulary.names(key)
        where: DataPath = ("vocabulary", "bottom_lines", "lines") if key == "bottom_lines" else ("vocabulary", key)
        for index, name in enumerate(names):
            if name in names[:index]:
                yield Problem.at(origin, (*where, index), f"{label}“{name}”重复：每一项只写一次")
        entries = vocabulary.bottom_lines.lines if key == "bottom_lines" else getattr(vocabulary, key)
        codes = [getattr(e, "code", None) for e in entries]
        for index, code in enumerate(codes):
            if code is not None and code in codes[:index]:
                yield Problem.at(origin, (*where, index, "code"), f"{label}的英文代码“{code}”重复：新建记录的编号会相互混淆")
    stated = counted_number(vocabulary.lines_of_work)
    if stated is not None and stated != len(report.categories):
        yield Problem.at(
            origin,
            ("vocabulary", "lines_of_work"),
            f"工作条线总称“{vocabulary.lines_of_work}”说有 {stated} 条，categories 实际有 {len(report.categories)} 条：请改总称或补齐条线",
            Severity.warning,
        )


# ---------------------------------------------------------------------- a report with errors

# The parts of the report other files are checked against, and what waits when a part is wrong.
FRAME_PARTS = {
    "period": "各记录的日期暂未与报告期比较",
    "as_of": "晚于截至日期的记录暂未提示（本期不计入）",
    "categories": "引用工作条线（category）的编号暂未检查",
    "vocabulary": "指标来源、工程阶段、前置要件、荣誉级别、媒体级别和底线的取值暂未检查",
}


def report_parts(raw: Any) -> Frame:
    """The parts of a report with errors that are right on their own: period, as_of, categories, vocabulary."""
    from pydantic import TypeAdapter, ValidationError  # only when the report has errors

    if not isinstance(raw, dict):
        return Frame()
    parts: dict[str, Any] = {}
    for name in FRAME_PARTS:
        info = ReportConfig.model_fields[name]
        if name not in raw:
            if not info.is_required():
                parts[name] = info.get_default(call_default_factory=True)
            continue
        try:
            adapter: TypeAdapter[Any] = TypeAdapter(Annotated[info.annotation, info])  # type: ignore[arg-type]
            parts[name] = adapter.validate_python(raw[name])
        except ValidationError:
            continue
    categories = parts.get("categories")
    return Frame(
        parts.get("period"),
        parts.get("as_of"),
        frozenset(c.id for c in categories) if categories is not None else None,
        parts.get("vocabulary"),
    )


def skipped_checks(frame: Frame | None, where: Origin, why: str | None = None) -> Iterator[Problem]:
    """One warning naming the checks of the other files that wait for the report, and why."""
    missing = [name for name in FRAME_PARTS if frame is None or getattr(frame, name) is None]
    if "period" in missing and "as_of" in missing:
        missing.remove("as_of")  # nothing is compared with the period at all: said once
    if not missing:
        return
    why = why or f"报告配置的 {'、'.join(missing)} 有错误或缺少"
    consequences = "；".join(FRAME_PARTS[name] for name in missing)
    yield Problem.at(where, (), f"{why}，其他文件中{consequences}；改好后再检查一次", Severity.warning)


# ---------------------------------------------------------------------- ids


def check_unique_ids(facts: Facts) -> Iterator[Problem]:
    for kind, by_id in facts.ids.items():
        label = KIND_LABELS[kind]
        for record_id, origins in by_id.items():
            if len(origins) < 2:
                continue
            # Name every place: which one is the newcomer is for the editor to decide.
            for origin in origins:
                others = "、".join(f"{o.file}:{o.line('id')}" for o in origins if o is not origin)
                yield Problem.at(origin, ("id",), f"{label}编号“{record_id}”重复：{others} 也使用了这个编号")


# ---------------------------------------------------------------------- references


# Which fields refer to which kind of record, as the model declares them (register.Ref); "*"
# walks every item of a list. Checked on the raw values, so a record that failed its own
# validation still has its references checked and the editor sees every problem in one pass.
REFERENCES: dict[str, list[tuple[DataPath, str]]] = {kind.key: list(kind.references()) for kind in KINDS}


def walk(value: Any, pattern: DataPath, prefix: DataPath = ()) -> Iterator[tuple[DataPath, Any]]:
    """The values at ``pattern`` inside plain data, with their concrete paths."""
    if not pattern:
        yield prefix, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, rest, (*prefix, index))
    elif isinstance(value, dict) and head in value:
        yield from walk(value[head], rest, (*prefix, head))


def check_references(frame: Frame, facts: Facts) -> Iterator[Problem]:
    known = {kind: set(ids) for kind, ids in facts.declared.items()}
    for reference in facts.references:
        if reference.target == "categories":
            if frame.categories is None:
                continue  # the lines of work are in the report, whose categories did not load
            ids = set(frame.categories)
        else:
            ids = known.get(reference.target, set())
        if reference.value not in ids:
            yield Problem.at(reference.origin, reference.path, unknown_reference(reference.target, reference.value, ids))


PLACEHOLDER = "请填写"  # what `workreport new` writes where the editor has to fill in
PLACEHOLDER_WARNING = "尚未填写"
"""How a placeholder warning begins (printed after 警告：)."""


def check_placeholders(value: Any, origin: Origin) -> Iterator[Problem]:
    """Warn about scaffold text still in place: it passes every rule but says nothing."""

    def strings(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from strings(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from strings(item, (*path, index))

    for path, text in strings(value, ()):
        if text.startswith(PLACEHOLDER):
            yield Problem.at(origin, path, f"{PLACEHOLDER_WARNING}，仍是占位文字“{text[:20]}”", Severity.warning)


# ---------------------------------------------------------------------- the vocabulary's terms

# Which fields take their values from which vocabulary of the report, as the model declares them (register.Term).
TERMS: dict[str, list[tuple[DataPath, str]]] = {kind.key: list(kind.terms()) for kind in KINDS if kind.terms()}


def term_problems(kind: str, raw: dict[str, Any], origin: Origin, vocabulary: Vocabulary) -> Iterator[Problem]:
    """Values of a record's vocabulary fields that the report's vocabulary does not list.

    Checked on the plain value, like references, so a record with other errors still has
    these reported in the same pass.
    """
    for pattern, key in TERMS.get(kind, ()):
        names = vocabulary.names(key)
        for path, value in walk(raw, pattern):
            if isinstance(value, str) and value.strip() and value.strip() not in names:
                yield Problem.at(origin, path, unknown_term(key, value.strip(), names))


def unknown_term(key: str, value: str, names: list[str]) -> str:
    place = "vocabulary.bottom_lines.lines" if key == "bottom_lines" else f"vocabulary.{key}"
    shown = " ".join(value.split())
    shown = shown if len(shown) <= 30 else shown[:30] + "…"
    return (
        f"“{shown}”不是报告配置中的{VOCABULARY_LABELS[key]}。可选：{'、'.join(names)}；"
        f"本单位另有{VOCABULARY_LABELS[key]}的，请加到 report.yaml 的 {place} 中"
    )


def unknown_reference(kind: str, value: str, known: set[str]) -> str:
    choices = sorted(known)
    # A high cutoff: ids such as T-FM-01 and T-RV-01 look alike but are different tasks.
    guess = difflib.get_close_matches(value, choices, n=1, cutoff=0.8)
    if guess:
        hint = f"是否应为“{guess[0]}”？"
    elif choices:
        hint = f"现有编号：{'、'.join(choices[:12])}{'…' if len(choices) > 12 else ''}"
    else:
        hint = f"目前还没有任何{KIND_LABELS[kind]}"
    return f"引用了不存在的{KIND_LABELS[kind]}“{value}”。{hint}"


# ---------------------------------------------------------------------- dates


def dated_entry(frame: Frame, record: Located, sub: DataPath, when: dt.date, what: str) -> Iterator[Problem]:
    """An entry of a log: after the period is an error, after the as-of date a warning."""
    period = frame.period
    if period is None:
        return  # the period did not load: there is nothing to compare with (said once, see skipped_checks)
    if period.start > period.end:
        return  # the period itself is wrong and reported once; comparing against it would only cascade
    if when > period.end:
        yield Problem.at(_origin(record), sub, f"{what}日期 {when} 晚于报告期结束日期 {period.end}")
    elif frame.as_of is not None and when > frame.as_of:
        yield Problem.at(
            _origin(record), sub, f"{what}日期 {when} 晚于截至日期 {frame.as_of}，本期不计入", Severity.warning
        )


def ordered_log(frame: Frame, record: Located, key: str, entries: Sequence[Any], what: str) -> Iterator[Problem]:
    """A dated log: strictly in date order, and every entry inside the period."""
    previous: dt.date | None = None
    for index, entry in enumerate(entries):
        sub = (key, index, "date")
        if previous is not None and entry.date < previous:
            yield Problem.at(_origin(record), sub, f"{what}未按日期先后排列：{entry.date} 早于上一条的 {previous}，请按从早到晚排列")
        elif previous is not None and entry.date == previous:
            yield Problem.at(_origin(record), sub, f"{what}日期 {entry.date} 与上一条相同：同一天请合并为一条")
        yield from dated_entry(frame, record, sub, entry.date, what)
        previous = entry.date if previous is None else max(previous, entry.date)


def check_task(task: Task, frame: Frame) -> Iterator[Problem]:
    # A task may have neither target nor milestones: its progress is then the percent it reports.
    origin = _origin(task)
    if task.window.start > task.window.end:
        yield Problem.at(origin, ("window", "end"), f"计划完成日期 {task.window.end} 早于开始日期 {task.window.start}")
    yield from ordered_log(frame, task, "progress", task.progress, "进度记录")
    yield from check_task_progress(task)
    yield from check_planned_curve(task)
    for index, milestone in enumerate(task.milestones):
        if milestone.done_on is not None:
            yield from dated_entry(frame, task, ("milestones", index, "done_on"), milestone.done_on, "里程碑完成")


def check_task_progress(task: Any) -> Iterator[Problem]:
    origin = _origin(task)
    last_done: float | None = None
    for index, entry in enumerate(task.progress):
        if entry.done is None and entry.percent is None:
            yield Problem.at(origin, ("progress", index), "进度记录至少要填写 done（累计完成数量）或 percent（完成百分比）之一")
        if entry.done is not None:
            if task.target is None:
                yield Problem.at(origin, ("progress", index, "done"), "任务没有量化目标（target），不能填写 done：请改填 percent")
            elif last_done is not None and entry.done < last_done:
                yield Problem.at(
                    origin,
                    ("progress", index, "done"),
                    f"累计完成数量比上一条少（上一条 {last_done:g}，本条 {entry.done:g}）：done 是累计数，不是当月数",
                    Severity.warning,
                )
            last_done = entry.done


def check_planned_curve(task: Any) -> Iterator[Problem]:
    origin = _origin(task)
    previous = None
    for index, point in enumerate(task.planned):
        if not task.window.start <= point.date <= task.window.end:
            yield Problem.at(origin, ("planned", index, "date"), f"计划进度日期 {point.date} 不在任务时间窗口 {task.window.start} 至 {task.window.end} 之内")
        if previous is not None and point.date <= previous.date:
            yield Problem.at(origin, ("planned", index, "date"), f"计划进度曲线未按日期先后排列：{point.date} 不晚于上一点 {previous.date}")
        elif previous is not None and point.percent < previous.percent:
            yield Problem.at(origin, ("planned", index, "percent"), f"计划进度不能回落（上一点 {previous.percent:g}%，本点 {point.percent:g}%）")
        previous = point


def check_indicator(indicator: Indicator, frame: Frame) -> Iterator[Problem]:
    vocabulary = frame.vocabulary
    sources = {s.name: s for s in vocabulary.indicator_sources} if vocabulary else {}
    source = sources.get(indicator.source)
    if source is not None and source.lead_department and not indicator.lead_department:
        yield Problem.at(_origin(indicator), ("lead_department",), f"“{source.name}”类指标必须填写局外牵头部门（lead_department）")
    yield from ordered_log(frame, indicator, "values", indicator.values, "监测值")
    for index, deduction in enumerate(indicator.deductions):
        yield from dated_entry(frame, indicator, ("deductions", index, "date"), deduction.date, "扣分")


def check_project(project: Project, frame: Frame) -> Iterator[Problem]:
    phases = frame.vocabulary.stage_phases if frame.vocabulary else {}
    origin = _origin(project)
    dates = project.dates
    if dates.start and dates.planned_completion and dates.planned_completion < dates.start:
        yield Problem.at(origin, ("dates", "planned_completion"), f"计划完工日期 {dates.planned_completion} 早于开工日期 {dates.start}")
    if dates.start and dates.completed and dates.completed < dates.start:
        yield Problem.at(origin, ("dates", "completed"), f"完工日期 {dates.completed} 早于开工日期 {dates.start}")
    if dates.completed and dates.accepted and dates.accepted < dates.completed:
        yield Problem.at(origin, ("dates", "accepted"), f"验收日期 {dates.accepted} 早于完工日期 {dates.completed}")
    if phases.get(project.stage) is Phase.built and dates.completed is None:
        yield Problem.at(origin, ("dates", "completed"), f"工程阶段为“{project.stage}”，但没有填写完工日期（dates.completed）", Severity.warning)
    yield from ordered_log(frame, project, "progress", project.progress, "进度记录")
    seen: set[str] = set()
    for index, prerequisite in enumerate(project.prerequisites):
        if prerequisite.name in seen:
            yield Problem.at(origin, ("prerequisites", index, "name"), f"前置要件“{prerequisite.name}”重复填写")
        seen.add(prerequisite.name)
        if prerequisite.done_on is not None:
            yield from dated_entry(frame, project, ("prerequisites", index, "done_on"), prerequisite.done_on, "要件办结")


def check_honor(honor: Honor, frame: Frame) -> Iterator[Problem]:
    origin = _origin(honor)
    if honor.status is HonorStatus.won and honor.awarded_on is None:
        yield Problem.at(origin, ("awarded_on",), "状态为“已获得”时必须填写获得日期（awarded_on）")
    if honor.status is not HonorStatus.won and honor.awarded_on is not None:
        yield Problem.at(origin, ("awarded_on",), f"状态为“{honor.status.value}”时不应填写获得日期：已获得请把 status 改为“已获得”")
    if honor.awarded_on is not None:
        yield from dated_entry(frame, honor, ("awarded_on",), honor.awarded_on, "获得")


# ---------------------------------------------------------------------- visibility

# Fields that say what a record is and where it belongs: they cannot be hidden one by one.
NOT_HIDEABLE = {"id", "visibility", "internal_fields"}


def check_internal_fields(record: Any) -> Iterator[Problem]:
    """Fields listed as internal must exist and be ones a record can do without."""
    fields = type(record).model_fields
    for index, name in enumerate(getattr(record, "internal_fields", [])):
        sub = ("internal_fields", index)
        if name not in fields or name in NOT_HIDEABLE:
            hideable = sorted(n for n, f in fields.items() if not f.is_required() and n not in NOT_HIDEABLE)
            guess = closest(name, hideable)
            hint = f"是否应为“{guess}”？" if guess else f"可以列出的字段：{'、'.join(hideable)}"
            yield Problem.at(_origin(record), sub, f"没有可设为内部的字段“{name}”。{hint}")
        elif fields[name].is_required():
            yield Problem.at(
                _origin(record), sub,
                f"“{name}”是必填字段，不能单独设为内部；整条记录需要保密时请写 visibility: internal",
            )


def check_leaders(facts: Facts) -> Iterator[Problem]:
    """A public unit or task cannot name an internal leader: the public outputs would lose him."""
    internal_leaders, internal_units = facts.internal.get("leaders", set()), facts.internal.get("units", set())
    for origin, kind, is_internal, owner, leader in facts.leaders:
        public = not is_internal and owner not in internal_units
        if not public or leader not in internal_leaders:
            continue
        if kind == "units":
            message = f"可公开单位的分管领导“{leader}”被设为内部：请把该领导设为可公开，或把单位也设为内部"
        else:
            message = f"可公开任务的分管领导“{leader}”被设为内部：请把该领导设为可公开，或把任务也设为内部（visibility: internal）"
        yield Problem.at(origin, ("leader",), message)


# ---------------------------------------------------------------------- photos


def check_photo(data_dir: Path, origin: Origin, sub: DataPath, photo: Photo) -> Iterator[Problem]:
    relative = Path(photo.file)
    if ".." in relative.parts:
        yield Problem.at(origin, sub, f"照片路径里不能有“..”：照片必须放在 data/photos/ 目录之内（实际值：'{photo.file}'）")
        return
    if relative.is_absolute() or "\\" in photo.file:
        yield Problem.at(origin, sub, f"照片路径应相对于 data/ 目录并使用“/”分隔，如 photos/case-01/1.jpg（实际值：'{photo.file}'）")
        return
    if relative.parts[0] != "photos":
        yield Problem.at(origin, sub, f"照片应放在 data/photos/ 目录下，路径以 photos/ 开头（实际值：'{photo.file}'）")
        return
    if relative.suffix.lower() not in PHOTO_SUFFIXES:
        yield Problem.at(origin, sub, f"照片应为 jpg、png、webp 或 gif 文件（实际值：'{photo.file}'）")
        return
    path = data_dir / relative
    if not path.is_file():
        if path.is_symlink():
            yield Problem.at(origin, sub, f"照片是一个指向不存在文件的链接：data/{photo.file}")
        else:
            yield Problem.at(origin, sub, f"照片文件不存在：data/{photo.file}（请检查文件名和大小写）")
        return
    if not path.resolve().is_relative_to(data_dir.resolve()):
        yield Problem.at(origin, sub, f"照片是指向 data/ 以外的链接，不能使用：请把照片文件本身复制到 data/photos/ 下（实际值：'{photo.file}'）")
        return
    problem = image_problem(path)
    if problem:
        yield Problem.at(origin, sub, f"{problem}（实际值：'{photo.file}'）")


# Pictures larger than this are refused: a phone photo is about 12 megapixels, and a page or a
# document needs far less. Pillow itself refuses "decompression bombs" only past 179 megapixels.
MAX_PIXELS = 60_000_000
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def image_problem(path: Path) -> str | None:
    """Why the file is not a picture every output can show, or None."""
    from PIL import Image  # Pillow comes with WeasyPrint; loaded only when there are photos

    try:
        with Image.open(path) as image:
            kind, (width, height) = image.format, image.size
            if kind not in IMAGE_FORMATS:
                return f"照片应为 jpg、png、webp 或 gif 图片，这个文件是 {kind} 格式"
            if width * height > MAX_PIXELS:
                return f"照片太大（{width}×{height} 像素）：请缩小到 6000 万像素以内再放入"
            image.verify()
    except Image.DecompressionBombError:
        return "照片太大：请缩小到 6000 万像素以内再放入"
    except Exception:  # noqa: BLE001 - Pillow fails in many ways on a file that is not a picture
        return "照片文件无法读取：不是图片，或已损坏（请重新导出为 jpg 或 png）"
    return None
