"""What other apps do with the items an import wrote, inside the import's transaction.

Apps register a function in their AppConfig.ready (the importers never import them); it is
called with the ids of the items the import created or whose text it changed."""

from collections.abc import Callable, Iterable

AfterImport = Callable[[list[int]], None]
_after_import: list[AfterImport] = []


def after_import(hook: AfterImport) -> AfterImport:
    if hook not in _after_import:
        _after_import.append(hook)
    return hook


def run_after_import(item_ids: Iterable[int]) -> None:
    ids = sorted(set(item_ids))
    if not ids:
        return
    for hook in list(_after_import):
        hook(ids)
