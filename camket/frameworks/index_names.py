"""The small tables a list names (states, frameworks, categories with their taxonomies), read
once per item index instead of by a query or two on every list page.

`ITEMS` moves whenever one of these rows changes (`item_index.watch_items`), and a new index
starts with no names, so they are never older than the index's token. The instances are shared
by the requests of a process: read them, never change them.
"""

from dataclasses import dataclass

from camket.frameworks.item_index import ItemIndex
from camket.frameworks.models import Category, Framework, State

MEMO_KEY = "names"


@dataclass(frozen=True)
class Names:
    states: dict[int, State]
    frameworks: list[Framework]  # in the database's default order
    framework_by_pk: dict[int, Framework]
    categories: list[Category]  # by taxonomy name, code and name, as the database orders them
    category_by_pk: dict[int, Category]


def names_of(index: ItemIndex) -> Names:
    return index.remembered(MEMO_KEY, _read)


def _read() -> Names:
    frameworks = list(Framework.objects.all())
    categories = list(
        Category.objects.select_related("taxonomy").order_by("taxonomy__name", "code", "name")
    )
    return Names(
        states=State.objects.in_bulk(),
        frameworks=frameworks,
        framework_by_pk={framework.pk: framework for framework in frameworks},
        categories=categories,
        category_by_pk={category.pk: category for category in categories},
    )
