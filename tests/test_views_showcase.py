"""The case page and list, highlights, honors and bottom lines views, from the sample and edited copies."""

from __future__ import annotations

import datetime as dt

from workreport.audience import INTERNAL, PUBLIC
from workreport.model import CheckStatus, HonorStatus, Practice
from workreport.views.common import Badge, Link
from workreport.views.context import Site
from workreport.views.showcase import bottom_lines, case_index, case_page, highlight_list, honor_list

# ---------------------------------------------------------------------- cases


def test_a_case_page(internal):
    view = case_page(internal, internal.data.case_by_id["C-01"])
    assert view.category == "幸福河湖建设"
    assert view.unit == Link("units", "rivers", "河湖管理处")
    assert (view.date, view.internal) == (dt.date(2025, 6, 27), False)
    assert [p.number for p in view.practices] == list("一二三四")
    assert view.practices[0].title == "全面摸排建台账，一河一档找短板"
    figure = view.figures[0]
    assert (figure.value, figure.measure, figure.label) == (9, "条", "累计建成幸福河湖")
    assert [t.id for t in view.tasks] == ["T-HR-01", "T-HR-02", "T-HR-03"]
    assert [i.id for i in view.indicators] == ["I-PROV-02", "I-CITY-01"]
    assert [p.id for p in view.projects] == ["P-RIV-01"]
    assert [(h.link.id, h.level, h.status) for h in view.honors] == [("HN-08", "省级", "申报中")]
    assert view.has_related
    assert view.changes is None  # no history read here


def test_the_gallery_links_each_photo_to_its_neighbours(internal):
    photos = case_page(internal, internal.data.case_by_id["C-01"]).photos
    assert [(p.number, p.previous, p.following) for p in photos] == [(1, None, 2), (2, 1, None)]
    assert photos[0].file == "photos/C-01/1.jpg"


def test_practices_past_ten_are_numbered_in_chinese(sample):
    case = sample.case_by_id["C-01"]
    many = case.model_copy(update={"practices": [Practice(title=f"做法{n}", text="内容") for n in range(1, 13)]})
    data = sample.replaced(cases=[many if c is case else c for c in sample.cases])
    view = case_page(Site(INTERNAL.edition(data)), many)
    assert [p.number for p in view.practices][9:] == ["十", "十一", "十二"]


def test_the_internal_case_is_marked_for_the_bureau_only(internal, public):
    assert case_page(internal, internal.data.case_by_id["C-09"]).internal
    marked = [c.link.id for g in case_index(internal).groups for c in g.cases if c.internal]
    assert marked == ["C-09"]
    assert all(not c.internal and c.link.id != "C-09" for g in case_index(public).groups for c in g.cases)


def test_cases_by_line_of_work(internal, public):
    groups = case_index(internal).groups
    assert [(g.name, len(g.cases)) for g in groups][:3] == [("幸福河湖建设", 1), ("重点工程建设", 1), ("服务乡村振兴", 3)]
    first = groups[0].cases[0]
    assert (first.link.id, first.unit, first.date) == ("C-01", "河湖管理处", dt.date(2025, 6, 27))
    assert sum(len(g.cases) for g in case_index(public).groups) == 10


# ---------------------------------------------------------------------- highlights


def test_highlight_cards_the_newest_first(internal, public):
    view = highlight_list(internal)
    dates = [c.date for c in view.cards]
    assert dates == sorted(dates, reverse=True)
    first = view.cards[0]
    assert (first.id, first.category_id, first.unit_id) == ("H-14", "key-projects", "planning")
    assert first.tags_value == "跑动对接|项目资金"
    assert first.unit == Link("units", "planning", "规划处")
    assert first.category == Link("categories", "key-projects", "重点工程建设")
    assert first.figure is not None and (first.figure.value, first.figure.measure) == (4.65, "亿元")
    assert first.media == "澄川日报（市级，6月30日）"
    assert [c.id for c in view.cards if c.internal] == ["H-15"]
    assert len(highlight_list(public).cards) == 14


def test_the_filter_offers_only_what_some_highlight_has(sample):
    # Keep two highlights: only their line of work, unit and tags are offered.
    one, two = sample.highlight_by_id["H-14"], sample.highlight_by_id["H-01"]
    two = two.model_copy(update={"tags": ["项目资金", "AI", "ai", "Beta"], "category": None})
    view = highlight_list(Site(INTERNAL.edition(sample.replaced(highlights=[one, two]))))
    assert [o.value for o in view.categories] == ["key-projects"]
    assert sorted(o.value for o in view.units) == sorted({one.unit, two.unit})
    # Each tag once (tags differing only in case are one), sorted regardless of case.
    assert view.tags == ("AI", "Beta", "跑动对接", "项目资金")
    without = next(c for c in view.cards if c.id == "H-01")
    assert (without.category_id, without.category) == ("", None)


# ---------------------------------------------------------------------- honors


def test_deadlines_due(internal):
    due = honor_list(internal).due
    assert [d.id for d in due][:3] == ["HN-03", "HN-08", "HN-01"]
    late = due[0]
    # Due 20 June, as of 30 June: ten days past.
    assert (late.deadline, late.days, late.past) == (dt.date(2025, 6, 20), 10, True)
    assert (late.level, late.status, late.unit.text, late.support) == ("国字号", Badge("申报中", "ok"), "信息中心", 2)
    assert (due[1].days, due[1].past, due[1].level) == (31, False, "省字头")
    assert all(d.deadline >= due[0].deadline for d in due)


def test_the_wall_by_level_and_status(internal):
    levels = honor_list(internal).levels
    assert [(g.name, g.level, g.count) for g in levels] == [("国字号", "国家级", 5), ("省字头", "省级", 11), ("市级", "市级", 4)]
    national = levels[0]
    assert [(c.status, c.tone, len(c.honors)) for c in national.columns] == [
        ("谋划中", "neutral", 2),
        ("申报中", "ok", 2),
        ("已获得", "done", 0),
        ("未获得", "neutral", 1),
    ]
    first = national.columns[0].honors[0]
    assert (first.id, first.when, first.unit.text) == ("HN-02", "2025年11月30日截止", "建设中心")
    assert [c.id for c in first.cases] == ["C-02"] and [h.id for h in first.highlights] == ["H-02"]
    won = [h for g in levels for h in g.columns[2].honors]
    assert all(h.when.endswith("获得") for h in won)


def test_an_honor_without_dates(sample):
    honor = sample.honor_by_id["HN-17"].model_copy(update={"deadline": None, "status": HonorStatus.planning})
    data = sample.replaced(honors=[honor if h.id == "HN-17" else h for h in sample.honors])
    view = honor_list(Site(INTERNAL.edition(data)))
    assert "HN-17" not in [d.id for d in view.due]
    column = next(g for g in view.levels if g.level == "市级").columns[0]
    assert (column.honors[-1].id, column.honors[-1].when) == ("HN-17", "未定截止日期")  # undated last


# ---------------------------------------------------------------------- bottom lines


def test_bottom_lines(internal):
    lines = bottom_lines(internal).lines
    assert [(g.name, len(g.checks)) for g in lines] == [("安全生产", 20), ("党风廉政", 18)]
    assert lines[0].tally == "已完成 12 项，整改中 6 项，未开始 2 项。"
    first = lines[0].checks[0]
    assert (first.id, first.unit.text, first.status) == ("BL-S-01", "办公室", Badge("已完成", "done"))
    assert first.rectification == "—"  # nothing to rectify
    tones = {c.status.text: c.status.tone for g in lines for c in g.checks}
    assert tones == {CheckStatus.done.value: "done", CheckStatus.rectifying.value: "warn", CheckStatus.pending.value: "neutral"}


def test_both_lines_even_without_checks(sample):
    lines = bottom_lines(Site(PUBLIC.edition(sample.replaced(bottom_lines=[])))).lines
    assert [(g.name, g.tally, g.checks) for g in lines] == [
        ("安全生产", "已完成 0 项，整改中 0 项，未开始 0 项。", ()),
        ("党风廉政", "已完成 0 项，整改中 0 项，未开始 0 项。", ()),
    ]
