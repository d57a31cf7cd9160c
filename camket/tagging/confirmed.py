"""What people have tagged in the system, to learn from: themes, action categories and SDGs.

A recommendation's tags come from its source (an imported UPR Info export or OHCHR matrix) or
from suggestions a person accepted; both are human judgements. Suggestions still pending are not
tags, so nothing the classifier guessed is learned back unconfirmed.
"""

from collections import defaultdict

from camket.frameworks.models import Recommendation
from camket.lib.vocabulary import SDG, UPR_INFO_ISSUES
from camket.tagging.model import TrainingSet

DATABASE_SOURCE = "database"
MAX_SDG_EXAMPLES = 20_000


def _labels_by_recommendation(taxonomy: str, recommendations) -> dict[int, list]:
    labels = defaultdict(list)
    links = Recommendation.categories.through.objects.filter(
        category__taxonomy__slug=taxonomy,
        recommendation__in=recommendations,
    ).values_list("recommendation_id", "category__name", "category__code")
    for recommendation_id, name, code in links:
        labels[recommendation_id].append((name, code))
    return labels


def training_set_from_database() -> TrainingSet:
    """Every recommendation with at least one UPR Info issue, archived ones left out."""
    recommendations = Recommendation.objects.exclude(status=Recommendation.Status.ARCHIVED)
    issues = _labels_by_recommendation(UPR_INFO_ISSUES, recommendations)
    data = TrainingSet(texts=[], issues=[], actions=[], sessions=[], sources=[DATABASE_SOURCE])
    rows = (
        recommendations.filter(pk__in=list(issues))
        .values_list("pk", "text", "action_category", "session")
        .order_by("pk")
    )
    for pk, text, action_category, session in rows.iterator(chunk_size=5000):
        data.texts.append(text)
        data.issues.append(sorted({name for name, _ in issues[pk]}))
        data.actions.append(action_category)
        data.sessions.append(session)
    return data


def sdg_examples() -> tuple[list[int], list[str], list[tuple[int, ...]]]:
    """The ids, texts and goals of the recommendations a person tagged with SDGs, newest
    first."""
    recommendations = Recommendation.objects.exclude(status=Recommendation.Status.ARCHIVED)
    labels = _labels_by_recommendation(SDG, recommendations)
    rows = (
        recommendations.filter(pk__in=list(labels))
        .order_by("-pk")
        .values_list("pk", "text")[:MAX_SDG_EXAMPLES]
    )
    ids, texts, goals = [], [], []
    for pk, text in rows:
        goal_numbers = {
            int(code.split(".")[0]) for _, code in labels[pk] if code.split(".")[0].isdigit()
        }
        if goal_numbers:
            ids.append(pk)
            texts.append(text)
            goals.append(tuple(sorted(goal_numbers)))
    return ids, texts, goals


def combined(first: TrainingSet, second: TrainingSet) -> TrainingSet:
    return TrainingSet(
        texts=first.texts + second.texts,
        issues=first.issues + second.issues,
        actions=first.actions + second.actions,
        sessions=first.sessions + second.sessions,
        sources=first.sources + second.sources,
    )
