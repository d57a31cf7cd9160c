"""Demo data: the actions of the Master Plan (camket/demo/plan_data.py), invented for the demo.

Each action: the recommendations it implements (made from the review "cluster" when there
is one); "start" and "months" are its window in months from the plan's start; "final" is
the status its last accepted report gives it; "draft" ones stay unpublished.
Each indicator: (title, unit, baseline, target, every n months, reach, narrative, extra):
reach is how far from baseline to target the latest report gets; extra may hold "tail"
(what became of the latest past due dates: missing, draft, submitted or returned; the
others are accepted), "evidence" (file name, public?) and "comment" (made on acceptance).
They are numbered in this order."""

from camket.demo.plan_actions import institutions, social

ACTIONS = [*social.ACTIONS, *institutions.ACTIONS]
