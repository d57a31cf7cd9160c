"""The counted items by subject: the UPR Info themes, the drug and crime subjects and the
Sustainable Development Goals, a tag on a child category counting for its parent (a target
for its goal), as the recommendation list's filters do. One GROUP BY query serves all three.
"""

from dataclasses import dataclass

from django.utils.translation import get_language

from camket.dashboard.rows import RECOMMENDATION_STATUSES, Row, row
from camket.frameworks.models import Category
from camket.lib.vocabulary import DRUGS_CRIME, SDG, UPR_INFO_ISSUES

TOP_THEMES = 10


@dataclass
class SubjectFigures:
    by_theme: list[Row]
    by_topic: list[Row]  # the drug and crime taxonomy's subjects
    by_sdg: list[Row]


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


def subject_figures(
    counts: dict[str, dict[int, dict[str, int]]], params: dict, top_themes: int = TOP_THEMES
) -> SubjectFigures:
    """`counts`: {taxonomy slug: {top category id: {status: items}}} (`indexed.py`)."""
    language = get_language() or "vi"
    return SubjectFigures(
        by_theme=_category_rows(
            counts.get(UPR_INFO_ISSUES, {}), params, language, theme_first=True
        )[:top_themes],
        by_topic=_category_rows(counts.get(DRUGS_CRIME, {}), params, language, theme_first=False),
        by_sdg=_sdg_rows(counts.get(SDG, {}), params, language),
    )
