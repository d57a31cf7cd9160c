import rules

from camket.accounts import roles
from camket.accounts.rules import is_coordinator, is_member

rules.add_perm("frameworks.view_recommendation", is_member)
rules.add_perm("frameworks.import_recommendations", is_coordinator)
rules.add_perm("frameworks.decide_recommendation", is_coordinator)
rules.add_perm("frameworks.publish_recommendation", is_coordinator)
rules.add_perm("frameworks.manage_frameworks", is_coordinator)


@rules.predicate
def coordinates_framework(user, framework) -> bool:
    return framework is not None and roles.coordinates(user, framework)


rules.add_perm("frameworks.change_framework", coordinates_framework)
