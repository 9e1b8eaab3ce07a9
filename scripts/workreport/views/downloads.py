"""The download centre: which documents the site carries, under which names.

The plan is a function of the edition alone: the work summary, the case compilation, the
ledger, and one dossier for each honor still being prepared that has supporting material
the audience may see. The site build writes exactly these files (``export.deliverables``)
and ``make export`` names its files the same way, so a link never points at nothing and a
public site carries only public files.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import HonorStatus
from .context import Site

FOLDER = "downloads"
"""Where the files sit in the site: ``downloads/summary-2025-h1.pdf``."""
PREPARING = (HonorStatus.planning, HonorStatus.applying)


def file_stem(site: Site, kind: str, honor: str | None = None) -> str:
    """``summary-2025-h1``, ``dossier-HN-01-2025-h1-internal``: ASCII names that survive zips, mail and Windows."""
    middle = f"-{honor}" if honor else ""
    return f"{kind}{middle}-{site.report.period.id}{audience_suffix(site)}"


def audience_suffix(site: Site) -> str:
    """``-internal`` on the files of an audience whose documents are marked (内部资料); nothing on public ones."""
    return "" if site.audience.document_mark is None else f"-{site.audience.key}"


@dataclass(frozen=True)
class DownloadFile:
    name: str
    """The file's name in the download folder."""
    format: str
    """DOCX, PDF or XLSX."""

    @property
    def uri(self) -> str:
        return f"{FOLDER}/{self.name}"


@dataclass(frozen=True)
class DownloadEntry:
    key: str
    """What the file holds: ``summary``, ``cases``, ``ledger`` or ``dossier``."""
    title: str
    note: str
    files: tuple[DownloadFile, ...]
    honor: str | None = None
    """The honor a dossier supports."""

    @property
    def anchor(self) -> str:
        return f"dossier-{self.honor}" if self.honor else self.key


@dataclass(frozen=True)
class Downloads:
    enabled: bool
    """False in the editors' preview, which does not write the files."""
    documents: tuple[DownloadEntry, ...]
    dossiers: tuple[DownloadEntry, ...]
    internal: bool
    """Whether these are the bureau's own documents (marked 内部资料)."""


def _files(stem: str, formats: tuple[str, ...]) -> tuple[DownloadFile, ...]:
    return tuple(DownloadFile(f"{stem}.{f}", f.upper()) for f in formats)


def dossier_honors(site: Site) -> list[str]:
    """Honors still being prepared that have cases or highlights this audience may see."""
    data = site.data
    return [
        h.id for h in data.honors
        if h.status in PREPARING and (data.cases_supporting(h.id) or any(x in data.highlight_by_id for x in h.highlights))
    ]


def download_plan(site: Site) -> list[DownloadEntry]:
    report, words = site.report, site.words
    summary_title = f"{report.period.title}工作总结"
    entries = [
        DownloadEntry("summary", summary_title, f"{words.period.summary}，公文格式，与“总结复盘”页内容一致", _files(file_stem(site, "summary"), ("docx", "pdf"))),
        DownloadEntry("cases", "典型案例汇编", f"全部{len(site.data.cases)}个典型案例，公文格式，含目录和照片", _files(file_stem(site, "cases"), ("docx", "pdf"))),
        DownloadEntry("ledger", "工作台账", "重点任务、考核指标、重点工程等台账，按截至日期计算", _files(file_stem(site, "ledger"), ("xlsx",))),
    ]
    for honor_id in dossier_honors(site):
        honor = site.data.honor_by_id[honor_id]
        supported = len(site.data.cases_supporting(honor_id)) + sum(1 for x in honor.highlights if x in site.data.highlight_by_id)
        entries.append(DownloadEntry(
            "dossier", f"{honor.name}申报材料", f"{honor.level}，{honor.status.value}；支撑材料 {supported} 项",
            _files(file_stem(site, "dossier", honor_id), ("docx", "pdf")), honor_id,
        ))
    return entries


def downloads(site: Site) -> Downloads:
    plan = download_plan(site)
    return Downloads(
        enabled=site.downloads,
        documents=tuple(e for e in plan if e.honor is None),
        dossiers=tuple(e for e in plan if e.honor is not None),
        internal=site.audience.document_mark is not None,
    )
