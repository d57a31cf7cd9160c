import rules

from camket.accounts import roles
from camket.accounts.rules import is_framework_coordinator


@rules.predicate
def is_own_open_assessment(user, assessment) -> bool:
    if assessment is None or not roles.is_agency_officer(user):
        return False
    return assessment.agency_id == roles.agency_of(user).pk and assessment.is_open


# The object is the recommendation asked about (or the request, the cluster): only the
# coordinators of its framework ask for opinions, withdraw requests and cluster.
rules.add_perm("review.request_assessment", is_framework_coordinator)
rules.add_perm("review.change_assessment", is_own_open_assessment)
rules.add_perm("review.manage_clusters", is_framework_coordinator)
