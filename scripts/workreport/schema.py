"""The JSON Schema of a data file, generated from the model for editors' VS Code.

Fields whose values come from the bureau's vocabulary (an indicator's source, a project's
stage…) get the bureau's own names as their ``enum``, read from the report in ``data/``,
so the editor completes 县考 for a county and 省考 for a city.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import DataFile, Vocabulary
from .register import Term, unwrap

SCHEMA_FILE = Path("schema") / "data.schema.json"


def _term_fields(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> list[tuple[str, str, str]]:
    """``(model name, field, vocabulary)`` for every field declared with a Term, in every nested model."""
    seen = seen if seen is not None else set()
    if model in seen:
        return []
    seen.add(model)
    found: list[tuple[str, str, str]] = []
    for name, info in model.model_fields.items():
        for _, inner, metadata in unwrap(info.annotation):
            marks = [m for m in (*info.metadata, *metadata) if isinstance(m, Term)]
            if marks:
                found.append((model.__name__, name, marks[0].vocabulary))
            elif isinstance(inner, type) and issubclass(inner, BaseModel):
                found.extend(_term_fields(inner, seen))
    return found


def _with_enum(schema: dict[str, Any], names: list[str]) -> None:
    """Put ``enum`` on the string alternative of a field's schema (``anyOf`` for optional fields)."""
    for option in schema.get("anyOf", [schema]):
        if option.get("type") == "string":
            option["enum"] = names


def data_file_schema(vocabulary: Vocabulary | None = None) -> dict[str, Any]:
    schema = DataFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "工作报告数据文件"
    vocabulary = vocabulary or Vocabulary()
    for model_name, field, key in _term_fields(DataFile):
        definition = schema["$defs"][model_name]["properties"][field]
        _with_enum(definition, vocabulary.names(key))
    return schema


def schema_text(vocabulary: Vocabulary | None = None) -> str:
    return json.dumps(data_file_schema(vocabulary), ensure_ascii=False, indent=2) + "\n"


def write_schema(data_dir: Path, vocabulary: Vocabulary | None = None) -> Path:
    target = data_dir / SCHEMA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(vocabulary), encoding="utf-8")
    return target
