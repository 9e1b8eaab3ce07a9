"""The benchmark: builds at 1×, 10× and 50× the sample, the engine floor, the preview and the search.

``make bench`` (``workreport bench``, see ``workreport.commands.bench``) prints a table and
writes the figures as JSON to ``bench/results/``. Figures are measured, not asserted:
machines here are shared and noisy, so the table says what one run saw, and the targets are
judged by reading it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from ..audience import INTERNAL
from ..loading import load_dataset
from ..sitebuild import BuildOptions, serve_command
from ..staging import stage_project
from .floor import make_floor
from .measure import ROOT, build, make_project, measure_site, site_texts

RESULTS = ROOT / "bench" / "results"


def measure_scale(work: Path, scale: int, seed: int, floor: bool) -> dict[str, Any]:
    from ..synth import generate

    project = work / f"scale-{scale}"
    data = project / "data"
    generate(data, scale, seed)
    make_project(project, data)
    row: dict[str, Any] = {"scale": scale}
    started = time.perf_counter()
    loaded = load_dataset(data, project)
    row["load_seconds"] = round(time.perf_counter() - started, 2)
    assert not loaded.errors, loaded.problems[:5]
    row["records"] = sum(len(getattr(loaded.dataset, k)) for k in
                         ("tasks", "indicators", "projects", "cases", "highlights", "honors", "units", "leaders", "bottom_lines"))
    # The site without its download centre: the floors write no documents, and writing them is
    # timed on its own (``export_hundred``); with them, a 10× build takes several times as long.
    ours = build(project / "mkdocs.yml", project / "site", BuildOptions(INTERNAL, downloads=False))
    size = measure_site(project / "site")
    row |= {"pages": size.pages, "build_seconds": round(ours.seconds, 1), "peak_mb": round(ours.peak_mb),
            "ms_per_page": round(1000 * ours.seconds / size.pages, 1), "html_mb": round(size.html_bytes / 2**20, 1),
            "text_mb": round(size.text_bytes / 2**20, 2), "index_mb": round(size.index_bytes / 2**20, 2),
            "index_to_text": round(size.index_bytes / max(size.text_bytes, 1), 2)}
    # The same site by ProperDocs, MkDocs 1.x's maintained fork (the engine we would move to).
    properdocs = build(project / "mkdocs.yml", project / "site-properdocs", BuildOptions(INTERNAL, downloads=False), engine="properdocs")
    row |= {"properdocs_seconds": round(properdocs.seconds, 1), "properdocs_to_mkdocs": round(properdocs.seconds / ours.seconds, 2)}
    shutil.rmtree(project / "site-properdocs")
    row |= staged_figures(project)
    if floor:
        texts = site_texts(project / "site")
        floor_project, pruned_project = work / f"floor-{scale}", work / f"floor-pruned-{scale}"
        engine = build(make_floor(floor_project, texts, size.pages), floor_project / "site")
        pruned = build(make_floor(pruned_project, texts, size.pages, pruned=True), pruned_project / "site")
        row |= {"floor_seconds": round(engine.seconds, 1), "floor_peak_mb": round(engine.peak_mb),
                "ours_to_floor": round(ours.seconds / engine.seconds, 2),
                "pruned_seconds": round(pruned.seconds, 1), "pruned_peak_mb": round(pruned.peak_mb),
                "ours_to_pruned": round(ours.seconds / pruned.seconds, 2)}
    return row


def staged_figures(project: Path) -> dict[str, Any]:
    """The same site staged (record pages written as files first, no hooks: what Zensical needs), built by
    MkDocs, and by Zensical where it is installed (its theme package is not on every package mirror).
    The times include staging, which renders every record page: the hooks do that inside MkDocs' build."""
    options = BuildOptions(INTERNAL, downloads=False)
    started = time.perf_counter()
    staged = stage_project(project / "mkdocs.yml", options)
    stage_seconds = time.perf_counter() - started
    by_mkdocs = build(staged.config, project / "site-staged", options)
    shutil.rmtree(project / "site-staged")
    row = {"stage_seconds": round(stage_seconds, 1), "staged_seconds": round(stage_seconds + by_mkdocs.seconds, 1),
           "staged_peak_mb": round(by_mkdocs.peak_mb)}
    if importlib.util.find_spec("zensical"):
        zensical = build(staged.config, staged.site, options, engine="zensical")
        row |= {"zensical_seconds": round(stage_seconds + zensical.seconds, 1), "zensical_peak_mb": round(zensical.peak_mb)}
        shutil.rmtree(staged.site)
    return row


def preview_rebuild(project: Path) -> dict[str, Any]:
    """Seconds from saving one task file to `mkdocs serve` having rebuilt the site."""
    port = 8800 + os.getpid() % 100
    # Not quiet: the preview's "Documentation built in … seconds" lines are what is timed.
    # As `make serve` runs it: without the download centre's documents.
    command = serve_command(BuildOptions(INTERNAL, quiet=False, downloads=False), project / "mkdocs.yml", f"127.0.0.1:{port}")
    serve = subprocess.Popen(
        command.argv, cwd=project, env=command.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    built = re.compile(r"Documentation built in ([\d.]+) seconds")
    try:
        first = wait_for(serve, built)
        task_file = min((project / "data" / "tasks").glob("*.yaml"))
        text = task_file.read_text(encoding="utf-8")
        time.sleep(1.5)  # let the watcher settle after the first build
        saved = time.perf_counter()
        task_file.write_text(text.replace("note:", "note: 已更新。", 1), encoding="utf-8")
        reported = wait_for(serve, built)
        return {"first_build_seconds": first, "rebuild_seconds": round(time.perf_counter() - saved, 1),
                "rebuild_reported_seconds": reported}
    finally:
        serve.terminate()
        serve.wait(timeout=30)


def wait_for(process: subprocess.Popen[str], pattern: re.Pattern[str], timeout: float = 900) -> float:
    deadline = time.perf_counter() + timeout
    assert process.stdout is not None
    while time.perf_counter() < deadline:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("mkdocs serve stopped")
        match = pattern.search(line)
        if match:
            return float(match.group(1))
    raise TimeoutError(pattern.pattern)


def search_figures(site: Path, term: str) -> dict[str, Any]:
    """The cold first search for ``term`` with Material's index and with Pagefind's (indexed here), in Chromium."""
    from .search import PAGEFIND_FOLDER, cold_first_search, index_with_pagefind, pagefind_installed

    figures: dict[str, Any] = {"material": cold_first_search(site, "material", term)}
    if pagefind_installed():
        seconds = index_with_pagefind(site)
        size = sum(p.stat().st_size for p in (site / PAGEFIND_FOLDER).rglob("*") if p.is_file())
        figures["pagefind"] = {"index_seconds": round(seconds, 1), "index_mb": round(size / 2**20, 1),
                               **cold_first_search(site, "pagefind", term)}
    return figures


def search_quality(project: Path) -> dict[str, Any]:
    """Recall and rank of both engines on thirty of the data's own words (Pagefind's index made if the site has none)."""
    from .search import PAGEFIND_FOLDER, index_with_pagefind, quality

    if not (project / "site" / PAGEFIND_FOLDER).exists():
        index_with_pagefind(project / "site")
    dataset = load_dataset(project / "data", project).dataset
    assert dataset is not None, "the synthetic data checks clean"
    return quality(project / "site", dataset)


def export_hundred(project: Path) -> dict[str, Any]:
    """DOCX and PDF of 100 cases, from the public view."""
    from ..audience import PUBLIC
    from ..export.docx_writer import write_docx
    from ..export.pdf_writer import write_pdf
    from ..views.compilation import compile_cases
    from ..views.context import Site

    dataset = load_dataset(project / "data", project).dataset
    assert dataset is not None, "the synthetic data checks clean"
    site = Site(PUBLIC.edition(dataset))
    view = site.data
    doc = compile_cases(site, ids=[c.id for c in view.cases[:100]])
    stamp = dt.datetime.combine(view.report.as_of, dt.time(), dt.UTC)
    timings: dict[str, float] = {"cases": len(doc.cases)}
    for name, write in (("docx", write_docx), ("pdf", write_pdf)):
        started = time.perf_counter()
        write(doc, project / f"hundred.{name}", stamp)
        timings[f"{name}_seconds"] = round(time.perf_counter() - started, 1)
    return timings


COLUMNS = [
    ("scale", "规模"), ("records", "记录"), ("pages", "页面"), ("load_seconds", "读取校验 s"), ("build_seconds", "构建 s"),
    ("ms_per_page", "ms/页"), ("peak_mb", "峰值 MB"), ("html_mb", "HTML MB"), ("text_mb", "正文 MB"), ("index_mb", "索引 MB"),
    ("index_to_text", "索引/正文"), ("floor_seconds", "引擎基准 s"), ("ours_to_floor", "本项目/基准"),
    ("pruned_seconds", "精简导航基准 s"), ("ours_to_pruned", "本项目/精简基准"),
    ("properdocs_seconds", "ProperDocs s"), ("properdocs_to_mkdocs", "ProperDocs/MkDocs"),
    ("staged_seconds", "预生成+MkDocs s"), ("zensical_seconds", "预生成+Zensical s"), ("zensical_peak_mb", "Zensical 峰值 MB"),
]


def table(rows: list[dict[str, Any]]) -> str:
    lines = [" | ".join(title for _, title in COLUMNS), " | ".join("---" for _ in COLUMNS)]
    for row in rows:
        lines.append(" | ".join(str(row.get(key, "—")) for key, _ in COLUMNS))
    return "\n".join(lines)
