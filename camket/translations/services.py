"""Entering and correcting the Vietnamese text of a framework's item (`text_vi`): the one
service the item page, the API and `camket translations import` call."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import coordinated
from camket.lib.concurrency import save_if_current
from camket.lib.text import without_control_characters
from camket.translations.rules import assigned_to_agency

MAX_LENGTH = 20_000


def may_translate(user, recommendation: Recommendation) -> bool:
    """`user=None` is the operator at the console (a system change)."""
    return user is None or user.has_perm("frameworks.translate_recommendation", recommendation)


def translatable(user, recommendations):
    """Those of `recommendations` the user may translate (`may_translate`, as one query)."""
    if user is None:
        return recommendations
    allowed = coordinated(user, "framework")
    if roles.is_agency_officer(user):
        allowed |= assigned_to_agency(roles.agency_of(user))
    return recommendations.filter(allowed)


def cleaned(text: str) -> str:
    text = without_control_characters(text).strip()
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            {
                "text_vi": _("The Vietnamese text is longer than %(limit)d characters.")
                % {"limit": MAX_LENGTH}
            }
        )
    return text


@transaction.atomic
def set_vietnamese_text(
    user, recommendation: Recommendation, text_vi: str, *, version: int | None
) -> bool:
    """Store the item's Vietnamese text, unless the item changed since `version` (StaleEdit).
    Its search document is rebuilt so a search in Vietnamese finds it. Returns whether
    anything changed: the same text again writes no history row."""
    if not may_translate(user, recommendation):
        raise PermissionDenied(
            _(
                "Only the coordinators of its framework and the agencies it is assigned to can "
                "enter its Vietnamese text."
            )
        )
    text_vi = cleaned(text_vi)
    if text_vi == recommendation.text_vi:
        return False
    recommendation.text_vi = text_vi
    recommendation.refresh_search_document()
    save_if_current(recommendation, version, ["text_vi", "search_document"], user=user)
    return True
