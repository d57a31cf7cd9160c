"""The checks of the items a framework definition lists (camket/frameworks/definitions.py):
keys, references, texts and levels, then the tree they make with the items stored already."""

from django.utils.translation import gettext as _

from camket.frameworks import editing, kinds, trees
from camket.frameworks.definition_fields import text_value

ITEM_KEYS = ("reference", "text", "text_vi", "parent", "level")
ITEM_COLUMNS = {"reference": "reference", "parent": "parent", "level": "level"}


def items(data, level_dicts: list[dict], framework, errors: list):
    if not isinstance(data, list):
        errors.append(_("items: a list of {reference, text, text_vi, parent, level}."))
        return None
    levels = kinds.levels_from(level_dicts)
    rows: list[trees.TreeRow] = []
    specs: list[editing.ItemSpec] = []
    for index, entry in enumerate(data):
        key = f"items[{index}]"
        if not isinstance(entry, dict):
            errors.append(_("%(key)s: {reference, text, text_vi, parent, level}.") % {"key": key})
            continue
        for unknown in set(entry) - set(ITEM_KEYS):
            errors.append(
                _("%(key)s.%(unknown)s: unknown key (allowed: %(allowed)s).")
                % {"key": key, "unknown": unknown, "allowed": ", ".join(ITEM_KEYS)}
            )
        reference = reference_value(entry.get("reference"), f"{key}.reference", errors)
        parent = reference_value(entry.get("parent"), f"{key}.parent", errors, required=False)
        text = text_value(entry.get("text"), f"{key}.text", errors)
        if not text:
            errors.append(_("%(key)s.text: required.") % {"key": key})
        level = None
        if entry.get("level") not in (None, ""):
            level = trees.level_index(str(entry["level"]), levels)
            if level is None or isinstance(entry["level"], bool | int | float):
                errors.append(
                    _("%(key)s.level: %(value)r is not one of the levels (%(names)s).")
                    % {
                        "key": key,
                        "value": entry["level"],
                        "names": ", ".join(level.name for level in levels),
                    }
                )
                level = None
        text_vi = text_value(entry.get("text_vi"), f"{key}.text_vi", errors)
        if reference is None:  # its error is recorded: nothing will be written
            continue
        rows.append((index + 1, reference, parent, level))
        specs.append(editing.ItemSpec(reference, text, text_vi, parent, 0))
    if errors:
        return None
    existing = (
        {}
        if framework is None
        else {
            item.reference: (item.parent.reference if item.parent_id else None, item.level)
            for item in framework.recommendations.select_related("parent")
        }
    )
    tree_errors = trees.validate_tree(
        rows, levels=levels, existing=existing, columns=ITEM_COLUMNS, place_name=item_key
    )
    errors += [f"{item_key(error.row)}: {error.message}" for error in tree_errors]
    depths = trees.derived_levels(rows, existing=existing) if not tree_errors else {}
    for spec in specs:
        spec.level = depths.get(spec.reference) or 0
    return specs


def item_key(row: int | None) -> str:
    """The key naming an item of the file: rows given to the tree checks count from 1."""
    return "items" if row is None else f"items[{row - 1}]"


def reference_value(value, key: str, errors: list, *, required: bool = True) -> str | None:
    if value is None or value == "":
        if required:
            errors.append(_("%(key)s: required.") % {"key": key})
        return None
    if isinstance(value, float):
        errors.append(
            _(
                "%(key)s: write %(value)s in quotes: YAML reads it as a number and "
                'would lose its zeros ("1.10").'
            )
            % {"key": key, "value": value}
        )
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        errors.append(_("%(key)s: must be text.") % {"key": key})
        return None
    value = str(value).strip()
    if len(value) > 60:
        errors.append(_("%(key)s: at most 60 characters.") % {"key": key})
    return value
