"""Text fit for a spreadsheet cell, and back: shared by every XLSX and CSV camket writes."""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A leading apostrophe is what neutralising adds; text that starts with one gets another, so
# reading back (`unneutralised`) removes exactly one and gives the text as it was.
_PREFIXED = (*FORMULA_STARTS, "'")


def cell(value):
    """Control characters openpyxl refuses (a bell, a form feed…) are removed, line breaks
    kept; text a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)  # first: "\x07=…" must not become a formula
    return "'" + value if value.startswith(_PREFIXED) else value


def unneutralised(value: str) -> str:
    """The text `cell()` was given (less the control characters it removed)."""
    if value.startswith("'") and value[1:].startswith(_PREFIXED):
        return value[1:]
    return value
