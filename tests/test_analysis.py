"""Projects, indicators and scorecards at the as-of date, worked by hand on the sample."""

from __future__ import annotations

import datetime as dt

import pytest

from workreport.analysis import Analysis
from workreport.assessment import Health, Trend, health, indicator_standing, shortfall, year_fraction
from workreport.model import Indicator, Project, Thresholds, Vocabulary
from workreport.schedule import ScheduleStatus, project_schedule, stage_at

AS_OF = dt.date(2025, 6, 30)
THRESHOLDS = Thresholds(lagging=5, seriously_lagging=15, indicator_warning=5)
WORDS = Vocabulary()
STAGES = WORDS.names("project_stages")


def test_projects_worked_by_hand(sample):
    projects = sample.project_by_id

    # P-RES-01: 2025-03-20 → 11-30 is 255 days; 102 of them gone by 06-30 → 40 %.
    # 形象进度 30 % → gap 10 points: above 5, not above 15 → 滞后.
    s = project_schedule(projects["P-RES-01"], AS_OF, THRESHOLDS, WORDS)
    assert (round(s.expected, 2), s.actual, s.status) == (40.0, 30.0, ScheduleStatus.lagging)

    # P-RES-02: 2024-10-08 → 2025-09-30 is 357 days; 265 gone → 74.23 %; 53 % done → gap 21.23 → 严重滞后.
    s = project_schedule(projects["P-RES-02"], AS_OF, THRESHOLDS, WORDS)
    assert (round(s.expected, 2), round(s.gap, 2), s.status) == (74.23, 21.23, ScheduleStatus.seriously_lagging)

    # P-IRR-02 is in 前期: 4 approvals open, 初步设计批复 planned for 05-31 is overdue;
    # 210 of the year's 3000 万元 invested → 7 %.
    s = project_schedule(projects["P-IRR-02"], AS_OF, THRESHOLDS, WORDS)
    assert s.status is ScheduleStatus.not_started
    assert [p.name for p in s.open_prerequisites] == ["初步设计批复", "施工图审查", "征迁", "招投标"]
    assert [p.name for p in s.overdue_prerequisites] == ["初步设计批复"]
    assert s.investment_rate == pytest.approx(7.0)


def test_stage_is_read_back_from_the_log(sample):
    river = sample.project_by_id["P-RIV-01"]  # logged 完工 on 2025-06-20
    assert stage_at(river, dt.date(2025, 6, 19), STAGES) == "在建"
    assert stage_at(river, dt.date(2025, 6, 20), STAGES) == "完工"
    # Before an earlier as-of date the project is measured in the stage it was in then.
    s = project_schedule(river, dt.date(2025, 5, 31), THRESHOLDS, WORDS)
    assert (s.stage, s.actual) == ("在建", 98.0)


def test_a_prerequisite_done_after_the_as_of_date_is_still_open():
    project = Project.model_validate({
        "id": "P-X", "name": "工程", "kind": "灌区改造", "county": "县", "owner_unit": "u", "stage": "前期",
        "investment": {"total": 10, "planned_this_year": 0},
        "prerequisites": [{"name": "立项", "planned": "2025-03-01", "done_on": "2025-07-05"}],
    })
    s = project_schedule(project, AS_OF, THRESHOLDS, WORDS)
    assert [p.name for p in s.overdue_prerequisites] == ["立项"]
    assert s.investment_rate is None  # no plan this year: no division by zero
    assert project_schedule(project, dt.date(2025, 7, 5), THRESHOLDS, WORDS).open_prerequisites == ()


def test_indicator_health_worked_by_hand(sample):
    indicators = sample.indicator_by_id
    # The year is 364 days from 01-01 to 12-31, 180 gone at 06-30, as for tasks.
    assert year_fraction(AS_OF) == pytest.approx(180 / 364)

    # I-CITY-02 is a yearly total: 22 座 × 180/364 = 10.88 by 06-30; 7 done misses by 35.7 % → 未达标.
    s = indicator_standing(indicators["I-CITY-02"], AS_OF, THRESHOLDS)
    assert (round(s.target, 2), s.value.value, s.health) == (10.88, 7.0, Health.missed)
    assert s.points_deducted == 1.0

    # I-PROV-01: 15.8 % against 16 % misses by 0.2 / 16 = 1.25 % of the target, within 5 % → 预警.
    s = indicator_standing(indicators["I-PROV-01"], AS_OF, THRESHOLDS)
    assert (s.health, s.trend) == (Health.warning, Trend.better)

    # I-CITY-01: 18 条 × 180/364 = 8.90; 9 done → 达标.
    assert indicator_standing(indicators["I-CITY-01"], AS_OF, THRESHOLDS).health is Health.met


def test_a_zero_target_leaves_no_room():
    indicator = Indicator.model_validate({
        "id": "I-X", "name": "安全事故", "source": "市考", "owner_unit": "u", "weight": 1,
        "target": {"value": 0, "direction": "lower"},
    })
    assert health(indicator, 0.0, 0.0, THRESHOLDS) is Health.met
    assert shortfall(indicator, 1.0, 0.0) == float("inf")
    assert health(indicator, 1.0, 0.0, THRESHOLDS) is Health.missed
    assert health(indicator, None, 0.0, THRESHOLDS) is Health.no_data


def test_warning_band_edges():
    indicator = Indicator.model_validate({
        "id": "I-X", "name": "指标", "source": "市考", "owner_unit": "u", "weight": 1, "target": {"value": 100},
    })
    assert health(indicator, 95.0, 100.0, THRESHOLDS) is Health.warning  # exactly 5 % short
    assert health(indicator, 94.99, 100.0, THRESHOLDS) is Health.missed
    assert health(indicator, 100.0, 100.0, THRESHOLDS) is Health.met


def test_units_are_charged_double_for_points_lost(sample):
    charges = {c.unit_id: c for c in Analysis(sample).unit_charges}
    # 河湖管理处 lost 0.5 (I-PROV-02) + 0.5 (I-SHARE-03); the bureau charges twice that.
    assert (charges["rivers"].deducted, charges["rivers"].charged, charges["rivers"].deductions) == (1.0, 2.0, 2)
    assert (charges["operations"].charged, charges["planning"].charged, charges["safety"].charged) == (2.0, 0.8, 0.6)
    assert sum(c.charged for c in charges.values()) == pytest.approx(5.4)
    ranked = [c.unit_id for c in Analysis(sample).unit_charges]
    assert ranked[:4] == ["rivers", "operations", "planning", "safety"]


def test_bureau_scorecard(sample):
    a = Analysis(sample)
    card = a.scorecard(a.bureau_scope())
    assert {s.value: n for s, n in card.statuses.items()} == {
        "已完成": 8, "正常推进": 23, "滞后": 9, "严重滞后": 2, "未开始": 4, "未按期完成": 2,
    }
    gaps = [b.schedule.gap for b in card.behind]
    assert len(gaps) == 13 and gaps == sorted(gaps, reverse=True)
    assert card.behind[0].task.id == "T-FM-06"
    assert {h.value: n for h, n in card.health.items()} == {"达标": 9, "预警": 6, "未达标": 4, "无数据": 0}
    assert (card.points_deducted, card.points_charged) == (pytest.approx(2.7), pytest.approx(5.4))
    assert (card.investment_planned, card.investment_done) == (46100, 21015)
    assert [p.id for p in card.projects_waiting] == ["P-IRR-02", "P-RES-03", "P-RIV-02", "P-SWC-02"]


def test_scopes_partition_the_tasks(sample):
    a = Analysis(sample)
    by_category = sum(a.scorecard(a.category_scope(c.id)).tasks for c in sample.report.categories)
    by_unit = sum(a.scorecard(a.unit_scope(u.id)).tasks for u in sample.units)
    by_leader = [a.scorecard(a.leader_scope(le.id)) for le in sample.leaders]
    assert by_category == by_unit == sum(c.tasks for c in by_leader) == len(sample.tasks)
    assert sum(c.points_charged for c in by_leader) == pytest.approx(5.4)
    river_lines = a.scorecard(a.category_scope("happy-rivers"))
    assert {s.value: n for s, n in river_lines.statuses.items() if n} == {"已完成": 1, "正常推进": 2, "滞后": 2}
