"""An action's history with its indicators', as the reader may see it."""

from camket.frameworks.history import HistoryEntry, entries_for
from camket.plans.scoping import visible_indicators


def action_history(user, action) -> list[HistoryEntry]:
    entries = entries_for(action, user=user)
    for indicator in visible_indicators(user).filter(action=action):
        entries += entries_for(indicator, subject=str(indicator), user=user)
    return sorted(entries, key=lambda entry: entry.when, reverse=True)
