"""The safe, locating YAML reader."""

from __future__ import annotations

import datetime as dt

from workreport.yamlsource import ALIAS_EXPANSION_LIMIT, parse_yaml


def test_values_and_lines_are_recorded():
    doc = parse_yaml("tasks:\n  - id: T-1\n    window:\n      end: 2025-12-31\n", "data/x.yaml")
    assert doc.problems == []
    assert doc.value == {"tasks": [{"id": "T-1", "window": {"end": dt.date(2025, 12, 31)}}]}
    assert doc.lines[("tasks", 0)] == 2
    assert doc.lines[("tasks", 0, "window", "end")] == 4


def test_duplicate_key_is_an_error_on_the_second_line():
    doc = parse_yaml("a: 1\nb: 2\na: 3\n", "data/x.yaml")
    assert [(p.line, p.field) for p in doc.problems] == [(3, "a")]
    assert "第 1 行" in doc.problems[0].message


def test_python_tags_are_refused_not_constructed():
    doc = parse_yaml('x: !!python/object/apply:os.system ["echo hacked"]\n', "data/x.yaml")
    assert len(doc.problems) == 1
    assert "不允许的 YAML 标签" in doc.problems[0].message
    assert doc.value == {"x": None}


def test_alias_bomb_stops_after_the_limit():
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    doc = parse_yaml("\n".join(levels) + "\n", "data/bomb.yaml")
    # 9**9 strings if expanded; the reader gives up after the limit and keeps nothing.
    assert doc.value is None
    assert len(doc.problems) == 1
    assert str(ALIAS_EXPANSION_LIMIT) in doc.problems[0].message


def test_small_aliases_are_still_allowed():
    doc = parse_yaml("base: &u rural\nowner: *u\n", "data/x.yaml")
    assert doc.problems == []
    assert doc.value == {"base": "rural", "owner": "rural"}


def test_recursive_alias_does_not_hang():
    doc = parse_yaml("a: &a [*a]\n", "data/x.yaml")
    assert doc.value is None
    assert doc.problems


def test_syntax_error_has_line_and_editor_hint():
    doc = parse_yaml("tasks:\n  - id: T-1\n    title: 标题: 含冒号\n", "data/x.yaml")
    [problem] = doc.problems
    assert problem.line == 3
    assert "引号" in problem.message


def test_empty_file_is_an_empty_mapping():
    doc = parse_yaml("# only a comment\n", "data/x.yaml")
    assert doc.value == {} and doc.problems == []
