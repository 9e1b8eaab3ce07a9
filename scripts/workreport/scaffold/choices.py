"""What the new record is about: its unit, line of work and title, read from the options or the data."""

from __future__ import annotations

import argparse
import difflib
from collections import Counter
from dataclasses import dataclass, field

from ..dataset import Dataset
from ..model import Category, Unit
from .errors import ScaffoldError
from .kinds import KindSpec


def option_value(args: argparse.Namespace, name: str) -> str | None:
    """An option's value; a Namespace built by hand may leave options out."""
    return getattr(args, name, None)


@dataclass
class Context:
    """What the new record is about: its unit, line of work, title and the dataset around it."""

    dataset: Dataset
    unit: Unit
    category: Category
    title: str | None
    args: argparse.Namespace
    notes: list[str] = field(default_factory=list)

    @classmethod
    def from_args(cls, dataset: Dataset, spec: KindSpec, args: argparse.Namespace) -> Context:
        unit = resolve_unit(dataset, option_value(args, "unit"))
        notes: list[str] = []
        given_category = option_value(args, "category")
        if given_category:
            category = resolve_category(dataset, given_category)
        else:
            category = default_category(dataset, unit)
            if "category" in spec.kind.model.model_fields:
                notes.append(f"工作条线取 {category.id}（{category.name}）；要换一条请加 --category，或直接改文件。")
        given_title = option_value(args, "title")
        title = given_title.strip() if given_title else None
        if given_title is not None and not title:
            raise ScaffoldError("--title 不能为空")
        return cls(dataset, unit, category, title, args, notes)


def resolve_unit(dataset: Dataset, given: str | None) -> Unit:
    listing = "、".join(f"{u.id}（{u.label}）" for u in dataset.units)
    if not given:
        raise ScaffoldError(f"请用 --unit 指定责任单位编号。可用的单位：{listing}")
    unit = dataset.unit_named(given)
    if unit is not None:
        return unit
    wanted = given.strip()
    by_name = {name: u for u in dataset.units for name in u.names}
    matches = [by_name[m] for m in difflib.get_close_matches(wanted, list(by_name), n=6, cutoff=0.5)]
    close = list({u.id: u for u in matches}.values())[:3]
    if close:
        hint = "是否应为：" + "、".join(f"{u.id}（{u.label}）" for u in close) + "？"
    else:
        hint = f"可用的单位：{listing}"
    raise ScaffoldError(f"没有编号为“{wanted}”的单位（见 org.yaml）。{hint}")


def resolve_category(dataset: Dataset, given: str) -> Category:
    wanted = given.strip()
    for category in dataset.categories:
        if wanted in (category.id, category.name):
            return category
    ids = [c.id for c in dataset.categories]
    guess = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.5)
    hint = f"是否应为“{guess[0]}”？" if guess else ""
    listing = "、".join(f"{c.id}（{c.name}）" for c in dataset.categories)
    raise ScaffoldError(f"没有编号为“{wanted}”的工作条线（见 report.yaml）。{hint}可用的条线：{listing}")


def default_category(dataset: Dataset, unit: Unit) -> Category:
    """The line of work the unit's tasks, cases, projects and highlights use most; else the first."""
    used = Counter(
        record.category
        for kind in ("tasks", "cases", "projects", "highlights")
        for record in dataset.of_unit(unit.id, kind)
        if record.category
    )
    order = {c.id: i for i, c in enumerate(dataset.categories)}
    ranked = sorted((c for c in used if c in order), key=lambda c: (-used[c], order[c]))
    return dataset.category_by_id[ranked[0]] if ranked else dataset.categories[0]


def resolve_choice(
    names: list[str], args: argparse.Namespace, option: str, fallback: str, aliases: dict[str, str] | None = None
) -> str:
    """The option's value among the vocabulary's ``names``, or the name a code such as PROV stands for."""
    given = option_value(args, option)
    if not given:
        return fallback
    wanted = given.strip()
    if wanted in names:
        return wanted
    aliases = {code.upper(): name for code, name in (aliases or {}).items()}
    if wanted.upper() in aliases:
        return aliases[wanted.upper()]
    raise ScaffoldError(f"--{option} 不认识“{wanted}”，应为以下之一：{'、'.join(names)}（见 report.yaml 的 vocabulary）")
