"""The documents of the download centre, written for one edition (see ``views.downloads``).

Each planned file is written by the same writer ``make export`` uses, from the same views,
so the site's downloads always match its pages and its data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..stamps import source_time
from ..views.compilation import compile_cases
from ..views.context import Site
from ..views.downloads import DownloadEntry, download_plan
from ..views.summary_document import summary_document

Writer = Callable[[Path], object]


def writers(site: Site, entry: DownloadEntry, stamp: dt.datetime) -> dict[str, Writer]:
    """What writes each format of ``entry`` (``DOCX``, ``PDF``, ``XLSX``), given the path to write at.

    The entry's document is built once for all its formats: the compilation's DOCX then
    takes its contents' page numbers from the layout its PDF already made.
    """
    if entry.key == "ledger":
        from .ledger import write_ledger

        return {"XLSX": lambda path: write_ledger(site, path, stamp)}
    from .pdf_writer import write_pdf, write_summary_pdf

    if entry.key == "summary":
        from .summary_docx import write_summary_docx

        summary = summary_document(site)
        return {
            "DOCX": lambda path: write_summary_docx(summary, path, stamp),
            "PDF": lambda path: write_summary_pdf(summary, path, stamp),
        }
    from .docx_writer import write_docx

    compilation = compile_cases(site, honor=entry.honor)
    return {
        "DOCX": lambda path: write_docx(compilation, path, stamp),
        "PDF": lambda path: write_pdf(compilation, path, stamp),
    }


def write_downloads(site: Site, folder: Path, root: Path) -> list[Path]:
    """Write the download centre's files (``download_plan``) into ``folder``, stamped with the time of the data's
    last commit in the project at ``root``; the paths written, in the plan's order.

    One after another: written by a pool of forked processes they took as long on this
    2-core machine under load, and forking inside a build (``mkdocs serve`` runs threads)
    risks a deadlock for no gain.
    """
    stamp = source_time(root, site.data.data_dir, site.report.as_of)
    paths = []
    for entry in download_plan(site):
        write = writers(site, entry, stamp)
        for file in entry.files:
            path = folder / file.name
            write[file.format](path)
            paths.append(path)
    return paths
