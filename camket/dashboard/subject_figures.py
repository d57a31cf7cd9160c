"""The counted items by subject: the UPR Info themes, the drug and crime subjects and the
Sustainable Development Goals, a tag on a child category counting for its parent (a target
for its goal), as the recommendation list's filters do. One GROUP BY query serves all three.
"""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from camket.dashboard.rows import NO_ACTION, RECOMMENDATION_STATUSES, Row, row
from camket.frameworks.models import Category
from camket.lib.vocabulary import DRUGS_CRIME, SDG, UPR_INFO_ISSUES

TOP_THEMES = 10


@dataclass
class SubjectFigures:
    by_theme: list[Row]
    by_topic: list[Row]  # the drug and crime taxonomy's subjects
    by_sdg: list[Row]


def _counts(items: QuerySet) -> dict[str, dict[int, dict[str, int]]]:
    """{taxonomy slug: {top category id: {status: items}}}; an item tagged twice in the same
    category's family counts once."""
    # From the items to their tags (not from the tags to the items): the items' own columns
    # then come from the index they are found with.
    links = (
        items.filter(categories__taxonomy__slug__in=(UPR_INFO_ISSUES, DRUGS_CRIME, SDG))
        .annotate(group=Coalesce("categories__parent_id", "categories__id"))
        .order_by()
        .values_list("categories__taxonomy__slug", "group", "implementation")
        .annotate(n=Count("pk", distinct=True))
    )
    counts: dict[str, dict[int, dict[str, int]]] = {}
    for taxonomy, group, status, n in links:
        by_status = counts.setdefault(taxonomy, {}).setdefault(group, {})
        status = status or NO_ACTION
        by_status[status] = by_status.get(status, 0) + n
    return counts


def _category_rows(
    counts: dict[int, dict[str, int]], params: dict, language: str, *, theme_first: bool
) -> list[Row]:
    """A row per category; `theme_first` puts the `theme` filter first in the list URLs."""
    rows = [
        row(
            pk,
            category.label(language),
            counts[pk],
            RECOMMENDATION_STATUSES,
            "recommendation-list",
            **({"theme": pk, **params} if theme_first else {**params, "theme": pk}),
        )
        for pk, category in Category.objects.in_bulk(list(counts)).items()
    ]
    return sorted(rows, key=lambda row: (-row.total, row.label))


def _goal_number(code: str) -> int:
    return int(code) if code.isdigit() else 999


def _sdg_rows(counts: dict[int, dict[str, int]], params: dict, language: str) -> list[Row]:
    goals = Category.objects.filter(taxonomy__slug=SDG, parent__isnull=True)
    return [
        row(
            goal.code,
            goal.label(language),
            counts.get(goal.pk, {}),
            RECOMMENDATION_STATUSES,
            "recommendation-list",
            sdg=goal.code,
            **params,
        )
        for goal in sorted(goals, key=lambda goal: _goal_number(goal.code))
    ]


def subject_figures(items: QuerySet, params: dict, top_themes: int = TOP_THEMES) -> SubjectFigures:
    counts = _counts(items)
    language = get_language() or "vi"
    return SubjectFigures(
        by_theme=_category_rows(
            counts.get(UPR_INFO_ISSUES, {}), params, language, theme_first=True
        )[:top_themes],
        by_topic=_category_rows(counts.get(DRUGS_CRIME, {}), params, language, theme_first=False),
        by_sdg=_sdg_rows(counts.get(SDG, {}), params, language),
    )
