"""Scores of a search within filters that leave few items: SQLite scores only those, and
they must be the scores of scoring every match, in the same order as the database lists."""

import numpy as np
import pytest

from camket.frameworks import index_search
from camket.frameworks.index_search import text_search
from camket.frameworks.item_index import current_index
from camket.frameworks.models import Framework
from camket.frameworks.results import Results
from camket.frameworks.search import SearchParams, query_reading, search
from tests.personas import make_recommendation

pytestmark = pytest.mark.django_db

TEXTS = [
    "Protect women human rights defenders from reprisals",
    "Women and girls: end violence against women",
    "Ensure the rights of women in rural areas",
    "Abolish the death penalty",
    "Women women women: equal pay for women",
]


@pytest.fixture
def items(world):
    framework = Framework.objects.create(slug="many", name="Many", kind="strategy")
    for number, text in enumerate(TEXTS * 4):
        make_recommendation(framework, f"M.{number}", text)
    others = Framework.objects.create(slug="others", name="Others", kind="strategy")
    for number in range(30):  # so that the filter `framework=many` leaves under half
        make_recommendation(others, f"O.{number}", f"Women in public service, report {number}")
    return world


def _every_score(user, params):
    index = current_index()
    full, relevance = text_search(index, query_reading(user, params), scored=True)
    return index, full, relevance


def test_scoring_only_the_items_left_gives_the_scores_of_scoring_every_match(items):
    params = SearchParams.from_mapping({"q": "women", "state": "all"})
    index, found, every = _every_score(items.coordinator, params)
    within = np.zeros(len(index), dtype=bool)
    within[np.flatnonzero(found)[::3]] = True  # a third of the matches
    narrowed_found, narrowed = text_search(
        index, query_reading(items.coordinator, params), scored=True, within=within
    )
    assert (narrowed_found == found).all()
    left = found & within
    assert index_search._narrow(index, within)
    assert np.allclose(narrowed[left], every[left])
    assert left.sum() >= 3 and (narrowed[left] > 0).all()


def test_a_filtered_search_lists_in_the_databases_order(items):
    for data in (
        {"q": "women", "state": "all", "framework": "many"},
        {"q": "women rights", "state": "all", "framework": "many"},
        {"q": "death", "framework": "many"},
    ):
        params = SearchParams.from_mapping(data)
        results = Results(items.coordinator, params)
        index = results.index
        assert results.mask.sum() < len(index) * index_search.NARROW_SHARE
        expected = list(search(items.coordinator, params).values_list("pk", flat=True))
        assert [item.pk for item in results[0 : len(expected)]] == expected, data


def test_more_ids_than_a_statement_binds_are_scored_by_scoring_every_match(items, monkeypatch):
    monkeypatch.setattr(index_search, "MOST_IDS_BOUND", 2)
    params = SearchParams.from_mapping({"q": "women", "state": "all"})
    index, found, every = _every_score(items.coordinator, params)
    _found, narrowed = text_search(
        index, query_reading(items.coordinator, params), scored=True, within=found
    )
    assert np.allclose(narrowed[found], every[found])


@pytest.mark.parametrize("words", ["women", "women rights", "rights", "wom"])
def test_each_items_score_is_the_one_the_queryset_ranks_it_by(items, words):
    """The index's answer (on PostgreSQL one row of packed ids, flags and scores) puts each
    score on its own item: the same as the ORM's relevance annotation, item by item."""
    params = SearchParams.from_mapping({"q": words, "state": "all"})
    index, found, relevance = _every_score(items.coordinator, params)
    annotated = dict(search(items.coordinator, params).values_list("pk", "relevance"))
    assert set(index.pks[found].tolist()) == set(annotated) and annotated
    listed = zip(index.pks[found], relevance[found], strict=True)
    scores = {int(pk): float(score) for pk, score in listed}
    assert len(set(scores.values())) > 1  # scores that differ, so a shift would show
    for pk, score in annotated.items():
        assert np.isclose(np.float32(scores[pk]), np.float32(score), rtol=1e-6), (pk, words)
