"""Rows read straight from the database cursor, for queries returning tens of thousands of
plain values: Django's values_list converts every value of every row one at a time."""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet


def rows_of(queryset: QuerySet) -> list[tuple]:
    """The queryset's rows as the database driver returns them (no field converters run: use
    it for ids, numbers and text)."""
    try:
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:  # a queryset that is known to match nothing (`.none()`)
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
