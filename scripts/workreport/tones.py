"""The tone each enumeration value is shown in: a badge's colour on the site, a cell's fill in the ledger.

Declared once here, so a status cannot be green on one page and grey in the ledger. The
tone names a role (``done``, ``warn``…); the site's stylesheet and the ledger's fills each
map the role to their own colour.
"""

from __future__ import annotations

from enum import Enum

from .assessment import Health
from .model import CheckStatus, HonorStatus
from .schedule import MilestoneState, ScheduleStatus

TONES: dict[Enum, str] = {
    ScheduleStatus.done: "done",
    ScheduleStatus.on_track: "ok",
    ScheduleStatus.lagging: "warn",
    ScheduleStatus.seriously_lagging: "bad",
    ScheduleStatus.not_started: "neutral",
    ScheduleStatus.overdue: "overdue",
    Health.met: "done",
    Health.warning: "warn",
    Health.missed: "bad",
    Health.no_data: "neutral",
    HonorStatus.planning: "neutral",
    HonorStatus.applying: "ok",
    HonorStatus.won: "done",
    HonorStatus.lost: "neutral",
    CheckStatus.done: "done",
    CheckStatus.rectifying: "warn",
    CheckStatus.pending: "neutral",
    MilestoneState.done: "done",
    MilestoneState.not_due: "neutral",
    MilestoneState.missed: "overdue",
}

STAGE_TONE = "ok"
"""A project's stage (a name of the bureau's vocabulary) says where it is, not how it is doing: every stage alike."""


def tone(member: Enum) -> str:
    """The tone of an enumeration value; ``neutral`` for values that carry no judgement."""
    return TONES.get(member, "neutral")
