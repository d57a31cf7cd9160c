from django import template
from django.utils.translation import gettext as _

from camket.frameworks.models import Recommendation
from camket.frameworks.templatetags.camket_labels import category_label
from camket.lib.vocabulary import CONFIRMED_SDG_REASON

register = template.Library()


@register.simple_tag
def suggestion_label(suggestion) -> str:
    if suggestion.category_id:
        return category_label(suggestion.category)
    return str(Recommendation.ActionCategory(suggestion.action_category).label)


@register.filter
def reason_label(reason: str) -> str:
    if reason == CONFIRMED_SDG_REASON:
        return _("tagged so by people on similar recommendations")
    return reason
