"""The layers of docs/architecture.md hold: an import graph of src/, read from the source (every
import, at module level or inside a function; those under `if TYPE_CHECKING:` excepted), has no
cycle and no import across a layer the wrong way.

    core/                      imports only core
    journal/, audio/, heart/,  import only core (and their own package)
    web/
    settings_store, plan_store import only core (files beside config.toml)
    session_setup              only core, audio and heart (a session's parts)
    plain, plain_heart         only core, audio, journal, heart and session_setup (no Textual)
    widgets/                   import only core (and widgets)
    screens/, flows            never the command line (cli, parser, commands)
    commands/*                 never each other
    app, __main__              wiring: anything

Every module has a layer: a new top-level module must be placed here, or the test fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = "breath_tui"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in (SRC / PACKAGE).rglob("*.py")}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(node: ast.AST, module: str) -> list[str]:
    """The breath_tui modules an Import or ImportFrom node names."""
    is_package = MODULES[module].name == "__init__.py"
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            parent = module.split(".")
            parent = parent[: len(parent) - node.level + (1 if is_package else 0)]
            base = ".".join([*parent, base] if base else parent)
        names = [f"{base}.{alias.name}" for alias in node.names] + [base]
    else:
        return []
    found = set()
    for name in names:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name.startswith(PACKAGE) and name != PACKAGE:
            found.add(name)
    return sorted(found)


def imports_of(module: str) -> set[str]:
    """Every breath_tui module `module` imports, anywhere, outside `if TYPE_CHECKING:`."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        found.update(_imported(node, module))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    found.discard(module)
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


LAYERS = {
    **{name: name for name in ("core", "journal", "audio", "heart", "web", "widgets")},
    "settings_store": "stores",
    "plan_store": "stores",
    "session_setup": "session setup",
    "plain": "plain mode",
    "plain_heart": "plain mode",
    "screens": "screens",
    "flows": "screens",
    "cli": "command line",
    "parser": "command line",
    "commands": "command line",
    "app": "wiring",
    "__main__": "wiring",
}


def layer(module: str) -> str:
    parts = module.split(".")
    return LAYERS.get(parts[1], "unplaced") if len(parts) > 1 else "wiring"


ALLOWED = {
    "core": {"core"},
    "journal": {"core", "journal"},
    "audio": {"core", "audio"},
    "heart": {"core", "heart"},
    "web": {"core", "web"},
    "widgets": {"core", "widgets"},
    "stores": {"core"},
    "session setup": {"core", "audio", "heart"},
    "plain mode": {"core", "audio", "journal", "heart", "session setup", "plain mode"},
}


def breaches() -> list[str]:
    found = []
    for module, imported in GRAPH.items():
        own = layer(module)
        for target in sorted(imported):
            theirs = layer(target)
            if own in ALLOWED and theirs not in ALLOWED[own]:
                found.append(f"{module} ({own}) imports {target} ({theirs})")
            if own == "screens" and theirs == "command line":
                found.append(f"{module} (screens) imports the command line: {target}")
            if module.startswith(f"{PACKAGE}.commands.") and target.startswith(
                f"{PACKAGE}.commands."
            ):
                found.append(f"{module} imports another command: {target}")
    return found


def cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(GRAPH):
        if node not in index:
            connect(node)
    return groups


def test_every_module_has_a_layer() -> None:
    """A new module is placed in a layer (LAYERS), so no module escapes the checks below."""
    assert [module for module in MODULES if layer(module) == "unplaced"] == []


def test_the_import_graph_has_no_cycle() -> None:
    """No group of modules imports itself round, directly or through others."""
    assert cycles() == []


def test_no_import_crosses_a_layer_the_wrong_way() -> None:
    """core imports only core; journal, audio, heart and web only core; widgets only core;
    screens never the command line; commands never each other."""
    assert breaches() == []


@pytest.mark.parametrize(
    ("module", "target"),
    [
        ("breath_tui.core.pacer", "breath_tui.core.patterns"),
        ("breath_tui.core.config", "breath_tui.core.settings"),
    ],
)
def test_the_graph_sees_real_imports(module: str, target: str) -> None:
    """The checks above can fail: the graph holds imports the source really has."""
    assert target in GRAPH[module]
