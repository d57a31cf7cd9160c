"""The small tables a list names (states, frameworks, categories with their taxonomies), read
once per item index instead of by a query or two on every list page.

`ITEMS` moves whenever one of these rows changes (`item_index.watch_items`), and a new index
starts with no names, so they are never older than the index's token. The instances are shared
by the requests of a process: read them, never change them.
"""

from dataclasses import dataclass
from typing import Any

import numpy as np

from camket.frameworks.item_index import ItemIndex
from camket.frameworks.models import Category, Framework, State

MEMO_KEY = "names"


@dataclass(frozen=True)
class Names:
    states: dict[int, State]  # in the database's default order (by name)
    frameworks: list[Framework]  # in the database's default order
    framework_by_pk: dict[int, Framework]
    categories: list[Category]  # by taxonomy name, code and name, as the database orders them
    category_by_pk: dict[int, Category]


def names_of(index: ItemIndex) -> Names:
    return index.remembered(MEMO_KEY, _read)


def named_rows(index: ItemIndex, items: list[Any]) -> None:
    """Give each listed item (of the index) its framework, state under review and recommending
    states (`listed_states`, in the database's order) from the names, as `select_related` and
    `prefetch_related` would, without their queries and copies of the same rows."""
    names = names_of(index)
    rank = {pk: n for n, pk in enumerate(names.states)}
    positions, held = index.locate(np.array([item.pk for item in items], dtype=np.int64))
    indexed = [item for item, known in zip(items, held, strict=True) if known]
    for item in (item for item, known in zip(items, held, strict=True) if not known):
        item.listed_states = list(item.recommending_states.all())  # written since the build
    for item, position in zip(indexed, positions.tolist(), strict=True):
        item.framework = names.framework_by_pk[item.framework_id]
        if item.state_under_review_id is not None:
            item.state_under_review = names.states[item.state_under_review_id]
        linked = index.recommending_states.targets_of_item(position)
        item.listed_states = [names.states[pk] for pk in sorted(linked, key=rank.__getitem__)]


def _read() -> Names:
    frameworks = list(Framework.objects.select_related("state_under_review"))
    categories = list(
        Category.objects.select_related("taxonomy").order_by("taxonomy__name", "code", "name")
    )
    return Names(
        states={state.pk: state for state in State.objects.all()},
        frameworks=frameworks,
        framework_by_pk={framework.pk: framework for framework in frameworks},
        categories=categories,
        category_by_pk={category.pk: category for category in categories},
    )
