"""An import's states are looked up with one query, not one per name, and two names of one state
resolve to the same row (created once)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from camket.frameworks.models import State
from camket.frameworks.states import StateResolver

NAMES = ["France", "Thailand", "Philippines", "Germany", "Japan", "Brazil"]


@pytest.mark.django_db
def test_coded_states_are_read_in_one_query():
    for iso3, name in (("FRA", "France"), ("THA", "Thailand"), ("PHL", "Philippines")):
        State.objects.get_or_create(iso3=iso3, defaults={"name": name})
    resolver = StateResolver(defer=True)
    with CaptureQueriesContext(connection) as queries:
        found = [resolver.resolve(name) for name in NAMES]
    assert len(queries) == 1
    assert [s.iso3 for s in found] == ["FRA", "THA", "PHL", "DEU", "JPN", "BRA"]
    assert [s.pk is not None for s in found] == [True] * 3 + [False] * 3


@pytest.mark.django_db
def test_two_names_of_a_new_state_make_one_row():
    assert not State.objects.filter(iso3="JPN").exists()
    resolver = StateResolver()
    first, second = resolver.resolve("Japan"), resolver.resolve("JPN")
    assert first.pk == second.pk and State.objects.filter(iso3="JPN").count() == 1
