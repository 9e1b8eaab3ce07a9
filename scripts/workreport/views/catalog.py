"""Which view each page kind and each fragment of the site is laid out from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .context import Site
from .dashboard import dashboard
from .downloads import downloads
from .indicators import indicator_index, indicator_page
from .org import category_page, leader_page, unit_index, unit_page
from .projects import project_index, project_page
from .review import monthly_review
from .scorecards import category_scorecards, leader_scorecards, schedule_board, unit_scoreboard
from .showcase import bottom_lines, case_index, case_page, highlight_list, honor_list
from .summary import summary_achievements, summary_opening, summary_plans, summary_problems
from .tasks import headline_targets, task_index, task_page

PAGE_VIEWS: dict[str, Callable[[Site, Any], Any]] = {
    "tasks": task_page,
    "cases": case_page,
    "categories": category_page,
    "units": unit_page,
    "leaders": leader_page,
    "indicators": indicator_page,
    "projects": project_page,
}
"""Record kind → its page's view, from the Site and one record."""

FRAGMENT_VIEWS: dict[str, Callable[[Site], Any]] = {
    "task_index": task_index,
    "headline_targets": headline_targets,
    "dashboard": dashboard,
    "schedule_board": schedule_board,
    "category_scorecards": category_scorecards,
    "unit_scoreboard": unit_scoreboard,
    "leader_scorecards": leader_scorecards,
    "unit_index": unit_index,
    "summary_opening": summary_opening,
    "summary_achievements": summary_achievements,
    "summary_problems": summary_problems,
    "summary_plans": summary_plans,
    "monthly_review": monthly_review,
    "case_index": case_index,
    "highlight_list": highlight_list,
    "honor_list": honor_list,
    "bottom_lines": bottom_lines,
    "indicator_index": indicator_index,
    "project_index": project_index,
    "download_centre": downloads,
}
"""Fragment (the macro a docs/ page calls) → its view, from the Site."""
