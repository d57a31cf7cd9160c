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
SCORED_ROW = np.dtype([("pk", np.int64), ("score", np.float64)])


def text_search(
    index: ItemIndex, reading: Reading, *, scored: bool = True
) -> tuple[np.ndarray, np.ndarray | None]:
    """The items the reading's words find (a mask over the index), and, when `scored`, each
    item's relevance (higher is better; 0 for an item found through its categories alone)."""
    syntax, parsed = Syntax(connection.vendor), reading.parsed
    found = index.everything()
    if not parsed:
        return found, np.zeros(len(index)) if scored else None
    full_text = _FullText(index)
    kept = list(range(len(parsed.words)))
    if parsed.concepts:
        kept = [i for i, word in enumerate(parsed.words) if word not in reading.ignored]
    relevance = None
    if scored:  # first: its rows also answer a condition asking the same expression
        every_phrase = [
            phrase
            for concept in parsed.concepts
            for phrase in concept_phrases(syntax, parsed, concept)
        ] + [word_phrase(syntax, parsed, i) for i in kept]
        relevance = full_text.relevance(_either(syntax, every_phrase))
    text_only = [
        _either(syntax, concept_phrases(syntax, parsed, concept))
        for concept in parsed.concepts
        if not concept.category_ids
    ]
    if not parsed.concepts:  # every word is required: one MATCH, as the queryset does
        text_only += [word_phrase(syntax, parsed, i) for i in range(len(parsed.words))]
    if text_only:
        found &= full_text.matching(syntax.all_of(text_only))
    for concept in parsed.concepts:
        if concept.category_ids:
            either = full_text.matching(_either(syntax, concept_phrases(syntax, parsed, concept)))
            either[index.categories.items_linked_to(concept.category_ids)] = True
            found &= either
    if parsed.concepts:
        for i in kept:
            found &= full_text.matching(word_phrase(syntax, parsed, i))
    return found, relevance


def _either(syntax: Syntax, phrases: list[str]) -> str:
    return phrases[0] if len(phrases) == 1 else syntax.any_of(phrases)


class _FullText:
    """Asks the full-text index (SQLite's FTS5 table, PostgreSQL's tsvector); an expression
    already scored is not asked again."""

    def __init__(self, index: ItemIndex):
        self.index = index
        self.found: dict[str, np.ndarray] = {}

    def matching(self, expression: str) -> np.ndarray:
        """A fresh mask of the items the expression matches."""
        if expression not in self.found:
            self.found[expression] = self.index.mask_of(_matching(expression))
        return self.found[expression].copy()

    def relevance(self, expression: str) -> np.ndarray:
        """`relevance.TextRelevance` of every item the expression matches; 0 elsewhere."""
        pks, scores = _scored(expression)
        positions, held = self.index.locate(pks)
        relevance = np.zeros(len(self.index))
        relevance[positions] = scores[held]
        found = np.zeros(len(self.index), dtype=bool)
        found[positions] = True
        self.found[expression] = found
        return relevance


def _matching(expression: str) -> list[int]:
    """The ids of the items the full-text expression matches, from the full-text index."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(FTS_MATCH.format(score=""), [expression])
            return [row[0] for row in cursor.fetchall()]
    matched = Recommendation.objects.filter(SearchVectorMatch(F("search_document"), expression))
    return [row[0] for row in rows_of(matched.order_by().values_list("pk"))]


def _scored(expression: str) -> tuple[np.ndarray, np.ndarray]:
    """The ids the expression matches and their scores."""
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
    scored = np.fromiter(rows, dtype=SCORED_ROW, count=len(rows))
    return scored["pk"], scored["score"]
