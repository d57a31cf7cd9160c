"""The `relevance` of a text search's results, higher is better, 0 for an item the query's
phrases do not match (one found only through its categories).

PostgreSQL: ts_rank on the item's search vector (kept in a table of their own, migration 0017),
normalised by the text's length. The table is joined (`LEFT JOIN … ON id AND vector @@ query`,
Django's FilteredRelation over `SearchRow`): the planner finds the matching rows with the GIN
index once and hashes them, where a lookup per result row (a correlated subquery) cost ~8 µs a
row, 0.25 s for the 30,000 items 'women' finds at 250,000.
SQLite: FTS5's BM25, negated (FTS5 gives better matches lower numbers). BM25 needs the
phrases' counts over the whole index, which FTS5 computes again for every cursor: asked row by
row in a correlated subquery it took seconds for a few thousand results. So one MATCH query
scores every matching row at once into a table of this connection's TEMP schema (private to the
connection, never written to the database file), and the annotation looks the row's score up
by its primary key."""

from django.db import connection
from django.db.models import Expression, F, FilteredRelation, FloatField, Q

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
    """SQLite (PostgreSQL joins: `JoinedRank`). Keyed by the row's own columns, so it also
    works once the queryset is filtered, made distinct or put inside a subquery.
    `store_sqlite_scores` must have run on this connection for the same expression
    (`annotate_relevance` does both)."""

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

    def as_sql(self, compiler, connection):
        return "0.0", []


class JoinedRank(Expression):
    """PostgreSQL: ts_rank of the joined search vector, 0 where the join found no row (the
    item's words miss the query: ts_rank would score any shared word, "of", "the")."""

    output_field = FloatField()

    def __init__(self, vector, expression: str):
        super().__init__()
        self.vector = vector
        self.expression = expression

    def get_source_expressions(self):
        return [self.vector]

    def set_source_expressions(self, expressions):
        (self.vector,) = expressions

    def as_sql(self, compiler, connection):
        vector_sql, params = compiler.compile(self.vector)
        return f"COALESCE(ts_rank({vector_sql}, {TSQUERY}, 1), 0.0)", [*params, self.expression]


def annotate_relevance(queryset, expression: str):
    if connection.vendor == "postgresql":
        matched = FilteredRelation(
            "search_row", condition=Q(search_row__search_vector__matches=expression)
        )
        queryset = queryset.annotate(_matched_search_row=matched)
        return queryset.annotate(
            relevance=JoinedRank(F("_matched_search_row__search_vector"), expression)
        )
    if connection.vendor == "sqlite":
        store_sqlite_scores(expression)
    return queryset.annotate(relevance=TextRelevance(expression))
