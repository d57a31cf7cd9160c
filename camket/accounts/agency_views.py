"""Agency pages under /manage/agencies/: list, create, edit, archive and bring back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from camket.accounts import agencies
from camket.accounts.forms import AgencyForm
from camket.accounts.models import Agency
from camket.frameworks.history import entries_for
from camket.lib.concurrency import StaleEdit
from camket.web.helpers import keep_input_after_stale_edit, posted_int, show_refusal


def _managers_only(request) -> None:
    if not agencies.may_manage(request.user):
        raise PermissionDenied(
            _("Only the coordinating ministry's coordinators and administrators manage agencies.")
        )


@login_required
def agency_list(request):
    _managers_only(request)
    archived = request.GET.get("archived") == "1"
    query = request.GET.get("q", "").strip()
    page = Paginator(agencies.listed_agencies(archived=archived, query=query), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "accounts/agency_list.html",
        {
            "page": page,
            "archived": archived,
            "query": query,
            "query_string": urlencode({"q": query, "archived": "1" if archived else ""}),
        },
    )


@login_required
def agency_detail(request, pk):
    _managers_only(request)
    agency = get_object_or_404(Agency, pk=pk)
    members = agency.members.select_related("user").order_by("user__username")
    return render(
        request,
        "accounts/agency_detail.html",
        {
            "agency": agency,
            "members": members,
            "blockers": [] if agency.archived else agencies.blockers(agency),
            "history": entries_for(agency, str(agency), user=request.user),
        },
    )


@login_required
def agency_edit(request, pk=None):
    _managers_only(request)
    agency = get_object_or_404(Agency, pk=pk) if pk is not None else None
    form = AgencyForm(request.POST or None, instance=agency)
    if request.method == "POST" and form.is_valid():
        try:
            if agency is None:
                change = agencies.create_agency(request.user, form.values())
            else:
                change = agencies.update_agency(
                    request.user, agency, form.values(), version=form.cleaned_data["version"]
                )
        except StaleEdit as error:
            keep_input_after_stale_edit(form, error)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("Agency saved.")
                if change.created or change.changed
                else _("Nothing to save: the agency was already so."),
            )
            return redirect("manage-agency", pk=change.agency.pk)
    return render(request, "accounts/agency_form.html", {"form": form, "agency": agency})


@login_required
def agency_archive(request, pk):
    """GET asks for confirmation (showing what blocks archiving); POST archives or, with
    archived=0, brings the agency back."""
    _managers_only(request)
    agency = get_object_or_404(Agency, pk=pk)
    archive = not agency.archived
    found = agencies.blockers(agency) if archive else []
    if request.method == "POST":
        archive = request.POST.get("archived") == "1"
        try:
            agencies.set_archived(
                request.user, agency, archive, version=posted_int(request.POST.get("version"))
            )
        except StaleEdit:
            messages.error(
                request, _("Someone else changed this agency meanwhile: check it and try again.")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Agency archived.") if archive else _("Agency brought back.")
            )
        return redirect("manage-agency", pk=agency.pk)
    return render(
        request,
        "accounts/agency_archive.html",
        {"agency": agency, "archive": archive, "blockers": found},
    )
