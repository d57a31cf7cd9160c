"""Suggesting tags for recommendations, and a person accepting or rejecting them.

Suggesting never touches a recommendation: it only writes Suggestion rows. Accepting one adds
the tag to the recommendation (with history); rejecting one keeps the row, so the same tag is
not proposed again for that recommendation. Pending suggestions a newer model no longer makes
are removed; decided ones are never changed by a run.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from camket.accounts.permissions import require
from camket.frameworks.models import Category, Recommendation
from camket.frameworks.scoping import coordinated
from camket.lib.concurrency import claim_version, save_if_current
from camket.lib.generations import OPEN_WORK
from camket.lib.history import attribute_change
from camket.lib.vocabulary import SDG, UPR_INFO_ISSUES
from camket.tagging import confirmed
from camket.tagging.explain import content_words, driving_words
from camket.tagging.models import Suggestion
from camket.tagging.tagger import Tagger

BATCH = 500
Kind, State = Suggestion.Kind, Suggestion.State


class AlreadyDecided(Exception):
    """Someone decided this suggestion since the page was opened."""


@dataclass
class SuggestOutcome:
    recommendations: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0
    skipped: int = 0


@dataclass
class Wanted:
    kind: str
    confidence: float
    reasons: list[str]
    category: Category | None = None
    action_category: int | None = None

    @property
    def key(self) -> str:
        return Suggestion.key_for(
            category_id=self.category.pk if self.category else None,
            action_category=self.action_category,
        )


class _Categories:
    def __init__(self):
        self.issues = {c.name: c for c in Category.objects.filter(taxonomy__slug=UPR_INFO_ISSUES)}
        self.sdgs = {c.code: c for c in Category.objects.filter(taxonomy__slug=SDG)}


def suggest(recommendations, tagger: Tagger) -> SuggestOutcome:
    """Write or refresh the pending suggestions of these recommendations."""
    outcome = SuggestOutcome()
    categories = _Categories()
    given = list(recommendations)
    recommendations = [r for r in given if content_words(r.text)]  # nothing to go on
    outcome.skipped = len(given) - len(recommendations)
    sdg_ids, sdg_texts, sdg_goals = confirmed.sdg_examples()
    size = settings.CAMKET_SUGGESTION_BATCH
    for start in range(0, len(recommendations), size):
        batch = recommendations[start : start + size]
        texts = [r.text for r in batch]
        neighbours = tagger.sdg.neighbours(
            texts, sdg_texts, sdg_goals, text_ids=[r.pk for r in batch], known_ids=sdg_ids
        )
        wanted = [
            (recommendation, _wanted(tagger, recommendation, tags, categories))
            for recommendation, tags in zip(batch, tagger.tag(texts, neighbours), strict=True)
        ]
        _store(wanted, tagger.version, outcome)
        outcome.recommendations += len(batch)
    return outcome


def _wanted(tagger, recommendation, tags, categories) -> list[Wanted]:
    prediction = tags.prediction
    issue_indexes = [tagger.model.issue_names.index(name) for name in prediction.issues]
    issue_words, action_words = driving_words(
        tagger.model, recommendation.text, issue_indexes, prediction.action_category
    )
    wanted = []
    for name, confidence, index in zip(
        prediction.issues, prediction.issue_confidences, issue_indexes, strict=True
    ):
        if name in categories.issues:
            wanted.append(
                Wanted(Kind.THEME, confidence, issue_words[index], category=categories.issues[name])
            )
    for tag in tags.sdgs:
        for code in filter(None, [str(tag.goal), tag.target]):
            if code in categories.sdgs:
                wanted.append(
                    Wanted(
                        Kind.SDG, tag.confidence, list(tag.reasons), category=categories.sdgs[code]
                    )
                )
    if prediction.action_category and recommendation.action_category is None:
        wanted.append(
            Wanted(
                Kind.ACTION_CATEGORY,
                prediction.action_confidence,
                action_words,
                action_category=prediction.action_category,
            )
        )
    return wanted


@transaction.atomic
def _store(batch: list[tuple], version: str, outcome: SuggestOutcome) -> None:
    """Write a batch's suggestions in a few queries, whatever its size: (recommendation,
    wanted) pairs. A suggestion someone decided meanwhile is neither refreshed nor removed."""
    ids = [recommendation.pk for recommendation, _ in batch]
    tagged = defaultdict(set)
    links = Recommendation.categories.through.objects.filter(recommendation_id__in=ids)
    for recommendation_id, category_id in links.values_list("recommendation_id", "category_id"):
        tagged[recommendation_id].add(category_id)
    existing = defaultdict(dict)
    for suggestion in Suggestion.objects.filter(recommendation_id__in=ids):
        existing[suggestion.recommendation_id][suggestion.key] = suggestion
    new, refreshed, stale = [], [], []
    for recommendation, wanted in batch:
        own, keep = existing[recommendation.pk], set()
        for item in wanted:
            if item.key in keep or (
                item.category and item.category.pk in tagged[recommendation.pk]
            ):
                continue
            keep.add(item.key)
            suggestion = own.get(item.key)
            if suggestion is None:
                suggestion = Suggestion(
                    recommendation=recommendation,
                    key=item.key,
                    kind=item.kind,
                    category=item.category,
                    action_category=item.action_category,
                )
                new.append(suggestion)
            elif suggestion.state != State.PENDING:
                continue
            else:
                refreshed.append(suggestion)
            suggestion.confidence, suggestion.reasons = item.confidence, item.reasons
            suggestion.model_version = version
        stale += [s.pk for key, s in own.items() if key not in keep and s.state == State.PENDING]
    outcome.created += len(bulk_create_with_history(new, Suggestion, batch_size=BATCH))
    outcome.updated += Suggestion.objects.filter(state=State.PENDING).bulk_update(
        refreshed, ["confidence", "reasons", "model_version"], batch_size=BATCH
    )
    outcome.removed += Suggestion.objects.filter(pk__in=stale, state=State.PENDING).delete()[0]
    if new or refreshed:
        OPEN_WORK.bump()  # bulk writes send no signals; coordinators' counts include these


def _claim(user, suggestion: Suggestion, state: str) -> None:
    """Mark the suggestion decided, unless someone else decided it first."""
    now = timezone.now()
    claimed = Suggestion.objects.filter(pk=suggestion.pk, state=State.PENDING).update(
        state=state, decided_by=user, decided_at=now
    )
    if not claimed:
        raise AlreadyDecided(suggestion)
    suggestion.state, suggestion.decided_by, suggestion.decided_at = state, user, now
    attribute_change(suggestion, user)
    suggestion.save(update_fields=["state", "decided_by", "decided_at"])


@transaction.atomic
def accept(user, suggestion: Suggestion) -> None:
    require(user, "tagging.decide_suggestion", suggestion)
    recommendation = Recommendation.objects.select_for_update().get(pk=suggestion.recommendation_id)
    if recommendation.status == Recommendation.Status.ARCHIVED:
        raise ValidationError(
            _("This recommendation is archived; its suggestions cannot be accepted.")
        )
    if suggestion.kind == Kind.ACTION_CATEGORY:
        if recommendation.action_category not in (None, suggestion.action_category):
            raise ValidationError(
                _(
                    "This recommendation already has an action category; "
                    "the suggestion was not applied."
                )
            )
        recommendation.action_category = suggestion.action_category
        _claim(user, suggestion, State.ACCEPTED)
        save_if_current(recommendation, recommendation.version, ["action_category"], user=user)
        return
    _claim(user, suggestion, State.ACCEPTED)
    tags = [suggestion.category]
    if suggestion.category.parent_id:  # an SDG target brings its goal
        tags.append(suggestion.category.parent)
    claim_version(recommendation, user=user)
    recommendation.categories.add(*tags)  # recorded in the history, with the user


@transaction.atomic
def reject(user, suggestion: Suggestion) -> None:
    require(user, "tagging.decide_suggestion", suggestion)
    _claim(user, suggestion, State.REJECTED)


def beyond_threshold(suggestions, *, accepting: bool, threshold: float):
    """Accepting: those at least this confident; rejecting: those less confident."""
    if accepting:
        return suggestions.filter(confidence__gte=threshold)
    return suggestions.filter(confidence__lt=threshold)


def decide_many(user, suggestions, *, accepting: bool) -> tuple[int, int]:
    """Accept or reject each pending suggestion of a framework the user coordinates (the
    others are left alone); returns (decided, skipped because decided)."""
    require(user, "tagging.decide_suggestion")
    decided = skipped = 0
    for suggestion in suggestions.filter(
        coordinated(user, "recommendation__framework"), state=State.PENDING
    ).select_related("category", "recommendation__framework"):
        try:
            (accept if accepting else reject)(user, suggestion)
            decided += 1
        except (AlreadyDecided, ValidationError):
            skipped += 1
    return decided, skipped
