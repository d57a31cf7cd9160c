from django import template

from camket.exports.actions import ACTION_FORMATS
from camket.exports.columns import COLUMNS, DEFAULT_KEYS
from camket.exports.service import FORMATS

register = template.Library()


@register.inclusion_tag("exports/_recommendation_export.html")
def recommendation_export_form(params):
    """The export control of the recommendation list: its filters, a format, columns."""
    return {"filters": params.active().items(), "formats": FORMATS,
            "columns": [(c.key, c.header, c.key in DEFAULT_KEYS) for c in COLUMNS.values()],
            "framework": params.framework}


@register.inclusion_tag("exports/_action_export.html")
def action_export_form(filters):
    return {"filters": filters.active().items(), "formats": ACTION_FORMATS}
