import rules

from camket.accounts.rules import is_coordinator

rules.add_perm("tagging.decide_suggestion", is_coordinator)
rules.add_perm("tagging.run_tagging", is_coordinator)
