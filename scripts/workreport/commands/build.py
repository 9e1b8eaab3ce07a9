"""``workreport build``: check the data, build the site, and swap it into ``site/`` only when complete."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from ..audience import INTERNAL, PUBLIC
from ..scratch import scratch_dir, swap_into_place
from ..sitebuild import ENGINES, BuildOptions, run_build
from ..staging import StageError, finish, stage_project
from .common import SubCommands, buildable_report, output_stamp


def add_build_command(commands: SubCommands) -> None:
    build = commands.add_parser("build", help="检查数据并构建站点到 site/")
    build.add_argument("--config", default="mkdocs.yml")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--public", action="store_true", help="对外版本：不含任何标为内部的记录和字段")
    build.add_argument(
        "--engine", choices=ENGINES, default="mkdocs",
        help="构建引擎（默认 mkdocs；properdocs 为 MkDocs 的维护分支；zensical 不运行钩子，自动按 --staged 构建）",
    )
    build.add_argument(
        "--staged", action="store_true",
        help="先把记录页面、图片和站点名称等写成文件（build/staged/ 和 .staged.yml），再由引擎构建，不用 MkDocs 钩子",
    )
    build.set_defaults(run=command_build)


def command_build(args: argparse.Namespace) -> int:
    """Check, then build into a fresh folder and swap it in: a failed build leaves ``site/`` as it was.

    The build's clock is the data commit's time: MkDocs dates the sitemap with it, so one
    commit always builds the same bytes.
    """
    report = buildable_report(args)
    if report is None:
        return 1
    options = BuildOptions(PUBLIC if args.public else INTERNAL, stamp=output_stamp(args, report))
    site = Path(args.site_dir).resolve()
    with scratch_dir(site.parent, ".site-") as scratch:
        fresh = scratch / "site"
        try:
            staged = stage_project(Path(args.config), options) if args.staged or args.engine == "zensical" else None
        except StageError as error:
            print(error, file=sys.stderr)
            print(f"站点构建失败，{args.site_dir}/ 保持原样。", file=sys.stderr)
            return 1
        config = staged.config if staged else args.config
        # Zensical writes where the staged configuration says; MkDocs and ProperDocs where they are told.
        built = staged.site if staged and args.engine == "zensical" else fresh
        if run_build(options, config, fresh, engine=args.engine).returncode != 0:
            print(f"站点构建失败，{args.site_dir}/ 保持原样。", file=sys.stderr)
            return 1
        if staged:
            finish(built)
            if built != fresh:
                shutil.move(built, fresh)
        swap_into_place(fresh, site)
    if args.public:
        print(f"已构建对外版本（不含内部记录和内部字段）：{args.site_dir}/", file=sys.stderr)
    return 0

