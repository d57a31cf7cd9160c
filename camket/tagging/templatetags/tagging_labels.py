from django import template

from camket.frameworks.models import Recommendation
from camket.frameworks.templatetags.camket_labels import category_label

register = template.Library()


@register.simple_tag
def suggestion_label(suggestion) -> str:
    if suggestion.category_id:
        return category_label(suggestion.category)
    return str(Recommendation.ActionCategory(suggestion.action_category).label)
