"""Adding, confirming, rejecting and removing links, and an item's links from either end.

`user=None` is the system (the command line without `--user`): no permission check, and the
history names no one. Every change is saved with history naming the acting user.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from camket.accounts.permissions import require
from camket.frameworks.models import Recommendation
from camket.lib.history import attribute_change
from camket.links.models import ItemLink
from camket.links.scoping import visible_links
from camket.tagging.suggestions import AlreadyDecided

Relation, State = ItemLink.Relation, ItemLink.State
SYMMETRIC = {Relation.SAME_SUBJECT}
OUTGOING, INCOMING = "outgoing", "incoming"
LIVE_STATES = (State.SUGGESTED, State.CONFIRMED)

__all__ = [
    "AlreadyDecided",
    "LinkedItem",
    "add_link",
    "confirm_link",
    "find_link",
    "links_of",
    "reject_link",
    "remove_link",
]


@dataclass
class LinkedItem:
    """One link as seen from one of its items: the other item and which way the link points."""

    link: ItemLink
    item: Recommendation
    direction: str  # "outgoing": the item we look from is the source

    def as_dict(self, language: str = "en") -> dict:
        framework = self.item.framework
        return {
            "link": self.link.pk,
            "id": self.item.pk,
            "framework": framework.slug,
            "reference": self.item.reference,
            "relation": self.link.relation,
            "direction": self.direction,
            "state": self.link.state,
            "level": framework.level_label(self.item.level, language),
            "text": self.item.text,
        }


def _check(user, link: ItemLink) -> None:
    if user is not None:
        require(user, "links.change_itemlink", link)


def _save(user, link: ItemLink, reason: str) -> None:
    attribute_change(link, user, reason)
    link.save()


def find_link(source, target, relation: str) -> ItemLink | None:
    """The row for this pair and relation (either way round for a symmetric relation)."""
    pair = Q(source=source, target=target)
    if relation in SYMMETRIC:
        pair |= Q(source=target, target=source)
    return ItemLink.objects.select_for_update().filter(pair, relation=relation).first()


@transaction.atomic
def add_link(
    user, source: Recommendation, target: Recommendation, relation: str, *, note: str = ""
) -> ItemLink:
    """A person's link is confirmed at once. Adding a link that exists as a suggestion, a
    rejected suggestion or a removed link confirms that row again; a confirmed one is kept."""
    if relation not in Relation.values:
        raise ValidationError(
            _("Unknown relation %(relation)r; use one of: %(choices)s.")
            % {"relation": relation, "choices": ", ".join(Relation.values)}
        )
    if source.pk == target.pk:
        raise ValidationError(_("An item cannot be linked to itself."))
    if Recommendation.Status.ARCHIVED in (source.status, target.status):
        raise ValidationError(_("An archived item cannot be linked."))
    _check(user, ItemLink(source=source, target=target, relation=relation))
    link = find_link(source, target, relation)
    if link is not None and link.state == State.CONFIRMED and not link.archived:
        return link
    link = link or ItemLink(source=source, target=target, relation=relation, created_by=user)
    link.state, link.archived = State.CONFIRMED, False
    link.decided_by, link.decided_at = user, timezone.now()
    link.note = note or link.note
    _save(user, link, "Link added" if link.pk is None else "Link confirmed when added again")
    return link


def _decide(user, link: ItemLink, state: str, reason: str) -> ItemLink:
    _check(user, link)
    now = timezone.now()
    with transaction.atomic():
        claimed = ItemLink.objects.filter(pk=link.pk, state=State.SUGGESTED, archived=False).update(
            state=state, decided_by=user, decided_at=now
        )
        if not claimed:
            raise AlreadyDecided(link)
        link.state, link.decided_by, link.decided_at = state, user, now
        _save(user, link, reason)
    return link


def confirm_link(user, link: ItemLink) -> ItemLink:
    return _decide(user, link, State.CONFIRMED, "Suggested link confirmed")


def reject_link(user, link: ItemLink) -> ItemLink:
    """The row stays rejected: the same pair of items is never suggested again."""
    return _decide(user, link, State.REJECTED, "Suggested link rejected")


@transaction.atomic
def remove_link(user, link: ItemLink) -> ItemLink:
    """Archived, never deleted: the history keeps who added and who removed it."""
    _check(user, link)
    if not link.archived:
        link.archived = True
        _save(user, link, "Link removed")
    return link


def links_of(user, item: Recommendation, *, states=LIVE_STATES) -> list[LinkedItem]:
    """The item's links the user may see (`user=None`: the system, all of them), from either
    end, grouped by relation and direction."""
    links = (
        (ItemLink.objects.all() if user is None else visible_links(user))
        .filter(Q(source=item) | Q(target=item), state__in=states)
        .select_related("source__framework", "target__framework", "created_by", "decided_by")
    )
    found = [
        LinkedItem(link, link.target, OUTGOING)
        if link.source_id == item.pk
        else LinkedItem(link, link.source, INCOMING)
        for link in links
    ]
    relation_order = {value: i for i, value in enumerate(Relation.values)}
    return sorted(
        found,
        key=lambda f: (
            relation_order[f.link.relation],
            f.direction != OUTGOING,
            f.item.framework.slug,
            f.item.reference,
        ),
    )
