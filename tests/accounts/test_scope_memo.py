"""Scoping querysets kept per person object (camket/accounts/scope_memo.py): what a person sees
still follows their role and agency at each call, and the database at each query."""

import pickle

from django.db import connection
from django.test.utils import CaptureQueriesContext

from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import coordinated_frameworks, visible_recommendations
from camket.plans.scoping import visible_actions, visible_indicators


def seen(user) -> set[str]:
    return set(visible_recommendations(user).values_list("reference", flat=True))


def test_a_changed_role_or_agency_on_the_same_person_object_changes_what_they_see(world):
    officer = world.officer_a
    assert seen(officer) == {"1.1", "1.3"}

    officer.membership.agency = world.agency_b
    officer.membership.save()
    assert seen(officer) == {"1.1"}

    officer.membership.role = "coordinator"
    officer.membership.agency = world.coordinating_agency
    officer.membership.save()
    assert seen(officer) == {"1.1", "1.2", "1.3"}
    assert list(coordinated_frameworks(officer)) == [world.framework]

    world.coordinating_agency.is_coordinator = False
    assert list(coordinated_frameworks(officer)) == []
    assert seen(officer) == {"1.1"}


def test_the_kept_queryset_reads_the_database_at_each_query(world):
    officer = world.officer_b
    assert seen(officer) == {"1.1"}

    Recommendation.objects.filter(pk=world.draft.pk).update(status="published")

    assert seen(officer) == {"1.1", "1.2"}


def test_each_call_gets_its_own_copy(world):
    coordinator = world.coordinator
    narrowed = visible_recommendations(coordinator).filter(reference="1.2")
    assert [item.reference for item in narrowed] == ["1.2"]
    assert seen(coordinator) == {"1.1", "1.2", "1.3"}
    assert visible_recommendations(coordinator) is not visible_recommendations(coordinator)


def test_scoping_builds_once_per_person_and_queries_nothing_until_used(world):
    officer = world.officer_a
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            visible_indicators(officer)
            visible_actions(officer)
    assert len(queries) == 0


def test_a_pickled_person_leaves_the_kept_querysets_behind(world):
    officer = world.officer_a
    assert seen(officer)
    with CaptureQueriesContext(connection) as queries:
        copy = pickle.loads(pickle.dumps(officer))  # noqa: S301 (our own bytes)
    assert len(queries) == 0
    assert seen(copy) == {"1.1", "1.3"}
