"""``generate`` writes a synthetic data folder (``workreport generate``, in ``workreport.commands.generate``, runs it)."""

from __future__ import annotations

import random
import shutil
import tempfile
from collections import defaultdict
from enum import Enum
from pathlib import Path
from typing import Any

from ..dataset import Dataset
from ..loading import load_dataset
from ..model import KINDS
from ..schema import write_schema
from ..validation import KIND_LABELS
from .bureau import make_bureau, template_places
from .output import Output, num
from .records import Synthesizer
from .vocabulary import NameMaker, harvest

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[3] / "data"
SEARCH_DICT = "search_dict.txt"
RECORD_KINDS = tuple(kind.key for kind in KINDS)
LABELS = {**KIND_LABELS, "bottom_lines": "底线自查", "photos": "照片"}


class SynthError(Exception):
    """A reason, in Chinese, why nothing was generated."""


# ---------------------------------------------------------------------- writing the folder


def load_template(template: Path) -> Dataset:
    result = load_dataset(template, template.parent)
    if result.dataset is None:
        lines = "\n".join(str(p) for p in result.errors[:10])
        raise SynthError(f"模板数据 {template} 有错误，无法据此生成（先运行 workreport check）：\n{lines}")
    return result.dataset


def check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise SynthError(f"输出位置 {out} 已存在且不是目录：请指定一个不存在或为空的目录")
    if out.is_dir() and any(out.iterdir()):
        raise SynthError(f"输出目录 {out} 已存在且不为空：为免覆盖已有数据，请指定一个不存在或为空的目录")


def generate(out: Path, scale: int, seed: int, template: Path = DEFAULT_TEMPLATE) -> dict[str, int]:
    """Write a valid synthetic ``data/`` folder ``scale`` times the template's size into ``out``.

    Returns the counts: records per kind, ``categories``, ``photos``, ``files`` and ``bytes``.
    Nothing is left behind on failure: the folder is written beside ``out`` and renamed at the end.
    """
    if not isinstance(scale, int) or scale < 1:
        raise SynthError(f"规模（scale）应为不小于 1 的整数（实际值：{scale!r}）")
    out = Path(out).resolve()
    template = Path(template).resolve()
    check_out(out)
    data = load_template(template)
    out.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        counts = _write_all(scratch, data, template, scale, seed)
        if out.exists():
            out.rmdir()
        scratch.rename(out)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return counts


def _write_all(root: Path, data: Dataset, template: Path, scale: int, seed: int) -> dict[str, int]:
    output = Output(root, template)
    records = _records(data, output, scale, seed)
    report = data.report.model_dump(mode="python", exclude_defaults=False)
    output.yaml("report.yaml", {"report": _plain(report)})
    # Each kind is written where the register says its files live.
    shared: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
    for kind in KINDS:
        written = records[kind.key]
        if kind.files.layout == "file":
            shared[kind.files.path][kind.key] = written
        elif kind.files.layout == "per_record":
            for record in written:
                output.yaml(f"{kind.files.path}/{record['id']}.yaml", {kind.key: [record]})
        else:
            by_owner: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for record in written:
                by_owner[record[kind.owner or "unit"]].append(record)
            for unit in records["units"]:
                if by_owner.get(unit["id"]):
                    output.yaml(f"{kind.files.path}/{unit['id']}.yaml", {kind.key: by_owner[unit["id"]]})
    for path, content in shared.items():
        output.yaml(path, content)
    dictionary = template / SEARCH_DICT
    if dictionary.is_file():
        output.copy(dictionary, SEARCH_DICT)
    schema = write_schema(root, data.report.vocabulary)
    output.files += 1
    output.bytes += schema.stat().st_size
    counts = {kind: len(records[kind]) for kind in RECORD_KINDS}
    counts["categories"] = len(data.report.categories)
    counts["photos"] = output.next_photo
    counts["files"] = output.files
    counts["bytes"] = output.bytes
    return counts


def _records(data: Dataset, output: Output, scale: int, seed: int) -> dict[str, list[dict[str, Any]]]:
    words = harvest(data)
    places = template_places(data)
    names = NameMaker(random.Random(f"{seed}:names"))
    width = max(2, len(str(scale)))
    statuses = [c.status for c in data.bottom_lines]
    bureau_word = data.report.bureau[len(places[0]):] if places[0] else ""
    records: dict[str, list[dict[str, Any]]] = {kind: [] for kind in RECORD_KINDS}
    for number in range(1, scale + 1):
        bureau = make_bureau(number, width, seed, names, places)
        make = Synthesizer(data, words, bureau, output.photos)
        records["leaders"] += [make.leader(p) for p in data.leaders]
        records["units"] += [make.unit(p, places[0], bureau_word) for p in data.units]
        records["tasks"] += [make.task(p) for p in data.tasks]
        records["indicators"] += [make.indicator(p) for p in data.indicators]
        records["projects"] += [make.project(p) for p in data.projects]
        records["cases"] += [make.case(p) for p in data.cases]
        records["highlights"] += [make.highlight(p) for p in data.highlights]
        records["honors"] += [make.honor(p) for p in data.honors]
        records["bottom_lines"] += [make.bottom_line(p, statuses) for p in data.bottom_lines]
        for kind in KINDS:
            if kind.key not in SYNTHESIZED:
                records[kind.key] += [make.copy(kind, p) for p in data.of(kind.key)]
    return records


SYNTHESIZED = {"leaders", "units", "tasks", "indicators", "projects", "cases", "highlights", "honors", "bottom_lines"}
"""Kinds with a synthesizer of their own (new text, dates and figures); others are copied (``Synthesizer.copy``)."""


def _plain(value: Any) -> Any:
    """A dumped model as YAML-friendly plain data: enums as their values, whole floats as ints."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float):
        return num(value)
    return value
