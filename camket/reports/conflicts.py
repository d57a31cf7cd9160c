"""A report change refused because someone else moved the report on since the page was loaded.

That is a conflict with another person's change (HTTP 409: reload and look), not a refusal of
the user's rights (403): the message says who did what, and when."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from camket.lib.concurrency import StaleEdit
from camket.reports.models import ProgressReport

State = ProgressReport.State


class ReportMovedOn(StaleEdit):
    """The report's version is not the one the user's page showed."""

    def __init__(self, report: ProgressReport):
        super().__init__(report)
        self.report = report
        self.args = (moved_on_message(report),)


def refuse_if_moved_on(report: ProgressReport | None, version: int | None) -> None:
    """Raise ReportMovedOn when the stored report is not the version the user started from
    (`version` None: they started from no report at all)."""
    if report is not None and version != report.version:
        raise ReportMovedOn(report)


def moved_on_message(report: ProgressReport) -> str:
    if report.state == State.SUBMITTED:
        who, when = report.submitted_by, report.submitted_on
        done = _("%(who)s submitted this report to the coordinator (%(when)s)")
    elif report.state == State.RETURNED:
        who, when = report.reviewed_by, report.reviewed_on
        done = _("%(who)s returned this report to the agency (%(when)s)")
    elif report.state == State.ACCEPTED:
        who, when = report.reviewed_by, report.reviewed_on
        done = _("%(who)s accepted this report (%(when)s)")
    else:
        last = report.history.order_by("-history_date").select_related("history_user").first()
        who, when = (last.history_user, last.history_date) if last else (None, None)
        done = _("%(who)s saved this report (%(when)s)")
    return _(
        "%(change)s since you opened the page, so your change was not made. Reload the page "
        "to see the report as it is now."
    ) % {"change": done % {"who": _name(who), "when": _time(when)}}


def _name(user) -> str:
    if user is None:
        return _("Someone else")
    return user.get_full_name() or user.username


def _time(moment) -> str:
    return (
        formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else "—"
    )
