"""Links from an item to a register entry (instrument, legal act, bilateral agreement).

Found automatically (state "detected", no one named) or added by a person (confirmed at once);
a person confirms, rejects or removes one. Rows are never deleted, and a rejected link is never
found again by detection. `user=None` is the system: no permission check.
"""

from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from camket.accounts.permissions import require
from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.lib.any_of import one_of
from camket.lib.bulk import insert_history, insert_rows
from camket.lib.history import attribute_change
from camket.links.models import RegisterLink

Relation, State = RegisterLink.Relation, RegisterLink.State
LIVE_STATES = (State.DETECTED, State.CONFIRMED)
ENTRY_FIELDS = ("instrument", "legal_act", "agreement")
DETECTED_REASON = gettext_noop("Found in the text")


def _entry_filter(entry) -> dict:
    field = {"Instrument": "instrument", "LegalAct": "legal_act", "Agreement": "agreement"}.get(
        type(entry).__name__
    )
    if field is None:
        raise ValidationError(
            _("An item can be linked only to an instrument, a legal act or a bilateral agreement.")
        )
    return {field: entry}


def _save(user, link: RegisterLink, reason: str) -> None:
    attribute_change(link, user, reason)
    link.save()


def find_register_link(item: Recommendation, entry, relation: str) -> RegisterLink | None:
    return (
        RegisterLink.objects.select_for_update()
        .filter(item=item, relation=relation, **_entry_filter(entry))
        .first()
    )


@transaction.atomic
def add_register_link(
    user, item: Recommendation, entry, relation: str, *, note: str = ""
) -> RegisterLink:
    """A person's link is confirmed at once; adding again a detected, rejected or removed link
    confirms that row."""
    if relation not in Relation.values:
        raise ValidationError(
            _("Unknown relation %(relation)r; use one of: %(choices)s.")
            % {"relation": relation, "choices": ", ".join(Relation.values)}
        )
    if item.status == Recommendation.Status.ARCHIVED:
        raise ValidationError(_("An archived item cannot be linked."))
    link = find_register_link(item, entry, relation)
    candidate = link or RegisterLink(
        item=item, relation=relation, created_by=user, **_entry_filter(entry)
    )
    if user is not None:
        require(user, "links.change_registerlink", candidate)
    if link is not None and link.state == State.CONFIRMED and not link.archived:
        return link
    candidate.state, candidate.archived = State.CONFIRMED, False
    candidate.decided_by, candidate.decided_at = user, timezone.now()
    candidate.note = note or candidate.note
    _save(user, candidate, "Link added" if candidate.pk is None else "Link confirmed again")
    return candidate


@transaction.atomic
def detect_register_link(
    item: Recommendation, entry, relation: str, *, matched_text: str = ""
) -> RegisterLink | None:
    """A link found in the item's text. None when a row exists already in any state: what a
    person decided (confirmed, rejected or removed) is never undone by detection."""
    if find_register_link(item, entry, relation) is not None:
        return None
    link = RegisterLink(
        item=item,
        relation=relation,
        state=State.DETECTED,
        matched_text=matched_text[:300],
        **_entry_filter(entry),
    )
    _save(None, link, DETECTED_REASON)
    return link


def _decide(user, link: RegisterLink, state: str, reason: str) -> RegisterLink:
    if user is not None:
        require(user, "links.change_registerlink", link)
    with transaction.atomic():
        link = RegisterLink.objects.select_for_update().get(pk=link.pk)
        if link.state == state and not link.archived:
            return link
        link.state, link.archived = state, False
        link.decided_by, link.decided_at = user, timezone.now()
        _save(user, link, reason)
    return link


def confirm_register_link(user, link: RegisterLink) -> RegisterLink:
    return _decide(user, link, State.CONFIRMED, "Link confirmed")


def reject_register_link(user, link: RegisterLink) -> RegisterLink:
    """Rejected stays: detection never finds this link again."""
    return _decide(user, link, State.REJECTED, "Link rejected")


@transaction.atomic
def remove_register_link(user, link: RegisterLink) -> RegisterLink:
    if user is not None:
        require(user, "links.change_registerlink", link)
    link = RegisterLink.objects.select_for_update().get(pk=link.pk)  # keep a newer decision
    if not link.archived:
        link.archived = True
        _save(user, link, "Link removed")
    return link


def visible_register_links(user):
    """Links whose item the user may see (register entries themselves are not confidential;
    cooperation requests are never linked)."""
    items = visible_recommendations(user)
    return RegisterLink.objects.filter(item__in=items)


def live_register_links(user=None):
    """The links that count: found or confirmed, not removed. `user=None`: all of them."""
    links = RegisterLink.objects.all() if user is None else visible_register_links(user)
    return links.filter(state__in=LIVE_STATES, archived=False)


def register_links_of(user, item: Recommendation, *, states=LIVE_STATES):
    return (
        visible_register_links(user)
        .filter(item=item, state__in=states, archived=False)
        .select_related(*ENTRY_FIELDS, "created_by", "decided_by")
    )


def detect_register_links(
    found: list[tuple[int, object, str, str]], *, fresh: Collection[int] = ()
) -> int:
    """Many `detect_register_link` at once (an import): (item id, entry, relation, matched
    text) for each; rows that exist in any state are left alone. `fresh`: items created in
    this transaction, whose links need not be looked for. Returns how many were added."""
    if not found:
        return 0
    with transaction.atomic():
        items = {item_id for item_id, *_ in found if item_id not in fresh}
        existing = (
            set()
            if not items
            else {
                (item_id, field, entry_id, relation)
                for item_id, relation, *entries in RegisterLink.objects.filter(
                    **one_of("item_id", items)
                ).values_list("item_id", "relation", *ENTRY_FIELDS)
                for field, entry_id in zip(ENTRY_FIELDS, entries, strict=True)
                if entry_id
            }
        )
        now = timezone.now()
        blank = {
            field.attname: field.get_default()
            for field in RegisterLink._meta.concrete_fields
            if not field.primary_key
        }
        new = {}
        for item_id, entry, relation, matched in found:
            ((field, value),) = _entry_filter(entry).items()
            key = (item_id, field, value.pk, relation)
            if key not in existing and key not in new:
                new[key] = {
                    **blank,
                    "item_id": item_id,
                    f"{field}_id": value.pk,
                    "relation": relation,
                    "state": State.DETECTED,
                    "matched_text": matched[:300],
                    "created": now,
                    "modified": now,
                }
        links = _insert_links(list(new.values()))
        insert_history(
            RegisterLink,
            links,
            history_type="+",
            user_id=None,
            reason=DETECTED_REASON,
            date=now,
        )
    return len(links)


def _insert_links(rows: list[dict]) -> list[dict]:
    """Plain INSERTs (see camket/lib/bulk.py): `rows` with their new ids."""
    key_columns = ["item_id", "relation", *(f"{field}_id" for field in ENTRY_FIELDS)]
    columns = list(rows[0]) if rows else []
    ids = {
        tuple(key): pk
        for pk, *key in insert_rows(
            RegisterLink,
            columns,
            ([row[name] for name in columns] for row in rows),
            returning=["id", *key_columns],
        )
    }
    return [{**row, "id": ids[tuple(row[name] for name in key_columns)]} for row in rows]
