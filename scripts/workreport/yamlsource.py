"""Reading one YAML file safely, remembering the line of every value.

PyYAML's ``safe_load`` forgets positions, silently keeps the last of two equal keys and
expands aliases without limit. So we compose the node tree ourselves (which is cheap and
keeps aliases as shared nodes), then build plain Python values from it while recording
``path -> line`` and counting how much aliases expand. Scalars are built by PyYAML's safe
constructor, so dates and numbers mean what YAML says they mean, and no tag outside the
plain set is ever constructed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml

from .plain import clean, control_characters
from .problems import Path, Problem, Severity, format_path

# Plenty for hand-written data; an alias bomb ("billion laughs") hits it after a few
# thousand steps instead of after gigabytes.
ALIAS_EXPANSION_LIMIT = 10_000
MAX_DEPTH = 64

_PLAIN_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TAG_NAMES = {
    "tag:yaml.org,2002:int": "整数",
    "tag:yaml.org,2002:float": "数字",
    "tag:yaml.org,2002:bool": "布尔值（true 或 false）",
    "tag:yaml.org,2002:null": "空值",
}
_BLAME_CONTEXT = re.compile(r"^while (scanning a quoted scalar|parsing a flow|scanning a simple key)")
_GLUED_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(\S.*)$")

# PyYAML's own words -> what an editor should do about them.
_SYNTAX_HINTS = [
    ("found character '\\t'", "YAML 不能用 Tab 键缩进，请全部改用空格"),
    ("mapping values are not allowed", "这一行可能缩进过多（同一层的字段要左对齐），或者值里含有冒号：含冒号的值请用引号括起来"),
    ("could not find expected ':'", "这一行缺少“字段: 值”中的冒号，或者冒号后面缺少空格（应写成“字段: 值”）"),
    ("did not find expected key", "缩进不一致：同一层的字段必须左对齐"),
    ("expected <block end>", "缩进不一致：同一层的字段必须左对齐，列表项“-”也要对齐"),
    ("did not find expected '-' indicator", "列表项的“-”没有对齐"),
    ("found undefined alias", "引用（*名称）了一个没有定义的锚点（&名称）"),
    ("while scanning a quoted scalar", "引号没有闭合：这一行的引号要成对"),
    ("found unexpected end of stream", "文件在引号或括号中间结束了：检查引号、括号是否成对"),
    ("expected a single document", "一个文件只能有一个文档：删除多余的“---”分隔线"),
    ("found unknown escape character", "双引号里的反斜杠“\\”是转义符：改用单引号，或写成“\\\\”"),
    ("while parsing a flow", "这一行的方括号或花括号没有成对闭合"),
    ("that cannot start any token", "值以 @、`、% 等 YAML 保留字符开头：请把整个值用引号括起来"),
]


def syntax_hint(problem: str) -> str:
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem:
            return hint
    return "请检查这一行及上一行的缩进、冒号和引号"


@dataclass
class YamlDocument:
    """A parsed file: its plain value, the line of every path in it, and what went wrong."""

    value: Any
    lines: dict[Path, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken: set[Path] = field(default_factory=set)
    """Paths already reported here; later checks stay quiet about them and below them."""

    def is_broken(self, path: Path) -> bool:
        return any(path[: len(b)] == b for b in self.broken)


class _Builder:
    def __init__(self, display: str, may_hold_controls: bool = True):
        self.display = display
        # Control characters can reach a scalar only through the file itself or a
        # double-quoted escape (`"\x01"`); most files have neither, and skip the search.
        self.may_hold_controls = may_hold_controls
        self.lines: dict[Path, int] = {}
        self.problems: list[Problem] = []
        self.broken: set[Path] = set()
        self.seen: set[int] = set()
        self.alias_steps = 0
        self.aborted = False
        self.constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, path: Path, message: str) -> None:
        self.problems.append(Problem(self.display, node.start_mark.line + 1, format_path(path), message))
        self.broken.add(path)

    def build(self, node: yaml.Node, path: Path, in_alias: bool = False, depth: int = 0) -> Any:
        if self.aborted:
            return None
        if not isinstance(node, yaml.ScalarNode):
            if id(node) in self.seen:
                in_alias = True  # a shared node reached again: this is alias expansion
            self.seen.add(id(node))
        if in_alias:
            self.alias_steps += 1
            if self.alias_steps > ALIAS_EXPANSION_LIMIT:
                # Blame the top-level entry being read, not a path that exists only in the expansion.
                top = path[:1]
                line = self.lines.get(top, node.start_mark.line + 1)
                message = f"别名（*引用）展开超过 {ALIAS_EXPANSION_LIMIT} 个节点，已停止读取本文件：请不要用锚点和别名层层嵌套"
                self.problems.append(Problem(self.display, line, format_path(top), message))
                self.aborted = True
                return None
        if depth > MAX_DEPTH:
            top = path[:1]
            message = f"嵌套超过 {MAX_DEPTH} 层，已停止读取本文件（是否有循环引用的别名，或多余的括号？）"
            self.problems.append(Problem(self.display, node.start_mark.line + 1, format_path(top), message))
            self.broken.add(top)
            self.aborted = True
            return None

        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                return self.refuse_tag(node, path)
            return self.build_mapping(node, path, in_alias, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                return self.refuse_tag(node, path)
            items = []
            for index, item in enumerate(node.value):
                item_path = (*path, index)
                self.lines.setdefault(item_path, item.start_mark.line + 1)
                items.append(self.build(item, item_path, in_alias, depth + 1))
            return items
        # Most scalars are text or plain whole numbers: read them directly, the rest (dates,
        # floats, booleans, octal-looking numbers) through PyYAML's constructor.
        if node.tag == _STR_TAG:
            return self.text(node, path) if self.may_hold_controls else node.value
        digits = node.value
        if node.tag == _INT_TAG and digits.isascii() and digits.isdigit() and (digits == "0" or digits[0] != "0"):
            return int(digits)
        if node.tag not in _PLAIN_SCALAR_TAGS:
            return self.refuse_tag(node, path)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except Exception:  # noqa: BLE001 - see below
            # PyYAML's constructors assume the resolver chose the tag: an explicit tag with an
            # odd value (`!!int _`, `!!bool maybe`, `!!timestamp yes`) fails in many ways.
            if node.tag == "tag:yaml.org,2002:timestamp":
                self.fail(node, path, f"日期不存在，请检查年月日（实际值：'{node.value}'）")
            else:
                name = _TAG_NAMES.get(node.tag, "这个值")
                self.fail(node, path, f"无法读作{name}（实际值：'{node.value}'）")
            return None
        return self.text(node, path, value) if isinstance(value, str) else value

    def text(self, node: yaml.Node, path: Path, value: str | None = None) -> str:
        """A string, without the control characters no output can carry (said once, as a warning)."""
        value = node.value if value is None else value
        found = control_characters(value)
        if not found:
            return value
        message = f"文本中含有不可见的控制字符（{'、'.join(found)}），已删除：常见于从 Word、网页复制的文字，请在编辑器中删除"
        self.problems.append(Problem(self.display, node.start_mark.line + 1, format_path(path), message, Severity.warning))
        return clean(value)

    def build_mapping(self, node: yaml.MappingNode, path: Path, in_alias: bool, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self.fail(key_node, path, "不支持“<<”合并键：请把字段直接写出来")
                continue
            empty = isinstance(value_node, yaml.ScalarNode) and value_node.value == ""
            glued = _GLUED_KEY.match(key_node.value) if empty and isinstance(key_node, yaml.ScalarNode) else None
            if glued:
                # `{value:4}` reads as one key "value:4" with no value: say what the editor meant.
                key, rest = glued.groups()
                self.lines.setdefault(path + (key,), key_node.start_mark.line + 1)
                self.fail(key_node, path + (key,), f"冒号后面要有一个空格：应写成“{key}: {rest}”（实际值：'{key_node.value}'）")
                first_line.setdefault(key, key_node.start_mark.line + 1)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, path, "字段名必须是普通文本")
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.fail(key_node, path + (key,), f"字段重复出现（第 {first_line[key]} 行已有同名字段），后一个会覆盖前一个：请删除或合并")
                continue
            first_line[key] = line
            key_path = (*path, key)
            self.lines.setdefault(key_path, line)
            result[key] = self.build(value_node, key_path, in_alias, depth + 1)
        return result

    def refuse_tag(self, node: yaml.Node, path: Path) -> None:
        self.fail(node, path, f"不允许的 YAML 标签 '{node.tag}'：数据文件只能包含文本、数字、日期、列表和映射")


# libyaml's composer, where PyYAML was built with it, reads about six times faster. Its
# nodes and marks are the same; its error texts are not, so a file it rejects is read
# again by the pure-Python parser, whose messages the editors' hints are written for.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


def _compose(text: str) -> yaml.Node | None:
    try:
        if _FAST_LOADER is not None:
            try:
                return yaml.compose(text, Loader=_FAST_LOADER)
            except yaml.YAMLError:
                pass
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        # Both composers recurse once per level of nesting: thousands of `[` exhaust Python's
        # stack. Walk the events (no recursion) to say where the nesting goes too deep.
        raise _TooDeep(_too_deep_at(text)) from None


def _too_deep_at(text: str) -> int:
    depth = 0
    loader = _FAST_LOADER or yaml.SafeLoader
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH and event.start_mark is not None:
                    return event.start_mark.line + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return 1


def parse_yaml(text: str, display: str) -> YamlDocument:
    """Parse ``text`` (the contents of the file shown to users as ``display``)."""
    try:
        root = _compose(text)
    except _TooDeep as error:
        message = f"嵌套超过 {MAX_DEPTH} 层，已停止读取本文件（是否有多余的括号？）"
        return YamlDocument(None, {}, [Problem(display, error.line, "", message)])
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        message = f"文件含有不可见的控制字符（{character}），YAML 不允许：常见于从 Word、网页复制的文字，请在编辑器中删除"
        return YamlDocument(None, {}, [Problem(display, line, "", message)])
    except yaml.MarkedYAMLError as error:
        # For an unclosed quote or bracket, or a key without its colon, PyYAML's problem
        # mark is where it gave up (often the next line or the end of the file); the
        # context mark is where the editor's mistake is.
        mark = error.context_mark if _BLAME_CONTEXT.match(error.context or "") else None
        mark = mark or error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        detail = error.problem or error.context or "语法错误"
        message = f"YAML 语法错误：{syntax_hint(str(error))}（解析器提示：{detail}）"
        return YamlDocument(None, {}, [Problem(display, line, "", message)])
    except yaml.YAMLError as error:  # unmarked errors, e.g. a bad character in the stream
        return YamlDocument(None, {}, [Problem(display, 1, "", f"YAML 语法错误：{error}")])
    if root is None:
        return YamlDocument({}, {(): 1})
    builder = _Builder(display, may_hold_controls="\\" in text or bool(control_characters(text)))
    value = builder.build(root, ())
    builder.lines[()] = root.start_mark.line + 1
    if builder.aborted:
        value = None
    return YamlDocument(value, builder.lines, builder.problems, builder.broken)


def decode(raw: bytes, display: str) -> tuple[str | None, Problem | None]:
    """A file's text (UTF-8, with or without a BOM), or the located problem with its encoding."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = "文件不是 UTF-8 编码：请在编辑器中以 UTF-8 编码重新保存（WPS、记事本另存为时选择 UTF-8）"
        return None, Problem(display, line, "", message)


def read_yaml(path: FsPath, display: str) -> YamlDocument:
    """Read and parse a file; encoding problems are reported like syntax errors."""
    text, problem = decode(path.read_bytes(), display)
    if text is None:
        return YamlDocument(None, {}, [problem] if problem else [])
    return parse_yaml(text, display)
