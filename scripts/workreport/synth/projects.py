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

STAGE_NOTES = {
    model.Stage.construction: "工程开工建设。",
    model.Stage.completed: "工程全面完工。",
    model.Stage.accepted: "通过竣工验收。",
    model.Stage.audited: "竣工决算报告报送审计。",
}


@dataclass
class Timeline:
    start: dt.date
    planned_completion: dt.date
    completed: dt.date | None = None
    accepted: dt.date | None = None
    changes: list[tuple[dt.date, model.Stage]] = field(default_factory=list)


class ProjectRecords:
    """Synthesizer's project records: ``records.Synthesizer`` mixes this class in and sets the state below."""

    b: Bureau
    rng: random.Random
    words: Vocabulary
    start: dt.date
    as_of: dt.date
    log_days: list[dt.date]

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
