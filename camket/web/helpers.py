"""Small things every app's views need the same way."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from camket.accounts import roles


def coordinator_only(request) -> None:
    if not roles.is_coordinator(request.user):
        raise PermissionDenied(_("Only the coordinating ministry can do this."))


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def stale_message() -> str:
    return _("Someone else saved this while you were editing. Your changes were not saved; "
             "the page now shows their version — please check it and make your change again.")


def safe_next(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default
