import rules

from camket.accounts.rules import is_framework_coordinator

# The object is the framework (creating a plan), the plan (its actions), the action or the
# indicator: a plan belongs to its framework's coordinators.
rules.add_perm("plans.manage_plans", is_framework_coordinator)
rules.add_perm("plans.change_action", is_framework_coordinator)
rules.add_perm("plans.change_indicator", is_framework_coordinator)
