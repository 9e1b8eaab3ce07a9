"""The bad-input corpus: each file breaks one rule, and the checker must say exactly where.

``tests/corpus/bad/NAME.yaml`` is written into a copy of the minimal bureau's data. Its
first line may name the file it replaces (``# target: org.yaml``); otherwise it is added
as ``data/extra.yaml``. ``NAME.expected`` holds the exact problem lines, in order;
``{top_level_keys}`` in them stands for the keys a data file may have, which come from the
register of record kinds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workreport.loading import load_dataset
from workreport.model import KINDS

CORPUS = Path(__file__).resolve().parent / "corpus" / "bad"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix == ".yaml")
TARGET = re.compile(rb"^# target: (\S+)")


def expected_lines(case: Path) -> list[str]:
    from workreport.loading import TOP_LEVEL_KEYS

    text = case.with_suffix(".expected").read_text(encoding="utf-8")
    return text.replace("{top_level_keys}", "、".join(TOP_LEVEL_KEYS)).splitlines()


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
    expected = expected_lines(case)
    assert [str(p) for p in result.problems] == expected
    # Every corpus case is an error, except those that only warn.
    if any(not line.split(": ", 2)[-1].startswith("警告") for line in expected):
        assert result.dataset is None


@pytest.fixture
def careful_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file read the careful way (``yamlsource``), never record by record (``yamlstream``)."""
    from workreport import yamlstream

    monkeypatch.setattr(yamlstream, "available", lambda: False)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_the_careful_reader_reports_the_same(case: Path, minimal_data: Path, careful_only: None):
    """Plain files are read fast, the rest carefully: both readers must say exactly the same."""
    plant(case, minimal_data)
    expected = expected_lines(case)
    assert [str(p) for p in load_dataset(minimal_data, minimal_data.parent).problems] == expected


def test_both_readers_read_the_sample_alike(sample, monkeypatch: pytest.MonkeyPatch):
    from conftest import ROOT
    from workreport import yamlstream

    monkeypatch.setattr(yamlstream, "available", lambda: False)
    careful = load_dataset(ROOT / "data", ROOT).dataset
    assert careful is not None
    for kind in (k.key for k in KINDS):
        fast_records, careful_records = sample.of(kind), careful.of(kind)
        assert [r.model_dump() for r in fast_records] == [r.model_dump() for r in careful_records], kind
        assert [(r.origin.file, r.origin.line()) for r in fast_records] == [(r.origin.file, r.origin.line()) for r in careful_records]


def test_a_plain_file_is_read_record_by_record(minimal_data: Path):
    """The sample's files are plain: the fast reader takes them (else the tests above compare a reader with itself)."""
    from workreport import yamlstream

    text = (minimal_data / "records.yaml").read_text(encoding="utf-8")
    assert sum(1 for _ in yamlstream.entries(text, {"tasks", "indicators", "projects", "cases"})) > 5
