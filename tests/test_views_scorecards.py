"""Scorecards and the pages of the organisation: lines of work, units, leaders, the analysis boards."""

from __future__ import annotations

import pytest

from workreport.audience import INTERNAL
from workreport.model import HonorStatus, UnitKind
from workreport.views.context import Site
from workreport.views.dashboard import dashboard
from workreport.views.org import category_page, leader_page, unit_index, unit_page
from workreport.views.scorecards import (
    BOARD_ORDER,
    Deductions,
    category_scorecards,
    leader_scorecards,
    schedule_board,
    scorecard_view,
    status_counts,
    unit_scoreboard,
)


@pytest.fixture(scope="module")
def unpaired(sample) -> Site:
    """The sample with no point lost, and the director's units handed to deputy Zhao."""
    indicators = [i.model_copy(update={"deductions": []}) for i in sample.indicators]
    units = [u.model_copy(update={"leader": "deputy-zhao"}) if u.leader == "director" else u for u in sample.units]
    return Site(INTERNAL.edition(sample.replaced(indicators=indicators, units=units)))


def record(site: Site, kind: str, record_id: str):
    return site.data.by_id(kind)[record_id]


# ---------------------------------------------------------------------- the scorecard partial


def test_a_leaders_scorecard_sums_the_units_led(internal):
    units = {"rural-water", "rivers", "resettlement", "soil-conservation"}
    assert {u.id for u in internal.data.units_led_by("deputy-sun")} == units
    card = scorecard_view(internal, "leaders", "deputy-sun")
    assert card.tasks == sum(1 for t in internal.data.tasks if t.owner_unit in units) == 13
    s = card.statuses
    assert (s.lagging, s.seriously_lagging, s.overdue, s.behind) == (3, 0, 1, 4)
    assert card.indicators == sum(1 for i in internal.data.indicators if i.owner_unit in units) == 7
    assert (card.health.met, card.health.warning, card.health.missed) == (2, 3, 2)
    assert card.projects == 10 and (card.investment_done, card.investment_planned) == (14965, 27200)
    assert card.investment_rate == pytest.approx(14965 / 27200 * 100)
    assert (card.honors_won, card.cases, card.highlights) == (2, 4, 5)
    assert card.donut is not None and card.donut.key == "deputy-sun"
    assert card.donut.title == "孙雅文分管：重点任务推进状态"


def test_the_tasks_behind_come_largest_gap_first(internal):
    card = scorecard_view(internal, "leaders", "deputy-sun")
    assert [b.link.id for b in card.behind] == ["T-RV-09", "T-HR-05", "T-RV-06", "T-RV-01"]
    first = card.behind[0]
    assert (first.status.text, first.status.tone) == ("未按期完成", "overdue")
    assert first.gap == pytest.approx(first.expected - first.actual)
    assert first.gap == pytest.approx(13.16, abs=0.01)
    assert first.owner.text == "移民处"  # the unit's short name
    gaps = [b.gap for b in card.behind]
    assert gaps == sorted(gaps, reverse=True)


def test_the_internal_charge_is_shown_inside_only(internal, public):
    inside = scorecard_view(internal, "units", "rivers").deductions
    assert inside is not None and inside.internal
    assert (inside.points, inside.charged, inside.multiplier) == (1.0, 2.0, 2.0)
    outside = scorecard_view(public, "units", "rivers").deductions
    assert outside is not None and not outside.internal
    assert (outside.points, outside.charged, outside.multiplier) == (1.0, None, None)


def test_a_scope_without_units_has_no_deductions(internal, unpaired):
    assert scorecard_view(internal, "categories", "happy-rivers").deductions is None
    alone = scorecard_view(unpaired, "leaders", "director")
    assert alone.deductions is None and alone.tasks == 0 and alone.donut is None and alone.behind == ()


def test_every_kind_of_lateness_is_counted_once(internal):
    for kind, records in (
        ("categories", internal.data.categories),
        ("units", internal.data.units),
        ("leaders", internal.data.leaders),
    ):
        for r in records:
            card = internal.scorecard(kind, r.id)
            s = status_counts(card)
            assert s.behind == s.lagging + s.seriously_lagging + s.overdue == len(card.behind)
            assert s.done + s.on_track + s.not_started + s.behind == card.tasks


# ---------------------------------------------------------------------- pages of the organisation


def test_a_category_page_lists_its_tasks_and_projects(internal):
    category = internal.data.category_by_id["rural-revitalization"]
    page = category_page(internal, category)
    assert [t.link.id for t in page.tasks] == [t.id for t in internal.data.tasks if t.category == category.id]
    assert page.scorecard.deductions is None
    assert page.investment is not None and page.investment.key == category.id
    assert page.investment.title == "服务乡村振兴：年度投资完成情况"
    assert [r.target for r in page.investment.rows] == [
        f"projects/{p.id}.md" for p in internal.data.projects if p.category == category.id
    ]


def test_a_unit_page(internal, public):
    page = unit_page(internal, record(internal, "units", "rivers"))
    assert page.kind == "机关处室"
    assert page.leader.id == "deputy-sun" and page.leader.text == "孙雅文（党组成员、副局长）"
    assert len(page.tasks) == 5
    for row, task in zip(page.tasks, internal.data.of_unit("rivers", "tasks")):
        assert row.link.id == task.id
        assert row.target == (f"{task.target.value:g} {task.target.measure}" if task.target else "里程碑")
    deducted = {i.link.id: i.points_deducted for i in page.indicators}
    assert sum(deducted.values()) == 1.0
    assert unit_page(internal, record(internal, "units", "soil-conservation")).kind == "直属单位"
    assert unit_page(public, record(public, "units", "rivers")).scorecard.deductions == Deductions(
        1.0, False, None, None
    )


def test_a_leader_page_charges_units_inside_only(internal, public):
    inside = leader_page(internal, record(internal, "leaders", "deputy-sun"))
    assert inside.heading == "孙雅文（党组成员、副局长）"
    assert [u.id for u in inside.units] == ["rural-water", "rivers", "resettlement", "soil-conservation"]
    assert inside.internal
    rivers = next(r for r in inside.unit_rows if r.link.id == "rivers")
    assert (rivers.tasks, rivers.behind, rivers.deducted, rivers.charged) == (5, 1, 1.0, 2.0)
    outside = leader_page(public, record(public, "leaders", "deputy-sun"))
    assert not outside.internal
    assert [r.charged for r in outside.unit_rows] == [None] * 4
    assert [r.deducted for r in outside.unit_rows] == [r.deducted for r in inside.unit_rows]


def test_the_list_of_units_groups_them_by_kind(internal, sample):
    view = unit_index(internal)
    assert [g.title for g in view.groups] == ["机关处室", "直属单位"]
    affiliated = [u.id for u in sample.units if u.kind is UnitKind.affiliated]
    assert [u.link.id for u in view.groups[1].units] == affiliated
    assert len(view.groups[0].units) + len(affiliated) == len(sample.units)
    director = view.leaders[0]
    assert director.link.text == "林正清" and [u.text for u in director.units] == ["办公室", "机关党委"]
    rivers = next(u for u in view.groups[0].units if u.link.id == "rivers")
    assert (rivers.tasks, rivers.indicators, rivers.leader.id) == (
        5,
        len(sample.of_unit("rivers", "indicators")),
        "deputy-sun",
    )
    # 其中滞后 counts as the dashboard does: each task once, under the unit that leads it.
    behind = {u.link.id: u.behind for g in view.groups for u in g.units}
    assert sum(behind.values()) == dashboard(internal).statuses.behind == 13
    assert (behind["resettlement"], behind["law"]) == (2, 0)


def test_a_kind_without_units_is_left_out(sample):
    units = [u.model_copy(update={"kind": UnitKind.department}) for u in sample.units]
    view = unit_index(Site(INTERNAL.edition(sample.replaced(units=units))))
    assert [g.title for g in view.groups] == ["机关处室"]


# ---------------------------------------------------------------------- the analysis pages


def test_the_schedule_board_lists_every_task_once_in_order_of_urgency(internal):
    board = schedule_board(internal)
    assert [s.title for s in board.sections] == ["未按期完成", "严重滞后", "滞后", "正常推进", "未开始", "已完成"]
    assert [s.anchor for s in board.sections] == ["status-" + s.name.replace("_", "-") for s in BOARD_ORDER]
    listed = [r.link.id for s in board.sections for r in s.rows]
    assert sorted(listed) == sorted(t.id for t in internal.data.tasks)
    counts = {s.title: len(s.rows) for s in board.sections}
    assert counts == {"未按期完成": 2, "严重滞后": 2, "滞后": 9, "正常推进": 23, "未开始": 4, "已完成": 8}
    for section in board.sections[:3]:
        gaps = [r.gap for r in section.rows]
        assert gaps == sorted(gaps, reverse=True)
    # Ties keep the data's order.
    assert [r.link.id for r in board.sections[2].rows][:5] == ["T-RL-01", "T-HR-04", "T-RL-07", "T-KP-01", "T-BE-04"]
    assert (board.lagging_threshold, board.seriously_lagging_threshold) == (5, 15)
    assert board.tasks == 48 and board.donut.key == "board"
    first = board.sections[0].rows[0]
    assert first.leader.text == internal.data.task_leader(record(internal, "tasks", first.link.id)).name


def test_category_scorecards_cover_every_task(internal):
    view = category_scorecards(internal)
    assert [r.link.id for r in view.rows] == [c.id for c in internal.data.categories]
    assert sum(r.tasks for r in view.rows) == len(internal.data.tasks)
    assert sum(r.statuses.behind for r in view.rows) == 13
    happy = view.rows[0].statuses
    assert (happy.done, happy.on_track, happy.lagging, happy.not_started) == (1, 2, 2, 0)
    assert view.chart.max_value == 100 and len(view.chart.bars) == len(view.rows)


def test_the_unit_scoreboard_is_internal_only(internal, public):
    assert unit_scoreboard(public).board is None
    board = unit_scoreboard(internal).board
    assert board is not None and board.multiplier == 2
    assert len(board.rows) == len(internal.data.units)
    charges = [r.charged for r in board.rows]
    assert charges == sorted(charges, reverse=True)
    assert all(r.charged == r.deducted * 2 for r in board.rows)
    assert [(r.link.id, r.deducted) for r in board.rows[:4]] == [
        ("rivers", 1),
        ("operations", 1),
        ("planning", 0.4),
        ("safety", 0.3),
    ]
    assert board.chart is not None and [b.label for b in board.chart.bars] == ["河湖处", "运管处", "规划处", "安监处"]
    assert board.chart.title == "局内考核扣分（上级扣分 × 2）"
    operations = board.rows[1]
    assert (operations.leader.text, operations.missed, operations.warning) == ("何立新", 2, 0)


def test_no_charge_chart_when_no_point_is_lost(unpaired):
    board = unit_scoreboard(unpaired).board
    assert board is not None and board.chart is None
    assert {r.charged for r in board.rows} == {0}


def test_leader_scorecards(internal, public, unpaired):
    inside = leader_scorecards(internal)
    assert inside.internal and [r.link.id for r in inside.rows] == [le.id for le in internal.data.leaders]
    zhao = inside.rows[1]
    assert zhao.link.text == "赵启航（党组成员、副局长）"
    assert [u.text for u in zhao.units] == ["规划处", "建管处", "安监处", "建设中心"]
    assert (zhao.deducted, zhao.charged) == (pytest.approx(0.7), pytest.approx(1.4))
    outside = leader_scorecards(public)
    assert not outside.internal and {r.charged for r in outside.rows} == {None}
    won = [h for h in internal.data.honors if h.status is HonorStatus.won and h.unit in {"office", "party-hr"}]
    assert inside.rows[0].honors_won == len(won) == 1
    alone = leader_scorecards(unpaired).rows[0]
    assert alone.units == () and alone.deducted is None and alone.charged is None
