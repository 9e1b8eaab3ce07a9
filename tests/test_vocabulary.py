"""A bureau's own words in its data: vocabularies from report.yaml, renamed fields, a report with
errors that still lets every other file be checked, and the small forgivenesses of editors'
YAML (a year as a period id, a task that reports only a percent, near-miss field names)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workreport.loading import load_dataset
from workreport.migrate import migrate
from workreport.model import Vocabulary
from workreport.problems import closest
from workreport.schema import data_file_schema
from workreport.skeleton import Department, SkeletonError, parse_period, write_skeleton

ROOT = Path(__file__).resolve().parent.parent


def messages(data: Path) -> list[str]:
    return [str(p) for p in load_dataset(data, data.parent).problems]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


COUNTY_VOCABULARY = """
  vocabulary:
    unit: 股室
    indicator_sources:
      - {name: 省考, code: PROV}
      - {name: 县考, code: COUNTY}
      - {name: 承担系数, code: SHARE, lead_department: true}
    project_stages:
      - {name: 谋划, phase: preliminary}
      - {name: 施工, phase: construction}
      - {name: 竣工, phase: built}
    prerequisites: [立项批复, 用地预审, 环评批复]
    honor_levels: [国家级, 省级, 市级, 县级]
    media_levels: [中央级, 省级, 县级]
    bottom_lines:
      lines: [安全生产, 党风廉政, 农产品质量安全]
"""

COUNTY_RECORDS = """
indicators:
  - id: I-9
    name: 农村人居环境整治
    source: 县考
    owner_unit: office
    weight: 5
    target: {value: 90, measure: "%"}
projects:
  - id: P-9
    name: 禾丰镇高标准农田建设
    kind: 新建
    county: 禾丰镇
    owner_unit: center
    stage: 施工
    investment: {total: 800, planned_this_year: 200}
    prerequisites:
      - {name: 用地预审, done_on: 2025-02-01}
      - {name: 环评批复, planned: 2025-05-31}
honors:
  - id: HN-9
    name: 县级文明单位
    level: 县级
    issuer: 县委县政府
    unit: office
    status: 谋划中
bottom_lines:
  - id: BL-Q-01
    line: 农产品质量安全
    unit: office
    item: 农药残留抽检
    status: 已完成
"""


def county(minimal_data: Path) -> Path:
    report = minimal_data / "report.yaml"
    text = report.read_text(encoding="utf-8").replace("  # 七大任务", COUNTY_VOCABULARY + "  # 七大任务", 1)
    report.write_text(text, encoding="utf-8")
    (minimal_data / "county.yaml").write_text(COUNTY_RECORDS, encoding="utf-8")
    return minimal_data


def test_a_county_vocabulary_is_the_bureaus_own(minimal_data: Path):
    data = county(minimal_data)
    # The minimal bureau's own records use the default words (省考, 在建…): each is named, once.
    found = messages(data)
    assert "data/county.yaml" not in "".join(found)
    assert found == [
        "data/records.yaml:48: projects[0].stage: “在建”不是报告配置中的工程阶段。可选：谋划、施工、竣工；本单位另有工程阶段的，请加到 report.yaml 的 vocabulary.project_stages 中",
        "data/records.yaml:52: projects[0].prerequisites[0].name: “立项”不是报告配置中的前置要件。可选：立项批复、用地预审、环评批复；本单位另有前置要件的，请加到 report.yaml 的 vocabulary.prerequisites 中",
        "data/records.yaml:53: projects[0].prerequisites[1].name: “征迁”不是报告配置中的前置要件。可选：立项批复、用地预审、环评批复；本单位另有前置要件的，请加到 report.yaml 的 vocabulary.prerequisites 中",
        "data/records.yaml:82: highlights[0].media[0].level: “市级”不是报告配置中的媒体级别。可选：中央级、省级、县级；本单位另有媒体级别的，请加到 report.yaml 的 vocabulary.media_levels 中",
    ]


def test_the_county_words_reach_the_analysis(minimal_data: Path):
    from workreport.analysis import Analysis
    from workreport.model import Phase

    data = county(minimal_data)
    records = data / "records.yaml"
    text = records.read_text(encoding="utf-8")
    for old, new in (("省考", "县考"), ("市考", "县考"), ("stage: 在建", "stage: 施工"), ("stage: 前期", "stage: 谋划"), ("stage: 完工", "stage: 竣工"),
                     ("name: 立项", "name: 立项批复"), ("name: 征迁", "name: 用地预审"), ("level: 市级", "level: 县级"), ("level: 省级", "level: 省级")):
        text = text.replace(old, new)
    records.write_text(text, encoding="utf-8")
    result = load_dataset(data, data.parent)
    assert [str(p) for p in result.errors] == []
    dataset = result.dataset
    a = Analysis(dataset)
    p9 = a.project(dataset.project_by_id["P-9"])
    assert (p9.stage, p9.phase) == ("施工", Phase.construction)
    assert [r.name for r in p9.open_prerequisites] == ["环评批复"]
    card = a.scorecard(a.bureau_scope())
    assert list(card.stages) == ["谋划", "施工", "竣工"]


def test_a_source_that_needs_a_lead_department_says_so_by_its_name(minimal_data: Path):
    data = county(minimal_data)
    (data / "shared.yaml").write_text(
        "indicators:\n  - id: I-10\n    name: 粮食安全\n    source: 承担系数\n    owner_unit: office\n    weight: 2\n    target: {value: 1}\n",
        encoding="utf-8",
    )
    assert "data/shared.yaml:2: indicators[0].lead_department: “承担系数”类指标必须填写局外牵头部门（lead_department）" in messages(data)


def test_a_vocabulary_names_each_term_once(minimal_data: Path):
    report = minimal_data / "report.yaml"
    text = report.read_text(encoding="utf-8").replace(
        "  # 七大任务", "  vocabulary:\n    prerequisites: [立项, 征迁, 立项]\n    lines_of_work: 八大任务\n  # 七大任务", 1
    )
    report.write_text(text, encoding="utf-8")
    found = messages(minimal_data)
    assert any("report.vocabulary.prerequisites[2]: 前置要件“立项”重复：每一项只写一次" in m for m in found)
    assert any("警告：工作条线总称“八大任务”说有 8 条，categories 实际有 7 条" in m for m in found)


def test_the_editors_schema_offers_the_bureaus_words():
    vocabulary = Vocabulary.model_validate({"project_stages": [{"name": "谋划", "phase": "preliminary"}, {"name": "施工", "phase": "construction"}]})
    schema = data_file_schema(vocabulary)
    assert schema["$defs"]["Project"]["properties"]["stage"]["enum"] == ["谋划", "施工"]
    optional = schema["$defs"]["ProjectProgress"]["properties"]["stage"]["anyOf"]
    assert [o.get("enum") for o in optional if o.get("type") == "string"] == [["谋划", "施工"]]
    assert schema["$defs"]["Honor"]["properties"]["level"]["enum"] == ["国家级", "省级", "市级"]
    committed = json.loads((ROOT / "data" / "schema" / "data.schema.json").read_text(encoding="utf-8"))
    assert committed["$defs"]["Indicator"]["properties"]["source"]["enum"] == ["省考", "市考", "承担系数"]


# ---------------------------------------------------------------------- a report with errors


def test_a_broken_period_does_not_hide_the_other_files_problems(minimal_data: Path):
    report = minimal_data / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("end: 2025-06-30", "end: 2025-06-31"), encoding="utf-8")
    (minimal_data / "extra.yaml").write_text(
        "tasks:\n  - id: T-9\n    title: 新任务\n    category: nowhere\n    owner_unit: office\n"
        "    window: {start: 2025-01-01, end: 2025-12-31}\n    progress:\n      - {date: 2026-03-31, percent: 10}\n"
        "projects:\n  - id: P-9\n    name: 新工程\n    kind: 新建\n    county: 某镇\n    owner_unit: office\n    stage: 施工中\n"
        "    investment: {total: 1, planned_this_year: 1}\n",
        encoding="utf-8",
    )
    found = messages(minimal_data)
    assert "data/report.yaml:10: report.period.end: 日期不存在，请检查年月日（实际值：'2025-06-31'）" in found
    # The lines of work and the vocabulary loaded: references and terms are still checked.
    assert any(m.startswith("data/extra.yaml:4: tasks[0].category: 引用了不存在的工作条线“nowhere”") for m in found)
    assert any(m.startswith("data/extra.yaml:15: projects[0].stage: “施工中”不是报告配置中的工程阶段") for m in found)
    # The period did not: the 2026 entry cannot be compared with it, and the editor is told so.
    assert not any("晚于报告期结束日期" in m for m in found)
    assert (
        "data/report.yaml:4: report: 警告：报告配置的 period 有错误或缺少，其他文件中各记录的日期暂未与报告期比较；改好后再检查一次"
        in found
    )


def test_a_broken_vocabulary_still_lets_dates_and_references_be_checked(minimal_data: Path):
    report = minimal_data / "report.yaml"
    text = report.read_text(encoding="utf-8").replace(
        "  # 七大任务", "  vocabulary:\n    project_stages: [{name: 施工, phase: building}]\n  # 七大任务", 1
    )
    report.write_text(text, encoding="utf-8")
    (minimal_data / "extra.yaml").write_text(
        "tasks:\n  - id: T-9\n    title: 新任务\n    category: nowhere\n    owner_unit: office\n"
        "    window: {start: 2025-01-01, end: 2025-12-31}\n    progress:\n      - {date: 2026-03-31, percent: 10}\n",
        encoding="utf-8",
    )
    found = messages(minimal_data)
    assert any("report.vocabulary.project_stages[0].phase" in m for m in found)
    assert any("tasks[0].category: 引用了不存在的工作条线“nowhere”" in m for m in found)
    assert any("进度记录日期 2026-03-31 晚于报告期结束日期 2025-06-30" in m for m in found)
    assert any("报告配置的 vocabulary 有错误或缺少，其他文件中指标来源、工程阶段" in m for m in found)


# ---------------------------------------------------------------------- renamed fields


def test_old_field_names_keep_loading_with_one_warning_per_file(minimal_data: Path):
    records = minimal_data / "records.yaml"
    text = records.read_text(encoding="utf-8").replace("    result: 已完成5个灌区改造。", "    first_half_result: 已完成5个灌区改造。\n    second_half_plan: 完成剩余改造。")
    text = text.replace("  - id: T-3\n", "  - id: T-3\n    first_half_result: 尚未开始。\n    internal_fields: [second_half_plan]\n    second_half_plan: 下半年开工。\n")
    records.write_text(text, encoding="utf-8")
    result = load_dataset(minimal_data, minimal_data.parent)
    assert result.dataset is not None
    t1, t3 = result.dataset.task_by_id["T-1"], result.dataset.task_by_id["T-3"]
    assert (t1.result, t1.plan, t3.result, t3.plan, t3.internal_fields) == ("已完成5个灌区改造。", "完成剩余改造。", "尚未开始。", "下半年开工。", ["plan"])
    warnings = [str(p) for p in result.warnings]
    assert warnings == [
        "data/records.yaml:13: tasks[0].first_half_result: 警告：字段“first_half_result”已改名为“result”（本文件共 2 处），旧名称仍可使用；运行 make migrate 可一次改为新名称（保留注释）",
        "data/records.yaml:14: tasks[0].second_half_plan: 警告：字段“second_half_plan”已改名为“plan”（本文件共 3 处），旧名称仍可使用；运行 make migrate 可一次改为新名称（保留注释）",
    ]


def test_an_old_and_a_new_name_together_is_an_error(minimal_data: Path):
    records = minimal_data / "records.yaml"
    records.write_text(records.read_text(encoding="utf-8").replace("    result: 已完成5个灌区改造。", "    result: 新。\n    first_half_result: 旧。"), encoding="utf-8")
    assert "data/records.yaml:14: tasks[0].first_half_result: “first_half_result”是“result”的旧名称，两个不能同时填写：请删去“first_half_result”" in messages(minimal_data)


def test_migrate_rewrites_the_names_and_nothing_else(minimal_data: Path):
    records = minimal_data / "records.yaml"
    before = records.read_text(encoding="utf-8").replace(
        "    result: 已完成5个灌区改造。", "    first_half_result: 已完成5个灌区改造。  # 半年小结\n    internal_fields: [problems, second_half_plan]\n    second_half_plan: 'x: y'"
    )
    records.write_text(before, encoding="utf-8")
    outcome = migrate(minimal_data, minimal_data.parent)
    assert outcome.changed == {"data/records.yaml": 3} and outcome.skipped == []
    after = records.read_text(encoding="utf-8")
    expected = before.replace("first_half_result:", "result:").replace("[problems, second_half_plan]", "[problems, plan]")
    assert after == expected.replace("    second_half_plan: 'x: y'", "    plan: 'x: y'")
    assert load_dataset(minimal_data, minimal_data.parent).problems == []
    assert migrate(minimal_data, minimal_data.parent).changed == {}


# ---------------------------------------------------------------------- editors' slips


def test_a_task_may_report_only_a_percent(minimal_data: Path):
    from workreport.analysis import Analysis

    (minimal_data / "extra.yaml").write_text(
        "tasks:\n  - id: T-9\n    title: 推进改革\n    category: digital\n    owner_unit: office\n"
        "    window: {start: 2025-01-01, end: 2025-12-31}\n    progress:\n      - {date: 2025-06-30, percent: 45}\n",
        encoding="utf-8",
    )
    result = load_dataset(minimal_data, minimal_data.parent)
    assert result.problems == []
    task = result.dataset.task_by_id["T-9"]
    assert Analysis(result.dataset).task(task).actual == 45


def test_a_year_as_period_id_needs_no_quotes(minimal_data: Path):
    report = minimal_data / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("id: 2025-h1", "id: 2025"), encoding="utf-8")
    result = load_dataset(minimal_data, minimal_data.parent)
    assert result.problems == [] and result.dataset.report.period.id == "2025"


def test_a_number_where_text_is_due_explains_the_quotes(minimal_data: Path):
    (minimal_data / "extra.yaml").write_text("units:\n  - id: 2025\n    name: 新单位\n    leader: boss\n", encoding="utf-8")
    assert 'data/extra.yaml:2: units[0].id: 应为文本：YAML 把不加引号的数字读成了数字，请加上引号，如 "2025"（实际值：2025）' in messages(minimal_data)


@pytest.mark.parametrize(
    ("typed", "offered"),
    [("stauts", "status"), ("titel", "title"), ("ownr_unit", "owner_unit"), ("progres", "progress"),
     ("colour", None), ("remark", None), ("note", "notes"), ("x", None)],
)
def test_a_field_is_suggested_only_for_a_slip_of_the_pen(typed, offered):
    fields = ["status", "title", "owner_unit", "progress", "problems", "notes", "reason", "window"]
    assert closest(typed, fields) == offered


def test_a_far_field_name_gets_the_list_without_a_guess(minimal_data: Path):
    (minimal_data / "extra.yaml").write_text("units:\n  - id: u9\n    name: 新单位\n    leader: boss\n    colour: red\n", encoding="utf-8")
    [line] = messages(minimal_data)
    assert "未知字段“colour”（可能是拼写错误）。允许的字段：" in line and "是否应为" not in line


# ---------------------------------------------------------------------- a new department


@pytest.mark.parametrize(
    ("text", "title", "start", "end"),
    [("2026", "2026年", "2026-01-01", "2026-12-31"), ("2026-h1", "2026年上半年", "2026-01-01", "2026-06-30"),
     ("2026-h2", "2026年下半年", "2026-07-01", "2026-12-31"), ("2026-q2", "2026年二季度", "2026-04-01", "2026-06-30"),
     ("2026-m02", "2026年2月", "2026-02-01", "2026-02-28"), ("2026-ytd09", "2026年前三季度", "2026-01-01", "2026-09-30")],
)
def test_periods_are_written_short(text, title, start, end):
    period = parse_period(text)
    assert (period.title, str(period.start), str(period.end)) == (title, start, end)


@pytest.mark.parametrize("text", ["26", "2026-h3", "2026-m13", "2026-q0", "上半年", "2026-ytd00"])
def test_a_period_that_cannot_be_read_is_refused(text):
    with pytest.raises(SkeletonError):
        parse_period(text)


def test_the_skeleton_is_valid_and_says_what_to_fill_in(tmp_path: Path):
    data = tmp_path / "data"
    written = write_skeleton(data, Department("青禾县农业农村局", parse_period("2026-ytd09"), "股室"))
    assert {p.relative_to(data).as_posix() for p in written} == {
        "report.yaml", "org.yaml", "search_dict.txt", "photos/.gitkeep", "schema/data.schema.json",
    }
    result = load_dataset(data, tmp_path)
    assert result.errors == [] and result.dataset is not None
    assert all("尚未填写" in str(w) for w in result.warnings) and len(result.warnings) == 5
    report = result.dataset.report
    assert (report.vocabulary.unit, report.period.id, report.as_of.isoformat()) == ("股室", "2026-ytd09", "2026-09-30")
    assert "四季度工作计划" in (report.summary.plans or "")
    # Every vocabulary is written out, so the office sees what it may rename.
    text = (data / "report.yaml").read_text(encoding="utf-8")
    assert all(f"    {key}:" in text for key in Vocabulary.model_fields)


def test_init_never_writes_over_data(tmp_path: Path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "report.yaml").write_text("report: {}\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "workreport", "init", "--bureau", "某局", "--period", "2026"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert run.returncode == 1 and "已存在且不为空" in run.stderr and "Traceback" not in run.stderr
    assert (tmp_path / "data" / "report.yaml").read_text(encoding="utf-8") == "report: {}\n"
    bad = subprocess.run(
        [sys.executable, "-m", "workreport", "--data", "fresh", "init", "--bureau", "某局", "--period", "2026-h3"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert bad.returncode == 1 and "报告期“2026-h3”的写法不认识" in bad.stderr
    assert not (tmp_path / "fresh").exists() and [p.name for p in tmp_path.iterdir()] == ["data"]
