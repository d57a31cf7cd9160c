"""What each user has to do about reports (write them, or review them), and what is late."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from camket.accounts import roles
from camket.accounts.models import Agency
from camket.lib.numbers import positive_int_text
from camket.plans.matching import Concerning, due_date_condition
from camket.plans.models import DueDate
from camket.plans.scoping import visible_due_dates
from camket.reports.due_dates import due_dates_to_chase
from camket.reports.models import ProgressReport
from camket.reports.scoping import as_handed_over, coordinated_reports, visible_reports

UPCOMING_DAYS = 90


def report_queues(
    user, *, agency: str = "", framework: str = "", today=None, concerning: Concerning | None = None
) -> dict:
    """Overdue and upcoming due dates of one agency (an officer's own by default, or the one
    asked for), or of all agencies the user may see; reports awaiting the coordinator."""
    today = today or timezone.localdate()
    concerned = due_date_condition(concerning or Concerning(framework=framework))
    chosen_dates = visible_due_dates(user).filter(concerned)
    if agency:
        chosen_dates = chosen_dates.filter(indicator__agency__code=agency)
    elif roles.is_agency_officer(user):
        chosen_dates = chosen_dates.filter(indicator__agency=roles.agency_of(user))
    # The chosen due dates are visible and concerned already: scoped once, not twice.
    open_dates = (
        due_dates_to_chase()
        .filter(pk__in=chosen_dates.values("pk"))
        .select_related(
            "indicator",
            "indicator__agency",
            "indicator__action",
            "indicator__recommendation",
            "report",
        )
    )
    upcoming_until = today + timedelta(days=UPCOMING_DAYS)
    # Read once, then split: each use of `open_dates` compiles its (large) scoping subqueries.
    shown_dates = list(open_dates.filter(due_on__lte=upcoming_until).order_by("due_on", "pk"))
    seen = set(
        visible_reports(user)
        .filter(due_date__in=[due_date.pk for due_date in shown_dates])
        .values_list("pk", flat=True)
    )
    for due_date in shown_dates:
        report = getattr(due_date, "report", None)  # None when there is none yet
        # Each due date's report as this user may see it: another agency's draft is not.
        due_date.seen_report = report if report is not None and report.pk in seen else None

    related = (
        "due_date",
        "due_date__indicator",
        "due_date__indicator__agency",
        "due_date__indicator__action",
    )
    return {
        "overdue": [due_date for due_date in shown_dates if due_date.due_on < today],
        "upcoming": [due_date for due_date in shown_dates if due_date.due_on >= today],
        # Submitted reports of the frameworks the user coordinates.
        "to_review": visible_reports(user)
        .filter(coordinated_reports(user), state=ProgressReport.State.SUBMITTED)
        .select_related(*related)
        .order_by("submitted_on"),
        # The same agency and framework as the due dates above: an officer's own by default.
        "recently_accepted": visible_reports(user)
        .filter(state=ProgressReport.State.ACCEPTED, due_date__in=chosen_dates)
        .select_related(*related)
        .order_by("-reviewed_on")[:20],
        "today": today,
    }


@dataclass(frozen=True)
class QueueFilters:
    """The queue's filters as its address gives them (the page and its export alike)."""

    agency: Agency | None  # asked for, or an officer's own
    concerning: Concerning
    agency_code: str = ""  # as given in the address

    @classmethod
    def from_mapping(cls, user, data) -> "QueueFilters":
        code = str(data.get("agency") or "").strip()[:30]
        agency = (
            Agency.objects.filter(code=code).first()
            if code
            else (roles.agency_of(user) if roles.is_agency_officer(user) else None)
        )
        category = positive_int_text(str(data.get("category") or ""))
        concerning = Concerning(
            framework=str(data.get("framework") or "").strip()[:80],
            kind=str(data.get("kind") or "").strip()[:20],
            category=int(category) if category else None,
        )
        return cls(agency=agency, concerning=concerning, agency_code=code)

    def active(self) -> dict[str, str]:
        given = {"agency": self.agency_code, **self.concerning.params()}
        return {name: str(value) for name, value in given.items() if value}

    def queues(self, user, today=None) -> dict:
        return report_queues(
            user,
            agency=self.agency.code if self.agency else "",
            concerning=self.concerning,
            today=today,
        )


SECTIONS = {
    "to_review": _("Submitted, awaiting your review"),
    "overdue": _("Overdue"),
    "upcoming": _("Due in the next 90 days"),
    "recently_accepted": _("Recently accepted"),
}


@dataclass
class QueueRow:
    section: str  # a key of SECTIONS
    due_date: DueDate
    report: ProgressReport | None  # as this user may read it; None: none they may see

    @property
    def section_label(self) -> str:
        return str(SECTIONS[self.section])


def queue_rows(user, queues: dict) -> list[QueueRow]:
    """The queue's sections as one list, in the page's order; the review section is shown to
    coordinators only, as on the page."""
    rows = []
    if roles.is_coordinator(user):
        rows += [
            QueueRow("to_review", report.due_date, as_handed_over(user, report))
            for report in queues["to_review"]
        ]
    for section in ("overdue", "upcoming"):
        rows += [
            QueueRow(section, due_date, as_handed_over(user, due_date.seen_report))
            for due_date in queues[section]
        ]
    rows += [
        QueueRow("recently_accepted", report.due_date, report)
        for report in queues["recently_accepted"]
    ]
    return rows
