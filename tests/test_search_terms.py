"""The data's own names are the search dictionary: lines of work, tags, project kinds, places, units."""

from __future__ import annotations

import pytest

from workreport.adapter.site import TAUGHT, keep_terms_whole
from workreport.render.typeset import unbroken_words
from workreport.search_terms import data_terms


def test_the_names_a_bureau_uses_come_from_its_data(sample):
    terms = data_terms(sample)
    assert {"服务乡村振兴", "生态清洁小流域", "水库除险加固", "柳溪县", "河湖管理处", "河湖处"} <= set(terms)
    assert terms == sorted(set(terms))
    assert all(2 <= len(t) <= 16 and " " not in t for t in terms)


def test_a_department_of_another_field_brings_its_own_words(sample):
    categories = [c.model_copy(update={"name": "大气污染防治"}) if i == 0 else c
                  for i, c in enumerate(sample.report.categories)]
    report = sample.report.model_copy(update={"categories": categories})
    from workreport.dataset import Dataset

    terms = data_terms(Dataset(report, sample.data_dir, **sample._records))
    assert "大气污染防治" in terms and "服务乡村振兴" in terms


NAME = "澜沧渠首枢纽站"
"""An invented name jieba does not know: cut into pieces unless taught."""
SENTENCE = f"今年{NAME}完成改造"


def test_a_name_the_data_no_longer_holds_is_forgotten_by_the_next_build():
    """``mkdocs serve`` builds again in one process: a deleted record's name must not stay taught."""
    jieba = pytest.importorskip("jieba")
    others = list(TAUGHT)
    untaught = jieba.lcut(SENTENCE)
    assert NAME not in untaught
    keep_terms_whole([*others, NAME])
    try:
        assert NAME in jieba.lcut(SENTENCE)
    finally:
        keep_terms_whole(others)
    assert jieba.lcut(SENTENCE) == untaught
    assert set(TAUGHT) == set(others)


def test_documents_break_lines_the_same_whatever_the_search_was_taught():
    """The download centre's PDFs are written inside a site build, whose jieba knows the data's names:
    they must be the bytes ``make export`` writes, in a process that taught jieba nothing."""
    pytest.importorskip("jieba")
    others = list(TAUGHT)
    plain = unbroken_words(SENTENCE)
    keep_terms_whole([*others, NAME])
    try:
        assert unbroken_words(SENTENCE) == plain
    finally:
        keep_terms_whole(others)
