"""What a user has to do, by kind of work: the "My work" page, its API and the menu count.

Every group reads through the scoping of the page its rows link to, so nothing is counted
that the user could not open. Counting (`work_counts`) runs one COUNT query per group.
"""

from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse
from django.utils import timezone

from camket.accounts import roles
from camket.inbox.agency_sources import (
    OpinionsRequested,
    ReportsDueSoon,
    ReportsOverdue,
    ReportsReturned,
)
from camket.inbox.coordinator_sources import (
    CommentsToModerate,
    LinkSuggestions,
    OpinionsToDecide,
    ReportsToReview,
    TagSuggestions,
)
from camket.inbox.sources import ROWS_SHOWN, Row


@dataclass
class Group:
    kind: str
    label: str
    count: int
    rows: list[Row] = field(default_factory=list)
    more_url: str = ""  # the full list, when there are more rows than shown

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "label": self.label,
            "count": self.count,
            "items": [row.as_dict() for row in self.rows],
        }


SOURCES = [
    OpinionsRequested(),
    ReportsOverdue(),
    ReportsDueSoon(),
    ReportsReturned(),
    OpinionsToDecide(),
    ReportsToReview(),
    TagSuggestions(),
    LinkSuggestions(),
    CommentsToModerate(),
]


def _sources(user):
    return [source for source in SOURCES if source.applies_to(user)]


def work_for(user, *, today: date | None = None) -> list[Group]:
    """The user's groups of work, each with its count and first rows (sorted by due date)."""
    today = today or timezone.localdate()
    groups = []
    for source in _sources(user):
        queryset = source.queryset(user, today)
        if source.row_per_item:
            rows = source.rows(queryset, today)
            # Fewer rows than are shown, one per item: they are the count, no query needed.
            count = len(rows) if len(rows) < ROWS_SHOWN else source.count(queryset)
        else:
            count = source.count(queryset)
            rows = source.rows(queryset, today) if count else []
        more_url = (
            reverse(source.more_url_name) if (source.more_url_name and count > len(rows)) else ""
        )
        groups.append(Group(source.kind, str(source.label), count, rows, more_url))
    return groups


def work_counts(user, *, today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    return {source.kind: source.count(source.queryset(user, today)) for source in _sources(user)}


def open_work_count(user) -> int:
    return sum(work_counts(user).values()) if roles.can_read(user) else 0
