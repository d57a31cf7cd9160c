"""RecordDiffs gives the changes simple-history's diff_against gives, reading the many-to-many
rows of all the records at once instead of twice per pair compared."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from camket.frameworks.models import Category, State, Taxonomy
from camket.lib.history_diff import RecordDiffs


def _categories(count: int) -> list[Category]:
    taxonomy = Taxonomy.objects.create(slug="themes", name="Themes")
    return [
        Category.objects.create(taxonomy=taxonomy, code=f"T{n}", name=f"Theme {n}")
        for n in range(count)
    ]


@pytest.mark.django_db
def test_the_changes_are_those_of_diff_against_with_the_many_to_many_rows_read_once(world):
    item = world.published
    first, second, third = _categories(3)
    viet_nam, france = State.objects.order_by("pk")[:2]  # any two of the stored states
    item.categories.add(first)
    item.categories.add(second, third)
    item.recommending_states.set([viet_nam])
    item.text = "Combat trafficking in persons and protect the victims."
    item.save()
    item.categories.remove(second)
    item.recommending_states.set([viet_nam, france])
    records = list(item.history.order_by("-history_date"))
    assert len(records) >= 6
    pairs = list(zip(records, records[1:], strict=False))

    with CaptureQueriesContext(connection) as reading:
        diffs = RecordDiffs(records)
    assert len(reading.captured_queries) == 2  # categories, recommending states
    with CaptureQueriesContext(connection) as comparing:
        found = [diffs.changes(newer, older) for newer, older in pairs]
    assert not comparing.captured_queries

    expected = [newer.diff_against(older).changes for newer, older in pairs]
    as_tuples = [[(c.field, c.old, c.new) for c in pair] for pair in found]
    assert as_tuples == [[(c.field, c.old, c.new) for c in pair] for pair in expected]
    changed = {change.field for pair in found for change in pair}
    assert {"categories", "recommending_states", "text"} <= changed
