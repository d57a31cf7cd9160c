"""States in the order of the reader's language: by their Vietnamese name for a Vietnamese
reader (the English one when a state has none), by their English name otherwise.

Lists built in Python are ordered by the folded label (diacritics dropped, "đ" as "d"), which
is close enough to Vietnamese collation for a list of states. Orders computed by the database
(`sort=state`) use the label as stored, so there a name starting with a marked letter ("Ấn Độ",
"Đức") sorts after the unmarked ones."""

from collections.abc import Iterable
from functools import lru_cache

from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

from camket.lib.folding import fold


def reader_language(language: str | None = None) -> str:
    return language or get_language() or "vi"


def by_label(states: Iterable, language: str | None = None) -> list:
    """The states sorted by the name the reader sees."""
    language = reader_language(language)
    return sorted(states, key=lambda state: (_folded(state.label(language)), state.name))


@lru_cache(maxsize=4096)
def _folded(label: str) -> str:
    return fold(label)


def label_expression(path: str = "", language: str | None = None):
    """The name the reader sees of the state at `path` ("" for a State query,
    "state_under_review__" through a relation), for ordering in the database."""
    if reader_language(language) == "vi":
        return Coalesce(NullIf(f"{path}name_vi", Value("")), f"{path}name")
    return F(f"{path}name")
