"""Filters on thousands of values (an import's ids and references) as one array on PostgreSQL.

Django writes `field__in=values` as `IN (%s, %s, …)`: every value is prepared by the field one
at a time, then psycopg splits the statement at each placeholder and quotes each value into
it, on the client. For the 5,000-value chunks an import reads by, that client work cost more
than the query. `field = ANY(%s)` sends the values as one array parameter instead.
"""

from collections.abc import Collection
from typing import Any

from django.db import connection
from django.db.models import Field, ForeignObject, Lookup


class AnyOf(Lookup):
    """`field__any_of=values` (PostgreSQL only): `field = ANY(values)`. The values go as they
    are (ids, text): nothing is prepared by the field."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_db_prep_lookup(  # type: ignore[override]
        self, value: Any, connection: Any
    ) -> tuple[str, list]:
        return "%s", [list(value)]

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list]:  # type: ignore[override]
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        element = self.lhs.output_field.db_type(connection)
        return f"{lhs} = ANY({rhs}::{element}[])", [*lhs_params, *rhs_params]


Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)  # relations take no lookups from Field


def one_of(name: str, values: Collection[Any]) -> dict[str, Any]:
    """Filter keywords for "`name` is one of `values`" (plain ids or text): one array parameter
    on PostgreSQL, Django's `IN` elsewhere."""
    lookup = "any_of" if connection.vendor == "postgresql" else "in"
    return {f"{name}__{lookup}": values}
