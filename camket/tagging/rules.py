import rules

from camket.accounts.rules import is_framework_coordinator

# The object is the suggestion (or its recommendation), or the framework a run tags.
rules.add_perm("tagging.decide_suggestion", is_framework_coordinator)
rules.add_perm("tagging.run_tagging", is_framework_coordinator)
