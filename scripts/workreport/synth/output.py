"""Writing the folder: YAML as editors write it, and the files and photos under the data folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from .. import model
from ..schema import SCHEMA_FILE
from ..validation import PHOTO_SUFFIXES

# ---------------------------------------------------------------------- YAML out


class _Dumper(yaml.SafeDumper):
    """safe_dump without anchors (shared dates would become &id001) and with block text."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # lists indented under their key, as editors write them


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(document: dict[str, Any]) -> str:
    return yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)


def clean(**fields: Any) -> dict[str, Any]:
    """A record as written by hand: fields in the order given; None, empty lists and false flags left out."""
    return {k: v for k, v in fields.items() if v is not None and v != [] and v != {} and v is not False}


def num(value: float, digits: int = 2) -> int | float:
    """A number as an editor writes it: 12, not 12.0."""
    value = round(value, digits)
    return int(value) if float(value).is_integer() else value


def decimals(values: Sequence[float]) -> int:
    """How many decimals the template writes (15.08 -> 2), so copies look alike."""
    return max((len(f"{float(v):.6f}".rstrip("0").split(".")[1]) for v in values), default=0)


def _visibility(record: model.VisibleRecord) -> str | None:
    return "internal" if record.is_internal else None


# ---------------------------------------------------------------------- writing the folder


class Output:
    """Files under the (temporary) data folder, with the counts for the summary."""

    def __init__(self, root: Path, template: Path):
        self.root = root
        self.files = 0
        self.bytes = 0
        self.pool = sorted(
            (p for p in (template / "photos").rglob("*") if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES),
            key=lambda p: p.relative_to(template).as_posix(),
        )
        self.next_photo = 0

    def yaml(self, relative: str, document: dict[str, Any]) -> None:
        path = self.root / relative
        schema = os.path.relpath(self.root / SCHEMA_FILE, path.parent).replace(os.sep, "/")
        self.text(relative, f"# yaml-language-server: $schema={schema}\n" + dump_yaml(document))

    def text(self, relative: str, content: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8")
        path.write_bytes(data)
        self.files += 1
        self.bytes += len(data)

    def copy(self, source: Path, relative: str) -> None:
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        self.files += 1
        self.bytes += target.stat().st_size

    def photos(self, record_id: str, count: int) -> list[str]:
        """``count`` photos in the record's own folder, copies of the template's taken in turn."""
        if not self.pool:
            return []
        files = []
        for index in range(1, count + 1):
            source = self.pool[self.next_photo % len(self.pool)]
            self.next_photo += 1
            relative = f"photos/{record_id}/{index}{source.suffix.lower()}"
            self.copy(source, relative)
            files.append(relative)
        return files
