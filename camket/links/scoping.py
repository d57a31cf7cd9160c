"""The only way views, the API and the CLI reach links: scoped to the user."""

from django.db.models import Q, QuerySet

from camket.accounts import roles
from camket.frameworks.models import Framework
from camket.frameworks.scoping import visible_recommendations
from camket.links.models import ItemLink


def visible_links(user) -> QuerySet[ItemLink]:
    """Links whose two items the user may see, removed ones left out. Only coordinators see
    suggestions and rejected suggestions: to everyone else a link exists once confirmed."""
    visible = visible_recommendations(user).values("pk")
    links = ItemLink.objects.filter(archived=False, source__in=visible, target__in=visible)
    if not roles.is_coordinator(user):
        links = links.filter(state=ItemLink.State.CONFIRMED)
    return links


def coordinated_framework_ids(user) -> list[int]:
    return [framework.pk for framework in Framework.objects.select_related("coordinating_agency")
            if roles.coordinates(user, framework)]


def decidable_links(user) -> QuerySet[ItemLink]:
    """Visible links the user may confirm, reject or remove: of a framework they coordinate."""
    coordinated = coordinated_framework_ids(user)
    return visible_links(user).filter(Q(source__framework__in=coordinated)
                                      | Q(target__framework__in=coordinated))
