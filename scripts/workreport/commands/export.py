"""``workreport export`` and ``workreport bundle``: files that leave the bureau, into dist/.

Both are made for an audience: the public by default, so nothing marked internal can reach
them; ``export --audience internal`` gives the office its own documents, with the internal
records and the bureau's own assessment, marked 内部资料 on every page and sheet. Every file
is written under a temporary name and renamed only when all of them succeeded: a failed
export leaves dist/ as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ..audience import AUDIENCES, PUBLIC
from ..export import ExportError
from ..scratch import scratch_dir
from ..sitebuild import BuildOptions, run_build
from ..stamps import write_zip
from ..views.compilation import Compilation, SelectionError, compile_cases
from ..views.context import Site
from ..views.downloads import audience_suffix, file_stem
from ..views.review_document import ReviewDocument, review_document
from ..views.summary_document import SummaryDocument, summary_document
from .common import SubCommands, buildable_report, checked_dataset, output_stamp

FORMATS = ("docx", "pdf", "xlsx")


def add_export_commands(commands: SubCommands) -> None:
    export = commands.add_parser("export", help="导出工作总结和典型案例汇编（DOCX、PDF）、月度复盘（DOCX）、工作台账（XLSX）到 dist/")
    export.add_argument("--format", nargs="+", choices=FORMATS, default=list(FORMATS), help="导出格式（默认全部）")
    chosen = export.add_mutually_exclusive_group()
    chosen.add_argument("--honor", metavar="荣誉编号", help="只导出支撑该荣誉申报的案例和亮点，如 HN-01")
    chosen.add_argument("--ids", metavar="编号", help="只导出这些案例或亮点，用逗号分隔，如 C-01,C-03,H-02")
    export.add_argument(
        "--review", metavar="年-月",
        help="月度复盘（DOCX）所复盘的月份，如 2025-06（默认报告期内截至日期所在的最近一个月）",
    )
    export.add_argument("--out", default="dist", help="输出目录（默认 dist）")
    export.add_argument(
        "--audience", choices=sorted(AUDIENCES), default=PUBLIC.key,
        help="读者：public（默认，对外，不含任何内部内容）或 internal（局内，含内部记录和局内考核，每页标“内部资料”）",
    )
    export.set_defaults(run=command_export)

    bundle = commands.add_parser("bundle", help="生成可从 U 盘直接打开的离线网站压缩包（对外版本）")
    bundle.add_argument("--config", default="mkdocs.yml")
    bundle.add_argument("--out", default="dist", help="输出目录（默认 dist）")
    bundle.set_defaults(run=command_bundle)


def base_name(args: argparse.Namespace, site: Site) -> str:
    """The compilation's file name, as the download centre names its files (``views.downloads.file_stem``)."""
    if args.honor:
        return file_stem(site, "dossier", args.honor)
    return file_stem(site, "cases-selected" if args.ids else "cases")


def command_export(args: argparse.Namespace) -> int:
    dataset = checked_dataset(args)
    if dataset is None:
        return 1
    stamp = output_stamp(args, dataset.report)
    audience = AUDIENCES[args.audience]
    site = Site(audience.edition(dataset))
    ids = [i.strip() for i in args.ids.split(",") if i.strip()] if args.ids else None
    full = not args.honor and not args.ids
    try:
        doc = compile_cases(site, honor=args.honor, ids=ids)
        # The month's review goes beside the summary, or wherever a month is asked for.
        review = review_document(site, args.review) if full or args.review else None
    except SelectionError as error:
        print(f"导出失败：{error}", file=sys.stderr)
        return 1
    name = base_name(args, site)
    writers: dict[str, tuple[str, Callable[[Path], object]]] = {}
    if "docx" in args.format:
        writers["docx"] = (f"{name}.docx", lambda path: write_docx(doc, path, stamp))
    if "pdf" in args.format:
        writers["pdf"] = (f"{name}.pdf", lambda path: write_pdf_reporting(doc, path, stamp))
    if "xlsx" in args.format:
        writers["xlsx"] = (f"{file_stem(site, 'ledger')}.xlsx", lambda path: write_ledger(site, path, stamp))
    if full:
        # The work summary goes beside the full compilation, from the same views as its page.
        summary = summary_document(site)
        if "docx" in args.format:
            writers["summary-docx"] = (f"{file_stem(site, 'summary')}.docx", lambda path: write_summary_docx(summary, path, stamp))
        if "pdf" in args.format:
            writers["summary-pdf"] = (f"{file_stem(site, 'summary')}.pdf", lambda path: write_summary_pdf(summary, path, stamp))
    if review is not None and "docx" in args.format:
        writers["review-docx"] = (f"review-{review.month}{audience_suffix(site)}.docx", lambda path: write_review_docx(review, path, stamp))
    return write_all(Path(args.out), writers)


def write_docx(doc: Compilation, path: Path, stamp: dt.datetime) -> None:
    from ..export.docx_writer import write_docx as write

    write(doc, path, stamp)


def write_summary_docx(doc: SummaryDocument, path: Path, stamp: dt.datetime) -> None:
    from ..export.summary_docx import write_summary_docx as write

    write(doc, path, stamp)


def write_review_docx(doc: ReviewDocument, path: Path, stamp: dt.datetime) -> None:
    from ..export.review_docx import write_review_docx as write

    write(doc, path, stamp)


def write_summary_pdf(doc: SummaryDocument, path: Path, stamp: dt.datetime) -> None:
    from ..export.pdf_writer import write_summary_pdf as write

    write(doc, path, stamp)


def write_ledger(site: Site, path: Path, stamp: dt.datetime) -> None:
    from ..export.ledger import write_ledger as write

    write(site, path, stamp)


def write_pdf_reporting(doc: Compilation, path: Path, stamp: dt.datetime) -> None:
    from ..export.pdf_writer import write_pdf

    for choice in write_pdf(doc, path, stamp).values():
        print(f"  PDF 字体 · {choice.describe()}", file=sys.stderr)


def write_all(out: Path, writers: dict[str, tuple[str, Callable[[Path], object]]]) -> int:
    with scratch_dir(out, ".export-") as scratch:
        done: list[tuple[Path, Path, float]] = []
        for file_name, write in writers.values():
            staged = scratch / file_name
            started = time.perf_counter()
            try:
                write(staged)
            except ExportError as error:
                print(f"导出失败：{error}", file=sys.stderr)
                return 1
            done.append((staged, out / file_name, time.perf_counter() - started))
        for staged, final, seconds in done:
            staged.replace(final)
            print(f"已导出 {final}（{final.stat().st_size / 1024:.0f} KB，用时 {seconds:.1f} 秒）", file=sys.stderr)
    return 0


def command_bundle(args: argparse.Namespace) -> int:
    """A public, single-version site that opens from file:// (search included), zipped."""
    report = buildable_report(args)
    if report is None:
        return 1
    stamp = output_stamp(args, report)
    options = BuildOptions(PUBLIC, offline=True, stamp=stamp)
    period = report.period.id
    out = Path(args.out)
    target = out / f"site-{period}.zip"
    with scratch_dir(out, ".bundle-") as scratch:
        site = scratch / f"site-{period}"
        if run_build(options, args.config, site).returncode != 0:
            print("离线包构建失败，dist/ 保持原样。", file=sys.stderr)
            return 1
        staged = scratch / target.name
        files = [(path, (Path(site.name) / path.relative_to(site)).as_posix()) for path in site.rglob("*") if path.is_file()]
        write_zip(staged, files, stamp)
        staged.replace(target)
    print(f"已生成离线包 {target}（{target.stat().st_size / 1024 / 1024:.1f} MB）：解压后双击 site-{period}/index.html 即可浏览", file=sys.stderr)
    return 0
