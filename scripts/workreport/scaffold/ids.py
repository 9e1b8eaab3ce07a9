"""Choosing the next free id: the prefix records of the same group use (T-RV-, I-PROV-), one past the highest number."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, count
from typing import Any

from ..dataset import Dataset
from ..model import Unit, Vocabulary
from .errors import ScaffoldError

_STOP_WORDS = {"a", "an", "and", "for", "in", "of", "on", "the", "to"}
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def source_codes(vocabulary: Vocabulary) -> dict[str, str]:
    """Middle parts of indicator ids when no indicator of a source exists yet (I-PROV-01): the vocabulary's codes."""
    return {s.name: s.code or f"S{i}" for i, s in enumerate(vocabulary.indicator_sources, start=1)}


def line_codes(vocabulary: Vocabulary) -> dict[str, str]:
    """Middle parts of check ids when no check of a line exists yet (BL-S-01)."""
    return {line.name: line.code or f"L{i}" for i, line in enumerate(vocabulary.bottom_lines.lines, start=1)}


def most_common(values: Iterable[Any], fallback: Any) -> Any:
    counted = Counter(values).most_common(1)
    return counted[0][0] if counted else fallback


def split_id(record_id: str) -> tuple[str, str] | None:
    """``T-RV-09`` -> ``("T-RV-", "09")``; None when the id does not end in digits."""
    match = _NUMBERED.match(record_id)
    return (match[1], match[2]) if match else None


def next_id(prefix: str, used: Iterable[str]) -> str:
    """One past the highest number used with ``prefix``, as wide as the widest existing one."""
    numbers = [parts[1] for parts in map(split_id, used) if parts and parts[0] == prefix]
    width = max((len(n) for n in numbers), default=2)
    return f"{prefix}{max((int(n) for n in numbers), default=0) + 1:0{width}d}"


def group_prefix(ids_by_group: Sequence[tuple[Any, str]], group: Any, codes: Iterable[str], lead: str) -> str:
    """The id prefix for a new record of ``group``, following the ids already in use.

    Records of the same group show the prefix (T-RV- for the line of work whose tasks are T-RV-01…). When one short
    prefix serves every group (T-1, T-2…), it is kept. Otherwise a new middle part is made
    from ``codes``, skipping any a different group already uses.
    """
    prefixes = [(g, parts[0]) for g, record_id in ids_by_group if (parts := split_id(record_id))]
    own = [p for g, p in prefixes if g == group]
    if own:
        return str(most_common(own, None))
    used = {p for _, p in prefixes}
    if len(used) == 1 and next(iter(used)).count("-") <= 1:
        return next(iter(used))
    lead = most_common((p.split("-")[0] for p in used if p.count("-") >= 2), lead)
    codes = iter(codes)
    first = next(codes)
    numbered = (f"{first}{number}" for number in count(2))  # when every code is taken
    return next(f"{lead}-{code}-" for code in chain([first], codes, numbered) if f"{lead}-{code}-" not in used)


def category_codes(category_id: str) -> Iterator[str]:
    """Middle parts made from a category id: rule-of-law -> RL, then RU, RUL…"""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", category_id) if w and w.lower() not in _STOP_WORDS]
    words = words or [category_id]
    first = "".join(w[0] for w in words[:3]).upper() if len(words) > 1 else words[0][:2].upper()
    yield first
    for length in range(2, len(words[0]) + 1):
        yield words[0][:length].upper()


def project_prefix(data: Dataset, unit: Unit, given: str | None) -> tuple[str, str | None, str]:
    """(prefix, 工程类别, note): from --prefix (a code or a 工程类别), else the unit's usual one, else P-NEW-."""
    by_prefix: dict[str, Counter[str]] = {}
    for project in data.projects:
        if parts := split_id(project.id):
            by_prefix.setdefault(parts[0], Counter())[project.kind] += 1
    shared = len(by_prefix) == 1 and next(iter(by_prefix)).count("-") <= 1
    lead = most_common((p.split("-")[0] for p in by_prefix if p.count("-") >= 2), "P")
    codes = (f"{p.removeprefix(lead + '-').rstrip('-')}（{k.most_common(1)[0][0]}）" for p, k in by_prefix.items())
    known = "、".join(codes)
    known = known or "（暂无）"
    if given:
        wanted = given.strip()
        for prefix, kinds in by_prefix.items():
            if wanted in kinds:
                return prefix, wanted, f"工程类别：{wanted}。"
        code = wanted.upper().removeprefix(f"{lead}-").strip("-")
        if not re.fullmatch(r"[A-Z0-9]+", code):
            raise ScaffoldError(f"--prefix 应为英文字母或数字的类别代码，或已有的工程类别。现有：{known}")
        prefix = f"{lead}-{code}-"
        found = by_prefix.get(prefix)
        return prefix, found.most_common(1)[0][0] if found else None, f"编号类别代码：{code}。"
    if shared:
        return next(iter(by_prefix)), None, ""
    own = [parts[0] for p in data.of_unit(unit.id, "projects") if (parts := split_id(p.id))]
    if own:
        prefix = most_common(own, None)
        kind = by_prefix[prefix].most_common(1)[0][0]
        return prefix, kind, f"按该单位已有工程编为 {prefix}NN（{kind}）；其他类别请加 --prefix，现有：{known}。"
    return f"{lead}-NEW-", None, f"该单位还没有工程，暂编为 {lead}-NEW-NN；可加 --prefix 指定类别代码，现有：{known}。"
