"""The leaders' dashboard view, for both audiences."""

from __future__ import annotations

import pytest

from workreport.audience import INTERNAL, PUBLIC
from workreport.model import HonorStatus
from workreport.views.context import Site
from workreport.views.dashboard import LIST_LENGTH, Dashboard, dashboard


@pytest.fixture(scope="module")
def internal(sample) -> Dashboard:
    return dashboard(Site(INTERNAL.edition(sample)))


@pytest.fixture(scope="module")
def public(sample) -> Dashboard:
    return dashboard(Site(PUBLIC.edition(sample)))


def test_the_kpis(internal, sample):
    assert internal.tasks == len(sample.tasks) == 48
    s = internal.statuses
    assert (s.done, s.on_track, s.not_started) == (8, 23, 4)
    assert (s.lagging, s.seriously_lagging, s.overdue, s.behind) == (9, 2, 2, 13)
    assert internal.indicators == len(sample.indicators) == 19
    assert (internal.health.met, internal.health.warning, internal.health.missed) == (9, 6, 4)
    assert internal.investment_rate == pytest.approx(internal.investment_done / internal.investment_planned * 100)


def test_honors_are_counted_by_level(internal, sample):
    as_of = sample.report.as_of
    won = [h for h in sample.honors if h.status is HonorStatus.won and h.awarded_on and h.awarded_on <= as_of]
    expected = tuple((level, sum(1 for h in won if h.level == level)) for level in ("国家级", "省级", "市级"))
    assert internal.honors_by_level == expected == (("国家级", 0), ("省级", 4), ("市级", 2))
    assert internal.honors_won == len(won) == 6
    dates = [h.awarded_on for h in internal.honors]
    assert len(internal.honors) == 5 and dates == sorted(dates, reverse=True)


def test_the_lists_stop_at_ten_and_count_the_rest(internal):
    assert len(internal.behind) == LIST_LENGTH == 10
    assert internal.more_behind == internal.statuses.behind - LIST_LENGTH == 3
    gaps = [b.gap for b in internal.behind]
    assert gaps == sorted(gaps, reverse=True)
    assert [b.link.id for b in internal.behind[:2]] == ["T-FM-06", "T-FM-02"]


def test_each_lagging_task_names_its_leader(internal, sample):
    for row in internal.behind:
        leader = sample.task_leader(sample.task_by_id[row.link.id])
        assert (row.leader.kind, row.leader.id, row.leader.text) == ("leaders", leader.id, leader.name)
    assert len(internal.at_risk) == 10 and internal.more_at_risk == 3
    assert [r.health.text for r in internal.at_risk[:3]] == ["未达标"] * 3


def test_an_indicator_at_risk(internal):
    row = internal.at_risk[0]
    assert (row.link.id, row.source, row.value, row.measure) == ("I-CITY-02", "市考", 7.0, "座")
    assert row.target_label == "序时目标" and row.target == pytest.approx(10.88, abs=0.01)
    assert (row.health.tone, row.points_deducted) == ("bad", 1.0)


def test_projects_waiting_for_approvals(internal):
    first = internal.waiting[0]
    assert first.link.id == "P-IRR-02"
    assert [(r.name, r.overdue) for r in first.prerequisites][:2] == [("初步设计批复", True), ("施工图审查", False)]
    assert [p.link.id for p in internal.waiting] == ["P-IRR-02", "P-RES-03", "P-RIV-02", "P-SWC-02"]


def test_the_internal_edition_shows_the_units_charged(internal, sample):
    d = internal.deductions
    assert d.internal and d.points == pytest.approx(2.7) and d.charged == pytest.approx(5.4) and d.multiplier == 2
    assert internal.deductions_page == "analysis/units.md"
    charges = internal.unit_charges
    assert charges is not None and charges.chart is not None
    assert [b.target for b in charges.chart.bars] == [
        "units/rivers.md",
        "units/operations.md",
        "units/planning.md",
        "units/safety.md",
    ]
    assert charges.uncharged == len(sample.units) - 4
    assert internal.category_chart is None


def test_the_public_edition_shows_the_lines_of_work_instead(public, sample):
    d = public.deductions
    assert not d.internal and d.charged is None and d.multiplier is None
    assert d.points == pytest.approx(2.7)
    assert public.deductions_page == "indicators/index.md"
    assert public.unit_charges is None
    assert public.category_chart is not None
    assert [b.label for b in public.category_chart.bars] == [c.name for c in sample.categories]
    assert "局内" not in repr(public)
    assert public.tasks == 45  # the internal tasks are left out


def test_no_unit_charged(sample):
    indicators = [i.model_copy(update={"deductions": []}) for i in sample.indicators]
    view = dashboard(Site(INTERNAL.edition(sample.replaced(indicators=indicators))))
    assert view.unit_charges is not None and view.unit_charges.chart is None
    assert view.unit_charges.uncharged == len(sample.units)
    assert view.deductions.points == 0 and view.deductions.charged == 0
    assert all(r.points_deducted == 0 for r in view.at_risk)


def test_highlights_of_the_period(internal, sample):
    period = sample.report.period
    expected = [h for h in sample.highlights if period.start <= h.date <= min(period.end, sample.report.as_of)]
    assert internal.highlights == len(expected) == 15
    assert len(internal.latest_highlights) == 4
    assert internal.latest_highlights[0].date == max(h.date for h in expected)
