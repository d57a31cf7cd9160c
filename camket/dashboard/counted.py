"""What the dashboard counts, as the user may see it: the items the state committed to, the
plans' actions and the overdue due dates, narrowed by the dashboard's filters.

`user=None` means the whole government, unscoped: the command line uses it.
"""

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from camket.dashboard import indexed
from camket.dashboard.filters import ALL_STATES, indicator_state_condition
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.frameworks.search import committed_condition
from camket.plans.matching import Concerning, action_condition, due_date_condition, item_condition
from camket.plans.models import Action, DueDate, Indicator
from camket.plans.scoping import visible_actions, visible_indicators
from camket.reports.due_dates import (
    chased_indicators,
    due_dates_to_chase_of,
    open_due_dates_per_indicator,
)


def _scoped(user):
    if user is None:
        return Recommendation.objects.all(), Action.objects.all()
    return visible_recommendations(user), visible_actions(user)


def _concerning(framework) -> Concerning:
    """A framework's slug (the older call) or the filters themselves."""
    if isinstance(framework, Concerning):
        return framework
    return Concerning(framework=framework or "")


def counted_items(user, framework: str | Concerning = "") -> QuerySet[Recommendation]:
    """Accepted recommendations and commitments, not archived, as the filters narrow them."""
    concerning = _concerning(framework)
    items = (
        _scoped(user)[0]
        .filter(committed_condition())
        .exclude(status=Recommendation.Status.ARCHIVED)
    )
    return items.filter(item_condition(concerning)) if concerning else items


def accepted_recommendations(user, framework: str | Concerning = "") -> QuerySet[Recommendation]:
    return counted_items(user, framework).filter(framework__has_response=True)


def counted_actions(user, framework: str | Concerning = "") -> QuerySet[Action]:
    concerning = _concerning(framework)
    actions = (
        _scoped(user)[1]
        .exclude(publication=Action.Publication.ARCHIVED)
        .exclude(plan__archived=True)
    )
    return actions.filter(action_condition(concerning)) if concerning else actions


def overdue_due_dates(
    user, framework: str | Concerning = "", today: date | None = None, *, state: str = ALL_STATES
) -> QuerySet[DueDate]:
    """Due dates to chase (`due_dates_to_chase`) that have passed, of the indicators the user
    may see (`visible_due_dates`), of the state (ISO3 or "all") and the filters."""
    today = today or timezone.localdate()
    indicators = Indicator.objects.all() if user is None else visible_indicators(user)
    indicators = indicators.filter(indicator_state_condition(state))
    due_dates = due_dates_to_chase_of(indicators).filter(due_on__lt=today)
    return due_dates.filter(due_date_condition(_concerning(framework)))


def overdue_by_agency_counts(
    user, framework: str | Concerning = "", today: date | None = None, *, state: str = ALL_STATES
) -> dict[int | None, int]:
    """{reporting agency's id: its due dates among `overdue_due_dates`}: the indicators' rules
    and the due dates' rules asked apart (`due_dates.open_due_dates_per_indicator`)."""
    today = today or timezone.localdate()
    indicators = Indicator.objects.all() if user is None else visible_indicators(user)
    indicators = indicators.filter(indicator_state_condition(state)).filter(
        due_date_condition(_concerning(framework), prefix="")
    )
    agency_of = dict(chased_indicators(indicators).order_by().values_list("pk", "agency_id"))
    counts: dict[int | None, int] = {}
    for indicator, n in open_due_dates_per_indicator(today).items():
        if indicator in agency_of:
            counts[agency_of[indicator]] = counts.get(agency_of[indicator], 0) + n
    return counts


def framework_choices(user) -> QuerySet[Framework]:
    """The frameworks with counted items the user can see, for the filter (from the index of
    the items: `indexed.counted_frameworks`)."""
    counted = indexed.counted_frameworks(indexed.current_index(), user)
    return Framework.objects.filter(pk__in=counted).order_by("-cycle", "name")


def kind_choices() -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in Framework.Kind.choices]
