"""Writing suggestions costs a few queries per batch, not some per suggestion."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from camket.tagging import suggestions
from tests.personas import make_recommendation

TEXTS = [
    "Ratify the Convention against Torture and prevent torture in detention.",
    "Abolish the death penalty and establish a moratorium on executions.",
    "Guarantee freedom of expression for journalists and human rights defenders.",
    "Ensure access to education for children with disabilities.",
]


def _suggest_queries(recommendations, tagger) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        outcome = suggestions.suggest(recommendations, tagger)
    writes = [q for q in captured.captured_queries if "tagging_suggestion" in q["sql"]]
    return len(writes), outcome.created + outcome.updated


def test_suggestion_writes_do_not_grow_with_the_recommendations(world, tiny_tagger):
    few = [make_recommendation(world.framework, f"90.{i}", TEXTS[i]) for i in range(2)]
    many = [make_recommendation(world.framework, f"91.{i}", TEXTS[i % 4]) for i in range(12)]
    few_queries, few_written = _suggest_queries(few, tiny_tagger)
    many_queries, many_written = _suggest_queries(many, tiny_tagger)
    assert many_written > 3 * few_written > 0
    assert many_queries == few_queries <= 6


def test_refreshing_suggestions_stays_bounded(world, tiny_tagger, django_assert_max_num_queries):
    items = [make_recommendation(world.framework, f"92.{i}", TEXTS[i % 4]) for i in range(12)]
    suggestions.suggest(items, tiny_tagger)
    with django_assert_max_num_queries(20):
        outcome = suggestions.suggest(items, tiny_tagger)
    assert outcome.updated > 12 and outcome.created == 0
