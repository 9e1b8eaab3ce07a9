"""Measurements the benchmark takes: a build in a fresh process, and what a built site weighs.

Each build runs in its own Python process so its peak memory is its own; the figures are
wall-clock seconds on whatever machine runs the bench, so they are reported, never asserted.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..audience import INTERNAL
from ..sitebuild import BuildOptions, build_command

ROOT = Path(__file__).resolve().parents[3]
PROJECT_FILES = ("mkdocs.yml", "docs", "macros")

# `python -c MEASURED -m MODULE ARGS…` runs `python -m MODULE ARGS…` in this process, then
# prints its peak resident memory, and the largest of its children's, in KB on standard error.
MEASURED = """
import resource, runpy, sys
module, sys.argv = sys.argv[2], sys.argv[2:]
try:
    runpy.run_module(module, run_name="__main__", alter_sys=True)
    code = 0
except SystemExit as stop:
    code = stop.code
print("MAXRSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
print("CHILDRSS", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""
MEASURED_PYTHON = (sys.executable, "-c", MEASURED)
"""Python, started so that it reports its peak memory: put it before ``-m MODULE ARGS…``."""


def peak_kb(stderr: str, label: str = "MAXRSS") -> int | None:
    """A peak memory (KB) that ``MEASURED_PYTHON`` reported: ``MAXRSS`` its own, ``CHILDRSS`` its children's."""
    found = re.search(rf"^{label} (\d+)$", stderr, re.MULTILINE)
    return int(found.group(1)) if found else None


def make_project(target: Path, data: Path) -> Path:
    """A buildable project around ``data``: this repository's mkdocs.yml, docs/, macros/ and core."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    shutil.copytree(ROOT / "scripts" / "workreport", target / "scripts" / "workreport", ignore=shutil.ignore_patterns("__pycache__"))
    if data.resolve() != (target / "data").resolve():
        shutil.copytree(data, target / "data")
    return target


@dataclass(frozen=True)
class Build:
    seconds: float
    peak_mb: float


def build(config: Path, site: Path, options: BuildOptions | None = None, engine: str = "mkdocs") -> Build:
    """``mkdocs build`` of ``config`` into ``site`` (the internal site unless ``options`` say otherwise), in a
    fresh process: its time and its peak memory."""
    command = build_command(options or BuildOptions(INTERNAL), config, site, python=MEASURED_PYTHON, engine=engine)
    started = time.perf_counter()
    done = subprocess.run(command.argv, capture_output=True, text=True, env=command.env, cwd=config.parent, check=False)
    seconds = time.perf_counter() - started
    peak = peak_kb(done.stderr)
    if done.returncode != 0 or peak is None:
        raise RuntimeError(f"build of {config} failed:\n{done.stderr[-3000:]}")
    return Build(seconds, peak / 1024)


@dataclass(frozen=True)
class SiteSize:
    pages: int
    html_bytes: int
    text_bytes: int
    """The visible text of every page's content, UTF-8: what a reader reads."""
    index_bytes: int


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
TAGS = re.compile(r"<(script|style|svg)\b.*?</\1>|<[^>]+>", re.DOTALL)


def page_text(html: str) -> str:
    match = ARTICLE.search(html)
    body = match.group(1) if match else ""
    return " ".join(TAGS.sub(" ", body).split())


def measure_site(site: Path) -> SiteSize:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    html_bytes = text_bytes = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        html_bytes += len(html.encode("utf-8"))
        text_bytes += len(page_text(html).encode("utf-8"))
    index = site / "search" / "search_index.json"
    return SiteSize(len(pages), html_bytes, text_bytes, index.stat().st_size if index.exists() else 0)


def site_texts(site: Path) -> list[str]:
    """Each page's visible text, to fill the engine-floor pages with text of the same size."""
    return [page_text(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("index.html"))]


def write_json(path: Path, payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
