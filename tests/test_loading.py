"""Loading the minimal bureau: records, origins, relations and figures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from workreport.loading import load_dataset
from workreport.progress import project_figures, task_figures
from workreport.schema import SCHEMA_FILE, schema_text

ROOT = Path(__file__).resolve().parent.parent


def test_minimal_bureau_loads_cleanly(minimal_data: Path):
    result = load_dataset(minimal_data, minimal_data.parent)
    assert result.problems == []
    data = result.dataset
    assert data is not None
    assert [t.id for t in data.tasks] == ["T-1", "T-2", "T-3"]
    assert data.report.internal_deduction_multiplier == 2


def test_records_know_their_file_and_line(minimal_data: Path):
    data = load_dataset(minimal_data, minimal_data.parent).dataset
    task = data.task_by_id["T-2"]
    assert task.origin.file == "data/records.yaml"
    assert task.origin.line() == 14
    assert task.origin.line("milestones", 0, "done_on") == 20


def test_leader_defaults_from_the_owner_unit(minimal_data: Path):
    data = load_dataset(minimal_data, minimal_data.parent).dataset
    assert data.task_leader(data.task_by_id["T-1"]).id == "deputy"
    assert [u.id for u in data.units_led_by("deputy")] == ["rural", "center"]
    assert [t.id for t in data.of_unit("center", "partner_tasks")] == ["T-1"]


def test_honor_support_is_read_from_both_sides(minimal_data: Path):
    data = load_dataset(minimal_data, minimal_data.parent).dataset
    assert [c.id for c in data.cases_supporting("HN-1")] == ["C-1"]
    assert [h.id for h in data.honors_supported_by("C-1")] == ["HN-1"]


def test_task_figures_from_the_log(minimal_data: Path):
    data = load_dataset(minimal_data, minimal_data.parent).dataset
    as_of = data.report.as_of
    # T-1: 5 of 12 done on 2025-06-30 -> 5 / 12 = 41.67 %
    one = task_figures(data.task_by_id["T-1"], as_of)
    assert (one.done, round(one.percent, 2), one.entry.date) == (5, 41.67, dt.date(2025, 6, 30))
    # As of 2025-04-30 only the March entry counts: 2 / 12 = 16.67 %
    earlier = task_figures(data.task_by_id["T-1"], dt.date(2025, 4, 30))
    assert (earlier.done, round(earlier.percent, 2)) == (2, 16.67)
    # T-2 reported 100 % on 2025-05-31; T-3 has no entries yet.
    assert task_figures(data.task_by_id["T-2"], as_of).percent == 100
    three = task_figures(data.task_by_id["T-3"], as_of)
    assert (three.percent, three.done, three.entry) == (0.0, None, None)


def test_project_investment_rate(minimal_data: Path):
    data = load_dataset(minimal_data, minimal_data.parent).dataset
    project = data.project_by_id["P-1"]
    figures = project_figures(project, data.report.as_of)
    # 620 of the year's 1,500 万元 -> 41.33 %
    assert (figures.invested, round(figures.investment_rate(project), 2)) == (620, 41.33)


def test_errors_in_one_record_do_not_hide_the_others(minimal_data: Path):
    records = minimal_data / "records.yaml"
    text = records.read_text(encoding="utf-8")
    text = text.replace("owner_unit: office", "owner_unit: nowhere").replace("weight: 5", "weight: 五")
    records.write_text(text, encoding="utf-8")
    result = load_dataset(minimal_data, minimal_data.parent)
    assert result.dataset is None
    fields = [p.field for p in result.problems]
    assert fields == ["tasks[1].owner_unit", "indicators[0].weight"]


def test_committed_schema_is_current_and_documents_fields():
    committed = (ROOT / "data" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), "run `make schema` and commit data/schema/data.schema.json"
    schema = json.loads(committed)
    task = schema["$defs"]["Task"]
    assert task["additionalProperties"] is False
    assert "完成情况" in task["properties"]["result"]["description"]


def test_every_data_file_names_the_schema():
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = first.split("=", 1)[1]
        assert (path.parent / target).resolve() == (ROOT / "data" / SCHEMA_FILE).resolve(), path
