"""PostgreSQL: keep the search vector in a stored generated column, indexed by GIN.

Filtering on a stored tsvector avoids recomputing to_tsvector() for every row a plan visits
(e.g. when it walks the primary key for ORDER BY id LIMIT 25). SQLite keeps its FTS5 table.
"""

from django.db import migrations

FORWARD = [
    "DROP INDEX IF EXISTS frameworks_recommendation_search_gin",
    "ALTER TABLE frameworks_recommendation ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_document)) STORED",
    "CREATE INDEX frameworks_recommendation_search_vector_gin ON frameworks_recommendation "
    "USING gin (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS frameworks_recommendation_search_vector_gin",
    "ALTER TABLE frameworks_recommendation DROP COLUMN IF EXISTS search_vector",
    "CREATE INDEX frameworks_recommendation_search_gin ON frameworks_recommendation "
    "USING gin (to_tsvector('simple'::regconfig, search_document))",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0004_history_without_search_document")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
