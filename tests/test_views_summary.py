"""The half-year summary and the monthly review views, from the sample and from trimmed copies of it."""

from __future__ import annotations

import datetime as dt

from workreport.audience import INTERNAL
from workreport.views.common import Badge, Link
from workreport.views.context import Site
from workreport.views.review import monthly_review
from workreport.views.summary import summary_achievements, summary_plans, summary_problems


def task(site: Site, task_id: str):
    return site.data.task_by_id[task_id]


# ---------------------------------------------------------------------- 一、工作完成情况


def test_the_bureau_in_one_paragraph(internal):
    intro = summary_achievements(internal).intro
    assert intro.startswith("截至2025年6月30日，全局 48 项重点任务平均完成 52.6%（序时进度 55.1%）")
    assert "其中已完成 8 项、正常推进 23 项、滞后 13 项、按计划尚未开始 4 项；" in intro
    assert "19 项考核指标中 9 项达到目标或序时目标；" in intro
    assert "16 个重点工程完成年度投资 21015 万元，占年度计划的 45.6%" in intro
    # Honors won by 30 June, counted by level: no 国家级 yet, so it is not named.
    assert intro.endswith("；获得省级荣誉 4 项、市级荣誉 2 项、共 6 项。")


def test_the_public_counts_only_the_public_tasks(public):
    intro = summary_achievements(public).intro
    assert "全局 45 项重点任务" in intro and "18 项考核指标" in intro


def test_lines_of_work_are_numbered_with_their_tasks(internal):
    view = summary_achievements(internal)
    assert [s.number for s in view.sections] == list("一二三四五六七")
    rivers = view.sections[0]
    assert (rivers.title, rivers.anchor) == ("当好幸福河湖建设主角", "done-happy-rivers")
    assert rivers.lead == "幸福河湖建设共 5 项重点任务，平均完成 60%（序时进度 63.7%），已完成 1 项、正常推进 2 项、滞后 2 项。"
    # 已完成 and 正常推进 are said even when none; 滞后 only when some.
    assert view.sections[1].lead.endswith("已完成 0 项、正常推进 5 项、滞后 1 项。")
    first = rivers.items[0]
    assert first.link == Link("tasks", "T-HR-04", "重点河湖健康评价")
    assert first.text.startswith("上半年完成清溪河、桃花港、南渠河等9条河湖健康评价报告")


def test_a_task_without_written_result_gives_its_figures(sample):
    # T-HR-01 is counted (9 of 18 条 by 30 June); without its text the summary states the figures.
    t = sample.task_by_id["T-HR-01"]
    bare = sample.replaced(tasks=[t.model_copy(update={"result": None}) if x is t else x for x in sample.tasks])
    items = summary_achievements(Site(INTERNAL.edition(bare))).sections[0].items
    item = next(i for i in items if i.link and i.link.id == "T-HR-01")
    assert item.text == "截至6月30日完成 50%（9 / 18 条）。"


def test_honors_won_come_last_the_earliest_first(internal):
    honors = summary_achievements(internal).honors
    assert honors is not None
    assert (honors.number, honors.anchor) == ("八", "done-honors")  # after the seven lines of work
    assert len(honors.items) == 6
    assert honors.items[0].link is None
    assert honors.items[0].text == "2025年2月10日，办公室获评市委市政府“2024年度全市高质量发展综合考核第一等次”（市级）。"


def test_a_line_of_work_without_tasks_keeps_its_number_unused(sample):
    # The summary numbers a line of work by its place among all of them (as before the views).
    rest = sample.replaced(tasks=[t for t in sample.tasks if t.category != "key-projects"])
    view = summary_achievements(Site(INTERNAL.edition(rest)))
    assert [s.number for s in view.sections] == list("一三四五六七")
    assert view.honors is not None and view.honors.number == "八"


# ---------------------------------------------------------------------- 二、存在的问题


def test_tasks_behind_with_their_own_problems(internal):
    view = summary_problems(internal)
    section = view.tasks
    assert section is not None
    assert (section.number, section.anchor) == ("一", "problem-tasks")
    assert section.lead == "截至2025年6月30日，有 13 项重点任务落后于序时进度，其中未按期完成 2 项、严重滞后 2 项。"
    first = section.items[0]
    assert first.link == Link("tasks", "T-FM-06", "山洪灾害监测预警设施更新")
    assert first.note == "水旱灾害防御处"
    assert first.text.startswith("完成 28.1%，低于序时进度 21.3 个百分点。设备采购招标流标一次")
    overdue = next(i for i in section.items if i.link and i.link.id == "T-FM-08")
    assert overdue.text.startswith("完成 86.1%，计划于2025年5月31日完成，已逾期。")


def test_only_the_bureau_sees_the_internal_charge(internal, public):
    inside = summary_problems(internal).indicators
    outside = summary_problems(public).indicators
    assert inside is not None and outside is not None
    assert inside.lead == (
        "上半年共有 5 项考核指标被扣分，累计扣 2.7 分，按局内考核 2 倍扣分的规定，相关单位在局内考核中合计扣 5.4 分。"
    )
    assert outside.lead == "上半年共有 5 项考核指标被扣分，累计扣 2.7 分。"


def test_points_lost_and_targets_missed(internal):
    section = summary_problems(internal).indicators
    assert section is not None and section.number == "二"
    assert [i.link.id for i in section.items if i.link] == ["I-PROV-02", "I-PROV-06", "I-CITY-02", "I-SHARE-03", "I-SHARE-05"]
    assert section.items[2].text.startswith("2025年6月20日扣 1 分（运行管理处），市政府重点工作督查通报")
    assert section.more == "另有 4 项指标未达到目标（年度累计型指标按序时目标计）："
    reservoirs = section.more_items[0]
    assert reservoirs.link == Link("indicators", "I-CITY-02", "病险水库除险加固")
    assert reservoirs.note == "7座，序时目标 10.9座"


def test_stuck_projects(internal):
    section = summary_problems(internal).projects
    assert section is not None and section.number == "三"
    assert [i.link.id for i in section.items if i.link] == ["P-IRR-01", "P-RES-01", "P-RES-02", "P-IRR-02"]
    irrigation, reservoir = section.items[0], section.items[1]
    # On schedule, but an approval is overdue.
    assert irrigation.note == "在建"
    assert irrigation.text.startswith("征迁计划于2025年4月30日办结，目前尚未办结；干渠沿线3.2公里征迁")
    assert reservoir.text.startswith("形象进度 30%，低于序时进度 10 个百分点；主汛期")


def test_sections_are_numbered_in_turn(sample):
    # Without tasks there is nothing behind: the indicators come first.
    view = summary_problems(Site(INTERNAL.edition(sample.replaced(tasks=[]))))
    assert view.tasks is None
    assert [(s.number, s.anchor) for s in view.sections] == [("一", "problem-indicators"), ("二", "problem-projects")]
    assert view.clear is None


def test_nothing_to_report(sample):
    calm = Site(INTERNAL.edition(sample.replaced(tasks=[], indicators=[], projects=[])))
    view = summary_problems(calm)
    assert view.sections == ()
    assert view.clear == "截至2025年6月30日，各项重点任务均按序时推进，考核指标未被扣分。"


# ---------------------------------------------------------------------- 三、工作计划


def test_plans_by_line_of_work(internal):
    view = summary_plans(internal)
    assert [s.anchor for s in view.sections][:2] == ["plan-happy-rivers", "plan-key-projects"]
    assert sum(len(s.items) for s in view.sections) == sum(1 for t in internal.data.tasks if t.plan)
    item = view.sections[0].items[0]
    assert item.link is not None and item.link.kind == "tasks"
    assert item.text.endswith("。")


def test_plans_are_numbered_in_turn(sample):
    # The lines of work with no plan written are left out, and the others numbered without a gap.
    tasks = [t.model_copy(update={"plan": None}) if t.category == "happy-rivers" else t for t in sample.tasks]
    view = summary_plans(Site(INTERNAL.edition(sample.replaced(tasks=tasks))))
    assert view.sections[0].anchor == "plan-key-projects"
    assert [s.number for s in view.sections] == list("一二三四五六")
    assert summary_plans(Site(INTERNAL.edition(sample.replaced(tasks=[])))).sections == ()


# ---------------------------------------------------------------------- 月度复盘


def test_months_the_latest_first(internal):
    months = monthly_review(internal).months
    assert [m.title for m in months] == [f"2025年{n}月" for n in range(6, 0, -1)]
    assert [m.anchor for m in months][:2] == ["m-2025-06", "m-2025-05"]


def test_june_in_words(internal, public):
    june = monthly_review(internal).months[0]
    assert june.lead == (
        "6月1日至6月30日：36 项任务取得进展，平均完成由 45.4% 提高到 52.6%，完成 3 项，1 项转为或加深滞后，"
        "1 项恢复正常；重点工程完成投资 3795 万元，1 个工程进入新阶段；考核扣分 3 次；获得荣誉 1 项；形成亮点 6 项。"
    )
    assert june.statuses == "已完成 8 · 正常推进 23 · 滞后 9 · 严重滞后 2 · 未开始 4 · 未按期完成 2"
    # The public sees no internal task: no recovery to mention in June.
    assert "恢复正常" not in monthly_review(public).months[0].lead


def test_june_in_tables(internal):
    june = monthly_review(internal).months[0]
    top = june.gains[0]
    assert (top.task.id, top.before, top.after, top.gained) == ("T-DG-04", 60, 100, 40)
    slip = june.slipped[0]
    assert (slip.task.id, slip.owner, slip.before, slip.after) == ("T-HR-05", "河湖处", "正常推进", Badge("滞后", "warn"))
    assert [(r.link.id, r.before, r.after) for r in june.recovered] == [("T-DG-04", "滞后", "已完成")]
    rows = {r.indicator.id: r for r in june.indicators}
    assert (rows["I-CITY-02"].before, rows["I-CITY-02"].after, rows["I-CITY-02"].change) == ("5座", "7座", "+2座（向好）")
    assert rows["I-CITY-02"].tone == "done"
    # Percentages move in points, with one decimal; lower-is-better indicators turn the direction round.
    assert all(r.change.endswith(("个百分点（向好）", "个百分点（变差）")) for r in june.indicators if r.after.endswith("%"))
    # Only what moved: I-PROV-04 reported the same figure and health as on June 1.
    assert "I-PROV-04" not in rows and june.indicators_steady == 3
    # The health changed: the row says from what.
    assert (rows["I-CITY-01"].health_before, rows["I-CITY-01"].health) == ("未达标", Badge("达标", "done"))
    assert rows["I-CITY-02"].health_before is None
    assert june.deductions[0].text == "6月20日，运管处被扣 1 分：市政府重点工作督查通报：病险水库除险加固进度滞后于序时，大石坝等7座水库未按计划于5月底前开工。"
    assert [(c.link.id, c.before, c.after) for c in june.stage_changes] == [("P-RIV-01", "在建", "完工")]
    assert [(h.link.id, h.level) for h in june.honors_won] == [("HN-07", "省级")]


def test_a_change_for_the_worse_says_so(sample):
    from workreport.model import Direction

    # The same figures read against a lower-is-better target: every rise is for the worse.
    flipped = [i.model_copy(update={"target": i.target.model_copy(update={"direction": Direction.lower})})
               if i.target.direction is Direction.higher else i for i in sample.indicators]
    june = monthly_review(Site(INTERNAL.edition(sample.replaced(indicators=flipped)))).months[0]
    row = next(r for r in june.indicators if r.indicator.id == "I-CITY-02")
    assert (row.change, row.tone) == ("+2座（变差）", "bad")


def test_a_first_value_has_nothing_to_compare_with(sample):
    # I-CITY-01 without its values before June: June has no value at its start.
    i = sample.indicator_by_id["I-CITY-01"]
    late = i.model_copy(update={"values": [v for v in i.values if v.date >= dt.date(2025, 6, 1)]})
    data = sample.replaced(indicators=[late if x is i else x for x in sample.indicators])
    june = monthly_review(Site(INTERNAL.edition(data))).months[0]
    row = next(r for r in june.indicators if r.indicator.id == "I-CITY-01")
    assert (row.before, row.change, row.health_before) == ("—", "—", None)
