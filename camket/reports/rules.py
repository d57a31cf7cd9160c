import rules

from camket.accounts import roles
from camket.accounts.rules import is_framework_coordinator
from camket.reports.models import ProgressReport


@rules.predicate
def reports_for_own_agency(user, due_date) -> bool:
    """The reporting agency's officers write the report while it is a draft or returned."""
    if due_date is None or not roles.is_agency_officer(user) or due_date.archived:
        return False
    indicator = due_date.indicator
    action = indicator.action
    if indicator.archived or (
        action is not None
        and (action.publication == action.Publication.ARCHIVED or action.plan.archived)
    ):
        return False
    if due_date.indicator.agency_id != roles.agency_of(user).pk:
        return False
    # Read afresh: a report cached on the due date may have been submitted since.
    report = ProgressReport.objects.filter(due_date=due_date).only("state").first()
    return report is None or report.is_editable


@rules.predicate
def is_awaiting_review(user, report) -> bool:
    return report is not None and report.state == report.State.SUBMITTED


@rules.predicate
def is_accepted(user, report) -> bool:
    return report is not None and report.state == report.State.ACCEPTED


rules.add_perm("reports.change_report", reports_for_own_agency)
rules.add_perm("reports.review_report", is_framework_coordinator & is_awaiting_review)
rules.add_perm("reports.publish_report", is_framework_coordinator & is_accepted)
