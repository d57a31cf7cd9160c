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


@register.simple_tag
def framework_name(framework) -> str:
    """A framework's name in the current language."""
    return framework.label(get_language() or "vi")


@register.simple_tag
def item_level(item) -> str:
    """What an item is called at its level of its framework: "Output", "Cam kết"…"""
    return item.framework.level_label(item.level, get_language() or "vi")


@register.filter
def state_label(state) -> str:
    """A state's name in the current language: {{ state|state_label }}."""
    if state is None:
        return ""
    return state.label(get_language() or "vi")


@register.filter
def framework_label(framework) -> str:
    """A framework's name in the current language: {{ framework|framework_label }}."""
    if framework is None:
        return ""
    return framework.label(get_language() or "vi")
