"""Search words over the in-memory index: the conditions `textsearch` puts
on a queryset, each asked of the full-text index alone (SQLite's FTS5 table, PostgreSQL's
tsvector) and combined here, the categories a concept names read from the index's links.

A broad query ("quyen tre em": 42,000 items, most through a tag) cost a list page a query
reading every matching row; here the database returns the matching ids from its index and
the scores of the phrases, and the user's scope is the index's (`listing_mask.py`).
The words left out are the user's own reading's (`search.query_reading`), so the items found
are the ones `search.search` finds: tests/frameworks/test_results.py compares them.
"""

import numpy as np
from django.db import connection
from django.db.models import F

from camket.frameworks.item_index import ItemIndex
from camket.frameworks.models import Recommendation
from camket.frameworks.relevance import TextRelevance
from camket.frameworks.textsearch import (
    Reading,
    SearchVectorMatch,
    Syntax,
    concept_phrases,
    word_phrase,
)
from camket.lib.raw_rows import rows_of

FTS_MATCH = (
    "SELECT rowid{score} FROM frameworks_recommendation_fts "
    "WHERE frameworks_recommendation_fts MATCH %s"
)


def text_search(index: ItemIndex, reading: Reading) -> tuple[np.ndarray, np.ndarray]:
    """The items the reading's words find (a mask over the index), and each item's relevance
    (higher is better; 0 for an item found through its categories alone)."""
    syntax, parsed = Syntax(connection.vendor), reading.parsed
    found = index.everything()
    if not parsed:
        return found, np.zeros(len(index))
    text_only = [
        syntax.any_of(concept_phrases(syntax, parsed, concept))
        for concept in parsed.concepts
        if not concept.category_ids
    ]
    if not parsed.concepts:  # every word is required: one MATCH, as the queryset does
        text_only += [word_phrase(syntax, parsed, i) for i in range(len(parsed.words))]
    if text_only:
        found &= index.mask_of(_matching(syntax.all_of(text_only)))
    for concept in parsed.concepts:
        if concept.category_ids:
            phrases = syntax.any_of(concept_phrases(syntax, parsed, concept))
            tagged = index.categories.items_linked_to(concept.category_ids)
            either = index.mask_of(_matching(phrases))
            either[tagged] = True
            found &= either
    kept = list(range(len(parsed.words)))
    if parsed.concepts:
        kept = [i for i, word in enumerate(parsed.words) if word not in reading.ignored]
        for i in kept:
            found &= index.mask_of(_matching(word_phrase(syntax, parsed, i)))
    every_phrase = [
        phrase for concept in parsed.concepts for phrase in concept_phrases(syntax, parsed, concept)
    ] + [word_phrase(syntax, parsed, i) for i in kept]
    return found, _relevance(index, syntax.any_of(every_phrase))


def _matching(expression: str) -> list[int]:
    """The ids of the items the full-text expression matches, from the full-text index."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(FTS_MATCH.format(score=""), [expression])
            return [row[0] for row in cursor.fetchall()]
    matched = Recommendation.objects.filter(SearchVectorMatch(F("search_document"), expression))
    return [row[0] for row in rows_of(matched.order_by().values_list("pk"))]


def _relevance(index: ItemIndex, expression: str) -> np.ndarray:
    """`relevance.TextRelevance` of every item the expression matches; 0 elsewhere."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                FTS_MATCH.format(score=", -bm25(frameworks_recommendation_fts)"), [expression]
            )
            rows = cursor.fetchall()
    else:
        matched = Recommendation.objects.filter(
            SearchVectorMatch(F("search_document"), expression)
        ).annotate(relevance=TextRelevance(expression))
        rows = rows_of(matched.order_by().values_list("pk", "relevance"))
    relevance = np.zeros(len(index))
    if rows:
        pks = np.fromiter((pk for pk, _score in rows), dtype=np.int64, count=len(rows))
        scores = np.fromiter((score for _pk, score in rows), dtype=np.float64, count=len(rows))
        positions, held = index.locate(pks)
        relevance[positions] = scores[held]
    return relevance
