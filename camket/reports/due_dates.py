"""Which due dates still wait for a report, and which of them someone is chased for.

Reminders, the inbox, the dashboard, the report queues, the plan lists and the API all count
overdue work with these two rules.
"""

from django.db.models import Q

from camket.accounts.models import Membership
from camket.frameworks.models import Recommendation
from camket.plans.models import Action, DueDate
from camket.reports.models import ProgressReport

# An agency's focal points and managers answer for its due dates: they are the ones reminded.
RECIPIENT_ROLES = (Membership.Role.FOCAL_POINT, Membership.Role.MANAGER)


def open_due_dates():
    """Due dates still waiting for a report: none yet, a draft, or one returned for changes
    (archived due dates, indicators, actions, plans, items and frameworks wait for nothing)."""
    return (
        DueDate.objects.filter(archived=False, indicator__archived=False)
        .exclude(indicator__action__publication=Action.Publication.ARCHIVED)
        .exclude(indicator__action__plan__archived=True)
        .exclude(indicator__action__plan__framework__archived=True)
        .exclude(indicator__recommendation__status=Recommendation.Status.ARCHIVED)
        .exclude(indicator__recommendation__framework__archived=True)
        .exclude(report__state__in=[ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED])
    )


def due_dates_to_chase():
    """Open due dates someone is accountable for: of a recommendation or a published action.

    A draft action is not the agency's to report on yet. Reminders, overdue counts and the
    report queues use this.
    """
    return open_due_dates().filter(
        Q(indicator__action__isnull=True)
        | Q(indicator__action__publication=Action.Publication.PUBLISHED)
    )
