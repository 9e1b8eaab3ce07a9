"""Publishing: one version of the site per reporting period, with mike (``workreport publish``, ``verify``).

Publishing checks the data, builds the site strictly, deploys it into the local
publishing branch under the period's id (``2025-h1``) with its Chinese title, points the
``latest`` alias and the default at it, and tags the data commit (``publish/2025-h1``).
Everything that decides the output comes from that commit, and the build date is the
commit's date (SOURCE_DATE_EPOCH), so ``verify`` can rebuild any earlier version from its
tag and compare it file by file with what was published.

The ``latest`` alias and the root ``index.html`` are mike's redirect pages, rendered from
``deploy/mike/redirect.html`` of the commit being published: a page without script (the
nginx configuration allows no inline script), which redirects with ``<meta http-equiv="refresh">``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .audience import INTERNAL
from .loading import load_dataset
from .sitebuild import BuildOptions, checkout_first

BRANCH = "gh-pages"
ALIAS = "latest"
TAG_PREFIX = "publish/"
# What a build reads: a version is published only from committed inputs.
INPUTS = ("data", "docs", "macros", "scripts", "mkdocs.yml", "requirements.txt", "deploy/mike")
# mike's template for the alias pages and the root index.html (`deploy` and `set-default` both render it).
REDIRECT_TEMPLATE = Path("deploy") / "mike" / "redirect.html"
VERSION_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.-]*$")


class PublishError(RuntimeError):
    """Why nothing was published, in Chinese."""


def identity(root: Path) -> dict[str, str]:
    """A committer for the publishing branch and tags when git has none configured (a build server)."""
    known = subprocess.run(["git", "var", "GIT_COMMITTER_IDENT"], cwd=root, capture_output=True, check=False)
    if known.returncode == 0:
        return {}
    return {
        "GIT_COMMITTER_NAME": "workreport", "GIT_COMMITTER_EMAIL": "workreport@localhost",
        "GIT_AUTHOR_NAME": "workreport", "GIT_AUTHOR_EMAIL": "workreport@localhost",
    }


def git(root: Path, *args: str, check: bool = True) -> str:
    env = dict(os.environ, **identity(root))
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False, env=env)
    if check and done.returncode != 0:
        raise PublishError(f"git {' '.join(args)} 失败：{done.stderr.strip()}")
    return done.stdout.strip()


def mike(root: Path, epoch: str, *args: str) -> None:
    """Run mike with the version selector on and a build date taken from the data commit."""
    stamp = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    # mike runs `mkdocs build` itself: it is handed the environment the build options make.
    env = checkout_first(BuildOptions(INTERNAL, version_provider="mike", stamp=stamp).environment(), root / "mkdocs.yml")
    env |= identity(root)
    # mike runs the `mkdocs` it finds on PATH: make it this environment's.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    command = [sys.executable, "-c", "import sys; from mike.driver import main; sys.exit(main())", *args]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PublishError("站点构建或部署失败：\n" + (done.stderr or done.stdout).strip()[-3000:])


def template_args(root: Path, *, required: bool = True) -> list[str]:
    """``--template`` with the checkout's own redirect template; without the file, an error, or mike's default."""
    template = root / REDIRECT_TEMPLATE
    if template.is_file():
        return ["--template", str(template)]
    if required:
        raise PublishError(
            f"缺少跳转页模板 {REDIRECT_TEMPLATE.as_posix()}：mike 自带的跳转页靠内联脚本跳转，"
            "在服务器的内容安全策略下不会跳转，未发布"
        )
    return []


def check_publishable(root: Path, data: Path, version: str) -> str:
    """The period's title, or PublishError: bad data, a version id that is not the period's, uncommitted inputs."""
    result = load_dataset(data, root)
    if result.errors or result.dataset is None:
        lines = "\n".join(str(p) for p in result.problems if p.is_error)
        raise PublishError(f"数据检查未通过，未发布：\n{lines}")
    period = result.dataset.report.period
    if version != period.id:
        raise PublishError(
            f"版本号“{version}”与 data/report.yaml 的报告期编号“{period.id}”不一致：发布的版本号必须等于报告期编号"
        )
    dirty = git(root, "status", "--porcelain", "--", *[i for i in INPUTS if (root / i).exists()])
    if dirty:
        raise PublishError(f"以下文件有未提交的修改，请先提交再发布（发布要能从提交记录重建）：\n{dirty}")
    return period.title


def publish(root: Path, data: Path, version: str, title: str | None = None, branch: str = BRANCH) -> str:
    """Deploy the version; returns the tag. Nothing changes when anything fails before the deploy."""
    if not VERSION_ID.match(version):
        raise PublishError(f"版本号只能使用英文字母、数字、点和连字符，如 2025-h1（实际值：'{version}'）")
    period_title = check_publishable(root, data, version)
    title = title or period_title
    template = template_args(root)
    commit = git(root, "rev-parse", "HEAD")
    epoch = git(root, "log", "-1", "--format=%ct", commit)
    before = git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}", check=False)
    try:
        mike(root, epoch, "deploy", "--branch", branch, "--update-aliases", "--alias-type", "redirect",
             *template, "--title", title, "--message", f"发布 {title}（{version}），数据提交 {commit[:10]}", version, ALIAS)
        mike(root, epoch, "set-default", "--branch", branch, *template, ALIAS)
    except PublishError:
        # A deploy that got as far as committing is undone: the branch is left as it was.
        if before:
            git(root, "update-ref", f"refs/heads/{branch}", before)
        elif git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}", check=False):
            git(root, "update-ref", "-d", f"refs/heads/{branch}")
        raise
    tag = TAG_PREFIX + version
    git(root, "tag", "--force", "--annotate", tag, "--message", f"发布 {title}（{version}）", commit)
    return tag


def verify(root: Path, version: str, branch: str = BRANCH) -> list[str]:
    """Rebuild ``version`` from its tag and compare it with the published files; returns the differences."""
    tag = TAG_PREFIX + version
    commit = git(root, "rev-parse", "--verify", "--quiet", f"{tag}^{{commit}}", check=False)
    if not commit:
        raise PublishError(f"没有找到版本 {version} 的发布标签 {tag}")
    published = git(root, "rev-parse", f"{branch}:{version}")
    scratch_branch = f"verify-{version}"
    with tempfile.TemporaryDirectory(prefix="workreport-verify-") as scratch:
        worktree = Path(scratch) / "tree"
        git(root, "worktree", "add", "--detach", str(worktree), commit)
        try:
            versions = json.loads(git(root, "show", f"{branch}:versions.json"))
            titles = {v["version"]: v["title"] for v in versions}
            epoch = git(root, "log", "-1", "--format=%ct", commit)
            # Only the version's own folder is rebuilt and compared (no alias, so no redirect page is written); the
            # tag's own template is passed all the same, and a tag made before deploy/mike/ existed gets mike's.
            template = template_args(worktree, required=False)
            mike(worktree, epoch, "deploy", "--branch", scratch_branch, *template,
                 "--title", titles.get(version, version), version)
            rebuilt = git(root, "rev-parse", f"{scratch_branch}:{version}")
            if rebuilt == published:
                return []
            diff = git(root, "diff", "--name-status", published, rebuilt)
            return diff.splitlines()
        finally:
            git(root, "worktree", "remove", "--force", str(worktree), check=False)
            git(root, "branch", "-D", scratch_branch, check=False)
