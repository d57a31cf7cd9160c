"""What each user has to do about reports: write them, or review them."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from camket.accounts import roles
from camket.plans.scoping import visible_due_dates
from camket.reminders.services import due_dates_to_chase
from camket.reports.models import ProgressReport
from camket.reports.scoping import visible_reports

UPCOMING_DAYS = 90


def report_queues(user, *, today=None) -> dict:
    today = today or timezone.localdate()
    open_dates = due_dates_to_chase().filter(pk__in=visible_due_dates(user)).select_related(
        "indicator", "indicator__agency", "indicator__action", "indicator__recommendation",
        "report")
    if roles.is_agency_officer(user):
        open_dates = open_dates.filter(indicator__agency=roles.agency_of(user))
    elif not roles.is_coordinator(user):
        open_dates = open_dates.none()
    upcoming_until = today + timedelta(days=UPCOMING_DAYS)
    return {
        "overdue": open_dates.filter(due_on__lt=today).order_by("due_on"),
        "upcoming": open_dates.filter(due_on__gte=today, due_on__lte=upcoming_until)
        .order_by("due_on"),
        "to_review": visible_reports(user).filter(state=ProgressReport.State.SUBMITTED)
        .select_related("due_date", "due_date__indicator", "due_date__indicator__agency",
                        "due_date__indicator__action").order_by("submitted_on")
        if roles.is_coordinator(user) else ProgressReport.objects.none(),
        "recently_accepted": visible_reports(user).filter(
            Q(state=ProgressReport.State.ACCEPTED)).select_related(
            "due_date", "due_date__indicator", "due_date__indicator__agency",
            "due_date__indicator__action").order_by("-reviewed_on")[:20],
        "today": today,
    }
