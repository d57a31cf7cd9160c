from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def category_label(category) -> str:
    """A category's name in the current language, with its code when it has one."""
    name = category.label(get_language() or "vi")
    if category.code and not name.startswith(("Goal", "Target", "Mục tiêu", "Chỉ tiêu")):
        return f"{category.code} {name}"
    return name
