from urllib.parse import urlencode

from django import template

from camket.exports.columns import COLUMNS, DEFAULT_KEYS
from camket.exports.lists import LISTS
from camket.exports.service import FORMATS

register = template.Library()
COLUMN_CHOICE_FROM = 5  # a list of fewer columns is exported whole


@register.inclusion_tag("exports/_recommendation_export.html")
def recommendation_export_form(params):
    """The export control of the recommendation list: its filters, a format, columns."""
    return {
        "filters": params.active().items(),
        "formats": FORMATS,
        "columns": [(c.key, c.header, c.key in DEFAULT_KEYS) for c in COLUMNS.values()],
        "framework": params.framework,
    }


@register.inclusion_tag("exports/_list_export.html")
def list_export_form(name: str, filters: dict | None = None):
    """The download links of a list (`exports.lists.LISTS`) with the page's filters, and a
    choice of columns when it has more than a few."""
    table = LISTS[name].table
    filters = filters or {}
    defaults = table.default_keys()
    return {
        "name": name,
        "formats": table.formats,
        "filters": filters.items(),
        "query": urlencode(filters),
        "columns": [(c.key, c.header, c.key in defaults) for c in table.columns]
        if len(table.columns) >= COLUMN_CHOICE_FROM
        else [],
    }
