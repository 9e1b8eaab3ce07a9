"""Any department, any period: the second sample bureau, built and exported without a line of code changed.

``tests/fixtures/county`` is a county 农业农村局 reporting on the full year 2025 as of
12-31, with its own lines of work and vocabulary (股室, 县考, its own approvals and three
bottom lines); ``county-q3`` swaps in its report for the first three quarters, as of 09-30,
and drops what happened after. Both are checked, built with the real MkDocs and exported,
and the sites and documents are read for the words of their period and their bureau.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
import yaml
from docx import Document

from conftest import FIXTURES, copy_project
from workreport.loading import load_dataset

COUNTY = FIXTURES / "county" / "data"
QUARTER_REPORT = FIXTURES / "county-q3" / "report.yaml"
HALF_YEAR = re.compile("上半年|下半年|半年工作总结")
ABOUT_THE_PRODUCT = ("guide", "performance")
"""The editor guide and the benchmark page name every kind of period; they are not the report."""


def cut_to(data_dir: Path, last: dt.date) -> None:
    """The data as it stood on ``last``: later log entries, completions, awards and records removed."""
    for path in sorted(data_dir.rglob("*.yaml")):
        if "schema" in path.parts or path.name == "report.yaml":
            continue
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, records in content.items():
            kept = []
            for record in records:
                if key in ("cases", "highlights") and record.get("date") and record["date"] > last:
                    continue
                for log in ("progress", "values", "deductions"):
                    if log in record:
                        record[log] = [entry for entry in record[log] if entry["date"] <= last]
                for item in (*record.get("milestones", []), *record.get("prerequisites", [])):
                    if item.get("done_on") and item["done_on"] > last:
                        del item["done_on"]
                for bonus in record.get("bonuses", []):
                    if bonus.get("date") and bonus["date"] > last:
                        bonus.pop("date")
                        bonus["status"] = "争取中"
                if key == "honors" and record.get("awarded_on") and record["awarded_on"] > last:
                    del record["awarded_on"]
                    record["status"] = "申报中"
                kept.append(record)
            content[key] = kept
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")


def quarter_data(target: Path) -> Path:
    shutil.copytree(COUNTY, target)
    shutil.copy(QUARTER_REPORT, target / "report.yaml")
    cut_to(target, dt.date(2025, 9, 30))
    return target


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "workreport", *args], cwd=project, capture_output=True, text=True, env=env, check=False)


def built(project: Path) -> Path:
    for args in (["check"], ["build"], ["export"]):
        done = run(project, *args)
        assert done.returncode == 0, (args, done.stderr)
        assert "警告" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    return project


@pytest.fixture(scope="module")
def year(tmp_path_factory) -> Path:
    return built(copy_project(tmp_path_factory.mktemp("county"), COUNTY))


@pytest.fixture(scope="module")
def quarter(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("county-q3")
    return built(copy_project(folder / "project", quarter_data(folder / "data")))


def text_of(project: Path, page: str) -> str:
    html = (project / "site" / page / "index.html").read_text(encoding="utf-8")
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def headings(project: Path, page: str) -> list[str]:
    html = (project / "site" / page / "index.html").read_text(encoding="utf-8")
    html = re.sub(r'<a class="headerlink".*?</a>', "", html, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", h).split()) for h in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", html, flags=re.S)]


# ---------------------------------------------------------------------- the data


def test_the_county_sample_is_a_full_bureau():
    result = load_dataset(COUNTY, COUNTY.parent)
    assert result.problems == []
    data = result.dataset
    counts = {kind: len(data.of(kind)) for kind in ("tasks", "indicators", "projects", "cases", "highlights", "honors", "bottom_lines")}
    assert counts["tasks"] >= 20 and counts["indicators"] >= 8 and counts["projects"] >= 6 and counts["cases"] >= 3
    assert counts["highlights"] and counts["honors"] and counts["bottom_lines"]
    assert all(case.photos for case in data.cases)
    assert "县考" in {i.source for i in data.indicators} and data.report.vocabulary.unit == "股室"
    assert {t.id for t in data.tasks if t.target is None and not t.milestones} >= {"T-GR-04", "T-VL-03", "T-RF-03"}


def test_the_quarterly_variant_checks_clean(tmp_path: Path):
    data = quarter_data(tmp_path / "data")
    result = load_dataset(data, tmp_path)
    assert result.problems == []
    assert (result.dataset.report.period.title, str(result.dataset.report.as_of)) == ("2025年前三季度", "2025-09-30")


def test_year_end_rules_on_the_county_data():
    from workreport.analysis import Analysis
    from workreport.schedule import ScheduleStatus

    data = load_dataset(COUNTY, COUNTY.parent).dataset
    a = Analysis(data)
    late = {t.id for t in data.tasks if a.task(t).status is ScheduleStatus.overdue}
    # Windows ending 12-31 at 95.8 %, 94.7 % and 92 % (a task that reports only a percent).
    assert late == {"T-TE-04", "T-FL-02", "T-RF-03"}
    # The task that crosses into next year is judged against its own window.
    assert a.task(data.task_by_id["T-TE-01"]).status is ScheduleStatus.on_track


# ---------------------------------------------------------------------- the full-year site


def test_a_full_year_site_never_says_half_year(year: Path):
    said = []
    for page in (year / "site").rglob("*.html"):
        if page.parent.name in ABOUT_THE_PRODUCT:
            continue
        text = page.read_text(encoding="utf-8")
        said += [f"{page.relative_to(year / 'site')}: {m.group(0)}" for m in HALF_YEAR.finditer(text)]
    assert said == []


def test_the_full_year_summary_speaks_of_the_year_and_the_next(year: Path):
    assert headings(year, "reports/summary")[:4] == [
        "青禾县农业农村局2025年工作总结", "一、全年工作完成情况", "二、存在的问题", "三、明年工作计划",
    ]
    text = text_of(year, "reports/summary")
    assert "今年以来，我局坚持以习近平新时代中国特色社会主义思想为指导" in text and "现将2025年工作情况总结如下。" in text
    # The tasks unfinished on the last day of their window are among the problems.
    problems = text.rsplit("二、存在的问题", 1)[1].split("三、明年工作计划")[0]  # the part, not the table of contents
    assert "未按期完成 3 项" in problems and problems.count("到期未完成") == 3
    # The navigation names the summary for the period.
    assert ">年度工作总结<" in (year / "site" / "index.html").read_text(encoding="utf-8").replace("\n", "").replace(" ", "")


def test_the_task_page_headings_follow_the_period(year: Path):
    found = headings(year, "tasks/T-TE-04")
    assert "全年完成情况" in found and "明年工作计划" in found
    assert "未按期完成" in text_of(year, "tasks/T-TE-04")
    assert "按完成比例报告进度" in text_of(year, "tasks/T-GR-04")


def test_the_bureaus_own_words_on_its_pages(year: Path):
    assert "六大攻坚行动的推进情况" in text_of(year, "analysis/categories")
    assert "按六大攻坚行动分类列出" in text_of(year, "tasks")
    lines = text_of(year, "bottom-lines")
    assert headings(year, "bottom-lines")[0] == "三条底线"
    assert "牢牢守住安全生产、党风廉政和农产品质量安全三条底线" in lines
    units = text_of(year, "units")
    assert "机关股室" in units and "处室" not in units
    assert "凡被上级考核扣分的股室" in text_of(year, "analysis/units")
    projects = text_of(year, "projects")
    assert "乡镇（街道）" in projects and "县（市、区）" not in projects and "决算审计" not in projects
    assert "前期 → 在建 → 完工 → 验收" in projects
    honors = headings(year, "honors")
    assert [h for h in honors if h.split("（")[0] in ("国字号", "省字头", "市级", "县级")] != []
    assert "县级" in text_of(year, "honors")


def test_the_county_exports_read_back(year: Path):
    dist = year / "dist"
    book = openpyxl.load_workbook(next(dist.glob("ledger-2025*.xlsx")), read_only=True)
    # A long header is broken before its bracket (乡镇 / （街道）): cells are read without their line breaks.
    strings = "\n".join(str(v).replace("\n", "") for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v is not None)
    assert "乡镇（街道）" in strings and "县考" in strings and "县（市、区）" not in strings
    document = Document(str(next(dist.glob("cases-2025*.docx"))))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "青禾县农业农村局" in body and not HALF_YEAR.search(body)
    pdf = next(dist.glob("cases-2025*.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF")


# ---------------------------------------------------------------------- the quarterly variant


def test_the_first_three_quarters_and_what_follows(quarter: Path):
    assert headings(quarter, "reports/summary")[:4] == [
        "青禾县农业农村局2025年前三季度工作总结", "一、前三季度工作完成情况", "二、存在的问题", "三、四季度工作计划",
    ]
    assert "四季度，" in text_of(quarter, "reports/summary")
    nav = (quarter / "site" / "index.html").read_text(encoding="utf-8").replace("\n", "").replace(" ", "")
    assert ">前三季度工作总结<" in nav
    for page in (quarter / "site").rglob("*.html"):
        assert page.parent.name in ABOUT_THE_PRODUCT or not HALF_YEAR.search(page.read_text(encoding="utf-8")), page
    found = headings(quarter, "tasks/T-TE-04")
    assert "四季度工作计划" in found or "前三季度完成情况" in found
