"""The editors' preview renders again only what an edit changed, and ends with the site a full build makes.

``make serve`` is ``mkdocs serve --dirty``: the driver below does what its rebuild loop does (a
fresh configuration, then a dirty build into the same folder) in one process, around edits to
the data, and the result is compared file by file with a clean ``mkdocs build`` of the edited data.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_project, run_mkdocs_build
from workreport.audience import INTERNAL
from workreport.sitebuild import BuildOptions

STAMP = dt.datetime(2025, 7, 1, tzinfo=dt.UTC)

# `mkdocs serve --dirty`'s loop: a first build, then after each edit a new configuration and a dirty
# build into the same folder. Edits come from the test through stdin, one line each ("go" rebuilds).
DRIVER = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from workreport.adapter.preview import PREVIEW

started = False
for line in sys.stdin:
    config = load_config("mkdocs.yml", site_dir=sys.argv[1], strict=True)
    if not started:
        config.plugins.on_startup(command="serve", dirty=True)
        started = True
    try:
        build(config, dirty=True)
    except Exception as stop:  # bad data: the preview says so and waits for the next save
        print(json.dumps({"error": type(stop).__name__}), flush=True)
        continue
    pages = sum(1 for f in PREVIEW.files.documentation_pages())
    print(json.dumps({"rendered": sorted(PREVIEW.rendered), "pages": pages}), flush=True)
"""


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_preview_renders_only_changed_pages_and_equals_a_full_build(tmp_path, sample):
    project = copy_project(tmp_path / "project", ROOT / "data")
    options = BuildOptions(INTERNAL, downloads=False, stamp=STAMP)
    driver = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(tmp_path / "preview")], cwd=project, env=options.environment(),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert driver.stdin is not None and driver.stdout is not None

    def rebuild() -> dict[str, object]:
        assert driver.stdin is not None and driver.stdout is not None
        driver.stdin.write("go\n")
        driver.stdin.flush()
        line = driver.stdout.readline()
        assert line, driver.stderr.read() if driver.stderr else ""
        result: dict[str, object] = json.loads(line)
        return result

    try:
        first = rebuild()
        assert len(first["rendered"]) == first["pages"]  # type: ignore[arg-type]

        # An editor reports one task's progress, and removes a case.
        task = sample.tasks[0]
        task_file = project / task.origin.file
        text = task_file.read_text(encoding="utf-8")
        last_note = re.findall(r"note: (.+)", text)
        assert last_note
        task_file.write_text(text.replace(last_note[0], last_note[0] + "（已核实）", 1), encoding="utf-8")
        # A case no other record names (a named one could not go without its references).
        def named_elsewhere(case_file: Path, case_id: str) -> bool:
            return any(case_id in p.read_text(encoding="utf-8") for p in (project / "data").rglob("*.yaml") if p != case_file)

        case = next(c for c in sample.cases if not named_elsewhere(project / c.origin.file, c.id))
        (project / case.origin.file).unlink()
        second = rebuild()
        # A save with an error stops one build; the next good save ends with the right site all the same.
        edited = task_file.read_text(encoding="utf-8")
        task_file.write_text(edited.replace("done:", "done: 很多 #", 1), encoding="utf-8")
        assert rebuild() == {"error": "Abort"}
        task_file.write_text(edited, encoding="utf-8")
        fixed = rebuild()
        assert fixed["rendered"] == []  # the bad save rendered nothing, so nothing is owed
        # A save that changes nothing renders nothing.
        task_file.touch()
        third = rebuild()
    finally:
        driver.stdin.close()
        driver.wait(timeout=120)

    rendered = set(second["rendered"])  # type: ignore[arg-type]
    assert f"tasks/{task.id}/" in rendered and not any(url.startswith(f"cases/{case.id}/") for url in rendered)
    # Only what the edit touched: the task, the pages that list or count the case, and no office page
    # whose fragments stayed the same (the editors' guide draws none).
    assert 0 < len(rendered) < second["pages"] / 4  # type: ignore[operator]
    assert "guide/" not in rendered and "cases/" in rendered
    assert third["rendered"] == []

    full = run_mkdocs_build(project, tmp_path / "full", options)
    assert full.returncode == 0, full.stderr
    preview, clean = files(tmp_path / "preview"), files(tmp_path / "full")
    assert sorted(preview) == sorted(clean)
    assert [name for name in clean if preview[name] != clean[name]] == []
    assert f"cases/{case.id}/index.html" not in preview


def test_a_view_equal_to_its_last_one_is_not_drawn_again_and_changed_ones_are(tmp_path):
    """The preview's memo (``render.memo``): after an edit, the pages are the text a fresh renderer writes,
    and only the views the edit changed went through their templates again."""
    from workreport.render.memo import RenderMemo
    from workreport.siteload import load_site

    project = copy_project(tmp_path / "project", ROOT / "data")
    memo = RenderMemo()
    memo.begin()
    first, _ = load_site(project / "data", project, INTERNAL, memo=memo)
    before = dict(first.pages())
    tasks = project / "data" / "tasks" / "rural-water.yaml"
    text = tasks.read_text(encoding="utf-8")
    note = re.search(r"id: T-RV-01\n(?:.*\n)*?\s+note: (.+)", text)
    assert note is not None
    tasks.write_text(text.replace(note[1], "预览备忘测试的新说明", 1), encoding="utf-8")

    memo.begin()
    edited, _ = load_site(project / "data", project, INTERNAL, memo=memo)
    drawn: list[str] = []
    render = edited.env.get_template

    def counting(name, *args, **kwargs):
        drawn.append(name)
        return render(name, *args, **kwargs)

    edited.env.get_template = counting  # type: ignore[method-assign]
    after = dict(edited.pages())
    fresh, _ = load_site(project / "data", project, INTERNAL)
    assert after == dict(fresh.pages())  # the memo never hands back a stale page
    changed = [uri for uri in after if after[uri] != before[uri]]
    assert "tasks/T-RV-01.md" in changed and "预览备忘测试的新说明" in after["tasks/T-RV-01.md"]
    assert 0 < len(drawn) < len(after) / 4  # most pages were not drawn again
    assert len(drawn) >= len(changed)
