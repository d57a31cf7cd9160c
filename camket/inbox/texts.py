"""How a notification reads, in the language active when it is shown or e-mailed."""

from datetime import date

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from camket.inbox.models import Notification

Kind = Notification.Kind


def _date(value: str) -> str:
    try:
        return formats.date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
    except (TypeError, ValueError):
        return ""


def _framework(params: dict) -> str:
    if get_language() == "vi" and params.get("framework_vi"):
        return params["framework_vi"]
    return params.get("framework", "")


def notification_text(notification: Notification) -> str:
    """One sentence; the template escapes it (its parameters come from what people typed)."""
    params = notification.params or {}
    values = {
        "reference": params.get("reference", ""),
        "framework": _framework(params),
        "indicator": params.get("indicator", ""),
        "subject": params.get("subject", ""),
        "due_on": _date(params.get("due_on", "")),
    }
    kind = notification.kind
    if kind == Kind.OPINION_REQUESTED:
        text = _("Your agency's opinion is requested on %(reference)s (%(framework)s).") % values
        if values["due_on"]:
            text += " " + _("Answer due %(due_on)s.") % values
        return text
    if kind == Kind.REPORT_RETURNED:
        return (
            _(
                "The report on “%(indicator)s” (%(subject)s) due %(due_on)s was returned "
                "for changes."
            )
            % values
        )
    if kind == Kind.REPORT_ACCEPTED:
        return (
            _("The report on “%(indicator)s” (%(subject)s) due %(due_on)s was accepted.") % values
        )
    if kind == Kind.DUE_SOON:
        return _("The report on “%(indicator)s” (%(subject)s) is due %(due_on)s.") % values
    return str(notification.get_kind_display())
