"""Reading SDG references: "- 5 - GENDER EQUALITY", "Goal 5", "SDG 5.2", "5.2, 16.3"."""

from __future__ import annotations

import re

from camket.lib.folding import fold

# The goals' short titles, as OHCHR matrices print them (upper case) after the number.
_GOALS = (
    "no poverty",
    "zero hunger",
    "good health and well-being",
    "quality education",
    "gender equality",
    "clean water and sanitation",
    "affordable and clean energy",
    "decent work and economic growth",
    "industry, innovation and infrastructure",
    "reduced inequalities",
    "sustainable cities and communities",
    "responsible consumption and production",
    "climate action",
    "life below water",
    "life on land",
    "peace, justice and strong institutions",
    "partnerships for the goals",
)
_BY_TITLE = {" ".join(title.replace(",", " ").split()): str(n) for n, title in enumerate(_GOALS, 1)}
_CODE = r"(\d{1,2})(?:\.(\d{1,2}|[a-c]))?"
_LEADING = re.compile(r"^(?:sdgs?|goals?|targets?)?\s*[#:]?\s*" + _CODE + r"(?![\d.]*\d)", re.I)
_ONLY_CODES = re.compile(r"^(?:(?:sdgs?|goals?|targets?)\s*)?[\d.a-c,;/&\s]+$", re.I)
_ANY_CODE = re.compile(r"(?<![\d.])" + _CODE + r"(?![\d])")
_BULLET = re.compile(r"^[\s\-–—•·▪◦*]+")


def read_sdgs(lines: list[str]) -> tuple[list[str], list[str]]:
    """(goal numbers or target codes, in order and without repeats; lines not understood)."""
    codes: list[str] = []
    unread: list[str] = []
    for raw in lines:
        line = _BULLET.sub("", raw).strip()
        if not line:
            continue
        found = _codes_in(line)
        if found:
            codes.extend(code for code in found if code not in codes)
        else:
            unread.append(raw.strip())
    return codes, unread


def _codes_in(line: str) -> list[str]:
    if _ONLY_CODES.match(line) and re.search(r"\d", line):
        candidates = [_code(m[1], m[2]) for m in _ANY_CODE.finditer(line)]
        return [code for code in candidates if code]
    match = _LEADING.match(line)
    if match:
        code = _code(match[1], match[2])
        return [code] if code else []
    title = " ".join(fold(line).replace(",", " ").split())
    if title in _BY_TITLE:
        return [_BY_TITLE[title]]
    return []


def _code(goal: str, target: str | None) -> str | None:
    if not 1 <= int(goal) <= 17:
        return None
    return f"{int(goal)}.{target}" if target else str(int(goal))
