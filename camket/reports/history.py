"""A report's history: the drafts and the coordinator's remarks stay between the two of them."""

from camket.accounts import roles
from camket.frameworks.history import HistoryEntry, entries_for
from camket.reports.scoping import visible_evidence


def may_see_history(user, report) -> bool:
    """The reporting agency and the coordinator; others see the accepted report only."""
    if roles.is_coordinator(user):
        return True
    return (roles.is_agency_officer(user)
            and report.due_date.indicator.agency_id == roles.agency_of(user).pk)


def report_history(user, report) -> list[HistoryEntry]:
    if not may_see_history(user, report):
        return []
    entries = entries_for(report, user=user)
    for item in visible_evidence(user).filter(report=report):
        entries += entries_for(item, subject=item.original_name, user=user)
    return sorted(entries, key=lambda entry: entry.when, reverse=True)
