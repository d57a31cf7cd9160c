"""An item's Vietnamese text through the API: the same service as the item page."""

from ninja import Router, Schema

from camket.api.schemas import RecommendationDetailOut
from camket.frameworks.scoping import get_recommendation_for_user
from camket.translations import services

router = Router(tags=["translations"])


class TranslationIn(Schema):
    text_vi: str
    version: int


@router.put("/{int:pk}/translation", response=RecommendationDetailOut)
def set_translation(request, pk: int, payload: TranslationIn):
    """Enter or correct the item's Vietnamese text (its framework's coordinators, and the
    agencies it is assigned to). 409 when the item changed since `version`."""
    recommendation = get_recommendation_for_user(request.user, pk)
    services.set_vietnamese_text(
        request.user, recommendation, payload.text_vi, version=payload.version
    )
    return get_recommendation_for_user(request.user, pk)
