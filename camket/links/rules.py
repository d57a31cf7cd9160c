"""Who may read a link and who may add, confirm, reject or remove one."""

import rules

from camket.accounts import roles
from camket.accounts.rules import is_member
from camket.frameworks.scoping import visible_recommendations


@rules.predicate
def sees_both_items(user, link) -> bool:
    """A link is read only by whoever may see both its items; to anyone else it does not exist."""
    if link is None or not link.source_id or not link.target_id:
        return False
    ends = {link.source_id, link.target_id}
    return visible_recommendations(user).filter(pk__in=ends).count() == len(ends)


@rules.predicate
def coordinates_either_framework(user, link) -> bool:
    if link is None or not link.source_id or not link.target_id:
        return False
    return roles.coordinates(user, link.source.framework) or roles.coordinates(
        user, link.target.framework
    )


rules.add_perm("links.view_itemlink", is_member & sees_both_items)
rules.add_perm("links.change_itemlink", sees_both_items & coordinates_either_framework)


@rules.predicate
def sees_register_item(user, link) -> bool:
    if link is None or not link.item_id:
        return False
    return visible_recommendations(user).filter(pk=link.item_id).exists()


@rules.predicate
def coordinates_register_item(user, link) -> bool:
    if link is None or not link.item_id:
        return False
    return roles.coordinates(user, link.item.framework)


rules.add_perm("links.view_registerlink", is_member & sees_register_item)
rules.add_perm("links.change_registerlink", sees_register_item & coordinates_register_item)
