"""What an export of items needs beyond the rows: their states, categories and actions, read
in a few queries (through-table order kept: the first theme is the primary one)."""

from collections import defaultdict
from dataclasses import dataclass, field

from camket.frameworks.models import Category, Recommendation, State
from camket.lib.vocabulary import AFFECTED_PERSONS, SDG, UHRI_THEMES

CHUNK = 5000


@dataclass
class Gathered:
    items: list[Recommendation]
    states: dict[int, list[State]] = field(default_factory=dict)
    categories: dict[int, list[Category]] = field(default_factory=dict)
    actions: dict[int, list[str]] = field(default_factory=dict)  # references the reader may see
    readable_parents: set[int] = field(default_factory=set)  # parents the reader may see

    def parent_of(self, item) -> Recommendation | None:
        """The item's parent if the reader may see it: a draft parent is not named."""
        return item.parent if item.parent_id in self.readable_parents else None

    def parent_reference(self, item) -> str:
        parent = self.parent_of(item)
        return parent.reference if parent else ""

    def states_of(self, item) -> list[State]:
        return self.states.get(item.pk, [])

    def categories_of(self, item) -> list[Category]:
        return self.categories.get(item.pk, [])

    def themes_of(self, item) -> list[Category]:
        """Every category but the SDGs: themes, groups of persons, other taxonomies."""
        return [c for c in self.categories_of(item) if c.taxonomy.slug != SDG]

    def sdgs_of(self, item) -> list[Category]:
        return [c for c in self.categories_of(item) if c.taxonomy.slug == SDG]

    def primary_theme(self, item) -> Category | None:
        themes = [c for c in self.themes_of(item) if c.taxonomy.slug != AFFECTED_PERSONS]
        uhri = [c for c in themes if c.taxonomy.slug == UHRI_THEMES]
        return (uhri or themes or [None])[0]


def readable_parents(items: list[Recommendation], readable) -> set[int]:
    parent_ids = sorted({item.parent_id for item in items if item.parent_id})
    if readable is None:
        exported = {item.pk for item in items}
        return {pk for pk in parent_ids if pk in exported}
    found = set()
    for start in range(0, len(parent_ids), CHUNK):
        found.update(
            readable.filter(pk__in=parent_ids[start : start + CHUNK]).values_list("pk", flat=True)
        )
    return found


def gather(items, *, actions=None, readable=None) -> Gathered:
    """`items`: a queryset of recommendations; `actions`: the actions the reader may see (None:
    no action column is wanted); `readable`: the recommendations the reader may see, which
    parents are named from (None: only the exported items themselves)."""
    items = list(items.select_related("framework", "parent", "state_under_review"))
    found = Gathered(items=items)
    found.readable_parents = readable_parents(items, readable)
    ids = [item.pk for item in items]
    state_link = Recommendation.recommending_states.through
    category_link = Recommendation.categories.through
    states, categories, action_refs = defaultdict(list), defaultdict(list), defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for link in (
            state_link.objects.filter(recommendation_id__in=chunk)
            .select_related("state")
            .order_by("id")
        ):
            states[link.recommendation_id].append(link.state)
        for link in (
            category_link.objects.filter(recommendation_id__in=chunk)
            .select_related("category__taxonomy")
            .order_by("id")
        ):
            categories[link.recommendation_id].append(link.category)
        if actions is not None:
            links = (
                actions.model.recommendations.through.objects.filter(
                    recommendation_id__in=chunk, action__in=actions
                )
                .order_by("action__reference", "action_id")
                .values_list("recommendation_id", "action__reference")
            )
            for recommendation_id, reference in links:
                action_refs[recommendation_id].append(reference)
    found.states, found.categories, found.actions = states, categories, action_refs
    return found
