"""The indicator page and list views, from the sample and a small bureau with the odd cases."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import yaml

from conftest import MINIMAL_DATA
from workreport.audience import INTERNAL
from workreport.formatting import number
from workreport.loading import load_dataset
from workreport.views.context import Site
from workreport.views.indicators import indicator_index, indicator_page


def indicator(site: Site, indicator_id: str):
    return next(i for i in site.data.indicators if i.id == indicator_id)


@pytest.fixture(scope="module")
def odd(tmp_path_factory) -> Site:
    """The minimal bureau on 10 June, with an indicator without values and one with a single value."""
    data = tmp_path_factory.mktemp("odd") / "data"
    shutil.copytree(MINIMAL_DATA, data)
    report = data / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("as_of: 2025-06-30", "as_of: 2025-06-10"), encoding="utf-8"
    )
    records = yaml.safe_load((data / "records.yaml").read_text(encoding="utf-8"))
    records["indicators"] += [
        {
            "id": "I-EMPTY",
            "name": "无数据指标",
            "source": "省考",
            "owner_unit": "office",
            "weight": 2,
            "target": {"value": 0, "direction": "lower", "measure": "起"},
            "deductions": [{"date": "2025-06-20", "points": 1, "reason": "截至日后扣分", "unit": "office"}],
        },
        {
            "id": "I-ONCE",
            "name": "单值指标",
            "source": "市考",
            "owner_unit": "center",
            "weight": 3,
            "target": {"value": 18, "measure": "条", "cumulative": True},
            "values": [{"date": "2025-05-31", "value": 7}],
        },
    ]
    (data / "records.yaml").write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = load_dataset(data, data.parent)
    assert loaded.dataset is not None, loaded.problems
    return Site(INTERNAL.edition(loaded.dataset))


# ---------------------------------------------------------------------- page


def test_a_deduction_is_charged_at_the_multiplier_inside_only(internal, public):
    inside = indicator_page(internal, indicator(internal, "I-PROV-02"))
    assert inside.points_deducted == 0.5
    assert inside.charge is not None and (inside.charge.multiplier, inside.charge.points) == (2, 1.0)
    assert inside.charge_multiplier == 2
    assert [(d.points, d.charged, d.unit.id) for d in inside.deductions] == [(0.5, 1.0, "rivers")]
    assert inside.summary.endswith("累计扣分 0.5 分，局内考核按 2 倍计 1 分。")

    outside = indicator_page(public, indicator(public, "I-PROV-02"))
    assert outside.charge is None and outside.charge_multiplier is None
    assert [d.charged for d in outside.deductions] == [None]
    assert "局内" not in outside.summary
    assert outside.summary.endswith("累计扣分 0.5 分。")


def test_no_charge_without_points_lost(internal):
    page = indicator_page(internal, indicator(internal, "I-PROV-01"))
    assert page.charge is None and page.deductions == ()
    assert page.summary == "目标 不低于 16%；最新值 15.8%（2025年6月30日）；走势向好；累计扣分 0 分。"


def test_a_yearly_total_is_judged_against_its_share_of_the_year(internal):
    page = indicator_page(internal, indicator(internal, "I-CITY-02"))
    # 22 座 a year; 30 June is day 180 of the 364 between 1 January and 31 December.
    assert page.goal.pro_rata == pytest.approx(22 * 180 / 364)
    assert page.summary.startswith("目标 不低于 22座（年度累计，截至6月30日序时目标 10.88座）；最新值 7座（")
    assert page.health.text == "未达标" and page.health.tone == "bad"
    assert indicator_page(internal, indicator(internal, "I-PROV-01")).goal.pro_rata is None


def test_a_lower_is_better_target_reads_at_most(internal):
    goal = indicator_page(internal, indicator(internal, "I-SHARE-05")).goal
    assert (goal.words, goal.sign, goal.value, goal.measure) == ("不高于", "≤", 0, "起")
    assert indicator_page(internal, indicator(internal, "I-PROV-01")).goal.sign == "≥"


def test_missing_figures_read_none_yet(odd):
    empty = indicator_page(odd, indicator(odd, "I-EMPTY"))
    assert empty.latest is None and empty.trend == "暂无"
    assert empty.health.text == "无数据"
    # The deduction dated after the as-of date is listed but not yet counted.
    assert empty.points_deducted == 0 and empty.charge is None
    assert [d.charged for d in empty.deductions] == [2]
    assert empty.summary == "目标 不高于 0起；最新值 暂无；走势暂无；累计扣分 0 分。"
    once = indicator_page(odd, indicator(odd, "I-ONCE"))
    assert once.latest is not None and (once.latest.value, once.latest.date) == (7, dt.date(2025, 5, 31))
    assert once.trend == "暂无"


def test_the_internal_mark_shows_inside_only(internal, public):
    assert indicator_page(internal, indicator(internal, "I-CITY-03")).internal
    assert not indicator_page(internal, indicator(internal, "I-CITY-01")).internal
    assert "I-CITY-03" not in {i.id for i in public.data.indicators}


# ---------------------------------------------------------------------- list


def test_the_list_counts_health_and_points(internal, public):
    inside = indicator_index(internal)
    assert (inside.count, inside.met, inside.warning, inside.missed) == (19, 9, 6, 4)
    assert inside.points_deducted == pytest.approx(0.5 + 0.4 + 1.0 + 0.5 + 0.3)
    assert inside.charge is not None and inside.charge.points == pytest.approx(5.4)
    assert inside.warning_threshold == 5
    outside = indicator_index(public)
    assert (outside.count, outside.warning) == (18, 5)
    assert outside.charge is None


def test_the_list_puts_what_needs_attention_first(internal):
    groups = indicator_index(internal).groups
    # No indicator lacks data in the sample: that section is left out.
    assert [(g.name, g.anchor, len(g.rows)) for g in groups] == [
        ("未达标", "health-missed", 4),
        ("预警", "health-warning", 6),
        ("达标", "health-met", 9),
    ]
    missed = {r.link.id: r for r in groups[0].rows}
    assert set(missed) == {"I-CITY-02", "I-CITY-05", "I-SHARE-01", "I-SHARE-02"}
    assert missed["I-CITY-02"].points_deducted == 1.0
    assert missed["I-SHARE-01"].source == "承担系数" and missed["I-SHARE-01"].lead_department
    assert missed["I-CITY-02"].trend == "向好"


def test_the_list_shows_indicators_without_data_when_there_are_any(odd):
    groups = indicator_index(odd).groups
    assert [g.name for g in groups] == ["未达标", "预警", "达标", "无数据"]
    (row,) = groups[-1].rows
    assert row.link.id == "I-EMPTY" and row.latest is None and row.trend == "—"


def test_every_deduction_in_the_list_has_its_date_reason_and_unit(internal, sample):
    as_of = sample.report.as_of
    for group in indicator_index(internal).groups:
        # The group's 扣分 column adds up to its list of deductions, each dated up to the as-of date.
        assert sum(r.points_deducted for r in group.rows) == sum(d.points for d in group.deductions)
        for d in group.deductions:
            assert d.date <= as_of and d.reason and d.unit.kind == "units"
            assert d.text.endswith(f"{d.unit.text}被扣 {number(d.points)} 分：{d.reason}")
        assert [d.date for d in group.deductions] == sorted(d.date for d in group.deductions)
    met = indicator_index(internal).groups[2]
    assert met.name == "达标" and met.deductions  # the sample's 达标 group lost points too
