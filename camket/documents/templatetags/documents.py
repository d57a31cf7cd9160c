from django import template

from camket.documents.colours import colour

register = template.Library()


@register.filter
def status_colour(key) -> str:
    return "#" + colour(str(key))
