"""A killed build, export or bundle never damages ``site/`` or ``dist/``, and the next run tidies up.

Runs are killed with SIGKILL (nothing of theirs runs after it) at several points: as soon
as their scratch folder appears, while MkDocs writes pages into it, and while the exports
are being written. Each time the previous output must be intact, byte for byte, and the
next run must remove what the killed one left and succeed.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, copy_project


def digest(folder: Path) -> dict[str, str]:
    """The outputs in ``folder``, byte for byte (scratch folders, whose names start with a dot, aside)."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    }


def command(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "workreport", *args]


def finish(project: Path, *args: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(command(project, *args), cwd=project, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def kill_when(project: Path, args: list[str], ready: Callable[[], bool]) -> None:
    """Start the command and SIGKILL it as soon as ``ready()`` holds."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen(command(project, *args), cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(6000):
            if ready() or process.poll() is not None:
                break
            time.sleep(0.01)
        assert process.poll() is None, "the run ended before the kill point: the test would prove nothing"
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    time.sleep(0.3)  # the MkDocs child dies with its parent (PR_SET_PDEATHSIG)


def scratch(folder: Path, prefix: str) -> list[Path]:
    return sorted(folder.glob(f"{prefix}*")) if folder.is_dir() else []


def html_pages(folder: Path, prefix: str) -> int:
    return sum(len(list(s.rglob("*.html"))) for s in scratch(folder, prefix))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("tidy"), ROOT / "data")
    finish(project, "build")
    finish(project, "export")
    finish(project, "bundle")
    return project


@pytest.mark.parametrize("point", ["scratch folder made", "pages being written"])
def test_a_killed_build_leaves_the_site_whole_and_the_next_build_tidies(project: Path, point: str):
    site = project / "site"
    before = digest(site)
    ready = {
        "scratch folder made": lambda: bool(scratch(project, ".site-")),
        "pages being written": lambda: html_pages(project, ".site-") >= 20,
    }[point]
    kill_when(project, ["build"], ready)
    assert digest(site) == before
    assert scratch(project, ".site-"), "the kill left its scratch folder (what the next run must remove)"
    finish(project, "build")
    assert scratch(project, ".site-") == []
    assert digest(site) == before  # same data, same site


def test_a_killed_export_leaves_dist_whole_and_the_next_export_tidies(project: Path):
    dist = project / "dist"
    before = digest(dist)
    kill_when(project, ["export"], lambda: any(any(s.iterdir()) for s in scratch(dist, ".export-")))
    assert digest(dist) == before
    assert scratch(dist, ".export-")
    finish(project, "export", "--format", "xlsx")
    assert scratch(dist, ".export-") == []
    assert digest(dist) == before


def test_a_killed_bundle_leaves_dist_whole_and_the_next_bundle_tidies(project: Path):
    dist = project / "dist"
    before = digest(dist)
    kill_when(project, ["bundle"], lambda: html_pages(dist, ".bundle-") >= 20)
    assert digest(dist) == before
    assert scratch(dist, ".bundle-")
    finish(project, "bundle")
    assert scratch(dist, ".bundle-") == []
    assert digest(dist) == before


def test_a_scratch_folder_of_a_live_run_is_left_alone(project: Path):
    """Two runs at once: the second does not remove the first one's folder; a dead run's folder
    goes even when its process id now belongs to another process (ids are reused)."""
    from workreport.scratch import _owner, sweep

    live = project / f".site-{_owner()}-live"
    dead = project / ".site-999999999-dead"
    reused = project / f".site-{os.getpid()}.1-reused"  # this process's id, but another start time
    for folder in (live, dead, reused):
        folder.mkdir()
    try:
        assert sorted(sweep(project, ".site-")) == sorted([dead, reused])
        assert live.is_dir() and not dead.exists() and not reused.exists()
    finally:
        live.rmdir()
