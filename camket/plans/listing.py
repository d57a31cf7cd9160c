"""The plans list as each user sees it (the page and its export): counted over the actions
the user may see, archived actions left out."""

from django.db.models import Count, Q, QuerySet

from camket.frameworks.models import Implementation
from camket.plans.models import Action, Plan
from camket.plans.scoping import visible_actions, visible_plans


def listed_plans(user) -> QuerySet[Plan]:
    counted = visible_actions(user).exclude(publication=Action.Publication.ARCHIVED)
    return (
        visible_plans(user)
        .select_related("framework")
        .annotate(
            action_count=Count("actions", filter=Q(actions__in=counted)),
            implemented=Count(
                "actions", filter=Q(actions__in=counted, actions__status=Implementation.IMPLEMENTED)
            ),
        )
    )
