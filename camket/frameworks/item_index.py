"""Every item's list fields held in memory as columns, so that a list's count, facets and
filter choices are counted over 250,000 items in milliseconds instead of by SQL per request.

The index holds no text and decides nothing about access by itself: `listing_mask.py` applies
the same scoping rules as `scoping.visible_recommendations`, and the tests compare the two
over every persona and filter. It is rebuilt in each process on its first use after any item,
framework, category, taxonomy, state or link changes: `ITEMS` is bumped by signals (and by
the importer, whose bulk writes send none), and an index built under an older token is never
used again.
"""

import hashlib
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar, cast

import numpy as np
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from camket.frameworks.models import Category, Framework, Recommendation, State, Taxonomy
from camket.lib.generations import Token
from camket.lib.raw_rows import rows_of

NONE = 0  # a missing foreign key (no state under review, no cluster) in the id columns
NO_ACTION_CATEGORY = -1
NO_SESSION = -1
MEMO_ENTRIES = 512  # values kept per index (a few per agency, state filter and language)
_MISSING = object()
T = TypeVar("T")


# Bumped by signals on every item, framework, category and link change (see `watch_items`),
# and by code writing such rows in bulk (the importer).
ITEMS = Token("camket:items:index-token")


def watch_items() -> None:
    """Called once from the app's ready()."""
    links = [Recommendation.recommending_states.through, Recommendation.categories.through]
    named = [Framework, Category, Taxonomy, State]  # the lists name them (`index_names.py`)
    ITEMS.watch([Recommendation, *named, *links], links, name="item-index")


@dataclass(frozen=True)
class Codes:
    """A text column stored as small integers: `values[code]` is the text."""

    values: tuple[str, ...]
    column: np.ndarray

    def code(self, value: str) -> int:
        return self.values.index(value) if value in self.values else -1

    def equals(self, value: str) -> np.ndarray:
        return self.column == self.code(value)

    def among(self, values) -> np.ndarray:
        return np.isin(self.column, [self.code(v) for v in values])


@dataclass
class Links:
    """A many-to-many table: item positions and the linked ids, row by row."""

    items: np.ndarray
    targets: np.ndarray

    def items_linked_to(self, targets) -> np.ndarray:
        return self.items[np.isin(self.targets, list(targets))]  # a position may repeat

    def counts(self, mask: np.ndarray) -> dict[int, int]:
        """How many link rows of the masked items name each target."""
        return counted(self.targets[mask[self.items]])

    def targets_of(self, mask: np.ndarray) -> set[int]:
        return set(counted(self.targets[mask[self.items]]))

    def targets_of_item(self, position: int) -> list[int]:
        """The ids one item links to (the rows are kept in item order: see `_links`)."""
        start, stop = np.searchsorted(self.items, [position, position + 1])
        return self.targets[start:stop].tolist()


def counted(values: np.ndarray) -> dict[int, int]:
    """How many times each value (a small non-negative integer: an id, a code) occurs."""
    if not len(values):
        return {}
    counts = np.bincount(values)
    found = np.flatnonzero(counts)
    return dict(zip(found.tolist(), counts[found].tolist(), strict=True))


@dataclass
class CategoryInfo:
    parent: dict[int, int]  # category id -> parent id (absent: none)
    code: dict[int, str]
    taxonomy: dict[int, str]  # category id -> taxonomy slug


@dataclass
class FrameworkInfo:
    slug: dict[int, str]
    kind: dict[int, str]
    has_response: dict[int, bool]
    state_under_review: dict[int, int]  # absent: none
    cycle: dict[int, int]  # absent: none
    starts_on: dict[int, int]  # the date's ordinal; absent: none
    slug_rank: dict[int, int]  # the framework's place by short name, in the database's order


@dataclass
class ItemIndex:
    token: str
    pks: np.ndarray  # ascending: an item's position is where its pk is
    framework: np.ndarray
    state_under_review: np.ndarray  # the item's own, NONE when it names none
    effective_state: np.ndarray  # its own, else its framework's, else NONE
    status: Codes
    response: Codes
    implementation: Codes
    action_category: np.ndarray
    translated: np.ndarray
    cluster: np.ndarray
    session: np.ndarray  # NO_SESSION when the item names none
    leaf: np.ndarray  # no item below it
    recommending_states: Links
    categories: Links
    frameworks: FrameworkInfo
    category_info: CategoryInfo
    # every position in the order of a sort, by (sort, language): see `results.Results`
    orders: dict[tuple[str, str], np.ndarray] = field(default_factory=dict)
    memo: dict[Hashable, object] = field(default_factory=dict)  # see `remembered`

    def __len__(self) -> int:
        return len(self.pks)

    def positions(self, pks) -> np.ndarray:
        """The positions of those of `pks` (ids, or a queryset of single ids: `values_list`)
        the index holds."""
        pks = _column(pks) if isinstance(pks, QuerySet) else np.asarray(list(pks), dtype=np.int64)
        positions, held = self.locate(pks)
        return positions

    def locate(self, pks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The positions of the ids the index holds, and which of `pks` those are (an item
        written since the index was built is not held: the next request rebuilds it)."""
        if not len(pks) or not len(self.pks):
            return np.empty(0, dtype=np.int64), np.zeros(len(pks), dtype=bool)
        found = np.searchsorted(self.pks, pks)
        found[found >= len(self.pks)] = 0
        held = self.pks[found] == pks
        return found[held], held

    def mask_of(self, pks) -> np.ndarray:
        mask = np.zeros(len(self), dtype=bool)
        mask[self.positions(pks)] = True
        return mask

    def remembered(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What `compute` gives, computed once for this index: only for values that depend on
        nothing but the index and rows `ITEMS` watches (and what the key says)."""
        value = self.memo.get(key, _MISSING)
        if value is _MISSING:
            if len(self.memo) >= MEMO_ENTRIES:
                self.memo.clear()
            value = self.memo[key] = compute()
        return cast(T, value)

    def everything(self) -> np.ndarray:
        return np.ones(len(self), dtype=bool)

    def nothing(self) -> np.ndarray:
        return np.zeros(len(self), dtype=bool)


def fingerprint(mask: np.ndarray) -> bytes:
    """A short digest of a mask, to key what is computed from it (`ItemIndex.remembered`)."""
    return hashlib.blake2b(np.packbits(mask).tobytes(), digest_size=16).digest()


_built: dict[str, ItemIndex] = {}  # database name -> its index, in this process
_lock = threading.Lock()


def current_index() -> ItemIndex:
    """This process's index, rebuilt when anything listed has changed since it was built. The
    token is read before the rows, so rows changed during a build are never kept under it."""
    token = ITEMS.current()
    database = _database()
    with _lock:
        index = _built.get(database)
        if index is None or index.token != token:
            _built.clear()
            index = _built[database] = build(token)
        return index


def _database() -> str:
    return str(connection.settings_dict.get("NAME"))


def _column(queryset: QuerySet) -> np.ndarray:
    return np.array([row[0] for row in rows_of(queryset)], dtype=np.int64)


ITEM_FIELDS = (
    "pk",
    "framework_id",
    "state_under_review_id",
    "framework__state_under_review_id",
    "cluster_id",
    "session",
    "action_category",
    "untranslated",
    "status",
    "response",
    "implementation",
)
TEXT_FIELDS = ITEM_FIELDS[-3:]
CHUNK_ROWS = 20_000  # rows converted at a time: the whole list of tuples would double the memory


def _item_columns() -> tuple[dict[str, np.ndarray], dict[str, Codes]]:
    """Every item's fields as columns, read a chunk of rows at a time; texts as codes."""
    queryset = (
        Recommendation.objects.order_by("pk")
        .annotate(untranslated=ExpressionWrapper(Q(text_vi=""), output_field=BooleanField()))
        .values_list(*ITEM_FIELDS)
    )
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    parts: dict[str, list[np.ndarray]] = {name: [] for name in ITEM_FIELDS}
    vocabularies: dict[str, dict[str, int]] = {name: {} for name in TEXT_FIELDS}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(CHUNK_ROWS):
            for name, values in zip(ITEM_FIELDS, zip(*chunk, strict=True), strict=True):
                parts[name].append(np.array(_numbers(name, values, vocabularies), dtype=np.int64))
    columns = {
        name: np.concatenate(arrays) if arrays else np.empty(0, dtype=np.int64)
        for name, arrays in parts.items()
    }
    texts = {
        name: Codes(tuple(codes), columns.pop(name).astype(np.int16))
        for name, codes in vocabularies.items()
    }
    return columns, texts


def _numbers(name: str, values: tuple, vocabularies: dict[str, dict[str, int]]) -> list[int]:
    if name in vocabularies:
        codes = vocabularies[name]
        return [codes.setdefault(value or "", len(codes)) for value in values]
    if name == "action_category":
        return [NO_ACTION_CATEGORY if value is None else value for value in values]
    if name == "session":
        return [NO_SESSION if value is None else value for value in values]
    return [value or NONE for value in values]


def build(token: str) -> ItemIndex:
    columns, texts = _item_columns()
    pks = columns["pk"]
    own_state = columns["state_under_review_id"]
    framework_state = columns["framework__state_under_review_id"]
    parents = _column(
        Recommendation.objects.filter(parent__isnull=False).order_by().values_list("parent_id")
    )
    return ItemIndex(
        token=token,
        pks=pks,
        framework=columns["framework_id"].astype(np.int32),
        state_under_review=own_state.astype(np.int32),
        effective_state=np.where(own_state != NONE, own_state, framework_state).astype(np.int32),
        status=texts["status"],
        response=texts["response"],
        implementation=texts["implementation"],
        action_category=columns["action_category"].astype(np.int16),
        cluster=columns["cluster_id"].astype(np.int32),
        session=columns["session"].astype(np.int32),
        translated=columns["untranslated"] == 0,
        leaf=~np.isin(pks, parents),
        recommending_states=_links(pks, Recommendation.recommending_states.through, "state_id"),
        categories=_links(pks, Recommendation.categories.through, "category_id"),
        frameworks=_framework_info(),
        category_info=_category_info(),
    )


def _links(pks: np.ndarray, through, target: str) -> Links:
    rows = rows_of(through.objects.order_by().values_list("recommendation_id", target))
    items = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    targets = np.fromiter((row[1] for row in rows), dtype=np.int32, count=len(rows))
    del rows
    positions = np.searchsorted(pks, items) if len(pks) else np.zeros(len(items), dtype=np.int64)
    in_item_order = np.argsort(positions, kind="stable")
    return Links(positions[in_item_order], targets[in_item_order])


def _framework_info() -> FrameworkInfo:
    rows = Framework.objects.values_list(
        "pk", "slug", "kind", "has_response", "state_under_review_id", "cycle", "starts_on"
    )
    return FrameworkInfo(
        slug={pk: slug for pk, slug, *_ in rows},
        kind={pk: kind for pk, _slug, kind, *_ in rows},
        has_response={row[0]: row[3] for row in rows},
        state_under_review={row[0]: row[4] for row in rows if row[4]},
        cycle={row[0]: row[5] for row in rows if row[5] is not None},
        starts_on={row[0]: row[6].toordinal() for row in rows if row[6] is not None},
        slug_rank={
            pk: rank
            for rank, pk in enumerate(
                Framework.objects.order_by("slug").values_list("pk", flat=True)
            )
        },
    )


def _category_info() -> CategoryInfo:
    rows = Category.objects.values_list("pk", "parent_id", "code", "taxonomy__slug")
    return CategoryInfo(
        parent={pk: parent for pk, parent, *_ in rows if parent},
        code={row[0]: row[2] for row in rows},
        taxonomy={row[0]: row[3] for row in rows},
    )
