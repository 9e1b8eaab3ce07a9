"""The kinds of record ``workreport new`` can add, where each one lives, and reading the kind an editor typed."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..validation import KIND_LABELS
from .errors import ScaffoldError


@dataclass(frozen=True)
class KindSpec:
    """One kind of record the command can add."""

    key: str
    """Top-level YAML key and Dataset attribute, e.g. ``tasks``."""
    unit_field: str
    folder: str | None = None
    """``tasks`` (one file per unit) or ``cases`` (one file per record); None: one shared file."""
    group_field: str | None = None
    """The field the shared file is arranged in sections by (省考/市考…): new entries join their section."""

    @property
    def label(self) -> str:
        return KIND_LABELS[self.key]


KINDS: dict[str, KindSpec] = {
    "task": KindSpec("tasks", "owner_unit", folder="tasks"),
    "indicator": KindSpec("indicators", "owner_unit", group_field="source"),
    "project": KindSpec("projects", "owner_unit", group_field="stage"),
    "case": KindSpec("cases", "unit", folder="cases"),
    "highlight": KindSpec("highlights", "unit"),
    "honor": KindSpec("honors", "unit", group_field="level"),
    "bottom-line": KindSpec("bottom_lines", "unit", group_field="line"),
}
KIND_NAMES = "、".join(f"{name}（{spec.label}）" for name, spec in KINDS.items())


def resolve_kind(given: str | None) -> tuple[str, KindSpec]:
    if not given:
        raise ScaffoldError(f"请指定要新增的记录类型，如 workreport new task --unit rural-water。可选：{KIND_NAMES}")
    wanted = given.strip().lower().replace("_", "-")
    for name, spec in KINDS.items():
        if wanted in (name, f"{name}s", spec.key.replace("_", "-"), spec.label):
            return name, spec
    guess = difflib.get_close_matches(wanted, list(KINDS), n=1, cutoff=0.6)
    hint = f"是否应为“{guess[0]}”？" if guess else ""
    raise ScaffoldError(f"不认识的记录类型“{given}”。{hint}可选：{KIND_NAMES}")
