"""The words copies are written in: the template's own sentences and phrases, and syllables for new names."""

from __future__ import annotations

import itertools
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .. import model
from ..dataset import Dataset

# Place and person names: plain syllables, nothing specific to one bureau.
PLACE_SYLLABLES = "青柳桃石龙凤金白黄丰安平永宁清明新东西南北双长云林松梅兰竹泉山岭塘源阳城华兴和嘉盛福瑞康泰临江沙溪禾渠湾洲"
PLACE_SUFFIXES = ("县", "县", "区", "市")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆孔崔康毛邱秦江史顾侯邵孟万段钱汤尹黎易常武乔贺赖龚文"
GIVEN_NAMES = "文明华建国立新志海清宇嘉思远航博雅晓岚振平正永安宏伟涛峰军敏静丽芳婷慧颖欣怡晨阳洋浩然轩舟川禾秋宁家学启"

# Glue sentences that carry generated place names into every text.
GLUE = (
    "{county}相关工作同步推进，责任逐级压实到位。",
    "{county}、{county2}两地建立周调度、月通报工作机制，问题逐项销号。",
    "{county}的有关事项已纳入{place}年度重点推进清单，明确责任人和完成时限。",
    "{county}结合实际细化工作方案，形成问题、任务、责任三张清单。",
    "下一步将聚焦{county}、{county2}等重点区域，加大督查督办力度。",
    "{place}对{county}、{county2}开展实地督导，现场交办问题{n}个。",
)
# The last resort when the template has no text of some kind.
GENERIC = ("各项工作按计划有序推进，阶段目标基本实现。", "对照年度目标逐项梳理，明确责任单位和完成时限。")


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
        words.text("result", task.result, task.category)
        words.text("plan", task.plan, task.category)
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
        words.phrase(f"item:{check.line}", check.item)
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
        words.phrase("outlet", (media.outlet, media.level))
        words.phrase("media_title", media.title)
    for photo in highlight.photos:
        words.phrase("caption", photo.caption)


# ---------------------------------------------------------------------- place and person names


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
