"""Macros for the pages under docs/: each renders one fragment from the data.

The Markdown in docs/ stays short prose around calls such as ``{{ task_index() }}``;
every figure comes from data/ through the core and its templates.
"""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).with_name("_checkout.py")))  # this checkout's scripts/ first (see there)

from workreport.adapter.preview import PREVIEW  # noqa: E402
from workreport.adapter.site import page_source, site_from_config  # noqa: E402
from workreport.plain import markdown_inline  # noqa: E402

FRAGMENTS = [
    "dashboard",
    "headline_targets",
    "task_index",
    "indicator_index",
    "project_index",
    "case_index",
    "highlight_list",
    "honor_list",
    "unit_index",
    "bottom_lines",
    "schedule_board",
    "category_scorecards",
    "unit_scoreboard",
    "leader_scorecards",
    "summary_opening",
    "summary_achievements",
    "summary_problems",
    "summary_plans",
    "monthly_review",
    "download_centre",
]


def define_env(env):
    site = site_from_config(env.conf)
    report = site.report
    # Data text in the office's pages is literal text, like everywhere else (see workreport.plain).
    env.variables["bureau"] = markdown_inline(report.bureau)
    env.variables["period"] = markdown_inline(report.period.title)
    env.variables["as_of"] = f"{report.as_of.year}年{report.as_of.month}月{report.as_of.day}日"
    # The period's words and the bureau's (上半年 / 全年, 处室 / 股室, 八大攻坚行动): {{ words.span }}.
    env.variables["words"] = {name: markdown_inline(text) for name, text in site.site.words.as_dict().items()}

    # MkDocs reloads the config, and so calls define_env again, on every rebuild under
    # `mkdocs serve`: the site loaded here is the one for this build.
    def register(name):
        def render_fragment():
            page = page_source(env.page)
            output = site.fragment(name, page)
            PREVIEW.drew(page, name, output)  # the preview renders this page again only when it changes
            return output

        env.macro(render_fragment, name)

    for name in FRAGMENTS:
        register(name)
