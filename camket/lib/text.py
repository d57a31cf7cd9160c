"""Single-line text: what references, titles, names and codes may hold.

A line break in a reference ends up in an e-mail header (Django refuses it), a tab or a bell
in a spreadsheet cell (openpyxl refuses it). `single_line` is the one rule for every field
that is shown on one line; multi-line fields (texts, narratives, comments) keep their line
breaks and lose only the other control characters (`without_control_characters`).
"""

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

# C0 controls (tab, line feed and carriage return included), DEL, C1 controls, and the
# Unicode line and paragraph separators.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# The same, less the line feed: what a multi-line text may not hold.
CONTROL_CHARACTERS_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")

SINGLE_LINE_MESSAGE = _(
    "Write this on one line: line breaks, tabs and other control characters are not allowed."
)


def has_control_characters(value: str) -> bool:
    return bool(CONTROL_CHARACTERS.search(value or ""))


def single_line(value: str) -> str:
    """`value` without leading and trailing whitespace.

    Raises ValueError (with a message for the user) when a control character is left inside.
    """
    value = (value or "").strip()
    if has_control_characters(value):
        raise ValueError(str(SINGLE_LINE_MESSAGE))
    return value


def validate_single_line(value: object) -> None:
    """Django validator: refuses a control character anywhere in a one-line field."""
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(SINGLE_LINE_MESSAGE, code="single_line")


def as_one_line(value: str) -> str:
    """Every run of whitespace and control characters becomes one space (for text taken from
    a multi-line source, such as a cluster's title made from a recommendation's text)."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", value or "").split())


def without_control_characters(value: str) -> str:
    """Line breaks kept (\\r\\n, \\r and the Unicode separators become \\n); tabs become
    spaces; other control characters are removed."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    value = value.replace("\u2028", "\n").replace("\u2029", "\n")
    return CONTROL_CHARACTERS_BUT_NEWLINE.sub("", value)


def check_single_line(instance: Model, names: Iterable[str]) -> None:
    """For a model's `clean()`: every named field that holds a control character, refused
    with the message beside it (forms, services and the API all run `full_clean`)."""
    errors = {
        name: SINGLE_LINE_MESSAGE
        for name in names
        if isinstance(getattr(instance, name), str)
        and has_control_characters(getattr(instance, name))
    }
    if errors:
        raise ValidationError(errors)
