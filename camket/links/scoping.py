"""The only way views, the API and the CLI reach links: scoped to the user."""

from django.db.models import Q, QuerySet

from camket.accounts import roles
from camket.frameworks.scoping import (
    coordinated_frameworks,
    visible_recommendations,
)
from camket.links.models import ItemLink


def _of_coordinated_framework(user) -> Q:
    """Links with at least one end in a framework the user coordinates."""
    coordinated = coordinated_frameworks(user)
    return Q(source__framework__in=coordinated) | Q(target__framework__in=coordinated)


def visible_links(user) -> QuerySet[ItemLink]:
    """Links whose two items the user may see, removed ones left out. Suggestions and rejected
    suggestions are seen only by the coordinators of either item's framework: a coordinator
    reads the links between frameworks they do not coordinate as a viewer does, and to a viewer
    a link exists once confirmed."""
    visible = visible_recommendations(user).values("pk")
    links = ItemLink.objects.filter(archived=False, source__in=visible, target__in=visible)
    confirmed = Q(state=ItemLink.State.CONFIRMED)
    if roles.role_of(user) == roles.Role.ADMINISTRATOR:
        return links
    if roles.is_coordinator(user):
        return links.filter(confirmed | _of_coordinated_framework(user))
    return links.filter(confirmed)


def decidable_links(user) -> QuerySet[ItemLink]:
    """Visible links the user may confirm, reject or remove: of a framework they coordinate."""
    return visible_links(user).filter(_of_coordinated_framework(user))
