"""The dashboard's counts over the in-memory index of the items (`dashboard/indexed.py`) and
its overdue counts in two steps equal the SQL they replace, for every persona, filter and
state. The SQL here is the dashboard's before the index: the reference."""

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Coalesce

from camket.dashboard import indexed
from camket.dashboard.counted import counted_items, overdue_by_agency_counts, overdue_due_dates
from camket.dashboard.filters import item_state_condition
from camket.dashboard.rows import NO_ACTION
from camket.frameworks.home_state import ALL_STATES, home_state_code
from camket.frameworks.models import Category, Framework, Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.lib.vocabulary import DRUGS_CRIME, SDG, UPR_INFO_ISSUES
from camket.plans.matching import Concerning


def _people(world):
    return [None, world.coordinator, world.officer_a, world.officer_b, world.viewer]


def _filters(world):
    goal = Category.objects.get(taxonomy__slug=SDG, code="16")
    return [
        Concerning(),
        Concerning(framework="upr-vn-4"),
        Concerning(kind="upr_cycle"),
        Concerning(category=world.themes[0].pk),
        Concerning(category=goal.pk),
    ]


def _states():
    return [ALL_STATES, home_state_code()]


def _visible(user):
    return Recommendation.objects.all() if user is None else visible_recommendations(user)


def _by_framework_sql(items) -> dict:
    counts: dict = {}
    rows = items.order_by().values_list("framework_id", "implementation").annotate(n=Count("pk"))
    for framework, status, n in rows:
        by_status = counts.setdefault(framework, {})
        by_status[status or NO_ACTION] = by_status.get(status or NO_ACTION, 0) + n
    return counts


def _by_subject_sql(items) -> dict:
    links = (
        items.filter(categories__taxonomy__slug__in=(UPR_INFO_ISSUES, DRUGS_CRIME, SDG))
        .annotate(group=Coalesce("categories__parent_id", "categories__id"))
        .order_by()
        .values_list("categories__taxonomy__slug", "group", "implementation")
        .annotate(n=Count("pk", distinct=True))
    )
    counts: dict = {}
    for taxonomy, group, status, n in links:
        by_status = counts.setdefault(taxonomy, {}).setdefault(group, {})
        by_status[status or NO_ACTION] = by_status.get(status or NO_ACTION, 0) + n
    return counts


def test_item_counts_equal_the_queries(dashboard_world):
    world = dashboard_world
    index = indexed.current_index()
    checked = 0
    for user in _people(world):
        for concerning in _filters(world):
            for state in _states():
                items = counted_items(user, concerning).filter(item_state_condition(state))
                mask = indexed.counted_mask(index, user, concerning, state)
                where = (user, concerning, state)
                assert indexed.status_by_framework(index, mask) == _by_framework_sql(items), where
                assert indexed.status_by_subject(index, mask) == _by_subject_sql(items), where
                checked += bool(items.exists())
    assert checked > 20  # most combinations count something


def test_cycle_rows_equal_the_query(dashboard_world):
    for user in _people(dashboard_world):
        for state in _states():
            items = (
                _visible(user)
                .filter(framework__kind=Framework.Kind.UPR_CYCLE)
                .exclude(status=Recommendation.Status.ARCHIVED)
                .exclude(Exists(Recommendation.objects.filter(parent=OuterRef("pk"))))
                .filter(item_state_condition(state))
            )
            expected = (
                items.order_by()
                .values_list(
                    "framework__cycle", "session", "response", "implementation", "framework__slug"
                )
                .annotate(n=Count("pk"))
            )
            found = indexed.cycle_rows(indexed.current_index(), user, state)
            assert sorted(found, key=repr) == sorted(expected, key=repr), (user, state)
            assert found or user is None or state != ALL_STATES


def test_choices_equal_the_queries(dashboard_world):
    index = indexed.current_index()
    for user in _people(dashboard_world):
        tagged = _visible(user).filter(categories=OuterRef("pk"))
        used = Category.objects.filter(Exists(tagged)).values_list("pk", "parent_id")
        categories = {pk for pair in used for pk in pair if pk is not None}
        assert indexed.tagged_categories(index, user) == categories, user
        assert categories

        counted = counted_items(user).filter(framework=OuterRef("pk"))
        frameworks = set(Framework.objects.filter(Exists(counted)).values_list("pk", flat=True))
        assert set(indexed.counted_frameworks(index, user)) == frameworks, user

        reviewed = set(_visible(user).values_list("state_under_review", flat=True))
        framed = set(_visible(user).values_list("framework__state_under_review", flat=True))
        assert indexed.reviewed_states(index, user) == (reviewed | framed) - {None}, user


def test_overdue_counts_equal_the_query(dashboard_world):
    world = dashboard_world
    checked = 0
    for user in _people(world):
        for concerning in _filters(world):
            for state in _states():
                due_dates = overdue_due_dates(user, concerning, world.today, state=state)
                expected = dict(
                    due_dates.order_by()
                    .values_list("indicator__agency_id")
                    .annotate(n=Count("pk", distinct=True))
                )
                found = overdue_by_agency_counts(user, concerning, world.today, state=state)
                assert found == expected, (user, concerning, state)
                checked += bool(expected)
    assert checked > 5
