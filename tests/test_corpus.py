"""The bad-input corpus: each file breaks one rule, and the checker must say exactly where.

``tests/corpus/bad/NAME.yaml`` is written into a copy of the minimal bureau's data. Its
first line may name the file it replaces (``# target: org.yaml``); otherwise it is added
as ``data/extra.yaml``. ``NAME.expected`` holds the exact problem lines, in order.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workreport.loading import load_dataset

CORPUS = Path(__file__).resolve().parent / "corpus" / "bad"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix == ".yaml")
TARGET = re.compile(rb"^# target: (\S+)")


def plant(case: Path, data_dir: Path) -> None:
    raw = case.read_bytes()
    match = TARGET.match(raw)
    target = match.group(1).decode() if match else "extra.yaml"
    (data_dir / target).parent.mkdir(parents=True, exist_ok=True)
    (data_dir / target).write_bytes(raw)


def test_corpus_is_large_enough():
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input_is_reported_exactly(case: Path, minimal_data: Path):
    plant(case, minimal_data)
    result = load_dataset(minimal_data, minimal_data.parent)
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert [str(p) for p in result.problems] == expected
    # Every corpus case is an error, except those that only warn.
    if any(not line.split(": ", 2)[-1].startswith("警告") for line in expected):
        assert result.dataset is None
