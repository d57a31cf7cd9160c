"""The tree of a framework's items (programme → sub-programme → outcome → output …), checked
without touching the database: an import plans its tree here before anything is written.

A row is (row number, reference, parent reference or "" at the top, level index or None).
`existing` maps the references already in the framework to (parent reference, level index).
The rules: every parent exists (in the file or the framework), no item is its own ancestor,
a reference appears once, a top item is at the first level and a child one level below its
parent, and no level lies outside the framework's levels. Without a level the item's depth
gives it.
"""

from collections.abc import Iterable, Sequence

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from camket.importers.records import RowError
from camket.lib.folding import fold

TreeRow = tuple[int, str, str | None, int | None]
DEFAULT_COLUMNS = {"reference": "reference", "parent": "parent", "level": "level"}


def level_index(value: str, levels: Sequence) -> int | None:
    """The index of the level written as `value`: its key, its name in either language or its
    1-based number (which may lie outside the levels: `validate_tree` says so). None when the
    words name no level."""
    value = (value or "").strip()
    if value.isdigit():
        return int(value) - 1
    wanted = " ".join(fold(value).split())
    for index, level in enumerate(levels):
        names = (level.key, level.name, level.name_vi) if hasattr(level, "key") else (level,)
        if any(name and " ".join(fold(name).split()) == wanted for name in names):
            return index
    return None


def level_name(levels: Sequence, index: int | None) -> str:
    """A level as a person reads it in a message: its number and its name."""
    if index is None or not 0 <= index < len(levels):
        return _("level %(number)s") % {"number": "?" if index is None else index + 1}
    level = levels[index]
    name = level.label(get_language() or "en") if hasattr(level, "label") else str(level)
    return f"{index + 1} “{name}”"


def level_names(levels: Sequence) -> str:
    return ", ".join(level_name(levels, index) for index in range(len(levels)))


class _Tree:
    """The file's rows laid over the framework's items."""

    def __init__(self, rows: Iterable[TreeRow], existing: dict[str, tuple[str | None, int]]):
        self.rows: list[TreeRow] = []
        self.duplicates: list[tuple[int, str, int]] = []  # row, reference, first row
        first_row: dict[str, int] = {}
        for row, reference, parent, level in rows:
            if reference in first_row:
                self.duplicates.append((row, reference, first_row[reference]))
                continue
            first_row[reference] = row
            self.rows.append((row, reference, parent or None, level))
        self.existing = existing
        self.parent_of = {reference: parent or None for reference, (parent, _l) in existing.items()}
        self.parent_of.update({reference: parent for _r, reference, parent, _l in self.rows})
        self.given = {reference: level for _r, reference, _p, level in self.rows}
        self.broken: set[str] = set()  # unknown parent or on (or under) a cycle
        self._levels: dict[str, int | None] = {}

    def cycle_from(self, reference: str) -> list[str] | None:
        """The cycle `reference` leads up to, if any (the references in it, closed)."""
        chain, current = [reference], self.parent_of.get(reference)
        while current is not None and current in self.parent_of and current not in chain:
            chain.append(current)
            current = self.parent_of[current]
        if current is None or current not in chain:
            return None
        return [*chain[chain.index(current) :], current]

    def level(self, reference: str) -> int | None:
        """The item's level once the file is applied: as given, else its depth."""
        if reference in self._levels:
            return self._levels[reference]
        self._levels[reference] = None  # guards against a cycle not yet found
        if reference in self.broken:
            return None
        if reference not in self.given:
            value = self.existing[reference][1] if reference in self.existing else None
        else:
            value = self.given[reference]
            if value is None:
                parent = self.parent_of[reference]
                above = 0 if parent is None else self.level(parent)
                value = None if above is None else (0 if parent is None else above + 1)
        self._levels[reference] = value
        return value

    def expected(self, reference: str) -> int | None:
        parent = self.parent_of[reference]
        if parent is None:
            return 0
        above = self.level(parent)
        return None if above is None else above + 1


def validate_tree(
    rows: Iterable[TreeRow],
    *,
    levels: Sequence,
    existing: dict[str, tuple[str | None, int]],
    columns: dict[str, str] | None = None,
    place_name=None,
) -> list[RowError]:
    """Every reason the file's rows cannot form the framework's tree, by row and column.
    `columns` names the file's headers for "reference", "parent" and "level"; `place_name(row)`
    names a row in a message (default "row N")."""
    columns = {**DEFAULT_COLUMNS, **(columns or {})}
    place_name = place_name or (lambda row: _("row %(row)d") % {"row": row})
    tree = _Tree(rows, existing)
    errors = [
        RowError(
            row,
            columns["reference"],
            _("The reference “%(reference)s” is already used in %(place)s.")
            % {"reference": reference, "place": place_name(first)},
        )
        for row, reference, first in tree.duplicates
    ]
    errors += _parent_errors(tree, columns["parent"])
    errors += _level_errors(tree, levels, columns)
    return sorted(errors, key=lambda error: error.row or 0)


def derived_levels(
    rows: Iterable[TreeRow], *, existing: dict[str, tuple[str | None, int]]
) -> dict[str, int | None]:
    """Each row's level once the file is applied (for rows `validate_tree` found no fault in)."""
    tree = _Tree(rows, existing)
    return {reference: tree.level(reference) for _r, reference, _p, _l in tree.rows}


def _parent_errors(tree: _Tree, column: str) -> list[RowError]:
    errors, reported_cycles = [], set()
    for row, reference, parent, _level in tree.rows:
        if parent is None:
            continue
        if parent == reference:
            tree.broken.add(reference)
            errors.append(
                RowError(
                    row,
                    column,
                    _("The item “%(reference)s” cannot be its own parent.")
                    % {"reference": reference},
                )
            )
        elif parent not in tree.parent_of:
            tree.broken.add(reference)
            errors.append(
                RowError(
                    row,
                    column,
                    _("The parent “%(parent)s” is neither in the file nor in the framework.")
                    % {"parent": parent},
                )
            )
    for row, reference, parent, _level in tree.rows:
        if parent is None or reference in tree.broken:
            continue
        cycle = tree.cycle_from(reference)
        if cycle is None:
            continue
        tree.broken.add(reference)  # on the cycle, or below it
        members = frozenset(cycle)
        if cycle[0] == reference and members not in reported_cycles:
            reported_cycles.add(members)
            errors.append(
                RowError(
                    row,
                    column,
                    _("The parents form a cycle: %(chain)s.") % {"chain": " → ".join(cycle)},
                )
            )
    return errors


def _level_errors(tree: _Tree, levels: Sequence, columns: dict[str, str]) -> list[RowError]:
    errors, column = [], columns["level"]
    count = len(levels)
    for row, reference, parent, given in tree.rows:
        if reference in tree.broken:
            continue
        if given is not None and not 0 <= given < count:
            errors.append(
                RowError(
                    row,
                    column,
                    _("The level %(level)s is not one of this framework's levels (%(levels)s).")
                    % {"level": given + 1, "levels": level_names(levels)},
                )
            )
            continue
        expected = tree.expected(reference)
        if expected is None:
            continue
        if given is not None and given != expected:
            errors.append(RowError(row, column, _misplaced(levels, parent, given, expected)))
        elif given is None and expected >= count:  # its parent puts it there
            errors.append(
                RowError(
                    row,
                    columns["parent"],
                    _(
                        "This item would be at level %(level)d, below the framework's last level "
                        "(%(levels)s)."
                    )
                    % {"level": expected + 1, "levels": level_names(levels)},
                )
            )
    errors += _stranded_children(tree, levels, column)
    return errors


def _misplaced(levels, parent, given, expected) -> str:
    if parent is None:
        return _("An item without a parent is at the top level, %(expected)s, not %(given)s.") % {
            "expected": level_name(levels, 0),
            "given": level_name(levels, given),
        }
    return _("Under “%(parent)s” an item is at level %(expected)s, not %(given)s.") % {
        "parent": parent,
        "expected": level_name(levels, expected),
        "given": level_name(levels, given),
    }


def _stranded_children(tree: _Tree, levels, column: str) -> list[RowError]:
    """Items already in the framework, not in the file, whose parent the file moves to another
    level: they would no longer sit one level below it."""
    errors = []
    row_of = {reference: row for row, reference, _p, _l in tree.rows}
    for reference, (parent, level) in tree.existing.items():
        if reference in tree.given or parent not in row_of or parent in tree.broken:
            continue
        above = tree.level(parent)
        if above is not None and level != above + 1:
            errors.append(
                RowError(
                    row_of[parent],
                    column,
                    _(
                        "“%(child)s”, already in the framework under this item, is at level "
                        "%(level)s: this item cannot be at level %(given)s."
                    )
                    % {
                        "child": reference,
                        "level": level_name(levels, level),
                        "given": level_name(levels, above),
                    },
                )
            )
    return errors
