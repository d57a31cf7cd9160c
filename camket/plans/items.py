"""The items an action implements, in any framework: read from "SLUG:REF" references (a bare
reference is one of the plan's framework), and listed grouped by framework, the plan's first.
Only items the user may see are found or listed."""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.scoping import visible_recommendations

_SEPARATORS = re.compile(r"[\s,;]+")


@dataclass
class FoundItems:
    items: list[Recommendation] = field(default_factory=list)  # in the order given, once each
    unknown: list[str] = field(default_factory=list)  # references naming no visible item

    def error(self) -> str:
        return _("No item you may see has the reference: %(refs)s") % {
            "refs": ", ".join(self.unknown)
        }


def split_references(text: str) -> list[str]:
    return [part for part in _SEPARATORS.split(text or "") if part]


def _slug_and_reference(text: str, default_slug: str, slugs: set[str]) -> tuple[str, str]:
    """ "upr-vn-4:45.1" → ("upr-vn-4", "45.1"); "45.1" → (default_slug, "45.1"). A colon
    that does not follow a framework's short name is part of the reference."""
    slug, colon, reference = text.partition(":")
    if colon and slug in slugs and reference:
        return slug, reference
    return default_slug, text


def find_items(user, references, *, default_framework: Framework | None) -> FoundItems:
    """The items `references` name ("SLUG:REF" or, in `default_framework`, "REF")."""
    references = list(dict.fromkeys(references))
    given = [ref.split(":", 1)[0] for ref in references if ":" in ref]
    slugs = set(Framework.objects.filter(slug__in=given).values_list("slug", flat=True))
    default_slug = default_framework.slug if default_framework else ""
    wanted = {ref: _slug_and_reference(ref, default_slug, slugs) for ref in references}
    condition = Q(pk__in=[])
    for slug, reference in wanted.values():
        condition |= Q(framework__slug=slug, reference=reference)
    found = {
        (item.framework.slug, item.reference): item
        for item in visible_recommendations(user).filter(condition).select_related("framework")
    }
    result = FoundItems()
    for ref, key in wanted.items():
        item = found.get(key)
        if item is None:
            result.unknown.append(ref)
        elif item not in result.items:
            result.items.append(item)
    return result


def item_reference(item: Recommendation, plan_framework_id: int | None = None) -> str:
    """How an action form writes an item: bare in the plan's framework, else "SLUG:REF"."""
    if item.framework_id == plan_framework_id:
        return item.reference
    return f"{item.framework.slug}:{item.reference}"


def items_by_framework(user, action) -> list[tuple[Framework, list[Recommendation]]]:
    """The items the action implements that the user may see, grouped by framework: the
    plan's framework first, then the others by name."""
    items = (
        visible_recommendations(user)
        .filter(actions=action)
        .select_related("framework")
        .order_by("framework_id", "id")
    )
    groups: dict[int, tuple[Framework, list]] = {}
    for item in items:
        groups.setdefault(item.framework_id, (item.framework, []))[1].append(item)
    return sorted(
        groups.values(), key=lambda group: (group[0].pk != action.plan.framework_id, group[0].name)
    )
