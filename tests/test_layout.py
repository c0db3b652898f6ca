"""The layout rules of issue 10, checked by reading the source (ast only: nothing of mockint is imported).

- No import cycle among mockint's modules. Every import counts, at module level or inside a
  function or an `if TYPE_CHECKING:` block, because a cycle hidden in a function is still two
  modules that need each other. `from P import name` is an edge to P.name when that is a module
  (a submodule is imported, not the package's attributes), otherwise to P; a package's
  `__init__` is the module P.
- No module over 400 lines (the issue's limit; the project aims at about 300).
- The packages that decide things import no UI library: analysis (feedback), question writing
  (questions), interview prep (prep), the speech engines (speech), the session engine and its
  channels, the store, the models, the LLM and the shared vocabularies. UI libraries (rich, click,
  starlette, jinja2, uvicorn, websockets) belong to the front ends: mockint/cli (the terminal),
  mockint/web (the browser) and mockint/review (turning facts into terminal tables, Markdown and
  HTML: rendering is its job).
- Every `mockint/...`, `scripts/...` or `tests/...` path that README.md writes in backticks exists,
  and its tree of mockint/ has one line per module and none for a module that is gone.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mockint"
MAX_LINES = 400
UI_LIBRARIES = {"rich", "click", "starlette", "jinja2", "uvicorn", "websockets"}
UI_PACKAGES = {"mockint.cli", "mockint.web", "mockint.review"}


def module_files() -> dict[str, Path]:
    """Every mockint module by dotted name (a package by its own name, for its __init__.py)."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


MODULES = module_files()


def imported_names(module: str, path: Path) -> Iterator[str]:
    """The dotted name of everything the module imports, anywhere in it, relative imports resolved."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                here = module.split(".") if is_package else module.split(".")[:-1]
                base = here[: len(here) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                yield submodule if submodule in MODULES else target


def import_graph() -> dict[str, set[str]]:
    """mockint module -> the mockint modules it imports."""
    return {module: {name for name in imported_names(module, path) if name in MODULES and name != module}
            for module, path in MODULES.items()}


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components (iterative, so a deep graph cannot overflow the stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
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
                    components.append(sorted(component))
    return components


def one_cycle(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """A shortest import path from the component's first module back to itself, for the message."""
    start, members = component[0], set(component)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for successor in sorted(graph[node] & members):
                if successor == start:
                    return paths[node] + [start]
                if successor not in paths:
                    paths[successor] = paths[node] + [successor]
                    following.append(successor)
        frontier = following
    return component


def test_cycle_finder_finds_a_planted_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    components = [c for c in strongly_connected(graph) if len(c) > 1]
    assert components == [["a", "b", "c"]]
    assert one_cycle(graph, components[0]) == ["a", "b", "c", "a"]


def test_the_graph_sees_function_level_and_relative_imports():
    # cli/meter.py imports rich.live inside a function.
    assert "rich.live" in set(imported_names("mockint.cli.meter", MODULES["mockint.cli.meter"]))
    assert "mockint.cli.practice" in import_graph()["mockint.cli"]


def test_no_import_cycle_among_mockint_modules():
    graph = import_graph()
    cycles = [one_cycle(graph, c) for c in strongly_connected(graph) if len(c) > 1]
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in cycles)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_over_400_lines(module):
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{MODULES[module].relative_to(ROOT)} has {lines} lines: split it along its jobs"


def in_ui_package(module: str) -> bool:
    return any(module == package or module.startswith(package + ".") for package in UI_PACKAGES)


def test_only_the_front_ends_import_a_ui_library():
    offenders = []
    for module, path in MODULES.items():
        if in_ui_package(module):
            continue
        used = sorted({name.split(".")[0] for name in imported_names(module, path)} & UI_LIBRARIES)
        if used:
            offenders.append(f"{path.relative_to(ROOT)} imports {', '.join(used)}")
    assert not offenders, "UI libraries outside cli/, web/ and review/:\n" + "\n".join(offenders)


README_PATH = re.compile(r"`((?:mockint|scripts|tests)/[^`\s]*)")


def readme_paths() -> list[str]:
    """Every mockint/, scripts/ or tests/ path in backticks in README.md (the text up to a space)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    # A placeholder such as `mockint/cli/<command>.py` names a pattern, not a path.
    return sorted({match.rstrip(".,:;)") for match in README_PATH.findall(text) if "<" not in match})


def test_readme_names_paths():
    assert "mockint/interview.py" in readme_paths()


@pytest.mark.parametrize("path", readme_paths())
def test_every_path_in_the_readme_exists(path):
    assert (ROOT / path).exists(), f"README.md names {path}, which does not exist"


def readme_tree() -> dict[str, int]:
    """The module tree in README.md ("The code, one line per module"): each path, with its line number."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("mockint/")
    entries, folders = {}, ["mockint"]
    for number, line in enumerate(lines[start + 1:], start + 2):
        if line.startswith("```"):
            break
        depth = (len(line) - len(line.lstrip(" "))) // 2
        name = line.split()[0]
        del folders[depth:]
        entries["/".join([*folders, name.rstrip("/")])] = number
        if name.endswith("/"):
            folders.append(name.rstrip("/"))
    return entries


def test_the_readme_tree_has_one_line_per_module_and_nothing_else():
    tree = readme_tree()
    modules = {str(path.relative_to(ROOT)) for path in MODULES.values() if path.name != "__init__.py"}
    missing = sorted(modules - set(tree))
    extra = sorted(path for path in tree if not (ROOT / path).exists())
    assert not missing, "modules without a line in the README tree: " + ", ".join(missing)
    assert not extra, "README tree lines for paths that do not exist: " + ", ".join(extra)
