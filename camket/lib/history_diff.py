"""django-simple-history's `diff_against` with the many-to-many rows of every record read at once.

`diff_against` reads both records' rows of every many-to-many field for each pair it compares:
four queries per pair for a recommendation (states and categories), each record read twice (as
the newer and as the older of two pairs). An item page with 9 records made 32 of them.
"""

from collections import defaultdict
from typing import Any

from django.db.models import Model, QuerySet
from simple_history import utils
from simple_history.models import ModelChange

# The through history table's own columns, left out of the comparison as simple-history does.
_BOOKKEEPING = ("id", "m2m_history_id", "history")


class RecordDiffs:
    """The changes between historical records of one model, with the many-to-many rows of all
    `records` read in one query per field; `changes(newer, older)` is what
    `newer.diff_against(older).changes` gives, in the same order."""

    def __init__(self, records: list) -> None:
        self.m2m_names: list[str] = []
        self.rows: dict[str, dict[int, list[dict]]] = {}
        if not records:
            return
        first = records[0]
        history_ids = [record.history_id for record in records]
        for field in first._history_m2m_fields:
            through = getattr(first, field.name).model
            compared = [
                column.name
                for column in through._meta.fields
                if column.editable and column.name not in _BOOKKEEPING
            ]
            order = utils.get_m2m_reverse_field_name(
                first.instance_type._meta.get_field(field.name)
            )
            by_record: dict[int, list[dict]] = defaultdict(list)
            found: QuerySet[Model, dict] = (
                QuerySet(through)
                .filter(history_id__in=history_ids)
                .order_by("history_id", order, "pk")
                .values("history_id", *compared)
            )
            for row in found:
                by_record[row.pop("history_id")].append(row)
            self.m2m_names.append(field.name)
            self.rows[field.name] = by_record

    def changes(self, newer: Any, older: Any) -> list[ModelChange]:
        found = list(newer.diff_against(older, excluded_fields=self.m2m_names).changes)
        for name in self.m2m_names:
            old_rows = self.rows[name].get(older.history_id, [])
            new_rows = self.rows[name].get(newer.history_id, [])
            if old_rows != new_rows:
                found.append(ModelChange(name, old_rows, new_rows))
        found.sort(key=lambda change: change.field)
        return found
