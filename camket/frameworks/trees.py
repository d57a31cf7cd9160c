"""The rules a framework's tree of items follows, for every way items arrive (a definition
file, a tabular import): each reference once, every parent known, no cycle, and levels that
fit — an item without a parent sits at the top level (0), a child one level below its parent,
and no item below the framework's last level.

`validate_tree` reads only what it is given, so an importer can call it before writing."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from camket.frameworks.kinds import Level
from camket.lib.folding import fold


@dataclass(frozen=True)
class TreeRow:
    """One item as a file gives it. `position` is what the messages name: a row number, or
    the index of the item in a definition file."""

    position: int | str | None
    reference: str
    parent: str | None  # the parent's reference; None or "" at the top
    level: int | None  # index into the levels (0 = top); None: follows from the parent


@dataclass(frozen=True)
class TreeError:
    position: int | str | None
    reference: str
    message: str

    def __str__(self) -> str:
        return self.message


def resolve_level(levels: Sequence[Level], value) -> int | None:
    """The index of the level `value` names (its key, English or Vietnamese name, whatever the
    case and diacritics), or None when it names none."""
    wanted = fold(str(value).strip())
    for index, level in enumerate(levels):
        if wanted in {fold(level.key), fold(level.name), fold(level.name_vi)} - {""}:
            return index
    return None


def validate_tree(rows: Iterable[TreeRow | tuple], levels: Sequence[Level],
                  existing: Mapping[str, tuple[str | None, int]] | None = None,
                  ) -> list[TreeError]:
    """The errors of `rows` (TreeRow or (position, reference, parent, level) tuples) laid over
    the framework's `existing` items ({reference: (parent reference, level)}): a row whose
    reference exists updates that item. An empty list means the tree may be written; its
    levels are then `tree_levels(rows, existing)`."""
    rows = [row if isinstance(row, TreeRow) else TreeRow(*row) for row in rows]
    existing = dict(existing or {})
    errors: list[TreeError] = []
    seen: dict[str, TreeRow] = {}
    for row in rows:
        if row.reference in seen:
            errors.append(TreeError(row.position, row.reference, _(
                "The reference %(reference)s is given twice (also at %(other)s).") % {
                "reference": row.reference, "other": seen[row.reference].position}))
        else:
            seen[row.reference] = row
    parents = {ref: parent or None for ref, (parent, _level) in existing.items()}
    parents.update({ref: row.parent or None for ref, row in seen.items()})
    errors += _unknown_parents(seen, parents)
    if errors:
        return errors
    cycles = _cycles(seen, parents)
    if cycles:
        return cycles
    return _level_errors(seen, parents, existing, levels)


def tree_levels(rows: Iterable[TreeRow | tuple],
                existing: Mapping[str, tuple[str | None, int]] | None = None) -> dict[str, int]:
    """Each row's level in a tree `validate_tree` accepted: its depth (0 at the top)."""
    rows = [row if isinstance(row, TreeRow) else TreeRow(*row) for row in rows]
    parents = {ref: parent or None for ref, (parent, _level) in (existing or {}).items()}
    parents.update({row.reference: row.parent or None for row in rows})
    return {row.reference: _depth(row.reference, parents) for row in rows}


def _unknown_parents(rows: Mapping[str, TreeRow], parents: Mapping) -> list[TreeError]:
    return [TreeError(row.position, ref, _(
        "%(reference)s: its parent %(parent)s is neither in the file nor in the framework.")
        % {"reference": ref, "parent": row.parent})
        for ref, row in rows.items() if row.parent and row.parent not in parents]


def _cycles(rows: Mapping[str, TreeRow], parents: Mapping) -> list[TreeError]:
    errors, reported = [], set()
    for ref, row in rows.items():
        path, current = [ref], parents.get(ref)
        while current is not None and current not in path:
            path.append(current)
            current = parents.get(current)
        if current is None or current in reported:
            continue
        loop = path[path.index(current):]
        reported.update(loop)
        errors.append(TreeError(row.position, ref, _(
            "%(reference)s: its parents make a cycle (%(cycle)s).") % {
            "reference": ref, "cycle": " → ".join([*loop, current])}))
    return errors


def _depth(reference: str, parents: Mapping) -> int:
    depth, current = 0, parents.get(reference)
    while current is not None:
        depth += 1
        current = parents.get(current)
    return depth


def _level_errors(rows: Mapping[str, TreeRow], parents: Mapping, existing: Mapping,
                  levels: Sequence[Level]) -> list[TreeError]:
    errors = []
    names = [level.name for level in levels]
    for ref, row in rows.items():
        depth = _depth(ref, parents)
        if depth >= len(levels):
            errors.append(TreeError(row.position, ref, _(
                "%(reference)s: it is %(depth)d levels below the top, but the framework has "
                "only %(count)d levels (%(levels)s).") % {
                "reference": ref, "depth": depth, "count": len(levels),
                "levels": ", ".join(names)}))
        elif row.level is not None and row.level != depth:
            shown = names[row.level] if 0 <= row.level < len(names) else str(row.level)
            errors.append(TreeError(row.position, ref, _(
                "%(reference)s: the level %(level)s does not fit; %(where)s it must be "
                "%(expected)s.") % {
                "reference": ref, "level": shown, "expected": names[depth],
                "where": (_("under %(parent)s") % {"parent": row.parent}) if row.parent
                else _("at the top")}))
    # Items already in the framework that a row moved: their place must still fit
    for ref, (_parent, level) in existing.items():
        if ref in rows:
            continue
        moved = next((r for r in _ancestors(ref, parents) if r in rows), None)
        depth = _depth(ref, parents)
        if moved and (depth != level or depth >= len(levels)):
            errors.append(TreeError(rows[moved].position, ref, _(
                "%(reference)s (already in the framework) would no longer fit at its level "
                "%(level)s after the change to %(moved)s.") % {
                "reference": ref, "moved": moved,
                "level": names[level] if level < len(names) else str(level)}))
    return errors


def _ancestors(reference: str, parents: Mapping) -> list[str]:
    found, current = [], parents.get(reference)
    while current is not None and current not in found:
        found.append(current)
        current = parents.get(current)
    return found
