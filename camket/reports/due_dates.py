"""Which due dates still wait for a report, and which of them someone is chased for.

Reminders, the inbox, the dashboard, the report queues, the plan lists and the API all count
overdue work with these two rules.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from camket.accounts.models import Membership
from camket.frameworks.models import Recommendation
from camket.plans.models import Action, DueDate, Indicator
from camket.reports.models import ProgressReport

# An agency's focal points and managers answer for its due dates: they are the ones reminded.
RECIPIENT_ROLES = (Membership.Role.FOCAL_POINT, Membership.Role.MANAGER)


DONE = (ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED)


def _indicator_waits(prefix: str = "") -> Q:
    """The indicator (reached through `prefix`) and everything it hangs from are not archived."""
    return (
        Q(**{f"{prefix}archived": False})
        & ~Q(**{f"{prefix}action__publication": Action.Publication.ARCHIVED})
        & ~Q(**{f"{prefix}action__plan__archived": True})
        & ~Q(**{f"{prefix}action__plan__framework__archived": True})
        & ~Q(**{f"{prefix}recommendation__status": Recommendation.Status.ARCHIVED})
        & ~Q(**{f"{prefix}recommendation__framework__archived": True})
    )


def _indicator_chased(prefix: str = "") -> Q:
    """Of a recommendation or a published action: a draft action is not the agency's to
    report on yet."""
    return Q(**{f"{prefix}action__isnull": True}) | Q(
        **{f"{prefix}action__publication": Action.Publication.PUBLISHED}
    )


def open_due_dates():
    """Due dates still waiting for a report: none yet, a draft, or one returned for changes
    (archived due dates, indicators, actions, plans, items and frameworks wait for nothing)."""
    return (
        DueDate.objects.filter(archived=False)
        .filter(_indicator_waits("indicator__"))
        .exclude(report__state__in=DONE)
    )


def due_dates_to_chase():
    """Open due dates someone is accountable for: of a recommendation or a published action.

    A draft action is not the agency's to report on yet. Reminders, overdue counts and the
    report queues use this.
    """
    return open_due_dates().filter(_indicator_chased("indicator__"))


def due_dates_to_chase_of(indicators: QuerySet[Indicator]) -> QuerySet[DueDate]:
    """`due_dates_to_chase` among the due dates of `indicators`. The same dates, found another
    way: the indicators' rules are tested once per indicator, in a subquery, instead of once
    per due date; counting tens of thousands of dates is then several times faster."""
    return DueDate.objects.filter(
        archived=False, indicator__in=chased_indicators(indicators)
    ).exclude(report__state__in=DONE)


def chased_indicators(indicators: QuerySet[Indicator]) -> QuerySet[Indicator]:
    """The indicators of `indicators` whose open due dates are chased: nothing they hang from
    is archived, and they are of a recommendation or a published action."""
    return indicators.filter(_indicator_waits() & _indicator_chased())


def open_due_dates_per_indicator(before) -> dict[int, int]:
    """{indicator id: its due dates before the date still waiting for a report}, of every
    indicator: `due_dates_to_chase_of` in two steps, the rules on the due dates here, the
    rules on the indicators in `chased_indicators`.

    PostgreSQL estimated the one query joining both at a row or two where there are tens of
    thousands, and answered it row by row (0.7 s at 100,000 due dates): each step alone is
    planned as the scan it is. "No report done" is asked as NOT EXISTS: PostgreSQL then
    estimates the dates it keeps (a hash anti-join), where the LEFT JOIN and its test on the
    report's state were estimated at one row and sorted for the count."""
    done = ProgressReport.objects.filter(due_date=OuterRef("pk"), state__in=DONE)
    waiting = (
        DueDate.objects.filter(archived=False, due_on__lt=before)
        .filter(~Exists(done))
        .order_by()
        .values_list("indicator_id")
        .annotate(n=Count("pk"))
    )
    return dict(waiting)
