"""No department's text outside ``data/``: the product speaks of no bureau, no subject and no half-year.

The sample bureau's proper nouns (its name and place, units, leaders, lines of work, the
places of its projects) are read from its own data, so a renamed unit is still caught; its
subject words are listed here. Neither may appear in docs/, macros/, scripts/ or mkdocs.yml:
whatever belongs to one bureau comes from that bureau's data.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("docs", "macros", "scripts", "mkdocs.yml")
SUFFIXES = {".py", ".md", ".j2", ".html", ".css", ".js", ".yml", ".yaml", ".txt", ".toml", ".cfg"}
SKIPPED = ("docs/assets/vendor/", ".egg-info/", "__pycache__/")

# What the water sample is about: words that would be wrong on an agriculture or education site.
SUBJECT_WORDS = (
    "水利", "河湖", "河长", "河道", "灌区", "灌溉", "水库", "节水", "治水", "防汛", "汛期", "水资源", "水土保持",
    "水文", "供水", "堤防", "山洪", "水旱", "排涝", "取水", "涉水", "水生态", "幸福河", "除险加固", "七大任务",
)
# What only a half-year report says: no page or template may say it (the period's words come from
# wording.py); the code and the editor guide may name a half-year among the other periods.
HALF_YEAR_WORDS = ("上半年", "下半年", "半年")
PAGES_AND_TEMPLATES = ("docs/", "scripts/workreport/render/templates/")
NOT_PAGES = ("docs/guide.md",)


def sample_proper_nouns(sample) -> set[str]:
    report = sample.report
    place = re.match(r"^(.{2,4}?[省市县区])", report.bureau)
    nouns = {report.bureau, *(c.name for c in report.categories), *(c.slogan for c in report.categories if c.slogan)}
    nouns |= {place.group(1)[:-1]} if place else set()
    nouns |= {u.name for u in sample.units} | {u.short_name for u in sample.units if u.short_name}
    nouns |= {leader.name for leader in sample.leaders} | {p.county for p in sample.projects}
    # Names common to every bureau are not this one's: 办公室 is everyone's.
    return {n for n in nouns if n and n not in {"办公室"}}


def scanned_files() -> list[Path]:
    files = []
    for name in SCANNED:
        path = ROOT / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        for file in candidates:
            relative = file.relative_to(ROOT).as_posix()
            if file.is_file() and file.suffix in SUFFIXES and not any(s in relative for s in SKIPPED):
                files.append(file)
    return files


def test_the_scan_covers_the_product():
    names = {f.relative_to(ROOT).as_posix() for f in scanned_files()}
    assert {"mkdocs.yml", "docs/guide.md", "macros/main.py", "scripts/workreport/model.py"} <= names
    assert any(n.endswith(".j2") for n in names) and len(names) > 100


def test_the_words_are_the_samples(sample):
    # The list is not a guess: every subject word is in the sample's data (and so would be caught).
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "data").rglob("*.yaml"))
    assert [w for w in SUBJECT_WORDS if w not in text] == []
    assert len(sample_proper_nouns(sample)) > 30


@pytest.mark.parametrize("kind", ["proper nouns", "subject words", "half-year words"])
def test_no_department_text_outside_data(sample, kind):
    words = {
        "proper nouns": sorted(sample_proper_nouns(sample), key=len, reverse=True),
        "subject words": SUBJECT_WORDS,
        "half-year words": HALF_YEAR_WORDS,
    }[kind]
    found = []
    for file in scanned_files():
        relative = file.relative_to(ROOT).as_posix()
        if kind == "half-year words" and (not relative.startswith(PAGES_AND_TEMPLATES) or relative in NOT_PAGES):
            continue
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            hits = [w for w in words if w in line]
            if hits:
                found.append(f"{relative}:{number}: {hits[0]}: {line.strip()[:80]}")
    assert found == []
