"""The work of an agency officer: opinions requested from the agency, its progress reports
overdue, due soon and returned."""

from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from camket.accounts import roles
from camket.frameworks.models import Recommendation
from camket.inbox.sources import ROWS_SHOWN, Row, Source, due_date_rows, framework_label
from camket.lib.text import as_one_line
from camket.plans.scoping import visible_due_dates
from camket.reports.due_dates import due_dates_to_chase
from camket.reports.models import ProgressReport
from camket.reports.scoping import visible_reports
from camket.review.models import Assessment
from camket.review.scoping import visible_assessments

OPEN_OPINION = [Assessment.State.REQUESTED, Assessment.State.DRAFT]


def _own_due_dates(user):
    return (
        due_dates_to_chase()
        .filter(
            pk__in=visible_due_dates(user).values("pk"), indicator__agency=roles.agency_of(user)
        )
        .exclude(report__state=ProgressReport.State.RETURNED)
    )


class OpinionsRequested(Source):
    kind, label, more_url_name = (
        "opinions_requested",
        _("Opinions requested from your agency"),
        "my-assessments",
    )

    def queryset(self, user, today):
        return (
            visible_assessments(user)
            .filter(
                agency=roles.agency_of(user),
                state__in=OPEN_OPINION,
                recommendation__framework__archived=False,
            )
            .exclude(recommendation__status=Recommendation.Status.ARCHIVED)
        )

    def rows(self, queryset, today):
        found = queryset.select_related("recommendation", "recommendation__framework").order_by(
            F("due_on").asc(nulls_last=True), "pk"
        )[:ROWS_SHOWN]
        return [
            Row(
                as_one_line(a.recommendation.reference)
                + " — "
                + as_one_line(a.recommendation.text)[:120],
                framework_label(a.recommendation.framework),
                a.due_on,
                a.due_on is not None and a.due_on < today,
                reverse("assessment-edit", args=[a.pk]),
            )
            for a in found
        ]


class ReportsOverdue(Source):
    kind, label, more_url_name = "reports_overdue", _("Reports overdue"), "report-queue"

    def queryset(self, user, today):
        return _own_due_dates(user).filter(due_on__lt=today)

    def rows(self, queryset, today):
        return due_date_rows(queryset, today)


class ReportsDueSoon(Source):
    kind, label, more_url_name = "reports_due_soon", _("Reports due soon"), "report-queue"

    def queryset(self, user, today):
        until = today + timedelta(days=settings.CAMKET_REMIND_DAYS_BEFORE)
        return _own_due_dates(user).filter(due_on__gte=today, due_on__lte=until)

    def rows(self, queryset, today):
        return due_date_rows(queryset, today)


class ReportsReturned(Source):
    kind, label, more_url_name = (
        "reports_returned",
        _("Reports returned for changes"),
        "report-queue",
    )

    def queryset(self, user, today):
        return visible_reports(user).filter(
            state=ProgressReport.State.RETURNED,
            due_date__in=due_dates_to_chase(),
            due_date__indicator__agency=roles.agency_of(user),
        )

    def rows(self, queryset, today):
        due_dates = due_dates_to_chase().filter(report__in=queryset)
        return due_date_rows(due_dates, today)
