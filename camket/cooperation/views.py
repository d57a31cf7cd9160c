"""Pages of the cooperation registers: thin, over `services`, `scoping` and `summary`."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.accounts import roles
from camket.cooperation import rules, services, summary
from camket.cooperation.filters import AgreementFilters, RequestFilters
from camket.cooperation.forms import AgreementForm, DocumentForm, LinkForm, RequestForm
from camket.cooperation.models import (
    Agreement,
    AgreementDocument,
    CooperationKind,
    CooperationRequest,
)
from camket.cooperation.scoping import (
    get_agreement_for_user,
    get_request_for_user,
    visible_agreements,
    visible_requests,
)
from camket.frameworks.history import entries_for
from camket.frameworks.scoping import visible_recommendations
from camket.lib.concurrency import StaleEdit
from camket.links.models import RegisterLink
from camket.reports.files import download_response, too_large
from camket.web.helpers import error_text, keep_input_after_stale_edit

PER_PAGE = 50


def _require_reader(user) -> None:
    if not rules.reads_agreements(user):
        raise PermissionDenied(_("You are not allowed to do this."))


@login_required
def agreement_list(request):
    _require_reader(request.user)
    filters = AgreementFilters.from_mapping(request.GET)
    agreements = filters.apply(visible_agreements(request.user, include_archived=True))
    page = Paginator(agreements, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "cooperation/agreements.html",
        {
            "page": page,
            "filters": filters,
            "query_string": urlencode(filters.active()),
            "kinds": CooperationKind.choices,
            "statuses": Agreement.Status.choices,
            "can_create": rules.edits_agreements(request.user),
        },
    )


def _linked_items(user, agreement):
    links = RegisterLink.objects.filter(agreement=agreement, archived=False).exclude(
        state=RegisterLink.State.REJECTED
    )
    items = visible_recommendations(user).filter(pk__in=links.values("item_id"))
    return list(items.select_related("framework").order_by("framework__slug", "reference"))


@login_required
def agreement_detail(request, pk):
    _require_reader(request.user)
    agreement = get_agreement_for_user(request.user, pk)
    can_edit = rules.edits_agreements(request.user, agreement)
    return render(
        request,
        "cooperation/agreement.html",
        {
            "agreement": agreement,
            "can_edit": can_edit,
            "documents": agreement.documents.order_by("uploaded_at"),
            "requests": visible_requests(request.user).filter(agreement=agreement),
            "items": _linked_items(request.user, agreement),
            "can_link": roles.is_coordinator(request.user),
            "document_form": DocumentForm(),
            "link_form": LinkForm(),
            "history": entries_for(agreement, user=request.user),
            "max_mb": round(settings.CAMKET_MAX_EVIDENCE_BYTES / 1048576, 1),
        },
    )


@login_required
def agreement_form(request, pk=None):
    _require_reader(request.user)
    agreement = get_agreement_for_user(request.user, pk) if pk else None
    if not rules.edits_agreements(request.user, agreement):
        raise PermissionDenied(
            _(
                "Only the coordinating ministry or the agreement's central "
                "authority can record agreements."
            )
        )
    form = AgreementForm(request.POST or None, instance=agreement)
    if request.method == "POST" and form.is_valid():
        try:
            if agreement is None:
                agreement = services.create_agreement(request.user, form.values())
            else:
                stored = Agreement.objects.get(pk=agreement.pk)
                agreement = services.update_agreement(
                    request.user, stored, form.values(), version=form.cleaned_data["version"]
                )
            messages.success(request, _("Agreement saved."))
            return redirect("agreement-detail", pk=agreement.pk)
        except StaleEdit as error:
            keep_input_after_stale_edit(form, error)
        except ValidationError as error:
            form.add_error(None, error)
    return render(
        request, "cooperation/agreement_form.html", {"form": form, "agreement": agreement}
    )


@login_required
@require_POST
def agreement_archive(request, pk):
    agreement = get_agreement_for_user(request.user, pk)
    try:
        services.archive_agreement(
            request.user,
            agreement,
            archived=request.POST.get("archived") == "1",
            version=_version(request),
        )
    except StaleEdit:
        messages.error(request, _("Someone else changed this agreement: nothing was changed."))
    return redirect("agreement-detail", pk=pk)


def _version(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@login_required
@require_POST
def agreement_document_upload(request, pk):
    agreement = get_agreement_for_user(request.user, pk)
    if not rules.edits_agreements(request.user, agreement):
        raise PermissionDenied(_("You cannot change this agreement."))
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
        return redirect("agreement-detail", pk=pk)
    upload = form.cleaned_data["file"]
    if upload.size > settings.CAMKET_MAX_EVIDENCE_BYTES:  # refused before it is read
        messages.error(request, too_large(upload.name, upload.size))
        return redirect("agreement-detail", pk=pk)
    try:
        services.add_agreement_document(
            request.user, agreement, form.cleaned_data["title"], upload.name, upload.read()
        )
        messages.success(request, _("Document added."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("agreement-detail", pk=pk)


@login_required
def agreement_document_download(request, pk):
    _require_reader(request.user)
    document = AgreementDocument.objects.filter(
        pk=pk, agreement__in=visible_agreements(request.user, include_archived=True)
    ).first()
    if document is None:
        raise Http404("No such document.")
    return download_response(document)


@login_required
@require_POST
def agreement_link(request, pk):
    agreement = get_agreement_for_user(request.user, pk)
    form = LinkForm(request.POST)
    slug, _colon, reference = (request.POST.get("item") or "").strip().partition(":")
    item = (
        visible_recommendations(request.user)
        .filter(framework__slug=slug.strip(), reference=reference.strip())
        .first()
    )
    if not form.is_valid() or item is None:
        messages.error(
            request,
            _("No commitment %(name)s that you can see.") % {"name": request.POST.get("item", "")},
        )
        return redirect("agreement-detail", pk=pk)
    try:
        services.link_commitment(request.user, agreement, item)
        messages.success(request, _("Commitment linked."))
    except PermissionDenied as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("agreement-detail", pk=pk)


# --- requests --------------------------------------------------------------------------------


@login_required
def request_list(request):
    _require_reader(request.user)
    filters = RequestFilters.from_mapping(request.GET)
    requests = filters.apply(visible_requests(request.user))
    page = Paginator(requests, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "cooperation/requests.html",
        {
            "page": page,
            "filters": filters,
            "query_string": urlencode(filters.active()),
            "kinds": CooperationKind.choices,
            "statuses": CooperationRequest.Status.choices,
            "directions": CooperationRequest.Direction.choices,
            "can_create": rules.creates_requests(request.user),
        },
    )


@login_required
def request_detail(request, pk):
    found = get_request_for_user(request.user, pk)
    return render(
        request,
        "cooperation/request.html",
        {
            "item": found,
            "handlers": found.handling_agencies.all(),
            "can_edit": rules.edits_request(request.user, found),
            "history": entries_for(found, user=request.user),
        },
    )


@login_required
def request_form(request, pk=None):
    found = get_request_for_user(request.user, pk) if pk else None
    allowed = (
        rules.edits_request(request.user, found) if found else rules.creates_requests(request.user)
    )
    if not allowed:
        raise PermissionDenied(_("Only a member of an agency handling the request can do this."))
    form = RequestForm(
        request.POST or None,
        instance=found,
        agreements=visible_agreements(request.user),
        picks_agency=rules.picks_responsible_agency(request.user),
    )
    if request.method == "POST" and form.is_valid():
        values = form.values()
        if "responsible_agency" in values and values["responsible_agency"] is None:
            values.pop("responsible_agency")
        handlers = list(form.cleaned_data["handling"])
        try:
            if found is None:
                found = services.create_request(request.user, values, handling_agencies=handlers)
            else:
                stored = CooperationRequest.objects.get(pk=found.pk)
                found = services.update_request(
                    request.user,
                    stored,
                    values,
                    version=form.cleaned_data["version"],
                    handling_agencies=handlers,
                )
            messages.success(request, _("Request saved."))
            if visible_requests(request.user).filter(pk=found.pk).exists():
                return redirect("cooperation-request-detail", pk=found.pk)
            return redirect("cooperation-request-list")
        except StaleEdit as error:
            keep_input_after_stale_edit(form, error)
        except ValidationError as error:
            form.add_error(None, error)
    return render(request, "cooperation/request_form.html", {"form": form, "item": found})


@login_required
def summary_page(request):
    """Counts per year, direction and type over every request, for any signed-in member; the
    partner and status breakdowns only over the requests the reader's agency handles."""
    _require_reader(request.user)
    year = RequestFilters.from_mapping(request.GET).year
    year = int(year) if year else None
    tables = summary.year_tables(summary.by_type(year))
    return render(
        request,
        "cooperation/summary.html",
        {
            "tables": tables,
            "cells": summary.by_partner(request.user, year),
            "year": str(year or ""),
            "kinds": CooperationKind.choices,
            "statuses": [
                {**row, "status_label": CooperationRequest.Status(row["status"]).label}
                for row in summary.by_status(request.user, year)
            ],
            "largest": max((table.total for table in tables), default=0),
            "years": _years(),
        },
    )


def _years() -> list[int]:
    rows = CooperationRequest.objects.dates("dated_on", "year", order="DESC")
    return [day.year for day in rows]
