from django import template
from django.utils.translation import get_language

from camket.links.context import item_links_context

register = template.Library()


@register.inclusion_tag("links/_item_links.html", takes_context=True)
def item_links(context, item):
    """The links card of an item's page: what it is linked to, both ways."""
    request = context["request"]
    return {
        **item_links_context(request.user, item, get_language() or "vi"),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
