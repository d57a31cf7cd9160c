"""How alike recommendations are: near-duplicates in a cycle, earlier cycles, "more like this".

One TF-IDF index of every recommendation (words and word pairs of its text as received, folded
so that accents do not matter; translations are left out so that a translated and an
untranslated copy still match), built on first use and rebuilt when recommendations change.
Callers pass the candidates they may see.
"""

from __future__ import annotations

import hashlib
import threading
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.db.models import Case, Count, Max, Q, When
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from camket.frameworks.item_index import ITEMS
from camket.frameworks.models import Recommendation
from camket.lib.folding import fold

NEAR_DUPLICATE = 0.6
RELATED = 0.2
MORE_LIKE_THIS = 100
_lock = threading.Lock()
_cache: dict = {}


@dataclass
class Match:
    recommendation: Recommendation
    similarity: float


class SimilarityIndex:
    def __init__(self, ids: list[int], texts: list[str]):
        self.ids = np.array(ids)
        self.position = {pk: i for i, pk in enumerate(ids)}
        self.vectorizer = TfidfVectorizer(
            preprocessor=fold,
            stop_words="english",
            ngram_range=(1, 2),
            sublinear_tf=True,
            dtype=np.float32,
        )
        try:
            self.matrix = self.vectorizer.fit_transform(texts)
        except ValueError:  # no text has a single word to compare
            self.matrix = None

    def similarities(self, pk: int, candidate_ids) -> tuple[np.ndarray, np.ndarray]:
        rows = [self.position[c] for c in candidate_ids if c in self.position and c != pk]
        if self.matrix is None or pk not in self.position or not rows:
            return np.array([], dtype=int), np.array([])
        scores = (self.matrix[rows] @ self.matrix[self.position[pk]].T).toarray().ravel()
        return self.ids[rows], scores

    def scores_against_all(self, pk: int) -> np.ndarray:
        """`pk`'s similarity to every indexed item, in the order of `ids`; -1 for itself."""
        if self.matrix is None or pk not in self.position:
            return np.full(len(self.ids), -1.0)
        row = self.matrix[self.position[pk]].toarray().ravel()
        scores = np.asarray(self.matrix @ row, dtype=float)
        scores[self.position[pk]] = -1.0
        return scores


def current_index() -> SimilarityIndex:
    """The index for the recommendations as they are now (cached while nothing changes)."""
    # Every change of an item moves the item index's token (a read of the shared cache): while
    # it stands, the counts below (a scan of every item, twice per item page) are not asked.
    token = ITEMS.current()
    if _cache.get("items_token") == token and "index" in _cache:
        return _cache["index"]
    signature = tuple(
        Recommendation.objects.aggregate(
            n=Count("pk"), last=Max("modified"), top=Max("pk")
        ).values()
    )
    with _lock:
        if _cache.get("signature") != signature:
            rows = Recommendation.objects.order_by("pk").values_list("pk", "text")
            ids, texts = [], []
            digest = hashlib.blake2b(digest_size=16)
            for pk, text in rows.iterator(chunk_size=5000):
                ids.append(pk)
                texts.append(text)
                digest.update(f"{pk}\x1f{text}\x1e".encode())
            # Most changes (a response, a status, a report accepted) leave every text as it
            # was: the index is then kept, since fitting it again takes seconds per process.
            if _cache.get("texts") != digest.digest():
                _cache.update(texts=digest.digest(), index=SimilarityIndex(ids, texts))
            _cache["signature"] = signature
        _cache["items_token"] = token
        return _cache["index"]


# The items alike enough looked up among the candidates at once, most alike first.
_FIRST_LOOKUP = 500


def most_similar(
    recommendation, candidates, *, limit: int = 10, minimum: float = RELATED
) -> list[Match]:
    """The `limit` candidates most like the recommendation, at least `minimum` alike.

    Scored against every indexed item (one sparse product), then the most alike are looked up
    among the candidates: fetching every candidate's id first (every visible item of a
    20,000-item framework) cost more than the scoring. When many items are alike but few of
    them are candidates, the candidates' ids are read once for the rest."""
    index = current_index()
    scores = index.scores_against_all(recommendation.pk)
    alike = np.flatnonzero(scores >= minimum)
    ranked = [int(index.ids[i]) for i in alike[np.argsort(-scores[alike], kind="stable")]]
    score_of = {int(index.ids[i]): round(float(scores[i]), 3) for i in alike}
    wanted = ranked[:_FIRST_LOOKUP]
    found = candidates.in_bulk(wanted) if wanted else {}
    if len(found) < limit and len(ranked) > _FIRST_LOOKUP:
        candidate_ids = set(candidates.values_list("pk", flat=True))
        rest = [pk for pk in ranked[_FIRST_LOOKUP:] if pk in candidate_ids][: limit - len(found)]
        found.update(candidates.in_bulk(rest) if rest else {})
        wanted = ranked
    return [Match(found[pk], score_of[pk]) for pk in wanted if pk in found][:limit]


def more_like_this(queryset, pk: int, *, limit: int = MORE_LIKE_THIS):
    """The queryset narrowed to the recommendations most like `pk`, most similar first."""
    ids, scores = current_index().similarities(pk, queryset.values_list("pk", flat=True))
    order = [int(ids[i]) for i in np.argsort(-scores)[:limit] if scores[i] >= RELATED / 2]
    if not order:
        return queryset.none()
    return queryset.filter(pk__in=order).order_by(
        Case(*[When(pk=found, then=position) for position, found in enumerate(order)])
    )


def earlier_cycles(recommendation, candidates, *, limit: int = 5) -> list[Match]:
    """The closest recommendations made to the same state in earlier cycles or sessions."""
    framework = recommendation.framework
    earlier = Q(pk__in=[])
    if framework.cycle:
        earlier |= Q(framework__cycle__lt=framework.cycle)
    if recommendation.session:
        earlier |= Q(session__lt=recommendation.session)
    state = recommendation.state_under_review_id or framework.state_under_review_id
    if state is None:
        return []
    same_state = Q(state_under_review_id=state) | Q(
        state_under_review__isnull=True, framework__state_under_review_id=state
    )
    candidates = candidates.filter(same_state & earlier).exclude(framework=framework)
    return most_similar(recommendation, candidates, limit=limit)


def near_duplicate_groups(recommendations, *, threshold: float = NEAR_DUPLICATE):
    """Groups of two or more recommendations to the same state that say nearly the same thing,
    largest first.

    Average linkage: every group's members are, on average, at least `threshold` alike, so a
    chain of slightly different texts does not merge into one huge group.
    """
    index = current_index()
    if index.matrix is None:
        return []
    by_state = defaultdict(list)
    for recommendation in recommendations:
        if recommendation.pk in index.position:
            state = (
                recommendation.state_under_review_id
                or recommendation.framework.state_under_review_id
            )
            by_state[state].append(recommendation)
    groups = []
    for members in by_state.values():
        if len(members) > 1:
            groups += _groups_of(index, members, threshold)
    return sorted(groups, key=lambda g: (-len(g), g[0].pk))


def _groups_of(index, members, threshold) -> list[list]:
    rows = [index.position[r.pk] for r in members]
    distance = 1 - (index.matrix[rows] @ index.matrix[rows].T).toarray()
    np.clip(distance, 0, 1, out=distance)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1 - threshold
    ).fit_predict(distance)
    found = defaultdict(list)
    for recommendation, label in zip(members, labels, strict=True):
        found[label].append(recommendation)
    return [sorted(group, key=lambda r: r.pk) for group in found.values() if len(group) > 1]
