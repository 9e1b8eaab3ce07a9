"""Measurements the benchmark takes: a build in a fresh process, and what a built site weighs.

Each build runs in its own Python process so its peak memory is its own; the figures are
wall-clock seconds on whatever machine runs the bench, so they are reported, never asserted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
PROJECT_FILES = ("mkdocs.yml", "docs", "macros")

# Runs mkdocs in this process and prints the peak resident memory in KB when done.
BUILD_SCRIPT = """
import resource, sys
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "-q", "-f", sys.argv[1], "-d", sys.argv[2]])
except SystemExit as stop:
    if stop.code:
        raise
print("MAXRSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


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


def build(config: Path, site: Path, env: dict[str, str] | None = None) -> Build:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", BUILD_SCRIPT, str(config), str(site)],
        capture_output=True, text=True, env=environment, cwd=config.parent, check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{done.stderr[-3000:]}")
    peak = int(re.search(r"MAXRSS (\d+)", done.stdout).group(1))  # type: ignore[union-attr]
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
