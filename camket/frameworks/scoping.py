"""The only way views, the API and exports reach recommendations: scoped to the user."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from camket.accounts import roles
from camket.accounts.scope_memo import built_once_per_scope, scope_facts
from camket.frameworks.item_index import ITEMS
from camket.frameworks.models import Framework, Recommendation
from camket.review.models import Assessment


@built_once_per_scope
def coordinated_frameworks(user) -> QuerySet[Framework]:
    """The frameworks the user coordinates (see `roles.coordinates`): all of them for an
    administrator; for a coordinator, those naming their agency as coordinating agency, and
    those naming none when their agency is the coordinating ministry; none for anyone else."""
    frameworks = Framework.objects.all()
    role = roles.role_of(user)
    if role == roles.Role.ADMINISTRATOR:
        return frameworks
    if role != roles.Role.COORDINATOR:
        return frameworks.none()
    agency = roles.agency_of(user)
    if agency is None:
        return frameworks.filter(coordinating_agency__isnull=True)
    if agency.is_coordinator:
        return frameworks.filter(
            Q(coordinating_agency=agency) | Q(coordinating_agency__isnull=True)
        )
    return frameworks.filter(coordinating_agency=agency)


def coordinated_framework_ids(user) -> tuple[int, ...]:
    """The ids of `coordinated_frameworks(user)`, read once per user object (a request's) while
    no framework changes (a framework's save moves `ITEMS`)."""
    key = (ITEMS.current(), scope_facts(user))
    kept = getattr(user, "_camket_coordinated", None)
    if kept is not None and kept[0] == key:
        return kept[1]
    ids = tuple(coordinated_frameworks(user).values_list("pk", flat=True))
    if user is not None:
        user._camket_coordinated = (key, ids)
    return ids


def coordinated(user, path: str) -> Q:
    """A filter keeping the records whose framework, reached through `path` (`"framework"`,
    `"plan__framework"`…), the user coordinates. A record whose path leads to no framework
    is not kept."""
    if roles.role_of(user) == roles.Role.ADMINISTRATOR:
        return Q(**{f"{path}__isnull": False})
    return Q(**{f"{path}__in": coordinated_frameworks(user)})


@built_once_per_scope
def visible_recommendations(user) -> QuerySet[Recommendation]:
    """Published recommendations; every recommendation of a framework the user coordinates
    (its drafts too); the drafts an agency was asked to give its opinion on, to that agency's
    officers. A coordinator reads the frameworks they do not coordinate as a viewer does."""
    queryset = Recommendation.objects.all()
    role = roles.role_of(user)
    if role is None:
        return queryset.none()
    if role == roles.Role.ADMINISTRATOR:
        return queryset
    published = Q(status=Recommendation.Status.PUBLISHED)
    if roles.is_coordinator(user):
        return queryset.filter(published | coordinated(user, "framework"))
    agency = roles.agency_of(user)
    if roles.is_agency_officer(user):
        sent_to_agency = Exists(
            Assessment.objects.filter(recommendation=OuterRef("pk"), agency=agency).exclude(
                state=Assessment.State.WITHDRAWN
            )
        )
        return queryset.filter(published | sent_to_agency)
    return queryset.filter(published)


def visible_frameworks(user, *, include_archived: bool = False) -> QuerySet[Framework]:
    """Frameworks for filters and lists: those with a recommendation the user may see, and those
    the user coordinates, so a framework holding only drafts is named to its coordinators only."""
    frameworks = Framework.objects.all()
    if not include_archived:
        frameworks = frameworks.filter(archived=False)
    return frameworks.filter(
        Q(pk__in=coordinated_frameworks(user))
        | Exists(visible_recommendations(user).filter(framework=OuterRef("pk")))
    )


def get_recommendation_for_user(user, pk) -> Recommendation:
    try:
        return visible_recommendations(user).get(pk=pk)
    except (Recommendation.DoesNotExist, ValueError, TypeError):
        raise Http404("No such recommendation.") from None


def get_framework_for_user(user, slug) -> Framework:
    """A framework the user may see (see `visible_frameworks`), or 404."""
    try:
        return visible_frameworks(user).get(slug=slug)
    except Framework.DoesNotExist:
        raise Http404("No such framework.") from None
