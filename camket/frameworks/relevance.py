"""The `relevance` of a text search's results, higher is better, 0 for an item the query's
phrases do not match (one found only through its categories).

PostgreSQL: ts_rank on the item's search vector (kept in a table of their own, migration 0017),
normalised by the text's length.
SQLite: FTS5's BM25, negated (FTS5 gives better matches lower numbers). BM25 needs the
phrases' counts over the whole index, which FTS5 computes again for every cursor: asked row by
row in a correlated subquery it took seconds for a few thousand results. So one MATCH query
scores every matching row at once into a table of this connection's TEMP schema (private to the
connection, never written to the database file), and the annotation looks the row's score up
by its primary key."""

from django.db import connection
from django.db.models import Expression, F, FloatField

SEARCH_TABLE = "frameworks_recommendation_search"  # PostgreSQL: (recommendation_id, search_vector)
TSQUERY = "to_tsquery('simple'::regconfig, %s)"
SCORES = "temp.camket_search_scores"
# Scores of earlier queries are kept (a request may build two searches before running them)
# until the table holds this many rows.
MAX_KEPT_ROWS = 200_000


CREATE_SCORES = (
    f"CREATE TABLE IF NOT EXISTS {SCORES} (expression TEXT NOT NULL, "
    "id INTEGER NOT NULL, score REAL NOT NULL, "
    "PRIMARY KEY (expression, id)) WITHOUT ROWID"
)


def create_scores_table(sender, connection, **kwargs) -> None:
    """On every new SQLite connection (signal connection_created): a search run on another
    connection than the one that scored it then ranks every item 0 instead of failing."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(CREATE_SCORES)


def store_sqlite_scores(expression: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(CREATE_SCORES)
        cursor.execute(f"SELECT count(*) FROM {SCORES}")  # noqa: S608
        if cursor.fetchone()[0] > MAX_KEPT_ROWS:
            cursor.execute(f"DELETE FROM {SCORES}")  # noqa: S608
        else:
            cursor.execute(
                f"DELETE FROM {SCORES} WHERE expression = %s",  # noqa: S608
                [expression],
            )
        cursor.execute(
            f"INSERT INTO {SCORES} (expression, id, score) "  # noqa: S608
            "SELECT %s, rowid, -bm25(frameworks_recommendation_fts) "
            "FROM frameworks_recommendation_fts WHERE frameworks_recommendation_fts MATCH %s",
            [expression, expression],
        )


class TextRelevance(Expression):
    """Keyed by the row's own columns, so it also works once the queryset is filtered, made
    distinct or put inside a subquery. On SQLite, `store_sqlite_scores` must have run on this
    connection for the same expression (`annotate_relevance` does both)."""

    output_field = FloatField()

    def __init__(self, expression: str):
        super().__init__()
        self.key = F("pk")
        self.expression = expression

    def get_source_expressions(self):
        return [self.key]

    def set_source_expressions(self, expressions):
        (self.key,) = expressions

    def as_sqlite(self, compiler, connection):
        key_sql, params = compiler.compile(self.key)
        # Only the compiler's own column reference is put into the SQL; the query is a param.
        sql = (
            f"COALESCE((SELECT score FROM {SCORES} WHERE expression = %s "  # noqa: S608
            "AND id = " + key_sql + "), 0.0)"
        )
        return sql, [self.expression, *params]

    def as_postgresql(self, compiler, connection):
        key_sql, params = compiler.compile(self.key)
        # ts_rank scores any shared word ("of", "the"), so an item the phrases miss gets 0.
        sql = (
            f"COALESCE((SELECT ts_rank(search_vector, {TSQUERY}, 1) "  # noqa: S608
            f"FROM {SEARCH_TABLE} WHERE recommendation_id = {key_sql} "
            f"AND search_vector @@ {TSQUERY}), 0.0)"
        )
        return sql, [self.expression, *params, self.expression]

    def as_sql(self, compiler, connection):
        return "0.0", []


def annotate_relevance(queryset, expression: str):
    if connection.vendor == "sqlite":
        store_sqlite_scores(expression)
    return queryset.annotate(relevance=TextRelevance(expression))
