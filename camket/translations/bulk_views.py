"""The translators' workbook on the web: download a framework's items, upload them back
translated (checked first; all rows or none)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.frameworks.scoping import visible_recommendations
from camket.translations.forms import ExportForm, UploadForm
from camket.translations.services import translatable
from camket.translations.workbook import export_workbook, import_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _translators_only(user) -> None:
    """Coordinators and agency officers translate; a viewer has nothing to upload."""
    if not (roles.is_coordinator(user) or roles.is_agency_officer(user)):
        raise PermissionDenied(_("Only coordinators and agency officers translate items."))


@login_required
def bulk_view(request):
    _translators_only(request.user)
    export_form = ExportForm(request.GET or None, user=request.user)
    if request.GET and export_form.is_valid():
        framework = export_form.cleaned_data["framework"]
        # An officer gets only the rows they may fill; a coordinator of the framework all.
        items = translatable(
            request.user, visible_recommendations(request.user).filter(framework=framework)
        )
        if export_form.cleaned_data["missing"]:
            items = items.filter(text_vi="")
        response = HttpResponse(export_workbook(items), content_type=XLSX)
        response["Content-Disposition"] = (
            f'attachment; filename="{framework.slug}-translations.xlsx"'
        )
        return response
    upload_form, result = UploadForm(), None
    if request.method == "POST":
        upload_form = UploadForm(request.POST, request.FILES)
        if upload_form.is_valid():
            result = import_workbook(
                request.user,
                upload_form.cleaned_data["file"].read(),
                dry_run=upload_form.cleaned_data["dry_run"],
            )
    return render(
        request,
        "translations/bulk.html",
        {"export_form": export_form, "upload_form": upload_form, "result": result},
    )
