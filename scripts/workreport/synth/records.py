"""Building one bureau's records from the template's, record by record, kind by kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from .. import model
from ..dataset import Dataset
from ..register import Kind
from .bureau import Bureau
from .dates import add_months, between, expected, month_end, month_ends
from .output import _visibility, clean, decimals, num
from .projects import ProjectRecords, Stages
from .text import Writer
from .vocabulary import Vocabulary

PRACTICES = (2, 5)
CASE_PHOTOS = (1, 3)


def _rename(value: Any, path: tuple[str, ...], rename: Callable[[str], str | None]) -> None:
    """Rename, inside plain data, the ids at a reference's path (``*``: every item of a list)."""
    head, rest = path[0], path[1:]
    if not isinstance(value, dict) or value.get(head) is None:
        return
    if not rest:
        value[head] = rename(value[head])
    elif rest[0] == "*" and not rest[1:]:
        value[head] = [rename(item) for item in value[head]]
    elif rest[0] == "*":
        for item in value[head]:
            _rename(item, rest[1:], rename)
    else:
        _rename(value[head], rest, rename)


def _localised(value: Any, local: Callable[[str], str]) -> Any:
    if isinstance(value, dict):
        return {k: _localised(v, local) for k, v in value.items()}
    if isinstance(value, list):
        return [_localised(v, local) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return local(value)
    return value


class Synthesizer(ProjectRecords):
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
        self.stages = Stages.of(report.vocabulary)
        self.prerequisite_names = list(report.vocabulary.prerequisites)

    def day(self, first: dt.date | None = None, last: dt.date | None = None) -> dt.date:
        return between(self.rng, first or self.start, last or self.as_of)

    # -------------------------------------------------------------- any kind

    def copy(self, kind: Kind, proto: Any) -> dict[str, Any]:
        """A template record copied into this bureau: its id and every reference it declares
        renamed to this bureau's copies (lines of work stay: they are the report's), its
        text localised, its photos copied."""
        value = proto.model_dump(mode="python", exclude_defaults=True)
        value["id"] = self.b.ref(proto.id)
        for path, target in kind.references():
            if target != "categories":
                _rename(value, path, self.b.ref)
        if kind.photos and proto.photos:
            files = self.photos(value["id"], len(proto.photos))
            value["photos"] = [{"file": f, "caption": self.b.local(p.caption)} for f, p in zip(files, proto.photos)]
        localised: dict[str, Any] = _localised(value, self.b.local)
        return localised

    # -------------------------------------------------------------- organisation

    def leader(self, proto: model.Leader) -> dict[str, Any]:
        return clean(
            id=self.b.ref(proto.id), name=self.b.names.person(), title=proto.title,
            responsibilities=self.b.local(proto.responsibilities) if proto.responsibilities else None,
            visibility=_visibility(proto),
        )

    def unit(self, proto: model.Unit, template_place: str, bureau_word: str) -> dict[str, Any]:
        """A unit named after its bureau (青溪县某某局办公室), or after its place if it has one already."""
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
            result=self.text("result", proto.result, proto.category),
            plan=self.text("plan", proto.plan, proto.category),
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
            id=self.b.ref(proto.id), name=f"{self.b.place}{self.b.local(proto.name)}", source=proto.source,
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

    # -------------------------------------------------------------- cases, highlights, honors, checks

    def case(self, proto: model.Case) -> dict[str, Any]:
        case_id = self.b.ref(proto.id)
        assert case_id is not None  # a record's own id always maps to a new one
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
        assert highlight_id is not None
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
            id=self.b.ref(proto.id), name=self.b.local(proto.name), level=proto.level,
            issuer=self.b.local(proto.issuer), unit=self.b.ref(proto.unit), status=proto.status.value,
            visibility=_visibility(proto), deadline=deadline, awarded_on=self.day() if won else None,
            cases=self.b.refs(proto.cases), highlights=self.b.refs(proto.highlights),
            note=self.text("honor_note", proto.note, None, 40, 150),
        )

    def bottom_line(self, proto: model.BottomLineCheck, statuses: Sequence[model.CheckStatus]) -> dict[str, Any]:
        status = self.rng.choice(statuses)
        started = status is not model.CheckStatus.pending
        return clean(
            id=self.b.ref(proto.id), line=proto.line, unit=self.b.ref(proto.unit),
            item=self.b.local(proto.item) if self.rng.random() < 0.6 else self.write.phrase(f"item:{proto.line}"),
            status=status.value,
            visibility=_visibility(proto),
            checked_on=self.day(self.as_of - dt.timedelta(days=60)) if started else None,
            finding=self.write.paragraph("finding", 30, 120, proto.finding) if started else None,
            rectification=self.write.paragraph("rectification", 30, 120, proto.rectification)
            if status is not model.CheckStatus.done else None,
        )
