"""Assessments as each user may see them: drafts stay inside their own agency."""

from django.db.models import Q, QuerySet
from django.http import Http404

from camket.accounts import roles
from camket.accounts.models import Agency
from camket.frameworks.scoping import coordinated, visible_recommendations
from camket.review.models import Assessment


def visible_assessments(user) -> QuerySet[Assessment]:
    queryset = Assessment.objects.filter(recommendation__in=visible_recommendations(user))
    if roles.role_of(user) is None:
        return queryset.none()
    agency = roles.agency_of(user)
    own = Q(agency=agency) if roles.is_agency_officer(user) else Q(pk__in=[])
    submitted = Q(state=Assessment.State.SUBMITTED)
    if roles.is_coordinator(user):
        # The coordinators of a framework see who has been asked about its recommendations,
        # and every submitted opinion, not drafts, nor a draft left behind when the request
        # was withdrawn. Of other frameworks they read the submitted opinions, as a viewer.
        unsent_draft = Q(state=Assessment.State.DRAFT) | Q(
            state=Assessment.State.WITHDRAWN, submitted_on__isnull=True
        )
        return queryset.filter(
            own | submitted | (coordinated(user, "recommendation__framework") & ~unsent_draft)
        )
    return queryset.filter(own | submitted)


def get_assessment_for_user(user, pk) -> Assessment:
    try:
        return visible_assessments(user).select_related("recommendation", "agency").get(pk=pk)
    except (Assessment.DoesNotExist, ValueError, TypeError):
        raise Http404("No such assessment.") from None


def get_request_for_coordinator(user, pk) -> Assessment:
    """A request the coordinator manages (to withdraw it), whatever the agency made of it:
    callers act on it and must not show its content, which may be a draft. Only requests
    about a framework the user coordinates."""
    if not roles.is_coordinator(user):
        raise Http404("No such assessment.")
    try:
        return (
            Assessment.objects.filter(
                coordinated(user, "recommendation__framework"),
                recommendation__in=visible_recommendations(user),
            )
            .select_related("recommendation", "agency")
            .get(pk=pk)
        )
    except (Assessment.DoesNotExist, ValueError, TypeError):
        raise Http404("No such assessment.") from None


_REQUEST_FIELDS = (
    "pk",
    "recommendation_id",
    "agency_id",
    "state",
    "requested_on",
    "due_on",
    "submitted_on",
)


def opinion_requests(user, recommendation) -> list[Assessment]:
    """The rows of a recommendation's "agency opinions" table (the caller has checked the user
    may see the recommendation). Besides the opinions the user may read, its framework's
    coordinators see every request made that they may not read — an agency's draft ("in
    progress"), a request withdrawn before any submission — as rows built from the request's
    own fields only, so no template can show what the draft says. Each row says whether it is
    `readable` (its page opens) and whether its `content_hidden` (not yet submitted, not the
    reader's own)."""
    readable = list(
        visible_assessments(user).filter(recommendation=recommendation).select_related("agency")
    )
    own = roles.agency_of(user) if roles.is_agency_officer(user) else None
    for row in readable:
        row.readable = True
        row.content_hidden = not (
            row.state == Assessment.State.SUBMITTED or (own is not None and row.agency_id == own.pk)
        )
    if not roles.coordinates(user, recommendation.framework):
        return readable
    hidden = list(
        Assessment.objects.filter(recommendation=recommendation)
        .exclude(pk__in=[row.pk for row in readable])
        .values(*_REQUEST_FIELDS)
    )
    agencies = Agency.objects.in_bulk([values["agency_id"] for values in hidden])
    for values in hidden:
        row = Assessment(**values)
        row.agency = agencies[values["agency_id"]]
        row.readable, row.content_hidden = False, True
        readable.append(row)
    return sorted(readable, key=lambda row: (row.agency.name, row.pk))
