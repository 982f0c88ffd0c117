"""The package's folders follow its data flow: no module imports one from a later stage, the
imports between modules have no cycle, and the component table is in an order that runs."""

from __future__ import annotations

import ast
from pathlib import Path

from claimledger.pipeline import COMPONENTS, RECORD_KINDS
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "claimledger"
# Stages in data-flow order; a module may import its own stage's modules and earlier ones.
STAGES: tuple[tuple[str, ...], ...] = (
    ("version", "errors", "escapes", "urls", "settings", "model", "lexicon", "models"),
    ("ingest",),
    ("nlp",),
    ("extract",),
    # actors (the shipped table, and a document's sources and mentions resolved to it) are
    # linked as each document is extracted, and again across the ledger when it is stored
    ("link",),
    ("pipeline",),
    ("runner",),
    ("store",),
    ("check",),
    ("present",),
    ("evaluation",),
    ("web",),
    ("api",),
    ("cli", "__main__", "__init__"),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def stage_of(module: str) -> int:
    head = module.split(".")[0]
    for rank, names in enumerate(STAGES):
        if head in names:
            return rank
    raise AssertionError(f"module claimledger.{module} is in no stage; add its folder to STAGES")


def imports_of(path: Path, module: str) -> set[str]:
    """The claimledger modules ``path`` imports, anywhere in it (lazy imports too)."""
    out: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "claimledger"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the module's own package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(["claimledger", *[b for b in base if b], node.module or ""])
            else:
                name = node.module or ""
            if name.split(".")[0] != "claimledger":
                continue
            if name == "claimledger":  # from claimledger import api: the module api
                out |= {f"claimledger.{a.name}" for a in node.names}
            else:
                out.add(name.rstrip("."))
    return {name.removeprefix("claimledger").lstrip(".") or "__init__" for name in out}


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        edges[module] = imports_of(path, module) - {module}
    return edges


def test_no_module_imports_a_later_stage() -> None:
    wrong = [
        f"claimledger.{module} (stage {stage_of(module)}) imports claimledger.{target} "
        f"(stage {stage_of(target)})"
        for module, targets in graph().items()
        for target in sorted(targets)
        if target != "__version__" and stage_of(target) > stage_of(module)
    ]
    assert not wrong, "\n".join(wrong)


def _resolve(target: str, modules: set[str]) -> str | None:
    """The module a dotted import names: itself, or the module above a name in it."""
    while target and target not in modules:
        target = target.rpartition(".")[0]
    return target or None


def test_no_import_cycles() -> None:
    edges = graph()
    modules = set(edges)
    resolved = {
        m: {r for t in targets if (r := _resolve(t, modules)) is not None and r != m}
        for m, targets in edges.items()
    }
    # Package __init__ modules that only re-export their own submodules are not part of a
    # cycle with them: Python runs a package's __init__ before any of its submodules.
    for m, targets in resolved.items():
        resolved[m] = {t for t in targets if not (m.startswith(t + ".") or t == "__init__")}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(resolved[m]):
            if state.get(t) == 1:
                cycles.append([*path[path.index(t) :], t] if t in path else [m, t])
            elif t not in state:
                visit(t, [*path, t])
        state[m] = 2

    for m in sorted(resolved):
        if m not in state:
            visit(m, [m])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_component_needs_come_from_earlier_components() -> None:
    seen: set[str] = set()
    for component in COMPONENTS:
        missing = set(component.requires) - seen
        assert not missing, f"{component.name} needs {missing}, which no earlier row assigns"
        seen.add(component.name)
    assert len(seen) == len(COMPONENTS), "two components share a name"


def test_record_kinds_come_from_the_table() -> None:
    from claimledger import api
    from claimledger.present import records

    assert RECORD_KINDS == (
        "times", "places", "quantities", "attributions", "claims", "entities", "events",
    )  # fmt: skip
    assert (*RECORD_KINDS, "all") == api.WHAT
    linked = {"figure_groups", "contradictions", "repeats", "checks", "citations"}
    assert set(api.EXPORT_WHAT) == {*RECORD_KINDS, "documents", "actors", "claimreview", *linked}
    assert records.KINDS == RECORD_KINDS
    for component in COMPONENTS:
        if component.record is not None:
            assert component.item is not None, component.name
            assert records.KIND_OF[component.name] == component.record
            assert records.fields_of(component.record)[:3] == ("kind", "id", "doc_id")
