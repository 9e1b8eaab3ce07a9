"""Golden snapshots of the rendered fragments and pages of the sample.

A change in a figure, a sentence or a chart shows up here as a diff to read. The files
are rewritten only on request: ``make golden`` (pytest --update-golden), then review
``git diff tests/golden``.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from workreport.audience import INTERNAL
from workreport.render.site import SiteRenderer

GOLDEN = Path(__file__).parent / "golden"

FRAGMENTS = {
    "dashboard": "index.md",
    "schedule_board": "analysis/index.md",
    "category_scorecards": "analysis/categories.md",
    "unit_scoreboard": "analysis/units.md",
    "leader_scorecards": "analysis/leaders.md",
    "summary_achievements": "reports/summary.md",
    "summary_problems": "reports/summary.md",
    "summary_plans": "reports/summary.md",
    "monthly_review": "reports/review.md",
    "indicator_index": "indicators/index.md",
    "project_index": "projects/index.md",
}
PAGES = [
    "categories/rural-revitalization.md",
    "leaders/deputy-sun.md",
    "units/rivers.md",
    "tasks/T-RV-01.md",
    "projects/P-IRR-02.md",
    "indicators/I-CITY-02.md",
]


@pytest.fixture(scope="module")
def renderer(sample) -> SiteRenderer:
    return SiteRenderer(INTERNAL.edition(sample))


@pytest.fixture(scope="module")
def pages(renderer) -> dict[str, str]:
    return dict(renderer.pages())


def check(name: str, actual: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make golden` and read what it wrote")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden", "rendered", lineterm="", n=1)
        pytest.fail(f"{name} differs from its snapshot (`make golden` accepts it):\n" + "\n".join(list(diff)[:80]))


@pytest.mark.parametrize("name", sorted(FRAGMENTS))
def test_fragment_matches_its_snapshot(name, renderer, request):
    check(f"fragments/{name}.md", renderer.fragment(name, FRAGMENTS[name]), request.config.getoption("--update-golden"))


@pytest.mark.parametrize("uri", PAGES)
def test_page_matches_its_snapshot(uri, pages, request):
    check(f"pages/{uri}", pages[uri], request.config.getoption("--update-golden"))
