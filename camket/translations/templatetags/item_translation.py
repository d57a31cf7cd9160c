from django import template

from camket.lib import bilingual
from camket.translations.services import may_translate

register = template.Library()


def block_context(
    user,
    recommendation,
    *,
    text_vi: str | None = None,
    version=None,
    error: str = "",
    saved: bool = False,
) -> dict:
    """What `translations/_translation.html` shows: the text in the reader's language first,
    the other one a click away, and the form to whoever may enter the Vietnamese text."""
    shown = bilingual.shown(recommendation)
    return {
        "recommendation": recommendation,
        "shown": shown,
        "reader_language": bilingual.reader_language(),
        "may_translate": may_translate(user, recommendation),
        "form_text": recommendation.text_vi if text_vi is None else text_vi,
        "form_version": recommendation.version if version is None else version,
        "error": error,
        "saved": saved,
    }


@register.inclusion_tag("translations/_translation.html", takes_context=True)
def item_texts(context, recommendation):
    return {
        **block_context(context["request"].user, recommendation),
        "csrf_token": context.get("csrf_token"),
    }
