"""The project page and list views, from the sample and a small bureau with the odd cases."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import yaml

from conftest import MINIMAL_DATA
from workreport.audience import INTERNAL, PUBLIC
from workreport.loading import load_dataset
from workreport.views.context import Site
from workreport.views.projects import project_index, project_page


@pytest.fixture(scope="module")
def internal(sample) -> Site:
    return Site(INTERNAL.edition(sample))


def project(site: Site, project_id: str):
    return next(p for p in site.data.projects if p.id == project_id)


@pytest.fixture(scope="module")
def odd(tmp_path_factory) -> Site:
    """The minimal bureau on 10 June, with a project whose approval is done only after that day
    and one with no investment planned this year."""
    data = tmp_path_factory.mktemp("odd") / "data"
    shutil.copytree(MINIMAL_DATA, data)
    report = data / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("as_of: 2025-06-30", "as_of: 2025-06-10"), encoding="utf-8"
    )
    records = yaml.safe_load((data / "records.yaml").read_text(encoding="utf-8"))
    records["projects"] += [
        {
            "id": "P-LATE",
            "name": "前期工程",
            "kind": "水库",
            "county": "澄西区",
            "owner_unit": "office",
            "stage": "前期",
            "investment": {"total": 100, "planned_this_year": 0},
            "prerequisites": [
                {"name": "立项", "planned": "2025-03-01"},
                {"name": "招投标", "planned": "2025-05-01", "done_on": "2025-06-20"},
                {"name": "征迁", "planned": "2025-12-01"},
            ],
        },
    ]
    (data / "records.yaml").write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = load_dataset(data, data.parent)
    assert loaded.dataset is not None, loaded.problems
    return Site(INTERNAL.edition(loaded.dataset))


# ---------------------------------------------------------------------- page


def test_a_project_not_begun_lists_its_open_approvals(internal):
    page = project_page(internal, project(internal, "P-IRR-02"))
    assert page.stage.text == "前期" and page.stage_anchor == "stage-1"
    assert page.status.text == "未开始" and page.status.tone == "neutral"
    assert (page.open_prerequisites, page.overdue_prerequisites) == (4, 1)
    assert [(r.name, r.done_on, r.overdue) for r in page.prerequisites] == [
        ("立项", dt.date(2025, 2, 20), False),
        ("初步设计批复", None, True),  # planned for 31 May
        ("施工图审查", None, False),
        ("征迁", None, False),
        ("招投标", None, False),
    ]
    assert page.invested == 210 and page.investment_rate == pytest.approx(7)
    assert page.summary == (
        "截至2025年6月30日，形象进度 0%（序时进度 0%），年度完成投资 210 万元，占年度计划的 7%。"
        "尚有 4 项前置要件未办结，其中 1 项已超过计划办结日期。"
    )


def test_a_built_project_states_no_schedule(internal):
    page = project_page(internal, project(internal, "P-RIV-01"))
    assert page.stage.text == "完工" and page.status.text == "已完成"
    assert page.expected is None  # the schedule says 100 %: nothing to compare with once built
    assert internal.analysis.project(project(internal, "P-RIV-01")).expected == 100
    assert "序时" not in page.summary and "前置要件" not in page.summary


def test_a_project_under_construction_states_its_schedule(internal):
    page = project_page(internal, project(internal, "P-RES-01"))
    assert (page.actual, page.expected) == (30, 40)
    assert page.status.text == "滞后" and page.progress.tone == "warn"
    assert "形象进度 30%（序时进度 40%）" in page.summary
    # Every approval was done before the as-of date: nothing is said of them.
    assert len(page.prerequisites) == 4 and all(r.done_on and not r.overdue for r in page.prerequisites)
    assert page.open_prerequisites == 0 and page.summary.endswith("%。")


def test_an_approval_done_after_the_as_of_date_is_still_open(odd):
    page = project_page(odd, project(odd, "P-LATE"))
    assert [(r.name, r.done_on, r.overdue) for r in page.prerequisites] == [
        ("立项", None, True),
        ("招投标", None, True),
        ("征迁", None, False),
    ]
    assert page.summary.endswith("尚有 3 项前置要件未办结，其中 2 项已超过计划办结日期。")


def test_the_page_links_its_tasks_and_names_its_line_of_work(internal):
    page = project_page(internal, project(internal, "P-IRR-02"))
    assert [t.id for t in page.tasks] == ["T-RV-01", "T-KP-01"]
    assert page.category == "服务乡村振兴"
    assert page.owner.id == "rural-water" and page.owner.text == "农村水利处"


def test_the_change_history_is_for_the_bureau_only(sample):
    site = Site(PUBLIC.edition(sample))
    assert project_page(site, project(site, "P-RES-01")).changes is None


# ---------------------------------------------------------------------- list


def test_the_list_sums_the_years_investment(internal):
    view = project_index(internal)
    projects = internal.data.projects
    assert view.count == len(projects) == 16
    assert view.investment_planned == sum(p.investment.planned_this_year for p in projects)
    assert view.waiting == 4
    assert view.summary.endswith("4 个前期工程尚有前置要件未办结。")


def test_the_list_has_every_stage_and_approvals_only_for_projects_not_begun(internal):
    groups = project_index(internal).groups
    assert [(g.name, g.anchor, g.preliminary, len(g.rows)) for g in groups] == [
        ("前期", "stage-1", True, 4),
        ("在建", "stage-2", False, 6),
        ("完工", "stage-3", False, 2),
        ("验收", "stage-4", False, 2),
        ("决算审计", "stage-5", False, 2),
    ]
    row = next(r for r in groups[0].rows if r.link.id == "P-IRR-02")
    assert [(r.name, r.overdue) for r in row.open_prerequisites] == [
        ("初步设计批复", True),
        ("施工图审查", False),
        ("征迁", False),
        ("招投标", False),
    ]


def test_the_investment_chart_leaves_out_projects_without_a_plan_this_year(odd):
    view = project_index(odd)
    assert [r.label for r in view.investment_chart.rows] == ["东干渠灌区续建配套工程"]
    assert [r.target for r in view.investment_chart.rows] == ["projects/P-1.md"]
    assert view.waiting == 1
    assert [g.name for g in view.groups if g.rows] == ["前期", "在建"]
