"""A world with work for everyone: opinions asked and given, reports due, late, returned and
submitted, seen on `TODAY`."""

from dataclasses import dataclass
from datetime import date

import pytest

from camket.plans.services import set_publication
from camket.reports.services import return_report, save_report
from camket.review.services import save_assessment, send_for_review

# Agency A's and B's due dates are 2025-06-30, 2025-12-31, 2026-06-30 and 2026-12-31: on this
# day the first two are late and the third is due within the reminders' 14 days.
TODAY = date(2026, 6, 20)
OPINION_DUE = date(2026, 6, 1)


@dataclass
class Scene:
    plan_world: object
    world: object
    due_a: list  # agency A's due dates, in order
    due_b: list
    returned_a: object  # A's report for due_a[0], returned by the coordinator
    submitted_b: object  # B's report for due_b[0], awaiting review


def _submit(user, due_date):
    return save_report(
        user,
        due_date,
        {"status": "in_progress", "narrative": "Half done."},
        version=None,
        submit=True,
    )


@pytest.fixture
def scene(plan_world) -> Scene:
    world = plan_world.world
    set_publication(world.coordinator, [plan_world.action_b], "published")
    send_for_review(world.coordinator, [world.published], [world.agency_a], due_on=OPINION_DUE)
    send_for_review(world.coordinator, [world.draft], [world.agency_b])
    opinion_b = world.draft.assessments.get(agency=world.agency_b)
    save_assessment(
        world.officer_b,
        opinion_b,
        {"proposed_response": "supported"},
        version=opinion_b.version,
        submit=True,
    )
    due_a = list(plan_world.indicator_a.due_dates.order_by("due_on"))
    due_b = list(plan_world.indicator_b.due_dates.order_by("due_on"))
    submitted_a = _submit(world.officer_a, due_a[0])
    returned_a = return_report(
        world.coordinator,
        submitted_a,
        version=submitted_a.version,
        comment="Give the number of officers.",
    )
    submitted_b = _submit(world.officer_b, due_b[0])
    return Scene(plan_world, world, due_a, due_b, returned_a, submitted_b)
