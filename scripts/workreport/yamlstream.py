"""Reading a data file fast, one record at a time, with lines found only when a message needs one.

``yamlsource`` reads a file the careful way: it builds PyYAML's node tree and records the
line of every value, about 30 KB of memory per task and a second for every thousand. That
is right for finding an editor's mistake, and far too heavy for a province's data (one
file of 100,000 tasks would need 4 GB). Most files are plain: mappings, lists, text,
numbers and dates, with no tags, anchors or repeated keys. This module reads those from
libyaml's event stream, yields each record as soon as it is complete, keeps no node tree
and records only where each record starts and ends.

Anything outside that plain subset (a tag, an anchor, an alias, a repeated or non-text
key, a merge key, deep nesting, a value the resolver cannot construct, control
characters) raises ``NotPlain``, and the caller reads the file the careful way instead:
the values and the messages are then exactly those of ``yamlsource``. A record read here
finds the line of one of its fields by reading just its own lines the careful way
(``RecordLines``), the first time a message asks for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from .problems import Path
from .yamlsource import MAX_DEPTH, parse_yaml

try:  # libyaml's event parser; without it every file is read the careful way
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None  # type: ignore[assignment,misc]

_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.SafeLoader("")
# Plain scalars starting with any other character are text whatever they say (Chinese, keys).
_MAY_RESOLVE = frozenset(key for key in _RESOLVER.yaml_implicit_resolvers if key is not None)
_DATE = re.compile(r"\d\d\d\d-\d\d-\d\d\Z")
_GLUED_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*:\S")

_Scalar, _MapStart, _MapEnd = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent
_SeqStart, _SeqEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent


class NotPlain(Exception):
    """The file needs the careful reader."""


def available() -> bool:
    return _CParser is not None


def _plain(text: str) -> Any:
    """A plain scalar's value, resolved as PyYAML resolves it (YAML 1.1)."""
    if not text:
        return None
    if text[0] not in _MAY_RESOLVE:
        return text
    if _DATE.match(text):
        try:
            return dt.date(int(text[:4]), int(text[5:7]), int(text[8:10]))
        except ValueError:
            raise NotPlain from None  # a date that does not exist: the careful reader says so
    if text.isascii() and text.isdigit() and (text == "0" or text[0] != "0"):
        return int(text)
    tag = _RESOLVER.resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag == _STR:
        return text
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, ScalarNode(tag, text))
    except Exception:  # noqa: BLE001 - any odd value is for the careful reader to explain
        raise NotPlain from None


def _scalar(event: Any) -> Any:
    if event.anchor is not None or (event.tag is not None and event.tag != "!"):
        raise NotPlain
    return _plain(event.value) if event.implicit[0] else event.value


def _build(event: Any, next_event: Any) -> Any:
    """The value that starts with ``event``, read to its end, without recursion."""
    kind = type(event)
    if kind is _Scalar:
        return _scalar(event)
    if event.anchor is not None or event.tag is not None or kind not in (_MapStart, _SeqStart):
        raise NotPlain
    top: Any = {} if kind is _MapStart else []
    current: Any = top
    key: str | None = None
    stack: list[Any] = []
    while True:
        event = next_event()
        kind = type(event)
        if kind is _Scalar:
            # _scalar(), inlined: this line runs for every value of a province's data.
            if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                raise NotPlain
            value = event.value
            if event.implicit[0] and (not value or value[0] in _MAY_RESOLVE):
                value = _plain(value)
        elif kind is _MapStart or kind is _SeqStart:
            if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                raise NotPlain
            value = {} if kind is _MapStart else []
            if type(current) is dict:
                if key is None or key in current:
                    raise NotPlain
                current[key] = value
            else:
                current.append(value)
            stack.append(current)
            current, key = value, None
            continue
        elif kind is _MapEnd or kind is _SeqEnd:
            if key is not None:
                raise NotPlain
            if not stack:
                return top
            current = stack.pop()
            continue
        else:  # an alias
            raise NotPlain
        if type(current) is dict:
            if key is None:
                if type(value) is not str:
                    raise NotPlain  # a key that is not text: the careful reader explains
                key = value
            else:
                if key in current or (value is None and _GLUED_KEY.match(key)):
                    raise NotPlain  # a repeated key, or `key:value` without its space
                current[key] = value
                key = None
        else:
            current.append(value)


@dataclass(frozen=True)
class Entry:
    """A top-level key's value, or one record of a top-level list, with its lines."""

    key: str
    index: int | None
    """The record's position in its list; None for a value that is not a list of records."""
    value: Any
    start: int
    """The record's first line (for a value that is not a list of records: its key's line)."""
    end: int | None
    """The line after the record (None: not known to be its own lines, e.g. a flow list)."""


def entries(text: str, record_keys: Collection[str]) -> Iterator[Entry]:
    """The file's entries in order; raises NotPlain when the file needs the careful reader.

    The lists under ``record_keys`` come one record at a time; any other key's value whole.
    """
    if _CParser is None:
        raise NotPlain
    parser = _CParser(text)
    next_event: Any = parser.get_event
    try:
        next_event()  # stream start
        event = next_event()
        if type(event) is yaml.StreamEndEvent:
            return  # an empty file
        event = next_event()  # the document's content
        if type(event) is not _MapStart or event.anchor is not None or event.tag is not None:
            raise NotPlain
        seen: set[str] = set()
        while True:
            event = next_event()
            if type(event) is _MapEnd:
                break
            key = _scalar(event) if type(event) is _Scalar else None
            if type(key) is not str or key in seen:
                raise NotPlain
            seen.add(key)
            key_line = event.start_mark.line + 1
            event = next_event()
            if key in record_keys and type(event) is _SeqStart and event.anchor is None and event.tag is None:
                yield from _records(key, bool(event.flow_style), parser)
            else:
                yield Entry(key, None, _build(event, next_event), key_line, None)
        if type(next_event()) is not yaml.DocumentEndEvent or type(next_event()) is not yaml.StreamEndEvent:
            raise NotPlain  # a second document: the careful reader says so
    except yaml.YAMLError:
        raise NotPlain from None
    finally:
        parser.dispose()


def _records(key: str, flow: bool, parser: Any, first_line: int = 0, first_index: int = 0) -> Iterator[Entry]:
    index = first_index
    while True:
        event = parser.get_event()
        if type(event) is _SeqEnd:
            return
        start = event.start_mark.line + 1 + first_line
        value = _build(event, parser.get_event)
        # The record's lines end where the next token begins (the next record, or the next key).
        after: Any = parser.peek_event()
        end = None if flow or after is None or after.start_mark is None else after.start_mark.line + 1 + first_line
        yield Entry(key, index, value, start, end if end is not None and end > start else None)
        index += 1


# ---------------------------------------------------------------------- a long list in parts


@dataclass(frozen=True)
class Part:
    """Some records of a file whose only content is one long list: ``text[start:end]``."""

    key: str
    start: int
    end: int
    """Offsets in the file's text; the part starts at the beginning of a record's line."""
    first_line: int
    """The 0-based line where the part starts."""
    first_index: int
    """The position of the part's first record in the whole list."""
    records: int
    """How many record lines the part holds, counted on the text; the parse must agree."""


_TOP_LINE = re.compile(r"^[^\s#].*$", re.MULTILINE)
_TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):\s*(#.*)?")
_FIRST_ITEM = re.compile(r"^( *)- ", re.MULTILINE)


def split_list(text: str, parts: int, record_keys: Collection[str]) -> list[Part] | None:
    """The file cut into ``parts`` at record boundaries, when it is one top-level list of records.

    The cuts are made on the text, at lines that start a record (``- `` at the list's
    indentation). Each part is then read on its own (``part_entries``): a cut that fell
    inside a quoted text or a bracket would leave its part unfinished, which libyaml
    refuses, and the number of records read must equal the number of record lines counted
    here. Anything unusual returns None, and the file is read in one piece.
    """
    tops = _TOP_LINE.finditer(text)
    top = next(tops, None)
    if top is None or next(tops, None) is not None:
        return None
    key = _TOP_KEY.fullmatch(top.group(0))
    first = _FIRST_ITEM.search(text, top.end())
    if key is None or key.group(1) not in record_keys or first is None:
        return None
    if text[top.end() : first.start()].strip(" \n\r\t") and not all(
        line.strip().startswith("#") for line in text[top.end() : first.start()].splitlines() if line.strip()
    ):
        return None  # something other than comments between the key and its first record
    marker = re.compile(f"^{re.escape(first.group(1))}- ", re.MULTILINE)
    starts = [m.start() for m in marker.finditer(text, first.start())]
    if len(starts) < 2 * parts:
        return None
    positions = [len(starts) * k // parts for k in range(parts)] + [len(starts)]
    cuts = [starts[p] for p in positions[:-1]] + [len(text)]
    lines = [text.count("\n", 0, cut) for cut in cuts[:-1]]
    return [
        Part(key.group(1), cuts[k], cuts[k + 1], lines[k], positions[k], positions[k + 1] - positions[k])
        for k in range(parts)
    ]


def part_entries(text: str, part: Part) -> Iterator[Entry]:
    """The records of one part of ``text`` (see ``split_list``); raises NotPlain as ``entries`` does."""
    if _CParser is None:
        raise NotPlain
    # The part ends as the file goes on (with a line break), so its last record's lines end
    # where the next part's begin.
    parser = _CParser(text[part.start : part.end])
    try:
        parser.get_event()  # stream start
        parser.get_event()  # document start
        event = parser.get_event()
        if type(event) is not _SeqStart or event.anchor is not None or event.tag is not None or event.flow_style:
            raise NotPlain
        count = 0
        for entry in _records(part.key, False, parser, part.first_line, part.first_index):
            count += 1
            yield entry
        if count != part.records:
            raise NotPlain
        if type(parser.get_event()) is not yaml.DocumentEndEvent or type(parser.get_event()) is not yaml.StreamEndEvent:
            raise NotPlain
    except yaml.YAMLError:
        raise NotPlain from None
    finally:
        parser.dispose()


@dataclass
class FileLines:
    """Where things are in one file read fast: the careful reading is done only when asked."""

    path: FsPath
    display: str
    _careful: dict[Path, int] | None = field(default=None, repr=False)

    def careful(self) -> dict[Path, int]:
        if self._careful is None:
            text = self.path.read_bytes().decode("utf-8-sig", errors="replace")
            self._careful = parse_yaml(text, self.display).lines
        return self._careful


class RecordLines:
    """The line map of one record, made from the record's own lines the first time it is needed.

    Behaves like the ``path -> line`` map of ``yamlsource`` for the record's paths; the
    record's own line is known without reading anything.
    """

    def __init__(self, file: FileLines, key: str, index: int | None, start: int, end: int | None):
        self.file, self.key, self.index, self.start, self.end = file, key, index, start, end
        self._lines: dict[Path, int] | None = None

    def _own(self) -> Path:
        return (self.key,) if self.index is None else (self.key, self.index)

    def _map(self) -> dict[Path, int]:
        if self._lines is None:
            self._lines = self._read_own_lines() or self.file.careful()
        return self._lines

    def _read_own_lines(self) -> dict[Path, int] | None:
        """The record's lines read on their own (a one-item list), shifted to the file's lines."""
        if self.index is None or self.end is None:
            return None
        lines = self.file.path.read_bytes().decode("utf-8-sig", errors="replace").splitlines(keepends=True)
        document = parse_yaml("".join(lines[self.start - 1 : self.end - 1]), self.file.display)
        if document.problems or not isinstance(document.value, list) or len(document.value) != 1:
            return None
        shift = self.start - document.lines.get((0,), 1)
        own = self._own()
        return {(*own, *path[1:]): line + shift for path, line in document.lines.items() if path[:1] == (0,)}

    def __contains__(self, path: object) -> bool:
        if path in ((), self._own()):
            return True
        return path in self._map()

    def __getitem__(self, path: Path) -> int:
        if path == ():
            return 1
        if path == self._own():
            return self.start
        return self._map()[path]

