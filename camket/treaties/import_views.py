"""The page where the coordinating ministry imports states' status in instruments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from camket.treaties.import_forms import StatusImportForm
from camket.treaties.importing import IMPORT_PERMISSION, import_status_file, template_csv
from camket.treaties.rows import RESERVATION_COLUMNS, STATUS_COLUMNS


def _allowed(request) -> None:
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied(_("Only the coordinating ministry can import treaty status."))


@login_required
def status_import(request):
    _allowed(request)
    form = StatusImportForm(request.POST or None, request.FILES or None)
    summary = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        check_only = "check" in request.POST
        summary = import_status_file(
            upload.name,
            raw=upload.read(),
            user=request.user,
            dry_run=check_only,
            file_name=upload.name,
            encoding=form.cleaned_data["encoding"] or None,
        )
        if summary.ok and not check_only:
            messages.success(
                request,
                _(
                    "Imported %(name)s: %(created)d created, %(updated)d updated, %(unchanged)d "
                    "unchanged; reservations: %(r_created)d created, %(r_updated)d updated."
                )
                % {
                    "name": summary.file_name,
                    "created": summary.created,
                    "updated": summary.updated,
                    "unchanged": summary.unchanged,
                    "r_created": summary.reservations_created,
                    "r_updated": summary.reservations_updated,
                },
            )
            if summary.absent_columns:
                messages.warning(
                    request,
                    _("No column %(columns)s: those fields were left as they were.")
                    % {"columns": ", ".join(summary.absent_columns)},
                )
            return redirect("treaty-import")
    return render(
        request,
        "treaties/import.html",
        {
            "form": form,
            "summary": summary,
            "status_columns": STATUS_COLUMNS,
            "reservation_columns": RESERVATION_COLUMNS,
        },
        status=400 if summary is not None and not summary.ok else 200,
    )


@login_required
def import_template(request, kind: str):
    _allowed(request)
    response = HttpResponse(template_csv(kind), content_type="text/csv; charset=utf-8")
    name = "treaty-reservations.csv" if kind == "reservations" else "treaty-status.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
