"""Plain multi-row INSERTs for bulk writes (an import's items, their history and links).

Django's `bulk_create` builds a model instance per row and prepares every value of every row
through its field one at a time: for tens of thousands of rows that is most of an import's
write time, spent while the write lock is held. Here a column's values are passed as they are
when the database takes them so (text, numbers, ids), and prepared by the field otherwise
(dates, JSON). On SQLite many rows go in one statement, as many as its limit on parameters
allows; on PostgreSQL they are streamed with COPY (camket/lib/bulk_copy.py).
"""

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db import connection

from camket.lib.bulk_copy import VERBATIM_FIELDS, copy_rows

# Fields whose Python values the database drivers take as they are.
PLAIN_FIELDS = VERBATIM_FIELDS | {"BooleanField"}
MAX_PARAMETERS = 30_000  # under SQLite's default limit (32,766)


def insert_rows(
    model: Any,
    columns: Sequence[str],
    rows: Iterable[Sequence],
    *,
    returning: Sequence[str] = (),
    ignore_conflicts: bool = False,
) -> list[tuple]:
    """INSERT `rows` (tuples of Python values, in the order of `columns`, which are attnames)
    into `model`'s table; returns the `returning` columns of the rows written, in no promised
    order (return a key to match them by)."""
    rows = list(rows)
    if not rows:
        return []
    fields = {field.attname: field for field in model._meta.concrete_fields}
    prepared = [(i, p) for i, p in enumerate(_preparer(fields[name]) for name in columns) if p]
    if prepared:
        lists = [list(row) for row in rows]
        for values in lists:
            for index, prepare in prepared:
                values[index] = prepare(values[index])
        rows = lists
    if connection.vendor == "postgresql":
        return copy_rows(
            model, columns, rows, returning=returning, ignore_conflicts=ignore_conflicts
        )
    quote = connection.ops.quote_name
    head = (  # names from the model's meta, never from input
        f"INSERT INTO {quote(model._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(name) for name in columns)}) VALUES "
    )
    tail = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
    if returning:
        tail += " RETURNING " + ", ".join(quote(name) for name in returning)
    return _insert_sqlite(len(columns), rows, head, tail, returning=bool(returning))


def _insert_sqlite(width: int, rows: list, head: str, tail: str, returning: bool) -> list[tuple]:
    """SQLite: the statements go to the driver with its own "?" placeholders. Through Django's
    cursor, every "%s" would be rewritten by a regular expression first: 30,000 a statement,
    a tenth of an import's time. (So Django's query log and execute wrappers do not see them.)"""
    import sqlite3

    placeholder = "(" + ", ".join(["?"] * width) + ")"
    per_statement = max(1, min(_parameter_limit(), MAX_PARAMETERS) // width)
    written: list[tuple] = []
    with connection.cursor() as cursor:
        driver = cursor.cursor
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            sql = head + ", ".join([placeholder] * len(chunk)) + tail  # names: model meta
            sqlite3.Cursor.execute(driver, sql, [value for row in chunk for value in row])
            if returning:
                written += [tuple(row) for row in driver.fetchall()]
    return written


def _preparer(field: Any) -> Callable[[Any], Any] | None:
    """None for a field whose values go as they are; else a function preparing one value,
    remembering what it gave for a value seen before (an import's rows share their dates)."""
    if field.get_internal_type() in PLAIN_FIELDS:
        return None
    if field.get_internal_type() == "JSONField":  # what the field's adapter does, less its calls
        return lambda value: (
            None if value is None and field.null else json.dumps(value, cls=field.encoder)
        )
    prepared: dict = {}

    def prepare(value: Any) -> Any:
        try:
            key = (type(value), value)  # True and 1 are equal, but not the same JSON
            if key not in prepared:
                prepared[key] = field.get_db_prep_save(value, connection)
            return prepared[key]
        except TypeError:  # unhashable: a dict or list for a JSON field
            return field.get_db_prep_save(value, connection)

    return prepare


def _parameter_limit() -> int:
    if connection.vendor == "sqlite":
        import sqlite3

        connection.ensure_connection()
        return int(connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    return connection.features.max_query_params or 999


def insert_history(
    model: Any,
    records: Iterable[dict],
    *,
    history_type: str,
    user_id: int | None,
    reason: str,
    date: datetime,
) -> dict[int, int]:
    """The history rows simple-history's `bulk_history_create` writes for `records` (each the
    tracked fields' values by attname, the primary key included): history_type "+" created,
    "~" changed. Returns each record's new history id by its primary key."""
    from django.conf import settings

    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return {}
    historical = model.history.model
    tracked = [field.attname for field in historical.tracked_fields]
    columns = [
        *tracked,
        "history_date",
        "history_change_reason",
        "history_type",
        "history_user_id",
    ]
    key = model._meta.pk.attname
    written = insert_rows(
        historical,
        columns,
        (
            (*(record[name] for name in tracked), date, reason, history_type, user_id)
            for record in records
        ),
        returning=[key, "history_id"],
    )
    return dict(written)
