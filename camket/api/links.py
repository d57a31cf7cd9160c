"""Crosswalk links between items: an item's links both ways, add, confirm, reject, remove."""

from datetime import datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import Field, Router, Schema

from camket.api.schemas import Id
from camket.frameworks.scoping import get_recommendation_for_user
from camket.links import services
from camket.links.models import ItemLink
from camket.links.scoping import visible_links

link_router = Router(tags=["links"])
item_link_router = Router(tags=["links"])


class LinkedItemOut(Schema):
    link: int = Field(..., description="the link's id")
    id: int = Field(..., description="the other item's id")
    framework: str
    reference: str
    level: str = Field(..., description="the other item's level, in the request's language")
    text: str
    relation: str
    direction: Literal["outgoing", "incoming"] = Field(
        ..., description="outgoing: the item asked about is the link's source"
    )
    state: str


class LinkEndOut(Schema):
    id: int
    framework: str = Field(..., alias="framework.slug")
    reference: str


class LinkOut(Schema):
    id: int
    source: LinkEndOut
    target: LinkEndOut
    relation: str
    state: str
    similarity: float | None
    note: str
    archived: bool
    created_by: str | None = Field(None, alias="created_by.username")
    decided_by: str | None = Field(None, alias="decided_by.username")
    decided_at: datetime | None


class LinkIn(Schema):
    source: Id
    target: Id
    relation: Literal["implements", "contributes_to", "same_subject", "supersedes"]
    note: str = ""


@item_link_router.get("/{int:pk}/links", response=list[LinkedItemOut])
def item_links(request, pk: int):
    item = get_recommendation_for_user(request.user, pk)
    return [row.as_dict(get_language() or "vi") for row in services.links_of(request.user, item)]


@link_router.post("", response=LinkOut)
def add_link(request, payload: LinkIn):
    source = get_recommendation_for_user(request.user, payload.source)
    target = get_recommendation_for_user(request.user, payload.target)
    return services.add_link(request.user, source, target, payload.relation, note=payload.note)


def _visible(request, pk: int) -> ItemLink:
    return get_object_or_404(
        visible_links(request.user).select_related(
            "source__framework", "target__framework", "created_by", "decided_by"
        ),
        pk=pk,
    )


@link_router.get("/{int:pk}", response=LinkOut)
def get_link(request, pk: int):
    return _visible(request, pk)


@link_router.post("/{int:pk}/confirm", response=LinkOut)
def confirm_link(request, pk: int):
    return services.confirm_link(request.user, _visible(request, pk))


@link_router.post("/{int:pk}/reject", response=LinkOut)
def reject_link(request, pk: int):
    return services.reject_link(request.user, _visible(request, pk))


@link_router.post("/{int:pk}/archive", response=LinkOut)
def archive_link(request, pk: int):
    return services.remove_link(request.user, _visible(request, pk))


@link_router.delete("/{int:pk}", response=LinkOut)
def delete_link(request, pk: int):
    """Removes the link: it is archived, never deleted (its history stays)."""
    return services.remove_link(request.user, _visible(request, pk))
