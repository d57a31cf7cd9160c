"""Permissions on frameworks and their items. The object is the framework or an item of it:
only its coordinators (see `roles.coordinates`) import into it, decide, publish and manage it.
Asked without an object, they answer whether the user coordinates any framework."""

import rules

from camket.accounts import roles
from camket.accounts.rules import is_coordinator, is_framework_coordinator, is_member

rules.add_perm("frameworks.view_recommendation", is_member)
rules.add_perm("frameworks.import_recommendations", is_framework_coordinator)
rules.add_perm("frameworks.decide_recommendation", is_framework_coordinator)
rules.add_perm("frameworks.publish_recommendation", is_framework_coordinator)
rules.add_perm("frameworks.manage_frameworks", is_framework_coordinator)
# Categories are shared by every framework: the coordinating roles map imported labels.
rules.add_perm("frameworks.map_categories", is_coordinator)


@rules.predicate
def coordinates_framework(user, framework) -> bool:
    return framework is not None and roles.coordinates(user, framework)


rules.add_perm("frameworks.change_framework", coordinates_framework)
