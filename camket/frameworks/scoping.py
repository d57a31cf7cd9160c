"""The only way views, the API and exports reach recommendations: scoped to the user."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from camket.accounts import roles
from camket.frameworks.models import Framework, Recommendation
from camket.review.models import Assessment


def visible_recommendations(user) -> QuerySet[Recommendation]:
    queryset = Recommendation.objects.all()
    role = roles.role_of(user)
    if role is None:
        return queryset.none()
    if roles.is_coordinator(user):
        return queryset
    published = Q(status=Recommendation.Status.PUBLISHED)
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
    """Frameworks for filters and lists: those with a recommendation the user may see (the
    coordinator sees every one), so a framework holding only drafts is not named to others."""
    frameworks = Framework.objects.all()
    if not include_archived:
        frameworks = frameworks.filter(archived=False)
    if roles.is_coordinator(user):
        return frameworks
    return frameworks.filter(Exists(visible_recommendations(user).filter(
        framework=OuterRef("pk"))))


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
