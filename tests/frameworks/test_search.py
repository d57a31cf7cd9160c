"""Search and facet counts, below the views: same results on SQLite and PostgreSQL."""

import pytest

from camket.frameworks.models import Recommendation
from camket.frameworks.results import Results
from camket.frameworks.search import SearchParams, search
from camket.frameworks.taxonomies import CategoryResolver
from camket.review.services import decide
from tests.personas import make_recommendation


def _references(user, **params) -> list[str]:
    return sorted(search(user, SearchParams(**params)).values_list("reference", flat=True))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("quyen", ["1.3"]),
        ("quyền", ["1.3"]),
        ("dam", ["1.3"]),
        ("ĐẢM BẢO", ["1.3"]),
        ("mua ban", ["1.1"]),
        ("traffick", ["1.1"]),
        ("philippines", ["1.1"]),
        ("national institution", ["1.2"]),
        ("institution national", ["1.2"]),
        ("ution", []),
        ("%", ["1.1", "1.2", "1.3"]),
        ('"quyen" OR', []),
    ],
)
def test_text_search_folds_diacritics_and_matches_word_starts(world, query, expected):
    assert _references(world.coordinator, q=query) == expected


def test_search_respects_each_persons_scope(world):
    assert _references(world.viewer) == ["1.1"]
    assert _references(world.officer_a) == ["1.1", "1.3"]
    assert _references(world.officer_b) == ["1.1"]
    assert _references(world.anonymous) == []


def test_search_index_follows_edits(world):
    recommendation = world.published
    recommendation.text = "Guarantee freedom of expression online."
    recommendation.refresh_search_document()
    recommendation.save()
    assert _references(world.coordinator, q="expression") == ["1.1"]
    assert _references(world.coordinator, q="trafficking") == []


def test_filters_combine(world):
    resolver = CategoryResolver()
    world.published.categories.add(
        resolver.resolve("sdg", "16.2"), resolver.resolve("upr-info-issues", "Trafficking")
    )
    decide(
        world.coordinator,
        world.published,
        response="supported",
        reason="",
        decided_on=None,
        version=1,
    )
    assert _references(world.coordinator, sdg="16") == ["1.1"]
    assert _references(world.coordinator, sdg="16", response="noted") == []
    assert _references(world.coordinator, response="none") == ["1.2", "1.3"]
    assert _references(world.coordinator, status="draft") == ["1.2", "1.3"]
    trafficking = resolver.resolve("upr-info-issues", "Trafficking")
    assert _references(world.coordinator, theme=str(trafficking.pk)) == ["1.1"]
    assert _references(world.coordinator, agency=str(world.agency_a.pk)) == ["1.3"]


def test_facet_counts_equal_counts_from_the_database(world):
    make_recommendation(
        world.framework, "1.4", "Combat trafficking.", states=["Philippines", "Thailand"]
    )
    counted = Results(world.coordinator, SearchParams()).facets()
    assert dict((v, n) for v, _, n in counted.statuses) == {
        status: Recommendation.objects.filter(status=status).count()
        for status in ("published", "draft")
    }
    states = {name: n for _, name, n in counted.states}
    assert (
        states["Philippines"]
        == Recommendation.objects.filter(recommending_states__name="Philippines").count()
        == 2
    )
    assert sum(n for _, _, n in counted.frameworks) == Recommendation.objects.count()
    assert dict((v, n) for v, _, n in counted.responses) == {"none": 4}


def test_facets_of_a_text_search_count_only_its_results(world):
    make_recommendation(world.framework, "1.5", "Combat trafficking.", states=["Thailand"])
    counted = Results(world.coordinator, SearchParams(q="traffick")).facets()
    assert {name: n for _, name, n in counted.states} == {"Philippines": 1, "Thailand": 1}
    assert sum(n for _, _, n in counted.statuses) == 2


def test_facets_count_items_with_and_without_an_action_category_together(world):
    """An OHCHR matrix (no action category) beside a UPR Info export (one) broke every list."""
    Recommendation.objects.filter(pk=world.published.pk).update(action_category=5)
    result = Results(world.coordinator, SearchParams()).facets()
    assert [(value, n) for value, _label, n in result.action_categories] == [(5, 1)]
    assert sum(n for _slug, _name, n in result.frameworks) == 3


@pytest.mark.django_db
def test_full_text_triggers_survive_every_migration():
    """SQLite rebuilds a table to add a column, dropping its triggers: a migration that adds a
    column to recommendations must put the full-text triggers back."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the triggers exist on SQLite only")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE 'frameworks_recommendation_fts_%'"
        )
        triggers = {name for (name,) in cursor.fetchall()}
    assert triggers == {
        f"frameworks_recommendation_fts_{kind}" for kind in ("insert", "delete", "update")
    }
