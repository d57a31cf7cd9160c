"""Texts people write in Vietnamese and in English: which one a reader sees.

A record holds its Vietnamese and its English version in two fields (a plan's `title` and
`title_en`, an agency's `name` and `name_en`, a recommendation's `text_vi` and `text`). The
reader sees their language's version; when it is empty they see the other one, marked as such
so nobody takes an English title for a translation (see the `bilingual` template tag).
"""

from dataclasses import dataclass

from django.db.models import Model
from django.utils.translation import get_language

VIETNAMESE, ENGLISH = "vi", "en"

# For each kind of record: the field holding the Vietnamese text, and the English one.
# Plans, actions and indicators keep their Vietnamese title in `title` (see decisions.md).
PAIRS = {
    "plans.plan": ("title", "title_en"),
    "plans.action": ("title", "title_en"),
    "plans.indicator": ("title", "title_en"),
    "accounts.agency": ("name", "name_en"),
    "frameworks.recommendation": ("text_vi", "text"),
}


@dataclass(frozen=True)
class Shown:
    """The text a reader sees, the language it is written in, and whether it is the other
    language's version because theirs is missing."""

    text: str
    language: str
    fell_back: bool

    def __str__(self) -> str:
        return self.text


def reader_language(language: str | None = None) -> str:
    """English for an English reader, Vietnamese for everyone else (the default language)."""
    language = (language or get_language() or VIETNAMESE).lower()
    return ENGLISH if language.startswith(ENGLISH) else VIETNAMESE


def choose(vietnamese: str, english: str, language: str | None = None) -> Shown:
    """The version in `language` (the active one by default), else the other one."""
    wanted = reader_language(language)
    texts = {VIETNAMESE: (vietnamese or "").strip(), ENGLISH: (english or "").strip()}
    if texts[wanted]:
        return Shown(texts[wanted], wanted, False)
    other = ENGLISH if wanted == VIETNAMESE else VIETNAMESE
    if texts[other]:
        return Shown(texts[other], other, True)
    return Shown("", wanted, False)


def fields_of(record: Model) -> tuple[str, str]:
    """The names of the Vietnamese and the English field of a record."""
    key = record._meta.label_lower
    try:
        return PAIRS[key]
    except KeyError:
        raise TypeError(f"{key} has no Vietnamese and English versions") from None


def shown(record: Model, language: str | None = None) -> Shown:
    """The record's text (title, name…) for the reader: see `choose`."""
    vietnamese, english = fields_of(record)
    return choose(getattr(record, vietnamese), getattr(record, english), language)


def text(record: Model | None, language: str | None = None) -> str:
    """The record's text in `language` or, when missing, in the other one: for documents,
    spreadsheets and e-mails, where no marker is drawn."""
    if record is None:
        return ""
    return shown(record, language).text
