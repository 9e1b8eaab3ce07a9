"""The footer's dates come from the data: the as-of date and the newest entry up to it."""

from __future__ import annotations

import datetime as dt

from workreport.audience import INTERNAL
from workreport.dataset import Dataset
from workreport.views.context import Site
from workreport.views.freshness import footer_line, latest_entry


def test_the_footer_names_the_as_of_date_and_the_newest_entry(internal):
    assert footer_line(internal) == "数据截至2025年6月30日 · 最近一次填报2025年6月30日"


def test_entries_after_the_as_of_date_do_not_count(sample):
    as_of = dt.date(2025, 5, 31)
    report = sample.report.model_copy(update={"as_of": as_of})
    site = Site(INTERNAL.edition(Dataset(report, sample.data_dir, **sample._records)))
    latest = latest_entry(site)
    assert latest is not None and latest <= as_of
    everything = [p.date for t in sample.tasks for p in t.progress]
    assert latest == max(day for day in everything + [v.date for i in sample.indicators for v in i.values]
                         + [p.date for pr in sample.projects for p in pr.progress] if day <= as_of)
    assert footer_line(site).startswith("数据截至2025年5月31日 · 最近一次填报2025年5月")


def test_record_pages_say_when_and_by_which_unit_they_were_last_reported(internal, sample):
    from workreport.views.freshness import last_report
    from workreport.views.tasks import task_page

    task = sample.task_by_id["T-RV-01"]
    latest = max(p.date for p in task.progress if p.date <= sample.report.as_of)
    unit = sample.unit_by_id[task.owner_unit].label
    assert task_page(internal, task).reported == f"最近填报：{latest.year}年{latest.month}月{latest.day}日（{unit}）"
    silent = task.model_copy(update={"progress": []})
    assert last_report(internal, silent) is None
