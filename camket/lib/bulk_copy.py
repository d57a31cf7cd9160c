"""PostgreSQL's bulk writes for `camket.lib.bulk.insert_rows`: `COPY … FROM STDIN`.

COPY streams rows to the server without a statement to parse or an array to build and take
apart again: the unnest arrays it replaced cost the client time to adapt, and the server as
much again to read back. COPY has no RETURNING nor ON CONFLICT, so:

- rows whose returned columns are all given or are the new primary key get their keys from the
  table's sequence first (one query), then go straight into the table;
- otherwise (links that may already exist, returned values the database converts) they are
  copied into a temporary table first, then moved with one `INSERT … SELECT … RETURNING`.
"""

from collections.abc import Sequence
from typing import Any

from django.db import connection

# Returned values that read back as they were given (the prepared value of a date or a JSON
# document is not what the database returns for it).
VERBATIM_FIELDS = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "CharField",
    "ForeignKey",
    "IntegerField",
    "OneToOneField",
    "PositiveBigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
}
STAGING_TABLE = "camket_bulk_staged"


def copy_rows(
    model: Any,
    columns: Sequence[str],
    rows: list,
    *,
    returning: Sequence[str],
    ignore_conflicts: bool,
) -> list[tuple]:
    """`insert_rows` on PostgreSQL: `rows` already prepared (see bulk._preparer)."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    key = model._meta.pk.attname
    with connection.wrap_database_errors, connection.cursor() as cursor:
        numbered = key in returning and key not in columns  # the new keys: taken first
        sequence = _sequence(cursor, model) if numbered and not ignore_conflicts else None
        if (
            ignore_conflicts
            or not _known_in_advance(model, columns, returning)
            or (numbered and sequence is None)  # a key the table does not number itself
        ):
            return _staged(cursor, table, columns, rows, returning, ignore_conflicts)
        if numbered:
            cursor.execute(
                "SELECT nextval(%s::regclass) FROM generate_series(1, %s)", [sequence, len(rows)]
            )
            keys = [pk for (pk,) in cursor.fetchall()]
            columns = [key, *columns]
            rows = [(pk, *row) for pk, row in zip(keys, rows, strict=True)]
        _copy(cursor, table, columns, rows)
    positions = [list(columns).index(name) for name in returning]
    return [tuple(row[i] for i in positions) for row in rows] if returning else []


def _sequence(cursor: Any, model: Any) -> str | None:
    """The sequence numbering the model's table, looked up once (in the SELECT taking the
    keys, `pg_get_serial_sequence` would run for every row)."""
    cursor.execute(
        "SELECT pg_get_serial_sequence(%s, %s)", [model._meta.db_table, model._meta.pk.column]
    )
    (sequence,) = cursor.fetchone()
    return str(sequence) if sequence else None


def _known_in_advance(model: Any, columns: Sequence[str], returning: Sequence[str]) -> bool:
    key = model._meta.pk
    fields = {field.attname: field for field in model._meta.concrete_fields}
    return all(
        name == key.attname
        or (name in columns and fields[name].get_internal_type() in VERBATIM_FIELDS)
        for name in returning
    )


def _staged(
    cursor: Any,
    table: str,
    columns: Sequence[str],
    rows: list,
    returning: Sequence[str],
    ignore_conflicts: bool,
) -> list[tuple]:
    quote = connection.ops.quote_name
    names = ", ".join(quote(name) for name in columns)
    cursor.execute(  # names from the model's meta, never from input
        f"CREATE TEMPORARY TABLE {STAGING_TABLE} ON COMMIT DROP AS "  # noqa: S608
        f"SELECT {names} FROM {table} WITH NO DATA"
    )
    _copy(cursor, STAGING_TABLE, columns, rows)
    sql = f"INSERT INTO {table} ({names}) SELECT {names} FROM {STAGING_TABLE}"  # noqa: S608
    if ignore_conflicts:
        sql += " ON CONFLICT DO NOTHING"
    if returning:
        sql += " RETURNING " + ", ".join(quote(name) for name in returning)
    cursor.execute(sql)
    written = [tuple(row) for row in cursor.fetchall()] if returning else []
    cursor.execute(f"DROP TABLE {STAGING_TABLE}")  # an error rolls its creation back instead
    return written


def _copy(cursor: Any, table: str, columns: Sequence[str], rows: list) -> None:
    quote = connection.ops.quote_name
    names = ", ".join(quote(name) for name in columns)
    with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:  # names: model meta
        write = copy.write_row
        for row in rows:
            write(row)
