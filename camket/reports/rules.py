import rules

from camket.accounts import roles
from camket.accounts.rules import is_framework_coordinator
from camket.reports.models import ProgressReport


@rules.predicate
def writes_for_own_agency(user, due_date) -> bool:
    """The reporting agency's officers write the reports of its live due dates (whatever state
    the report is in: see `report_is_editable`)."""
    if due_date is None or not roles.is_agency_officer(user) or due_date.archived:
        return False
    indicator = due_date.indicator
    action = indicator.action
    if indicator.archived or (
        action is not None
        and (action.publication == action.Publication.ARCHIVED or action.plan.archived)
    ):
        return False
    return due_date.indicator.agency_id == roles.agency_of(user).pk


@rules.predicate
def report_is_editable(user, due_date) -> bool:
    """No report yet, or one that is a draft or returned."""
    # Read afresh: a report cached on the due date may have been submitted since.
    report = ProgressReport.objects.filter(due_date=due_date).only("state").first()
    return report is None or report.is_editable


@rules.predicate
def is_awaiting_review(user, report) -> bool:
    return report is not None and report.state == report.State.SUBMITTED


@rules.predicate
def is_accepted(user, report) -> bool:
    return report is not None and report.state == report.State.ACCEPTED


# Who may act at all (a refusal is 403) is kept apart from what the report's state allows: a
# report moved on by someone else since the page was loaded is a conflict (409), see services.
rules.add_perm("reports.write_report", writes_for_own_agency)
rules.add_perm("reports.change_report", writes_for_own_agency & report_is_editable)
rules.add_perm("reports.coordinate_report", is_framework_coordinator)
rules.add_perm("reports.review_report", is_framework_coordinator & is_awaiting_review)
rules.add_perm("reports.publish_report", is_framework_coordinator & is_accepted)
