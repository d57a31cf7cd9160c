"""The dashboard's item counts taken from the in-memory index of the items
(`frameworks/item_index.py`) instead of GROUP BY queries over every item.

On PostgreSQL at 250,000 items each of those queries read the whole items table (far larger
than the server's default buffers) and was planned around an estimate of a handful of rows:
the dashboard took seconds. The index already holds every column these counts need, and the
list pages already trust it. The rules are the SQL ones of `counted.py`, `cycles.py` and
`filters.py`, over the index's columns (`listing_mask.py` gives the user's scope);
tests/dashboard/test_indexed.py compares both for every persona and filter.
"""

import numpy as np

from camket.dashboard.rows import NO_ACTION
from camket.frameworks import home_state
from camket.frameworks.item_index import NO_SESSION, NONE, ItemIndex, counted, current_index
from camket.frameworks.listing_mask import category_mask, committed_mask, visible_mask
from camket.frameworks.models import Framework, Recommendation, State
from camket.lib.vocabulary import DRUGS_CRIME, SDG, UPR_INFO_ISSUES
from camket.plans.matching import Concerning

SUBJECT_TAXONOMIES = (UPR_INFO_ISSUES, DRUGS_CRIME, SDG)
UNFILTERED = Concerning()


def _visible(index: ItemIndex, user) -> np.ndarray:
    """`counted._scoped`: `user=None` is the whole government."""
    return index.everything() if user is None else visible_mask(index, user)


def _not_archived(index: ItemIndex) -> np.ndarray:
    return ~index.status.equals(Recommendation.Status.ARCHIVED)


def _frameworks_where(index: ItemIndex, table: dict[int, str], value: str) -> np.ndarray:
    return np.isin(index.framework, [pk for pk, their in table.items() if their == value])


def state_mask(index: ItemIndex, code: str) -> np.ndarray:
    """`filters.item_state_condition`: the item's own state, else its framework's; an item of
    neither counts for the home state."""
    if code == home_state.ALL_STATES:
        return index.everything()
    states = list(State.objects.filter(iso3=code).values_list("pk", flat=True))
    mask = np.isin(index.effective_state, states)
    if code == home_state.home_state_code():
        mask |= index.effective_state == NONE
    return mask


def counted_mask(
    index: ItemIndex, user, concerning: Concerning = UNFILTERED, state: str = ""
) -> np.ndarray:
    """`counted.counted_items(user, concerning)` of the state (ISO3 or "all"; "" for every
    state, as `counted_items` alone)."""
    mask = _visible(index, user) & committed_mask(index) & _not_archived(index)
    if concerning.framework:
        mask &= _frameworks_where(index, index.frameworks.slug, concerning.framework)
    if concerning.kind:
        mask &= _frameworks_where(index, index.frameworks.kind, concerning.kind)
    if concerning.category:
        mask &= category_mask(index, concerning.category)
    return mask & state_mask(index, state) if state else mask


def _statuses(index: ItemIndex) -> list[str]:
    """Each implementation code's status as the dashboard names it."""
    return [value or NO_ACTION for value in index.implementation.values]


def status_by_framework(index: ItemIndex, mask: np.ndarray) -> dict[int, dict[str, int]]:
    """{framework id: {implementation status: items}} of the masked items."""
    statuses = _statuses(index)
    width = len(statuses)
    keys = index.framework[mask].astype(np.int64) * width + index.implementation.column[mask]
    result: dict[int, dict[str, int]] = {}
    for key, n in counted(keys).items():
        framework, status = divmod(key, width)
        by_status = result.setdefault(framework, {})
        by_status[statuses[status]] = by_status.get(statuses[status], 0) + n
    return result


def status_by_subject(index: ItemIndex, mask: np.ndarray) -> dict[str, dict[int, dict[str, int]]]:
    """`subject_figures._counts`: {taxonomy slug: {top category id: {status: items}}}, a tag
    on a child category counting for its parent, an item counted once per category family."""
    info = index.category_info
    links = index.categories
    linked = mask[links.items] if len(links.items) else np.zeros(0, dtype=bool)
    items, categories = links.items[linked], links.targets[linked].astype(np.int64)
    if not len(items):
        return {}
    slugs = list(SUBJECT_TAXONOMIES)
    size = max(int(categories.max()), *info.code, *info.parent.values()) + 1
    group = np.arange(size, dtype=np.int64)
    taxonomy = np.full(size, -1, dtype=np.int64)
    for pk, parent in info.parent.items():
        group[pk] = parent
    for pk, slug in info.taxonomy.items():
        if slug in slugs:
            taxonomy[pk] = slugs.index(slug)
    kept = taxonomy[categories] >= 0
    families = taxonomy[categories[kept]] * size + group[categories[kept]]
    pairs = np.unique(families * len(index) + items[kept])  # each item once per family
    families, items = np.divmod(pairs, len(index))
    statuses = _statuses(index)
    width = len(statuses)
    result: dict[str, dict[int, dict[str, int]]] = {}
    keys = families * width + index.implementation.column[items]
    for key, n in counted(keys).items():
        family, status = divmod(key, width)
        taxonomy_number, category = divmod(family, size)
        by_status = result.setdefault(slugs[taxonomy_number], {}).setdefault(category, {})
        by_status[statuses[status]] = by_status.get(statuses[status], 0) + n
    return result


def cycle_rows(index: ItemIndex, user, state: str) -> list[tuple]:
    """`cycles._counts`' rows: (framework cycle, session, response, implementation, framework
    slug, items) of the visible UPR items with nothing below them, not archived, of the
    state."""
    frameworks = index.frameworks
    mask = (
        _visible(index, user)
        & _frameworks_where(index, frameworks.kind, Framework.Kind.UPR_CYCLE)
        & _not_archived(index)
        & index.leaf
        & state_mask(index, state)
    )
    columns = [
        index.framework[mask].astype(np.int64),
        index.session[mask].astype(np.int64) - NO_SESSION,  # from 0
        index.response.column[mask].astype(np.int64),
        index.implementation.column[mask].astype(np.int64),
    ]
    if not len(columns[0]):
        return []
    # One integer per row, its columns as digits: counting them is a sort of plain integers,
    # several times faster than `np.unique(..., axis=0)` over rows.
    sizes = [int(column.max()) + 1 for column in columns]
    keys = np.zeros(len(columns[0]), dtype=np.int64)
    for column, size in zip(columns, sizes, strict=True):
        keys = keys * size + column
    found, counts = np.unique(keys, return_counts=True)
    rows = []
    for key, n in zip(found.tolist(), counts.tolist(), strict=True):
        digits = []
        for size in reversed(sizes):
            key, digit = divmod(key, size)
            digits.append(digit)
        implementation, response, session, framework = digits
        session += NO_SESSION
        rows.append(
            (
                frameworks.cycle.get(framework),
                None if session == NO_SESSION else session,
                index.response.values[response],
                index.implementation.values[implementation],
                frameworks.slug[framework],
                n,
            )
        )
    return rows


def tagged_categories(index: ItemIndex, user) -> set[int]:
    """The categories tagging an item the user may see, and their parents."""
    used = index.categories.targets_of(_visible(index, user))
    parents = index.category_info.parent
    return used | {parents[pk] for pk in used if pk in parents}


def counted_frameworks(index: ItemIndex, user) -> list[int]:
    """The frameworks with a counted item (`counted.counted_items(user)`)."""
    return np.unique(index.framework[counted_mask(index, user)]).tolist()


def reviewed_states(index: ItemIndex, user) -> set[int]:
    """The states under review of the items the user may see, and of their frameworks."""
    visible = _visible(index, user)
    own = set(np.unique(index.state_under_review[visible]).tolist()) - {NONE}
    framework_states = index.frameworks.state_under_review
    of_frameworks = {
        framework_states[pk]
        for pk in np.unique(index.framework[visible]).tolist()
        if pk in framework_states
    }
    return own | of_frameworks


__all__ = [
    "counted_frameworks",
    "counted_mask",
    "current_index",
    "cycle_rows",
    "reviewed_states",
    "state_mask",
    "status_by_framework",
    "status_by_subject",
    "tagged_categories",
]
