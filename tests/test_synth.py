"""The synthetic data generator: valid data, exact sizes, the same bytes for the same seed, renderable."""

from __future__ import annotations

import argparse
import ast
import hashlib
import re
from pathlib import Path

import pytest

from workreport.audience import INTERNAL, PUBLIC
from workreport.commands.generate import add_generate_command
from workreport.loading import load_dataset
from workreport.model import KINDS
from workreport.render.site import SiteRenderer
from workreport.synth import SynthError, generate

ROOT = Path(__file__).resolve().parent.parent


def macro_pages() -> dict[str, str]:
    """Each fragment the site's macros render, with the docs page that calls it (as the macros do)."""
    source = (ROOT / "macros" / "main.py").read_text(encoding="utf-8")
    fragments = ast.literal_eval(re.search(r"FRAGMENTS = (\[.*?\])", source, re.DOTALL)[1])
    pages = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for name in re.findall(r"\{\{\s*(\w+)\(\)\s*\}\}", page.read_text(encoding="utf-8")):
            pages.setdefault(name, page.relative_to(ROOT / "docs").as_posix())
    return {name: pages.get(name, "index.md") for name in fragments}


FRAGMENTS = macro_pages()
# The sample bureau's size (data/): one copy of it per scale step.
SAMPLE = {
    "leaders": 5,
    "units": 17,
    "tasks": 48,
    "indicators": 19,
    "projects": 16,
    "cases": 11,
    "highlights": 15,
    "honors": 20,
    "bottom_lines": 38,
}
HIGHLIGHTS_WITH_PHOTOS = 7  # in the sample; each copy keeps them
# The report, and each shared file of the register's kinds (org, indicators, projects…).
SINGLE_FILES = 1 + len({kind.files.path for kind in KINDS if kind.files.layout == "file"})
SEARCH_WORDS = ("灌区", "水库除险加固", "幸福河湖", "河湖长制", "水土保持", "数字孪生", "节水", "防汛")


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[tuple[int, int, str], tuple[Path, dict[str, int]]]:
    """Generated folders by (scale, seed, run), each with the counts generate() returned."""
    found = {}
    for scale, seed, run in [(1, 1, "a"), (1, 1, "b"), (1, 2, "a"), (2, 1, "a")]:
        out = tmp_path_factory.mktemp(f"s{scale}-{seed}-{run}") / "data"
        found[(scale, seed, run)] = (out, generate(out, scale, seed))
    return found


@pytest.fixture(scope="module")
def loaded(made):
    return {key: load_dataset(out, out.parent) for key, (out, _) in made.items()}


@pytest.mark.parametrize("key", [(1, 1, "a"), (1, 2, "a"), (2, 1, "a")])
def test_generated_data_has_no_problem_at_all(loaded, key):
    result = loaded[key]
    assert result.problems == [], "\n".join(map(str, result.problems))
    assert result.dataset is not None


@pytest.mark.parametrize("scale", [1, 2])
def test_counts_are_the_sample_times_the_scale(made, loaded, scale):
    out, counts = made[(scale, 1, "a")]
    data = loaded[(scale, 1, "a")].dataset
    for kind, size in SAMPLE.items():
        assert counts[kind] == size * scale, kind
        assert len(getattr(data, kind)) == size * scale, kind
    assert counts["categories"] == len(data.categories) == 7
    photos = sum(len(c.photos) for c in data.cases) + sum(len(h.photos) for h in data.highlights)
    assert counts["photos"] == photos
    assert (11 + HIGHLIGHTS_WITH_PHOTOS) * scale <= photos <= (33 + HIGHLIGHTS_WITH_PHOTOS) * scale
    # One tasks file per unit, one file per case, the single files, the search dictionary and the schema.
    assert counts["files"] == SINGLE_FILES + 17 * scale + 11 * scale + 2 + photos == len(tree(out))
    assert counts["bytes"] == sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert len(list((out / "tasks").glob("*.yaml"))) == 17 * scale
    assert len(list((out / "cases").glob("*.yaml"))) == 11 * scale


def test_scale_two_is_twice_scale_one(made):
    one, two = made[(1, 1, "a")][1], made[(2, 1, "a")][1]
    for kind in SAMPLE:
        assert two[kind] == 2 * one[kind]


def test_same_seed_gives_the_same_bytes(made):
    first, second = made[(1, 1, "a")][0], made[(1, 1, "b")][0]
    assert tree(first) == tree(second)


def test_the_first_bureau_does_not_depend_on_the_scale(made):
    one, two = made[(1, 1, "a")][0], made[(2, 1, "a")][0]
    for name in ("tasks/rural-water-01.yaml", "cases/C-01-01.yaml"):
        assert (one / name).read_bytes() == (two / name).read_bytes()


def test_another_seed_gives_other_content(made):
    first, other = made[(1, 1, "a")][0], made[(1, 2, "a")][0]
    for name in ("org.yaml", "tasks/rural-water-01.yaml", "projects.yaml", "cases/C-01-01.yaml"):
        assert (first / name).read_bytes() != (other / name).read_bytes(), name
    assert (first / "report.yaml").read_bytes() == (other / "report.yaml").read_bytes()


def test_files_look_like_the_sample(made):
    out = made[(1, 1, "a")][0]
    assert (out / "report.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schema/")
    task_file = (out / "tasks/rural-water-01.yaml").read_text(encoding="utf-8")
    assert task_file.startswith("# yaml-language-server: $schema=../schema/data.schema.json\ntasks:\n  - id: ")
    assert "&id" not in task_file and "*id" not in task_file  # no YAML anchors
    assert (out / "search_dict.txt").read_bytes() == (Path(__file__).parent.parent / "data/search_dict.txt").read_bytes()
    assert (out / "schema" / "data.schema.json").is_file()


def test_every_case_has_photos_that_exist(loaded):
    data = loaded[(2, 1, "a")].dataset
    for case in data.cases:
        assert 1 <= len(case.photos) <= 3, case.id
        for photo in case.photos:
            assert photo.file.startswith(f"photos/{case.id}/")
            assert (data.data_dir / photo.file).read_bytes()[:2] == b"\xff\xd8", photo.file  # a JPEG


def test_the_data_has_what_the_benchmark_needs(loaded):
    data = loaded[(2, 1, "a")].dataset
    assert {p.stage for p in data.projects} == {"前期", "在建", "完工", "验收", "决算审计"}
    assert len({u.name for u in data.units}) == len(data.units)  # one bureau's 办公室 is not another's
    assert any(t.planned for t in data.tasks) and any(t.milestones for t in data.tasks)
    assert any(t.partner_units for t in data.tasks)
    assert any(i.deductions for i in data.indicators) and any(i.bonuses for i in data.indicators)
    assert all(h.media for h in data.highlights)
    assert all(2 <= len(c.practices) <= 5 and c.results.figures for c in data.cases)
    assert sum(bool(h.cases or h.highlights) for h in data.honors) > len(data.honors) // 2
    internal = [r for kind in SAMPLE for r in getattr(data, kind) if getattr(r, "is_internal", False)]
    assert 0 < len(internal) < len(data.tasks) // 4


def test_texts_have_realistic_lengths(loaded):
    data = loaded[(2, 1, "a")].dataset
    for title in [t.title for t in data.tasks] + [c.title for c in data.cases] + [h.title for h in data.highlights]:
        assert 10 <= len(title) <= 30, title
    for task in data.tasks:
        for text in (task.result, task.plan, task.problems):
            assert text is None or 80 <= len(text) <= 200, text
    for case in data.cases:
        texts = [case.background, case.results.text, case.lessons, *(p.text for p in case.practices)]
        for paragraph in (p for text in texts for p in text.split("\n\n")):
            assert 100 <= len(paragraph) <= 300, paragraph
        assert case.background.count("\n\n") >= 1  # several paragraphs


def test_the_whole_site_renders(loaded):
    data = loaded[(2, 1, "a")].dataset
    for audience in (INTERNAL, PUBLIC):
        view = audience.edition(data).data
        renderer = SiteRenderer(audience.edition(data))
        pages = dict(renderer.pages())
        assert len(pages) == len(view.categories) + sum(len(view.of(k.key)) for k in KINDS if k.page)
        for name, page in FRAGMENTS.items():
            assert renderer.fragment(name, page), name
    assert "dashboard" in FRAGMENTS and FRAGMENTS["task_index"] == "tasks/index.md"
    renderer = SiteRenderer(INTERNAL.edition(data))
    text = "\n".join(md for _, md in renderer.pages())
    for word in SEARCH_WORDS:
        assert text.count(word) >= 10, word


def test_a_folder_with_files_is_refused(tmp_path):
    out = tmp_path / "data"
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SynthError, match="不为空"):
        generate(out, 1, 1)
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["data"]  # no scratch folder left behind


def test_an_empty_folder_is_filled(tmp_path):
    out = tmp_path / "data"
    out.mkdir()
    counts = generate(out, 1, 3)
    assert (out / "report.yaml").is_file() and counts["tasks"] == SAMPLE["tasks"]
    assert [p.name for p in tmp_path.iterdir()] == ["data"]


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_generate_command(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_the_command_prints_a_chinese_summary(tmp_path, capsys):
    args = parse(["generate", "--scale", "1", "--seed", "5", "--out", str(tmp_path / "bench" / "data")])
    assert args.run(args) == 0
    printed = capsys.readouterr().out
    assert "重点任务 48" in printed and "典型案例 11" in printed and "个文件" in printed and "秒" in printed


def test_the_command_refuses_a_full_folder_in_chinese(tmp_path, capsys):
    (tmp_path / "x.yaml").write_text("", encoding="utf-8")
    args = parse(["generate", "--out", str(tmp_path)])
    assert args.run(args) == 1
    assert "未生成任何文件" in capsys.readouterr().err


def test_scale_must_be_positive(tmp_path):
    with pytest.raises(SynthError, match="规模"):
        generate(tmp_path / "data", 0, 1)
