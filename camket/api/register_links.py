"""An item's links to registers (instruments, legal acts, bilateral agreements): read, add,
confirm, reject, remove. Scoped like the item: 404 for an item the user may not see."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import Field, Router, Schema

from camket.api.schemas import Id
from camket.frameworks.scoping import get_recommendation_for_user
from camket.links import registers
from camket.links.models import RegisterLink
from camket.links.register_card import entry_label

item_register_router = Router(tags=["register links"])
register_link_router = Router(tags=["register links"])


class RegisterLinkOut(Schema):
    id: int
    item: int
    instrument: str | None = Field(None, description="the instrument's key")
    legal_act: int | None = None
    agreement: int | None = None
    label: str = Field(..., description="the entry's name, in the request's language")
    relation: str
    state: str = Field(..., description="detected (found in the text), confirmed or rejected")
    matched_text: str
    note: str
    archived: bool
    created_by: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None


class RegisterLinkIn(Schema):
    item: Id
    instrument: str | None = Field(None, description="an instrument's key (ICCPR, OP-CAT…)")
    legal_act: Id | None = None
    agreement: Id | None = None
    relation: str
    note: str = ""


def _out(link: RegisterLink) -> dict:
    return {
        "id": link.pk,
        "item": link.item_id,
        "instrument": link.instrument.key if link.instrument_id else None,
        "legal_act": link.legal_act_id,
        "agreement": link.agreement_id,
        "label": entry_label(link, get_language() or "vi"),
        "relation": link.relation,
        "state": link.state,
        "matched_text": link.matched_text,
        "note": link.note,
        "archived": link.archived,
        "created_by": link.created_by.username if link.created_by_id else None,
        "decided_by": link.decided_by.username if link.decided_by_id else None,
        "decided_at": link.decided_at,
    }


def _require_reader(request, item) -> None:
    if not request.user.has_perm("links.view_registerlink", RegisterLink(item=item)):
        raise PermissionDenied


@item_register_router.get("/{int:pk}/register-links", response=list[RegisterLinkOut])
def item_register_links(request, pk: int):
    """The item's live links (found in the text or confirmed, not removed)."""
    item = get_recommendation_for_user(request.user, pk)
    _require_reader(request, item)
    return [_out(link) for link in registers.register_links_of(request.user, item)]


def _entry(payload: RegisterLinkIn):
    from camket.cooperation.models import Agreement
    from camket.legislation.models import LegalAct
    from camket.treaties.models import Instrument

    given = [v for v in (payload.instrument, payload.legal_act, payload.agreement) if v]
    if len(given) != 1:
        raise ValidationError("Name exactly one of instrument, legal_act, agreement.")
    if payload.instrument:
        return get_object_or_404(Instrument, key=payload.instrument, archived=False)
    if payload.legal_act:
        return get_object_or_404(LegalAct, pk=payload.legal_act)
    return get_object_or_404(Agreement, pk=payload.agreement)


@register_link_router.post("", response=RegisterLinkOut)
def add_register_link(request, payload: RegisterLinkIn):
    item = get_recommendation_for_user(request.user, payload.item)
    link = registers.add_register_link(
        request.user, item, _entry(payload), payload.relation, note=payload.note
    )
    return _out(link)


def _visible(request, pk: int) -> RegisterLink:
    return get_object_or_404(
        registers.visible_register_links(request.user).select_related(
            "instrument", "legal_act", "agreement", "created_by", "decided_by"
        ),
        pk=pk,
    )


@register_link_router.post("/{int:pk}/confirm", response=RegisterLinkOut)
def confirm_register_link(request, pk: int):
    return _out(registers.confirm_register_link(request.user, _visible(request, pk)))


@register_link_router.post("/{int:pk}/reject", response=RegisterLinkOut)
def reject_register_link(request, pk: int):
    return _out(registers.reject_register_link(request.user, _visible(request, pk)))


@register_link_router.post("/{int:pk}/remove", response=RegisterLinkOut)
def remove_register_link(request, pk: int):
    return _out(registers.remove_register_link(request.user, _visible(request, pk)))
