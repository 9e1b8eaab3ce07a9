"""Large data: one long file read in parts says exactly what it says read whole, and a site too
large to build is refused at once with the reason. Speed and memory are measured by
``make bench-large``, not here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_DATA, copy_project
from workreport import loading, yamlstream
from workreport.capacity import MAX_RECORD_PAGES, too_large
from workreport.loading import load_dataset

TASK = """  - id: T-{n:05d}
    title: 第{n}项任务
    category: rural-revitalization
    owner_unit: rural
    target: {{value: 10, measure: 个}}
    window: {{start: 2025-01-01, end: 2025-12-31}}
    progress:
      - {{date: 2025-03-31, done: 2, note: 进展{n}}}
      - {{date: 2025-06-30, done: 5}}
"""


def write_tasks(data: Path, count: int, broken: dict[int, tuple[str, str]] | None = None) -> Path:
    """``count`` tasks in data/tasks/many.yaml; ``broken`` maps a task number to (old, new) text."""
    blocks = []
    for n in range(count):
        block = TASK.format(n=n)
        if broken and n in broken:
            old, new = broken[n]
            assert old in block
            block = block.replace(old, new)
        blocks.append(block)
    path = data / "tasks" / "many.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("# 很多任务\ntasks:\n" + "".join(blocks), encoding="utf-8")
    return path


@pytest.fixture
def many(minimal_data: Path) -> Path:
    # Mistakes far into the file: a date after the period, an unknown unit, a duplicate id,
    # a misspelled field, and a placeholder left by the scaffold.
    write_tasks(minimal_data, 3000, {
        1200: ("date: 2025-06-30", "date: 2026-01-31"),
        1900: ("owner_unit: rural", "owner_unit: rurall"),
        2500: ("id: T-02500", "id: T-00007"),
        2800: ("    window:", "    windw:"),
        2999: ("title: 第2999项任务", "title: 请填写任务名称"),
    })
    return minimal_data


def test_a_long_file_read_in_parts_says_exactly_what_it_says_whole(many: Path, monkeypatch: pytest.MonkeyPatch):
    whole = [str(p) for p in load_dataset(many, many.parent, keep=False).problems]
    assert len(whole) >= 6  # every mistake planted, each located
    monkeypatch.setattr(loading, "PARALLEL_CHARACTERS", 10_000)
    monkeypatch.setattr(loading, "_cores", lambda: 2)
    splits: list[object] = []
    original = yamlstream.split_list
    monkeypatch.setattr(yamlstream, "split_list", lambda *args: splits.append(found := original(*args)) or found)
    in_parts = [str(p) for p in load_dataset(many, many.parent, keep=False).problems]
    assert [len(s) for s in splits if s] == [2], "the file was read in two parts"
    assert in_parts == whole
    assert any("data/tasks/many.yaml:" in line and "T-00007" in line for line in whole)


def test_a_long_file_with_anything_unusual_is_read_whole(many: Path, monkeypatch: pytest.MonkeyPatch):
    """An anchor in one part: that part gives up, and the file is read the careful way, with the same messages."""
    path = many / "tasks" / "many.yaml"
    text = path.read_text(encoding="utf-8").replace("window: {start: 2025-01-01", "window: &w {start: 2025-01-01", 1)
    path.write_text(text, encoding="utf-8")
    whole = [str(p) for p in load_dataset(many, many.parent, keep=False).problems]
    monkeypatch.setattr(loading, "PARALLEL_CHARACTERS", 10_000)
    monkeypatch.setattr(loading, "_cores", lambda: 2)
    assert [str(p) for p in load_dataset(many, many.parent, keep=False).problems] == whole


def test_a_site_too_large_is_refused_before_it_is_built(tmp_path: Path):
    project = copy_project(tmp_path / "project", MINIMAL_DATA)
    write_tasks(project / "data", MAX_RECORD_PAGES + 1)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for command in (["build"], ["bundle"]):
        done = subprocess.run([sys.executable, "-m", "workreport", *command], cwd=project, env=env,
                              capture_output=True, text=True, check=False)
        assert done.returncode == 1
        assert f"超过一个站点能够生成的上限 {MAX_RECORD_PAGES:,} 页：构建没有开始" in done.stderr
        assert "Traceback" not in done.stderr
    assert not (project / "site").exists() and not (project / "dist" / "site-2025-h1.zip").exists()
    # Checking is not limited.
    check = subprocess.run([sys.executable, "-m", "workreport", "check"], cwd=project, env=env,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr


def test_the_limit_counts_every_kind_with_pages():
    assert too_large({"tasks": MAX_RECORD_PAGES - 7}, categories=7) is None
    assert too_large({"tasks": MAX_RECORD_PAGES - 7, "units": 1}, categories=7) is not None
