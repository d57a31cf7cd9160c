"""What other apps do with the items an import wrote, inside the import's transaction.

Apps register a function in their AppConfig.ready (the importers never import them); it is
called with the items the import created or whose text it changed (`ImportedItems`)."""

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection


@dataclass(frozen=True)
class ImportedItems:
    ids: list[int]  # sorted, without repeats
    created: frozenset[int]  # those new in this import: nothing refers to them yet


AfterImport = Callable[[ImportedItems], None]
_after_import: list[AfterImport] = []


def after_import(hook: AfterImport) -> AfterImport:
    if hook not in _after_import:
        _after_import.append(hook)
    return hook


def run_after_import(item_ids: Iterable[int], created: Iterable[int] = ()) -> None:
    ids = sorted(set(item_ids))
    if not ids:
        return
    imported = ImportedItems(ids, frozenset(created))
    for hook in list(_after_import):
        hook(imported)


@contextmanager
def checking_constraints_meanwhile() -> Iterator[None]:
    """Inside the block, PostgreSQL checks the transaction's deferred foreign keys (one lookup
    per row and key: an import's largest single piece of server work, otherwise done at the
    commit while the client waits) while the caller computes on the other core. The block
    must not use the database: the connection is busy. The checks are deferred again after it,
    as Django creates them; a failed check raises here, and the transaction rolls back."""
    if connection.vendor != "postgresql" or not connection.in_atomic_block:
        yield
        return
    raw = connection.connection
    failure: list[BaseException] = []

    def check() -> None:
        try:
            raw.execute("SET CONSTRAINTS ALL IMMEDIATE")
        except BaseException as error:  # handed to the caller's thread
            failure.append(error)

    checker = threading.Thread(target=check, name="camket-constraint-check")
    checker.start()
    try:
        yield
    finally:
        checker.join()
    with connection.wrap_database_errors:
        if failure:
            raise failure[0]
        raw.execute("SET CONSTRAINTS ALL DEFERRED")
