"""A recommendation list as the web page and the API show it: how many items match, the items
of one page in the chosen order, the facet counts and the filter choices, all counted over
the in-memory index (`item_index.py`, `listing_mask.py`) instead of by SQL per request.

Only the rows of the page shown are read from the database. The order is the database's own
(`ordering.ordered` over every item, kept with the index); by relevance, the scores the
database's full-text search gives, then newest first. `like` alone is ordered by the database
(`search.search`), most similar first.
"""

from collections import Counter

import numpy as np
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from camket.frameworks import home_state, ordering
from camket.frameworks.index_names import Names, named_rows, names_of
from camket.frameworks.index_order import chronological
from camket.frameworks.index_search import text_search
from camket.frameworks.item_index import ItemIndex, counted, current_index, fingerprint
from camket.frameworks.listing_mask import results_mask, state_mask, visible_mask
from camket.frameworks.models import Category, Recommendation, State
from camket.frameworks.scoping import coordinated_framework_ids
from camket.frameworks.search import Facets, SearchParams, query_reading, search
from camket.frameworks.state_order import by_label, reader_language
from camket.frameworks.textsearch import Reading
from camket.lib.vocabulary import SDG

TOP = 12  # states and themes shown in the facets


class Results:
    """The items listed, for Django's Paginator and django-ninja's pagination: a count, and
    slices that read only their own rows (with `related` fetched alongside)."""

    def __init__(self, user, params: SearchParams, *, related=(), prefetch=(), named=False):
        """`named`: each item gets its framework, state under review and recommending states
        (`listed_states`) from the index's names (`index_names.named_rows`)."""
        self.user, self.params = user, params
        self.related, self.prefetch, self.named = related, prefetch, named
        self.index = current_index()
        self.sort = params.sort_in_effect()
        self.queryset: QuerySet | None = None  # the database orders the page (`like`)
        self.relevance: np.ndarray | None = None  # per position, when searching
        self.reading: Reading | None = None  # how the search words were read
        self.visible: np.ndarray | None = None  # the user's visible items, when worked out
        if params.like.isdigit():
            self.queryset = search(user, params)
            self.mask = self.index.mask_of(self.queryset.order_by().values_list("pk"))
        else:
            self.reading = query_reading(user, params)
            self.visible = visible_mask(self.index, user)
            self.mask = results_mask(self.index, user, params, visible=self.visible)
            if self.reading is not None:
                found, self.relevance = text_search(
                    self.index,
                    self.reading,
                    scored=self.sort == ordering.RELEVANCE,
                    within=self.mask,
                )
                self.mask &= found
        self._count = int(self.mask.sum())

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop, _step = key.indices(self._count)
        if stop <= start:
            return []
        if self.queryset is not None:
            items = list(self._fetch(self.queryset)[start:stop])
        else:
            ids = self.index.pks[self._order()[start:stop]].tolist()
            rows = self._fetch(Recommendation.objects.filter(pk__in=ids)).in_bulk()
            items = [rows[pk] for pk in ids if pk in rows]
        if self.named:
            named_rows(self.index, items)
        return items

    def _fetch(self, queryset: QuerySet) -> QuerySet:
        return queryset.select_related(*self.related).prefetch_related(*self.prefetch)

    def _order(self) -> np.ndarray:
        """The positions listed, in order; by relevance, highest first, then newest first, as
        the database orders it."""
        sort = ordering.NEWEST if self.sort == ordering.RELEVANCE else self.sort
        order = self._every_item_in_order(sort)
        listed = order[self.mask[order]]
        if self.sort == ordering.RELEVANCE and self.relevance is not None:
            # a stable sort keeps the newest-first order among equal scores
            listed = listed[np.argsort(-self.relevance[listed], kind="stable")]
        return listed

    def _every_item_in_order(self, sort: str) -> np.ndarray:
        """Every position in the sort's order, kept with the index: newest and oldest first
        are sorted in memory, the others read once from the database (`ordering.ordered`)."""
        key = (sort, reader_language())
        order = self.index.orders.get(key)
        if order is None:
            if sort in (ordering.NEWEST, ordering.OLDEST):
                order = chronological(self.index, newest=sort == ordering.NEWEST)
            else:
                every_item = ordering.ordered(Recommendation.objects.all(), sort)
                order = self.index.positions(every_item.values_list("pk"))
            self.index.orders[key] = order
        return order

    def facets(self) -> Facets:
        return facets(self.index, self.mask)


def facets(index: ItemIndex, mask: np.ndarray, *, top: int = TOP) -> Facets:
    """Counts of the listed items per value of each filter."""
    language = get_language() or "vi"
    result = Facets()
    names = names_of(index)
    frameworks = counted(index.framework[mask])
    result.frameworks = [
        (named.slug, named.label(language), n)
        for pk, n in _most_common(frameworks)
        for named in [names.framework_by_pk[pk]]
    ]
    labels = dict(Recommendation.Response.choices)
    result.responses = [
        (value or "none", labels.get(value, _("Not yet decided")), n)
        for value, n in _most_common(_coded(index.response, mask))
    ]
    action_labels = dict(Recommendation.ActionCategory.choices)
    categorised = index.action_category[mask]
    actions = counted(categorised[categorised >= 0])
    result.action_categories = [
        (value, action_labels[value], n)
        for value, n in sorted(actions.items())
        if value in action_labels
    ]
    labels = dict(Recommendation.Status.choices)
    result.statuses = [
        (value, labels.get(value, value), n)
        for value, n in _most_common(_coded(index.status, mask))
    ]
    states = _most_common(index.recommending_states.counts(mask))[:top]
    result.states = [(pk, names.states[pk].label(language), n) for pk, n in states]
    tags = index.categories.counts(mask)
    taxonomy = index.category_info.taxonomy
    themes = _most_common({pk: n for pk, n in tags.items() if taxonomy.get(pk) != SDG})[:top]
    result.themes = [(names.category_by_pk[pk], n) for pk, n in themes]
    goals: Counter = Counter()
    info = index.category_info
    for pk, n in tags.items():
        if taxonomy.get(pk) == SDG:
            parent = info.parent.get(pk)
            goals[info.code.get(parent) if parent else info.code.get(pk)] += n
    result.sdgs = sorted(goals.items(), key=lambda item: int(item[0]))
    return result


def filter_choices(user, params: SearchParams, listed: Results | None = None) -> dict:
    """The frameworks, states and themes the filters offer: only those of items the user may
    see, so a draft import names nothing to others; recommending states and themes only those
    of the state under review chosen. Users who see the same items share them. `listed`: the
    results of the same request, whose index and visible items are used when it has them."""
    if listed is not None and listed.visible is not None:
        index, visible = listed.index, listed.visible
    else:
        index = current_index()
        visible = visible_mask(index, user)
    in_state = visible & state_mask(index, params)
    coordinated = coordinated_framework_ids(user)
    key = (
        "filter choices",
        reader_language(),
        coordinated,
        fingerprint(visible),
        fingerprint(in_state),
    )
    return dict(
        index.remembered(key, lambda: _filter_choices(index, visible, in_state, coordinated))
    )


def sdg_goals() -> list[Category]:
    """The 17 goals, for the SDG filter."""
    names = names_of(current_index())
    goals = [c for c in names.categories if c.taxonomy.slug == SDG and c.parent_id is None]
    return sorted(goals, key=lambda goal: goal.pk)


def _filter_choices(
    index: ItemIndex, visible: np.ndarray, in_state: np.ndarray, coordinated: tuple[int, ...]
) -> dict:
    names = names_of(index)
    info = index.category_info
    used = {pk for pk in index.categories.targets_of(in_state) if info.taxonomy.get(pk) != SDG}
    shown = used | {info.parent[pk] for pk in used if pk in info.parent}
    recommending = index.recommending_states.targets_of(in_state)
    frameworks = set(counted(index.framework[visible]))
    offered = frameworks.union(coordinated)
    return {
        "frameworks": [f for f in names.frameworks if f.pk in offered and not f.archived],
        "states_under_review": _states_under_review(index, names, visible, frameworks),
        "states": by_label(state for pk, state in names.states.items() if pk in recommending),
        "themes": [c for c in names.categories if c.pk in shown and c.taxonomy.slug != SDG],
    }


def _states_under_review(
    index: ItemIndex, names: Names, visible: np.ndarray, frameworks: set[int]
) -> list[State]:
    """`home_state.states_under_review` over the index: the visible items' own states and
    their frameworks' states, with an ISO code, the home state left out."""
    named = set(counted(index.state_under_review[visible]))
    named.update(index.frameworks.state_under_review.get(pk, 0) for pk in frameworks)
    home = home_state.home_state_code()
    return by_label(
        state
        for pk, state in names.states.items()
        if pk in named and state.iso3 and state.iso3 != home
    )


def _coded(codes, mask: np.ndarray) -> dict[str, int]:
    return {codes.values[code]: n for code, n in counted(codes.column[mask]).items()}


def _most_common(counts: dict) -> list[tuple]:
    """Largest first; equal counts by value, so the same data always lists the same way."""
    return sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
