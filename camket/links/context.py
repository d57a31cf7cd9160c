"""What an item's page shows of its links (`{% item_links recommendation %}`)."""

from camket.frameworks.scoping import coordinated_framework_ids, visible_frameworks
from camket.links.labels import heading
from camket.links.models import ItemLink
from camket.links.scoping import decidable_links
from camket.links.services import links_of


def item_links_context(user, item, language: str) -> dict:
    """The item's links grouped under one heading per relation and direction (both directions of
    `same_subject` share one), each entry with the other item's framework and level in the
    reader's language and whether the reader may decide it; and what the add form offers."""
    linked = links_of(user, item)
    may_link = bool(coordinated_framework_ids(user))
    # Only a coordinator decides links (of the frameworks they coordinate): no query otherwise.
    decidable = (
        set(
            decidable_links(user)
            .filter(pk__in=[e.link.pk for e in linked])
            .values_list("pk", flat=True)
        )
        if linked and may_link
        else set()
    )
    groups: dict[str, list] = {}
    for entry in linked:
        framework = entry.item.framework
        entry.framework_label = framework.label(language)
        entry.level_label = framework.level_label(entry.item.level, language)
        entry.can_decide = entry.link.pk in decidable
        groups.setdefault(heading(entry.link.relation, entry.direction), []).append(entry)
    return {
        "item": item,
        "link_groups": list(groups.items()),
        "may_link": may_link,
        "link_frameworks": [
            (f.slug, f.label(language)) for f in visible_frameworks(user).order_by("name")
        ]
        if may_link
        else [],
        "relations": ItemLink.Relation.choices,
    }
