"""UPR cycles of one state side by side: how many recommendations, the shares accepted and
noted, and how far the accepted ones have got.

The counts are those of the items camket holds (scoped to the user, archived ones left out),
grouped by their framework's cycle or, for imports that put every cycle in one framework, by
the cycle of their UPR session. Beside them stand the totals the state published for a cycle
(`data/published_upr_figures.json`, each with its source), so a cycle whose items camket holds
only in part, or not at all, still compares honestly: published figures are never mixed into
the counts, and the page says which is which.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

from camket.dashboard import filters, indexed
from camket.dashboard.rows import (
    NO_ACTION,
    RECOMMENDATION_STATUSES,
    Row,
    Segment,
    list_url,
    share,
    status_label,
)
from camket.frameworks.models import Framework
from camket.lib.vocabulary import ACCEPTED_RESPONSES, RESPONSE_NOTED

PUBLISHED_FILE = Path(__file__).parent / "data" / "published_upr_figures.json"
ROMAN_DIGITS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
# The UPR Working Group's sessions of each cycle (14 states a session, 3 sessions a year).
CYCLE_SESSIONS = ((1, 12, 1), (13, 26, 2), (27, 40, 3), (41, 54, 4), (55, 68, 5))
ACCEPTED = "accepted"
NOTED = "noted"
UNDECIDED = "undecided"


@dataclass
class Published:
    year: int
    recommendations: int
    accepted: int
    noted: int
    accepted_share: float
    noted_share: float
    implemented_share: float | None  # per cent of the accepted ones, as the state announced
    partly_implemented_share: float | None
    implementation_as_of: str  # YYYY-MM-DD, "" when no share was published
    sources: list[str]


@dataclass
class StatusShare:
    key: str
    label: str
    count: int
    share: float  # per cent of the cycle's accepted items
    url: str


@dataclass
class CycleColumn:
    cycle: int
    label: str  # "Cycle III"
    url: str  # the recommendation list of the cycle's items
    accepted_url: str  # ... of its accepted items
    total: int  # items in camket
    accepted: int
    accepted_share: float
    noted: int
    noted_share: float
    undecided: int
    statuses: list[StatusShare] = field(default_factory=list)  # of the accepted items
    published: Published | None = None


def cycle_label(cycle: int) -> str:
    """ "Cycle IV": the UPR numbers its cycles in Roman numerals, whatever their number."""
    return _("Cycle %(number)s") % {"number": roman_numeral(cycle)}


def roman_numeral(number: int) -> str:
    if number < 1:
        return str(number)
    digits = []
    for value, digit in ROMAN_DIGITS:
        count, number = divmod(number, value)
        digits.append(digit * count)
    return "".join(digits)


def cycle_of_session(session: int | None) -> int | None:
    for first, last, cycle in CYCLE_SESSIONS:
        if session is not None and first <= session <= last:
            return cycle
    return None


@cache
def _published_figures() -> dict[tuple[str, int], dict]:
    entries = json.loads(PUBLISHED_FILE.read_text(encoding="utf-8"))["cycles"]
    return {(entry["state"], entry["cycle"]): entry for entry in entries}


def published(state: str, cycle: int) -> Published | None:
    entry = _published_figures().get((state, cycle))
    if entry is None:
        return None
    total = entry["recommendations"]
    return Published(
        year=entry["year"],
        recommendations=total,
        accepted=entry["accepted"],
        noted=entry["noted"],
        accepted_share=share(entry["accepted"], total),
        noted_share=share(entry["noted"], total),
        implemented_share=entry.get("implemented_share"),
        partly_implemented_share=entry.get("partly_implemented_share"),
        implementation_as_of=entry.get("implementation_as_of") or "",
        sources=list(entry.get("sources") or []),
    )


def _response_key(response: str) -> str:
    if response in ACCEPTED_RESPONSES:
        return ACCEPTED
    return NOTED if response == RESPONSE_NOTED else UNDECIDED


def _counts(user, state: str) -> tuple[dict, dict, dict]:
    """{cycle: {accepted/noted/undecided: n}}, {cycle: {status: n}} (of the accepted items)
    and {cycle: {framework slugs}}."""
    responses: dict = {}
    statuses: dict = {}
    slugs: dict = {}
    # The visible UPR items with nothing below them, not archived, of the state: from the index.
    rows = indexed.cycle_rows(indexed.current_index(), user, state)
    for framework_cycle, session, response, implementation, slug, n in rows:
        cycle = framework_cycle or cycle_of_session(session)
        if cycle is None:
            continue
        slugs.setdefault(cycle, set()).add(slug)
        key = _response_key(response or "")
        by_response = responses.setdefault(cycle, {})
        by_response[key] = by_response.get(key, 0) + n
        if key == ACCEPTED:
            by_status = statuses.setdefault(cycle, {})
            status = implementation or NO_ACTION
            by_status[status] = by_status.get(status, 0) + n
    return responses, statuses, slugs


def _list_params(state: str, slugs: set) -> dict:
    """The recommendation list's filters for a cycle: its framework when it has one."""
    if len(slugs) == 1:
        return {"state": state, "framework": next(iter(slugs))}
    return {"state": state, "kind": Framework.Kind.UPR_CYCLE}


def cycle_comparison(user, state: str) -> list[CycleColumn]:
    """The UPR cycles of `state` (an ISO3 code; "all" compares nothing), oldest first: every
    cycle with items in camket or published figures."""
    if state == filters.ALL_STATES:
        return []
    responses, statuses, slugs = _counts(user, state)
    cycles = sorted(
        set(responses) | {cycle for code, cycle in _published_figures() if code == state}
    )
    columns = []
    for cycle in cycles:
        counts = responses.get(cycle, {})
        total = sum(counts.values())
        by_status = statuses.get(cycle, {})
        params = _list_params(state, slugs.get(cycle, set()))
        accepted_params = {**params, "response": "committed"}
        accepted = counts.get(ACCEPTED, 0)
        shares = [
            StatusShare(
                key=key,
                label=status_label(key),
                count=by_status.get(key, 0),
                share=share(by_status.get(key, 0), accepted),
                url=list_url("recommendation-list", **{**accepted_params, "implementation": key}),
            )
            for key in RECOMMENDATION_STATUSES
        ]
        columns.append(
            CycleColumn(
                cycle=cycle,
                label=cycle_label(cycle),
                url=list_url("recommendation-list", **{"response": "", **params}),
                accepted_url=list_url("recommendation-list", **accepted_params),
                total=total,
                accepted=accepted,
                accepted_share=share(accepted, total),
                noted=counts.get(NOTED, 0),
                noted_share=share(counts.get(NOTED, 0), total),
                undecided=counts.get(UNDECIDED, 0),
                statuses=shares,
                published=published(state, cycle),
            )
        )
    return columns


def response_rows(columns: list[CycleColumn]) -> list[Row]:
    """For the responses chart: each cycle's items in camket, then its published totals."""
    rows = []
    for column in columns:
        if column.total:
            rows.append(
                Row(
                    key=f"{column.cycle}",
                    label=column.label,
                    total=column.total,
                    url=column.url,
                    segments=[
                        Segment(ACCEPTED, _("Accepted"), column.accepted, column.accepted_url),
                        Segment(NOTED, _("Noted"), column.noted, column.url),
                        Segment(UNDECIDED, _("No response yet"), column.undecided, column.url),
                    ],
                )
            )
        if column.published:
            figures = column.published
            label = _("%(cycle)s (%(year)d), as published") % {
                "cycle": column.label,
                "year": figures.year,
            }
            rows.append(
                Row(
                    key=f"{column.cycle}-published",
                    label=label,
                    total=figures.recommendations,
                    url="",
                    segments=[
                        Segment(ACCEPTED, _("Accepted"), figures.accepted, ""),
                        Segment(NOTED, _("Noted"), figures.noted, ""),
                        Segment(UNDECIDED, _("No response yet"), 0, ""),
                    ],
                )
            )
    return rows


def status_rows(columns: list[CycleColumn]) -> list[Row]:
    """For the implementation chart: the accepted items of each cycle camket holds."""
    return [
        Row(
            key=str(column.cycle),
            label=column.label,
            total=column.accepted,
            url=column.accepted_url,
            segments=[Segment(s.key, s.label, s.count, s.url) for s in column.statuses],
        )
        for column in columns
        if column.accepted
    ]


def status_table(columns: list[CycleColumn]) -> list[tuple[str, str, list]]:
    """(status, label, [each cycle's StatusShare, None where it has no accepted item])."""
    return [
        (
            key,
            status_label(key),
            [column.statuses[index] if column.accepted else None for column in columns],
        )
        for index, key in enumerate(RECOMMENDATION_STATUSES)
    ]
