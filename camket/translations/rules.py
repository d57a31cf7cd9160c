"""Who enters or corrects an item's Vietnamese text: the coordinators of its framework, and
the officers of an agency the item is assigned to (it leads or co-leads an action of a plan
implementing it, or was asked for its opinion on it and the request was not withdrawn)."""

import rules

from camket.accounts import roles
from camket.accounts.rules import is_framework_coordinator
from camket.plans.models import Action
from camket.review.models import Assessment


def is_assigned_to_agency(recommendation, agency) -> bool:
    if recommendation is None or agency is None:
        return False
    actions = Action.objects.filter(recommendations=recommendation).exclude(
        publication=Action.Publication.ARCHIVED).exclude(plan__archived=True)
    if actions.filter(lead_agency=agency).exists() or actions.filter(
            co_agencies=agency).exists():
        return True
    return Assessment.objects.filter(recommendation=recommendation, agency=agency).exclude(
        state=Assessment.State.WITHDRAWN).exists()


@rules.predicate
def works_for_assigned_agency(user, recommendation) -> bool:
    if recommendation is None or not roles.is_agency_officer(user):
        return False
    return is_assigned_to_agency(recommendation, roles.agency_of(user))


rules.add_perm("frameworks.translate_recommendation",
               is_framework_coordinator | works_for_assigned_agency)
