from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from camket.frameworks.builtin.labels import UPR_INFO_ISSUES
from camket.frameworks.models import Recommendation
from camket.frameworks.templatetags.camket_labels import category_label
from camket.lib.vocabulary import CONFIRMED_SDG_REASON

register = template.Library()


@register.simple_tag
def suggestion_label(suggestion) -> str:
    if suggestion.category_id:
        return category_label(suggestion.category)
    return str(Recommendation.ActionCategory(suggestion.action_category).label)


ISSUES_VI = dict(UPR_INFO_ISSUES)


@register.filter
def reason_label(reason: str) -> str:
    """A stored reason as the reader reads it: a theme's name in their language."""
    if reason == CONFIRMED_SDG_REASON:
        return _("tagged so by people on similar recommendations")
    if get_language() == "vi" and ISSUES_VI.get(reason):
        return ISSUES_VI[reason]
    return reason
