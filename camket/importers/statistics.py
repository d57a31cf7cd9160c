"""The planner's statistics after a large import.

On PostgreSQL `ANALYZE` runs inside the import's transaction (1.0–1.5 s at 250,000 items).
Moving it to a background task was tried and undone: until a worker ran it, the planner kept
the statistics of the tables before the import, and a scoped count of links over a freshly
imported framework then ran for more than ten minutes (seen in CI, where no worker runs).
SQLite's sampled ANALYZE is cheap: done once the import committed (inside, it would hold the
write lock longer).
"""

from django.db import connection, transaction

TABLES = [
    "frameworks_recommendation",
    "frameworks_recommendation_recommending_states",
    "frameworks_recommendation_categories",
]
SQLITE_ANALYSIS_ROWS = 1000  # rows of each index ANALYZE reads (SQLite's advice: 100 to 1000)


def statistics_after_import() -> None:
    """Called inside the import's transaction, after its writes."""
    if connection.vendor == "postgresql":
        refresh_planner_statistics()
    else:
        transaction.on_commit(refresh_planner_statistics)


def refresh_planner_statistics() -> None:
    """Let the database re-plan searches over the new rows."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE " + ", ".join(TABLES))
        elif connection.vendor == "sqlite":
            # Sampled like PostgreSQL's ANALYZE: a full scan of 250,000 items and their
            # indexes took ~0.5 s of each import. The limit is the connection's: put it back.
            cursor.execute("PRAGMA analysis_limit")
            (limit,) = cursor.fetchone()
            cursor.execute(f"PRAGMA analysis_limit = {SQLITE_ANALYSIS_ROWS}")
            try:
                for table in TABLES:
                    cursor.execute(f"ANALYZE {table}")
            finally:
                cursor.execute(f"PRAGMA analysis_limit = {int(limit)}")
