"""What the import's faster paths must still do: the treaty hook reads the texts of exactly the
live items it is given, dense or sparse; SQLite's sampled ANALYZE writes statistics and leaves
the connection's analysis limit as it was."""

import pytest
from django.db import connection

from camket.frameworks.models import Recommendation
from camket.importers.statistics import refresh_planner_statistics
from camket.treaties.linking import _texts
from tests.personas import make_recommendation


@pytest.fixture
def items(world):
    framework = world.framework
    made = [make_recommendation(framework, f"9.{n}", f"Text {n}") for n in range(6)]
    Recommendation.objects.filter(pk=made[2].pk).update(status=Recommendation.Status.ARCHIVED)
    return [item.pk for item in made]


def test_dense_ids_read_by_range_give_exactly_the_live_items_asked(items):
    asked = [items[0], items[1], items[2], items[4]]  # a gap (items[3]) and an archived item
    assert [row[0] for row in _texts(asked)] == [items[0], items[1], items[4]]
    assert _texts([items[4]])[0][1] == "Text 4"


def test_sparse_ids_give_exactly_the_live_items_asked(items):
    far = make_recommendation(Recommendation.objects.get(pk=items[0]).framework, "9.9", "Far")
    Recommendation.objects.filter(pk=far.pk).update(id=far.pk + 10_000)
    asked = [items[0], items[5], far.pk + 10_000]
    assert sorted(row[0] for row in _texts(asked)) == asked
    assert {row[1] for row in _texts(asked)} == {"Text 0", "Text 5", "Far"}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's analysis limit")
def test_sqlite_statistics_written_and_the_analysis_limit_restored(items):
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA analysis_limit = 77")
        refresh_planner_statistics()
        cursor.execute("PRAGMA analysis_limit")
        assert cursor.fetchone()[0] == 77
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'frameworks_recommendation'")
        assert cursor.fetchone()[0] > 0
        cursor.execute("PRAGMA analysis_limit = 0")
