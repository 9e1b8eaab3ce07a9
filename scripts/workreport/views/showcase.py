"""What the bureau shows of its work: case pages and their list, highlights, honors, bottom lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..formatting import MISSING, cn_date, cn_number, short_date
from ..model import Case, CheckStatus, Honor, HonorStatus
from .common import Badge, Link, badge
from .context import Site
from .downloads import dossier_honors
from .history import Changes, record_changes
from .tasks import category_link, unit_link

# ---------------------------------------------------------------------- case pages


@dataclass(frozen=True)
class Practice:
    number: str
    """In Chinese (一, 二 …), written （一） before the title."""
    title: str
    text: str


@dataclass(frozen=True)
class KeyFigure:
    value: float
    measure: str
    label: str


@dataclass(frozen=True)
class PhotoView:
    file: str
    """Relative to data/ (``photos/…``), as the site copies it."""
    caption: str


@dataclass(frozen=True)
class GalleryPhoto:
    """A photo of a case's gallery, with its neighbours for the full-size view's arrows."""

    number: int
    file: str
    caption: str
    previous: int | None
    following: int | None


def gallery(photos: list[PhotoView]) -> tuple[GalleryPhoto, ...]:
    last = len(photos)
    return tuple(
        GalleryPhoto(n, p.file, p.caption, n - 1 if n > 1 else None, n + 1 if n < last else None)
        for n, p in enumerate(photos, start=1)
    )


@dataclass(frozen=True)
class SupportedHonor:
    link: Link
    level: str
    status: str


@dataclass(frozen=True)
class CasePage:
    id: str
    title: str
    category: str
    """The line of work's name."""
    internal: bool
    unit: Link
    date: dt.date | None
    tags: tuple[str, ...]
    summary: str
    background: str
    practices: tuple[Practice, ...]
    results: str
    figures: tuple[KeyFigure, ...]
    lessons: str
    photos: tuple[GalleryPhoto, ...]
    tasks: tuple[Link, ...]
    indicators: tuple[Link, ...]
    projects: tuple[Link, ...]
    honors: tuple[SupportedHonor, ...]
    """The honors the case supports, from either side of the link."""
    changes: Changes | None

    @property
    def has_related(self) -> bool:
        return bool(self.tasks or self.indicators or self.projects or self.honors)


def case_page(site: Site, case: Case) -> CasePage:
    data = site.data
    return CasePage(
        id=case.id,
        title=case.title,
        category=data.category_by_id[case.category].name,
        internal=site.shows_internal_mark(case),
        unit=unit_link(site, case.unit, full=True),
        date=case.date,
        tags=tuple(case.tags),
        summary=case.summary,
        background=case.background,
        practices=tuple(Practice(cn_number(n), p.title, p.text) for n, p in enumerate(case.practices, start=1)),
        results=case.results.text,
        figures=tuple(KeyFigure(f.value, f.measure, f.label) for f in case.results.figures),
        lessons=case.lessons,
        photos=gallery([PhotoView(p.file, p.caption) for p in case.photos]),
        tasks=tuple(Link("tasks", t, data.task_by_id[t].title) for t in case.related.tasks),
        indicators=tuple(Link("indicators", i, data.indicator_by_id[i].name) for i in case.related.indicators),
        projects=tuple(Link("projects", p, data.project_by_id[p].name) for p in case.related.projects),
        honors=tuple(
            SupportedHonor(Link("honors", h.id, h.name), h.level, h.status.value)
            for h in data.honors_supported_by(case.id)
        ),
        changes=record_changes(site, case),
    )


# ---------------------------------------------------------------------- the case list


@dataclass(frozen=True)
class CaseRow:
    link: Link
    internal: bool
    unit: str
    """The unit's full name."""
    date: dt.date | None
    summary: str


@dataclass(frozen=True)
class CaseGroup:
    name: str
    """The line of work's name."""
    cases: tuple[CaseRow, ...]


@dataclass(frozen=True)
class CaseIndex:
    groups: tuple[CaseGroup, ...]
    """The lines of work that have cases, in the report's order."""


def case_index(site: Site) -> CaseIndex:
    groups = []
    for category in site.report.categories:
        rows = tuple(
            CaseRow(
                Link("cases", c.id, c.title),
                site.shows_internal_mark(c),
                site.data.unit_by_id[c.unit].name,
                c.date,
                c.summary,
            )
            for c in site.data.cases
            if c.category == category.id
        )
        if rows:
            groups.append(CaseGroup(category.name, rows))
    return CaseIndex(tuple(groups))


# ---------------------------------------------------------------------- highlights


@dataclass(frozen=True)
class FilterOption:
    value: str
    label: str


@dataclass(frozen=True)
class HighlightCard:
    id: str
    title: str
    internal: bool
    date: dt.date
    category_id: str
    """For the filter: the line of work's id, or "" when the highlight has none."""
    unit_id: str
    tags_value: str
    """For the filter: the tags joined by ``|``."""
    photo: PhotoView | None
    """The first photo, shown on the card."""
    unit: Link
    category: Link | None
    figure: KeyFigure | None
    summary: str
    media: str | None
    """“新华社（中央级，6月3日）；…”: where the highlight was reported."""
    tags: tuple[str, ...]


@dataclass(frozen=True)
class HighlightList:
    categories: tuple[FilterOption, ...]
    """The filter's choices: only lines of work, units and tags that some highlight has."""
    units: tuple[FilterOption, ...]
    tags: tuple[str, ...]
    cards: tuple[HighlightCard, ...]
    """The newest first."""


def _tag_choices(tags: list[str]) -> tuple[str, ...]:
    """Every tag once, sorted; tags differing only in case count as one (the first written)."""
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag.lower(), tag)
    return tuple(sorted(seen.values(), key=str.lower))


def highlight_list(site: Site) -> HighlightList:
    data = site.data
    highlights = sorted(data.highlights, key=lambda h: h.date, reverse=True)
    categories = {h.category for h in highlights}
    units = {h.unit for h in highlights}
    cards = tuple(
        HighlightCard(
            id=h.id,
            title=h.title,
            internal=site.shows_internal_mark(h),
            date=h.date,
            category_id=h.category or "",
            unit_id=h.unit,
            tags_value="|".join(h.tags),
            photo=PhotoView(h.photos[0].file, h.photos[0].caption) if h.photos else None,
            unit=unit_link(site, h.unit),
            category=category_link(site, h.category) if h.category else None,
            figure=KeyFigure(h.key_figure.value, h.key_figure.measure, h.key_figure.label) if h.key_figure else None,
            summary=h.summary,
            media="；".join(f"{m.outlet}（{m.level}，{short_date(m.date)}）" for m in h.media) or None,
            tags=tuple(h.tags),
        )
        for h in highlights
    )
    return HighlightList(
        categories=tuple(FilterOption(c.id, c.name) for c in site.report.categories if c.id in categories),
        units=tuple(FilterOption(u.id, u.label) for u in data.units if u.id in units),
        tags=_tag_choices([tag for h in highlights for tag in h.tags]),
        cards=cards,
    )


# ---------------------------------------------------------------------- honors

def level_names(site: Site) -> dict[str, str]:
    """What the bureau calls each level of honor (国字号 for 国家级), from its vocabulary."""
    return {level.name: level.nickname or level.name for level in site.report.vocabulary.honor_levels}

WALL_ORDER = (HonorStatus.planning, HonorStatus.applying, HonorStatus.won, HonorStatus.lost)
"""The honors wall's columns, from the first idea to the outcome."""

OPEN = (HonorStatus.planning, HonorStatus.applying)


@dataclass(frozen=True)
class HonorDue:
    """A row of 近期申报截止: an honor still open, with its deadline."""

    id: str
    name: str
    level: str
    """The level's nickname (国字号, 省字头) or its name."""
    status: Badge
    deadline: dt.date
    days: int
    """Days from the as-of date to the deadline, or since it when ``past``."""
    past: bool
    unit: Link
    support: int
    """How many cases and highlights support the application."""


@dataclass(frozen=True)
class HonorCard:
    id: str
    name: str
    internal: bool
    issuer: str
    unit: Link
    when: str
    """“2025年5月12日获得”, “2025年8月31日截止” or “未定截止日期”."""
    cases: tuple[Link, ...]
    highlights: tuple[Link, ...]
    note: str | None
    dossier: str | None = None
    """The download centre's anchor for the honor's dossier (an honor being prepared with support), or None."""


@dataclass(frozen=True)
class HonorColumn:
    status: str
    tone: str
    honors: tuple[HonorCard, ...]
    """The next deadline first; won honors by the date won, the latest first; undated last."""


@dataclass(frozen=True)
class HonorLevelGroup:
    name: str
    """The nickname (国字号, 省字头) or the level's name."""
    level: str
    """The level as the vocabulary names it: 国家级, 省级…"""
    count: int
    columns: tuple[HonorColumn, ...]
    """One per status, in ``WALL_ORDER``."""


@dataclass(frozen=True)
class HonorList:
    due: tuple[HonorDue, ...]
    """Honors being planned or applied for that have a deadline, the next one first."""
    levels: tuple[HonorLevelGroup, ...]


def days_between(day: dt.date, as_of: dt.date) -> int:
    """Days from ``as_of`` to ``day``: negative once ``day`` has passed."""
    return (day - as_of).days


def by_deadline(honors: list[Honor]) -> list[Honor]:
    """The next deadline first; won honors by the date won, the latest first; undated last."""
    far = dt.date.max
    return sorted(honors, key=lambda h: (h.deadline or far, -(h.awarded_on or dt.date.min).toordinal()))


def honor_when(honor: Honor) -> str:
    if honor.awarded_on:
        return f"{cn_date(honor.awarded_on)}获得"
    if honor.deadline:
        return f"{cn_date(honor.deadline)}截止"
    return "未定截止日期"


DOWNLOAD_PAGE = "downloads.md"


def honor_card(site: Site, honor: Honor, dossiers: frozenset[str] = frozenset()) -> HonorCard:
    data = site.data
    return HonorCard(
        id=honor.id,
        name=honor.name,
        internal=site.shows_internal_mark(honor),
        issuer=honor.issuer,
        unit=unit_link(site, honor.unit),
        when=honor_when(honor),
        cases=tuple(Link("cases", c.id, c.title) for c in data.cases_supporting(honor.id)),
        highlights=tuple(Link("highlights", h, data.highlight_by_id[h].title) for h in honor.highlights),
        note=honor.note,
        dossier=f"{DOWNLOAD_PAGE}#dossier-{honor.id}" if honor.id in dossiers else None,
    )


def honor_due(site: Site, honor: Honor, deadline: dt.date) -> HonorDue:
    days = days_between(deadline, site.as_of)
    return HonorDue(
        id=honor.id,
        name=honor.name,
        level=level_names(site)[honor.level],
        status=badge(honor.status),
        deadline=deadline,
        days=abs(days),
        past=days < 0,
        unit=unit_link(site, honor.unit),
        support=len(site.data.cases_supporting(honor.id)) + len(honor.highlights),
    )


def honor_list(site: Site) -> HonorList:
    honors = site.data.honors
    due = sorted(
        ((h, h.deadline) for h in honors if h.status in OPEN and h.deadline is not None),
        key=lambda pair: pair[1],
    )
    levels = []
    dossiers = frozenset(dossier_honors(site))
    names = level_names(site)
    for level, name in names.items():
        of_level = [h for h in honors if h.level == level]
        columns = tuple(
            HonorColumn(
                status.value,
                badge(status).tone,
                tuple(honor_card(site, h, dossiers) for h in by_deadline([h for h in of_level if h.status is status])),
            )
            for status in WALL_ORDER
        )
        levels.append(HonorLevelGroup(name, level, len(of_level), columns))
    return HonorList(tuple(honor_due(site, h, deadline) for h, deadline in due), tuple(levels))


# ---------------------------------------------------------------------- bottom lines


@dataclass(frozen=True)
class CheckRow:
    id: str
    unit: Link
    item: str
    internal: bool
    status: Badge
    checked_on: dt.date | None
    finding: str
    """The problem found, or — when none is written."""
    rectification: str


@dataclass(frozen=True)
class BottomLineGroup:
    name: str
    """The line's name (安全生产, 党风廉政…)."""
    tally: str
    """“已完成 12 项，整改中 6 项，未开始 2 项。”"""
    checks: tuple[CheckRow, ...]


@dataclass(frozen=True)
class BottomLines:
    lines: tuple[BottomLineGroup, ...]
    """Every line of the vocabulary, always, in its order."""


def bottom_lines(site: Site) -> BottomLines:
    lines = []
    for line in site.report.vocabulary.names("bottom_lines"):
        items = [c for c in site.data.bottom_lines if c.line == line]
        tally = "，".join(f"{s.value} {sum(1 for c in items if c.status is s)} 项" for s in CheckStatus) + "。"
        rows = tuple(
            CheckRow(
                id=c.id,
                unit=unit_link(site, c.unit),
                item=c.item,
                internal=site.shows_internal_mark(c),
                status=badge(c.status),
                checked_on=c.checked_on,
                finding=c.finding or MISSING,
                rectification=c.rectification or MISSING,
            )
            for c in items
        )
        lines.append(BottomLineGroup(line, tally, rows))
    return BottomLines(tuple(lines))
