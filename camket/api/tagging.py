"""Tag suggestions, tagging runs and similar recommendations, scoped like the web pages."""

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from camket.accounts import roles
from camket.accounts.permissions import require
from camket.api.pagination import BoundedPageNumberPagination
from camket.api.schemas import Id
from camket.frameworks.scoping import (
    get_recommendation_for_user,
    visible_frameworks,
    visible_recommendations,
)
from camket.tagging import similarity, suggestions
from camket.tagging.models import Suggestion
from camket.tagging.runs import request_run, visible_runs
from camket.tagging.scoping import SuggestionFilters, visible_suggestions

suggestion_router = Router(tags=["tagging"])
run_router = Router(tags=["tagging"])
similar_router = Router(tags=["tagging"])


class SuggestionOut(Schema):
    id: int
    recommendation: int = Field(..., alias="recommendation_id")
    kind: str
    category: str | None = Field(None, description="the tag's name (themes and SDGs)")
    category_code: str | None = None
    action_category: int | None
    confidence: float
    reasons: list[str] = Field(..., description="the words that drove the suggestion")
    model_version: str
    state: str
    decided_at: datetime | None

    @staticmethod
    def resolve_category(suggestion) -> str | None:
        return suggestion.category.name if suggestion.category_id else None

    @staticmethod
    def resolve_category_code(suggestion) -> str | None:
        return suggestion.category.code if suggestion.category_id else None


class SuggestionQuery(Schema):
    framework: str = ""
    kind: str = ""
    state: str = Field("pending", description="pending, accepted, rejected or all")
    min_confidence: float | None = None
    max_confidence: float | None = None
    recommendation: Id | None = None


class BulkDecisionIn(SuggestionQuery):
    decision: Literal["accept", "reject"]
    ids: list[Id] | None = Field(None, description="only these suggestions (else all matching)")


class BulkDecisionOut(Schema):
    decided: int
    skipped: int


class RunIn(Schema):
    job: Literal["suggest", "retrain"]
    framework: str = Field("", description="framework slug (suggest only; empty: all)")


class RunOut(Schema):
    id: int
    job: str
    framework: str | None = Field(None, alias="framework.slug")
    state: str
    requested_at: datetime
    finished_at: datetime | None
    summary: str


class SimilarOut(Schema):
    id: int
    reference: str
    framework: str
    text: str
    similarity: float


def _suggestions(request, query: SuggestionQuery):
    filters = SuggestionFilters.from_mapping(query.dict())
    return filters.apply(visible_suggestions(request.user)).select_related("category")


def _decidable(request, pk: int) -> Suggestion:
    return get_object_or_404(visible_suggestions(request.user).select_related("category"), pk=pk)


@suggestion_router.get("", response=list[SuggestionOut])
@paginate(BoundedPageNumberPagination)
def list_suggestions(request, query: Query[SuggestionQuery]):
    """Suggested tags with their confidence (0–1) and the words that drove them."""
    return _suggestions(request, query).order_by("recommendation_id", "kind", "-confidence")


@suggestion_router.post("/{int:pk}/accept", response=SuggestionOut)
def accept(request, pk: int):
    """409 if someone else decided it first."""
    suggestion = _decidable(request, pk)
    suggestions.accept(request.user, suggestion)
    return suggestion


@suggestion_router.post("/{int:pk}/reject", response=SuggestionOut)
def reject(request, pk: int):
    """409 if someone else decided it first."""
    suggestion = _decidable(request, pk)
    suggestions.reject(request.user, suggestion)
    return suggestion


@suggestion_router.post("/bulk", response=BulkDecisionOut)
def decide_in_bulk(request, payload: BulkDecisionIn):
    """Accept or reject every pending suggestion that matches (e.g. min_confidence=0.8)."""
    require(request.user, "tagging.decide_suggestion")
    if payload.ids is None and payload.min_confidence is None and payload.max_confidence is None:
        raise ValidationError(
            {
                "min_confidence": [
                    "Give min_confidence, max_confidence or ids: a bulk decision needs a limit."
                ]
            }
        )
    chosen = _suggestions(request, payload)
    if payload.ids is not None:
        chosen = chosen.filter(pk__in=payload.ids)
    decided, skipped = suggestions.decide_many(
        request.user, chosen, accepting=payload.decision == "accept"
    )
    return {"decided": decided, "skipped": skipped}


@run_router.post("", response=RunOut)
def start_run(request, payload: RunIn):
    """Queue a run for the background worker: suggest tags, or retrain from confirmed tags."""
    framework = (
        get_object_or_404(visible_frameworks(request.user), slug=payload.framework)
        if payload.framework
        else None
    )
    return request_run(request.user, payload.job, framework)


@run_router.get("/{int:pk}", response=RunOut)
def get_run(request, pk: int):
    if not roles.is_coordinator(request.user):
        raise PermissionDenied
    return get_object_or_404(visible_runs(request.user).select_related("framework"), pk=pk)


@similar_router.get("/{int:pk}/similar", response=list[SimilarOut])
def similar(request, pk: int, scope: Literal["all", "earlier", "same"] = "all", limit: int = 10):
    """The most similar recommendations: anywhere (more like this), made to the same state in
    earlier cycles, or near-duplicates in the same framework."""
    recommendation = get_recommendation_for_user(request.user, pk)
    candidates = visible_recommendations(request.user).select_related("framework")
    limit = max(1, min(limit, 50))
    if scope == "earlier":
        matches = similarity.earlier_cycles(recommendation, candidates, limit=limit)
    elif scope == "same":
        matches = similarity.most_similar(
            recommendation,
            candidates.filter(framework=recommendation.framework),
            limit=limit,
            minimum=similarity.NEAR_DUPLICATE,
        )
    else:
        matches = similarity.most_similar(recommendation, candidates, limit=limit)
    return [
        {
            "id": m.recommendation.pk,
            "reference": m.recommendation.reference,
            "framework": m.recommendation.framework.slug,
            "text": m.recommendation.text,
            "similarity": m.similarity,
        }
        for m in matches
    ]
