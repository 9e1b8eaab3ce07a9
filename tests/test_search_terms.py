"""The data's own names are the search dictionary: lines of work, tags, project kinds, places, units."""

from __future__ import annotations

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
