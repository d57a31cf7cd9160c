from django import template
from django.utils.translation import get_language

from camket.links.register_card import register_links_context

register = template.Library()


@register.inclusion_tag("links/_register_links.html", takes_context=True)
def register_links(context, item):
    """The "Treaties and laws" card of an item's page: instruments, legal acts, agreements."""
    request = context["request"]
    return {
        **register_links_context(request.user, item, get_language() or "vi"),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
