"""Whole numbers typed into query strings: ids, page numbers, limits.

`int()` accepts 99999999999999999999 (the database then fails on it) and `str.isdigit()`
accepts "²" (then `int()` fails): both gave a server error. Request input goes through
`positive_int` instead, which answers None for anything that is not a plain number from 1 to
`MAX_ID`, so a view can ignore it (or the API refuse it).
"""

import re
from collections.abc import Iterable

# The largest value a 32-bit signed integer column holds: above every id camket will reach,
# below what SQLite and PostgreSQL (bigint) refuse, and a page number no list will have.
MAX_ID = 2**31 - 1

_DIGITS = re.compile(r"[0-9]{1,12}")


def positive_int(value: object, *, maximum: int = MAX_ID) -> int | None:
    """`value` (a string or an int) as a whole number from 1 to `maximum`, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        if not _DIGITS.fullmatch(text):
            return None
        number = int(text)
    return number if 1 <= number <= maximum else None


def positive_int_text(value: object, *, maximum: int = MAX_ID) -> str:
    """The same as text: "" when `value` is not such a number (for string-typed filters)."""
    number = positive_int(value, maximum=maximum)
    return "" if number is None else str(number)


def positive_ints(values: Iterable[object]) -> list[int]:
    """The ids among `values` (e.g. `request.POST.getlist("ids")`), others left out."""
    return [n for n in (positive_int(value) for value in values) if n is not None]
