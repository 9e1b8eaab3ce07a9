"""The JSON Schema of a data file, generated from the model for editors' VS Code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import DataFile

SCHEMA_FILE = Path("schema") / "data.schema.json"


def data_file_schema() -> dict[str, Any]:
    schema = DataFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "工作报告数据文件"
    return schema


def schema_text() -> str:
    return json.dumps(data_file_schema(), ensure_ascii=False, indent=2) + "\n"


def write_schema(data_dir: Path) -> Path:
    target = data_dir / SCHEMA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    return target
