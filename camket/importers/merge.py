"""A re-imported record merged with what people did in camket since the last import.

The source's values of the last import are kept on the recommendation (`imported_values`).
A field the file changes is written only when camket still holds what the last import
wrote; otherwise someone changed it in camket and it is kept (and reported) unless the user
chose to overwrite. A decision recorded in camket (`decided_by` set) is kept the same way.
Recommending states the file no longer lists are removed only when they came from an
import; categories are never removed by an import.
"""

from dataclasses import dataclass, field

DECISION_FIELDS = ("response", "response_reason")
STATES, CATEGORIES = "states", "categories"


@dataclass
class Merge:
    fields: dict = field(default_factory=dict)  # field name -> value to write
    kept: list[tuple[str, object, object]] = field(default_factory=list)  # field, camket, file
    add_states: list = field(default_factory=list)  # State objects (maybe not saved yet)
    drop_states: set[int] = field(default_factory=set)
    add_categories: list = field(default_factory=list)  # Category objects
    clear_decision: bool = False

    @property
    def changes_anything(self) -> bool:
        return bool(self.fields or self.add_states or self.drop_states or self.add_categories)


def baseline_of(wanted: dict, states, categories) -> dict:
    """What an import remembers of its source for one record (JSON; ids of saved rows)."""
    return {
        **wanted,
        STATES: sorted(s.pk for s in states if s.pk),
        CATEGORIES: sorted(c.pk for c in categories if c.pk),
    }


def merge(
    found,
    wanted: dict,
    states: list,
    categories: list,
    current_states: set,
    current_categories: set,
    baseline: dict | None,
    *,
    overwrite: bool,
) -> Merge:
    result = Merge()

    def source_changed(key, value) -> bool:
        return baseline is None or key not in baseline or baseline[key] != value

    def untouched_in_camket(key, current) -> bool:
        return baseline is not None and key in baseline and baseline[key] == current

    for key, value in wanted.items():
        current = getattr(found, key)
        if key in DECISION_FIELDS or current == value:
            continue
        if overwrite or untouched_in_camket(key, current):
            result.fields[key] = value
        elif source_changed(key, value):
            result.kept.append((key, current, value))
    _merge_decision(result, found, wanted, overwrite, source_changed)
    _merge_states(result, states, current_states, baseline, overwrite)
    base_categories = set(baseline[CATEGORIES]) if baseline and CATEGORIES in baseline else None
    result.add_categories = [
        c
        for c in categories
        if c.pk is None
        or (
            c.pk not in current_categories
            and (overwrite or base_categories is None or c.pk not in base_categories)
        )
    ]
    return result


def _merge_decision(result: Merge, found, wanted, overwrite, source_changed) -> None:
    if "response" not in wanted:
        return
    differs = [k for k in DECISION_FIELDS if getattr(found, k) != wanted.get(k, "")]
    if not differs:
        return
    if found.decided_by_id is None or overwrite:
        for key in differs:
            result.fields[key] = wanted.get(key, "")
        result.clear_decision = found.decided_by_id is not None
    elif any(source_changed(key, wanted.get(key, "")) for key in differs):
        result.kept += [(key, getattr(found, key), wanted.get(key, "")) for key in differs]


def _merge_states(result: Merge, states, current: set, baseline, overwrite) -> None:
    if not states:
        return  # a file without recommending states says nothing about them
    base = set(baseline[STATES]) if baseline and STATES in baseline else None
    wanted_ids = {s.pk for s in states if s.pk}
    result.add_states = [
        s
        for s in states
        if s.pk is None or (s.pk not in current and (overwrite or base is None or s.pk not in base))
    ]
    extra = current - wanted_ids
    if overwrite:
        result.drop_states = extra
        return
    result.drop_states = extra & base if base is not None else set()
    if extra - result.drop_states and (base is None or base != wanted_ids):
        result.kept.append((STATES, sorted(current), list(states)))
