"""An action's history with its indicators', as the reader may see it.

A draft action is its agencies' and its framework's coordinators': others read its history
from its publication on, and its indicators' changes only from then on.
"""

from camket.accounts import roles
from camket.frameworks.history import HistoryEntry, Lens, entries_for, windows_of, within
from camket.plans.models import Action
from camket.plans.scoping import visible_indicators


def sees_draft(user, action) -> bool:
    """The coordinators of its plan's framework, the lead agency and the co-agencies see the
    action as a draft."""
    if roles.coordinates(user, action.plan.framework):
        return True
    if not roles.is_agency_officer(user):
        return False
    agency = roles.agency_of(user)
    return action.lead_agency_id == agency.pk or action.co_agencies.filter(pk=agency.pk).exists()


def _published(record, older) -> bool:
    return record.publication == Action.Publication.PUBLISHED


def action_history(user, action) -> list[HistoryEntry]:
    drafts_seen = sees_draft(user, action)
    entries = entries_for(action, user=user, lens=None if drafts_seen else Lens(shows=_published))
    windows = None if drafts_seen else windows_of(action.history.all(), _published)
    own_agency = roles.agency_of(user).pk if roles.is_agency_officer(user) else None
    for indicator in visible_indicators(user).filter(action=action):
        lens = None
        if windows is not None and indicator.agency_id != own_agency:
            # Changed while the action was a draft: read as it stood at publication.
            lens = Lens(
                shows=lambda record, older: within(windows, record.history_date), compare_first=True
            )
        entries += entries_for(indicator, subject=str(indicator), user=user, lens=lens)
    return sorted(entries, key=lambda entry: entry.when, reverse=True)
