"""When each data file last changed, and by whom: a short change history from git.

One ``git log`` over data/ gives every file's recent commits. A build from a shallow clone
or from a tarball without git still succeeds: the history is then marked unavailable,
with the reason, instead of showing a history that is silently incomplete.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

KEEP = 5  # changes shown per file: enough to see who has been editing it lately
SEPARATOR = "\x1f"


@dataclass(frozen=True)
class Change:
    date: dt.date
    author: str
    message: str
    commit: str


@dataclass(frozen=True)
class History:
    available: bool
    reason: str = ""
    """Why there is no history (in Chinese), when there is none."""
    changes: dict[str, list[Change]] = field(default_factory=dict)
    """File path relative to the project (``data/tasks/x.yaml``, as problems name files) → its latest
    changes, newest first."""

    def of(self, path: str) -> list[Change]:
        return self.changes.get(path, [])


def run_git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)


def load_history(root: Path, data_dir: Path) -> History:
    """The history of every file under ``data_dir``, or why it is unavailable."""
    try:
        inside = run_git(root, "rev-parse", "--is-inside-work-tree")
    except FileNotFoundError:
        return History(False, "本机没有安装 git，无法显示修改记录")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return History(False, "本次构建的目录不是 git 仓库（例如从压缩包构建），无法显示修改记录")
    if run_git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        return History(False, "本次构建来自浅克隆（只有最近的提交），修改记录不完整，因此不显示")
    relative = data_dir.resolve().relative_to(root.resolve()).as_posix()
    log = run_git(
        root, "-c", "core.quotepath=off", "log", "--no-merges", "--date=short", "--relative",
        f"--format={SEPARATOR}%H{SEPARATOR}%ad{SEPARATOR}%an{SEPARATOR}%s", "--name-only", "--", relative,
    )
    if log.returncode != 0:
        return History(False, "读取 git 修改记录失败：" + log.stderr.strip()[:200])
    changes: dict[str, list[Change]] = defaultdict(list)
    current: Change | None = None
    for line in log.stdout.splitlines():
        if line.startswith(SEPARATOR):
            _, commit, date, author, message = line.split(SEPARATOR, 4)
            current = Change(dt.date.fromisoformat(date), author, message, commit[:10])
        elif line and current is not None and len(changes[line]) < KEEP:
            changes[line].append(current)
    return History(True, changes=dict(changes))
