"""Inline SVG charts: parsed as XML and measured, not just searched for strings."""

from __future__ import annotations

import datetime as dt
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from workreport.render.charts import (
    TONES,
    Bar,
    InvestmentRow,
    Segment,
    bars,
    donut,
    donuts,
    funnel,
    hbars,
    investment,
    investments,
    palette,
    schedule_bar,
    trend,
    trend_line,
)
from workreport.render.charts.svg import PAD

SVG = "{http://www.w3.org/2000/svg}"

STATUSES = [
    Segment("已完成", 8, "done"),
    Segment("正常推进", 23, "ok"),
    Segment("滞后", 9, "warn"),
    Segment("严重滞后", 2, "bad"),
    Segment("未开始", 4, "neutral"),
    Segment("未按期完成", 2, "overdue"),
]
UNITS = [Bar("农村水利处", 6.0), Bar("水资源管理处", 5.5, note="报送延迟"), Bar("河湖管理处", 3, "warn")]
TREND = [(dt.date(2025, m, 1), v) for m, v in zip(range(1, 6), [14.6, 14.8, 15.1, 15.5, 15.8], strict=True)]
STAGES = [Bar("前期", 4), Bar("在建", 6), Bar("完工", 2), Bar("验收", 2), Bar("决算审计", 2)]
INVESTMENT = [InvestmentRow("灌区续建配套", 3800, 3580), InvestmentRow("中小河流治理", 2600, 1200)]

# One sample of every chart, each as a function of a label so the same cases can test escaping.
SAMPLES: dict[str, Callable[[str], Markup]] = {
    "schedule": lambda label: schedule_bar(41.7, 49.5, label=label),
    "donut": lambda label: donut([*STATUSES, Segment(label, 1, "ok")], title=label),
    "hbars": lambda label: hbars([*UNITS, Bar(label, 1, note=label)], title=label, unit="分"),
    "trend": lambda label: trend_line(TREND, title=label, target=16, measure="%"),
    "funnel": lambda label: funnel([*STAGES, Bar(label, 1)], title=label),
    "investment": lambda label: investment([*INVESTMENT, InvestmentRow(label, 1, 1)], title=label),
}


def parse(markup: Markup) -> ET.Element:
    """The chart as XML: failing here means a renderer would see broken markup."""
    return ET.fromstring(str(markup))


def svg_of(root: ET.Element) -> ET.Element:
    return root if root.tag == f"{SVG}svg" else root.find(f"{SVG}svg")


def by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def chart_id(root: ET.Element) -> str:
    return svg_of(root).get("aria-labelledby").split()[0].removesuffix("-title")


def desc(root: ET.Element) -> str:
    return svg_of(root).find(f"{SVG}desc").text


def font_sizes(element: ET.Element, inherited: float | None = None) -> list[float | None]:
    """The font size each text and tspan is drawn at (None when nothing sets it)."""
    own = float(element.get("font-size")) if element.get("font-size") else inherited
    sizes = [own] if element.tag in (f"{SVG}text", f"{SVG}tspan") else []
    for child in element:
        sizes += font_sizes(child, own)
    return sizes


# ------------------------------------------------------------------ structure shared by every chart


@pytest.mark.parametrize("kind", SAMPLES)
def test_every_chart_is_an_accessible_image(kind: str):
    root = parse(SAMPLES[kind]("样例"))
    svg = svg_of(root)
    if kind == "schedule":
        assert root.get("class") == "wr-chart wr-chart--schedule"
    else:
        assert root.tag == "figure" and root.get("class") == f"wr-chart wr-chart--{kind}"
        assert root.find("figcaption").text == "样例"
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    children = {child.get("id"): child for child in svg}
    assert children[title_id].tag == f"{SVG}title" and children[title_id].text
    assert children[desc_id].tag == f"{SVG}desc" and children[desc_id].text
    # Natural size: 1 viewBox unit is 1 px, so 12 px text really is 12 px on a wide screen.
    assert svg.get("viewBox") == f"0 0 {svg.get('width')} {svg.get('height')}"
    # Charts shrink on narrow screens; the table-cell bar keeps its size so its column stays wide enough.
    assert svg.get("style").startswith("max-width:none" if kind == "schedule" else "max-width:100%")


@pytest.mark.parametrize("kind", SAMPLES)
def test_text_is_at_least_12_px(kind: str):
    sizes = font_sizes(svg_of(parse(SAMPLES[kind]("样例"))))
    assert sizes and None not in sizes
    assert min(sizes) >= 12


@pytest.mark.parametrize("kind", SAMPLES)
def test_labels_are_escaped(kind: str):
    text = str(SAMPLES[kind]("<script>alert(1)</script>"))
    assert "<script>" not in text
    parse(Markup(text))  # still well-formed


@pytest.mark.parametrize("kind", SAMPLES)
def test_output_is_deterministic_and_ids_follow_the_data(kind: str):
    first, again, other = SAMPLES[kind]("甲"), SAMPLES[kind]("甲"), SAMPLES[kind]("乙")
    assert first == again
    ids = {e.get("id") for e in parse(first).iter() if e.get("id")}
    other_ids = {e.get("id") for e in parse(other).iter() if e.get("id")}
    assert ids and not ids & other_ids


@pytest.mark.parametrize("kind", SAMPLES)
def test_no_blank_lines_so_markdown_keeps_one_html_block(kind: str):
    assert "\n\n" not in str(SAMPLES[kind]("第一段\n\n第二段"))


def test_schedule_bar_fits_in_a_markdown_table_cell():
    text = str(schedule_bar(41.7, 49.5, label="甲|乙\n丙"))
    assert "\n" not in text and "|" not in text
    assert "甲&#124;乙 丙" in text


def test_key_separates_two_identical_charts_on_one_page():
    a = parse(hbars(UNITS, title="得分", unit="分", key="上半年"))
    b = parse(hbars(UNITS, title="得分", unit="分", key="下半年"))
    assert chart_id(a) != chart_id(b)
    assert chart_id(parse(schedule_bar(50, 50, key="T-1"))) != chart_id(parse(schedule_bar(50, 50, key="T-2")))


def test_links_wrap_shapes_and_labels_with_escaped_href():
    text = str(hbars([Bar("农村水利处", 6, href="units/rural.md?a=1&b=2")], title="得分", unit="分"))
    link = next(parse(Markup(text)).iter(f"{SVG}a"))
    assert link.get("href") == "units/rural.md?a=1&b=2"
    assert 'href="units/rural.md?a=1&amp;b=2"' in text
    assert link.iter(f"{SVG}rect") and any(t.text == "农村水利处" for t in link.iter(f"{SVG}text"))


def relative_luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(colour: str) -> float:
    return 1.05 / (relative_luminance(colour) + 0.05)


@pytest.mark.parametrize("name", TONES)
def test_palette_stands_out_from_white(name: str):
    tone = TONES[name]
    assert contrast_with_white(tone.ink) >= 3, (name, round(contrast_with_white(tone.ink), 2))
    # Only the outline tone may fill with a light tint; every solid fill is its ink.
    assert tone.fill == tone.ink or name == "plan"
    assert contrast_with_white(palette.INK) >= 4.5 and contrast_with_white(palette.MUTED) >= 4.5


def test_unknown_tone_is_an_error():
    with pytest.raises(ValueError, match="未知的颜色 'green'"):
        hbars([Bar("甲", 1, tone="green")], title="得分", unit="分")


# ------------------------------------------------------------------ schedule bar


def test_schedule_bar_marks_expected_progress_at_its_position():
    svg = parse(schedule_bar(41.7, 49.5))
    assert svg.find(f"{SVG}title").text == "实际进度 41.7%，序时进度 49.5%"
    (tick,) = by_class(svg, "wr-chart__expected")
    line = tick.find(f"{SVG}line")
    assert float(line.get("x1")) == pytest.approx(bars.TRACK_X + bars.TRACK_W * 0.495, abs=0.01)
    (fill,) = by_class(svg, "wr-chart__actual")
    assert float(fill.get("width")) == pytest.approx(bars.TRACK_W * 0.417, abs=0.01)
    assert any(t.text == "41.7%" for t in svg.iter(f"{SVG}text"))


def test_schedule_bar_without_expected_has_no_tick_and_clamps():
    svg = parse(schedule_bar(130, None, tone="done"))
    assert by_class(svg, "wr-chart__expected") == []
    assert desc(svg) == "实际进度 130%"
    (fill,) = by_class(svg, "wr-chart__actual")
    assert float(fill.get("width")) == bars.TRACK_W


# ------------------------------------------------------------------ donut

TOKEN = re.compile(r"[MALZ]|-?\d+(?:\.\d+)?")


def outer_sweeps(path: str, centre: tuple[float, float]) -> float:
    """Degrees swept by the outer-radius arcs of one path (an arc to its own start sweeps nothing)."""
    tokens = TOKEN.findall(path)
    cx, cy = centre
    total, point, i = 0.0, (0.0, 0.0), 0

    def angle(p: tuple[float, float]) -> float:
        return math.degrees(math.atan2(p[0] - cx, cy - p[1])) % 360

    while i < len(tokens):
        command = tokens[i]
        if command in "ML":
            point, i = (float(tokens[i + 1]), float(tokens[i + 2])), i + 3
        elif command == "A":
            radius, clockwise = float(tokens[i + 1]), tokens[i + 5] == "1"
            end = (float(tokens[i + 6]), float(tokens[i + 7]))
            if radius == donuts.RING_R and end != point:
                delta = (angle(end) - angle(point)) % 360 if clockwise else (angle(point) - angle(end)) % 360
                total += delta or 360.0
            point, i = end, i + 8
        else:
            i += 1
    return total


def segment_sweeps(root: ET.Element) -> list[float]:
    svg = svg_of(root)
    centre = (donuts.RING_R + PAD, float(svg.get("height")) / 2)
    return [outer_sweeps(p.get("d"), centre) for p in by_class(svg, "wr-chart__segment")]


def test_donut_arcs_are_proportional_and_every_value_is_written():
    root = parse(donut(STATUSES, title="任务进展"))
    assert segment_sweeps(root) == pytest.approx([s.value / 48 * 360 for s in STATUSES], abs=0.05)
    assert desc(root) == (
        "合计 48 项。已完成 8 项，占 16.7%；正常推进 23 项，占 47.9%；滞后 9 项，占 18.8%；"
        "严重滞后 2 项，占 4.2%；未开始 4 项，占 8.3%；未按期完成 2 项，占 4.2%。"
    )
    legend = [" ".join(t.text for t in item.iter(f"{SVG}text")) for item in by_class(root, "wr-chart__legend-item")]
    assert legend[0] == "已完成 8 项 16.7%"
    centre = ["".join(t.itertext()) for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
    assert centre == ["合计", "48 项"]


def test_donut_segments_differ_by_pattern_and_legend_markers_by_shape():
    root = parse(donut(STATUSES, title="任务进展"))
    cid = chart_id(root)
    fills = [p.get("fill") for p in by_class(root, "wr-chart__segment")]
    assert len(set(fills)) == len(STATUSES)
    patterns = [p.get("id") for p in root.iter(f"{SVG}pattern")]
    assert patterns and all(p.startswith(cid) for p in patterns)
    assert all(f.startswith("url(#") for f in fills[1:])  # the first is solid
    markers = [next(e for e in item if e.tag != f"{SVG}text") for item in by_class(root, "wr-chart__legend-item")]
    assert len({marker_shape(m) for m in markers}) == len(STATUSES)


def marker_shape(marker: ET.Element) -> tuple[str, frozenset[tuple[float, float]]]:
    """Element name and corners relative to the centre: an upward and a downward triangle differ."""
    corners = [tuple(map(float, p.split(","))) for p in (marker.get("points") or "").split()]
    if not corners:
        return marker.tag, frozenset()
    cx, cy = (sum(c[0] for c in corners) / len(corners), sum(c[1] for c in corners) / len(corners))
    return marker.tag, frozenset((round(x - cx), round(y - cy)) for x, y in corners)


def test_donut_single_segment_draws_a_full_ring():
    root = parse(donut([Segment("已完成", 12, "done")], title="全部完成"))
    assert segment_sweeps(root) == pytest.approx([360.0])
    assert "100%" in desc(root)


def test_donut_zero_segment_has_no_arc_but_stays_in_the_legend():
    root = parse(donut([Segment("已完成", 3, "done"), Segment("滞后", 0, "warn")], title="进展"))
    assert segment_sweeps(root) == pytest.approx([360.0])
    assert len(by_class(root, "wr-chart__legend-item")) == 2
    assert "滞后 0 项，占 0%" in desc(root)


def test_donut_without_data_shows_an_empty_ring():
    root = parse(donut([Segment("已完成", 0, "done")], title="进展"))
    assert by_class(root, "wr-chart__segment") == []
    assert len(by_class(root, "wr-chart__empty")) == 1
    assert desc(root) == "无数据。"
    assert desc(parse(donut([], title="进展"))) == "无数据。"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 100), min_size=1, max_size=7).filter(lambda v: sum(v) > 0))
def test_donut_sweeps_always_make_one_turn(values: list[int]):
    segments = [Segment(f"状态{i}", v, "ok") for i, v in enumerate(values)]
    sweeps = segment_sweeps(parse(donut(segments, title="进展")))
    assert sum(sweeps) == pytest.approx(360, abs=0.1)
    assert sweeps == pytest.approx([v / sum(values) * 360 for v in values if v], abs=0.05)


def test_negative_counts_are_rejected():
    with pytest.raises(ValueError, match="滞后"):
        donut([Segment("滞后", -1, "warn")], title="进展")
    with pytest.raises(ValueError):
        hbars([Bar("甲", -0.5)], title="得分", unit="分")
    with pytest.raises(ValueError):
        investment([InvestmentRow("甲", 10, float("nan"))], title="投资")


# ------------------------------------------------------------------ horizontal bars and funnel


def widths(root: ET.Element, name: str = "wr-chart__bar") -> list[float]:
    return [float(r.get("width")) for r in by_class(root, name)]


def test_hbars_lengths_are_proportional_and_values_written():
    root = parse(hbars(UNITS, title="得分", unit="分"))
    assert widths(root) == pytest.approx([bars.BAR_W * v / 6 for v in (6, 5.5, 3)], abs=0.01)
    values = [" ".join(e.itertext()) for e in by_class(root, "wr-chart__value")]
    assert values == ["6 分", "5.5 分   报送延迟", "3 分"]
    assert desc(root) == "农村水利处 6 分；水资源管理处 5.5 分（报送延迟）；河湖管理处 3 分。"


def test_hbars_cap_bars_at_max_value():
    root = parse(hbars([Bar("甲", 12), Bar("乙", 3)], title="得分", unit="分", max_value=6))
    assert widths(root) == pytest.approx([bars.BAR_W, bars.BAR_W / 2])
    assert "甲 12 分" in desc(root)


def test_hbars_cut_long_labels_but_keep_them_whole_for_hover_and_desc():
    label = "水利工程建设与运行管理处"
    root = parse(hbars([Bar(label, 2)], title="得分", unit="分"))
    shown = [t.text for t in root.iter(f"{SVG}text") if t.text and t.text.endswith("…")]
    assert shown == ["水利工程建设与…"]
    assert any(t.text == label for t in root.iter(f"{SVG}title"))
    assert label in desc(root)


def test_empty_charts_say_no_data():
    for chart in (
        hbars([], title="得分", unit="分"),
        trend_line([], title="趋势"),
        funnel([], title="阶段"),
        investment([], title="投资"),
    ):
        root = parse(chart)
        assert desc(root) == "无数据。"
        assert [t.text for t in root.iter(f"{SVG}text")] == ["无数据"]


def test_funnel_keeps_stage_order_and_shows_empty_stages():
    root = parse(funnel([*STAGES, Bar("移交", 0)], title="阶段"))
    assert widths(root) == pytest.approx([bars.FUNNEL_W * v / 6 for v in (4, 6, 2, 2, 2)] + [bars.STUB_W], abs=0.01)
    rects = by_class(root, "wr-chart__bar")
    centres = {round(float(r.get("x")) + float(r.get("width")) / 2, 2) for r in rects}
    assert len(centres) == 1  # centred
    assert desc(root) == "前期 4 个；在建 6 个；完工 2 个；验收 2 个；决算审计 2 个；移交 0 个。"


# ------------------------------------------------------------------ investment


def test_investment_writes_done_plan_and_rate():
    rows = [*INVESTMENT, InvestmentRow("水库除险加固", 1500, 1720), InvestmentRow("数字孪生", 0, 300)]
    root = parse(investment(rows, title="投资"))
    texts = [e.text for e in by_class(root, "wr-chart__value")]
    assert texts == [
        "完成 3580 / 计划 3800 万元（94.2%）",
        "完成 1200 / 计划 2600 万元（46.2%）",
        "完成 1720 / 计划 1500 万元（114.7%）",
        "完成 300 / 计划 0 万元（—）",
    ]
    plans, dones = widths(root, "wr-chart__plan"), widths(root, "wr-chart__done")
    scale = investments.INVEST_BAR_W / 3800
    assert plans == pytest.approx([3800 * scale, 2600 * scale, 1500 * scale, 0], abs=0.01)
    assert dones == pytest.approx([3580 * scale, 1200 * scale, 1720 * scale, 300 * scale], abs=0.01)
    assert dones[2] > plans[2]  # over the plan shows past the outline
    assert max(plans + dones) <= investments.INVEST_BAR_W
    assert "数字孪生：完成 300 / 计划 0 万元（—）" in desc(root)


# ------------------------------------------------------------------ trend line


def y_ticks(root: ET.Element) -> list[float]:
    return [float(re.match(r"-?[\d.]+", t.text).group()) for t in by_class(root, "wr-chart__tick")]


@pytest.mark.parametrize(
    ("values", "target"),
    [
        ([14.6, 14.8, 15.1, 15.5, 15.8], 16),
        ([14.6, 15.8], 0),
        ([5, 5, 5], None),
        ([0, 0], None),
        ([7], None),
        ([7], 7),
        ([-3.2, 1.5], 2),
    ],
)
def test_trend_ticks_are_round_and_bracket_values_and_target(values: list[float], target: float | None):
    points = [(dt.date(2025, i + 1, 1), v) for i, v in enumerate(values)]
    ticks = y_ticks(parse(trend_line(points, title="趋势", target=target, measure="%")))
    assert 3 <= len(ticks) <= 5
    assert ticks == sorted(ticks) and len(set(ticks)) == len(ticks)
    assert ticks[0] <= min(values + [target or values[0]]) and max(values + [target or values[0]]) <= ticks[-1]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=12),
    st.none() | st.floats(-1e6, 1e6, allow_nan=False),
)
def test_nice_ticks_bracket_any_data(values: list[float], target: float | None):
    data = values + ([] if target is None else [target])
    ticks = trend._nice_ticks(min(data), max(data))
    assert 3 <= len(ticks) <= 5
    # Rounding slack of a millionth of the axis: far below a pixel, and 15.000000001 gets no extra tick.
    slack = (ticks[-1] - ticks[0]) * 1e-6
    assert ticks[0] - slack <= min(data) and max(data) <= ticks[-1] + slack


def test_trend_writes_every_point_the_target_and_the_last_value():
    root = parse(trend_line(TREND, title="利用率", target=16, measure="%"))
    assert desc(root) == "1月 14.6%；2月 14.8%；3月 15.1%；4月 15.5%；5月 15.8%；目标 16%（越高越好）。"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "目标 16%" in texts and "越高越好" in texts
    assert [t.text for t in by_class(root, "wr-chart__last")] == ["15.8%"]
    (target_line,) = by_class(root, "wr-chart__target")
    assert target_line.get("stroke-dasharray")
    # The target sits above every point (smaller y), as 16 is above every value.
    points = [float(c.get("cy")) for c in by_class(root, "wr-chart__point")]
    assert float(target_line.get("y1")) < min(points)
    assert points == sorted(points, reverse=True)  # rising values, rising line


def test_trend_across_years_names_the_year_and_lower_is_better():
    points = [(dt.date(2024, 12, 31), 3.2), (dt.date(2025, 1, 31), 2.4), (dt.date(2025, 2, 28), 2.0)]
    root = parse(trend_line(points, title="事故率", target=2.5, measure="%", lower_is_better=True))
    assert [t.text for t in by_class(root, "wr-chart__month")] == ["2024年12月", "2025年1月", "2月"]
    assert desc(root).endswith("目标 2.5%（越低越好）。")


def test_trend_sorts_points_and_places_them_by_date():
    points = [(dt.date(2025, 3, 1), 2.0), (dt.date(2025, 1, 1), 1.0), (dt.date(2025, 2, 1), 1.5)]
    root = parse(trend_line(points, title="趋势"))
    xs = [float(c.get("cx")) for c in by_class(root, "wr-chart__point")]
    assert xs == sorted(xs)
    # 31 days then 28 days: spacing follows the calendar.
    assert (xs[1] - xs[0]) / (xs[2] - xs[1]) == pytest.approx(31 / 28, rel=1e-3)
    assert desc(root) == "1月 1；2月 1.5；3月 2。"


def test_a_yearly_total_draws_its_pro_rata_target(sample):
    from workreport.audience import INTERNAL
    from workreport.views.charts import indicator_trend
    from workreport.views.context import Site

    site = Site(INTERNAL.edition(sample))
    indicator = next(i for i in sample.indicators if i.target.cumulative)
    spec = indicator_trend(site, indicator)
    standing = site.analysis.indicator(indicator)
    # One 序时 point per value, ending at the target the badge is judged against.
    assert [d for d, _ in spec.pro_rata] == [d for d, _ in spec.points]
    assert spec.pro_rata[-1][1] == standing.target and spec.target == indicator.target.value
    html = trend_line(list(spec.points), title="t", target=spec.target, measure=spec.measure, pro_rata=list(spec.pro_rata))
    assert 'class="wr-chart__pro-rata"' in html and "序时目标" in html
    plain = next(i for i in sample.indicators if not i.target.cumulative)
    assert indicator_trend(site, plain).pro_rata == ()


def test_cut_labels_stay_distinguishable():
    from workreport.render.charts.svg import fit_distinct

    names = ["柳溪灌区续建配套与现代化改造", "柳溪灌区续建配套与节水治理", "白鹭河综合整治"]
    shown = fit_distinct(names, 8)
    assert shown[2] == "白鹭河综合整治" and len(set(shown)) == 3
    assert shown[0].startswith("柳溪") and shown[0].endswith("改造") and "…" in shown[0]
    html = investment([InvestmentRow(names[0], 100, 50), InvestmentRow(names[1], 100, 20)], title="投资")
    drawn = re.findall(r'<text[^>]*text-anchor="end"[^>]*>([^<]*)</text>', html)
    assert drawn == shown[:2]
