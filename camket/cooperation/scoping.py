"""What each person may reach of the cooperation registers. Every page, export, API answer
and command goes through these functions: a request outside them does not exist (404)."""

from django.db.models import Q, QuerySet
from django.http import Http404

from camket.accounts import roles
from camket.cooperation.models import Agreement, CooperationRequest
from camket.cooperation.rules import reads_agreements


def visible_agreements(user, *, include_archived: bool = False) -> QuerySet[Agreement]:
    """`user=None` is the system (CLI without --user): everything."""
    agreements = Agreement.objects.select_related("partner", "central_authority")
    if user is not None and not reads_agreements(user):
        return agreements.none()
    return agreements if include_archived else agreements.filter(archived=False)


def get_agreement_for_user(user, pk) -> Agreement:
    agreement = visible_agreements(user, include_archived=True).filter(pk=pk).first()
    if agreement is None:
        raise Http404("No such agreement.")
    return agreement


def visible_requests(user) -> QuerySet[CooperationRequest]:
    """Requests whose responsible or handling agencies include the user's agency. The role
    does not widen this (no administrator or coordinator sees other agencies' requests); only
    the system (`user=None`) and a superuser in the Django admin see them all."""
    requests = CooperationRequest.objects.select_related(
        "partner", "agreement", "instrument", "responsible_agency"
    )
    if user is None:
        return requests
    agency = roles.agency_of(user)
    if agency is None:
        return requests.none()
    handled = CooperationRequest.handling_agencies.through.objects.filter(
        agency_id=agency.pk
    ).values("cooperationrequest_id")
    return requests.filter(Q(responsible_agency=agency) | Q(pk__in=handled))


def get_request_for_user(user, pk) -> CooperationRequest:
    found = visible_requests(user).filter(pk=pk).first()
    if found is None:
        raise Http404("No such request.")
    return found
