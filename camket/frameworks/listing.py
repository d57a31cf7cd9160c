"""The frameworks list as each user sees it (the page and its export): items counted over the
items the user may see; archived frameworks for coordinators only."""

from django.db.models import Count, Q, QuerySet

from camket.accounts import roles
from camket.frameworks.models import Framework
from camket.frameworks.scoping import visible_frameworks, visible_recommendations


def listed_frameworks(user) -> QuerySet[Framework]:
    visible = visible_recommendations(user).values("pk")
    return (
        visible_frameworks(user, include_archived=roles.is_coordinator(user))
        .select_related("coordinating_agency")
        .annotate(item_count=Count("recommendations", filter=Q(recommendations__in=visible)))
    )
