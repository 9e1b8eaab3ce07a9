"""The site does not depend on MkDocs itself: ProperDocs (MkDocs 1.x's maintained drop-in fork)
builds the sample to the same bytes, all but the generator tag that names the engine; and so
do both from a staged source, without the hooks (what Zensical needs, see workreport.staging)."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT, copy_project
from workreport.audience import INTERNAL, PUBLIC
from workreport.loading import load_dataset
from workreport.sitebuild import OFFLINE_VARIABLE, BuildOptions, run_build
from workreport.staging import StageError, finish, read_config, stage_project

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


@pytest.mark.parametrize("audience", [INTERNAL, PUBLIC], ids=lambda a: a.key)
def test_a_staged_build_needs_no_hooks_and_builds_the_same_site(tmp_path, audience):
    """The record pages, photos and frame written out first (``--staged``, what Zensical needs): MkDocs
    and ProperDocs build that source, with no hooks run, to the bytes the hooks build."""
    pytest.importorskip("properdocs")
    project = copy_project(tmp_path / "project", ROOT / "data")
    options = BuildOptions(audience, downloads=False, stamp=dt.datetime(2025, 7, 1, tzinfo=dt.UTC))
    assert run_build(options, project / "mkdocs.yml", tmp_path / "hooks", cwd=project, capture=True).returncode == 0
    staged = stage_project(project / "mkdocs.yml", options)
    assert "hooks: []" in staged.config.read_text(encoding="utf-8")
    assert staged.pages > 100 and (staged.docs / "tasks" / "T-RV-01.md").is_file()
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        site = tmp_path / f"staged-{engine}"
        done = run_build(options, staged.config, site, cwd=project, capture=True, engine=engine)
        assert done.returncode == 0, done.stderr[-2000:]
        finish(site)
        sites[engine] = files(site)
    by_hooks = files(tmp_path / "hooks")
    assert len(by_hooks) > 200
    for engine, staged_site in sites.items():
        assert sorted(staged_site) == sorted(by_hooks), engine
        assert [name for name in by_hooks if by_hooks[name] != staged_site[name]] == [], engine
    # The staged source holds what the audience may see, no more: a public stage has no internal case's page or photo.
    internal_cases = [c for c in load_dataset(project / "data", project).dataset.cases if c.is_internal]
    assert internal_cases
    for case in internal_cases:
        assert (staged.docs / "cases" / f"{case.id}.md").exists() == (audience is INTERNAL)


def test_the_staged_configuration_keeps_the_office_settings_and_fills_the_frame(tmp_path):
    project = copy_project(tmp_path / "project", ROOT / "data")
    report = project / "data" / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("bureau: ", "bureau: A&B<", 1), encoding="utf-8")
    staged = stage_project(project / "mkdocs.yml", BuildOptions(INTERNAL, downloads=False))
    text = staged.config.read_text(encoding="utf-8")
    with staged.config.open(encoding="utf-8") as stream:
        settings = yaml_load(stream)  # as MkDocs reads it: !ENV, python tags, INHERIT merged
    assert settings["hooks"] == [] and settings["theme"]["custom_dir"] == "macros/theme"
    assert settings["site_name"].startswith("A&amp;B&lt;")  # escaped once, as Markup
    assert f"!ENV [{OFFLINE_VARIABLE}, false]" in text  # the office's switches stay switches
    search = next(p["search"] for p in settings["plugins"] if "search" in p)
    words = Path(search["jieba_dict_user"]).read_text(encoding="utf-8").splitlines()
    own = (project / "data" / "search_dict.txt").read_text(encoding="utf-8").splitlines()
    assert words[: len(own)] == own  # the bureau's dictionary first
    names = words[len(own):]  # then the data's own names, as they are
    assert len(names) > 20 and all(" " not in name for name in names)
    # A label filled from the words goes into its page's front matter, escaped once.
    summary = (staged.docs / "reports" / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith('---\ntitle: "') and "工作总结" in summary.splitlines()[1]


def test_a_project_is_built_by_its_own_scripts_not_the_installed_ones(tmp_path):
    """MkDocs imports our Markdown extension before the hooks run: a tag's worktree (publish) or a copied
    project must still be built by the ``scripts/`` beside its mkdocs.yml, not by the installed package."""
    project = copy_project(tmp_path / "project", ROOT / "data")
    freshness = project / "scripts" / "workreport" / "views" / "freshness.py"
    text = freshness.read_text(encoding="utf-8")
    freshness.write_text(text.replace('line = f"数据截至', 'line = "本检出的代码 · " + f"数据截至', 1), encoding="utf-8")
    done = run_build(BuildOptions(INTERNAL, downloads=False), project / "mkdocs.yml", tmp_path / "site", cwd=project, capture=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "本检出的代码 · 数据截至" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("staged", [False, True], ids=["hooks", "staged"])
def test_a_navigation_word_the_period_lacks_is_named_either_way(tmp_path, staged):
    """A ``{word}`` in a navigation label that the period and the bureau do not have: one Chinese line that
    names mkdocs.yml and the word, exit 1, no traceback, no site — through the hooks or staged."""
    project = copy_project(tmp_path / "project", ROOT / "data")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('"{summary}"', '"{summery}"', 1), encoding="utf-8")
    env = os.environ | {"PYTHONPATH": str(project / "scripts"), "SOURCE_DATE_EPOCH": "1751328000"}
    done = subprocess.run(
        [sys.executable, "-m", "workreport", "build", "--site-dir", str(tmp_path / "site"), *(["--staged"] if staged else [])],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    said = done.stdout + done.stderr  # MkDocs prints an Abort's message on standard output
    assert done.returncode == 1
    assert "mkdocs.yml 导航名称“{summery}”中的 {summery} 无法填入" in said
    assert "Traceback" not in said and not (tmp_path / "site").exists()


def test_a_configuration_that_is_not_yaml_is_named_with_its_line(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: 工作报告\nnav:\n  - 首页: [index.md\n", encoding="utf-8")
    with pytest.raises(StageError, match=r"^mkdocs\.yml:\d+: 配置文件不是有效的 YAML"):
        read_config(config)
