"""Turning source wording into camket's values; shared by every parser."""

import hashlib
import html
import re

from camket.lib.folding import fold
from camket.lib.text import as_one_line, without_control_characters
from camket.lib.vocabulary import (
    RESPONSE_ALREADY_IMPLEMENTED,
    RESPONSE_NOTED,
    RESPONSE_SUPPORTED,
    RESPONSE_SUPPORTED_IN_PART,
)

_RESPONSES = {
    "accepted": RESPONSE_SUPPORTED,
    "supported": RESPONSE_SUPPORTED,
    "accept": RESPONSE_SUPPORTED,
    "support": RESPONSE_SUPPORTED,
    "chap thuan": RESPONSE_SUPPORTED,
    "ung ho": RESPONSE_SUPPORTED,
    "supported in part": RESPONSE_SUPPORTED_IN_PART,
    "partially supported": RESPONSE_SUPPORTED_IN_PART,
    "partially accepted": RESPONSE_SUPPORTED_IN_PART,
    "supported/noted": RESPONSE_SUPPORTED_IN_PART,
    "supported in part/noted": RESPONSE_SUPPORTED_IN_PART,
    "chap thuan mot phan": RESPONSE_SUPPORTED_IN_PART,
    "ung ho mot phan": RESPONSE_SUPPORTED_IN_PART,
    "noted": RESPONSE_NOTED,
    "rejected": RESPONSE_NOTED,
    "ghi nhan": RESPONSE_NOTED,
    "already implemented": RESPONSE_ALREADY_IMPLEMENTED,
    "supported and already implemented": RESPONSE_ALREADY_IMPLEMENTED,
    "da thuc hien": RESPONSE_ALREADY_IMPLEMENTED,
}
_INTERNAL = {
    RESPONSE_SUPPORTED,
    RESPONSE_SUPPORTED_IN_PART,
    RESPONSE_NOTED,
    RESPONSE_ALREADY_IMPLEMENTED,
}


# What `clean_text` would change besides the ends: most cells hold none of it, and an import
# cleans hundreds of thousands of cells.
_NEEDS_CLEANING = re.compile("[&\u00a0\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]|  ")


def clean_text(value: str) -> str:
    """Entities decoded, spaces collapsed; line breaks kept, other control characters
    (a bell, a form feed, a stray carriage return) dropped."""
    if not value:
        return ""
    if _NEEDS_CLEANING.search(value) is None:
        return value.strip()
    return full_clean_text(value)


def full_clean_text(value: str) -> str:
    """`clean_text` the long way, for any value."""
    value = without_control_characters(html.unescape(value or "").replace("\u00a0", " "))
    return re.sub(r"[ \t]+", " ", value).strip()


def reference_value(raw: str) -> str:
    """A reference as the source writes it, on one line: a line break inside a reference
    would reach the subject of every reminder about it."""
    return as_one_line(clean_text(raw))


def response_value(raw: str) -> str | None:
    """The response constant for a source's wording; "" for blank, None when not understood."""
    key = " ".join(fold(raw).replace("_", " ").split()).strip(" .")
    if not key:
        return ""
    if key.replace(" ", "_") in _INTERNAL:
        return key.replace(" ", "_")
    return _RESPONSES.get(key)


def action_category_value(raw: str) -> int | None | str:
    """1–5, None for blank, or the string "invalid"."""
    raw = (raw or "").strip()
    if not raw:
        return None
    if raw.isdigit() and 1 <= int(raw) <= 5:
        return int(raw)
    return "invalid"


def unique(items) -> list[str]:
    """Non-empty items in order, dropping repeats that differ only in case or accents."""
    seen, result = set(), []
    for item in items:
        folded = fold(item)
        if item and folded not in seen:
            seen.add(folded)
            result.append(item)
    return result


def split_list(raw: str, separators: str = ";\n") -> list[str]:
    parts = re.split("[" + re.escape(separators) + "]", raw or "")
    return unique(clean_text(part) for part in parts)


def upr_cycle_for_session(session: int) -> int:
    """UPR cycles: sessions 1–12, 13–26, 27–40, 41–54, then 14 sessions a cycle."""
    if session <= 12:
        return 1
    return 2 + (session - 13) // 14


def stable_reference(prefix: str, *parts: str, seen: dict[str, int]) -> str:
    """A reference derived from content, unique within one file (a suffix for repeats)."""
    digest = hashlib.sha1("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()[:10]
    reference = f"{prefix}-{digest}"
    seen[reference] = seen.get(reference, 0) + 1
    if seen[reference] > 1:
        reference = f"{reference}-{seen[reference]}"
    return reference
