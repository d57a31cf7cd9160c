import rules

from camket.accounts.rules import is_coordinator

rules.add_perm("plans.manage_plans", is_coordinator)
rules.add_perm("plans.change_action", is_coordinator)
rules.add_perm("plans.change_indicator", is_coordinator)
