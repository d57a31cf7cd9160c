from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.accounts import roles
from camket.lib.concurrency import StaleEdit
from camket.lib.numbers import positive_int_text
from camket.plans.scoping import get_due_date_for_user
from camket.reports import services
from camket.reports.conflicts import ReportMovedOn
from camket.reports.files import check_evidence, download_response, too_large
from camket.reports.forms import EvidenceForm, ReportForm, ReviewForm
from camket.reports.history import report_history
from camket.reports.queues import QueueFilters
from camket.reports.scoping import (
    evidence_of_report,
    get_evidence_for_user,
    get_report_for_user,
    report_of_due_date_for_user,
)
from camket.web.helpers import error_text, keep_input_after_stale_edit, stale_message

# Someone else saved, submitted or reviewed the report since the user's page was loaded.
CONFLICT = 409


@login_required
def due_date_report_view(request, pk):
    due_date = get_due_date_for_user(request.user, pk)
    report = report_of_due_date_for_user(request.user, due_date)
    form = ReportForm(request.POST or None, instance=report)
    evidence_form = None
    status = 200
    if request.method == "POST":
        # Whether the report's state still allows a change is the service's to say: a report
        # submitted by a colleague meanwhile is a conflict (409), not a refusal (403).
        if not request.user.has_perm("reports.write_report", due_date):
            raise PermissionDenied(_("You cannot change this report."))
        evidence_form = EvidenceForm(request.POST, request.FILES or None)
        outcome = _save_report(request, due_date, form, evidence_form)
        if outcome == "saved":
            return redirect("due-date-report", pk=pk)
        if outcome == "conflict":
            status = CONFLICT
            report = report_of_due_date_for_user(request.user, due_date)
    return _report_page(request, due_date, report, form, evidence_form, status=status)


def _report_page(request, due_date, report, form, evidence_form, *, status=200):
    can_edit = request.user.has_perm("reports.change_report", due_date)
    if can_edit and evidence_form is None:
        evidence_form = EvidenceForm()
    evidence = list(evidence_of_report(request.user, report)) if report else []
    history = report_history(request.user, report, evidence) if report else []
    indicator = due_date.indicator
    return render(
        request,
        "reports/report.html",
        {
            "due_date": due_date,
            "indicator": indicator,
            "report": report,
            "form": form,
            "can_edit": can_edit,
            "evidence": evidence,
            "history": history,
            "evidence_form": evidence_form,
            "can_review": report is not None
            and request.user.has_perm("reports.review_report", report),
            "can_publish": report is not None
            and request.user.has_perm("reports.publish_report", report),
            "review_form": ReviewForm(initial={"version": report.version}) if report else None,
            "overdue": due_date.due_on < timezone.localdate()
            and (report is None or report.is_editable),
        },
        status=status,
    )


def _save_report(request, due_date, form, evidence_form) -> str:
    """Save the report as typed, with the file chosen in the same form ("Attach file", or any
    other button): attaching never throws away the typed narrative and value. When anything
    is refused, nothing is saved and the form comes back with the input.

    Returns "saved", "invalid" or "conflict" (someone else changed the report meanwhile)."""
    submit, attach = "submit" in request.POST, "attach" in request.POST
    if not (form.is_valid() and evidence_form.is_valid()):
        return "invalid"
    upload = evidence_form.cleaned_data["file"]
    if upload is None and attach:
        evidence_form.add_error("file", _("Choose a file to upload."))
        return "invalid"
    file = None
    if upload is not None:
        if upload.size > settings.CAMKET_MAX_EVIDENCE_BYTES:  # refused before it is read
            evidence_form.add_error("file", too_large(upload.name, upload.size))
            return "invalid"
        file = (upload.name, upload.read(), evidence_form.cleaned_data["is_public"])
        try:
            check_evidence(file[0], file[1])
        except ValidationError as error:
            evidence_form.add_error("file", error)
            return "invalid"
    try:
        services.save_report_with_evidence(
            request.user,
            due_date,
            form.values(),
            version=form.cleaned_data["version"],
            file=file,
            submit=submit,
        )
    except ReportMovedOn as error:
        messages.error(request, str(error))
        if error.report.is_editable:  # a colleague's save: keep the typing to compare
            keep_input_after_stale_edit(form, error)
        return "conflict"
    except StaleEdit as error:
        keep_input_after_stale_edit(form, error)
        return "conflict"
    except ValidationError as error:
        form.add_error(None, error)
        return "invalid"
    saved = _("Report submitted to the coordinator.") if submit else _("Draft saved.")
    messages.success(request, f"{saved} {_('File attached.')}" if file else saved)
    return "saved"


@login_required
@require_POST
def evidence_change_view(request, pk):
    evidence = get_evidence_for_user(request.user, pk)
    change = {
        "public": {"is_public": True},
        "internal": {"is_public": False},
        "archive": {"archived": True},
        "restore": {"archived": False},
    }.get(request.POST.get("change", ""))
    if change is None:
        messages.error(request, _("Unknown change."))
    else:
        services.change_evidence(request.user, evidence, **change)
    return redirect("due-date-report", pk=evidence.report.due_date_id)


@login_required
def evidence_download_view(request, pk):
    evidence = get_evidence_for_user(request.user, pk)
    return download_response(evidence)


@login_required
@require_POST
def report_review_view(request, pk):
    report = get_report_for_user(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The review was not saved: reload the page and try again."))
        return redirect("due-date-report", pk=report.due_date_id)
    accept = "accept" in request.POST
    review = services.accept_report if accept else services.return_report
    try:
        review(
            request.user,
            report,
            version=form.cleaned_data["version"],
            comment=form.cleaned_data["comment"],
        )
    except StaleEdit as error:
        messages.error(request, str(error) if isinstance(error, ReportMovedOn) else stale_message())
        return _page_after_conflict(request, report)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("Report accepted.") if accept else _("Report returned to the agency.")
        )
    return redirect("due-date-report", pk=report.due_date_id)


def _page_after_conflict(request, report):
    """The report page as it is now, answered 409: the change was refused because someone else
    changed the report first."""
    due_date = get_due_date_for_user(request.user, report.due_date_id)
    report = report_of_due_date_for_user(request.user, due_date)
    return _report_page(
        request, due_date, report, ReportForm(instance=report), None, status=CONFLICT
    )


@login_required
@require_POST
def report_public_view(request, pk):
    """Put an accepted report on the public portal, or take it off."""
    report = get_report_for_user(request.user, pk)
    is_public = request.POST.get("public") == "1"
    version = positive_int_text(request.POST.get("version", ""))
    try:
        services.set_report_public(
            request.user, report, is_public, version=int(version) if version else None
        )
    except StaleEdit as error:
        messages.error(request, str(error) if isinstance(error, ReportMovedOn) else stale_message())
        return _page_after_conflict(request, report)
    else:
        messages.success(
            request,
            _("The report is on the public portal.")
            if is_public
            else _("The report is no longer on the public portal."),
        )
    return redirect("due-date-report", pk=report.due_date_id)


@login_required
def report_queue_view(request):
    filters = QueueFilters.from_mapping(request.user, request.GET)
    return render(
        request,
        "reports/queue.html",
        {
            **filters.queues(request.user),
            "agency": filters.agency,
            "filters": filters,
            "is_coordinator": roles.is_coordinator(request.user),
        },
    )
