"""The register's pages: every member reads; editors (rules.py) add, change and link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.accounts import roles
from camket.frameworks.history import entries_for
from camket.legislation import export, services
from camket.legislation.forms import CommitmentForm, InstrumentForm, LegalActForm
from camket.legislation.listing import ActFilters, filter_acts, with_commitment_counts
from camket.legislation.models import LegalAct
from camket.legislation.scoping import commitment_links, get_act_for_user
from camket.lib.concurrency import StaleEdit
from camket.treaties.models import Instrument
from camket.web.helpers import error_text, keep_input_after_stale_edit, posted_int, show_refusal

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _reader(request) -> None:
    if not request.user.has_perm("legislation.view_legalact"):
        raise PermissionDenied(_("You are not allowed to do this."))


def _editable(request, pk) -> LegalAct:
    act = get_act_for_user(request.user, pk)
    if not services.may_edit(request.user, act):
        raise PermissionDenied(
            _("Only the coordinating ministry or the act's drafting agency can change this act.")
        )
    return act


@login_required
def act_list(request):
    _reader(request)
    filters = ActFilters.from_mapping(request.GET)
    acts = with_commitment_counts(
        request.user, filter_acts(request.user, filters).prefetch_related("instruments")
    )
    return render(
        request,
        "legislation/list.html",
        {
            "acts": acts,
            "filters": filters,
            "kinds": LegalAct.Kind.choices,
            "statuses": LegalAct.Status.choices,
            "instruments": Instrument.objects.filter(legal_acts__isnull=False).distinct(),
            "query": request.GET.urlencode(),
            "language": get_language(),
            "may_add": request.user.has_perm("legislation.add_legalact"),
        },
    )


@login_required
def act_export(request, fmt):
    _reader(request)
    if fmt not in ("csv", "xlsx"):
        raise Http404("No such format.")
    acts = filter_acts(request.user, ActFilters.from_mapping(request.GET))
    if fmt == "xlsx":
        response = HttpResponse(
            export.register_xlsx(request.user, acts, _("Legal acts")), content_type=XLSX
        )
    else:
        response = HttpResponse(
            export.register_csv(request.user, acts), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="legal-acts.{fmt}"'
    return response


@login_required
def act_detail(request, pk):
    _reader(request)
    act = get_act_for_user(request.user, pk)
    links = list(commitment_links(request.user, act))
    history = entries_for(act, user=request.user)
    for link in links:
        history += entries_for(
            link, subject=f"{link.item.framework.slug}:{link.item.reference}", user=request.user
        )
    editable = services.may_edit(request.user, act)
    return render(
        request,
        "legislation/detail.html",
        {
            "act": act,
            "language": get_language(),
            "editable": editable,
            "instruments": [
                (i, reverse("treaty-instrument", args=[i.key]), i.label(get_language()))
                for i in act.instruments.all()
            ],
            "links": [
                (link, request.user.has_perm("links.change_registerlink", link)) for link in links
            ],
            "history": sorted(history, key=lambda entry: entry.when, reverse=True),
            "instrument_form": InstrumentForm(act=act, initial={"version": act.version})
            if editable and not act.archived
            else None,
            # Only a framework's coordinators link its items (links.change_registerlink).
            "commitment_form": CommitmentForm()
            if roles.is_coordinator(request.user) and not act.archived
            else None,
        },
    )


@login_required
def act_create(request):
    _reader(request)
    if not request.user.has_perm("legislation.add_legalact"):
        raise PermissionDenied(_("You are not allowed to do this."))
    form = LegalActForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            act = services.create_act(
                request.user, form.values(), instruments=form.cleaned_data["instruments"]
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The act was added to the register."))
            return redirect("legislation:detail", pk=act.pk)
    return render(request, "legislation/form.html", {"form": form, "act": None})


@login_required
def act_edit(request, pk):
    act = _editable(request, pk)
    form = LegalActForm(request.POST or None, instance=act, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_act(
                request.user,
                act,
                form.values(),
                version=form.cleaned_data["version"],
                instruments=form.cleaned_data["instruments"],
            )
        except StaleEdit as error:
            keep_input_after_stale_edit(form, error)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The act was saved."))
            return redirect("legislation:detail", pk=act.pk)
    return render(request, "legislation/form.html", {"form": form, "act": act})


@login_required
@require_POST
def act_archive(request, pk):
    act = _editable(request, pk)
    archived = request.POST.get("archived", "1") == "1"
    _attempt(
        request,
        lambda: services.archive_act(
            request.user, act, version=posted_int(request.POST.get("version")), archived=archived
        ),
        _("The act was archived.") if archived else _("The act was restored."),
    )
    return redirect("legislation:detail", pk=act.pk)


@login_required
@require_POST
def instrument_link(request, pk):
    act = _editable(request, pk)
    form = InstrumentForm(request.POST, act=act)
    if form.is_valid():
        _attempt(
            request,
            lambda: services.link_instrument(
                request.user,
                act,
                form.cleaned_data["instrument"],
                version=form.cleaned_data["version"],
            ),
            _("The instrument was linked."),
        )
    else:
        messages.error(request, _("Choose an instrument."))
    return redirect("legislation:detail", pk=act.pk)


@login_required
@require_POST
def instrument_unlink(request, pk, key):
    act = _editable(request, pk)
    instrument = get_object_or_404(act.instruments.all(), key=key)
    _attempt(
        request,
        lambda: services.unlink_instrument(
            request.user, act, instrument, version=posted_int(request.POST.get("version"))
        ),
        _("The instrument was unlinked."),
    )
    return redirect("legislation:detail", pk=act.pk)


@login_required
@require_POST
def commitment_link(request, pk):
    _reader(request)
    act = get_act_for_user(request.user, pk)
    form = CommitmentForm(request.POST)
    if form.is_valid():
        _attempt(
            request,
            lambda: services.link_commitment(
                request.user, act, services.find_commitment(request.user, form.cleaned_data["item"])
            ),
            _("The commitment was linked."),
        )
    else:
        messages.error(request, _("Name an item as SLUG:REF."))
    return redirect("legislation:detail", pk=act.pk)


@login_required
@require_POST
def commitment_unlink(request, pk, link_pk):
    _reader(request)
    act = get_act_for_user(request.user, pk)
    link = get_object_or_404(commitment_links(request.user, act), pk=link_pk)
    _attempt(
        request,
        lambda: services.unlink_commitment(request.user, act, link.item),
        _("The commitment was unlinked."),
    )
    return redirect("legislation:detail", pk=act.pk)


def _attempt(request, change, success: str) -> None:
    try:
        change()
    except StaleEdit:
        messages.error(
            request, _("Someone else changed this act meanwhile; check it and try again.")
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(
            request,
            error_text(error)
            if isinstance(error, ValidationError)
            else str(error) or _("You are not allowed to do this."),
        )
    else:
        messages.success(request, success)
