"""The kinds of record ``workreport new`` can add, where each one lives, and reading the kind an editor typed.

Everything here comes from the register of record kinds (``model.KINDS``): a kind added
there with a ``scaffold`` name can be added by editors with no change in this package.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..model import KINDS
from ..register import Kind
from .errors import ScaffoldError


@dataclass(frozen=True)
class KindSpec:
    """One kind of record the command can add."""

    kind: Kind

    @property
    def key(self) -> str:
        """Top-level YAML key and the dataset's name for the list, e.g. ``tasks``."""
        return self.kind.key

    @property
    def label(self) -> str:
        return self.kind.label

    @property
    def unit_field(self) -> str:
        return self.kind.owner or "unit"

    @property
    def folder(self) -> str | None:
        """``tasks`` (one file per unit) or ``cases`` (one file per record); None: one shared file."""
        return None if self.kind.files.layout == "file" else self.kind.files.path

    @property
    def per_unit(self) -> bool:
        return self.kind.files.layout == "per_unit"

    @property
    def shared_file(self) -> str:
        """The shared file the kind is kept in (``indicators.yaml``)."""
        return self.kind.files.path if self.kind.files.layout == "file" else f"{self.kind.key}.yaml"

    @property
    def group_field(self) -> str | None:
        """The field the shared file is arranged in sections by (省考/市考…): new entries join their section."""
        return self.kind.files.group_field


KINDS_BY_NAME: dict[str, KindSpec] = {kind.scaffold: KindSpec(kind) for kind in KINDS if kind.scaffold}
KIND_NAMES = "、".join(f"{name}（{spec.label}）" for name, spec in KINDS_BY_NAME.items())


def resolve_kind(given: str | None) -> tuple[str, KindSpec]:
    if not given:
        raise ScaffoldError(f"请指定要新增的记录类型，如 workreport new task --unit rural-water。可选：{KIND_NAMES}")
    wanted = given.strip().lower().replace("_", "-")
    for name, spec in KINDS_BY_NAME.items():
        if wanted in (name, f"{name}s", spec.key.replace("_", "-"), spec.label):
            return name, spec
    guess = difflib.get_close_matches(wanted, list(KINDS_BY_NAME), n=1, cutoff=0.6)
    hint = f"是否应为“{guess[0]}”？" if guess else ""
    raise ScaffoldError(f"不认识的记录类型“{given}”。{hint}可选：{KIND_NAMES}")
