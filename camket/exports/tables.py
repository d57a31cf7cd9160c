"""Lists other than items, exported: each list has one catalogue of columns (a `Table`), whose
keys a reader chooses; every format is written by the writers the items' export uses.

A column's `value` is what a person reads (labels in the export's language); its `data`, when
given, is what the JSON table holds instead (codes, lists, numbers).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from camket.exports import writers
from camket.exports.service import CONTENT_TYPES, ExportError, ExportFile, table_bytes

ALL_FORMATS = ("xlsx", "csv", "json", "docx")
SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Column:
    key: str
    header: str | Promise  # lazy: translated when the file is written
    value: Callable[[Any], object]  # (a record of the table's kind)
    data: Callable[[Any], object] | None = None

    def json_value(self, record):
        return as_data(self.data(record) if self.data else self.value(record))


@dataclass(frozen=True)
class Table:
    name: str  # the file's stem and the JSON schema's name: camket-NAME
    title: str  # lazy
    columns: tuple[Column, ...]
    defaults: tuple[str, ...] = ()  # empty: every column
    formats: tuple[str, ...] = ALL_FORMATS

    @property
    def schema(self) -> str:
        return f"camket-{self.name}"

    def keys(self) -> list[str]:
        return [column.key for column in self.columns]

    def default_keys(self) -> tuple[str, ...]:
        return self.defaults or tuple(self.keys())

    def choose(self, keys: str | list[str] | None) -> list[Column]:
        """The columns named, in the order named; none: the defaults. Unknown keys refused."""
        if isinstance(keys, str):
            keys = [key.strip() for key in keys.split(",") if key.strip()]
        by_key = {column.key: column for column in self.columns}
        keys = list(dict.fromkeys(keys or self.default_keys()))
        unknown = [key for key in keys if key not in by_key]
        if unknown:
            raise ExportError(
                _("Unknown columns: %(columns)s. Known: %(known)s.")
                % {"columns": ", ".join(unknown), "known": ", ".join(self.keys())}
            )
        return [by_key[key] for key in keys]


def as_data(value):
    """A value as JSON holds it: dates in ISO 8601, decimals as numbers, labels as text."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [as_data(v) for v in value]
    if isinstance(value, dict):
        return {key: as_data(v) for key, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def export_table(
    table: Table,
    records: Iterable,
    fmt: str,
    *,
    columns=None,
    language: str | None = None,
    filters: dict | None = None,
) -> ExportFile:
    """`records`: already scoped and filtered, in the page's order."""
    if fmt not in table.formats:
        raise ExportError(
            _("Unknown format “%(format)s”: use one of %(formats)s.")
            % {"format": fmt, "formats": ", ".join(table.formats)}
        )
    with translation.override(language or translation.get_language()):
        chosen = table.choose(columns)
        if fmt == "json":
            content = writers.json_table(
                table.schema,
                SCHEMA_VERSION,
                str(table.title),
                [(column.key, str(column.header)) for column in chosen],
                (
                    {column.key: column.json_value(record) for column in chosen}
                    for record in records
                ),
                filters=filters or {},
            )
        else:
            content = table_bytes(
                fmt,
                str(table.title),
                [str(c.header) for c in chosen],
                ([column.value(record) for column in chosen] for record in records),
            )
    return ExportFile(content, CONTENT_TYPES[fmt], f"camket-{table.name}.{fmt}")
