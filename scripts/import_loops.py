"""List the import loops between camket's top-level apps.

A loop is a pair of apps that import each other, directly (a module of one imports a module of
the other, at any depth inside the apps). Run: python scripts/import_loops.py [--detail]
"""

import sys
from itertools import combinations
from pathlib import Path

import grimp


def app_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def app_imports(graph: grimp.ImportGraph) -> dict[tuple[str, str], list[tuple[str, str]]]:
    edges: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            pair = (app_of(importer), app_of(imported))
            if pair[0] != pair[1] and pair[0] != "camket" and pair[1] != "camket":
                edges.setdefault(pair, []).append((importer, imported))
    return edges


def loops(edges: dict[tuple[str, str], list[tuple[str, str]]]) -> list[tuple[str, str]]:
    apps = sorted({app for pair in edges for app in pair})
    return [(a, b) for a, b in combinations(apps, 2) if (a, b) in edges and (b, a) in edges]


def main() -> None:
    sys.path.insert(
        0, str(Path(__file__).resolve().parent.parent)
    )  # this checkout, not the installed one
    graph = grimp.build_graph("camket", cache_dir=None)
    edges = app_imports(graph)
    found = loops(edges)
    for a, b in found:
        print(f"{a} <-> {b}")
        if "--detail" in sys.argv:
            for importer, imported in edges[(a, b)] + edges[(b, a)]:
                print(f"    {importer} -> {imported}")
    print(f"{len(found)} app-to-app import loops")


if __name__ == "__main__":
    main()
