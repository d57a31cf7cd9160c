"""Small things every app's views need the same way."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.accounts.permissions import not_coordinated_message
from camket.accounts.rules import framework_of, is_framework_coordinator


def coordinator_only(request, subject=None) -> None:
    """Refuse (403) anyone but a coordinator; given a record (a framework or anything of one),
    anyone who does not coordinate its framework."""
    if not roles.is_coordinator(request.user):
        raise PermissionDenied(_("Only the coordinating ministry can do this."))
    if subject is not None and not is_framework_coordinator(request.user, subject):
        raise PermissionDenied(not_coordinated_message(framework_of(subject)))


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def stale_message() -> str:
    return _(
        "Someone else saved this while you were editing. Your changes were not saved; "
        "the page now shows their version — please check it and make your change again."
    )


def safe_next(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


def keep_input_after_stale_edit(form, error) -> None:
    """Show the refused edit again, based now on the stored version: saving it once more is
    a deliberate choice to replace the other person's change, not an accident."""
    stored = type(error.instance)._default_manager.filter(pk=error.instance.pk).first()
    form.data = form.data.copy()
    form.data["version"] = str(stored.version) if stored else ""
    form.add_error(
        None,
        _(
            "Someone else saved this while you were editing, so your changes were not saved. "
            "They are kept below: compare them with the current version (open the page again in "
            "another tab), then save to replace it, or leave this page to keep theirs."
        ),
    )


def show_refusal(form, error: ValidationError) -> None:
    """A service's ValidationError shown on the form: under the field it names, else on top."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def posted_int(value) -> int | None:
    """A posted number (a version), or None when it is missing or not a number."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
