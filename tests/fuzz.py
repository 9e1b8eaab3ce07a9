"""Careless and hostile edits of the sample data, made at random from a fixed seed.

Each mutation is what a tired editor or an attacker could do to one data file: delete,
duplicate or re-indent a line, swap a value's type, add a YAML tag, paste control
characters, nest brackets deeply, paste a very long string, save in another encoding,
or replace a file with a link. ``mutate`` applies one and says what it did, so a failure
names the exact edit that broke a command.
"""

from __future__ import annotations

import os
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

TAGS = ["!!int", "!!float", "!!bool", "!!timestamp", "!!str", "!!null", "!!binary", "!!set", "!custom", "!!python/none"]
ODD_VALUES = [
    "_", "''", "maybe", "yes", "²", "١٢", ".nan", "-.inf", "1e400", "9" * 400, "0x1F", "0o17", "1:30", "0001-01-01",
    "2025-02-30", "2025-06-30T10:00:00", "~", "null", "[]", "{}", "[1, [2, [3]]]", "{a: {b: 1}}", '"\\x01\\u0085"',
    '"\\ud800"', "&anchor x", "*missing", "<<: *x", "|", ">-", "@at", "`tick`", "%percent", "-", "- - -",
]
CONTROL = ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x7f", "\x85", "\u2028", "\ufeff", "\ufffe"]


# A file an earlier mutation saved in another encoding keeps its bytes through later ones.
def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="surrogateescape").splitlines(keepends=True)


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(lines), encoding="utf-8", errors="surrogateescape")


def _value_line(rng: random.Random, lines: list[str]) -> int | None:
    """A line of the form ``key: value`` (or ``- value``), where a value can be changed."""
    candidates = [i for i, line in enumerate(lines) if re.match(r"^\s*(-\s+)?[A-Za-z_]+:\s*\S", line) or re.match(r"^\s*-\s+\S", line)]
    return rng.choice(candidates) if candidates else None


def _replace_value(line: str, value: str) -> str:
    match = re.match(r"^(\s*(?:-\s+)?[A-Za-z_]+:\s*)(.*?)(\r?\n?)$", line)
    if match:
        return match.group(1) + value + match.group(3)
    match = re.match(r"^(\s*-\s+)(.*?)(\r?\n?)$", line)
    return (match.group(1) + value + match.group(3)) if match else line


def delete_line(rng: random.Random, path: Path, root: Path) -> str:
    lines = _lines(path)
    if not lines:
        return "empty file"
    i = rng.randrange(len(lines))
    del lines[i]
    _write(path, lines)
    return f"deleted line {i + 1}"


def duplicate_line(rng: random.Random, path: Path, root: Path) -> str:
    lines = _lines(path)
    if not lines:
        return "empty file"
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    _write(path, lines)
    return f"duplicated line {i + 1}"


def reindent_line(rng: random.Random, path: Path, root: Path) -> str:
    lines = _lines(path)
    if not lines:
        return "empty file"
    i = rng.randrange(len(lines))
    shift = rng.choice([-4, -2, -1, 1, 2, 4])
    line = lines[i]
    lines[i] = " " * shift + line if shift > 0 else line[min(-shift, len(line) - len(line.lstrip(" "))):]
    _write(path, lines)
    return f"re-indented line {i + 1} by {shift}"


def swap_type(rng: random.Random, path: Path, root: Path) -> str:
    lines = _lines(path)
    i = _value_line(rng, lines)
    if i is None:
        return "no value"
    value = rng.choice(ODD_VALUES)
    lines[i] = _replace_value(lines[i], value)
    _write(path, lines)
    return f"line {i + 1} value → {value!r}"


def add_tag(rng: random.Random, path: Path, root: Path) -> str:
    lines = _lines(path)
    i = _value_line(rng, lines)
    if i is None:
        return "no value"
    tag, value = rng.choice(TAGS), rng.choice(["", *ODD_VALUES[:12], "12", "2025-06-30", "文本"])
    lines[i] = _replace_value(lines[i], f"{tag} {value}".rstrip())
    _write(path, lines)
    return f"line {i + 1} value → {tag} {value!r}"


def control_characters(rng: random.Random, path: Path, root: Path) -> str:
    lines = _lines(path)
    i = _value_line(rng, lines)
    if i is None:
        return "no value"
    char = rng.choice(CONTROL)
    if rng.random() < 0.5:
        escape = f"\\x{ord(char):02x}" if ord(char) < 256 else f"\\u{ord(char):04x}"
        lines[i] = _replace_value(lines[i], f'"前{escape}后"')
        how = "escaped"
    else:
        cut = rng.randrange(len(lines[i]))
        lines[i] = lines[i][:cut] + char + lines[i][cut:]
        how = "raw"
    _write(path, lines)
    return f"line {i + 1}: {how} U+{ord(char):04X}"


def deep_nesting(rng: random.Random, path: Path, root: Path) -> str:
    lines = _lines(path)
    i = _value_line(rng, lines)
    if i is None:
        return "no value"
    depth = rng.choice([70, 500, 5000])
    opener, closer = rng.choice([("[", "]"), ("{a: ", "}")])
    lines[i] = _replace_value(lines[i], opener * depth + "1" + closer * depth)
    _write(path, lines)
    return f"line {i + 1}: nested {depth} deep"


def long_string(rng: random.Random, path: Path, root: Path) -> str:
    lines = _lines(path)
    i = _value_line(rng, lines)
    if i is None:
        return "no value"
    size = rng.choice([5_000, 200_000])
    lines[i] = _replace_value(lines[i], "长" * size)
    _write(path, lines)
    return f"line {i + 1}: string of {size} characters"


def other_encoding(rng: random.Random, path: Path, root: Path) -> str:
    encoding = rng.choice(["gbk", "utf-16", "utf-16-le", "latin-1", "utf-8-sig"])
    text = path.read_text(encoding="utf-8", errors="replace")
    path.write_bytes(text.encode(encoding, errors="replace"))
    return f"saved as {encoding}"


def byte_flip(rng: random.Random, path: Path, root: Path) -> str:
    raw = bytearray(path.read_bytes())
    if not raw:
        return "empty file"
    i = rng.randrange(len(raw))
    raw[i] = rng.randrange(256)
    path.write_bytes(bytes(raw))
    return f"byte {i} → {raw[i]:#04x}"


def link(rng: random.Random, path: Path, root: Path) -> str:
    data = root / "data"
    outside = root / "outside.txt"
    outside.write_text("secret\n", encoding="utf-8")
    photos = sorted(p for p in (data / "photos").rglob("*") if p.is_file())
    choice = rng.choice(["photo-out", "data-out", "dangling", "folder", "photo-folder-out"])
    if choice == "photo-out" and photos:
        target = rng.choice(photos)
        target.unlink()
        target.symlink_to(outside)
        return f"{target.relative_to(root)} → link out of data/"
    if choice == "data-out":
        path.unlink()
        path.symlink_to(outside)
        return f"{path.relative_to(root)} → link out of data/"
    if choice == "dangling":
        path.unlink()
        path.symlink_to(root / "nowhere.yaml")
        return f"{path.relative_to(root)} → dangling link"
    if choice == "photo-folder-out" and photos:
        folder = rng.choice(photos).parent
        shutil.rmtree(folder)
        folder.symlink_to(root, target_is_directory=True)
        return f"{folder.relative_to(root)} → folder link out of data/"
    (data / "extra.yaml").mkdir()
    return "a folder named extra.yaml"


MUTATIONS: list[Callable[[random.Random, Path, Path], str]] = [
    delete_line, duplicate_line, reindent_line, swap_type, add_tag, control_characters, deep_nesting,
    long_string, other_encoding, byte_flip, link,
]


def copy_data(source: Path, root: Path) -> Path:
    """``source`` copied to ``root/data``: YAML copied, photos hard-linked (cheap, and not links)."""
    def copy(src: str, dst: str) -> None:
        if src.endswith((".yaml", ".yml", ".txt", ".json")):
            shutil.copy2(src, dst)
        else:
            os.link(src, dst)

    shutil.copytree(source, root / "data", copy_function=copy)
    return root / "data"


def mutate(rng: random.Random, root: Path, count: int) -> list[str]:
    """Apply ``count`` random mutations to the data under ``root/data``; what was done, in words."""
    done = []
    for _ in range(count):
        files = sorted(p for p in (root / "data").rglob("*.yaml") if p.is_file() and not p.is_symlink())
        if not files:
            break
        path = rng.choice(files)
        mutation = rng.choice(MUTATIONS)
        done.append(f"{path.relative_to(root)}: {mutation.__name__}: {mutation(rng, path, root)}")
    return done
