"""The package's shape, read from the source with ``ast``: no import cycle, MkDocs behind one
adapter, a renderer that never loads, and the commands apart from the entry point."""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from pathlib import Path

from conftest import ROOT
from workreport.adapter.session import SiteCache
from workreport.audience import INTERNAL, PUBLIC

PACKAGE = ROOT / "scripts" / "workreport"
ADAPTER = "workreport.adapter"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement that can run: at module level, inside functions and classes, in
    ``try`` and ``if`` blocks, but not under ``if TYPE_CHECKING:`` (only the type checker reads those)."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        elif isinstance(child, ast.If) and is_type_checking(child):
            for statement in child.orelse:
                yield from import_nodes(ast.Module(body=[statement], type_ignores=[]))
        else:
            yield from import_nodes(child)


def imported(name: str, path: Path) -> set[str]:
    """The modules that ``name`` imports (absolute names, third-party ones included, as written)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            continue
        if node.level:
            base = package[: len(package) - node.level + 1]
            target = ".".join([*base, *([node.module] if node.module else [])])
        else:
            target = node.module or ""
        found.add(target)
        # `from package import module` imports the module.
        found.update(f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in MODULES)
    return found


IMPORTS = {name: imported(name, path) for name, path in MODULES.items()}


def internal_graph() -> dict[str, set[str]]:
    """Module → the workreport modules it imports, each with the packages above it that it runs
    (importing ``a.b.c`` runs ``a/b/__init__.py``), except the importer's own packages."""
    graph: dict[str, set[str]] = {}
    for name, targets in IMPORTS.items():
        parts = name.split(".")
        own = {".".join(parts[:k]) for k in range(1, len(parts))}
        edges: set[str] = set()
        for target in targets:
            pieces = target.split(".")
            for k in range(1, len(pieces) + 1):
                module = ".".join(pieces[:k])
                if module in MODULES and module != name and module not in own:
                    edges.add(module)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_the_graph_is_read_right():
    """The reading itself: relative imports, imports inside functions, ``from package import module``."""
    graph = internal_graph()
    assert "workreport.commands.build" in graph["workreport.cli"]
    assert "workreport.sitebuild" in graph["workreport.commands.build"]
    assert "workreport.loading" in graph["workreport.commands.common"]
    assert "workreport.synth" in graph["workreport.bench.run"]  # imported inside measure_scale
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_among_the_packages_modules():
    assert cycles(internal_graph()) == []


def test_only_the_entry_point_imports_the_command_line():
    importers = sorted(name for name, edges in internal_graph().items() if "workreport.cli" in edges)
    assert importers == ["workreport.__main__"]


def test_only_the_adapter_imports_mkdocs():
    outside = sorted(
        name
        for name, targets in IMPORTS.items()
        if not (name == ADAPTER or name.startswith(ADAPTER + "."))
        and any(target == "mkdocs" or target.startswith("mkdocs.") for target in targets)
    )
    assert outside == []
    assert any(target.startswith("mkdocs.") for target in IMPORTS[f"{ADAPTER}.hooks"])  # the test can fail
    # The files MkDocs loads by path stay thin: they take everything from the adapter.
    for path in sorted((ROOT / "macros").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {node.module or "" for node in import_nodes(tree) if isinstance(node, ast.ImportFrom)}
        names |= {alias.name for node in import_nodes(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert not any(name == "mkdocs" or name.startswith("mkdocs.") for name in names), path


def test_the_renderer_never_loads():
    """render/ receives loaded data: it reads no files, no git history and applies no audience filter itself."""
    forbidden = ("workreport.loading", "workreport.history", "workreport.visibility")
    found = sorted(
        (name, target)
        for name, edges in internal_graph().items()
        if name.startswith("workreport.render.") or name == "workreport.render"
        for target in edges
        if target in forbidden
    )
    assert found == []


def test_the_build_variables_are_named_in_one_module():
    """mkdocs.yml's `!ENV` variables are set by the build options only (workreport.sitebuild)."""
    prefix = "WORKREPORT" + "_"
    naming = sorted(
        path.relative_to(ROOT).as_posix()
        for folder in ("scripts", "macros", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if prefix in path.read_text(encoding="utf-8")
    )
    assert naming == ["scripts/workreport/sitebuild.py"]


def test_the_adapter_loads_once_per_change_and_tells_warnings_once(minimal_data: Path):
    """The adapter's one piece of state: a load per data change, its warnings told once per load."""
    report = minimal_data / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("as_of: 2025-06-30", "as_of: 2025-06-15"), encoding="utf-8")
    cache = SiteCache()
    first = cache.site(minimal_data, minimal_data.parent, INTERNAL)
    assert first.warnings and first.warnings_to_tell() == first.warnings
    assert cache.site(minimal_data, minimal_data.parent, INTERNAL) is first and first.warnings_to_tell() == []
    assert cache.site(minimal_data, minimal_data.parent, PUBLIC) is not first  # one load per audience
    stat = report.stat()
    os.utime(report, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # an edit under `mkdocs serve`
    again = cache.site(minimal_data, minimal_data.parent, INTERNAL)
    assert again is not first and again.warnings_to_tell() == again.warnings


# ---------------------------------------------------------------------- templates only lay out


def test_templates_only_lay_out_their_view():
    """No template does arithmetic, compares with text (an enumeration's Chinese value), filters
    or sums, or reaches past its view (``data``, ``fig``, ``a``); and no line is too long to read."""
    from jinja2 import nodes

    from workreport.render.environment import make_environment

    env = make_environment()
    templates = Path(__file__).resolve().parents[1] / "scripts" / "workreport" / "render" / "templates"
    arithmetic = (nodes.Add, nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv, nodes.Mod, nodes.Pow)
    problems = []
    for path in sorted(templates.rglob("*.j2")):
        source = path.read_text(encoding="utf-8")
        where = path.relative_to(templates).as_posix()
        tree = env.parse(source)
        for node in tree.find_all(arithmetic):
            problems.append(f"{where}:{node.lineno}: arithmetic ({type(node).__name__})")
        for node in tree.find_all(nodes.Compare):
            operands = [node.expr, *(op.expr for op in node.ops)]
            if any(isinstance(o, nodes.Const) and isinstance(o.value, str) for o in operands):
                problems.append(f"{where}:{node.lineno}: comparison with text")
        for node in tree.find_all(nodes.Filter):
            if node.name in ("selectattr", "rejectattr", "select", "reject", "sum", "sort", "groupby", "map"):
                problems.append(f"{where}:{node.lineno}: filters or sums (|{node.name})")
        for node in tree.find_all(nodes.Name):
            if node.ctx == "load" and node.name in ("data", "fig", "a", "report", "analysis"):
                problems.append(f"{where}:{node.lineno}: reaches past its view ({node.name})")
        long_lines = [n for n, line in enumerate(source.splitlines(), 1) if len(line) > 160]
        problems += [f"{where}:{n}: line longer than 160 characters" for n in long_lines]
    assert problems == [], "\n".join(problems)
