"""The command line: exit statuses and what reaches the terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, STAMP
from workreport.audience import INTERNAL, PUBLIC
from workreport.sitebuild import (
    DOWNLOADS_VARIABLE,
    OFFLINE_VARIABLE,
    VERSION_PROVIDER_VARIABLE,
    VISIBILITY_VARIABLE,
    BuildOptions,
    build_command,
)


def check(data: Path, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workreport", "--data", str(data), "--root", str(root), "check"],
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_is_silent_on_the_sample_data():
    run = check(ROOT / "data", ROOT)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")


def test_check_lists_every_problem_then_fails(minimal_data: Path):
    records = minimal_data / "records.yaml"
    text = records.read_text(encoding="utf-8")
    text = text.replace("owner_unit: office", "owner_unit: ofice").replace("percent: 100", "percent: 120")
    records.write_text(text, encoding="utf-8")
    run = check(minimal_data, minimal_data.parent)
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert lines == [
        "data/records.yaml:17: tasks[1].owner_unit: 引用了不存在的单位“ofice”。是否应为“office”？",
        "data/records.yaml:22: tasks[1].progress[0].percent: 百分比应在 0 到 100 之间（实际值：120）",
        "数据检查未通过：2 个错误。请按上面的提示逐条修改。",
    ]
    assert "Traceback" not in run.stderr


def test_warnings_print_but_pass(minimal_data: Path):
    report = minimal_data / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("as_of: 2025-06-30", "as_of: 2025-06-15"), encoding="utf-8")
    run = check(minimal_data, minimal_data.parent)
    assert run.returncode == 0
    assert run.stderr
    assert all("警告：" in line for line in run.stderr.splitlines())


def test_help_lists_every_command_in_chinese_in_order():
    run = subprocess.run([sys.executable, "-m", "workreport", "--help"], capture_output=True, text=True, check=False)
    assert run.returncode == 0
    assert "{check,build,export,bundle,publish,verify,new,form,import,generate,bench,schema,migrate,init}" in run.stdout
    assert "检查数据并构建站点到 site/" in run.stdout and "生成编辑器使用的 JSON Schema" in run.stdout


def test_build_options_become_mkdocs_arguments_and_environment():
    bundle = build_command(BuildOptions(PUBLIC, offline=True, stamp=STAMP), "mkdocs.yml", "out/site")
    assert bundle.argv == [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", "out/site"]
    assert bundle.env[VISIBILITY_VARIABLE] == "public" and bundle.env[OFFLINE_VARIABLE] == "true"
    assert bundle.env["SOURCE_DATE_EPOCH"] == str(int(STAMP.timestamp())) and bundle.env["NO_MKDOCS_2_WARNING"] == "1"

    # No version selector unless asked for, whatever the caller's environment says.
    plain = BuildOptions(INTERNAL, strict=False, quiet=False).environment({VERSION_PROVIDER_VARIABLE: "mike", "HOME": "/h"})
    assert plain == {"HOME": "/h", "NO_MKDOCS_2_WARNING": "1", VISIBILITY_VARIABLE: "internal", OFFLINE_VARIABLE: "false", DOWNLOADS_VARIABLE: "true"}
    assert BuildOptions(INTERNAL, strict=False, quiet=False).flags() == ["--no-strict"]
    published = BuildOptions(INTERNAL, version_provider="mike").environment({})
    assert published[VERSION_PROVIDER_VARIABLE] == "mike" and "SOURCE_DATE_EPOCH" not in published

    # The benchmark starts the same build under a Python of its own (to read its peak memory).
    wrapped = build_command(BuildOptions(INTERNAL), "mkdocs.yml", "site", python=["python", "-c", "…"])
    assert wrapped.argv[:5] == ["python", "-c", "…", "-m", "mkdocs"]
