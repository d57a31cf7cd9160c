import rules

from camket.accounts import roles
from camket.accounts.rules import is_coordinator


@rules.predicate
def is_own_open_assessment(user, assessment) -> bool:
    if assessment is None or not roles.is_agency_officer(user):
        return False
    return assessment.agency_id == roles.agency_of(user).pk and assessment.is_open


rules.add_perm("review.request_assessment", is_coordinator)
rules.add_perm("review.change_assessment", is_own_open_assessment)
rules.add_perm("review.manage_clusters", is_coordinator)
