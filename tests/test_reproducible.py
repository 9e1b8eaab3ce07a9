"""Two runs on one commit give the same bytes: the site (both audiences), DOCX, PDF, XLSX and bundle.

Every time stamp inside a file or a zip is the data commit's time, never the clock: the
second run happens seconds later and in another time zone, and still writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from conftest import ROOT, copy_project

COMMIT_TIME = "2025-07-03T10:00:00+08:00"
COMMITTED = dt.datetime(2025, 7, 3, 2, 0, tzinfo=dt.UTC)


def run(project: Path, *args: str, tz: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TZ=tz)
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run([sys.executable, "-m", "workreport", *args], cwd=project, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr


def digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> list[Path]:
    project = copy_project(tmp_path_factory.mktemp("reproducible"), ROOT / "data")
    git = ["git", "-c", "user.name=办公室", "-c", "user.email=office@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", f"--date={COMMIT_TIME}", "-m", "数据"], cwd=project, check=True,
                   env=dict(os.environ, GIT_COMMITTER_DATE=COMMIT_TIME))
    outputs = []
    for number, tz in enumerate(["Asia/Shanghai", "America/New_York"]):
        out = project / f"run-{number}"
        run(project, "build", "--site-dir", str(out / "site"), tz=tz)
        run(project, "build", "--public", "--site-dir", str(out / "public-site"), tz=tz)
        run(project, "export", "--out", str(out / "dist"), tz=tz)
        run(project, "bundle", "--out", str(out / "dist"), tz=tz)
        outputs.append(out)
        time.sleep(2.1)  # past a zip entry's two-second resolution: a clock stamp would differ
    return outputs


@pytest.mark.parametrize("folder", ["site", "public-site"])
def test_sites_are_byte_identical(runs: list[Path], folder: str):
    first, second = (digest(run / folder) for run in runs)
    assert first and first == second


@pytest.mark.parametrize("name", ["cases-2025-h1.docx", "cases-2025-h1.pdf", "ledger-2025-h1.xlsx", "site-2025-h1.zip"])
def test_documents_and_bundle_are_byte_identical(runs: list[Path], name: str):
    first, second = ((run / "dist" / name).read_bytes() for run in runs)
    assert first == second


@pytest.mark.parametrize("name", ["cases-2025-h1.docx", "ledger-2025-h1.xlsx", "site-2025-h1.zip"])
def test_zip_entries_carry_the_commit_time(runs: list[Path], name: str):
    with zipfile.ZipFile(runs[0] / "dist" / name) as archive:
        stamps = {info.date_time for info in archive.infolist()}
    assert stamps == {(2025, 7, 3, 2, 0, 0)}


def test_documents_are_dated_by_the_commit(runs: list[Path]):
    properties = Document(str(runs[0] / "dist" / "cases-2025-h1.docx")).core_properties
    assert properties.created == properties.modified == COMMITTED
    metadata = PdfReader(runs[0] / "dist" / "cases-2025-h1.pdf").metadata
    assert metadata is not None and metadata.creation_date is not None
    assert metadata.creation_date.astimezone(dt.UTC) == COMMITTED
    # MkDocs takes its build date from SOURCE_DATE_EPOCH: the gzip header of the sitemap holds that day.
    header = (runs[0] / "site" / "sitemap.xml.gz").read_bytes()[:8]
    day = dt.datetime.combine(COMMITTED.date(), dt.time(), dt.UTC)
    assert int.from_bytes(header[4:8], "little") == int(day.timestamp())
