"""The values of a legal-act register file (camket/legislation/importing.py): kinds and
statuses by key or label in English or Vietnamese, dates as Vietnamese texts write them, and
lists separated by ";"."""

import re
from datetime import date, datetime

from camket.lib.folding import fold

LIST_SEPARATOR = re.compile(r"\s*;\s*")
DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


# The words Vietnamese registers use (the labels' translations may not exist yet).
VIETNAMESE_NAMES = {
    "hien phap": "constitution",
    "bo luat": "code",
    "luat": "law",
    "phap lenh": "ordinance",
    "nghi quyet": "resolution",
    "nghi dinh": "decree",
    "quyet dinh": "decision",
    "thong tu": "circular",
    "khac": "other",
    "dang soan thao": "drafting",
    "du thao": "drafting",
    "cho thong qua": "pending",
    "da thong qua": "adopted",
    "con hieu luc": "in_force",
    "co hieu luc": "in_force",
    "dang co hieu luc": "in_force",
    "con hieu luc da sua doi": "amended",
    "het hieu luc": "repealed",
    "bi bai bo": "repealed",
    "da bai bo": "repealed",
}


def choice(text: str, choices) -> str | None:
    """A kind or status given by its key or its label (English or Vietnamese), any case,
    with or without diacritics."""
    wanted = " ".join(fold(text).replace("-", " ").replace("_", " ").replace(",", " ").split())
    values = {value for value, _label in choices}
    if VIETNAMESE_NAMES.get(wanted) in values:
        return VIETNAMESE_NAMES[wanted]
    for value, label in choices:
        if wanted in (
            fold(value).replace("_", " "),
            " ".join(fold(str(label)).replace(",", " ").split()),
        ):
            return value
    return None


def parse_date(text: str) -> date | None:
    """YYYY-MM-DD (also as Excel writes a date cell) or DD/MM/YYYY, as Vietnamese texts do."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    found = DAY_MONTH_YEAR.match(text)
    if found:
        day, month, year = (int(part) for part in found.groups())
        return date(year, month, day)
    raise ValueError(text)


def split_list(text: str) -> list[str]:
    return [part for part in LIST_SEPARATOR.split(text.strip()) if part]
