"""Search words over the in-memory index: the conditions `textsearch` puts
on a queryset, each asked of the full-text index alone (SQLite's FTS5 table, PostgreSQL's
tsvector) and combined here, the categories a concept names read from the index's links.

A broad query ("quyen tre em": 42,000 items, most through a tag) cost a list page a query
reading every matching row; here the database returns the matching ids from its index and
the scores of the phrases, and the user's scope is the index's (`listing_mask.py`).
The words left out are the user's own reading's (`search.query_reading`), so the items found
are the ones `search.search` finds: tests/frameworks/test_results.py compares them.
"""

import threading
from collections import OrderedDict

import numpy as np
from django.db import connection

from camket.frameworks.item_index import ItemIndex
from camket.frameworks.relevance import SEARCH_TABLE, TSQUERY
from camket.frameworks.textsearch import Reading, Syntax, concept_phrases, word_phrase

FTS_MATCH = (
    "SELECT rowid{score} FROM frameworks_recommendation_fts "
    "WHERE frameworks_recommendation_fts MATCH %s"
)
SCORE = ", -bm25(frameworks_recommendation_fts)"
SCORED_ROW = np.dtype([("pk", np.int64), ("score", np.float64)])
NARROW_SHARE = 0.5  # see `_narrow`
MOST_IDS_BOUND = 20_000  # ids bound in one statement (SQLite allows 32,766 parameters)
# The database's answers kept per process, the oldest dropped first: a common word's take a few
# hundred KB (positions and scores of its matches), a word in every item's ~4 MB at 250,000.
KEPT_ANSWERS = 16
KEPT_BYTES = 32 * 1024 * 1024

Masks = list[np.ndarray]
Kept = tuple[list[np.ndarray], tuple[np.ndarray, np.ndarray] | None]
_kept: OrderedDict[tuple, Kept] = OrderedDict()
_kept_lock = threading.Lock()


def text_search(
    index: ItemIndex, reading: Reading, *, scored: bool = True, within: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray | None]:
    """The items the reading's words find (a mask over the index), and, when `scored`, each
    item's relevance (higher is better; 0 for an item found through its categories alone).
    With `within` (the items the other filters leave), relevance is only sure for those."""
    syntax, parsed = Syntax(connection.vendor), reading.parsed
    found = index.everything()
    if not parsed:
        return found, np.zeros(len(index)) if scored else None
    text_only = [
        _either(syntax, concept_phrases(syntax, parsed, concept))
        for concept in parsed.concepts
        if not concept.category_ids
    ]
    if not parsed.concepts:  # every word is required: one MATCH, as the queryset does
        text_only += [word_phrase(syntax, parsed, i) for i in range(len(parsed.words))]
    tagged_concepts = [concept for concept in parsed.concepts if concept.category_ids]
    kept = list(range(len(parsed.words)))
    if parsed.concepts:
        kept = [i for i, word in enumerate(parsed.words) if word not in reading.ignored]
    every_phrase = [
        phrase for concept in parsed.concepts for phrase in concept_phrases(syntax, parsed, concept)
    ] + [word_phrase(syntax, parsed, i) for i in kept]
    # Each condition below matches a part of what `every_phrase` matches.
    conditions = [syntax.all_of(text_only)] if text_only else []
    conditions += [_either(syntax, concept_phrases(syntax, parsed, c)) for c in tagged_concepts]
    if parsed.concepts:
        conditions += [word_phrase(syntax, parsed, i) for i in kept]
    relevant = _either(syntax, every_phrase)
    narrowed = scored and connection.vendor == "sqlite" and _narrow(index, within)
    matched, relevance = _matches(
        index, conditions, relevant, scored and not narrowed, phrases=every_phrase
    )
    if text_only:
        found &= matched.pop(0)
    for concept in tagged_concepts:
        either = matched.pop(0)
        either[index.categories.items_linked_to(concept.category_ids)] = True
        found &= either
    for mask in matched:  # the words kept beside the concepts
        found &= mask
    if narrowed:
        relevance = _sqlite_scores(index, relevant, found & within)
    return found, relevance


def _narrow(index: ItemIndex, within: np.ndarray | None) -> bool:
    """Whether to score only the items found within the other filters: SQLite's bm25 costs
    about a microsecond a matching row (45 ms for "women" at 250,000 items), so when the
    filters leave few items, asking the matching ids first and then the scores of the items
    left is cheaper than scoring every match."""
    return within is not None and bool(within.sum() < len(index) * NARROW_SHARE)


def _matches(
    index: ItemIndex, conditions: list[str], relevant: str, scored: bool, phrases: list[str]
) -> tuple[Masks, np.ndarray | None]:
    """The database's answer (`_postgresql_matches`), asked once per index: turning a page,
    sorting, or narrowing a search by a filter asks the same again. Kept under the index's
    token, which moves whenever an item's words may have changed (`item_index.ITEMS`).
    `relevant` is any of the `phrases`."""
    database = str(connection.settings_dict.get("NAME"))
    key = (database, index.token, tuple(conditions), relevant, scored)
    with _kept_lock:
        kept = _kept.get(key)
        if kept is not None:
            _kept.move_to_end(key)
    if kept is not None:
        return _expanded(index, kept)
    if connection.vendor == "postgresql":
        masks, relevance = _postgresql_matches(index, conditions, relevant, scored, phrases)
    else:
        masks, relevance = _sqlite_matches(index, conditions, relevant, scored)
    with _kept_lock:
        _kept[key] = _compact(masks, relevance)
        while len(_kept) > KEPT_ANSWERS or sum(map(_size, _kept.values())) > KEPT_BYTES:
            _kept.popitem(last=False)
    return masks, relevance


def forget_kept_answers() -> None:
    """Forget every answer kept (the scale benchmark times new questions with it)."""
    with _kept_lock:
        _kept.clear()


def _compact(masks: Masks, relevance: np.ndarray | None) -> Kept:
    """The positions of each mask's items and of the scored items, with their scores."""
    positions = [np.flatnonzero(mask).astype(np.int32) for mask in masks]
    if relevance is None:
        return positions, None
    scored = np.flatnonzero(relevance).astype(np.int32)
    return positions, (scored, relevance[scored])


def _size(kept: Kept) -> int:
    scored = kept[1] or ()
    return sum(array.nbytes for array in [*kept[0], *scored])


def _expanded(index: ItemIndex, kept: Kept) -> tuple[Masks, np.ndarray | None]:
    masks = []
    for positions in kept[0]:
        mask = index.nothing()
        mask[positions] = True
        masks.append(mask)
    if kept[1] is None:
        return masks, None
    relevance = np.zeros(len(index))
    relevance[kept[1][0]] = kept[1][1]
    return masks, relevance


def _either(syntax: Syntax, phrases: list[str]) -> str:
    return phrases[0] if len(phrases) == 1 else syntax.any_of(phrases)


def _postgresql_matches(
    index: ItemIndex, conditions: list[str], relevant: str, scored: bool, phrases: list[str]
) -> tuple[list[np.ndarray], np.ndarray | None]:
    """The items each full-text condition matches (masks over the index), and the relevance of
    the items `relevant` matches, every condition matching a part of those.

    One pass over the narrow table of search vectors answers all (migration 0017: a common
    word's tens of thousands of rows sit on a few thousand pages). A condition asking what
    `relevant` asks is answered by the rows themselves.

    The rows are found as `@@ a OR @@ b OR …` over `relevant`'s phrases: each is its own scan
    of the GIN index, which skips over the entries of its common words ('of', 'the') guided by
    its rare ones, where `@@ (a | b | …)` requires no entry and reads every entry's whole list
    (36 ms against 20 ms for 'quyen tre em' at 250,000 items). The answer is one row of
    columns packed by the database in the rows' order (ids as int8, flags, float4 scores),
    which numpy reads as they are: 30,000 rows decoded one by one cost ~12 ms more."""
    tested = list(dict.fromkeys(c for c in conditions if c != relevant))
    columns_sql = ["string_agg(int8send(recommendation_id), ''::bytea)"]
    columns_sql += [f"string_agg(boolsend(search_vector @@ {TSQUERY}), ''::bytea)" for _ in tested]
    if scored:
        columns_sql.append(
            f"string_agg(float4send(ts_rank(search_vector, {TSQUERY}, 1)), ''::bytea)"
        )
    alternatives = list(dict.fromkeys(phrases))
    sql = (
        f"SELECT {', '.join(columns_sql)} FROM {SEARCH_TABLE} "  # noqa: S608
        f"WHERE {' OR '.join([f'search_vector @@ {TSQUERY}'] * len(alternatives))}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*tested, *([relevant] if scored else []), *alternatives])
        packed = cursor.fetchone()
    relevance = np.zeros(len(index)) if scored else None
    found = {condition: index.nothing() for condition in [relevant, *tested]}
    if packed[0] is not None:
        positions, held = index.locate(np.frombuffer(packed[0], dtype=">i8").astype(np.int64))
        found[relevant][positions] = True
        for condition, column in zip(tested, packed[1 : 1 + len(tested)], strict=True):
            found[condition][positions] = np.frombuffer(column, dtype=np.bool_)[held]
        if relevance is not None:
            relevance[positions] = np.frombuffer(packed[-1], dtype=">f4")[held]
    return [found[condition].copy() for condition in conditions], relevance


def _sqlite_scores(index: ItemIndex, relevant: str, listed: np.ndarray) -> np.ndarray:
    """The relevance of the listed items (0 for the others), asking SQLite to score only
    those: `+rowid` keeps the full-text index as the query's plan (asking it for each id in
    turn would run the full-text query once per id), and bm25 is only computed for the rows
    the WHERE clause keeps."""
    relevance = np.zeros(len(index))
    ids = index.pks[listed].tolist()
    if not ids:
        return relevance
    sql, params = FTS_MATCH.format(score=SCORE), [relevant]
    if len(ids) <= MOST_IDS_BOUND:
        sql += f" AND +rowid IN ({', '.join(['%s'] * len(ids))})"
        params += ids
    positions, scores = _scored(index, sql, params)
    relevance[positions] = scores
    return relevance


def _scored(index: ItemIndex, sql: str, params: list) -> tuple[np.ndarray, np.ndarray]:
    """The positions of the items an FTS query returns with their scores, and the scores."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = np.fromiter(cursor.fetchall(), dtype=SCORED_ROW)
    positions, held = index.locate(rows["pk"])
    return positions, rows["score"][held]


def _sqlite_matches(
    index: ItemIndex, conditions: list[str], relevant: str, scored: bool
) -> tuple[list[np.ndarray], np.ndarray | None]:
    """`_postgresql_matches` from SQLite's FTS5 table: a query per distinct condition (each
    reads the index's entries, not the rows), the scores first when wanted, whose matches also
    answer a condition asking the same expression."""
    found: dict[str, np.ndarray] = {}
    relevance = None
    if scored:
        positions, scores = _scored(index, FTS_MATCH.format(score=SCORE), [relevant])
        relevance = np.zeros(len(index))
        relevance[positions] = scores
        found[relevant] = index.nothing()
        found[relevant][positions] = True
    for condition in conditions:
        if condition not in found:
            with connection.cursor() as cursor:
                cursor.execute(FTS_MATCH.format(score=""), [condition])
                found[condition] = index.mask_of([row[0] for row in cursor.fetchall()])
    return [found[condition].copy() for condition in conditions], relevance
