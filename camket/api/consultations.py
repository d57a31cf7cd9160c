"""Consultations in the API: anyone reads what the public portal shows of a consultation;
the framework's coordinators read every comment with its moderation state."""

from datetime import datetime

from django.http import Http404
from ninja import Router, Schema

from camket.consultations.scoping import (
    get_consultation_for_coordinator,
    get_public_consultation,
    public_comments,
    public_consultations,
    public_document,
    shown_items,
)
from camket.public.scoping import portal_enabled
from camket.web.helpers import coordinator_only


class ItemOut(Schema):
    id: int
    reference: str
    text: str
    text_vi: str


class PublicCommentOut(Schema):
    id: int
    item_reference: str
    name: str
    organisation: str
    text: str
    submitted_at: datetime
    response: str


class ConsultationOut(Schema):
    id: int
    framework: str
    subject: str
    title: str
    opens_at: datetime
    closes_at: datetime
    is_open: bool
    summary_published_at: datetime | None


class ConsultationDetailOut(ConsultationOut):
    description: str
    draft_text: str
    draft_document: str | None
    items: list[ItemOut]
    summary: str
    comments: list[PublicCommentOut]


class ModerationCommentOut(PublicCommentOut):
    state: str
    responded_at: datetime | None
    version: int


public_router = Router(tags=["consultations"], auth=None)
coordinator_router = Router(tags=["consultations"])


def _summary(consultation) -> dict:
    return {
        "id": consultation.pk,
        "framework": consultation.framework.slug,
        "subject": consultation.subject,
        "title": consultation.title,
        "opens_at": consultation.opens_at,
        "closes_at": consultation.closes_at,
        "is_open": consultation.is_open(),
        "summary_published_at": consultation.summary_published_at,
    }


def _comment(comment) -> dict:
    return {
        "id": comment.pk,
        "item_reference": comment.item.reference if comment.item else "",
        "name": comment.name,
        "organisation": comment.organisation,
        "text": comment.text,
        "submitted_at": comment.submitted_at,
        "response": comment.response,
    }


def _portal() -> None:
    if not portal_enabled():
        raise Http404


@public_router.get("/public", response=list[ConsultationOut])
def list_public_consultations(request):
    _portal()
    return [_summary(c) for c in public_consultations().select_related("framework")]


@public_router.get("/public/{int:pk}", response=ConsultationDetailOut)
def get_public_consultation_detail(request, pk: int):
    _portal()
    consultation = get_public_consultation(pk)
    document = public_document(consultation)
    return {
        **_summary(consultation),
        "description": consultation.description,
        "draft_text": consultation.draft_text,
        "draft_document": document.original_name if document else None,
        "items": list(shown_items(consultation)),
        "summary": consultation.summary if consultation.summary_is_published else "",
        "comments": [_comment(c) for c in public_comments(consultation)],
    }


@coordinator_router.get("/{int:pk}/comments", response=list[ModerationCommentOut])
def list_comments_for_moderation(request, pk: int, state: str = ""):
    """Every comment of a consultation of a framework the user coordinates (all states)."""
    coordinator_only(request)
    consultation = get_consultation_for_coordinator(request.user, pk)
    comments = consultation.comments.select_related("item").order_by("submitted_at", "id")
    if state:
        comments = comments.filter(state=state)
    return [
        {**_comment(c), "state": c.state, "responded_at": c.responded_at, "version": c.version}
        for c in comments
    ]
