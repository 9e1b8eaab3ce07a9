"""Golden snapshots of the rendered fragments and pages of the sample, for both audiences.

A change in a figure, a sentence or a chart shows up here as a diff to read. The files
are rewritten only on request: ``make golden`` (pytest --update-golden), then review
``git diff tests/golden``. Every fragment the site's pages call and one page of every
kind are kept, as the bureau sees them (``internal/``) and as the public does (``public/``).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from workreport.audience import AUDIENCES
from workreport.render.site import SiteRenderer

GOLDEN = Path(__file__).parent / "golden"

FRAGMENTS = {
    "dashboard": "index.md",
    "headline_targets": "tasks/index.md",
    "task_index": "tasks/index.md",
    "indicator_index": "indicators/index.md",
    "project_index": "projects/index.md",
    "case_index": "cases/index.md",
    "highlight_list": "highlights.md",
    "honor_list": "honors.md",
    "unit_index": "units/index.md",
    "bottom_lines": "bottom-lines.md",
    "schedule_board": "analysis/index.md",
    "category_scorecards": "analysis/categories.md",
    "unit_scoreboard": "analysis/units.md",
    "leader_scorecards": "analysis/leaders.md",
    "summary_achievements": "reports/summary.md",
    "summary_problems": "reports/summary.md",
    "summary_plans": "reports/summary.md",
    "monthly_review": "reports/review.md",
}
PAGES = [
    "categories/rural-revitalization.md",
    "leaders/deputy-sun.md",
    "units/rivers.md",
    "tasks/T-RV-01.md",
    "projects/P-IRR-02.md",
    "projects/P-RES-01.md",
    "indicators/I-CITY-02.md",
    "indicators/I-PROV-01.md",
    "cases/C-01.md",
]


@pytest.fixture(scope="module", params=sorted(AUDIENCES))
def renderer(sample, request) -> SiteRenderer:
    return SiteRenderer(AUDIENCES[request.param].edition(sample))


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
    where = f"{renderer.audience.key}/fragments/{name}.md"
    check(where, renderer.fragment(name, FRAGMENTS[name]), request.config.getoption("--update-golden"))


@pytest.mark.parametrize("uri", PAGES)
def test_page_matches_its_snapshot(uri, renderer, pages, request):
    check(f"{renderer.audience.key}/pages/{uri}", pages[uri], request.config.getoption("--update-golden"))


def test_every_fragment_the_site_calls_has_a_snapshot():
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("site_macros", ROOT / "macros" / "main.py")
    assert spec is not None and spec.loader is not None
    source = (ROOT / "macros" / "main.py").read_text(encoding="utf-8")
    called = {name for name in FRAGMENTS if f'"{name}"' in source}
    assert called == set(FRAGMENTS)
