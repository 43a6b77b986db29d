"""Gate: the import graph of ``framing`` follows the layers of the pipeline.

``types/exceptions/_validation`` < ``readers, text, datasets`` < ``lexicon`` <
``attribution, tone`` < ``pipeline`` < ``io, features`` < ``models, compare`` <
``report`` < ``evaluation`` < ``cli`` (../shared/DESIGN.md). A module may import
its own layer and the layers below it, never one above; ``framing.evaluation``
is imported by the command line alone; there is no import cycle. Imports under
``if TYPE_CHECKING:`` are annotations only and are not counted. Every import
counts wherever it stands, inside functions too: a lazy upward import is still
an upward dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "framing"

LAYERS: dict[str, int] = {
    "_version": 0, "types": 0, "exceptions": 0, "_validation": 0, "_deprecation": 0, "_compiled": 0,
    "readers": 1, "text": 1, "tagger": 1, "_tagger_features": 1, "_tagger_input": 1, "datasets": 1,
    "lexicon": 2,
    "attribution": 3, "tone": 3,
    "pipeline": 4,
    "io": 5, "features": 5,
    "models": 6, "compare": 6,
    "report": 7,
    "evaluation": 8,
    "cli": 9,
}
"""Rank of each top-level part of ``framing`` (a subpackage or a module)."""

DEPRECATED: dict[str, str] = {
    "analyze": "pipeline", "article": "readers", "classify": "models", "distributed": "io",
    "embeddings": "features", "examples": "readers", "highlight": "pipeline", "importers": "lexicon",
    "parquet": "io", "persuasion": "models", "plotting": "report", "speakers": "attribution",
    "stats": "compare",
}
"""Old flat module -> the part it re-exports (kept one release, with a FutureWarning)."""

def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The framing modules that ``name`` imports (outside ``if TYPE_CHECKING:``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "framing")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == "framing":
                subs = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in modules]
                found.update(subs)
                if len(subs) < len(node.names):
                    found.add(target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    found.discard(name)
    return {m for m in found if m in modules}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


GRAPH = {name: _imports(name, path, _modules()) for name, path in _modules().items()}


def test_every_part_has_a_layer() -> None:
    parts = {_part(m) for m in GRAPH} - {""}
    unknown = sorted(parts - set(LAYERS) - set(DEPRECATED))
    assert unknown == [], f"parts of framing without a layer in LAYERS: {unknown}"


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if _part(m) in LAYERS))
def test_no_upward_import(module: str) -> None:
    rank = LAYERS[_part(module)]
    upward = sorted(
        target for target in GRAPH[module]
        if _part(target) in LAYERS and LAYERS[_part(target)] > rank
    )
    assert upward == [], f"{module} (layer {rank}) imports a higher layer: {upward}"


def test_nothing_imports_a_deprecated_module() -> None:
    users = sorted(
        (m, t) for m, targets in GRAPH.items() for t in targets
        if _part(t) in DEPRECATED and _part(m) not in DEPRECATED and m != "framing"
    )
    assert users == [], f"modules importing a deprecated path: {users}"


def test_evaluation_is_imported_by_the_command_line_only() -> None:
    users = sorted(
        m for m, targets in GRAPH.items()
        if _part(m) not in ("evaluation", "cli") and any(_part(t) == "evaluation" for t in targets)
    )
    assert users == [], f"modules importing framing.evaluation: {users}"


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(GRAPH.get(node, ())):
            # a package's __init__ importing its own submodules is how packages work
            if nxt.startswith(node + "."):
                continue
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                walk(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(GRAPH):
        if node not in state:
            walk(node)
    assert cycles == [], f"import cycles: {cycles}"


def test_deprecated_modules_only_re_export_their_new_home() -> None:
    for old, new in DEPRECATED.items():
        targets = {_part(t) for t in GRAPH[f"framing.{old}"]} - {"_deprecation"}
        assert targets == {new}, f"framing.{old} imports {sorted(targets)}, expected only framing.{new}"


def test_the_gate_sees_real_imports() -> None:
    # guard against a parser that finds nothing: the analyzer does import the lexicon engine
    assert "framing.lexicon" in GRAPH["framing.pipeline.families"]
    assert "framing.pipeline.analyzer" in GRAPH["framing.pipeline.corpus"]
