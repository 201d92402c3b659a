"""The package's import graph: no circle, and each layer imports only downward (issue 13: cli → engine
→ core → parse …; readers and writers are called by the engines only)."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "captionclean"
SHIMS = {"captionclean.clean", "captionclean.pipeline", "captionclean.dask_engine"}  # old names, re-exported
IO = {"captionclean.read", "captionclean.chunks", "captionclean.write", "captionclean.iptc", "captionclean.images"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def import_graph() -> dict[str, set[str]]:
    """Each module of the package → the package's modules it imports (at the top or inside a function)."""
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
                mod = ".".join(base + ([node.module] if node.module else []))
                for alias in node.names:
                    deps.add(f"{mod}.{alias.name}" if f"{mod}.{alias.name}" in modules else mod)
            elif isinstance(node, ast.Import):
                deps.update(alias.name for alias in node.names)
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def visit(u):
        state[u] = "open"
        stack.append(u)
        for v in sorted(graph[u]):
            if state.get(v) == "open":
                found.append(stack[stack.index(v):] + [v])
            elif v not in state:
                visit(v)
        stack.pop()
        state[u] = "done"
    for u in sorted(graph):
        if u not in state:
            visit(u)
    return found


GRAPH = import_graph()


def test_the_graph_is_read():
    assert "captionclean.core" in GRAPH["captionclean.engine.local"]
    assert "captionclean.core" in GRAPH["captionclean.engine.dask"]
    assert cycles({"a": {"b"}, "b": {"a"}}) == [["a", "b", "a"]]


def test_no_import_circle():
    assert cycles(GRAPH) == []


@pytest.mark.parametrize("module, forbidden", [
    ("captionclean.core", IO | SHIMS | {"captionclean.engine.local", "captionclean.engine.dask", "captionclean.cli",
                                        "captionclean.config", "captionclean.stats", "captionclean.credits"}),
    ("captionclean.engine.local", {"captionclean.cli", "captionclean.cli.commands", "captionclean.engine.dask"} | SHIMS),
    ("captionclean.engine.dask", {"captionclean.cli", "captionclean.cli.commands", "captionclean.engine.local"}
     | SHIMS),
    *[(m, {"captionclean.core", "captionclean.engine.local", "captionclean.engine.dask", "captionclean.cli"} | SHIMS)
      for m in sorted(IO)],
])
def test_layers_import_only_downward(module, forbidden):
    assert not GRAPH[module] & forbidden


def test_only_the_package_root_imports_the_old_module_names():
    users = {m for m, deps in GRAPH.items() if deps & SHIMS}
    assert users <= {"captionclean"}
