"""Finding the columns of a matrix by what their headers say, not where they stand."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from camket.lib.folding import fold

REFERENCE = "reference"
RECOMMENDATION = "recommendation"
STATES = "states"
RESPONSE = "response"
THEMES = "themes"
PERSONS = "persons"
SDGS = "sdgs"
ASSESSMENT = "assessment"  # recognised, but camket's records have no place for it

# First rule that matches a (folded) header wins, so the order matters: "Position of the State
# under review" is a position, "Recommendation and recommending State" the recommendation,
# "Full list of rights/affected persons" the themes (the persons are listed inside it).
_RULES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            RESPONSE,
            r"\bposition\b|\bresponse\b|\bposicion\b"
            r"|supported ?/ ?noted|accepted ?/ ?noted",
        ),
        (SDGS, r"\bsdgs?\b|\bodds?\b|sustainable development goal"),
        (
            THEMES,
            r"\bthem(?:e|es|atic)\b|\brights?\b|\bissues?\b|\bareas?\b|\btopics?\b"
            r"|\bclusters?\b|\btemas?\b|\bthemes?\b",
        ),
        (PERSONS, r"\bpersons\b|\bgroups?\b|\bpeople\b|\bbeneficiar|\bpersonnes\b"),
        (
            ASSESSMENT,
            r"assessment|comment|implementation|\bnotes?\b|\bremarks?\b|\bstatus\b"
            r"|follow-?up|\bactions?\b|\bevaluation\b",
        ),
        (
            REFERENCE,
            r"^\W*(?:no|nº|n°|#|number|num|para|paragraph|ref|reference)\b"
            r"|\bparagraph (?:no|number)\b|^rec(?:ommendation)?\.? ?(?:no|number|#)",
        ),
        (
            RECOMMENDATION,
            r"recommendations?\b|recommandations?\b|recomendacion(?:es)?\b"
            r"|^text\b|\btext of\b",
        ),
        (
            STATES,
            r"recommending|\bstates?\b|\bcountr|\bdelegations?\b|^from\b|recommended by"
            r"|\bsource of recommendation",
        ),
    )
)


def field_of(header: str) -> str | None:
    folded = " ".join(fold(header).split())
    if not folded:
        return None
    for name, pattern in _RULES:
        if pattern.search(folded):
            return name
    return None


@dataclass
class Columns:
    headers: list[str]
    index: dict[str, int] = field(default_factory=dict)  # field -> grid column
    unread: list[int] = field(default_factory=list)  # columns camket does not import

    def header(self, name: str) -> str:
        return self.headers[self.index[name]] if name in self.index else name

    def value(self, cells: list[str], name: str) -> str:
        column = self.index.get(name)
        if column is None or column >= len(cells):
            return ""
        return cells[column]


def match_columns(cells: list[str]) -> Columns:
    headers = [" ".join(cell.split()) for cell in cells]
    columns = Columns(headers=headers)
    seen_texts: set[str] = set()
    for position, header in enumerate(headers):
        if header in seen_texts:
            continue  # a merged header cell spread over several grid columns
        seen_texts.add(header)
        name = field_of(header)
        if name and name != ASSESSMENT and name not in columns.index:
            columns.index[name] = position
        elif header:
            columns.unread.append(position)
    return columns


def is_header_row(cells: list[str]) -> Columns | None:
    """The columns, when this row reads as the header of a recommendation table."""
    columns = match_columns(cells)
    others = {STATES, RESPONSE, THEMES, PERSONS, SDGS, REFERENCE} & set(columns.index)
    if RECOMMENDATION in columns.index and others:
        return columns
    return None
