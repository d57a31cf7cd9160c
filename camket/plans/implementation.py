"""A recommendation's implementation status, derived from the actions that implement it."""

from collections.abc import Iterable

from camket.frameworks.models import Implementation, Recommendation
from camket.lib.history import attribute_change


def derive(action_statuses: Iterable[str], response: str = "") -> str:
    """The rule, in order:

    - no action: "" (not planned), unless the state said it is already implemented;
    - every action implemented: implemented;
    - every action not implemented: not implemented;
    - some action implemented or partly implemented: partly implemented;
    - some action in progress: in progress;
    - otherwise: not started.
    """
    statuses = set(action_statuses)
    if not statuses:
        already = response == Recommendation.Response.ALREADY_IMPLEMENTED
        return Implementation.IMPLEMENTED if already else ""
    if statuses == {Implementation.IMPLEMENTED}:
        return Implementation.IMPLEMENTED
    if statuses == {Implementation.NOT_IMPLEMENTED}:
        return Implementation.NOT_IMPLEMENTED
    if statuses & {Implementation.IMPLEMENTED, Implementation.PARTLY_IMPLEMENTED}:
        return Implementation.PARTLY_IMPLEMENTED
    if Implementation.IN_PROGRESS in statuses:
        return Implementation.IN_PROGRESS
    return Implementation.NOT_STARTED


def refresh(recommendation_ids: Iterable[int], *, user=None) -> int:
    """Store the derived status on each recommendation (with history); returns how many changed.

    Only published actions count: what anyone may read about a recommendation must not
    reveal an action still in draft.
    """
    from camket.plans.models import Action

    ids = set(recommendation_ids)
    if not ids:
        return 0
    statuses: dict[int, list[str]] = {pk: [] for pk in ids}
    links = (
        Action.recommendations.through.objects.filter(recommendation_id__in=ids)
        .filter(action__publication=Action.Publication.PUBLISHED, action__plan__archived=False)
        .values_list("recommendation_id", "action__status")
    )
    for recommendation_id, status in links:
        statuses[recommendation_id].append(status)
    changed = 0
    for recommendation in Recommendation.objects.filter(pk__in=ids):
        value = derive(statuses[recommendation.pk], recommendation.response)
        if recommendation.implementation != value:
            recommendation.implementation = value
            attribute_change(recommendation, user)
            recommendation.save(update_fields=["implementation", "modified"])
            changed += 1
    return changed
