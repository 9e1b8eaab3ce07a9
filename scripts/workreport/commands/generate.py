"""``workreport generate``: synthetic data at scale, for benchmarks (see ``workreport.synth``)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..synth import DEFAULT_TEMPLATE, SynthError, generate
from ..synth.command import LABELS, RECORD_KINDS
from .common import SubCommands


def add_generate_command(commands: SubCommands) -> None:
    generate_parser = commands.add_parser(
        "generate", help="生成指定规模的合成数据（用于性能测试），结果可直接通过 check",
        description="以样例数据为模板，按规模复制出多个局的合成数据：同样的规模和种子总是生成完全相同的文件。",
    )
    generate_parser.add_argument("--scale", type=int, default=1, help="规模：1 约为样例大小，10 为十倍（默认 1）")
    generate_parser.add_argument("--seed", type=int, default=1, help="随机种子（默认 1）")
    generate_parser.add_argument("--out", required=True, help="输出的数据目录：必须不存在或为空")
    generate_parser.add_argument(
        "--template", default=str(DEFAULT_TEMPLATE), help="作为模板的数据目录（默认本项目的 data/）"
    )
    generate_parser.set_defaults(run=command_generate)


def command_generate(args: argparse.Namespace) -> int:
    began = time.perf_counter()
    try:
        counts = generate(Path(args.out), args.scale, args.seed, Path(args.template))
    except SynthError as error:
        print(f"未生成任何文件：{error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - began
    print(summary(Path(args.out), args.scale, args.seed, counts, seconds))
    return 0


def summary(out: Path, scale: int, seed: int, counts: dict[str, int], seconds: float) -> str:
    kinds = "、".join(f"{LABELS[k]} {counts[k]}" for k in (*RECORD_KINDS, "categories", "photos"))
    size = counts["bytes"] / 1024 / 1024
    return (
        f"已生成 {scale} 倍规模的合成数据（种子 {seed}）：{out}\n"
        f"  {kinds}\n"
        f"  共写入 {counts['files']} 个文件，合计 {size:.1f} MB，用时 {seconds:.1f} 秒。\n"
        f"  检查：python -m workreport --data {out} --root {out.parent} check"
    )
