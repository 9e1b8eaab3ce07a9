"""Hostile data: every free-text field of every record kind filled with markup and Markdown.

A field is free text when the model accepts an arbitrary string there: the payload is tried
in every string of the data and kept where the record still validates (ids, enumerations,
dates and paths refuse it and keep their value). No list of fields is written by hand, so a
field added to the model later is attacked too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from workreport import model
from workreport.loading import RECORD_MODELS
from workreport.validation import walk

# Each line is one way text from data could become markup: raw HTML, a Markdown link to a
# script, an attribute list, emphasis and code, a table cell boundary, a heading, a list, an
# admonition, a fence, an entity. MARK lets a test find where the payload landed.
MARK = "毒数据"
PAYLOAD = (
    f'{MARK}<img src=x onerror="alert(1)">[点我](javascript:alert(2)) {{: onmouseover="alert(3)" }} '
    "*斜* _下_ `码` | 竖线 <script>alert(4)</script> &amp; # 标题 {: onclick=alert(5) }"
)
PROSE = PAYLOAD + "\n\n- 列表\n1. 序号\n\n!!! warning \"x\"\n    告警\n\n```\n代码\n```\n\n<div onclick=alert(6)>块</div>"
# Fields that hold a string the checks read as something other than text.
NOT_TEXT = {"file", "internal_fields"}


def _try(cls: type[model.Record], record: dict[str, Any], path: tuple[Any, ...], value: str) -> bool:
    """Put ``value`` at ``path`` in ``record`` if the record still validates; True if kept."""
    *parents, last = path
    holder: Any = record
    for part in parents:
        holder = holder[part]
    old = holder[last]
    holder[last] = value
    try:
        cls.model_validate(record)
    except Exception:  # noqa: BLE001 - any refusal means "not a free-text field"
        holder[last] = old
        return False
    return True


def _strings(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() if key not in NOT_TEXT for p in _strings(item, (*path, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _strings(item, (*path, index))]
    return []


def poison(record: dict[str, Any], cls: type[model.Record]) -> int:
    """Fill every free-text string of ``record`` with the payload; returns how many were filled."""
    filled = 0
    for path in _strings(record):
        # Long prose fields get the multi-line payload, one-line fields the single line.
        filled += _try(cls, record, path, PROSE) or _try(cls, record, path, PAYLOAD)
    return filled


def poison_data(data_dir: Path) -> int:
    """Rewrite every YAML file under ``data_dir`` with hostile text; returns the fields filled.

    Fields that take a name of the bureau's vocabulary (a stage, an honor's level) are free
    text to a record: they get the payload too, and the report's vocabulary lists it, so the
    bureau's own words are attacked as well as its records.
    """
    filled = 0
    files: dict[Path, dict[str, Any]] = {}
    used: dict[str, list[str]] = {}
    for path in sorted(data_dir.rglob("*.yaml")):
        if "schema" in path.parts:
            continue
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, records in content.items():
            if key in RECORD_MODELS:
                for record in records:
                    filled += poison(record, RECORD_MODELS[key])
                    for index, prerequisite in enumerate(record.get("prerequisites") or []):
                        prerequisite["name"] += f"（{index + 1}）"  # a project names each approval once
                    for pattern, vocabulary in model.KIND_BY_KEY[key].terms():
                        used.setdefault(vocabulary, []).extend(v for _, v in walk(record, pattern) if isinstance(v, str))
        files[path] = content
    for path, content in files.items():
        if "report" in content:
            filled += poison(content["report"], model.ReportConfig)
            content["report"]["vocabulary"] = hostile_vocabulary(used)
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return filled


def hostile_vocabulary(used: dict[str, list[str]]) -> dict[str, Any]:
    """The default vocabulary with every name the records now use added (the payload among them)."""
    vocabulary = model.Vocabulary().model_dump(mode="json", exclude_none=True)
    for key, values in used.items():
        entries = vocabulary["bottom_lines"]["lines"] if key == "bottom_lines" else vocabulary[key]
        known = {e if isinstance(e, str) else e["name"] for e in entries}
        for value in dict.fromkeys(v.strip() for v in values if v.strip() not in known):
            if entries and isinstance(entries[0], str):
                entries.append(value)
            else:
                entries.append({"name": value, "phase": "construction"} if key == "project_stages" else {"name": value})
    vocabulary["honor_levels"][0]["nickname"] = PAYLOAD
    vocabulary["bottom_lines"]["title"] = PAYLOAD
    return vocabulary
