"""An item's links to registers from its page: add one (an instrument), confirm, reject, remove."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.frameworks.scoping import get_recommendation_for_user
from camket.links import registers
from camket.treaties.models import Instrument
from camket.web.helpers import error_text

CARD = "#register-links"


def _back(item_pk: int) -> str:
    return reverse("recommendation-detail", args=[item_pk]) + CARD


@login_required
@require_POST
def register_link_add(request, pk):
    item = get_recommendation_for_user(request.user, pk)
    instrument = Instrument.objects.filter(
        key=request.POST.get("instrument", ""), archived=False
    ).first()
    if instrument is None:
        messages.error(
            request,
            _("There is no instrument %(key)s.") % {"key": request.POST.get("instrument", "")},
        )
        return redirect(_back(item.pk))
    try:
        registers.add_register_link(
            request.user,
            item,
            instrument,
            request.POST.get("relation", ""),
            note=request.POST.get("note", "").strip(),
        )
        messages.success(request, _("Link added."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect(_back(item.pk))


@login_required
@require_POST
def register_link_decide(request, pk, decision):
    link = get_object_or_404(registers.visible_register_links(request.user), pk=pk)
    if not request.user.has_perm("links.change_registerlink", link):
        raise PermissionDenied
    change = {
        "confirm": registers.confirm_register_link,
        "reject": registers.reject_register_link,
        "remove": registers.remove_register_link,
    }[decision]
    change(request.user, link)
    messages.success(
        request,
        {
            "confirm": _("Link confirmed."),
            "reject": _("Link rejected: it will not be found in the text again."),
            "remove": _("Link removed."),
        }[decision],
    )
    return redirect(_back(link.item_id))
