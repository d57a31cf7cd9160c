from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def item_text(item) -> str:
    """An item's text in the reader's language: the Vietnamese translation when there is one."""
    if get_language() == "vi" and item.text_vi:
        return item.text_vi
    return item.text


@register.simple_tag
def in_language(value, value_vi) -> str:
    """`value_vi` for Vietnamese readers when it is not empty, else `value`."""
    return value_vi if get_language() == "vi" and value_vi else value
