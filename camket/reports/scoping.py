"""Progress reports and evidence as each user may see them.

Drafts stay inside the reporting agency; other agencies and viewers see accepted reports only,
and of their evidence only the files marked public. The coordinators of a report's framework
see it once submitted, and all its evidence; of other frameworks they read what a viewer reads.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from camket.accounts import roles
from camket.accounts.scope_memo import built_once_per_scope
from camket.frameworks.scoping import coordinated
from camket.plans.scoping import visible_due_dates
from camket.reports.models import Evidence, ProgressReport

State = ProgressReport.State


def _own(user) -> Q:
    if roles.is_agency_officer(user):
        return Q(due_date__indicator__agency=roles.agency_of(user))
    return Q(pk__in=[])


def coordinated_reports(user, prefix: str = "") -> Q:
    """The reports (or, with `prefix` "report__", the evidence) of the frameworks the user
    coordinates, reached through the indicator's action's plan or its recommendation."""
    if not roles.is_coordinator(user):
        return Q(pk__in=[])
    indicator = f"{prefix}due_date__indicator__"
    return coordinated(user, f"{indicator}action__plan__framework") | coordinated(
        user, f"{indicator}recommendation__framework"
    )


def _readable_reports(user) -> Q:
    """Which reports of the due dates the user may see they may read."""
    return (
        _own(user) | Q(state=State.ACCEPTED) | (coordinated_reports(user) & ~Q(state=State.DRAFT))
    )


@built_once_per_scope
def visible_reports(user) -> QuerySet[ProgressReport]:
    if roles.role_of(user) is None:
        return ProgressReport.objects.none()
    queryset = ProgressReport.objects.filter(due_date__in=visible_due_dates(user))
    return queryset.filter(_readable_reports(user))


def _readable_evidence(user) -> Q:
    """Which files of the reports the user may read they may see."""
    own = (
        Q(report__due_date__indicator__agency=roles.agency_of(user))
        if (roles.is_agency_officer(user))
        else Q(pk__in=[])
    )
    return own | Q(is_public=True, archived=False) | coordinated_reports(user, "report__")


def visible_evidence(user) -> QuerySet[Evidence]:
    queryset = Evidence.objects.filter(report__in=visible_reports(user))
    return queryset.filter(_readable_evidence(user))


def evidence_of_report(user, report: ProgressReport) -> QuerySet[Evidence]:
    """The files of `report` the user may see; `report` is one they may read (from
    `report_of_due_date_for_user` or `visible_reports`): its visibility is not asked again."""
    return Evidence.objects.filter(report=report).filter(_readable_evidence(user))


HANDED_OVER_FIELDS = ["status", "narrative", "indicator_value", "submitted_by_id", "submitted_on"]


def as_handed_over(user, report: ProgressReport) -> ProgressReport:
    """A returned report is the agency's draft again: anyone outside the agency (the
    coordinator) reads it as it was returned, not the agency's edits since."""
    if report is None or report.state != State.RETURNED or _writes(user, report):
        return report
    returned = report.history.filter(state=State.SUBMITTED).order_by("-history_date").first()
    if returned is not None:
        for name in HANDED_OVER_FIELDS:
            setattr(report, name, getattr(returned, name))
    return report


def _writes(user, report) -> bool:
    return (
        roles.is_agency_officer(user)
        and report.due_date.indicator.agency_id == roles.agency_of(user).pk
    )


def get_report_for_user(user, pk) -> ProgressReport:
    try:
        report = (
            visible_reports(user)
            .select_related("due_date", "due_date__indicator", "due_date__indicator__agency")
            .get(pk=pk)
        )
    except (ProgressReport.DoesNotExist, ValueError, TypeError):
        raise Http404("No such report.") from None
    return as_handed_over(user, report)


def report_of_due_date_for_user(user, due_date) -> ProgressReport | None:
    """The due date's report as this user reads it; None when there is none or it is hidden
    (another agency's draft): one read of the report. `due_date` is one the user may see
    (`get_due_date_for_user`): its visibility is not asked again, which halves the query."""
    if roles.role_of(user) is None:
        return None
    report = (
        ProgressReport.objects.filter(_readable_reports(user))
        .select_related("due_date", "due_date__indicator", "due_date__indicator__agency")
        .filter(due_date=due_date)
        .first()
    )
    return as_handed_over(user, report)


def get_evidence_for_user(user, pk) -> Evidence:
    try:
        return visible_evidence(user).select_related("report").get(pk=pk)
    except (Evidence.DoesNotExist, ValueError, TypeError):
        raise Http404("No such file.") from None
