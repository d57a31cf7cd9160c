"""Vietnamese-aware text folding, so that "quyen" finds "quyền" and "dam" finds "Đảm"."""

import re
import unicodedata

# Combining diacritical marks (all Vietnamese tone and vowel marks are in the first block).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_D_MAP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
# Letters and digits; the underscore is a separator, as in the full-text tokenizers.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, strip diacritics (NFD, drop combining marks) and map đ to d."""
    if not text:
        return ""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    return _COMBINING.sub("", decomposed).casefold()


def search_terms(query: str) -> list[str]:
    """Split a user's query into folded words; punctuation (and LIKE wildcards) are dropped."""
    return _WORD.findall(fold(query))


def typed_terms(query: str) -> list[tuple[str, str]]:
    """The query's words as typed (lower-cased, diacritics kept), each with its folded form:
    the folded forms are `search_terms(query)`."""
    pairs = []
    for typed in _WORD.findall(unicodedata.normalize("NFC", query).casefold()):
        pairs += [(typed, folded) for folded in _WORD.findall(fold(typed))]
    return pairs


def folded_document(*parts: str) -> str:
    """The searchable copy of a record: folded words joined by single spaces, padded."""
    words = _WORD.findall(fold(" ".join(p for p in parts if p)))
    return " " + " ".join(words) + " "
