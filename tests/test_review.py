"""月度复盘: each month's changes, read back from the sample's dated logs."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from workreport.analysis import Analysis
from workreport.review import monthly_review, months_of
from workreport.schedule import ScheduleStatus


@pytest.fixture(scope="module")
def months(sample):
    return monthly_review(sample)


def test_months_are_clipped_to_the_period():
    assert months_of(dt.date(2025, 1, 15), dt.date(2025, 3, 10)) == [
        (dt.date(2025, 1, 15), dt.date(2025, 1, 31)),
        (dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
        (dt.date(2025, 3, 1), dt.date(2025, 3, 10)),
    ]
    assert months_of(dt.date(2024, 12, 1), dt.date(2025, 1, 31))[-1] == (dt.date(2025, 1, 1), dt.date(2025, 1, 31))


def test_one_review_per_month_up_to_the_as_of_date(months):
    assert [m.title for m in months] == [f"2025年{n}月" for n in range(1, 7)]


def test_the_last_month_ends_where_the_dashboard_stands(sample, months):
    a = Analysis(sample)
    card = a.scorecard(a.bureau_scope())
    assert months[-1].statuses == card.statuses
    assert months[-1].mean_actual_after == pytest.approx(card.mean_actual)
    # Each month starts where the one before ended.
    for before, after in itertools.pairwise(months):
        assert after.mean_actual_before == pytest.approx(before.mean_actual_after)


def test_monthly_investment_adds_up_to_the_year(sample, months):
    a = Analysis(sample)
    assert sum(m.investment_done for m in months) == pytest.approx(a.scorecard(a.bureau_scope()).investment_done)


def test_june_by_hand(months):
    may, june = months[-2], months[-1]
    # T-FM-08 and T-RV-09 had windows ending 05-31: behind at the end of April, 未按期完成
    # from their last day on (the day itself counts), so they slipped in May, not in June.
    slipped = {m.task.id: (m.before.status, m.after.status) for m in may.slipped}
    assert slipped["T-FM-08"] == (ScheduleStatus.lagging, ScheduleStatus.overdue)
    assert slipped["T-RV-09"] == (ScheduleStatus.lagging, ScheduleStatus.overdue)
    assert "T-FM-08" not in {m.task.id for m in june.slipped}
    # 白鹭河 was logged 完工 on 06-20.
    assert [(c.project.id, c.before, c.after) for c in june.stage_changes] == [("P-RIV-01", "在建", "完工")]
    assert [h.id for h in june.honors_won] == ["HN-07"]
    # T-RV-01: 4 of 12 on 05-31 (33.3 %), 5 of 12 on 06-30 (41.7 %): a gain of 8.3 points.
    gain = next(m for m in june.gains if m.task.id == "T-RV-01")
    assert round(gain.gained, 2) == 8.33


def test_march_projects_start_construction(months):
    march = months[2]
    started = {c.project.id for c in march.stage_changes if c.after == "在建"}
    assert started == {"P-RES-01", "P-WS-01"}
