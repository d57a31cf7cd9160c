"""What the database already holds of the items an import plans over: their links, and for
items imported before camket remembered the source's values, those values from the history."""

from collections import defaultdict

from camket.frameworks.models import Recommendation
from camket.lib.any_of import one_of

CHUNK = 5000
IMPORT_REASON_PREFIX = "Imported from "


def current_links(recommendations) -> tuple[dict[int, set], dict[int, set]]:
    ids = [r.pk for r in recommendations]
    states, categories = defaultdict(set), defaultdict(set)
    through_states = Recommendation.recommending_states.through.objects
    through_categories = Recommendation.categories.through.objects
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for rec_id, state_id in through_states.filter(
            **one_of("recommendation_id", chunk)
        ).values_list("recommendation_id", "state_id"):
            states[rec_id].add(state_id)
        for rec_id, cat_id in through_categories.filter(
            **one_of("recommendation_id", chunk)
        ).values_list("recommendation_id", "category_id"):
            categories[rec_id].add(cat_id)
    return states, categories


def legacy_baselines(recommendations) -> dict[int, dict]:
    """For records imported before camket remembered the source's values: the fields of their
    latest import in the history (links unknown, so none are removed)."""
    ids = [r.pk for r in recommendations]
    found: dict[int, dict] = {}
    fields = [
        "text",
        "text_vi",
        "state_under_review_id",
        "session",
        "source_document",
        "response",
        "response_reason",
        "action_category",
    ]
    for start in range(0, len(ids), CHUNK):
        rows = (
            Recommendation.history.filter(
                **one_of("id", ids[start : start + CHUNK]),
                history_change_reason__startswith=IMPORT_REASON_PREFIX,
            )
            .order_by("id", "-history_date", "-history_id")
            .values("id", *fields)
        )
        for row in rows:
            found.setdefault(row.pop("id"), row)
    return found
