from django.db import migrations

# Index entries every imported item and link wrote, that no query reads (docs/import-speed.md):
# - the links' index on the item alone: the unique index (item, state) or (item, category)
#   starts with the item and serves the same lookups;
# - on PostgreSQL, the `varchar_pattern_ops` twins of `status` and `implementation`, made for
#   LIKE 'x%' filters, which camket never makes on those codes (equality uses the plain index).
# No field changes (the link tables are Django's own): the indexes are dropped by the names the
# database lists, and made again the way Django makes them when the migration is reversed.
LINK_TABLES = {"recommending_states": "state_id", "categories": "category_id"}
ITEMS = "frameworks_recommendation"
PATTERN_COLUMNS = ["status", "implementation"]


def _redundant_link_index(connection, table: str, other: str) -> list[str]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    unique_pair = any(
        about["unique"] and about["columns"] == ["recommendation_id", other]
        for about in constraints.values()
    )
    return [
        name
        for name, about in constraints.items()
        if unique_pair
        and about["index"]
        and not about["unique"]
        and not about["primary_key"]
        and about["columns"] == ["recommendation_id"]
    ]


def drop_indexes(apps, schema_editor):
    connection = schema_editor.connection
    for field, other in LINK_TABLES.items():
        for name in _redundant_link_index(connection, f"{ITEMS}_{field}", other):
            schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
                [ITEMS, "%varchar_pattern_ops%"],
            )
            for (name,) in cursor.fetchall():
                schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


def create_indexes(apps, schema_editor):
    item = apps.get_model("frameworks", "Recommendation")
    for field in LINK_TABLES:
        through = item._meta.get_field(field).remote_field.through
        key = through._meta.get_field("recommendation")
        schema_editor.execute(schema_editor._create_index_sql(through, fields=[key]))
    like = getattr(schema_editor, "_create_like_index_sql", None)
    for column in PATTERN_COLUMNS if like else []:
        schema_editor.execute(like(item, item._meta.get_field(column)))


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0019_history_links_indexed_by_history_only")]

    operations = [migrations.RunPython(drop_indexes, create_indexes)]
