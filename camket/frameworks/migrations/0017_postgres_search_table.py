"""PostgreSQL: the search vectors move from a column of frameworks_recommendation (0005) to a
narrow table of their own, kept by triggers, with the GIN index.

A common word matches tens of thousands of items; the bitmap heap scan then visits a page per
matching row, and a recommendation row is ~1.3 KB wide (17,500 pages of 8 KB for 'women' at
250,000 items). The narrow rows (id, tsvector) sit ~20 to a page, and the table fits in memory.
The triggers keep it whatever writes the rows (ORM, multi-row INSERT, COPY, raw SQL):
inserts and deletes per statement (transition tables keep an import set-based), a changed
document per row, a TRUNCATE (test flushes) with it. The index's pending list is kept small:
every search reads the whole list, and 4 MB (the default) cost each search 4–8 ms.
SQLite keeps its FTS5 table (0003).
"""

from django.db import migrations

TABLE = "frameworks_recommendation_search"
KINDS = ("insert", "update", "delete", "truncate")
VECTOR = "to_tsvector('simple'::regconfig, {}.search_document)"

FORWARD = [
    f"CREATE TABLE {TABLE} (recommendation_id bigint PRIMARY KEY, "
    "search_vector tsvector NOT NULL)",
    # 0005's generated column holds exactly these vectors: copied, not computed again.
    f"INSERT INTO {TABLE} (recommendation_id, search_vector) "
    "SELECT id, search_vector FROM frameworks_recommendation ORDER BY id",
    f"CREATE INDEX {TABLE}_gin ON {TABLE} USING gin (search_vector) "
    "WITH (gin_pending_list_limit = 512)",
    f"ANALYZE {TABLE}",
    # A plain INSERT (no ON CONFLICT): 20,000 items in 20 statements took ~25% less.
    f"""CREATE FUNCTION {TABLE}_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO {TABLE} (recommendation_id, search_vector)
        SELECT id, {VECTOR.format("inserted")} FROM inserted;
        RETURN NULL;
    END $$""",
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON frameworks_recommendation "
    f"REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_insert()",
    # Per row, so that an UPDATE of other columns (a status, 250,000 rows) copies nothing.
    f"""CREATE FUNCTION {TABLE}_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO {TABLE} (recommendation_id, search_vector)
        VALUES (NEW.id, {VECTOR.format("NEW")})
        ON CONFLICT (recommendation_id) DO UPDATE SET search_vector = EXCLUDED.search_vector;
        RETURN NULL;
    END $$""",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF search_document "
    "ON frameworks_recommendation FOR EACH ROW "
    "WHEN (OLD.search_document IS DISTINCT FROM NEW.search_document) "
    f"EXECUTE FUNCTION {TABLE}_update()",
    f"""CREATE FUNCTION {TABLE}_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM {TABLE} USING deleted WHERE {TABLE}.recommendation_id = deleted.id;
        RETURN NULL;
    END $$""",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON frameworks_recommendation "
    f"REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_delete()",
    f"""CREATE FUNCTION {TABLE}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE {TABLE};
        RETURN NULL;
    END $$""",
    f"CREATE TRIGGER {TABLE}_truncate AFTER TRUNCATE ON frameworks_recommendation "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_truncate()",
    "DROP INDEX IF EXISTS frameworks_recommendation_search_vector_gin",
    # Instant (no rewrite): the space comes back as rows are rewritten, or with VACUUM FULL.
    "ALTER TABLE frameworks_recommendation DROP COLUMN IF EXISTS search_vector",
]
BACKWARD = [
    *(
        f"DROP TRIGGER IF EXISTS {TABLE}_{kind} ON frameworks_recommendation"
        for kind in KINDS
    ),
    *(f"DROP FUNCTION IF EXISTS {TABLE}_{kind}()" for kind in KINDS),
    f"DROP TABLE IF EXISTS {TABLE}",
    "ALTER TABLE frameworks_recommendation ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_document)) STORED",
    "CREATE INDEX frameworks_recommendation_search_vector_gin ON frameworks_recommendation "
    "USING gin (search_vector)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0016_recommendation_state_counts")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
