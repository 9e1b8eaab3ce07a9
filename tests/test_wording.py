"""The period's words and the year-end rules: what a month, a quarter, a half-year, the first
three quarters and a year are called, what their plans are called, and where the boundary
days fall for an unfinished task or milestone."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workreport.model import Milestone, Period, ReportConfig, Thresholds, Vocabulary
from workreport.schedule import MilestoneState, ScheduleStatus, classify, milestone_state
from workreport.wording import PeriodShape, counted_number, joined, period_shape, period_words, words_of

THRESHOLDS = Thresholds(lagging=5, seriously_lagging=15)


def period(start: str, end: str, **extra: str) -> Period:
    return Period(id="p", title="本期", start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end), **extra)


@pytest.mark.parametrize(
    ("start", "end", "shape", "span", "following", "summary"),
    [
        ("2025-09-01", "2025-09-30", PeriodShape.month, "9月", "下月", "9月工作总结"),
        ("2025-01-01", "2025-03-31", PeriodShape.quarter, "一季度", "下季度", "一季度工作总结"),
        ("2025-04-01", "2025-06-30", PeriodShape.quarter, "二季度", "下季度", "二季度工作总结"),
        ("2025-01-01", "2025-06-30", PeriodShape.first_half, "上半年", "下半年", "半年工作总结"),
        ("2025-07-01", "2025-12-31", PeriodShape.second_half, "下半年", "明年", "下半年工作总结"),
        ("2025-01-01", "2025-09-30", PeriodShape.first_three_quarters, "前三季度", "四季度", "前三季度工作总结"),
        ("2025-01-01", "2025-12-31", PeriodShape.year, "全年", "明年", "年度工作总结"),
        ("2025-01-01", "2025-05-31", PeriodShape.months_to_date, "1—5月", "下一阶段", "1—5月工作总结"),
        ("2025-02-15", "2025-03-20", PeriodShape.other, "本期", "下一阶段", "工作总结"),
        ("2024-10-01", "2025-09-30", PeriodShape.other, "本期", "下一阶段", "工作总结"),
    ],
)
def test_each_period_says_what_it_covers_and_what_follows(start, end, shape, span, following, summary):
    words = period_words(period(start, end))
    assert (words.shape, words.span, words.next, words.summary) == (shape, span, following, summary)


def test_the_report_may_name_its_period_itself():
    # A fiscal year from October: the dates say nothing, the office says what to call it.
    words = period_words(period("2024-10-01", "2025-09-30", label="本财年", next_label="下一财年"))
    assert (words.span, words.next, words.summary) == ("本财年", "下一财年", "本财年工作总结")


@settings(max_examples=300, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)), st.integers(0, 400))
def test_a_period_is_called_a_month_or_quarter_only_when_it_is_one(start, days):
    end = start + dt.timedelta(days=days)
    shape, n = period_shape(start, end)
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1] and start.year == end.year
    if shape is not PeriodShape.other:
        assert whole_months
    if shape is PeriodShape.month:
        assert start.month == end.month == n
    elif shape is PeriodShape.quarter:
        assert (start.month, end.month) == (3 * n - 2, 3 * n)
    elif shape in (PeriodShape.first_half, PeriodShape.first_three_quarters, PeriodShape.year, PeriodShape.months_to_date):
        assert (start.month, end.month) == (1, n)
    known = start.month == end.month or start.month == 1 or (start.month, end.month) == (7, 12)
    known = known or (start.month % 3 == 1 and end.month - start.month == 2)
    if whole_months and known:
        assert shape is not PeriodShape.other


def test_counted_names_state_their_number():
    assert [counted_number(n) for n in ("七大任务", "八大攻坚行动", "十大工程", "十二大行动", "两大战役", "二十大专项", "重点工作")] == [
        7, 8, 10, 12, 2, 20, None,
    ]


def test_names_are_joined_the_chinese_way():
    assert joined(["安全生产"]) == "安全生产"
    assert joined(["安全生产", "党风廉政"]) == "安全生产和党风廉政"
    assert joined(["甲", "乙", "丙"]) == "甲、乙和丙"
    assert joined(["“国字号”", "“省字头”", "市级"]) == "“国字号”“省字头”和市级"


def report_with(vocabulary: dict, categories: int = 2) -> ReportConfig:
    return ReportConfig.model_validate({
        "bureau": "某县某局",
        "period": {"id": "2025", "title": "2025年", "start": "2025-01-01", "end": "2025-12-31"},
        "as_of": "2025-12-31",
        "categories": [{"id": f"c{n}", "name": f"条线{n}"} for n in range(categories)],
        "vocabulary": vocabulary,
    })


def test_the_bureaus_words_follow_its_vocabulary():
    default = words_of(report_with({}))
    assert (default.unit, default.departments, default.bottom_lines, default.bottom_lines_phrase) == (
        "处室", "机关处室", "两条底线", "安全生产和党风廉政两条底线",
    )
    assert default.honor_levels == "“国字号”“省字头”和市级"
    county = words_of(report_with({
        "unit": "股室",
        "project_location": "乡镇（街道）",
        "bottom_lines": {"lines": ["安全生产", "党风廉政", "农产品质量安全"]},
        "honor_levels": ["国家级", "省级", "市级", "县级"],
    }))
    assert (county.departments, county.bottom_lines, county.project_location) == ("机关股室", "三条底线", "乡镇（街道）")
    assert county.bottom_lines_phrase == "安全生产、党风廉政和农产品质量安全三条底线"
    assert county.honor_levels == "国家级、省级、市级和县级"
    assert (county.span, county.next) == ("全年", "明年")
    lone = words_of(report_with({"bottom_lines": {"lines": ["安全生产"]}}))
    assert (lone.bottom_lines, lone.bottom_lines_phrase) == ("安全生产底线", "安全生产底线")
    named = words_of(report_with({"bottom_lines": {"title": "三条红线", "lines": ["甲", "乙", "丙"]}}))
    assert named.bottom_lines_phrase == "甲、乙和丙三条红线"


def test_todays_values_are_the_default_vocabulary():
    v = Vocabulary()
    assert v.names("indicator_sources") == ["省考", "市考", "承担系数"]
    assert v.names("project_stages") == ["前期", "在建", "完工", "验收", "决算审计"]
    assert v.names("prerequisites") == ["立项", "初步设计批复", "招投标", "施工图审查", "征迁"]
    assert v.names("honor_levels") == ["国家级", "省级", "市级"]
    assert v.names("media_levels") == ["中央级", "省级", "市级"]
    assert v.names("bottom_lines") == ["安全生产", "党风廉政"]
    assert [s.name for s in v.indicator_sources if s.lead_department] == ["承担系数"]


# ---------------------------------------------------------------------- the boundary days


@settings(max_examples=300, deadline=None)
@given(
    st.dates(dt.date(2000, 1, 1), dt.date(2080, 12, 31)),
    st.integers(1, 700),
    st.integers(-5, 5),
    st.floats(0, 100),
    st.floats(0, 100),
)
def test_unfinished_work_is_not_on_track_from_the_last_day_of_its_window(start, length, shift, expected, actual):
    end = start + dt.timedelta(days=length)
    as_of = end + dt.timedelta(days=shift)
    status = classify(expected, actual, as_of, start, end, THRESHOLDS)
    if actual >= 100:
        assert status is ScheduleStatus.done
    elif as_of >= end:
        # The last day itself counts: a year-end report lists the 95 % task among its problems.
        assert status is ScheduleStatus.overdue
    else:
        assert status is not ScheduleStatus.overdue


def test_a_year_end_task_at_95_percent_is_not_finished_on_time():
    start, end = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    assert classify(100.0, 95.7, end, start, end, THRESHOLDS) is ScheduleStatus.overdue
    assert classify(99.7, 95.7, end - dt.timedelta(days=1), start, end, THRESHOLDS) is ScheduleStatus.on_track


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2080, 12, 31)), st.integers(-3, 3), st.none() | st.integers(-3, 3))
def test_a_milestone_is_due_on_its_day(due, shift, done_shift):
    as_of = due + dt.timedelta(days=shift)
    done_on = None if done_shift is None else due + dt.timedelta(days=done_shift)
    state = milestone_state(Milestone(title="节点", due=due, done_on=done_on), as_of)
    if done_on is not None and done_on <= as_of:
        assert state is MilestoneState.done
    elif as_of < due:
        assert state is MilestoneState.not_due  # 未到期, not 未完成
    else:
        assert state is MilestoneState.missed
