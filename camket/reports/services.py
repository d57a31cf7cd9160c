"""Writing, submitting and reviewing progress reports, and attaching evidence."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from camket.accounts.permissions import require
from camket.frameworks.models import Implementation
from camket.inbox.notify import notify_report_reviewed
from camket.lib.concurrency import StaleEdit, save_if_current
from camket.lib.history import attribute_change
from camket.plans import implementation
from camket.plans.models import Action, DueDate
from camket.reports.conflicts import refuse_if_moved_on
from camket.reports.files import check_evidence, store_checked
from camket.reports.models import Evidence, ProgressReport

REPORT_FIELDS = ["status", "narrative", "indicator_value"]
State = ProgressReport.State


def report_of(due_date: DueDate) -> ProgressReport | None:
    return ProgressReport.objects.filter(due_date=due_date).first()


@transaction.atomic
def save_report(
    user, due_date: DueDate, values: dict, *, version: int | None, submit: bool = False
) -> ProgressReport:
    """Save the agency's report for a due date as it stands, or submit it to the coordinator.

    `version` is the report's version the user started from, or None when they started from
    no report at all: if someone else created, saved or submitted it meanwhile, StaleEdit is
    raised (ReportMovedOn, which says who); a report that cannot change is refused only when the
    user's own page already showed it so.
    """
    require(user, "reports.write_report", due_date)
    report = report_of(due_date)
    refuse_if_moved_on(report, version)
    if report is not None and not report.is_editable:
        raise PermissionDenied(_("You cannot change this report."))
    if values.get("status") and values["status"] not in Implementation.values:
        raise ValidationError({"status": _("Choose a status.")})
    if submit:
        merged = {name: getattr(report, name, "") for name in REPORT_FIELDS} | values
        missing = {}
        if not (merged.get("narrative") or "").strip():
            missing["narrative"] = _("Describe the progress before submitting.")
        if due_date.indicator.action_id and not merged.get("status"):
            missing["status"] = _("Give the implementation status before submitting.")
        if missing:
            raise ValidationError(missing)
    fields = [name for name in REPORT_FIELDS if name in values]
    ProgressReport(due_date=due_date, **{name: values[name] for name in fields}).full_clean(
        exclude=["due_date", "created_by", "submitted_by", "reviewed_by", "version"],
        validate_unique=False,
    )
    if report is None:
        if version is not None:
            raise StaleEdit(ProgressReport(due_date=due_date))
        report = ProgressReport(
            due_date=due_date, created_by=user, **{name: values[name] for name in fields}
        )
        attribute_change(report, user)
        try:
            with transaction.atomic():
                report.save()
        except IntegrityError:  # someone created it meanwhile
            raise StaleEdit(report_of(due_date) or report) from None
        if not submit:
            return report
        version, fields = report.version, []
    else:
        for name in fields:
            setattr(report, name, values[name])
    if submit:
        report.state = State.SUBMITTED
        report.submitted_by, report.submitted_on = user, timezone.now()
        fields += ["state", "submitted_by", "submitted_on"]
    save_if_current(report, version, fields, user=user)
    return report


@transaction.atomic
def accept_report(
    user, report: ProgressReport, *, version: int | None, comment: str = ""
) -> ProgressReport:
    """Accept a submitted report; its status becomes the action's implementation status."""
    require(user, "reports.coordinate_report", report)
    if version is not None:
        refuse_if_moved_on(report, version)
    require(user, "reports.review_report", report)
    report.state = State.ACCEPTED
    report.review_comment = comment.strip()
    report.reviewed_by, report.reviewed_on = user, timezone.now()
    save_if_current(
        report, version, ["state", "review_comment", "reviewed_by", "reviewed_on"], user=user
    )
    action = Action.objects.filter(pk=report.due_date.indicator.action_id).first()
    later_accepted = ProgressReport.objects.filter(
        due_date__indicator__action=action,
        state=State.ACCEPTED,
        due_date__due_on__gt=report.due_date.due_on,
    ).exists()
    # An older period's report accepted late does not undo what a newer one established.
    if (
        action is not None
        and report.status
        and report.status != action.status
        and not later_accepted
        and action.publication != Action.Publication.ARCHIVED
    ):
        action.status = report.status
        # A reason explains "not implemented" only; another status leaves none behind.
        action.status_reason = (
            report.narrative if report.status == Implementation.NOT_IMPLEMENTED else ""
        )
        action._change_reason = _("Accepted progress report due %(date)s") % {
            "date": formats.date_format(report.due_date.due_on, "SHORT_DATE_FORMAT")
        }
        save_if_current(action, action.version, ["status", "status_reason"], user=user)
        implementation.refresh(action.recommendations.values_list("pk", flat=True), user=user)
    notify_report_reviewed(report)
    return report


@transaction.atomic
def return_report(
    user, report: ProgressReport, *, version: int | None, comment: str
) -> ProgressReport:
    """Send a submitted report back to its agency, saying what to change."""
    require(user, "reports.coordinate_report", report)
    if version is not None:
        refuse_if_moved_on(report, version)
    require(user, "reports.review_report", report)
    if not comment.strip():
        raise ValidationError({"review_comment": _("Say what the agency should change.")})
    report.state = State.RETURNED
    report.review_comment = comment.strip()
    report.reviewed_by, report.reviewed_on = user, timezone.now()
    save_if_current(
        report, version, ["state", "review_comment", "reviewed_by", "reviewed_on"], user=user
    )
    notify_report_reviewed(report)
    return report


@transaction.atomic
def set_report_public(
    user, report: ProgressReport, is_public: bool, *, version: int | None = None
) -> ProgressReport:
    """Show an accepted report (status, narrative, value, public files) on the public portal,
    or take it off. Only the framework's coordinators may; the change is kept in history."""
    require(user, "reports.coordinate_report", report)
    if version is not None:
        refuse_if_moved_on(report, version)
    require(user, "reports.publish_report", report)
    if report.is_public == is_public:
        return report
    report.is_public = is_public
    save_if_current(
        report, report.version if version is None else version, ["is_public"], user=user
    )
    return report


@transaction.atomic
def add_evidence(
    user, due_date: DueDate, name: str, data: bytes, *, is_public: bool = False
) -> Evidence:
    """Attach a checked file to the due date's report (a draft report is started if needed)."""
    require(user, "reports.change_report", due_date)
    checked = check_evidence(name, data)
    report = report_of(due_date) or save_report(user, due_date, {}, version=None)
    return store_checked(Evidence(report=report, is_public=is_public), user, checked, data)


@transaction.atomic
def save_report_with_evidence(
    user,
    due_date: DueDate,
    values: dict,
    *,
    version: int | None,
    file: tuple[str, bytes, bool] | None = None,
    submit: bool = False,
) -> ProgressReport:
    """Save the report as typed and attach `file` (name, data, is public) with it, then submit
    if asked: the page sends all of it at once, so attaching a file never loses what was typed.
    All or nothing: a refused file or a stale edit leaves the report as it was."""
    if file is None:
        return save_report(user, due_date, values, version=version, submit=submit)
    report = save_report(user, due_date, values, version=version)
    name, data, is_public = file
    evidence = add_evidence(user, due_date, name, data, is_public=is_public)
    if submit:
        try:
            report = save_report(user, due_date, {}, version=report.version, submit=True)
        except Exception:
            evidence.file.delete(save=False)  # the row is rolled back; the stored file too
            raise
    return report


@transaction.atomic
def change_evidence(
    user, evidence: Evidence, *, is_public: bool | None = None, archived: bool | None = None
) -> Evidence:
    """Mark a file public or internal, or archive it (files are never deleted)."""
    require(user, "reports.change_report", evidence.report.due_date)
    if is_public is not None:
        evidence.is_public = is_public
    if archived is not None:
        evidence.archived = archived
    attribute_change(evidence, user)
    evidence.save(update_fields=["is_public", "archived"])
    return evidence
