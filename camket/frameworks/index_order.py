"""Newest first and oldest first (`ordering._NEWEST`, `ordering._OLDEST`) over the in-memory
index: the lists' default order, sorted in milliseconds instead of by a query over every item.
The other orders are read from the database once per index (`results.Results`)."""

import numpy as np

from camket.frameworks.item_index import NO_SESSION, ItemIndex

LAST = np.iinfo(np.int64).max  # where a missing value sorts: last, in both directions


def chronological(index: ItemIndex, *, newest: bool) -> np.ndarray:
    """Every position, by the framework's cycle, then its start, then the item's session (each
    latest first when `newest`, missing ones last either way), then the framework's short name
    and the item's id."""
    info = index.frameworks
    size = int(index.framework.max()) + 1 if len(index) else 1
    cycle, starts, slug_rank = (np.full(size, LAST, dtype=np.int64) for _ in range(3))
    direction = -1 if newest else 1
    for pk, value in info.cycle.items():
        cycle[pk] = direction * value
    for pk, value in info.starts_on.items():
        starts[pk] = direction * value
    for pk, rank in info.slug_rank.items():
        slug_rank[pk] = rank
    session = np.where(index.session != NO_SESSION, direction * index.session, LAST)
    frameworks = index.framework
    # np.lexsort sorts by its last key first
    return np.lexsort(
        (index.pks, slug_rank[frameworks], session, starts[frameworks], cycle[frameworks])
    )
