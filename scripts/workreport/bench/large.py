"""The size limits: one data file of 100,000 tasks, checked and built.

``make bench-large`` writes the sample bureau with its tasks multiplied into one file
(``tasks/all.yaml``, 100,000 tasks by default), then measures ``workreport check`` and
``workreport build`` on it in fresh processes: wall-clock seconds and peak memory. The
build refuses data beyond the number of pages it supports, at once and with a clear
message, rather than running for an hour; the figures say how long that takes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .measure import MEASURED_PYTHON, ROOT, make_project, peak_kb

PROSE = re.compile(r"^    (first_half_result|second_half_plan|problems): .*\n", re.MULTILINE)


def write_large_bureau(target: Path, tasks: int, prose: bool = True) -> Path:
    """The sample bureau with ``tasks`` tasks in one file (the sample's tasks, renumbered in turn).

    Without ``prose``, the tasks keep their targets, windows and monthly logs with notes,
    and lose their three paragraphs of results, plans and problems: a data file as it is
    kept through the year, before the period's write-up.
    """
    data = target / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("tasks"))
    (data / "tasks").mkdir()
    blocks: list[str] = []
    for path in sorted((ROOT / "data" / "tasks").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        body = text.split("tasks:\n", 1)[1]
        blocks += ["  - id:" + block for block in body.split("  - id:")[1:]]
    if not prose:
        blocks = [PROSE.sub("", block) for block in blocks]
    # Other records point at sample task ids: keep those ids on the first copy of each task.
    lines = ["# yaml-language-server: $schema=../schema/data.schema.json\n", "tasks:\n"]
    for number in range(tasks):
        block = blocks[number % len(blocks)]
        if number >= len(blocks):
            block = re.sub(r"^  - id: \S+", f"  - id: T-L{number:06d}", block, count=1)
        lines.append(block if block.endswith("\n") else block + "\n")
    (data / "tasks" / "all.yaml").write_text("".join(lines), encoding="utf-8")
    return data


def run_measured(project: Path, *args: str) -> dict[str, Any]:
    """``workreport ARGS…`` in ``project``, in a fresh process: its time, and its and its children's peak memory."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    done = subprocess.run(
        [*MEASURED_PYTHON, "-m", "workreport", *args], cwd=project, env=env, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    peak, child = peak_kb(done.stderr), peak_kb(done.stderr, "CHILDRSS")
    messages = [line for line in done.stderr.splitlines() if not line.startswith(("MAXRSS", "CHILDRSS"))]
    return {
        "seconds": round(seconds, 2),
        "peak_mb": round(peak / 1024) if peak is not None else None,
        # Workers that read a long file in parts (one per core) are forked; the build's MkDocs is a child
        # too: this is the largest of them.
        "largest_worker_mb": round(child / 1024) if child is not None else None,
        "exit": done.returncode,
        "messages": messages[-3:],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="check and build one data file of many tasks")
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--no-prose", dest="prose", action="store_false", help="tasks without their three paragraphs")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "large.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="workreport-large-") as scratch:
        project = Path(scratch) / "project"
        data = write_large_bureau(project, args.tasks, args.prose)
        make_project(project, data)
        size_mb = (data / "tasks" / "all.yaml").stat().st_size / 2**20
        result: dict[str, Any] = {"tasks": args.tasks, "prose": args.prose, "file_mb": round(size_mb, 1)}
        result["check"] = run_measured(project, "check")
        result["build"] = run_measured(project, "build")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
