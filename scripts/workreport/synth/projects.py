"""Projects of one bureau: key dates, approvals and a monthly log that agree with the project's stage."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import model
from .bureau import Bureau
from .dates import ascending
from .output import _visibility, clean, num
from .vocabulary import Vocabulary


@dataclass(frozen=True)
class Stages:
    """The template's stages by what they mean to the schedule: the first preliminary and
    construction stages, and the built ones in order (completed, then accepted, then later ones)."""

    preliminary: str
    construction: str
    built: tuple[str, ...]

    @classmethod
    def of(cls, vocabulary: model.Vocabulary) -> Stages:
        by_phase: dict[model.Phase, list[str]] = {phase: [] for phase in model.Phase}
        for stage in vocabulary.project_stages:
            by_phase[stage.phase].append(stage.name)
        names = vocabulary.names("project_stages")
        first = by_phase[model.Phase.construction] or by_phase[model.Phase.preliminary] or names
        return cls(
            (by_phase[model.Phase.preliminary] or names)[0],
            first[0],
            tuple(by_phase[model.Phase.built]) or (names[-1],),
        )

    def waiting(self, stage: str) -> bool:
        """Whether a project in ``stage`` has not begun (a vocabulary without a preliminary stage has none)."""
        return stage == self.preliminary and stage != self.construction

    def note(self, stage: str) -> str:
        """The log's note on the day a project enters ``stage``."""
        if stage == self.construction:
            return "工程开工建设。"
        if stage == self.built[0]:
            return "工程全面完工。"
        return f"工程进入{stage}阶段。"


@dataclass
class Timeline:
    start: dt.date
    planned_completion: dt.date
    completed: dt.date | None = None
    accepted: dt.date | None = None
    changes: list[tuple[dt.date, str]] = field(default_factory=list)


class ProjectRecords:
    """Synthesizer's project records: ``records.Synthesizer`` mixes this class in and sets the state below."""

    b: Bureau
    rng: random.Random
    words: Vocabulary
    start: dt.date
    as_of: dt.date
    log_days: list[dt.date]
    stages: Stages
    prerequisite_names: list[str]

    if TYPE_CHECKING:  # defined by Synthesizer

        def day(self, first: dt.date | None = None, last: dt.date | None = None) -> dt.date: ...

        def text(
            self, kind: str, own: str | None, category: str | None, low: int = 80, high: int = 200
        ) -> str | None: ...

    def project(self, proto: model.Project) -> dict[str, Any]:
        plan = num(round(proto.investment.planned_this_year * self.rng.uniform(0.6, 1.5), -1) or 100)
        total = num(max(plan, round(proto.investment.total * self.rng.uniform(0.6, 1.6), -1)))
        timeline = self.timeline(proto.stage)
        county = self.rng.choice(self.b.counties or [self.b.place])
        return clean(
            id=self.b.ref(proto.id), name=f"{county}{self.b.names.syllables(unique=False)}{proto.kind}工程",
            kind=proto.kind,
            county=county, owner_unit=self.b.ref(proto.owner_unit), category=proto.category,
            stage=proto.stage, visibility=_visibility(proto),
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

    def timeline(self, stage: str) -> Timeline:
        """Key dates that agree with the stage on the as-of date, and the stage changes to log.

        A stage is placed by its phase in the template's vocabulary; among the built stages
        the first reads as just completed, the second as accepted, later ones as later steps.
        """
        start, as_of, days = self.start, self.as_of, (self.as_of - self.start).days
        rng, S = self.rng, self.stages
        if stage not in S.built:
            if S.waiting(stage):
                begin = as_of + dt.timedelta(days=rng.randint(30, 200))
                return Timeline(begin, begin + dt.timedelta(days=rng.randint(150, 700)))
            if rng.random() < 0.5:
                begin = start - dt.timedelta(days=rng.randint(60, 400))
                return Timeline(begin, max(as_of, begin) + dt.timedelta(days=rng.randint(30, 500)))
            begin = self.day(start + dt.timedelta(days=15), as_of - dt.timedelta(days=20))
            return Timeline(begin, begin + dt.timedelta(days=rng.randint(200, 700)), changes=[(begin, stage)])
        place = S.built.index(stage)
        if place == 0:
            done = self.day(start + dt.timedelta(days=20), as_of - dt.timedelta(days=5))
            begin = done - dt.timedelta(days=rng.randint(250, 600))
            planned = max(begin + dt.timedelta(days=30), done + dt.timedelta(days=rng.randint(-40, 40)))
            return Timeline(begin, planned, done, changes=[(done, stage)])
        if place == 1:
            done = start + dt.timedelta(days=rng.randint(-200, min(60, days // 3)))
            accepted = self.day(max(done + dt.timedelta(days=30), start + dt.timedelta(days=10)), as_of - dt.timedelta(days=3))
            changes = [(done, S.built[0])] if done >= start else []
            begin = done - dt.timedelta(days=rng.randint(250, 600))
            return Timeline(begin, done, done, accepted, changes + [(accepted, stage)])
        later = self.day(start + dt.timedelta(days=10), as_of - dt.timedelta(days=10))
        accepted = start - dt.timedelta(days=rng.randint(5, 150))
        done = accepted - dt.timedelta(days=rng.randint(30, 200))
        begin = done - dt.timedelta(days=rng.randint(250, 600))
        return Timeline(begin, done, done, accepted, [(later, stage)])

    def prerequisites(self, stage: str, begin: dt.date) -> list[dict[str, Any]]:
        """Approvals in their usual order: all done before a project starts, the first few for one not yet begun."""
        rng = self.rng
        kinds = [k for i, k in enumerate(self.prerequisite_names) if i < 2 or rng.random() < 0.6]
        if len(kinds) < 2:
            return []
        S = self.stages
        if S.waiting(stage):
            finished = rng.randint(1, len(kinds) - 1)
            done = ascending(rng, self.start - dt.timedelta(days=300), self.as_of - dt.timedelta(days=5), finished)
            still_open = ascending(rng, self.as_of - dt.timedelta(days=40), begin, len(kinds) - finished)
        else:
            if stage != S.construction and rng.random() < 0.4:
                return []  # old projects: approvals long filed, as in the template
            pending = 1 if stage == S.construction and rng.random() < 0.25 else 0  # e.g. land clearance lagging
            done = ascending(rng, begin - dt.timedelta(days=400), begin - dt.timedelta(days=5), len(kinds) - pending)
            still_open = [self.day(begin, self.as_of + dt.timedelta(days=60))] * pending
        found = []
        for index, kind in enumerate(kinds):
            note = self.b.local(rng.choice(self.words.pool("prerequisite_note"))) if rng.random() < 0.25 else None
            if index < len(done):
                planned = done[index] - dt.timedelta(days=rng.randint(0, 20)) if rng.random() < 0.4 else None
                found.append(clean(name=kind, planned=planned, done_on=done[index], note=note))
            else:
                found.append(clean(name=kind, planned=still_open[index - len(done)], note=note))
        return found

    def project_log(self, stage: str, timeline: Timeline, plan: float) -> list[dict[str, Any]]:
        """Month-end entries (形象进度 while building, investment always) plus one entry per stage change."""
        days = [d for d in self.log_days if d == self.log_days[-1] or self.rng.random() < 0.85]
        S = self.stages
        begun = not S.waiting(stage)
        if not begun:
            days = sorted(self.rng.sample(self.log_days, self.rng.randint(2, min(4, len(self.log_days)))))
        changes = dict(timeline.changes)
        days = sorted(set(days) | set(changes))
        first = self.rng.uniform(2, 8) if timeline.start >= self.start else self.rng.uniform(15, 60)
        building = [d for d in days if timeline.start <= d and (timeline.completed is None or d < timeline.completed)]
        last = self.rng.uniform(88, 99) if timeline.completed else min(97.0, first + self.rng.uniform(10, 50))
        percents = dict(zip(building, _rising(self.rng, first, last, len(building))))
        if timeline.completed and timeline.completed in changes:
            percents[timeline.completed] = 100
        if not begun:
            share = (0.01, 0.12)
        elif stage in S.built:
            share = (0.75, 1.0) if stage == S.built[0] else (0.4, 1.0)
        else:
            share = (0.3, 0.85)
        invested = _rising(self.rng, 0, plan * self.rng.uniform(*share), len(days))
        entries = []
        for day, amount in zip(days, invested):
            stage_change = changes.get(day)
            note = S.note(stage_change) if stage_change else None
            if note is None and self.rng.random() < 0.35:
                note = self.b.local(self.rng.choice(self.words.pool("project_note")))
            entries.append(clean(
                date=day, percent=num(percents[day], 0) if day in percents else None, invested=num(amount, 0),
                stage=stage_change, note=note,
            ))
        return entries


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
