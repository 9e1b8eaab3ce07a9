"""``workreport init``: a new department's ``data/``, valid and commented, ready to be filled in.

The skeleton is the smallest data a site builds from: the report (with every vocabulary
written out at its default, so the office sees what it may rename), one leader and one
unit. Text the office must write is a placeholder that ``check`` warns about until it is
replaced. The folder is written beside its place and renamed in at the end: an existing
``data/`` is never touched, and a failure leaves nothing behind.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .formatting import cn_number
from .model import Period, Vocabulary
from .schema import write_schema
from .validation import PLACEHOLDER
from .wording import PeriodShape, period_words
from .yamlappend import scalar

PERIOD_FORMS = "2026（全年）、2026-h1 / 2026-h2（上、下半年）、2026-q1…q4（季度）、2026-m09（月）、2026-ytd09（1月至9月，即前三季度）"


class SkeletonError(Exception):
    """Why no skeleton was written, in Chinese."""


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str) -> Period:
    """A period from its short form (``2026``, ``2026-h1``, ``2026-q3``, ``2026-m09``, ``2026-ytd09``)."""
    match = re.fullmatch(r"(\d{4})(?:-(h[12]|q[1-4]|m\d{2}|ytd\d{2}))?", text.strip().lower())
    if not match or not 1900 <= int(match[1]) <= 2099:
        raise SkeletonError(f"报告期“{text}”的写法不认识。可以写：{PERIOD_FORMS}")
    year, part = int(match[1]), match[2] or ""
    kind, number = re.fullmatch(r"([a-z]*)(\d*)", part).groups()  # type: ignore[union-attr]
    n = int(number or 0)
    if kind in ("m", "ytd") and not 1 <= n <= 12:
        raise SkeletonError(f"报告期“{text}”的月份应在 01 到 12 之间")
    first, last = {"": (1, 12), "h": (6 * n - 5, 6 * n), "q": (3 * n - 2, 3 * n), "m": (n, n), "ytd": (1, n)}[kind]
    start, end = dt.date(year, first, 1), _month_end(year, last)
    period_id = str(year) if not part else f"{year}-{part}"
    draft = Period(id=period_id, title=str(year), start=start, end=end)
    words = period_words(draft)
    title = f"{year}年" if words.shape is PeriodShape.year else f"{year}年{words.span}"
    return draft.model_copy(update={"title": title})


@dataclass(frozen=True)
class Department:
    bureau: str
    period: Period
    unit_word: str = "处室"


def _entry(value: Any) -> str:
    """One vocabulary entry in flow style: ``立项`` or ``{name: 省考, code: PROV}``."""
    if isinstance(value, str):
        return scalar(value)
    return "{" + ", ".join(f"{key}: {scalar(item)}" for key, item in value.items() if item is not False) + "}"


def _vocabulary_lines(unit_word: str) -> list[str]:
    defaults = Vocabulary(unit=unit_word).model_dump(mode="json", exclude_none=True)
    comments = {
        "unit": "内设机构的称呼：处室、科室或股室",
        "affiliated": "直属单位的称呼",
        "lines_of_work": "工作条线的总称，如“五大任务”“八大攻坚行动”（数目要与 categories 的条数一致）",
        "project_location": "重点工程所在地一栏的名称，如“乡镇（街道）”",
        "indicator_sources": "考核指标的来源；code 是新建指标编号里的代码；lead_department: true 表示须填局外牵头部门",
        "project_stages": "工程阶段，按先后排列；phase：preliminary 未开工、construction 施工中、built 已完工",
        "prerequisites": "工程前置要件",
        "honor_levels": "荣誉级别，从高到低；nickname 是荣誉墙上的叫法",
        "media_levels": "媒体级别，从高到低",
        "bottom_lines": "底线自查的底线；title 不填则按条数称“两条底线”等",
    }
    lines = ["  # 本单位的用词：下面是默认值，按本单位的叫法修改；用默认值的项也可以整项删去。", "  vocabulary:"]
    for key, value in defaults.items():
        lines.append(f"    # {comments[key]}")
        if isinstance(value, str):
            lines.append(f"    {key}: {scalar(value)}")
        elif key == "bottom_lines":
            lines.append("    bottom_lines:")
            lines.append("      lines:")
            lines.extend(f"        - {_entry(line)}" for line in value["lines"])
        else:
            lines.append(f"    {key}:")
            lines.extend(f"      - {_entry(item)}" for item in value)
    return lines


def report_text(department: Department) -> str:
    p = department.period
    words = period_words(p)
    lines = [
        "# yaml-language-server: $schema=schema/data.schema.json",
        "# 报告配置：全站所有数字都按截至日期（as_of）计算。标有“请填写”的地方填好后运行 make check。",
        "report:",
        f"  bureau: {scalar(department.bureau)}",
        "  period:",
        f"    id: {scalar(p.id)}  # 报告期编号：每个报告期是站点的一个版本",
        f"    title: {scalar(p.title)}",
        f"    start: {p.start}",
        f"    end: {p.end}",
        f"  as_of: {p.end}          # 截至日期：站点上的数字都按这一天计算，每次发布前改为数据截至的那一天",
        "  thresholds:",
        "    lagging: 5             # 实际进度低于序时进度 5 个百分点以上为“滞后”",
        "    seriously_lagging: 15  # 低于 15 个百分点以上为“严重滞后”",
        "  internal_deduction_multiplier: 2  # 被上级考核扣分的单位，局内部考核按此倍数扣分",
        *_vocabulary_lines(department.unit_word),
        "  # 工作总结中由本单位撰写的段落（纯文本）；不需要的可以删去",
        "  summary:",
        f"    opening: {scalar(PLACEHOLDER + '工作总结的开头段落，如“今年以来，我局坚持……”')}",
        f"    plans: {scalar(PLACEHOLDER + '“' + words.next + '工作计划”的开头段落，如“' + words.next + '，我局将……”')}",
        "  # 工作条线（顺序即站点上的顺序）：每条一项，编号用英文",
        "  categories:",
        *(
            line
            for n in (1, 2)
            for line in (f"    - id: line-{n}", f"      name: {scalar(f'{PLACEHOLDER}第{cn_number(n)}条工作条线的名称')}")
        ),
    ]
    return "\n".join(lines) + "\n"


def org_text(department: Department) -> str:
    return "\n".join([
        "# yaml-language-server: $schema=schema/data.schema.json",
        f"# 局领导和单位（{department.unit_word}、直属单位）。单位编号用英文，各类记录用它指明责任单位。",
        "leaders:",
        "  - id: director",
        f"    name: {scalar(PLACEHOLDER + '局长姓名')}",
        "    title: 局长",
        "units:",
        "  - id: office",
        "    name: 办公室",
        "    leader: director",
        "",
    ])


SEARCH_DICTIONARY = "序时进度 10 n\n"
"""The site search's dictionary of the bureau's words (one per line, as in the editor guide)."""


def skeleton_files(department: Department) -> dict[str, str]:
    """The skeleton's text files by their path under ``data/``."""
    return {
        "report.yaml": report_text(department),
        "org.yaml": org_text(department),
        "search_dict.txt": SEARCH_DICTIONARY,
    }


def write_skeleton(data_dir: Path, department: Department) -> list[Path]:
    """Write the skeleton into ``data_dir``, which must not exist or be empty; the files written."""
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        raise SkeletonError(f"{data_dir} 已存在且不为空：为免覆盖已有数据，init 只写入不存在或空的目录")
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}-init-", dir=data_dir.parent))
    try:
        for name, text in skeleton_files(department).items():
            (scratch / name).write_text(text, encoding="utf-8")
        (scratch / "photos").mkdir()
        (scratch / "photos" / ".gitkeep").write_text("", encoding="utf-8")
        write_schema(scratch, Vocabulary(unit=department.unit_word))
        if data_dir.exists():
            data_dir.rmdir()
        scratch.rename(data_dir)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return sorted(p for p in data_dir.rglob("*") if p.is_file())
