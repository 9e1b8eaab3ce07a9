"""Outputs that appear whole or not at all, even when a run is killed.

Every command writes into a scratch folder beside its output (``.site-<pid>-…`` next to
``site/``, ``.export-<pid>-…`` in ``dist/``) and moves the finished result into place in
one step. A run killed half-way (Ctrl-C, a closed terminal, ``kill -9``) therefore leaves
the previous output as it was, plus a scratch folder; the next run of any command removes
the scratch folders of runs that are no longer alive (the process id is in the name, so
a run still going on elsewhere keeps its own).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

_LEFTOVER = re.compile(r"^(?P<prefix>\.[a-z]+-)(?P<pid>\d+)(?:\.(?P<start>\d+))?-")


def _started(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot, from /proc), or None where unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name, in parentheses, may hold spaces: the fields after it are plain.
    return stat.rsplit(")", 1)[-1].split()[19]


def _owner() -> str:
    """This run's name in its scratch folders: its process id and, where known, its start time.

    A process id alone can be reused by a later process; with the start time the next run
    cannot mistake a dead run's folder for a live one's.
    """
    started = _started(os.getpid())
    return f"{os.getpid()}.{started}" if started else str(os.getpid())


def _alive(pid: int, started: str | None) -> bool:
    if started is not None and Path("/proc").is_dir():
        return _started(pid) == started
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: not ours to judge
    return True


def sweep(parent: Path, prefix: str) -> list[Path]:
    """Remove the scratch folders ``<prefix><pid>[.<start>]-…`` in ``parent`` whose run has died."""
    removed: list[Path] = []
    if not parent.is_dir():
        return removed
    for entry in parent.iterdir():
        match = _LEFTOVER.match(entry.name)
        if match and match["prefix"] == prefix and not _alive(int(match["pid"]), match["start"]):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


@contextlib.contextmanager
def scratch_dir(parent: Path, prefix: str) -> Iterator[Path]:
    """A fresh folder ``<parent>/<prefix><pid>.<start>-…`` for this run, removed when it ends."""
    parent.mkdir(parents=True, exist_ok=True)
    sweep(parent, prefix)
    path = Path(tempfile.mkdtemp(prefix=f"{prefix}{_owner()}-", dir=parent))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def swap_into_place(fresh: Path, target: Path) -> None:
    """Put the folder ``fresh`` at ``target``; the old ``target``, if any, ends up at ``fresh``.

    On Linux the two folders trade places in one step (``renameat2`` with
    ``RENAME_EXCHANGE``), so there is no moment without ``target``. Elsewhere, or on a file
    system that cannot, the old folder is moved aside first: a kill in between leaves no
    ``target``, but the old one is still whole in the scratch folder.
    """
    if target.exists() and sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = getattr(libc, "renameat2", None)
        if renameat2 is not None:
            done = renameat2(_AT_FDCWD, os.fsencode(fresh), _AT_FDCWD, os.fsencode(target), _RENAME_EXCHANGE)
            if done == 0:
                return
    aside = fresh.with_name(fresh.name + ".old")
    if target.exists():
        target.rename(aside)
    fresh.rename(target)
    if aside.exists():
        aside.rename(fresh)


def die_with_parent() -> Callable[[], None]:
    """For ``subprocess(preexec_fn=die_with_parent())``: the child is killed when the command
    that started it dies.

    Without it a killed ``workreport build`` would leave MkDocs running, still writing into
    (and so making again) a scratch folder that the next run removes. A parent killed between
    the fork and the ``prctl`` call would not be noticed: the child then sees it has a new
    parent and stops at once.
    """
    parent = os.getpid()

    def arm() -> None:
        if sys.platform.startswith("linux"):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:
            os._exit(1)

    return arm
