"""The site does not depend on MkDocs itself: ProperDocs (MkDocs 1.x's maintained drop-in fork)
builds the sample to the same bytes, all but the generator tag that names the engine."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
"""The one line that names the engine (“mkdocs-1.6.1, …” / “mkdocs-ProperDocs 1.6.7, …”)."""


def build(engine: str, project: Path, site: Path) -> None:
    env = os.environ | {"SOURCE_DATE_EPOCH": "1751328000", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-q", "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, f"{engine}: {done.stderr[-2000:]}"


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): GENERATOR.sub(b"", p.read_bytes()) for p in sorted(site.rglob("*")) if p.is_file()}


def test_properdocs_builds_the_same_site(tmp_path):
    pytest.importorskip("properdocs")
    project = copy_project(tmp_path / "project", ROOT / "data")
    build("mkdocs", project, tmp_path / "mkdocs-site")
    build("properdocs", project, tmp_path / "properdocs-site")
    by_mkdocs, by_properdocs = files(tmp_path / "mkdocs-site"), files(tmp_path / "properdocs-site")
    assert len(by_mkdocs) > 200 and sorted(by_mkdocs) == sorted(by_properdocs)
    assert [name for name in by_mkdocs if by_mkdocs[name] != by_properdocs[name]] == []
    # The engine is named, and only there.
    tag = GENERATOR.search((tmp_path / "properdocs-site" / "index.html").read_bytes())
    assert tag is not None and b"ProperDocs" in tag.group(0)
