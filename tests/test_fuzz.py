"""Fuzzing the data: whatever editors do to the files, ``check`` answers with located messages,
and whatever ``check`` accepts, the site and the exports handle.

Mutations of the sample bureau's files (see ``fuzz.py``) come from a fixed seed, so a
failure is reproducible: the test names the seed, the case and the edits. For every case
``check`` must exit 0 or 1 without a traceback, and every message must start with a path
relative to the project and a line number. For every case it accepts, the pages and
fragments of both audiences are rendered and the DOCX, XLSX (and, for some, PDF) written.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import traceback
from pathlib import Path

import pytest

from conftest import ROOT, STAMP
from fuzz import copy_data, mutate

SEED = 20251130
CHUNKS = 8
CASES_PER_CHUNK = 40
LOCATED = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+): ")
FRAGMENTS = [
    "dashboard", "headline_targets", "task_index", "indicator_index", "project_index", "case_index",
    "highlight_list", "honor_list", "unit_index", "bottom_lines", "schedule_board", "category_scorecards",
    "unit_scoreboard", "leader_scorecards", "summary_achievements", "summary_problems", "summary_plans", "monthly_review",
]


def run_check(root: Path) -> tuple[int, str]:
    from workreport.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--data", str(root / "data"), "--root", str(root), "check"])
    return code, err.getvalue()


def assert_located(output: str, root: Path) -> None:
    lines = [line for line in output.splitlines() if line.strip()]
    problems, summary = lines[:-1], lines[-1:]
    for line in problems if summary and summary[0].startswith("数据检查未通过") else lines:
        match = LOCATED.match(line)
        assert match, f"message without file:line: {line!r}"
        file = match["file"]
        assert not Path(file).is_absolute() and ".." not in Path(file).parts, f"path not relative to the project: {line!r}"
        assert int(match["line"]) >= 1
        assert (root / file).exists() or (root / file).is_symlink(), f"names a file that is not there: {line!r}"


def handle_everything(root: Path, with_pdf: bool) -> None:
    """What every later command does with accepted data, in-process."""
    from workreport.audience import INTERNAL, PUBLIC
    from workreport.export.docx_writer import write_docx
    from workreport.export.ledger import write_ledger
    from workreport.loading import load_or_raise
    from workreport.render.site import SiteRenderer
    from workreport.views.compilation import compile_cases
    from workreport.views.context import Site

    dataset, _ = load_or_raise(root / "data", root)
    for audience in (INTERNAL, PUBLIC):
        renderer = SiteRenderer(audience.edition(dataset))
        for _uri, _markdown in renderer.pages():
            pass
        for name in FRAGMENTS:
            renderer.fragment(name, "index.md")
    out = root / "out"
    out.mkdir(exist_ok=True)
    public = Site(PUBLIC.edition(dataset))
    compilation = compile_cases(public)
    write_docx(compilation, out / "cases.docx", STAMP)
    write_ledger(public, out / "ledger.xlsx", STAMP)
    write_ledger(Site(INTERNAL.edition(dataset)), out / "internal.xlsx", STAMP)
    if with_pdf:
        from workreport.export.pdf_writer import write_pdf

        write_pdf(compilation, out / "cases.pdf", STAMP)


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_mutated_data_is_checked_or_handled(chunk: int, tmp_path: Path):
    rng = random.Random(SEED * 100 + chunk)
    accepted = 0
    for case in range(CASES_PER_CHUNK):
        root = tmp_path / f"case-{case}"
        copy_data(ROOT / "data", root)
        edits = mutate(rng, root, rng.choice([1, 1, 1, 2, 3]))
        where = f"seed {SEED * 100 + chunk}, case {case}: " + "; ".join(edits)
        try:
            code, output = run_check(root)
        except BaseException:  # noqa: BLE001 - any exception at all is the failure being looked for
            pytest.fail(f"check raised ({where}):\n{traceback.format_exc()}")
        assert code in (0, 1), where
        assert "Traceback" not in output, where
        assert_located(output, root)
        if code == 0:
            accepted += 1
            try:
                handle_everything(root, with_pdf=accepted == 1)
            except BaseException:  # noqa: BLE001
                pytest.fail(f"check accepted the data, but a later step failed ({where}):\n{traceback.format_exc()}")
    # The mutations are not all fatal: some accepted data went through every step.
    assert accepted > 0
