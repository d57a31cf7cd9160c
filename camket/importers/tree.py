"""Where an import puts each item in its framework's tree: read the `parent` and `level`
columns, check the tree (`frameworks/trees.validate_tree`) and say each record's level.

A parent that is new in the same file has no id while planning: it is a `PendingItem`, given
its id when its row is written (parents are written before their children)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.trees import derived_levels, level_index, level_names, validate_tree
from camket.importers.records import ParsedRecommendation, RowError


@dataclass(eq=False)
class PendingItem:
    """A parent created by the same import; `pk` is set once it is written."""

    reference: str
    pk: int | None = None


def existing_tree(framework: Framework) -> dict[str, tuple[str | None, int]]:
    if framework.pk is None:
        return {}
    return {
        reference: (parent or None, level)
        for reference, parent, level in Recommendation.objects.filter(
            framework=framework
        ).values_list("reference", "parent__reference", "level")
    }


def place(
    records: list[ParsedRecommendation], framework: Framework, columns: dict[str, str]
) -> list[RowError]:
    """Check the tree the records make in `framework`; set each record's `tree_level`.
    Returns the row errors (and sets nothing) when the tree cannot be."""
    levels = framework.level_list()
    existing = existing_tree(framework)
    errors, rows = [], []
    for record in records:
        if "parent" not in columns and record.reference in existing:
            record.parent = existing[record.reference][0] or ""  # a level column alone moves none
        index = level_index(record.level, levels) if record.level else None
        if record.level and index is None:
            errors.append(
                RowError(
                    record.row,
                    columns.get("level", "level"),
                    _("“%(value)s” is not one of this framework's levels (%(levels)s).")
                    % {"value": record.level, "levels": level_names(levels)},
                )
            )
        rows.append((record.row, record.reference, record.parent or None, index))
    errors += validate_tree(rows, levels=levels, existing=existing, columns=columns)
    if errors:
        return sorted(errors, key=lambda error: error.row or 0)
    placed = derived_levels(rows, existing=existing)
    for record in records:
        record.tree_level = placed[record.reference]
    return []


class ParentResolver:
    """The parent of each planned record: an existing item's id, or the pending new item."""

    def __init__(self, existing: dict[str, Recommendation]):
        self.existing = existing
        self.pending: dict[str, PendingItem] = {}

    def resolve(self, reference: str):
        if not reference:
            return None
        found = self.existing.get(reference)
        if found is not None:
            return found.pk
        return self.pending.setdefault(reference, PendingItem(reference))

    def written(self, ids: dict[str, int]) -> None:
        """Give the pending parents among the items just written (`ids` by reference) theirs."""
        for reference, pk in ids.items():
            pending = self.pending.get(reference)
            if pending is not None:
                pending.pk = pk
