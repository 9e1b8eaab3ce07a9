"""The documents of the download centre, written for one edition (see ``views.downloads``).

Each planned file is written by the same writer ``make export`` uses, from the same views,
so the site's downloads always match its pages and its data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..views.compilation import compile_cases
from ..views.context import Site
from ..views.downloads import DownloadEntry, DownloadFile
from ..views.summary_document import summary_document


def writer(site: Site, entry: DownloadEntry, file: DownloadFile, stamp: dt.datetime) -> Callable[[Path], object]:
    """What writes ``file`` of ``entry``, given the path to write it at."""
    kind = file.format.lower()
    if entry.key == "ledger":
        from .ledger import write_ledger

        return lambda path: write_ledger(site, path, stamp)
    if entry.key == "summary":
        summary = summary_document(site)
        if kind == "docx":
            from .summary_docx import write_summary_docx

            return lambda path: write_summary_docx(summary, path, stamp)
        from .pdf_writer import write_summary_pdf

        return lambda path: write_summary_pdf(summary, path, stamp)
    compilation = compile_cases(site, honor=entry.honor)
    if kind == "docx":
        from .docx_writer import write_docx

        return lambda path: write_docx(compilation, path, stamp)
    from .pdf_writer import write_pdf

    return lambda path: write_pdf(compilation, path, stamp)


def write_downloads(site: Site, entries: list[DownloadEntry], folder: Path, stamp: dt.datetime) -> list[Path]:
    """Write every file of ``entries`` into ``folder``; the paths written, in the plan's order.

    One after another: written by a pool of forked processes they took as long on this
    2-core machine under load, and forking inside a build (``mkdocs serve`` runs threads)
    risks a deadlock for no gain.
    """
    paths = []
    for entry in entries:
        for file in entry.files:
            path = folder / file.name
            writer(site, entry, file, stamp)(path)
            paths.append(path)
    return paths
