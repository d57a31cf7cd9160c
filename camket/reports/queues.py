"""What each user has to do about reports (write them, or review them), and what is late."""

from datetime import timedelta

from django.utils import timezone

from camket.accounts import roles
from camket.plans.matching import Concerning, due_date_condition
from camket.plans.scoping import visible_due_dates
from camket.reminders.services import due_dates_to_chase
from camket.reports.models import ProgressReport
from camket.reports.scoping import coordinated_reports, visible_reports

UPCOMING_DAYS = 90


def report_queues(user, *, agency: str = "", framework: str = "", today=None,
                  concerning: Concerning | None = None) -> dict:
    """Overdue and upcoming due dates of one agency (an officer's own by default, or the one
    asked for), or of all agencies the user may see; reports awaiting the coordinator."""
    today = today or timezone.localdate()
    concerned = due_date_condition(concerning or Concerning(framework=framework))
    open_dates = due_dates_to_chase().filter(pk__in=visible_due_dates(user)).filter(
        concerned).select_related(
        "indicator", "indicator__agency", "indicator__action", "indicator__recommendation",
        "report")
    chosen_dates = visible_due_dates(user).filter(concerned)
    if agency:
        chosen_dates = chosen_dates.filter(indicator__agency__code=agency)
    elif roles.is_agency_officer(user):
        chosen_dates = chosen_dates.filter(indicator__agency=roles.agency_of(user))
    open_dates = open_dates.filter(pk__in=chosen_dates.values("pk"))
    upcoming_until = today + timedelta(days=UPCOMING_DAYS)
    seen = set(visible_reports(user).filter(due_date__in=open_dates).values_list("pk", flat=True))

    def with_seen_reports(due_dates) -> list:
        """Each due date's report as this user may see it: another agency's draft is not."""
        rows = list(due_dates)
        for due_date in rows:
            report = getattr(due_date, "report", None)  # None when there is none yet
            due_date.seen_report = report if report is not None and report.pk in seen else None
        return rows

    related = ("due_date", "due_date__indicator", "due_date__indicator__agency",
               "due_date__indicator__action")
    return {
        "overdue": with_seen_reports(open_dates.filter(due_on__lt=today).order_by("due_on")),
        "upcoming": with_seen_reports(open_dates.filter(
            due_on__gte=today, due_on__lte=upcoming_until).order_by("due_on")),
        # Submitted reports of the frameworks the user coordinates.
        "to_review": visible_reports(user).filter(
            coordinated_reports(user), state=ProgressReport.State.SUBMITTED)
        .select_related(*related).order_by("submitted_on"),
        # The same agency and framework as the due dates above: an officer's own by default.
        "recently_accepted": visible_reports(user).filter(
            state=ProgressReport.State.ACCEPTED, due_date__in=chosen_dates)
        .select_related(*related).order_by("-reviewed_on")[:20],
        "today": today,
    }
