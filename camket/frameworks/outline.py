"""A framework's items as a tree, as one reader may see it: each item with its level's label
in the reader's language and its implementation rolled up from the leaves.

A parent's status follows the rule that derives an item's status from its actions
(`plans.implementation.derive`), applied to its children's statuses (and its own, when
actions implement it directly); a child not yet planned counts as not started beside others
that are. Each item also counts its leaves per status.
"""

from collections import Counter
from dataclasses import dataclass, field

from camket.frameworks.models import Framework, Implementation, Recommendation
from camket.frameworks.scoping import visible_recommendations

NOT_PLANNED = ""


@dataclass
class Node:
    item: Recommendation
    level_label: str
    children: list["Node"] = field(default_factory=list)
    status: str = NOT_PLANNED
    leaf_counts: Counter = field(default_factory=Counter)  # status -> leaves below (or itself)

    @property
    def status_label(self) -> str:
        return str(dict(Implementation.choices).get(self.status, ""))

    def count_labels(self) -> list[tuple[str, str, int]]:
        """(status, its label, leaves) in the order of the statuses, not planned last."""
        labels = dict(Implementation.choices)
        order = [*labels, NOT_PLANNED]
        return [
            (status, str(labels.get(status, "")), self.leaf_counts[status])
            for status in order
            if self.leaf_counts[status]
        ]


def roll_up(statuses: list[str], own: str = NOT_PLANNED) -> str:
    """A parent's status from its children's (and its own, if actions implement it)."""
    from camket.plans.implementation import derive

    statuses = [*statuses, *([own] if own else [])]
    if not any(statuses):
        return NOT_PLANNED
    return derive([s or Implementation.NOT_STARTED for s in statuses])


def outline(user, framework: Framework, language: str) -> list[Node]:
    """The top items the user may see, each with its visible children. An item whose parent
    the user may not see (a draft) stands at the top."""
    items = visible_recommendations(user).filter(framework=framework).order_by("id")
    return tree_of(list(items), framework, language)


def tree_of(items: list[Recommendation], framework: Framework, language: str) -> list[Node]:
    """The tree of these items of `framework` (an item whose parent is not among them stands
    at the top), statuses rolled up."""
    nodes = {item.pk: Node(item, framework.level_label(item.level, language)) for item in items}
    roots = []
    for item in items:
        parent = nodes.get(item.parent_id)
        (parent.children if parent else roots).append(nodes[item.pk])
    for root in roots:
        _roll_up(root)
    return roots


def _roll_up(node: Node) -> None:
    if not node.children:
        node.status = node.item.implementation
        node.leaf_counts = Counter([node.status])
        return
    for child in node.children:
        _roll_up(child)
        node.leaf_counts.update(child.leaf_counts)
    node.status = roll_up([child.status for child in node.children], node.item.implementation)


def ancestors(user, item: Recommendation) -> list[Recommendation]:
    """The item's parent chain the user may see, top first (stops at a hidden parent)."""
    chain, seen, parent_id = [], {item.pk}, item.parent_id
    visible = visible_recommendations(user)
    while parent_id is not None and parent_id not in seen:
        parent = visible.filter(pk=parent_id).first()
        if parent is None:
            break
        chain.append(parent)
        seen.add(parent.pk)
        parent_id = parent.parent_id
    return chain[::-1]


def has_tree(framework: Framework) -> bool:
    return len(framework.level_list()) > 1
