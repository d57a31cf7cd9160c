"""A full-text index over Recommendation.search_document (already folded by camket).

SQLite: an external-content FTS5 table kept in step by triggers.
PostgreSQL: a GIN index on to_tsvector('simple', search_document).
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE frameworks_recommendation_fts USING fts5("
    "search_document, content='frameworks_recommendation', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    "CREATE TRIGGER frameworks_recommendation_fts_insert AFTER INSERT ON "
    "frameworks_recommendation BEGIN INSERT INTO frameworks_recommendation_fts"
    "(rowid, search_document) VALUES (new.id, new.search_document); END",
    "CREATE TRIGGER frameworks_recommendation_fts_delete AFTER DELETE ON "
    "frameworks_recommendation BEGIN INSERT INTO frameworks_recommendation_fts"
    "(frameworks_recommendation_fts, rowid, search_document) "
    "VALUES ('delete', old.id, old.search_document); END",
    "CREATE TRIGGER frameworks_recommendation_fts_update AFTER UPDATE OF search_document ON "
    "frameworks_recommendation BEGIN INSERT INTO frameworks_recommendation_fts"
    "(frameworks_recommendation_fts, rowid, search_document) "
    "VALUES ('delete', old.id, old.search_document); INSERT INTO "
    "frameworks_recommendation_fts(rowid, search_document) "
    "VALUES (new.id, new.search_document); END",
    "INSERT INTO frameworks_recommendation_fts(frameworks_recommendation_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS frameworks_recommendation_fts_insert",
    "DROP TRIGGER IF EXISTS frameworks_recommendation_fts_delete",
    "DROP TRIGGER IF EXISTS frameworks_recommendation_fts_update",
    "DROP TABLE IF EXISTS frameworks_recommendation_fts",
]
POSTGRES_CREATE = [
    "CREATE INDEX frameworks_recommendation_search_gin ON frameworks_recommendation "
    "USING gin (to_tsvector('simple'::regconfig, search_document))",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS frameworks_recommendation_search_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0002_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
