"""No import loop in ``desktop/`` or ``ui/``.

Every import counts, wherever it is written: at module level, inside a function, under
``if TYPE_CHECKING:``. A function-level import still ties the two modules together; it only hides
the loop from the interpreter. ``from pkg import name`` counts as importing ``pkg`` (its
``__init__``) and, when ``name`` is a submodule, ``pkg.name`` too, so a package ``__init__`` that
imports its submodules and a submodule that imports from the package is a loop.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREES = ("desktop", "ui")
#: Below the services: what every service may use. The services never import one another.
SERVICE_FLOOR = (
    "desktop.services.audit_chain",
    "desktop.services.clock",
    "desktop.services.erasure",
    "desktop.services.interruption",
    "desktop.services.ledger",
    "desktop.services.permissions",
    "desktop.services.queries",
    "desktop.services.read_snapshot",
    "desktop.services.reporting",
    "desktop.services.search_keys",
    "desktop.services.thread_guard",
    "desktop.services.unit_of_work",
)


def module_files() -> dict[str, Path]:
    """Dotted module name -> file, for every module under the trees."""
    found: dict[str, Path] = {}
    for tree in TREES:
        for path in sorted((ROOT / tree).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """``name`` if it is a module of ours, else its longest prefix that is (``a.b.Class`` -> ``a.b``)."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if _is_package(path) else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> Iterator[str]:
    """Every module of ours that ``module`` imports, at any level of its code."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, path, node)
            targets = [source] + [f"{source}.{alias.name}" for alias in node.names if alias.name != "*"]
        for target in targets:
            if target.split(".")[0] not in TREES:
                continue
            # A name imported from a module is the module itself; only a real submodule adds an edge.
            known = target if target in modules else _known(target, modules)
            if known is not None:
                yield known


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    return {name: set(imports_of(name, path, modules)) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module, and modules importing themselves
    (Tarjan's algorithm, iterative so a deep graph cannot overflow the stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    found.append(sorted(component))
    return sorted(found)


def _describe(graph: dict[str, set[str]], component: list[str]) -> str:
    members = set(component)
    edges = [f"    {a} -> {b}" for a in component for b in sorted(graph[a]) if b in members]
    return "\n".join([" <-> ".join(component), *edges])


def _loops_in(tree: str) -> list[list[str]]:
    graph = import_graph()
    return [c for c in cycles(graph) if any(m.split(".")[0] == tree for m in c)]


def test_the_loop_finder_sees_loops_at_every_level(tmp_path: Path) -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"d"}, "e": {"a"}}
    assert cycles(graph) == [["a", "b", "c"], ["d"]]
    source = tmp_path / "mod.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from desktop.services import Services\n"
        "def f():\n    from desktop.services import audit_chain\n"
        "import desktop.domain.enums as enums\n"
        "from desktop.domain.records import Actor\n",
        "utf-8",
    )
    modules = module_files()
    found = set(imports_of("desktop.fake", source, modules))
    assert found == {
        "desktop.services",
        "desktop.services.audit_chain",
        "desktop.domain.enums",
        "desktop.domain.records",
    }


def test_relative_imports_are_resolved(tmp_path: Path) -> None:
    package = tmp_path / "__init__.py"
    package.write_text("from . import enums\nfrom .records import Actor\n", "utf-8")
    modules = module_files()
    assert set(imports_of("desktop.domain", package, modules)) == {
        "desktop.domain",
        "desktop.domain.enums",
        "desktop.domain.records",
    }
    module = tmp_path / "clients.py"
    module.write_text("from ..domain import errors\nfrom .clock import Clock\n", "utf-8")
    assert set(imports_of("desktop.services.clients", module, modules)) == {
        "desktop.domain",
        "desktop.domain.errors",
        "desktop.services.clock",
    }


def test_no_import_loop_in_desktop() -> None:
    graph = import_graph()
    loops = _loops_in("desktop")
    assert not loops, "import loops in desktop/:\n" + "\n".join(_describe(graph, c) for c in loops)


def test_no_import_loop_in_ui() -> None:
    graph = import_graph()
    loops = _loops_in("ui")
    assert not loops, "import loops in ui/:\n" + "\n".join(_describe(graph, c) for c in loops)


def _in_floor(module: str) -> bool:
    return any(module == floor or module.startswith(floor + ".") for floor in SERVICE_FLOOR)


def test_services_import_the_floor_never_each_other() -> None:
    """A service module may import the floor (shared reads and appends, the unit of work, the audit
    chain…), never a peer service nor the ``Services`` facade; the floor imports no service."""
    graph = import_graph()
    services = {m for m in graph if m.startswith("desktop.services.") and not _in_floor(m)}
    assert {"desktop.services.clients", "desktop.services.consent", "desktop.services.optouts"} <= services
    wrong = sorted(
        f"{module} -> {target}"
        for module in graph
        if module in services or _in_floor(module)
        for target in graph[module]
        if target in services or target == "desktop.services"
    )
    assert not wrong, "services importing services:\n" + "\n".join(wrong)
