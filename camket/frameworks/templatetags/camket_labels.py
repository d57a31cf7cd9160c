import unicodedata
from html import escape
from itertools import groupby

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from camket.frameworks.models import Recommendation

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


@register.filter(is_safe=True)
def shorten(text, length: int) -> str:
    """`truncatechars`, without walking every character of a text already short enough (a
    list page shortens 25 texts of up to a few thousand characters)."""
    text = unicodedata.normalize("NFC", str(text))
    return text if len(text) <= int(length) else Truncator(text).chars(int(length))


RESPONSE_LABELS = dict(Recommendation.Response.choices)
STATUS_LABELS = dict(Recommendation.Status.choices)


@register.filter
def response_label(value: str) -> str:
    """`get_response_display` from the choices read once (that builds and hashes every
    choice's translation each time)."""
    return str(RESPONSE_LABELS.get(value, value))


@register.filter
def status_label(value: str) -> str:
    return str(STATUS_LABELS.get(value, value))


@register.filter
def framework_label(framework) -> str:
    """A framework's name in the current language: {{ framework|framework_label }}."""
    if framework is None:
        return ""
    return framework.label(get_language() or "vi")


def _options(pairs, selected: str) -> str:
    return _option_tags((value, label, str(value) == selected) for value, label in pairs)


def _option_tags(triples) -> str:
    """<option> tags from (value, label, selected) triples, each value and label escaped by
    the standard library's `html.escape`, which Django's `escape` calls too: Django's own
    (lazy-aware, one `format_html` per option) was most of the cost of a list's 500 options."""
    return mark_safe(  # noqa: S308 - every value and label is escaped here
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if chosen else ""}>'
            f"{escape(str(label))}</option>"
            for value, label, chosen in triples
        )
    )


@register.simple_tag
def chosen_options(choices) -> str:
    """A select's options from (value, label, selected) triples."""
    return _option_tags(choices)


@register.simple_tag
def states_as_options(states, selected: str) -> str:
    """A select's options, one per state, by the name in the current language (written in
    Python: a template loop over 190 states was a large part of a list page's time)."""
    language = get_language() or "vi"
    return _options(((state.pk, state.label(language)) for state in states), selected)


@register.simple_tag
def categories_as_options(categories, selected: str) -> str:
    """A select's options, one group per taxonomy (categories ordered by taxonomy)."""
    language = get_language() or "vi"
    groups = []
    for taxonomy, members in groupby(categories, key=lambda category: category.taxonomy):
        options = _options(((c.pk, category_label(c)) for c in members), selected)
        name = taxonomy.name_vi if language == "vi" and taxonomy.name_vi else taxonomy.name
        groups.append(format_html('<optgroup label="{}">{}</optgroup>', name, options))
    return mark_safe("".join(groups))  # noqa: S308 - every part was escaped by format_html
