"""Who changed each record, and when: a record's own change history, read from git.

``git blame`` of each data file tells which commit last wrote each line; a record's
history is the commits that wrote the lines it spans, newest first. So the panel on a
task's page speaks of that task, not of the other records kept in the same file. Only
names and dates are kept: e-mail addresses never leave this module.

The history is internal by nature (names of editors, messages about internal records):
only the internal build asks for it. A build from a shallow clone or from a tarball
without git still succeeds; the history is then marked unavailable, with the reason.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Origin

KEEP = 5  # changes shown per record: enough to see who has been editing it lately
UNCOMMITTED = "0" * 40


@dataclass(frozen=True)
class Change:
    when: dt.datetime
    """When the author made the change, in the author's own time zone."""
    author: str
    """The author's name as git records it (never the e-mail address)."""
    message: str
    commit: str

    @property
    def date(self) -> dt.date:
        return self.when.date()


@dataclass(frozen=True)
class History:
    available: bool
    reason: str = ""
    """Why there is no history (in Chinese), when there is none."""
    lines: dict[str, list[Change | None]] = field(default_factory=dict)
    """File path as problems name it (``data/tasks/x.yaml``) → the commit of each line (index 0 is line 1)."""
    starts: dict[str, list[int]] = field(default_factory=dict)
    """File path → the first line of every record in it, in order."""

    def of(self, origin: Origin | None) -> list[Change]:
        """The latest commits that wrote the record's lines, newest first."""
        if origin is None or origin.file not in self.lines:
            return []
        start = origin.line()
        later = [line for line in self.starts.get(origin.file, []) if line > start]
        end = min(later, default=len(self.lines[origin.file]) + 1)
        found = {c.commit: c for c in self.lines[origin.file][start - 1 : end - 1] if c is not None}
        return sorted(found.values(), key=lambda c: (c.when, c.commit), reverse=True)[:KEEP]


def run_git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)


def unavailable_reason(root: Path) -> str | None:
    """Why git cannot tell the history here, or None when it can."""
    try:
        inside = run_git(root, "rev-parse", "--is-inside-work-tree")
    except FileNotFoundError:
        return "本机没有安装 git，无法显示修改记录"
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return "本次构建的目录不是 git 仓库（例如从压缩包构建），无法显示修改记录"
    if run_git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        return "本次构建来自浅克隆（只有最近的提交），修改记录不完整，因此不显示"
    return None


def load_history(root: Path, origins: Iterable[Origin]) -> History:
    """The history of every record whose origin is given, or why it is unavailable."""
    reason = unavailable_reason(root)
    if reason:
        return History(False, reason)
    starts: dict[str, set[int]] = defaultdict(set)
    for origin in origins:
        starts[origin.file].add(origin.line())
    lines: dict[str, list[Change | None]] = {}
    for file in sorted(starts):
        blame = run_git(root, "-c", "core.quotepath=off", "blame", "--porcelain", "--", file)
        if blame.returncode == 0:
            lines[file] = parse_blame(blame.stdout)
        # A file git does not know yet (never committed) has no history: the page says so.
    return History(True, lines=lines, starts={file: sorted(found) for file, found in starts.items()})


def parse_blame(porcelain: str) -> list[Change | None]:
    """``git blame --porcelain`` → the commit of each line of the file (None: not committed yet)."""
    commits: dict[str, dict[str, str]] = {}
    made: dict[str, Change] = {}
    result: list[Change | None] = []
    current: dict[str, str] = {}
    sha = ""
    for line in porcelain.splitlines():
        if line.startswith("\t"):
            if sha == UNCOMMITTED:
                result.append(None)
            else:
                if sha not in made:
                    made[sha] = _change(sha, commits[sha])
                result.append(made[sha])
            continue
        head, _, rest = line.partition(" ")
        if len(head) == 40 and all(c in "0123456789abcdef" for c in head):
            sha = head
            current = commits.setdefault(sha, {})
        elif head in ("author", "author-time", "author-tz", "summary"):
            current[head] = rest
    return result


def _change(sha: str, headers: dict[str, str]) -> Change:
    """A commit as the page shows it; the date is the author's own day."""
    tz = headers.get("author-tz", "+0000")
    offset = dt.timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * (-1 if tz[0] == "-" else 1)
    stamp = dt.datetime.fromtimestamp(int(headers.get("author-time", "0")), dt.timezone(offset))
    return Change(stamp, headers.get("author", ""), headers.get("summary", ""), sha[:10])
