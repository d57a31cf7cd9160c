"""The planner's statistics after a large import: read on PostgreSQL by the background worker.

PostgreSQL's `ANALYZE` of 250,000 items took 1.0–1.5 s of every large import, while the person
importing waited; the import itself never reads the statistics. So on PostgreSQL it is a task,
queued in the import's transaction (it exists only if the import commits) and run by
`camket db_worker`; autovacuum analyzes the tables too once a tenth of their rows changed,
should no worker run. SQLite has no autovacuum and its sampled ANALYZE is cheap: done once the
import committed (inside, it would hold the write lock longer).
"""

from django.db import connection, transaction
from django_tasks import task

TABLES = [
    "frameworks_recommendation",
    "frameworks_recommendation_recommending_states",
    "frameworks_recommendation_categories",
]
SQLITE_ANALYSIS_ROWS = 1000  # rows of each index ANALYZE reads (SQLite's advice: 100 to 1000)


def statistics_after_import() -> None:
    """Called inside the import's transaction, after its writes."""
    if connection.vendor == "postgresql":
        refresh_statistics.enqueue()
    else:
        transaction.on_commit(refresh_planner_statistics)


@task()
def refresh_statistics() -> None:
    refresh_planner_statistics()


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
