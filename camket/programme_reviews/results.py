"""The results framework of a programme: for each output (an item at the bottom of the tree),
its indicators with baseline, target and the value reported for each period, as one reader
may see them. Values come from accepted progress reports of the indicators' due dates."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import timezone

from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.outline import has_tree
from camket.frameworks.scoping import visible_recommendations
from camket.plans.models import DueDate, Indicator
from camket.plans.scoping import visible_indicators
from camket.reports.models import ProgressReport
from camket.reports.scoping import visible_reports

Period = tuple[date, date]


@dataclass
class IndicatorRow:
    indicator: Indicator
    values: list[Decimal | None]  # one per period of the framework's table, None: not reported


@dataclass
class OutputRow:
    item: Recommendation
    level_label: str
    path: list[Recommendation]  # its visible ancestors, top first
    indicators: list[IndicatorRow] = field(default_factory=list)


@dataclass
class ResultsFramework:
    periods: list[Period]
    outputs: list[OutputRow]


def results_framework(
    user, framework: Framework, language: str, today: date | None = None
) -> ResultsFramework:
    today = today or timezone.localdate()
    items = list(visible_recommendations(user).filter(framework=framework).order_by("id"))
    by_pk = {item.pk: item for item in items}
    parents = {item.parent_id for item in items if item.parent_id}
    leaves = [item for item in items if item.pk not in parents]
    indicators = list(
        visible_indicators(user)
        .filter(recommendation__in=[leaf.pk for leaf in leaves], archived=False)
        .order_by("id")
        .select_related("agency")
    )
    values = _accepted_values(user, indicators)
    due = DueDate.objects.filter(indicator__in=indicators, archived=False).values_list(
        "period_start", "period_end", "due_on"
    )
    periods = sorted(
        {(start, end) for start, end, due_on in due if due_on <= today}
        | {period for _indicator, period in values}
    )
    by_leaf = defaultdict(list)
    for indicator in indicators:
        by_leaf[indicator.recommendation_id].append(
            IndicatorRow(indicator, [values.get((indicator.pk, period)) for period in periods])
        )
    outputs = [
        OutputRow(
            leaf,
            framework.level_label(leaf.level, language),
            _path(leaf, by_pk),
            by_leaf.get(leaf.pk, []),
        )
        for leaf in leaves
        if has_tree(framework) or leaf.pk in by_leaf
    ]
    return ResultsFramework(periods=periods, outputs=outputs)


def _accepted_values(user, indicators) -> dict[tuple[int, Period], Decimal]:
    reports = (
        visible_reports(user)
        .filter(
            state=ProgressReport.State.ACCEPTED,
            indicator_value__isnull=False,
            due_date__archived=False,
            due_date__indicator__in=indicators,
        )
        .values_list(
            "due_date__indicator_id",
            "due_date__period_start",
            "due_date__period_end",
            "indicator_value",
        )
    )
    return {(indicator, (start, end)): value for indicator, start, end, value in reports}


def _path(item: Recommendation, by_pk: dict[int, Recommendation]) -> list[Recommendation]:
    chain, seen, parent = [], {item.pk}, by_pk.get(item.parent_id)
    while parent is not None and parent.pk not in seen:
        chain.append(parent)
        seen.add(parent.pk)
        parent = by_pk.get(parent.parent_id)
    return chain[::-1]
