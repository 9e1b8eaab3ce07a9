"""Schedule arithmetic: worked examples from the sample, and properties over generated tasks."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from workreport.model import PlannedPoint, Task, Thresholds, Vocabulary, Window
from workreport.schedule import ScheduleStatus, classify, expected_progress, task_schedule

THRESHOLDS = Thresholds(lagging=5, seriously_lagging=15)
WINDOW = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_sample_tasks_worked_by_hand(sample):
    as_of = sample.report.as_of  # 2025-06-30
    tasks = sample.task_by_id

    # T-RV-01: window 2025-01-01..12-31 (364 days); 180 days gone -> 180 / 364 = 49.45 %.
    # 5 of 12 灌区 done -> 41.67 %; gap 7.78 points: above 5, not above 15 -> 滞后.
    s = task_schedule(tasks["T-RV-01"], as_of, THRESHOLDS)
    assert (round(s.expected, 2), round(s.actual, 2), round(s.gap, 2)) == (49.45, 41.67, 7.78)
    assert s.status is ScheduleStatus.lagging

    # T-FM-02: same window, 7 of 22 座 -> 31.82 %; gap 49.45 - 31.82 = 17.63 > 15 -> 严重滞后.
    s = task_schedule(tasks["T-FM-02"], as_of, THRESHOLDS)
    assert (round(s.actual, 2), round(s.gap, 2)) == (31.82, 17.63)
    assert s.status is ScheduleStatus.seriously_lagging

    # T-RV-09: window ended 2025-05-31, 33 of 38 done (86.84 %) -> 未按期完成.
    s = task_schedule(tasks["T-RV-09"], as_of, THRESHOLDS)
    assert (s.expected, round(s.actual, 2), s.status) == (100.0, 86.84, ScheduleStatus.overdue)

    # T-RV-05: planned curve 20 % at 06-30; 1 of 5 done = 20 % -> gap 0 -> 正常推进.
    s = task_schedule(tasks["T-RV-05"], as_of, THRESHOLDS)
    assert (s.expected, s.actual, s.status) == (20.0, 20.0, ScheduleStatus.on_track)

    # T-KP-05 starts 2025-08-01 -> 未开始.
    assert task_schedule(tasks["T-KP-05"], as_of, THRESHOLDS).status is ScheduleStatus.not_started


def test_sample_status_counts(sample):
    counts: dict[str, int] = {}
    for task in sample.tasks:
        status = task_schedule(task, sample.report.as_of, sample.report.thresholds).status
        counts[status.value] = counts.get(status.value, 0) + 1
    assert counts == {"正常推进": 23, "滞后": 9, "已完成": 8, "未开始": 4, "严重滞后": 2, "未按期完成": 2}


# ---------------------------------------------------------------------- properties

START = dt.date(2025, 1, 1)
days = st.integers(min_value=0, max_value=730)


@st.composite
def tasks(draw) -> Task:
    length = draw(st.integers(min_value=1, max_value=365))
    start = START + dt.timedelta(days=draw(st.integers(min_value=0, max_value=180)))
    end = start + dt.timedelta(days=length)
    offsets = sorted(set(draw(st.lists(st.integers(min_value=0, max_value=length), max_size=5))))
    percents = sorted(draw(st.lists(st.floats(min_value=0, max_value=100), min_size=len(offsets), max_size=len(offsets))))
    planned = [PlannedPoint(date=start + dt.timedelta(days=o), percent=p) for o, p in zip(offsets, percents, strict=True)]
    return Task(
        id="T-X", title="任务", category="c", owner_unit="u", window=Window(start=start, end=end),
        planned=planned, milestones=[{"title": "节点", "due": end}],
    )


@settings(max_examples=300, deadline=None)
@given(tasks(), days)
def test_expected_progress_stays_within_0_and_100(task, offset):
    assert 0 <= expected_progress(task, START + dt.timedelta(days=offset)) <= 100


@settings(max_examples=300, deadline=None)
@given(tasks(), days, days)
def test_expected_progress_never_falls_as_the_date_moves_later(task, a, b):
    early, late = sorted((a, b))
    assert expected_progress(task, START + dt.timedelta(days=early)) <= expected_progress(
        task, START + dt.timedelta(days=late)
    ) + 1e-9


@settings(max_examples=300, deadline=None)
@given(tasks(), st.floats(min_value=0, max_value=99.99), st.floats(min_value=0, max_value=100))
def test_status_agrees_with_the_gap_and_thresholds(task, actual, expected):
    as_of = task.window.start + (task.window.end - task.window.start) / 2
    status = classify(expected, actual, as_of, task.window.start, task.window.end, THRESHOLDS)
    gap = expected - actual
    if gap > 15:
        assert status is ScheduleStatus.seriously_lagging
    elif gap > 5:
        assert status is ScheduleStatus.lagging
    else:
        assert status is ScheduleStatus.on_track


def test_thresholds_at_their_edges():
    mid = dt.date(2025, 6, 30)
    assert classify(55.0, 50.0, mid, *WINDOW, THRESHOLDS) is ScheduleStatus.on_track  # gap exactly 5
    assert classify(55.01, 50.0, mid, *WINDOW, THRESHOLDS) is ScheduleStatus.lagging
    assert classify(65.0, 50.0, mid, *WINDOW, THRESHOLDS) is ScheduleStatus.lagging  # gap exactly 15
    assert classify(65.01, 50.0, mid, *WINDOW, THRESHOLDS) is ScheduleStatus.seriously_lagging
    assert classify(0.0, 100.0, mid, *WINDOW, THRESHOLDS) is ScheduleStatus.done
    assert classify(100.0, 99.0, dt.date(2026, 1, 1), *WINDOW, THRESHOLDS) is ScheduleStatus.overdue


@st.composite
def projects(draw):
    from workreport.model import Project

    start = START + dt.timedelta(days=draw(st.integers(min_value=-200, max_value=200)))
    end = start + dt.timedelta(days=draw(st.integers(min_value=1, max_value=700)))
    percents = sorted(draw(st.lists(st.floats(min_value=0, max_value=100), max_size=4)))
    progress = [{"date": START + dt.timedelta(days=30 * (i + 1)), "percent": p} for i, p in enumerate(percents)]
    return Project.model_validate({
        "id": "P-X", "name": "工程", "kind": "灌区改造", "county": "县", "owner_unit": "u",
        "stage": draw(st.sampled_from(["前期", "在建"])), "investment": {"total": 1, "planned_this_year": 1},
        "dates": {"start": start, "planned_completion": end}, "progress": progress,
    })


@settings(max_examples=300, deadline=None)
@given(projects(), days, days)
def test_project_expected_progress_is_bounded_and_never_falls(project, a, b):
    from workreport.schedule import project_schedule

    early, late = (project_schedule(project, START + dt.timedelta(days=d), THRESHOLDS, Vocabulary()) for d in sorted((a, b)))
    for s in (early, late):
        assert 0 <= s.expected <= 100 and 0 <= s.actual <= 100
        if s.status in (ScheduleStatus.lagging, ScheduleStatus.seriously_lagging):
            assert s.gap > THRESHOLDS.lagging
    assert early.expected <= late.expected + 1e-9
