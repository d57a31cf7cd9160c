"""Who enters or corrects an item's Vietnamese text: the coordinators of its framework, and
the officers of an agency the item is assigned to (it leads or co-leads an action of a plan
implementing it, or was asked for its opinion on it and the request was not withdrawn)."""

import rules
from django.db.models import Exists, OuterRef, Q

from camket.accounts import roles
from camket.accounts.rules import is_framework_coordinator
from camket.plans.models import Action
from camket.review.models import Assessment


def _live_actions(agency):
    return (
        Action.objects.exclude(publication=Action.Publication.ARCHIVED)
        .exclude(plan__archived=True)
        .filter(Q(lead_agency=agency) | Q(co_agencies=agency))
    )


def _open_assessments(agency):
    return Assessment.objects.filter(agency=agency).exclude(state=Assessment.State.WITHDRAWN)


def is_assigned_to_agency(recommendation, agency) -> bool:
    if recommendation is None or agency is None:
        return False
    return (
        _live_actions(agency).filter(recommendations=recommendation).exists()
        or _open_assessments(agency).filter(recommendation=recommendation).exists()
    )


def assigned_to_agency(agency) -> Q:
    """The same rule as `is_assigned_to_agency`, as a filter on recommendations."""
    if agency is None:
        return Q(pk__in=[])
    return Q(Exists(_live_actions(agency).filter(recommendations=OuterRef("pk")))) | Q(
        Exists(_open_assessments(agency).filter(recommendation=OuterRef("pk")))
    )


@rules.predicate
def works_for_assigned_agency(user, recommendation) -> bool:
    if recommendation is None or not roles.is_agency_officer(user):
        return False
    return is_assigned_to_agency(recommendation, roles.agency_of(user))


rules.add_perm(
    "frameworks.translate_recommendation", is_framework_coordinator | works_for_assigned_agency
)
