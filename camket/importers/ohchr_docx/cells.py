"""Reading the content of one matrix cell: recommendation, states, position, themes, SDGs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from camket.importers.normalise import unique
from camket.importers.ohchr_docx.countries import is_state, key
from camket.importers.records import (
    RESPONSE_ALREADY_IMPLEMENTED,
    RESPONSE_NOTED,
    RESPONSE_SUPPORTED,
    RESPONSE_SUPPORTED_IN_PART,
)
from camket.lib.folding import fold

_REFERENCE = re.compile(r"^\s*(\d{1,4}(?:\.\d{1,4})+|\d{1,4}(?=[.)]\s))[.)]?(?!\d)\s*")
_TRAILER = re.compile(
    r"^\s*(source of (?:the )?position|source of response|comments?|notes?)\s*:\s*(.*)$", re.I
)
_INLINE_SOURCE = re.compile(r"(?<=\S)[ \t\u00a0]*(?=source of (?:the )?position\s*:)", re.I)
_SYMBOL = re.compile(r"\b[A-Z]{1,6}/[A-Z0-9][\w.]*(?:/[\w.]+)*")
_BULLET = re.compile(r"^[\s\-–—•·▪◦*]+")
_SECTION = re.compile(
    r"^(?P<label>affected persons|affected groups|groups? of persons|groups?|persons concerned"
    r"|(?:relevant )?sdgs?)\s*:\s*(?P<rest>.*)$",
    re.I,
)


def squeeze(text: str) -> str:
    """Whitespace normalised: non-breaking spaces, tabs and runs of spaces become one space."""
    return " ".join(text.replace("\u00a0", " ").split())


def lines_of(text: str) -> list[str]:
    return [line for line in (squeeze(raw) for raw in text.split("\n")) if line]


@dataclass
class RecommendationCell:
    reference: str = ""
    text: str = ""
    states: list[str] = field(default_factory=list)
    source: str = ""
    comment: str = ""


def read_recommendation(raw: str, *, known_states: list[str] | None = None) -> RecommendationCell:
    """Split "148.1 Do this (Austria, Germany);\\nSource of position: A/HRC/…" into its parts.

    With `known_states` (a separate states column), only trailing groups naming those states
    (or any recognised state) are taken off the text; otherwise the last group is the states.
    """
    cell = RecommendationCell()
    body: list[str] = []
    trailer: list[str] | None = None
    trailers: list[tuple[str, list[str]]] = []
    raw = _INLINE_SOURCE.sub("\n", raw)  # "… (Chile); Source of position: …" on one line
    for line in lines_of(raw):
        match = _TRAILER.match(line)
        if match:
            trailer = [match[2]] if match[2] else []
            trailers.append((match[1].lower(), trailer))
        elif trailer is not None:
            trailer.append(line)
        else:
            body.append(line)
    for label, values in trailers:
        value = squeeze(" ".join(values))
        if label.startswith("source"):
            symbol = _SYMBOL.search(value)
            cell.source = symbol[0].rstrip(".") if symbol else value
        elif value:
            cell.comment = f"{cell.comment} {value}".strip()
    text = "\n".join(body)
    match = _REFERENCE.match(text)
    if match:
        cell.reference = match[1]
        text = text[match.end() :]
    cell.text, cell.states = split_states(text, known_states)
    return cell


def split_states(text: str, known_states: list[str] | None = None) -> tuple[str, list[str]]:
    """The text without its trailing "(State)" groups, and the states they name."""
    known = {key(state) for state in known_states or ()}
    groups: list[list[str]] = []
    rest = text
    while True:
        found = _last_group(rest)
        if found is None:
            break
        before, inner = found
        names = split_names(inner)
        if not names:
            break
        if known:
            accepted = all(key(name) in known or is_state(name) for name in names)
        elif groups:  # an earlier group: "(Maldives) (Portugal)", not "(ICPPED) (Portugal)"
            accepted = all(is_state(name) for name in names)
        else:
            accepted = all(_name_like(name) for name in names)
        if not accepted:
            break
        groups.insert(0, names)
        rest = before
    if not groups:
        return text.strip(), []
    states = unique(name for names in groups for name in names)
    return rest.rstrip(" \t\n;,:"), states


def _last_group(text: str) -> tuple[str, str] | None:
    """The text before the last balanced "( … )" at the end, and what the brackets hold."""
    end = len(text.rstrip(" \t\n;,.:"))
    if end == 0 or text[end - 1] != ")":
        return None
    depth = 0
    for position in range(end - 1, -1, -1):
        char = text[position]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                return text[:position], text[position + 1 : end - 1]
    return None


def _name_like(name: str) -> bool:
    """A state's name as written: capitalised words, not an acronym, no figures."""
    if is_state(name):
        return True
    letters = re.sub(r"\([^)]*\)", "", name)
    return (
        bool(re.match(r"[A-ZÀ-Ý]", name))
        and not re.search(r"\d", name)
        and letters.upper() != letters
        and len(letters.split()) <= 8
    )


def split_names(raw: str) -> list[str]:
    """ "Austria, Germany" or one name a line; commas inside brackets do not split."""
    names, depth, current = [], 0, []
    for char in raw:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if depth == 0 and char in ",;\n":
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    cleaned = []
    for name in names:
        name = _BULLET.sub("", squeeze(name)).strip(" .;,")
        if name.startswith("(") and name.endswith(")") and name.count("(") == 1:
            name = name[1:-1].strip()
        if name:
            cleaned.append(name)
    return unique(cleaned)


def read_response(raw: str) -> tuple[str | None, str, str]:
    """(RESPONSE_* or "" for blank or None when not understood, the wording, any explanation)."""
    lines = lines_of(raw)
    if not lines:
        return "", "", ""
    wording, reason = lines[0], " ".join(lines[1:])
    value = response_value(wording)
    if value is None and reason:
        value = response_value(" ".join(lines))
    return value, wording, reason


def response_value(wording: str) -> str | None:
    folded = " ".join(fold(wording).replace("_", " ").split())
    if not folded:
        return ""
    if "already implemented" in folded:
        return RESPONSE_ALREADY_IMPLEMENTED
    if "partial" in folded or "in part" in folded:
        return RESPONSE_SUPPORTED_IN_PART
    noted = re.search(r"\bnoted\b|\breject|\bnot (?:supported|accepted)\b", folded)
    supported = re.search(r"(?<!not )\b(?:supported|accepted|support|accept)\b", folded)
    if noted and supported:
        return RESPONSE_SUPPORTED_IN_PART
    if noted:
        return RESPONSE_NOTED
    if supported:
        return RESPONSE_SUPPORTED
    return None


@dataclass
class LabelCell:
    themes: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    sdg_lines: list[str] = field(default_factory=list)


def read_labels(raw: str, *, start: str = "themes") -> LabelCell:
    """A themes cell: themes, then "Affected persons:" / "Groups of Persons:", one a line."""
    cell = LabelCell()
    target = {"themes": cell.themes, "persons": cell.persons, "sdgs": cell.sdg_lines}
    current = target[start]
    for line in lines_of(raw):
        line = _BULLET.sub("", line).strip()
        section = _SECTION.match(line)
        if section:
            current = cell.sdg_lines if "sdg" in section["label"].lower() else cell.persons
            line = section["rest"].strip()
        if line:
            current.append(line)
    cell.themes, cell.persons = unique(cell.themes), unique(cell.persons)
    return cell
