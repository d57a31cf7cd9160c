"""A framework and its tree of items as plain data: `camket framework show --json` prints it,
its keys are those of a
definition file, with the items' levels by name and their status added."""

from camket.frameworks.models import Framework, Recommendation


def tree_order(items: list[Recommendation]) -> list[Recommendation]:
    """Items depth first, each parent before its children, siblings in the order they were
    made; items whose parent is not among `items` are treated as tops."""
    ids = {item.pk for item in items}
    children: dict[int | None, list[Recommendation]] = {}
    for item in sorted(items, key=lambda item: item.pk):
        parent = item.parent_id if item.parent_id in ids else None
        children.setdefault(parent, []).append(item)
    ordered, stack = [], list(reversed(children.get(None, [])))
    while stack:
        item = stack.pop()
        ordered.append(item)
        stack.extend(reversed(children.get(item.pk, [])))
    return ordered


def framework_outline(framework: Framework, items=None) -> dict:
    """`items`: the framework's items to show (all of them when None)."""
    if items is None:
        items = framework.recommendations.all()
    items = list(items.select_related("parent"))
    levels = framework.level_list()
    return {
        "slug": framework.slug,
        "name": framework.name,
        "name_vi": framework.name_vi,
        "kind": framework.kind,
        "levels": [level.name for level in levels],
        "level_names_vi": [level.name_vi for level in levels],
        "coordinating_agency": (
            framework.coordinating_agency.code if framework.coordinating_agency_id else None
        ),
        "taxonomies": sorted(framework.taxonomies.values_list("slug", flat=True)),
        "starts_on": framework.starts_on.isoformat() if framework.starts_on else None,
        "ends_on": framework.ends_on.isoformat() if framework.ends_on else None,
        "has_response": framework.has_response,
        "has_recommending_states": framework.has_recommending_states,
        "has_indicators": framework.has_indicators,
        "items": [
            {
                "reference": item.reference,
                "parent": item.parent.reference if item.parent_id else None,
                "level": framework.level_label(item.level, "en"),
                "text": item.text,
                "text_vi": item.text_vi,
                "status": item.status,
            }
            for item in tree_order(items)
        ],
    }
