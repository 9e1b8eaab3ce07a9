"""The command line: exit statuses and what reaches the terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


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
