"""``workreport bench``: the benchmark's figures, on screen and as JSON in ``bench/results/`` (see ``workreport.bench``)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

from ..bench.measure import write_json
from ..bench.run import RESULTS, export_hundred, measure_scale, preview_rebuild, search_figures, search_quality, table
from ..synth.command import DEFAULT_TEMPLATE, load_template
from .common import SubCommands


def add_bench_command(commands: SubCommands) -> None:
    bench = commands.add_parser("bench", help="性能测试：1×、10×、50× 规模的构建时间、内存、页面和索引大小，与引擎基准对比")
    bench.add_argument("--scales", default="1,10,50", help="规模列表（默认 1,10,50）")
    bench.add_argument("--seed", type=int, default=1)
    bench.add_argument("--no-floor", action="store_true", help="不构建引擎基准（省时间）")
    bench.add_argument("--preview", type=int, default=10, help="测量预览重建的规模（默认 10）")
    bench.add_argument("--search", type=int, default=50, help="在 Chromium 中测量首次搜索的规模（默认 50）")
    bench.add_argument("--export", type=int, default=10, help="测量导出 100 个案例的规模（默认 10）")
    bench.add_argument("--out", default=str(RESULTS), help="结果目录（默认 bench/results）")
    bench.set_defaults(run=command_bench)


def command_bench(args: argparse.Namespace) -> int:
    scales = [int(s) for s in args.scales.split(",")]
    rows, extra = [], {}
    with tempfile.TemporaryDirectory(prefix="workreport-bench-") as scratch:
        work = Path(scratch)
        for scale in scales:
            print(f"规模 {scale}× ……", file=sys.stderr, flush=True)
            rows.append(measure_scale(work, scale, args.seed, floor=not args.no_floor))
            print(table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
        if args.preview in scales:
            extra["preview"] = {"scale": args.preview, **preview_rebuild(work / f"scale-{args.preview}")}
        if args.search in scales:
            # A word of the bureau's own: the name of its first line of work, found on many pages.
            term = load_template(DEFAULT_TEMPLATE).report.categories[0].name
            extra["search"] = {"scale": args.search, "term": term, **search_figures(work / f"scale-{args.search}" / "site", term)}
        if 1 in scales and "pagefind" in extra.get("search", {}):
            extra["search_quality"] = {"scale": 1, **search_quality(work / "scale-1")}
        if args.export in scales:
            extra["export"] = {"scale": args.export, **export_hundred(work / f"scale-{args.export}")}
    base = rows[0]
    for row in rows:
        row["per_page_vs_1x"] = round(row["ms_per_page"] / base["ms_per_page"], 2)
    payload = {
        "date": dt.date.today().isoformat(),  # when the bench ran: a record of the run, not a site figure
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "memory_gb": _memory_gb(), "platform": platform.platform()},
        "seed": args.seed, "rows": rows, **extra,
    }
    out = Path(args.out) / "latest.json"
    write_json(out, payload)
    print(table(rows))
    for key in ("preview", "search", "export"):  # search_quality is long: in the JSON only
        if key in extra:
            print(f"{key}: {json.dumps(extra[key], ensure_ascii=False)}")
    print(f"结果已写入 {out}")
    return 0


def _memory_gb() -> float | None:
    """The machine's memory (Linux), for the record of where the figures were measured."""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            kilobytes = int(info.readline().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return round(kilobytes / 2**20, 1)
