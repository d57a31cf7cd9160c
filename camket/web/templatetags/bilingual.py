"""`{% bilingual record %}`: a title or name in the reader's language, the other language's
version marked visibly ("EN", "VI") when the reader's is missing."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from camket.lib import bilingual

register = template.Library()


def marked(shown: bilingual.Shown) -> str:
    if not shown.fell_back:
        return format_html('<span lang="{}">{}</span>', shown.language, shown.text)
    missing = (
        _("Not written in Vietnamese yet: shown in English")
        if shown.language == bilingual.ENGLISH
        else _("Not written in English yet: shown in Vietnamese")
    )
    return format_html(
        '<span lang="{}">{}</span> <abbr class="lang-mark" title="{}">{}</abbr>',
        shown.language,
        shown.text,
        missing,
        shown.language.upper(),
    )


@register.simple_tag
def bilingual_text(record) -> str:
    """The record's title or name, marked when shown in the other language."""
    if record is None:
        return ""
    return marked(bilingual.shown(record))


@register.filter
def in_language(record) -> str:
    """The record's title or name as plain text (attributes, option labels)."""
    return bilingual.text(record)
