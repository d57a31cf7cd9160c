"""The monitoring API: due dates, progress reports, evidence files and reminders.

Reads go through the scoping functions of camket.plans and camket.reports, writes through their
services; the exception handlers of camket.api.api turn refusals into 403, stale versions into
409, invalid input into 422 and anything the user may not see into 404.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import FileResponse, Http404
from django.utils import timezone
from ninja import Field, File, Query, Router, Schema, UploadedFile
from ninja.pagination import paginate

from camket.accounts import roles
from camket.accounts.permissions import require
from camket.api import plan_schemas as s
from camket.api.agencies import agency_by_code
from camket.api.pagination import BoundedPageNumberPagination
from camket.api.schemas import HistoryOut
from camket.plans.scoping import (
    get_due_date_for_user,
    visible_due_dates,
)
from camket.reminders.services import as_dicts, send_reminders
from camket.reports import services as report_services
from camket.reports.due_dates import open_due_dates
from camket.reports.history import report_history
from camket.reports.scoping import (
    get_evidence_for_user,
    get_report_for_user,
    visible_reports,
)

due_dates = Router(tags=["due dates"])
reports = Router(tags=["progress reports"])
evidence = Router(tags=["evidence"])
reminders = Router(tags=["reminders"])


def due_dates_seen_by(user):
    """Visible due dates, with whether each is open and the report the user may see."""
    seen = visible_reports(user).filter(due_date=OuterRef("pk"))
    return (
        visible_due_dates(user)
        .select_related("indicator", "indicator__agency")
        .annotate(
            is_open=Exists(open_due_dates().filter(pk=OuterRef("pk"))),
            seen_report_id=Subquery(seen.values("pk")[:1]),
            seen_report_state=Subquery(seen.values("state")[:1]),
        )
        .order_by("due_on", "id")
    )


class DueDateQuery(Schema):
    agency: str = ""
    overdue: bool | None = None
    open: bool | None = None
    archived: bool = Field(False, description="list archived due dates instead")


@due_dates.get("", response=list[s.DueDateOut])
@paginate(BoundedPageNumberPagination)
def list_due_dates(request, filters: Query[DueDateQuery]):
    queryset = due_dates_seen_by(request.user).filter(archived=filters.archived)
    if filters.agency:
        queryset = queryset.filter(indicator__agency=agency_by_code(filters.agency, "agency"))
    if filters.open is not None:
        queryset = queryset.filter(is_open=filters.open)
    if filters.overdue is not None:
        overdue = Q(is_open=True, due_on__lt=timezone.localdate())
        queryset = queryset.filter(overdue if filters.overdue else ~overdue)
    return queryset


@due_dates.get("/{int:pk}", response=s.DueDateDetailOut)
def get_due_date(request, pk: int):
    return get_due_date_for_user(request.user, pk)


@due_dates.put("/{int:pk}/report", response=s.ReportOut)
def save_report(request, pk: int, payload: s.ReportIn):
    due_date = get_due_date_for_user(request.user, pk)
    values = payload.dict(include={"status", "narrative", "indicator_value"})
    report = report_services.save_report(
        request.user, due_date, values, version=payload.version, submit=payload.submit
    )
    return get_report_for_user(request.user, report.pk)


@reports.get("/{int:pk}", response=s.ReportOut)
def get_report(request, pk: int):
    return get_report_for_user(request.user, pk)


@reports.post("/{int:pk}/accept", response=s.ReportOut)
def accept_report(request, pk: int, payload: s.ReviewIn):
    report = get_report_for_user(request.user, pk)
    report_services.accept_report(
        request.user, report, version=payload.version, comment=payload.comment
    )
    return get_report_for_user(request.user, pk)


@reports.post("/{int:pk}/public", response=s.ReportOut)
def set_report_public(request, pk: int, payload: s.ReportPublicIn):
    report = get_report_for_user(request.user, pk)
    report_services.set_report_public(
        request.user, report, payload.is_public, version=payload.version
    )
    return get_report_for_user(request.user, pk)


@reports.post("/{int:pk}/return", response=s.ReportOut)
def return_report(request, pk: int, payload: s.ReviewIn):
    report = get_report_for_user(request.user, pk)
    report_services.return_report(
        request.user, report, version=payload.version, comment=payload.comment
    )
    return get_report_for_user(request.user, pk)


@reports.get("/{int:pk}/history", response=list[HistoryOut])
def get_report_history(request, pk: int):
    """Only the reporting agency and the coordinator see it; others get an empty list."""
    return report_history(request.user, get_report_for_user(request.user, pk))


# --- evidence --------------------------------------------------------------------------------


@due_dates.post("/{int:pk}/evidence", response=s.EvidenceOut)
def upload_evidence(request, pk: int, file: File[UploadedFile], is_public: bool = False):
    due_date = get_due_date_for_user(request.user, pk)
    # Refuse before reading the whole upload into memory; the service checks everything else.
    require(request.user, "reports.change_report", due_date)
    limit = settings.CAMKET_MAX_EVIDENCE_BYTES
    if file.size > limit:
        raise ValidationError(
            {"file": [f"{file.name} is {file.size} bytes; the limit is {limit} bytes."]}
        )
    return report_services.add_evidence(
        request.user, due_date, file.name or "", file.read(), is_public=is_public
    )


@evidence.get("/{int:pk}/download")
def download_evidence(request, pk: int):
    item = get_evidence_for_user(request.user, pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing.") from None
    response = FileResponse(
        handle, as_attachment=True, filename=item.original_name, content_type=item.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@evidence.post("/{int:pk}", response=s.EvidenceOut)
def change_evidence(request, pk: int, payload: s.EvidenceChangeIn):
    item = get_evidence_for_user(request.user, pk)
    return report_services.change_evidence(
        request.user, item, is_public=payload.is_public, archived=payload.archived
    )


# --- reminders -------------------------------------------------------------------------------


@reminders.post("/run", response=list[s.ReminderOut])
def run_reminders(request, dry_run: bool = False):
    if not roles.is_coordinator(request.user):
        raise PermissionDenied("Only the coordinating ministry can send reminders.")
    return as_dicts(send_reminders(dry_run=dry_run))
