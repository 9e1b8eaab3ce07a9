"""The small pieces views are made of: badges, links to records, progress bars and chart specs.

Chart specs say what a chart shows and where its parts lead, as docs-relative addresses
(``analysis/index.md#status-lagging``); the renderer's chart helper turns them into links
relative to the page and draws them (``render/visuals.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from ..tones import STAGE_TONE, tone


@dataclass(frozen=True)
class Badge:
    text: str
    tone: str


def badge(member: Enum) -> Badge:
    """An enumeration value as a badge, in its declared tone."""
    return Badge(str(member.value), tone(member))


def stage_badge(stage: str) -> Badge:
    """A project's stage as a badge: every stage in the same tone."""
    return Badge(stage, STAGE_TONE)


@dataclass(frozen=True)
class Link:
    """A link to a record's page (or its anchor on a list page): ``link.record(kind, id)``."""

    kind: str
    id: str
    text: str


@dataclass(frozen=True)
class Progress:
    """A compact progress bar: actual progress with the 序时进度 mark."""

    actual: float
    expected: float | None
    tone: str
    key: str
    """Tells apart two bars on one page (their element ids must differ)."""


@dataclass(frozen=True)
class Slice:
    label: str
    value: float
    tone: str
    target: str | None = None
    """The docs-relative address the slice leads to."""


@dataclass(frozen=True)
class Donut:
    title: str
    slices: tuple[Slice, ...]
    unit: str = "项"
    key: str | None = None


@dataclass(frozen=True)
class BarItem:
    label: str
    value: float
    tone: str
    target: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Bars:
    """Horizontal bars (``funnel=False``) or a funnel of stages (``funnel=True``)."""

    title: str
    bars: tuple[BarItem, ...]
    unit: str
    max_value: float | None = None
    key: str | None = None
    funnel: bool = False


@dataclass(frozen=True)
class InvestmentItem:
    label: str
    planned: float
    done: float
    target: str | None = None


@dataclass(frozen=True)
class Investment:
    title: str
    rows: tuple[InvestmentItem, ...]
    unit: str = "万元"
    key: str | None = None


@dataclass(frozen=True)
class Trend:
    title: str
    points: tuple[tuple[dt.date, float], ...]
    target: float | None
    measure: str
    lower_is_better: bool
    key: str | None = None
    pro_rata: tuple[tuple[dt.date, float], ...] = ()
    """For a yearly total: the 序时 target on each date of the line (the share of the year's target so far)."""


def log_note(note: str | None, problems: str | None, sees_internal: bool) -> str:
    """A log entry's 说明 on a page: its note, and the problems reported with it (from a unit's
    progress form) for the bureau's own audience only: they are working notes, not for the public."""
    text = note or ""
    if problems and sees_internal:
        text = f"{text}（存在问题：{problems}）" if text else f"存在问题：{problems}"
    return text
