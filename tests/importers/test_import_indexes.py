"""The index entries an import no longer writes (migrations 0019, 0020): gone from the database,
and the reads that remain still served by an index."""

import pytest
from django.db import connection

LINKS = {
    "frameworks_recommendation_categories": "category_id",
    "frameworks_recommendation_recommending_states": "state_id",
}
LINK_HISTORY = {
    "frameworks_historicalrecommendation_categories": ["recommendation_id", "category_id"],
    "frameworks_historicalrecommendation_recommending_states": ["recommendation_id", "state_id"],
}


def _indexes(table: str) -> dict[str, dict]:
    with connection.cursor() as cursor:
        return {
            name: about
            for name, about in connection.introspection.get_constraints(cursor, table).items()
            if about["index"] or about["unique"]
        }


@pytest.mark.django_db
def test_the_links_keep_their_unique_pair_but_no_index_on_the_item_alone():
    for table, other in LINKS.items():
        columns = [about["columns"] for about in _indexes(table).values()]
        assert ["recommendation_id", other] in columns
        assert ["recommendation_id"] not in columns


@pytest.mark.django_db
def test_link_history_is_indexed_by_history_row_only_among_the_copied_keys():
    for table, unindexed in LINK_HISTORY.items():
        columns = [about["columns"] for about in _indexes(table).values()]
        assert ["history_id"] in columns
        assert not [c for c in columns if c in ([name] for name in unindexed)]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pattern indexes are PostgreSQL's")
def test_no_pattern_index_on_the_item_codes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'frameworks_recommendation' "
            "AND indexdef LIKE '%%varchar_pattern_ops%%'"
        )
        assert cursor.fetchall() == []
        cursor.execute(
            "SELECT 1 FROM pg_indexes WHERE tablename = 'frameworks_recommendation' "
            "AND indexdef LIKE '%%(status)'"
        )
        assert cursor.fetchall()  # equality on the status keeps its index
