"""What the report drafts (`camket report KIND …`) include of a consultation: the latest one
of the framework on that subject already open, with its summary and only its published comments."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from camket.consultations.models import Comment, Consultation


@dataclass(frozen=True)
class ReportedComment:
    item_reference: str  # "" for the whole draft
    author: str
    organisation: str
    text: str
    response: str


@dataclass(frozen=True)
class ConsultationSection:
    title: str
    opens_on: date
    closes_on: date
    summary: str
    comments: list[ReportedComment] = field(default_factory=list)


def consultation_section(framework, kind: str, language: str) -> ConsultationSection | None:
    """`kind`: positions, midterm or plan. `language` is accepted for the report's sake:
    comments and summaries are kept in the language they were written in."""
    # Only consultations already open: before that only coordinators may see one, and a draft
    # is generated for viewers and agency officers too.
    consultation = (
        Consultation.objects.filter(framework=framework, subject=kind, opens_at__lte=timezone.now())
        .order_by("-opens_at", "-id")
        .first()
    )
    if consultation is None:
        return None
    comments = (
        consultation.comments.filter(state=Comment.State.PUBLISHED)
        .select_related("item")
        .order_by("submitted_at", "id")
    )
    return ConsultationSection(
        title=consultation.title,
        opens_on=timezone.localdate(consultation.opens_at),
        closes_on=timezone.localdate(consultation.closes_at),
        summary=consultation.summary if consultation.summary_is_published else "",
        comments=[
            ReportedComment(
                item_reference=c.item.reference if c.item else "",
                author=c.name,
                organisation=c.organisation,
                text=c.text,
                response=c.response,
            )
            for c in comments
        ],
    )
