"""The data model: what an editor may write under ``data/``.

Every class and field carries a docstring in Chinese. Pydantic turns those docstrings into
the descriptions of the JSON Schema that editors' VS Code shows on hover and completion,
so they are written for editors, not for programmers.

Only the shape of single records is checked here (types, required fields, ranges, unknown
keys). Rules that need more than one record (references, duplicate ids, dates against the
report period) live in ``validation.py``.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, field_validator, model_validator

from .problems import Origin
from .register import Files, Kind, Ref, Term

# ASCII ids keep URLs, file names and Windows zips clean; Chinese lives in titles.
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1)]
Percent = Annotated[float, Field(ge=0, le=100)]
NonNegative = Annotated[float, Field(ge=0)]
# References: the id of a record of another kind (see register.Ref). Reference checks and the
# public view's pruning follow these declarations.
UnitRef = Annotated[Id, Ref("units")]
LeaderRef = Annotated[Id, Ref("leaders")]
CategoryRef = Annotated[Id, Ref("categories")]
TaskRef = Annotated[Id, Ref("tasks")]
IndicatorRef = Annotated[Id, Ref("indicators")]
ProjectRef = Annotated[Id, Ref("projects")]
CaseRef = Annotated[Id, Ref("cases")]
HighlightRef = Annotated[Id, Ref("highlights")]
HonorRef = Annotated[Id, Ref("honors")]
# A day of a work report: wide enough for any plan, narrow enough that date arithmetic
# (the day before the period, the month after a window) never leaves Python's calendar.
Day = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2099, 12, 31))]


class Record(BaseModel):
    """Base of every model: unknown keys are errors, docstrings become descriptions."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
        # `.nan` and `.inf` are numbers to YAML, but no figure of a report: refuse them here
        # so that no later step (charts, percentages, exports) ever meets one.
        allow_inf_nan=False,
    )


class Located(Record):
    """A record of its own (a task, a unit, the report), which knows where it was written.

    Only these carry the private attribute: pydantic initialises private attributes on every
    instance, and the parts of a record (a window, a log entry) are the bulk of the instances.
    """

    # Where the record came from, so later checks can point at file and line.
    _origin: Origin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Origin | None:
        return self._origin


class Visibility(str, Enum):
    """公开范围。"""

    public = "public"
    internal = "internal"


class VisibleRecord(Located):
    visibility: Visibility = Visibility.public
    """公开范围：`public`（可公开，可进入对外导出）或 `internal`（仅限局内网站，永不导出）。默认 `public`。"""
    internal_fields: list[str] = Field(default_factory=list)
    """仅限局内的字段：记录本身可公开，但列在这里的字段只在局内网站显示，不进入对外网站和导出，如 `[problems, plan]`。只能列可以不填的字段。"""

    @property
    def is_internal(self) -> bool:
        return self.visibility is Visibility.internal


# --------------------------------------------------------------------------- report


class Period(Record):
    """报告期：站点的一个版本对应一个报告期（一个月、一个季度、半年、前三季度或一年）。"""

    id: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z-]*$")]
    """报告期编号，仅限英文字母、数字和连字符，如 `2025-h1`（上半年）、`2025-q3`（前三季度）、`2025-m09`（9月）、`"2025"`（全年，纯数字请加引号）。"""
    title: Text
    """报告期名称，如“2025年上半年”“2025年”。"""
    start: Day
    """报告期开始日期，格式 YYYY-MM-DD。"""
    end: Day
    """报告期结束日期，格式 YYYY-MM-DD。"""
    label: str | None = None
    """报告期的简称，用在“××工作完成情况”等标题和正文中，如“上半年”“前三季度”“全年”。一般不用填：按起止日期自动得出。"""
    next_label: str | None = None
    """下一阶段的简称，用在“××工作计划”中，如“下半年”“四季度”“明年”。一般不用填：按起止日期自动得出。"""

    @field_validator("id", mode="before")
    @classmethod
    def _number_as_text(cls, value: object) -> object:
        # `id: 2025` is read by YAML as a number; a year is a fine period id, so take it as text.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value


class Thresholds(Record):
    """滞后判定阈值（百分点）：实际进度低于序时进度超过该值即判为滞后。"""

    lagging: NonNegative = 5
    """滞后阈值（百分点），默认 5。"""
    seriously_lagging: NonNegative = 15
    """严重滞后阈值（百分点），默认 15，应不小于滞后阈值。"""
    indicator_warning: NonNegative = 5
    """指标预警区间（目标值的百分比），默认 5：未达到目标、但差距不超过目标值的 5% 时为“预警”，超过为“未达标”。"""


class Category(Record):
    """工作条线（全局的几大任务、几大行动中的一项），用于对重点任务和案例分组。"""

    id: Id
    """条线编号（英文），如 `reform`。"""
    name: Text
    """条线名称，如“改革创新”。"""
    slogan: str | None = None
    """条线的提法，如“争当改革创新排头兵”，显示在条线标题下、用作总结中的小标题。"""


# --------------------------------------------------------------------------- vocabulary


class Named(Record):
    """A term of a vocabulary: its name, and what else the bureau says about it.

    Editors may write a bare name (``- 县考``) where nothing else is needed.
    """

    name: Text

    @model_validator(mode="before")
    @classmethod
    def _bare_name(cls, value: object) -> object:
        return {"name": value} if isinstance(value, str) else value


Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]+$", max_length=16)]


class IndicatorSourceTerm(Named):
    """一种指标来源，如“省考”“市考”“县考”“承担系数”。"""

    name: Text
    """来源名称。"""
    code: Code | None = None
    """英文代码，新建指标时用于编号（如 `PROV` → `I-PROV-01`）；不填则按顺序编为 `S1`、`S2`…"""
    lead_department: bool = False
    """这类指标是否必须填写局外牵头部门（如“承担系数”类指标：由局外部门牵头、本局承担考核系数）。"""


class Phase(str, Enum):
    """工程阶段在进度计算中的含义。"""

    preliminary = "preliminary"
    construction = "construction"
    built = "built"


class StageTerm(Named):
    """工程的一个阶段。"""

    name: Text
    """阶段名称，如“前期”“在建”“完工”。"""
    phase: Phase
    """这一阶段在进度计算中的含义：`preliminary`（尚未开工，办理前期手续）、`construction`（施工中，按工期算序时进度）或 `built`（已完工，此后的验收、审计等阶段也写 `built`）。"""


class LevelTerm(Named):
    """一个级别。"""

    name: Text
    """级别名称，如“国家级”“省级”“县级”。"""
    nickname: str | None = None
    """习惯叫法，如“国字号”“省字头”，用于荣誉墙的分组标题；不填则用级别名称。"""


class LineTerm(Named):
    """一条底线。"""

    name: Text
    """底线名称，如“安全生产”“党风廉政”。"""
    code: Code | None = None
    """英文代码，新建自查事项时用于编号（如 `S` → `BL-S-01`）；不填则按顺序编为 `L1`、`L2`…"""


def _terms(*entries: object) -> Any:
    # The defaults are written as an editor would write them, and validated like them.
    return Field(default_factory=lambda: [dict(e) if isinstance(e, dict) else e for e in entries], min_length=1, validate_default=True)


class BottomLines(Record):
    """底线自查的底线（任意条，各有名称）。"""

    title: str | None = None
    """页面和导航中的名称，如“两条底线”“三条底线”；不填则按底线条数自动得出。"""
    lines: list[LineTerm] = _terms({"name": "安全生产", "code": "S"}, {"name": "党风廉政", "code": "I"})
    """底线列表（顺序即页面上的顺序），默认：安全生产、党风廉政。"""


class Vocabulary(Record):
    """本单位的用词：各项取值和称呼。全部可以不填，不填时用括号里的默认值。"""

    unit: Text = "处室"
    """机关内设机构的称呼：处室、科室或股室（默认“处室”）。"""
    affiliated: Text = "直属单位"
    """直属单位的称呼（默认“直属单位”）。"""
    lines_of_work: Text = "工作条线"
    """工作条线的总称，如“五大任务”“八大攻坚行动”（默认“工作条线”）。名称里的数目应与条线条数一致。"""
    project_location: Text = "县（市、区）"
    """重点工程所在地一栏的名称，如“县（市、区）”“乡镇（街道）”（默认“县（市、区）”）。"""
    indicator_sources: list[IndicatorSourceTerm] = _terms(
        {"name": "省考", "code": "PROV"},
        {"name": "市考", "code": "CITY"},
        {"name": "承担系数", "code": "SHARE", "lead_department": True},
    )
    """考核指标的来源（默认：省考、市考、承担系数）。"""
    project_stages: list[StageTerm] = _terms(
        {"name": "前期", "phase": "preliminary"},
        {"name": "在建", "phase": "construction"},
        {"name": "完工", "phase": "built"},
        {"name": "验收", "phase": "built"},
        {"name": "决算审计", "phase": "built"},
    )
    """重点工程的阶段，按先后排列（默认：前期、在建、完工、验收、决算审计）。"""
    prerequisites: list[Text] = _terms("立项", "初步设计批复", "招投标", "施工图审查", "征迁")
    """工程前置要件（默认：立项、初步设计批复、招投标、施工图审查、征迁）。"""
    honor_levels: list[LevelTerm] = _terms(
        {"name": "国家级", "nickname": "国字号"}, {"name": "省级", "nickname": "省字头"}, {"name": "市级"}
    )
    """荣誉级别，从高到低（默认：国家级（国字号）、省级（省字头）、市级）。"""
    media_levels: list[Text] = _terms("中央级", "省级", "市级")
    """媒体级别，从高到低（默认：中央级、省级、市级）。"""
    bottom_lines: BottomLines = Field(default_factory=BottomLines)
    """底线自查的底线（默认：安全生产、党风廉政两条底线）。"""

    def names(self, vocabulary: str) -> list[str]:
        """The names a field declared with ``Term(vocabulary)`` may take, in their order."""
        if vocabulary == "bottom_lines":
            return [line.name for line in self.bottom_lines.lines]
        entries = getattr(self, vocabulary)
        return [e if isinstance(e, str) else e.name for e in entries]

    def phase(self, stage: str) -> Phase:
        """What a project stage means to the schedule."""
        return self.stage_phases[stage]

    @property
    def stage_phases(self) -> dict[str, Phase]:
        return {s.name: s.phase for s in self.project_stages}

    def source(self, name: str) -> IndicatorSourceTerm:
        return next(s for s in self.indicator_sources if s.name == name)


VOCABULARY_LABELS = {
    "indicator_sources": "指标来源",
    "project_stages": "工程阶段",
    "prerequisites": "前置要件",
    "honor_levels": "荣誉级别",
    "media_levels": "媒体级别",
    "bottom_lines": "底线",
}
"""What each vocabulary is called in messages: “县考”不在报告配置的指标来源中."""


class SummaryProse(Record):
    """工作总结中由本单位撰写的几段话（纯文本）。不填时只列出数据。"""

    opening: str | None = None
    """开头段落，如“今年以来，我局坚持……”。其后自动接“现将××工作情况总结如下。”"""
    problems: str | None = None
    """“存在的问题”部分的开头一段。"""
    plans: str | None = None
    """“工作计划”部分的开头一段，如“下半年，我局将……”。"""


class ReportConfig(Located):
    """报告配置：单位名称、报告期、截至日期、阈值、工作条线和本单位的用词。全部数据中只能出现一次。"""

    bureau: Text
    """局（委、办）全称，如“某某市某某局”。"""
    period: Period
    """当前报告期。"""
    as_of: Day
    """截至日期：站点上的所有数字都按这一天计算，而不是按构建当天计算。"""
    thresholds: Thresholds = Field(default_factory=Thresholds)
    """滞后判定阈值。"""
    categories: list[Category] = Field(min_length=1)
    """工作条线列表（顺序即页面上的顺序）。"""
    internal_deduction_multiplier: Annotated[float, Field(ge=1)] = 2
    """局内部考核扣分倍数：被上级考核扣分的单位，在局内部考核中按此倍数扣分（双倍扣分即 2）。"""
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)
    """本单位的用词：指标来源、工程阶段、前置要件、荣誉和媒体级别、底线、内设机构的称呼等。"""
    summary: SummaryProse = Field(default_factory=SummaryProse)
    """工作总结中由本单位撰写的段落。"""


# --------------------------------------------------------------------------- organisation


class UnitKind(str, Enum):
    department = "department"
    affiliated = "affiliated"


class Leader(VisibleRecord):
    """局领导（局长、分管局长等）。分管的单位由各单位的 `leader` 字段推出，不在此重复填写。"""

    id: Id
    """领导编号（英文），如 `director`、`deputy-wang`。"""
    name: Text
    """姓名。"""
    title: Text
    """职务，如“局长”“副局长”“党组成员、副局长”。"""
    responsibilities: str | None = None
    """分工说明，如“分管规划计划、财务审计工作”。"""


LEADERS = Kind(
    "leaders", Leader, "局领导", Files("file", "org.yaml"), "deputy-wang",
    name_field="name", page="leaders", list_title="分管领导", list_page="analysis/leaders.md",
)

class Unit(VisibleRecord):
    """单位：机关内设机构（处室、科室或股室）或直属单位，是重点任务、指标、工程和案例的责任主体。"""

    id: Id
    """单位编号（英文），如 `policy`。"""
    name: Text
    """单位全称，如“政策法规科”。"""
    short_name: str | None = None
    """简称，用于表格等窄处，如“法规科”。"""
    kind: UnitKind = UnitKind.department
    """单位类型：`department`（机关内设机构，称呼见 `report.vocabulary.unit`）或 `affiliated`（直属单位）。"""
    leader: LeaderRef
    """分管局领导的编号（见 `leaders`）。"""
    head: str | None = None
    """主要负责人姓名。"""
    duties: str | None = None
    """主要职责，一两句话。"""

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def names(self) -> tuple[str, ...]:
        """What an editor may call the unit on the command line: its id, full name and short name."""
        return (self.id, self.name, self.short_name) if self.short_name else (self.id, self.name)


UNITS = Kind(
    "units", Unit, "单位", Files("file", "org.yaml"), "policy",
    name_field="name", page="units", list_title="单位",
)

# --------------------------------------------------------------------------- tasks


class Target(Record):
    """量化目标。"""

    value: Annotated[float, Field(gt=0)]
    """目标数量，如 12。"""
    measure: Text
    """计量单位（量词），如“个”“座”“公里”“万元”。"""
    description: str | None = None
    """目标说明，如“完成 12 个示范点建设并通过验收”。"""


class Window(Record):
    """任务的时间窗口：序时进度按此区间计算。"""

    start: Day
    """开始日期。"""
    end: Day
    """计划完成日期。"""


class PlannedPoint(Record):
    """计划进度曲线上的一个点：到某日应完成的百分比。"""

    date: Day
    """日期。"""
    percent: Percent
    """到该日应完成的百分比（0–100）。"""


class Milestone(Record):
    """里程碑节点。"""

    title: Text
    """节点名称，如“完成初步设计批复”。"""
    due: Day
    """计划日期。"""
    done_on: Day | None = None
    """实际完成日期；未完成则不填。"""


class TaskProgress(Record):
    """一条进度记录：某日累计完成了多少。进度是按日期累积的日志，不要覆盖旧记录，新情况追加一条。"""

    date: Day
    """记录日期（截至该日的累计情况）。"""
    done: NonNegative | None = None
    """累计完成数量（与目标同一计量单位）。有量化目标时填写。"""
    percent: Percent | None = None
    """累计完成百分比（0–100）。没有量化目标、或需要直接报告百分比时填写。"""
    note: str | None = None
    """进展说明。"""
    problems: str | None = None
    """本次填报时存在的问题（可选，由进度填报表导入；只在局内网站的进度记录中显示）。"""


class Task(VisibleRecord):
    """重点任务：有责任单位、目标、时间窗口和按日期记录的进度。"""

    id: Id
    """任务编号（英文），全局唯一，如 `T-RW-01`。"""
    title: Text
    """任务名称。"""
    category: CategoryRef
    """所属工作条线的编号（见 `report.categories`）。"""
    owner_unit: UnitRef
    """牵头单位编号（见 `units`）。"""
    partner_units: list[UnitRef] = Field(default_factory=list)
    """配合单位编号列表。"""
    leader: LeaderRef | None = None
    """分管局领导编号；不填则取牵头单位的分管领导。"""
    headline: bool = False
    """是否为首页展示的核心目标任务。"""
    target: Target | None = None
    """量化目标（可选）；没有量化目标的任务按里程碑或进度日志中的 `percent`（完成百分比）报告进度。"""
    window: Window
    """时间窗口。"""
    planned: list[PlannedPoint] = Field(default_factory=list)
    """计划进度曲线（可选）；不填则按时间窗口线性计算序时进度。"""
    milestones: list[Milestone] = Field(default_factory=list)
    """里程碑节点。"""
    progress: list[TaskProgress] = Field(default_factory=list)
    """进度日志，按日期从早到晚排列。"""
    result: str | None = None
    """本期完成情况（文字），进入工作总结的“工作完成情况”。旧名称 `first_half_result` 仍可使用。"""
    plan: str | None = None
    """下一阶段工作计划（文字），进入工作总结的“工作计划”。旧名称 `second_half_plan` 仍可使用。"""
    problems: str | None = None
    """存在问题（文字）。"""


TASKS = Kind(
    "tasks", Task, "重点任务", Files("per_unit", "tasks"), "T-RV-01",
    owner="owner_unit", page="tasks", list_title="重点任务", scaffold="task",
    renamed=(("first_half_result", "result"), ("second_half_plan", "plan")),
)

# --------------------------------------------------------------------------- indicators


class Direction(str, Enum):
    higher = "higher"
    lower = "lower"  # type: ignore[assignment]  # the member shadows str.lower; the YAML value must be "lower"


class IndicatorValue(Record):
    """指标的一个监测值。"""

    date: Day
    """监测日期。"""
    value: float
    """该日的指标值。"""
    note: str | None = None
    """说明。"""


class Deduction(Record):
    """扣分记录。"""

    date: Day
    """扣分日期。"""
    points: Annotated[float, Field(gt=0)]
    """扣分分值（正数）。"""
    reason: Text
    """扣分原因。"""
    unit: UnitRef
    """被扣分的责任单位编号（局内部考核按倍数追责）。"""


class BonusStatus(str, Enum):
    secured = "已争取"
    pursuing = "争取中"
    missed = "未争取"


class Bonus(Record):
    """加分事项。"""

    title: Text
    """加分事项名称。"""
    points: Annotated[float, Field(gt=0)]
    """可加分值。"""
    unit: UnitRef
    """争取单位编号。"""
    status: BonusStatus = BonusStatus.pursuing
    """状态：已争取 / 争取中 / 未争取。"""
    date: Day | None = None
    """确认日期（已争取时填写）。"""


class IndicatorTarget(Record):
    """指标目标值。"""

    value: float
    """目标值。"""
    direction: Direction = Direction.higher
    """方向：`higher`（越高越好，不低于目标）或 `lower`（越低越好，不高于目标）。"""
    measure: str | None = None
    """计量单位，如“%”“分”“万立方米”。"""
    cumulative: bool = False
    """是否为年度累计型指标（如“全年完成培训 1800 人次”）：是则按截至日期在当年的时间比例折算序时目标来判断达标，否则直接与目标值比较。"""


class Indicator(VisibleRecord):
    """考核指标：上级考核本局的指标（省考、市考等），或承担局外牵头部门考核系数的指标。"""

    id: Id
    """指标编号（英文），如 `I-PROV-01`。"""
    name: Text
    """指标名称。"""
    source: Annotated[Text, Term("indicator_sources")]
    """来源，取报告配置 `vocabulary.indicator_sources` 中的一项（默认：省考 / 市考 / 承担系数）。"""
    owner_unit: UnitRef
    """局内责任单位编号。"""
    lead_department: str | None = None
    """局外牵头部门，如“市发展改革委”（来源要求牵头部门的指标必填，如承担系数类）。"""
    weight: NonNegative
    """分值（权重）。"""
    target: IndicatorTarget
    """目标值及方向。"""
    values: list[IndicatorValue] = Field(default_factory=list)
    """按日期的监测值，从早到晚。"""
    deductions: list[Deduction] = Field(default_factory=list)
    """扣分记录。"""
    bonuses: list[Bonus] = Field(default_factory=list)
    """加分事项。"""
    note: str | None = None
    """说明。"""


INDICATORS = Kind(
    "indicators", Indicator, "考核指标", Files("file", "indicators.yaml", group_field="source"), "I-PROV-01",
    owner="owner_unit", name_field="name", page="indicators", list_title="考核指标", scaffold="indicator",
)

# --------------------------------------------------------------------------- projects


class Prerequisite(Record):
    """前置要件办理情况。"""

    name: Annotated[Text, Term("prerequisites")]
    """要件，取报告配置 `vocabulary.prerequisites` 中的一项（默认：立项 / 初步设计批复 / 招投标 / 施工图审查 / 征迁）。"""
    planned: Day | None = None
    """计划办结日期。"""
    done_on: Day | None = None
    """实际办结日期；未办结则不填。"""
    note: str | None = None
    """说明。"""


class Investment(Record):
    """投资（万元）。年度已完成投资按进度日志中的 `invested` 计算。"""

    total: NonNegative
    """总投资（万元）。"""
    planned_this_year: NonNegative
    """年度计划投资（万元）。"""


class ProjectDates(Record):
    """工程的关键日期。"""

    start: Day | None = None
    """开工日期（实际或计划）。"""
    planned_completion: Day | None = None
    """计划完工日期。"""
    completed: Day | None = None
    """实际完工日期。"""
    accepted: Day | None = None
    """验收日期。"""


class ProjectProgress(Record):
    """工程进度记录：截至某日的累计形象进度和年度累计完成投资。"""

    date: Day
    """记录日期。"""
    percent: Percent | None = None
    """累计形象进度百分比（0–100）。"""
    invested: NonNegative | None = None
    """年度累计完成投资（万元）。"""
    stage: Annotated[Text, Term("project_stages")] | None = None
    """若该日工程进入新阶段，填写新阶段。"""
    note: str | None = None
    """进展说明。"""
    problems: str | None = None
    """本次填报时存在的问题（可选，由进度填报表导入；只在局内网站的进度记录中显示）。"""


class Project(VisibleRecord):
    """重点工程。"""

    id: Id
    """工程编号（英文），如 `P-ROAD-01`。"""
    name: Text
    """工程名称。"""
    kind: Text
    """工程类别，如“新建”“改扩建”“维修改造”，按本单位的习惯分类。"""
    county: Text
    """所在地，如所在县（市、区）或乡镇（一栏的名称见 `report.vocabulary.project_location`）。"""
    owner_unit: UnitRef
    """局内责任单位编号。"""
    category: CategoryRef | None = None
    """所属工作条线编号（可选）。"""
    stage: Annotated[Text, Term("project_stages")]
    """当前阶段，取报告配置 `vocabulary.project_stages` 中的一项（默认：前期 / 在建 / 完工 / 验收 / 决算审计）。"""
    prerequisites: list[Prerequisite] = Field(default_factory=list)
    """前置要件。"""
    investment: Investment
    """投资情况（万元）。"""
    dates: ProjectDates = Field(default_factory=ProjectDates)
    """关键日期。"""
    progress: list[ProjectProgress] = Field(default_factory=list)
    """进度日志，按日期从早到晚。"""
    tasks: list[TaskRef] = Field(default_factory=list)
    """相关重点任务编号。"""
    problems: str | None = None
    """存在问题。"""


PROJECTS = Kind(
    "projects", Project, "重点工程", Files("file", "projects.yaml", group_field="stage"), "P-ROAD-01",
    owner="owner_unit", name_field="name", page="projects", list_title="重点工程", scaffold="project",
)

# --------------------------------------------------------------------------- cases, highlights, honors


class Photo(Record):
    """照片：文件放在 `data/photos/` 下。"""

    file: Text
    """照片文件路径，相对于 `data/` 目录，如 `photos/C-01/1.jpg`。"""
    caption: Text
    """图片说明（图注）。"""


class Figure(Record):
    """一个关键数字，如“建成道路 86.4 公里”。"""

    label: Text
    """数字的含义，如“建成道路”。"""
    value: float
    """数值。"""
    measure: str = ""
    """计量单位，如“公里”“%”“万元”。"""


class Practice(Record):
    """一项主要做法。"""

    title: Text
    """做法的提要（一句话）。"""
    text: Text
    """具体内容。"""


class Results(Record):
    """取得成效。"""

    text: Text
    """成效描述。"""
    figures: list[Figure] = Field(default_factory=list)
    """关键数字。"""


class Related(Record):
    """相关的任务、指标和工程。"""

    tasks: list[TaskRef] = Field(default_factory=list)
    """相关重点任务编号。"""
    indicators: list[IndicatorRef] = Field(default_factory=list)
    """相关考核指标编号。"""
    projects: list[ProjectRef] = Field(default_factory=list)
    """相关工程编号。"""


class Case(VisibleRecord):
    """典型案例：背景、主要做法、取得成效、经验启示。"""

    id: Id
    """案例编号（英文），如 `C-01`。"""
    title: Text
    """案例标题。"""
    unit: UnitRef
    """报送单位编号。"""
    category: CategoryRef
    """所属工作条线编号。"""
    date: Day | None = None
    """成稿日期。"""
    tags: list[Text] = Field(default_factory=list)
    """标签，如“数字化”“改革创新”。"""
    summary: Text
    """摘要（一两句话）。"""
    background: Text
    """背景。"""
    practices: list[Practice] = Field(min_length=1)
    """主要做法（分条）。"""
    results: Results
    """取得成效。"""
    lessons: Text
    """经验启示。"""
    photos: list[Photo] = Field(default_factory=list)
    """照片。"""
    related: Related = Field(default_factory=Related)
    """相关的任务、指标和工程。"""
    honors: list[HonorRef] = Field(default_factory=list)
    """本案例支撑申报的荣誉编号。"""


CASES = Kind(
    "cases", Case, "典型案例", Files("per_record", "cases"), "C-01",
    owner="unit", photos=True, page="cases", list_title="典型案例", scaffold="case",
)

class MediaCoverage(Record):
    """媒体报道。"""

    outlet: Text
    """媒体名称。"""
    level: Annotated[Text, Term("media_levels")]
    """媒体级别，取报告配置 `vocabulary.media_levels` 中的一项（默认：中央级 / 省级 / 市级）。"""
    date: Day
    """报道日期。"""
    title: str | None = None
    """报道标题。"""


class Highlight(VisibleRecord):
    """工作亮点：一件可展示的事、一个关键数字和媒体报道。"""

    id: Id
    """亮点编号（英文），如 `H-01`。"""
    title: Text
    """亮点标题。"""
    summary: Text
    """简要说明。"""
    unit: UnitRef
    """责任单位编号。"""
    category: CategoryRef | None = None
    """所属工作条线编号（可选）。"""
    date: Day
    """日期。"""
    tags: list[Text] = Field(default_factory=list)
    """标签。"""
    key_figure: Figure | None = None
    """关键数字。"""
    media: list[MediaCoverage] = Field(default_factory=list)
    """媒体报道。"""
    photos: list[Photo] = Field(default_factory=list)
    """照片。"""


HIGHLIGHTS = Kind(
    "highlights", Highlight, "亮点", Files("file", "highlights.yaml"), "H-01",
    owner="unit", photos=True, anchor_page="highlights.md", list_title="亮点展示", scaffold="highlight",
)

class HonorStatus(str, Enum):
    planning = "谋划中"
    applying = "申报中"
    won = "已获得"
    lost = "未获得"


class Honor(VisibleRecord):
    """荣誉：争创的称号或奖项（国字号、省字头等）。"""

    id: Id
    """荣誉编号（英文），如 `HN-01`。"""
    name: Text
    """荣誉名称。"""
    level: Annotated[Text, Term("honor_levels")]
    """级别，取报告配置 `vocabulary.honor_levels` 中的一项（默认：国家级 / 省级 / 市级）。"""
    issuer: Text
    """授予（评选）机关。"""
    unit: UnitRef
    """争创单位编号。"""
    status: HonorStatus
    """状态：谋划中 / 申报中 / 已获得 / 未获得。"""
    deadline: Day | None = None
    """申报截止日期。"""
    awarded_on: Day | None = None
    """获得日期（状态为“已获得”时必填）。"""
    cases: list[CaseRef] = Field(default_factory=list)
    """支撑材料：典型案例编号。"""
    highlights: list[HighlightRef] = Field(default_factory=list)
    """支撑材料：亮点编号。"""
    note: str | None = None
    """说明。"""


HONORS = Kind(
    "honors", Honor, "荣誉", Files("file", "honors.yaml", group_field="level"), "HN-01",
    owner="unit", name_field="name", anchor_page="honors.md", list_title="荣誉", scaffold="honor",
)

# --------------------------------------------------------------------------- bottom lines


class CheckStatus(str, Enum):
    done = "已完成"
    rectifying = "整改中"
    pending = "未开始"


class BottomLineCheck(VisibleRecord):
    """底线自查事项（底线见报告配置 `vocabulary.bottom_lines`，默认安全生产、党风廉政）。"""

    id: Id
    """事项编号（英文），如 `BL-S-01`。"""
    line: Annotated[Text, Term("bottom_lines")]
    """底线，取报告配置 `vocabulary.bottom_lines` 中的一条（默认：安全生产 / 党风廉政）。"""
    unit: UnitRef
    """自查单位编号。"""
    item: Text
    """自查事项。"""
    status: CheckStatus
    """状态：已完成 / 整改中 / 未开始。"""
    checked_on: Day | None = None
    """自查日期。"""
    finding: str | None = None
    """发现的问题。"""
    rectification: str | None = None
    """整改措施及进展。"""


BOTTOM_LINES = Kind(
    "bottom_lines", BottomLineCheck, "底线自查事项", Files("file", "bottom_lines.yaml", group_field="line"), "BL-S-01",
    owner="unit", name_field="item", anchor_page="bottom-lines.md", list_title="底线自查", scaffold="bottom-line",
)

# --------------------------------------------------------------------------- the register

KINDS: tuple[Kind, ...] = (LEADERS, UNITS, TASKS, INDICATORS, PROJECTS, CASES, HIGHLIGHTS, HONORS, BOTTOM_LINES)
"""Every kind of record, in the order the data is read and listed (see register.py)."""
KIND_BY_KEY: dict[str, Kind] = {kind.key: kind for kind in KINDS}


# --------------------------------------------------------------------------- a data file


class DataFile(Record):
    """`data/` 下的一个 YAML 文件。每个文件可以包含下列任意几类数据（通常一个文件一类）。"""

    report: ReportConfig | None = None
    """报告配置（全部数据中只能出现一次，通常在 `data/report.yaml`）。"""
    leaders: list[Leader] = Field(default_factory=list)
    """局领导。"""
    units: list[Unit] = Field(default_factory=list)
    """单位（内设机构、直属单位）。"""
    tasks: list[Task] = Field(default_factory=list)
    """重点任务。"""
    indicators: list[Indicator] = Field(default_factory=list)
    """考核指标。"""
    projects: list[Project] = Field(default_factory=list)
    """重点工程。"""
    cases: list[Case] = Field(default_factory=list)
    """典型案例。"""
    highlights: list[Highlight] = Field(default_factory=list)
    """工作亮点。"""
    honors: list[Honor] = Field(default_factory=list)
    """荣誉。"""
    bottom_lines: list[BottomLineCheck] = Field(default_factory=list)
    """底线自查事项。"""
