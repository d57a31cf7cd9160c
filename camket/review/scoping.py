"""Assessments as each user may see them: drafts stay inside their own agency."""

from django.db.models import Q, QuerySet
from django.http import Http404

from camket.accounts import roles
from camket.frameworks.scoping import visible_recommendations
from camket.review.models import Assessment


def visible_assessments(user) -> QuerySet[Assessment]:
    queryset = Assessment.objects.filter(recommendation__in=visible_recommendations(user))
    if roles.role_of(user) is None:
        return queryset.none()
    agency = roles.agency_of(user)
    own = Q(agency=agency) if roles.is_agency_officer(user) else Q(pk__in=[])
    if roles.is_coordinator(user):
        # The coordinator sees who has been asked, and every submitted opinion, not drafts,
        # nor a draft left behind when the request was withdrawn.
        unsent_draft = Q(state=Assessment.State.DRAFT) | Q(
            state=Assessment.State.WITHDRAWN, submitted_on__isnull=True
        )
        return queryset.filter(own | ~unsent_draft)
    return queryset.filter(own | Q(state=Assessment.State.SUBMITTED))


def get_assessment_for_user(user, pk) -> Assessment:
    try:
        return visible_assessments(user).select_related("recommendation", "agency").get(pk=pk)
    except (Assessment.DoesNotExist, ValueError, TypeError):
        raise Http404("No such assessment.") from None
