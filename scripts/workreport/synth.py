"""Synthetic data at scale, for benchmarks: ``workreport generate --scale 10 --seed 1 --out DIR``.

The template bureau (``data/`` by default) is cloned once per scale step, as a province
would put its city and county bureaus on one site: each copy gets its own place names,
unit and leader names, ids with a numeric suffix, and fresh dates, logs, figures and text.
Every text is rebuilt from sentences and phrases cut out of the template's own fields, so
the vocabulary stays the bureau's (this module holds no subject matter, only syllables for
place and person names and a few neutral sentences that carry them). The output passes
``workreport check`` without an error or a warning.

Everything follows from ``random.Random`` seeded with the seed (one generator per copy,
so scale 2 begins with the records of scale 1), never from the clock: the same scale and
seed give byte-identical files.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import itertools
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from . import model
from .dataset import Dataset
from .loading import load_dataset
from .schema import SCHEMA_FILE, write_schema
from .validation import KIND_LABELS, PHOTO_SUFFIXES

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[2] / "data"
SEARCH_DICT = "search_dict.txt"
RECORD_KINDS = ("leaders", "units", "tasks", "indicators", "projects", "cases", "highlights", "honors", "bottom_lines")
LABELS = {**KIND_LABELS, "bottom_lines": "底线自查", "photos": "照片"}

# Place and person names: plain syllables, nothing specific to one bureau.
PLACE_SYLLABLES = "青柳桃石龙凤金白黄丰安平永宁清明新东西南北双长云林松梅兰竹泉山岭塘源阳城华兴和嘉盛福瑞康泰临江沙溪禾渠湾洲"
PLACE_SUFFIXES = ("县", "县", "区", "市")
WATER_SUFFIXES = ("河", "湖", "溪", "港", "江", "荡", "浦")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆孔崔康毛邱秦江史顾侯邵孟万段钱汤尹黎易常武乔贺赖龚文"
GIVEN_NAMES = "文明华建国立新志海清宇嘉思远航博雅晓岚振平正永安宏伟涛峰军敏静丽芳婷慧颖欣怡晨阳洋浩然轩舟川禾秋宁家学启"

# Glue sentences that carry generated place names into every text.
GLUE = (
    "{county}{water}沿线相关工作同步推进，责任逐级压实到位。",
    "{county}、{county2}两地建立周调度、月通报工作机制，问题逐项销号。",
    "{water}段已纳入{place}年度重点推进清单，明确责任人和完成时限。",
    "{county}结合实际细化工作方案，形成问题、任务、责任三张清单。",
    "下一步将聚焦{county}{water}等重点区域，加大督查督办力度。",
    "{place}对{county}、{county2}开展实地督导，现场交办问题{n}个。",
)
# The last resort when the template has no text of some kind.
GENERIC = ("各项工作按计划有序推进，阶段目标基本实现。", "对照年度目标逐项梳理，明确责任单位和完成时限。")
STAGE_NOTES = {
    model.Stage.construction: "工程开工建设。",
    model.Stage.completed: "工程全面完工。",
    model.Stage.accepted: "通过竣工验收。",
    model.Stage.audited: "竣工决算报告报送审计。",
}
PRACTICES = (2, 5)
CASE_PHOTOS = (1, 3)


class SynthError(Exception):
    """A reason, in Chinese, why nothing was generated."""


# ---------------------------------------------------------------------- YAML out


class _Dumper(yaml.SafeDumper):
    """safe_dump without anchors (shared dates would become &id001) and with block text."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # lists indented under their key, as editors write them


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(document: dict[str, Any]) -> str:
    return yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)


def clean(**fields: Any) -> dict[str, Any]:
    """A record as written by hand: fields in the order given; None, empty lists and false flags left out."""
    return {k: v for k, v in fields.items() if v is not None and v != [] and v != {} and v is not False}


def num(value: float, digits: int = 2) -> int | float:
    """A number as an editor writes it: 12, not 12.0."""
    value = round(value, digits)
    return int(value) if float(value).is_integer() else value


def decimals(values: Sequence[float]) -> int:
    """How many decimals the template writes (15.08 -> 2), so copies look alike."""
    return max((len(f"{float(v):.6f}".rstrip("0").split(".")[1]) for v in values), default=0)


# ---------------------------------------------------------------------- dates


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month's last day from ``first`` to ``last``, both included."""
    found, year, month = [], first.year, first.month
    while (day := month_end(year, month)) <= last:
        if day >= first:
            found.append(day)
        year, month = add_months(day, 1)
    return found


def between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def ascending(rng: random.Random, first: dt.date, last: dt.date, count: int) -> list[dt.date]:
    """``count`` different days between ``first`` and ``last``, earliest first."""
    span = max((last - first).days, count)
    return [first + dt.timedelta(days=d) for d in sorted(rng.sample(range(span + 1), count))]


# ---------------------------------------------------------------------- the template's words


def sentences(text: str | None) -> list[str]:
    """A paragraph cut into sentences, each ending with its stop."""
    found = [s.strip() for s in re.findall(r"[^。！？\n]+[。！？]?", text or "")]
    return [s if s[-1] in "。！？" else s + "。" for s in found if len(s) > 1]


@dataclass
class Vocabulary:
    """The template's texts, by the field they came from: sentences to recombine, phrases to reuse."""

    sentences: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    phrases: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))

    def text(self, kind: str, value: str | None, category: str | None = None) -> None:
        for key in (kind, f"{kind}@{category}") if category else (kind,):
            pool = self.sentences[key]
            pool.extend(s for s in sentences(value) if s not in pool)

    def phrase(self, kind: str, value: Any, category: str | None = None) -> None:
        for key in (kind, f"{kind}@{category}") if category else (kind,):
            if value and value not in self.phrases[key]:
                self.phrases[key].append(value)

    def pool(self, kind: str) -> list[str]:
        return self.sentences.get(kind) or [s for k, v in self.sentences.items() if "@" not in k for s in v] or list(GENERIC)


def harvest(data: Dataset) -> Vocabulary:
    words = Vocabulary()
    for task in data.tasks:
        words.text("result", task.first_half_result, task.category)
        words.text("plan", task.second_half_plan, task.category)
        words.text("problem", task.problems, task.category)
        for entry in task.progress:
            words.text("progress_note", entry.note)
    for indicator in data.indicators:
        words.text("indicator_note", indicator.note)
        for value in indicator.values:
            words.text("value_note", value.note)
        for deduction in indicator.deductions:
            words.phrase("deduction", deduction.reason)
        for bonus in indicator.bonuses:
            words.phrase("bonus", bonus.title)
    for project in data.projects:
        words.text("project_problem", project.problems, project.category)
        for item in project.progress:
            words.text("project_note", item.note if item.stage is None else None)
        for prerequisite in project.prerequisites:
            words.text("prerequisite_note", prerequisite.note)
    for case in data.cases:
        harvest_case(words, case)
    for highlight in data.highlights:
        harvest_highlight(words, highlight)
    for honor in data.honors:
        words.text("honor_note", honor.note)
    for check in data.bottom_lines:
        words.phrase(f"item:{check.line.value}", check.item)
        words.text("finding", check.finding)
        words.text("rectification", check.rectification)
    return words


def harvest_case(words: Vocabulary, case: model.Case) -> None:
    for kind, text in (
        ("case_summary", case.summary), ("case_background", case.background),
        ("case_results", case.results.text), ("case_lessons", case.lessons),
    ):
        words.text(kind, text, case.category)
    lead = case.title.rpartition("：")[0]
    words.phrase("case_lead", lead)
    for practice in case.practices:
        words.phrase("practice_title", practice.title, case.category)
        words.text("practice", practice.text, case.category)
    for figure in case.results.figures:
        words.phrase("figure", (figure.label, figure.measure, figure.value))
    for tag in case.tags:
        words.phrase("tag", tag)
    for photo in case.photos:
        words.phrase("caption", photo.caption)


def harvest_highlight(words: Vocabulary, highlight: model.Highlight) -> None:
    words.text("highlight_summary", highlight.summary, highlight.category)
    for tag in highlight.tags:
        words.phrase("tag", tag)
    if highlight.key_figure:
        figure = highlight.key_figure
        words.phrase("figure", (figure.label, figure.measure, figure.value))
    for media in highlight.media:
        words.phrase("outlet", (media.outlet, media.level.value))
        words.phrase("media_title", media.title)
    for photo in highlight.photos:
        words.phrase("caption", photo.caption)


# ---------------------------------------------------------------------- one bureau of the province


def template_places(data: Dataset) -> tuple[str, list[str]]:
    """The template bureau's own place (澄川市) and its counties, to be renamed in every copy."""
    found = re.match(r"^(.{2,4}?[省市县区州盟旗])", data.report.bureau)
    counties = list(dict.fromkeys(p.county for p in data.projects))
    return (found.group(1) if found else ""), counties


def stem(place: str) -> str:
    return place[:-1] if len(place) >= 3 and place[-1] in "省市县区州盟旗" else place


class NameMaker:
    """Place and person names from syllables; places never repeat across the province."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def syllables(self, unique: bool = True) -> str:
        """Two syllables (three once two-syllable words run short), unused so far when ``unique``."""
        for attempt in itertools.count():
            word = "".join(self.rng.sample(PLACE_SYLLABLES, 2 if attempt < 40 else 3))
            if not unique:
                return word
            if word not in self.used:
                self.used.add(word)
                return word
        raise AssertionError("unreachable")

    def place(self, suffix: str | None = None) -> str:
        return self.syllables() + (suffix or self.rng.choice(PLACE_SUFFIXES))

    def person(self) -> str:
        given = "".join(self.rng.sample(GIVEN_NAMES, self.rng.choice((1, 2, 2))))
        return self.rng.choice(SURNAMES) + given


@dataclass
class Bureau:
    """One copy of the template bureau: its number, names and its own random generator."""

    number: int
    tag: str
    rng: random.Random
    names: NameMaker
    place: str
    counties: list[str]
    waters: list[str]
    renames: dict[str, str]
    _pattern: re.Pattern[str] | None = None

    def ref(self, record_id: str | None) -> str | None:
        """The id of the copy of a template record."""
        return None if record_id is None else f"{record_id}-{self.tag}"

    def refs(self, ids: Sequence[str]) -> list[str]:
        return [f"{i}-{self.tag}" for i in ids]

    @property
    def stem(self) -> str:
        return stem(self.place)

    def local(self, text: str) -> str:
        """Template text with the template's place names replaced by this bureau's."""
        if not self.renames:
            return text
        if self._pattern is None:
            keys = sorted(self.renames, key=len, reverse=True)
            self._pattern = re.compile("|".join(map(re.escape, keys)))
        return self._pattern.sub(lambda m: self.renames[m.group(0)], text)


def make_bureau(number: int, width: int, seed: int, names: NameMaker, template: tuple[str, list[str]]) -> Bureau:
    """The first copy keeps the template's own place (the site's bureau); the others are new places."""
    rng = random.Random(f"{seed}:bureau:{number}")
    place, counties = template
    own = place if number == 1 and place else names.place()
    names.used.add(stem(own))
    new_counties = [names.place(rng.choice(("县", "区"))) for _ in counties or range(6)]
    renames = {place: own, stem(place): stem(own)} if place and own != place else {}
    for old, new in zip(counties, new_counties):
        renames[old] = new
        if stem(old) != old and len(stem(old)) >= 2:
            renames[stem(old)] = stem(new)
    waters = [names.syllables() + rng.choice(WATER_SUFFIXES) for _ in range(6)]
    return Bureau(number, f"{number:0{width}d}", rng, names, own, new_counties, waters, renames)


# ---------------------------------------------------------------------- text


class Writer:
    """Paragraphs of a given length from the template's sentences, in a bureau's places."""

    def __init__(self, words: Vocabulary, bureau: Bureau):
        self.words = words
        self.b = bureau
        self.rng = bureau.rng

    def glue(self) -> str:
        county, county2 = self.rng.sample(self.b.counties, 2) if len(self.b.counties) > 1 else (self.b.place,) * 2
        return self.rng.choice(GLUE).format(
            county=county, county2=county2, water=self.rng.choice(self.b.waters), place=self.b.place,
            n=self.rng.randint(3, 60),
        )

    def paragraph(self, kind: str, low: int, high: int, own: str | None = None, category: str | None = None) -> str:
        """``low``–``high`` characters: a sentence or two of the record's own template text, then
        sentences of the same kind (mostly from the same line of work) and a place-name sentence."""
        rng = self.rng
        goal = rng.randint(low, high)
        parts: list[str] = []
        mine = sentences(own)
        for sentence in mine[: rng.randint(1, 2)] if mine else []:
            if len(sentence) + sum(map(len, parts)) <= goal:
                parts.append(self.b.local(sentence))
        if rng.random() < 0.5:
            parts.insert(rng.randint(0, len(parts)), self.glue())
        size = sum(map(len, parts))
        near = self.words.sentences.get(f"{kind}@{category}") if category else None
        anywhere = self.words.pool(kind)
        for _ in range(40):
            if size >= goal:
                break
            candidate = self.b.local(rng.choice(near if near and rng.random() < 0.7 else anywhere))
            if candidate in parts or size + len(candidate) > high:
                continue
            parts.append(candidate)
            size += len(candidate)
        while size < low:
            parts.append(self.glue())
            size += len(parts[-1])
        text = "".join(parts)
        return text if len(text) <= high else text[: high - 1].rstrip("，、；") + "。"

    def paragraphs(
        self, kind: str, count: tuple[int, int], low: int, high: int, own: str | None = None, category: str | None = None
    ) -> str:
        """Paragraphs separated by blank lines; the first begins with the record's own text."""
        return "\n\n".join(
            self.paragraph(kind, low, high, own if index == 0 else None, category)
            for index in range(self.rng.randint(*count))
        )

    def phrase(self, kind: str, fallback: str = "") -> str:
        pool = self.words.phrases.get(kind)
        return self.b.local(self.rng.choice(pool)) if pool else fallback

    def phrases(self, kind: str, count: int, category: str | None = None) -> list[Any]:
        """``count`` different phrases (fewer if the template has fewer), from the same line of work first."""
        near = self.words.phrases.get(f"{kind}@{category}", []) if category else []
        chosen = self.rng.sample(near, min(count, len(near)))
        rest = [p for p in self.words.phrases.get(kind, []) if p not in chosen]
        return chosen + self.rng.sample(rest, min(count - len(chosen), len(rest)))

    def title(self, base: str, low: int = 10, high: int = 30) -> str:
        """A title of ``low``–``high`` characters made from a template title and a place name."""
        base = self.b.local(base)
        where = f"（{self.b.place}）"
        county = self.rng.choice(self.b.counties or [self.b.place])
        options = [base, f"{self.b.place}{base}", f"{county}{base}", f"{base}{where}"]
        fitting = [o for o in options if low <= len(o) <= high] or [f"{county}{base}{where}"]
        return self.rng.choice(fitting)[:high]


# ---------------------------------------------------------------------- records


class Synthesizer:
    """Builds one bureau's records from the template's, record by record."""

    def __init__(self, data: Dataset, words: Vocabulary, bureau: Bureau, photos: Callable[[str, int], list[str]]):
        self.data = data
        self.words = words
        self.b = bureau
        self.rng = bureau.rng
        self.write = Writer(words, bureau)
        self.photos = photos
        report = data.report
        self.start, self.as_of = report.period.start, report.as_of
        self.log_days = month_ends(self.start, self.as_of)

    def day(self, first: dt.date | None = None, last: dt.date | None = None) -> dt.date:
        return between(self.rng, first or self.start, last or self.as_of)

    # -------------------------------------------------------------- organisation

    def leader(self, proto: model.Leader) -> dict[str, Any]:
        return clean(
            id=self.b.ref(proto.id), name=self.b.names.person(), title=proto.title,
            responsibilities=self.b.local(proto.responsibilities) if proto.responsibilities else None,
            visibility=_visibility(proto),
        )

    def unit(self, proto: model.Unit, template_place: str, bureau_word: str) -> dict[str, Any]:
        """A unit named after its bureau (青溪县水利局办公室), or after its place if it has one already."""
        if template_place and template_place in proto.name:
            name = self.b.local(proto.name)
        else:
            name = f"{self.b.place}{bureau_word}{proto.name}"
        short = f"{self.b.stem}{proto.label}"
        return clean(
            id=self.b.ref(proto.id), name=name, short_name=short if len(short) <= 10 else None,
            kind=proto.kind.value if proto.kind is model.UnitKind.affiliated else None,
            leader=self.b.ref(proto.leader), head=self.b.names.person(),
            duties=self.b.local(proto.duties) if proto.duties else None, visibility=_visibility(proto),
        )

    # -------------------------------------------------------------- tasks

    def task(self, proto: model.Task) -> dict[str, Any]:
        start, end = self.window(proto.window)
        target = None
        if proto.target is not None:
            value = num(max(1.0, proto.target.value * self.rng.uniform(0.6, 1.6)), 0 if proto.target.value.is_integer() else 1)
            description = self.b.local(proto.target.description) if proto.target.description else None
            target = clean(value=value, measure=proto.target.measure, description=description)
        planned = self.planned(start, end) if proto.planned else []
        curve = [(start, 0.0), *((p["date"], float(p["percent"])) for p in planned), (end, 100.0)]
        internal = ["problems"] if proto.problems and not proto.is_internal and self.rng.random() < 0.08 else []
        return clean(
            id=self.b.ref(proto.id), title=self.write.title(proto.title), category=proto.category,
            owner_unit=self.b.ref(proto.owner_unit), partner_units=self.b.refs(proto.partner_units),
            leader=self.b.ref(proto.leader), headline=proto.headline, visibility=_visibility(proto),
            internal_fields=internal, target=target, window={"start": start, "end": end}, planned=planned,
            milestones=self.milestones([m.title for m in proto.milestones], start, end),
            progress=self.task_log(curve, target["value"] if target else None),
            first_half_result=self.text("result", proto.first_half_result, proto.category),
            second_half_plan=self.text("plan", proto.second_half_plan, proto.category),
            problems=self.text("problem", proto.problems, proto.category),
        )

    def text(self, kind: str, own: str | None, category: str | None, low: int = 80, high: int = 200) -> str | None:
        """A paragraph where the template record has one, none where it has none."""
        return self.write.paragraph(kind, low, high, own, category) if own else None

    def window(self, proto: model.Window) -> tuple[dt.date, dt.date]:
        year, month = add_months(proto.start, self.rng.choice((0, 0, 0, -1, 1)))
        start = dt.date(year, month, 1)
        end = month_end(*add_months(proto.end, self.rng.choice((0, 0, 0, -1, 1, 2))))
        if (end - start).days < 45:
            end = month_end(*add_months(start, 2))
        return start, end

    def planned(self, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
        """A back-loaded planned curve through the quarter ends of the window."""
        quarters = [d for d in month_ends(start, end) if d.month % 3 == 0 and d > start]
        if end not in quarters:
            quarters.append(end)
        skew, points, previous = self.rng.uniform(1.1, 1.8), [], 0
        for day in quarters:
            share = (day - start).days / (end - start).days
            percent = 100 if day == end else max(previous, 5 * round(100 * share**skew / 5))
            points.append({"date": day, "percent": percent})
            previous = percent
        return points

    def milestones(self, titles: list[str], start: dt.date, end: dt.date) -> list[dict[str, Any]]:
        """The template task's milestones in their order, on new month ends of the window."""
        if not titles:
            return []
        ends = month_ends(start, end) or [end]
        dues = sorted(self.rng.sample(ends, min(len(titles), len(ends))))
        found = []
        for index, due in enumerate(dues):
            done_on = None
            if due <= self.as_of and self.rng.random() < 0.85:
                late = due + dt.timedelta(days=self.rng.randint(-20, 25))
                done_on = min(self.as_of, max(start, late))
            found.append(clean(title=self.b.local(titles[index]), due=due, done_on=done_on))
        return found

    def task_log(self, curve: list[tuple[dt.date, float]], target: float | None) -> list[dict[str, Any]]:
        """Month-end cumulative progress from the expected curve, with a pace of its own."""
        days = [d for d in self.log_days if d >= curve[0][0]]
        pace, last, entries = self.rng.uniform(0.55, 1.15), 0.0, []
        whole = target is not None and float(target).is_integer()
        for day in days:
            if day != days[-1] and self.rng.random() < 0.12:
                continue
            percent = min(100.0, max(last, expected(day, curve) * pace + self.rng.uniform(-2, 3)))
            note = self.b.local(self.rng.choice(self.words.pool("progress_note"))) if self.rng.random() < 0.35 else None
            if target is None:
                entries.append(clean(date=day, percent=num(percent, 0), note=note))
            else:
                done = round(target * percent / 100) if whole else round(target * percent / 100, 1)
                entries.append(clean(date=day, done=num(done), note=note))
            last = percent
            if percent >= 100:
                break
        return entries

    # -------------------------------------------------------------- indicators

    def indicator(self, proto: model.Indicator) -> dict[str, Any]:
        target = proto.target
        return clean(
            id=self.b.ref(proto.id), name=f"{self.b.place}{self.b.local(proto.name)}", source=proto.source.value,
            owner_unit=self.b.ref(proto.owner_unit), visibility=_visibility(proto),
            lead_department=self.b.local(proto.lead_department) if proto.lead_department else None,
            weight=num(proto.weight),
            target=clean(
                value=num(target.value), direction=target.direction.value, measure=target.measure,
                cumulative=target.cumulative,
            ),
            values=self.values(proto),
            deductions=self.deductions(proto), bonuses=self.bonuses(proto),
            note=self.text("indicator_note", proto.note, None, 30, 120),
        )

    def values(self, proto: model.Indicator) -> list[dict[str, Any]]:
        """The template's monthly values, scaled; cumulative ones stay cumulative."""
        raw = [v.value for v in proto.values]
        digits = min(2, decimals(raw))
        cumulative = proto.target.cumulative
        factor = self.rng.uniform(0.75, 1.2) if cumulative else self.rng.uniform(0.96, 1.03)
        cap = 100.0 if proto.target.measure == "%" else float("inf")
        found, last = [], None
        for entry in proto.values:
            value = entry.value * factor * (1 if cumulative else self.rng.uniform(0.995, 1.005))
            value = min(cap, round(value, digits))
            if cumulative and last is not None:
                value = max(value, last)
            note = self.b.local(self.rng.choice(self.words.pool("value_note"))) if entry.note else None
            found.append(clean(date=entry.date, value=num(value, digits), note=note))
            last = value
        return found

    def deductions(self, proto: model.Indicator) -> list[dict[str, Any]]:
        units = [self.b.ref(proto.owner_unit)] + [self.b.ref(d.unit) for d in proto.deductions]
        count = len(proto.deductions) + (1 if self.rng.random() < 0.25 else 0)
        days = sorted(self.day() for _ in range(count))
        return [
            {
                "date": day, "points": self.rng.choice((0.2, 0.3, 0.4, 0.5, 1)),
                "reason": self.write.phrase("deduction", "考核扣分。"), "unit": self.rng.choice(units),
            }
            for day in days
        ]

    def bonuses(self, proto: model.Indicator) -> list[dict[str, Any]]:
        count = len(proto.bonuses) + (1 if self.rng.random() < 0.2 else 0)
        found = []
        for _ in range(count):
            status = self.rng.choice(list(model.BonusStatus))
            found.append(clean(
                title=self.write.phrase("bonus", "争取上级激励。"), points=self.rng.choice((0.5, 1)),
                unit=self.b.ref(proto.owner_unit), status=status.value,
                date=self.day() if status is model.BonusStatus.secured else None,
            ))
        return found

    # -------------------------------------------------------------- projects

    def project(self, proto: model.Project) -> dict[str, Any]:
        plan = num(round(proto.investment.planned_this_year * self.rng.uniform(0.6, 1.5), -1) or 100)
        total = num(max(plan, round(proto.investment.total * self.rng.uniform(0.6, 1.6), -1)))
        timeline = self.timeline(proto.stage)
        county = self.rng.choice(self.b.counties or [self.b.place])
        return clean(
            id=self.b.ref(proto.id), name=f"{county}{self.b.names.syllables(unique=False)}{proto.kind}工程",
            kind=proto.kind,
            county=county, owner_unit=self.b.ref(proto.owner_unit), category=proto.category,
            stage=proto.stage.value, visibility=_visibility(proto),
            internal_fields=["problems"] if proto.problems and self.rng.random() < 0.05 else [],
            prerequisites=self.prerequisites(proto.stage, timeline.start),
            investment={"total": total, "planned_this_year": plan},
            dates=clean(
                start=timeline.start, planned_completion=timeline.planned_completion,
                completed=timeline.completed, accepted=timeline.accepted,
            ),
            progress=self.project_log(proto.stage, timeline, float(plan)),
            tasks=self.b.refs(proto.tasks),
            problems=self.text("project_problem", proto.problems, proto.category, 60, 180),
        )

    def timeline(self, stage: model.Stage) -> Timeline:
        """Key dates that agree with the stage on the as-of date, and the stage changes to log."""
        start, as_of, days = self.start, self.as_of, (self.as_of - self.start).days
        rng, S = self.rng, model.Stage
        if stage is S.preliminary:
            begin = as_of + dt.timedelta(days=rng.randint(30, 200))
            return Timeline(begin, begin + dt.timedelta(days=rng.randint(150, 700)))
        if stage is S.construction:
            if rng.random() < 0.5:
                begin = start - dt.timedelta(days=rng.randint(60, 400))
                return Timeline(begin, max(as_of, begin) + dt.timedelta(days=rng.randint(30, 500)))
            begin = self.day(start + dt.timedelta(days=15), as_of - dt.timedelta(days=20))
            return Timeline(begin, begin + dt.timedelta(days=rng.randint(200, 700)), changes=[(begin, S.construction)])
        if stage is S.completed:
            done = self.day(start + dt.timedelta(days=20), as_of - dt.timedelta(days=5))
            begin = done - dt.timedelta(days=rng.randint(250, 600))
            planned = max(begin + dt.timedelta(days=30), done + dt.timedelta(days=rng.randint(-40, 40)))
            return Timeline(begin, planned, done, changes=[(done, S.completed)])
        if stage is S.accepted:
            done = start + dt.timedelta(days=rng.randint(-200, min(60, days // 3)))
            accepted = self.day(max(done + dt.timedelta(days=30), start + dt.timedelta(days=10)), as_of - dt.timedelta(days=3))
            changes = [(done, S.completed)] if done >= start else []
            begin = done - dt.timedelta(days=rng.randint(250, 600))
            return Timeline(begin, done, done, accepted, changes + [(accepted, S.accepted)])
        audit = self.day(start + dt.timedelta(days=10), as_of - dt.timedelta(days=10))
        accepted = start - dt.timedelta(days=rng.randint(5, 150))
        done = accepted - dt.timedelta(days=rng.randint(30, 200))
        begin = done - dt.timedelta(days=rng.randint(250, 600))
        return Timeline(begin, done, done, accepted, [(audit, S.audited)])

    def prerequisites(self, stage: model.Stage, begin: dt.date) -> list[dict[str, Any]]:
        """Approvals in their usual order: all done before a project starts, the first few for one in 前期."""
        rng = self.rng
        kinds = [k for i, k in enumerate(model.PrerequisiteKind) if i < 2 or rng.random() < 0.6]
        if stage is model.Stage.preliminary:
            finished = rng.randint(1, len(kinds) - 1)
            done = ascending(rng, self.start - dt.timedelta(days=300), self.as_of - dt.timedelta(days=5), finished)
            still_open = ascending(rng, self.as_of - dt.timedelta(days=40), begin, len(kinds) - finished)
        else:
            if stage is not model.Stage.construction and rng.random() < 0.4:
                return []  # old projects: approvals long filed, as in the template
            pending = 1 if stage is model.Stage.construction and rng.random() < 0.25 else 0  # e.g. 征迁 lagging
            done = ascending(rng, begin - dt.timedelta(days=400), begin - dt.timedelta(days=5), len(kinds) - pending)
            still_open = [self.day(begin, self.as_of + dt.timedelta(days=60))] * pending
        found = []
        for index, kind in enumerate(kinds):
            note = self.b.local(rng.choice(self.words.pool("prerequisite_note"))) if rng.random() < 0.25 else None
            if index < len(done):
                planned = done[index] - dt.timedelta(days=rng.randint(0, 20)) if rng.random() < 0.4 else None
                found.append(clean(name=kind.value, planned=planned, done_on=done[index], note=note))
            else:
                found.append(clean(name=kind.value, planned=still_open[index - len(done)], note=note))
        return found

    def project_log(self, stage: model.Stage, timeline: Timeline, plan: float) -> list[dict[str, Any]]:
        """Month-end entries (形象进度 while building, investment always) plus one entry per stage change."""
        days = [d for d in self.log_days if d == self.log_days[-1] or self.rng.random() < 0.85]
        if stage is model.Stage.preliminary:
            days = sorted(self.rng.sample(self.log_days, self.rng.randint(2, min(4, len(self.log_days)))))
        changes = dict(timeline.changes)
        days = sorted(set(days) | set(changes))
        first = self.rng.uniform(2, 8) if timeline.start >= self.start else self.rng.uniform(15, 60)
        building = [d for d in days if timeline.start <= d and (timeline.completed is None or d < timeline.completed)]
        last = self.rng.uniform(88, 99) if timeline.completed else min(97.0, first + self.rng.uniform(10, 50))
        percents = dict(zip(building, _rising(self.rng, first, last, len(building))))
        if timeline.completed and timeline.completed in changes:
            percents[timeline.completed] = 100
        share = {
            model.Stage.preliminary: (0.01, 0.12), model.Stage.construction: (0.3, 0.85),
            model.Stage.completed: (0.75, 1.0),
        }.get(stage, (0.4, 1.0))
        invested = _rising(self.rng, 0, plan * self.rng.uniform(*share), len(days))
        entries = []
        for day, amount in zip(days, invested):
            stage_change = changes.get(day)
            note = STAGE_NOTES[stage_change] if stage_change else None
            if note is None and self.rng.random() < 0.35:
                note = self.b.local(self.rng.choice(self.words.pool("project_note")))
            entries.append(clean(
                date=day, percent=num(percents[day], 0) if day in percents else None, invested=num(amount, 0),
                stage=stage_change.value if stage_change else None, note=note,
            ))
        return entries

    # -------------------------------------------------------------- cases, highlights, honors, checks

    def case(self, proto: model.Case) -> dict[str, Any]:
        case_id = self.b.ref(proto.id)
        w = self.write
        related, cat = proto.related, proto.category
        tags = list(dict.fromkeys([*proto.tags[:1], *w.phrases("tag", self.rng.randint(1, 3))]))
        return clean(
            id=case_id, title=self.case_title(proto.title), unit=self.b.ref(proto.unit), category=proto.category,
            visibility=_visibility(proto), date=self.day(self.start + dt.timedelta(days=30)),
            tags=[self.b.local(t) for t in tags],
            summary=w.paragraph("case_summary", 60, 150, proto.summary, cat),
            background=w.paragraphs("case_background", (2, 3), 100, 300, proto.background, cat),
            practices=self.practices(proto),
            results={
                "text": w.paragraphs("case_results", (1, 2), 100, 300, proto.results.text, cat),
                "figures": self.figures(2, 4),
            },
            lessons=w.paragraphs("case_lessons", (1, 2), 100, 300, proto.lessons, cat),
            photos=self.photo_list(case_id, self.rng.randint(*CASE_PHOTOS)),
            related=clean(
                tasks=self.b.refs(related.tasks), indicators=self.b.refs(related.indicators),
                projects=self.b.refs(related.projects),
            ),
            honors=self.b.refs(proto.honors),
        )

    def practices(self, proto: model.Case) -> list[dict[str, str]]:
        """2–5 practices: the template case's own first, then others of the same line of work."""
        count = self.rng.randint(*PRACTICES)
        own = proto.practices[:count]
        titles = [p.title for p in own] + [
            t for t in self.write.phrases("practice_title", count + len(own), proto.category)
            if t not in {p.title for p in own}
        ]
        found = []
        for index, title in enumerate(titles[:count]):
            text = own[index].text if index < len(own) else None
            found.append({
                "title": self.b.local(title),
                "text": self.write.paragraph("practice", 100, 300, text, proto.category),
            })
        return found

    def case_title(self, proto_title: str) -> str:
        lead, _, topic = self.b.local(proto_title).rpartition("：")
        other = self.write.phrase("case_lead")
        options = [f"{lead}：{topic}" if lead else topic, topic, f"{other}：{topic}" if other else topic]
        fitting = [o for o in options if 10 <= len(o) <= 30]
        return self.rng.choice(fitting) if fitting else self.write.title(topic)

    def figures(self, low: int, high: int, own: list[tuple[str, str, float]] | None = None) -> list[dict[str, Any]]:
        """Key figures: the template record's own (``own``) or others of the template, values rescaled."""
        found = []
        for label, measure, value in own or self.write.phrases("figure", self.rng.randint(low, high)):
            digits = min(2, decimals([value]))
            found.append(clean(label=self.b.local(label), value=num(value * self.rng.uniform(0.5, 2), digits) or 1,
                               measure=measure or None))
        return found

    def photo_list(self, record_id: str, count: int) -> list[dict[str, Any]]:
        files = self.photos(record_id, count)
        captions = [self.b.local(c) for c in self.write.phrases("caption", len(files))]
        captions += [f"现场照片{i + 1}" for i in range(len(captions), len(files))]
        return [{"file": f, "caption": c} for f, c in zip(files, captions)]

    def highlight(self, proto: model.Highlight) -> dict[str, Any]:
        highlight_id = self.b.ref(proto.id)
        day = self.day()
        own = proto.key_figure
        figures = self.figures(1, 1, [(own.label, own.measure, own.value)] if own else None)
        media = []
        for outlet, level in self.write.phrases("outlet", self.rng.randint(1, 3)):
            media.append(clean(
                outlet=self.b.local(outlet), level=level, date=self.day(day),
                title=self.write.phrase("media_title") or None,
            ))
        tags = dict.fromkeys([*proto.tags[:1], *self.write.phrases("tag", 2)])
        return clean(
            id=highlight_id, visibility=_visibility(proto), title=self.write.title(proto.title),
            summary=self.write.paragraph("highlight_summary", 80, 200, proto.summary, proto.category),
            unit=self.b.ref(proto.unit), category=proto.category, date=day,
            tags=[self.b.local(t) for t in tags], key_figure=figures[0] if figures else None,
            media=sorted(media, key=lambda m: m["date"]), photos=self.photo_list(highlight_id, len(proto.photos)),
        )

    def honor(self, proto: model.Honor) -> dict[str, Any]:
        won = proto.status is model.HonorStatus.won
        deadline = proto.deadline + dt.timedelta(days=self.rng.randint(-20, 20)) if proto.deadline else None
        return clean(
            id=self.b.ref(proto.id), name=self.b.local(proto.name), level=proto.level.value,
            issuer=self.b.local(proto.issuer), unit=self.b.ref(proto.unit), status=proto.status.value,
            visibility=_visibility(proto), deadline=deadline, awarded_on=self.day() if won else None,
            cases=self.b.refs(proto.cases), highlights=self.b.refs(proto.highlights),
            note=self.text("honor_note", proto.note, None, 40, 150),
        )

    def bottom_line(self, proto: model.BottomLineCheck, statuses: Sequence[model.CheckStatus]) -> dict[str, Any]:
        status = self.rng.choice(statuses)
        started = status is not model.CheckStatus.pending
        return clean(
            id=self.b.ref(proto.id), line=proto.line.value, unit=self.b.ref(proto.unit),
            item=self.b.local(proto.item) if self.rng.random() < 0.6 else self.write.phrase(f"item:{proto.line.value}"),
            status=status.value,
            visibility=_visibility(proto),
            checked_on=self.day(self.as_of - dt.timedelta(days=60)) if started else None,
            finding=self.write.paragraph("finding", 30, 120, proto.finding) if started else None,
            rectification=self.write.paragraph("rectification", 30, 120, proto.rectification)
            if status is not model.CheckStatus.done else None,
        )


@dataclass
class Timeline:
    start: dt.date
    planned_completion: dt.date
    completed: dt.date | None = None
    accepted: dt.date | None = None
    changes: list[tuple[dt.date, model.Stage]] = field(default_factory=list)


def expected(day: dt.date, curve: list[tuple[dt.date, float]]) -> float:
    """序时进度 on ``day`` along a piecewise-linear curve from the window's start to its end."""
    if day <= curve[0][0]:
        return 0.0
    for (a, pa), (b, pb) in itertools.pairwise(curve):
        if day <= b:
            return pa + (pb - pa) * (day - a).days / max(1, (b - a).days)
    return 100.0


def _rising(rng: random.Random, first: float, last: float, count: int) -> list[float]:
    """``count`` values from ``first`` to ``last`` that never fall."""
    if count <= 0:
        return []
    steps = [rng.uniform(0.3, 1.0) for _ in range(count - 1)]
    total = sum(steps) or 1.0
    values, reached = [first], 0.0
    for step in steps:
        reached += step
        values.append(first + (last - first) * reached / total)
    return values


def _visibility(record: model.VisibleRecord) -> str | None:
    return "internal" if record.is_internal else None


# ---------------------------------------------------------------------- writing the folder


class Output:
    """Files under the (temporary) data folder, with the counts for the summary."""

    def __init__(self, root: Path, template: Path):
        self.root = root
        self.files = 0
        self.bytes = 0
        self.pool = sorted(
            (p for p in (template / "photos").rglob("*") if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES),
            key=lambda p: p.relative_to(template).as_posix(),
        )
        self.next_photo = 0

    def yaml(self, relative: str, document: dict[str, Any]) -> None:
        path = self.root / relative
        schema = os.path.relpath(self.root / SCHEMA_FILE, path.parent).replace(os.sep, "/")
        self.text(relative, f"# yaml-language-server: $schema={schema}\n" + dump_yaml(document))

    def text(self, relative: str, content: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8")
        path.write_bytes(data)
        self.files += 1
        self.bytes += len(data)

    def copy(self, source: Path, relative: str) -> None:
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        self.files += 1
        self.bytes += target.stat().st_size

    def photos(self, record_id: str, count: int) -> list[str]:
        """``count`` photos in the record's own folder, copies of the template's taken in turn."""
        if not self.pool:
            return []
        files = []
        for index in range(1, count + 1):
            source = self.pool[self.next_photo % len(self.pool)]
            self.next_photo += 1
            relative = f"photos/{record_id}/{index}{source.suffix.lower()}"
            self.copy(source, relative)
            files.append(relative)
        return files


def load_template(template: Path) -> Dataset:
    result = load_dataset(template, template.parent)
    if result.dataset is None:
        lines = "\n".join(str(p) for p in result.errors[:10])
        raise SynthError(f"模板数据 {template} 有错误，无法据此生成（先运行 workreport check）：\n{lines}")
    return result.dataset


def check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise SynthError(f"输出位置 {out} 已存在且不是目录：请指定一个不存在或为空的目录")
    if out.is_dir() and any(out.iterdir()):
        raise SynthError(f"输出目录 {out} 已存在且不为空：为免覆盖已有数据，请指定一个不存在或为空的目录")


def generate(out: Path, scale: int, seed: int, template: Path = DEFAULT_TEMPLATE) -> dict[str, int]:
    """Write a valid synthetic ``data/`` folder ``scale`` times the template's size into ``out``.

    Returns the counts: records per kind, ``categories``, ``photos``, ``files`` and ``bytes``.
    Nothing is left behind on failure: the folder is written beside ``out`` and renamed at the end.
    """
    if not isinstance(scale, int) or scale < 1:
        raise SynthError(f"规模（scale）应为不小于 1 的整数（实际值：{scale!r}）")
    out = Path(out).resolve()
    template = Path(template).resolve()
    check_out(out)
    data = load_template(template)
    out.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        counts = _write_all(scratch, data, template, scale, seed)
        if out.exists():
            out.rmdir()
        scratch.rename(out)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return counts


def _write_all(root: Path, data: Dataset, template: Path, scale: int, seed: int) -> dict[str, int]:
    output = Output(root, template)
    records = _records(data, output, scale, seed)
    report = data.report.model_dump(mode="python", exclude_defaults=False)
    output.yaml("report.yaml", {"report": _plain(report)})
    output.yaml("org.yaml", {"leaders": records["leaders"], "units": records["units"]})
    by_owner: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for task in records["tasks"]:
        by_owner[task["owner_unit"]].append(task)
    for unit in records["units"]:
        if by_owner.get(unit["id"]):
            output.yaml(f"tasks/{unit['id']}.yaml", {"tasks": by_owner[unit["id"]]})
    for case in records["cases"]:
        output.yaml(f"cases/{case['id']}.yaml", {"cases": [case]})
    for kind in ("indicators", "projects", "highlights", "honors", "bottom_lines"):
        output.yaml(f"{kind}.yaml", {kind: records[kind]})
    dictionary = template / SEARCH_DICT
    if dictionary.is_file():
        output.copy(dictionary, SEARCH_DICT)
    schema = write_schema(root)
    output.files += 1
    output.bytes += schema.stat().st_size
    counts = {kind: len(records[kind]) for kind in RECORD_KINDS}
    counts["categories"] = len(data.report.categories)
    counts["photos"] = output.next_photo
    counts["files"] = output.files
    counts["bytes"] = output.bytes
    return counts


def _records(data: Dataset, output: Output, scale: int, seed: int) -> dict[str, list[dict[str, Any]]]:
    words = harvest(data)
    places = template_places(data)
    names = NameMaker(random.Random(f"{seed}:names"))
    width = max(2, len(str(scale)))
    statuses = [c.status for c in data.bottom_lines]
    bureau_word = data.report.bureau[len(places[0]):] if places[0] else ""
    records: dict[str, list[dict[str, Any]]] = {kind: [] for kind in RECORD_KINDS}
    for number in range(1, scale + 1):
        bureau = make_bureau(number, width, seed, names, places)
        make = Synthesizer(data, words, bureau, output.photos)
        records["leaders"] += [make.leader(p) for p in data.leaders]
        records["units"] += [make.unit(p, places[0], bureau_word) for p in data.units]
        records["tasks"] += [make.task(p) for p in data.tasks]
        records["indicators"] += [make.indicator(p) for p in data.indicators]
        records["projects"] += [make.project(p) for p in data.projects]
        records["cases"] += [make.case(p) for p in data.cases]
        records["highlights"] += [make.highlight(p) for p in data.highlights]
        records["honors"] += [make.honor(p) for p in data.honors]
        records["bottom_lines"] += [make.bottom_line(p, statuses) for p in data.bottom_lines]
    return records


def _plain(value: Any) -> Any:
    """A dumped model as YAML-friendly plain data: enums as their values, whole floats as ints."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float):
        return num(value)
    return value


# ---------------------------------------------------------------------- command line


def add_generate_command(commands: argparse._SubParsersAction) -> None:
    generate_parser = commands.add_parser(
        "generate", help="生成指定规模的合成数据（用于性能测试），结果可直接通过 check",
        description="以样例数据为模板，按规模复制出多个局的合成数据：同样的规模和种子总是生成完全相同的文件。",
    )
    generate_parser.add_argument("--scale", type=int, default=1, help="规模：1 约为样例大小，10 为十倍（默认 1）")
    generate_parser.add_argument("--seed", type=int, default=1, help="随机种子（默认 1）")
    generate_parser.add_argument("--out", required=True, help="输出的数据目录：必须不存在或为空")
    generate_parser.add_argument(
        "--template", default=str(DEFAULT_TEMPLATE), help="作为模板的数据目录（默认本项目的 data/）"
    )
    generate_parser.set_defaults(run=command_generate)


def command_generate(args: argparse.Namespace) -> int:
    began = time.perf_counter()
    try:
        counts = generate(Path(args.out), args.scale, args.seed, Path(args.template))
    except SynthError as error:
        print(f"未生成任何文件：{error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - began
    print(summary(Path(args.out), args.scale, args.seed, counts, seconds))
    return 0


def summary(out: Path, scale: int, seed: int, counts: dict[str, int], seconds: float) -> str:
    kinds = "、".join(f"{LABELS[k]} {counts[k]}" for k in (*RECORD_KINDS, "categories", "photos"))
    size = counts["bytes"] / 1024 / 1024
    return (
        f"已生成 {scale} 倍规模的合成数据（种子 {seed}）：{out}\n"
        f"  {kinds}\n"
        f"  共写入 {counts['files']} 个文件，合计 {size:.1f} MB，用时 {seconds:.1f} 秒。\n"
        f"  检查：python -m workreport --data {out} --root {out.parent} check"
    )
