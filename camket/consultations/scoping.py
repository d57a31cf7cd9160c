"""Who reads which consultation.

The public (anyone, signed in or not) reads a consultation once it has opened, for as long as
its framework is not archived, whether or not the framework is on the portal: opening one is
the coordinator's explicit decision to show a draft. Of it, only what the coordinator attached
is shown: title, description, period, the draft text and file, the items they chose (reference
and text only), and — once the summary is published — the summary and the published comments
with their responses. Coordinators read every consultation of the frameworks they coordinate.
"""

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from camket.consultations.models import Comment, Consultation, DraftDocument
from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import coordinated_frameworks


def public_consultations(now=None) -> QuerySet[Consultation]:
    return Consultation.objects.filter(
        opens_at__lte=now or timezone.now(), framework__archived=False
    )


def get_public_consultation(pk) -> Consultation:
    try:
        return public_consultations().select_related("framework").get(pk=pk)
    except (Consultation.DoesNotExist, ValueError, TypeError):
        raise Http404("No such consultation.") from None


def shown_items(consultation: Consultation) -> QuerySet[Recommendation]:
    """The items the coordinator chose to show, archived ones left out."""
    return consultation.items.exclude(status=Recommendation.Status.ARCHIVED).order_by("id")


def public_document(consultation: Consultation) -> DraftDocument | None:
    return consultation.documents.filter(archived=False).order_by("-uploaded_on", "-id").first()


def public_comments(consultation: Consultation) -> QuerySet[Comment]:
    """Published comments, and only once the summary is published."""
    if not consultation.summary_is_published:
        return Comment.objects.none()
    return consultation.comments.filter(state=Comment.State.PUBLISHED).select_related("item")


def coordinated_consultations(user) -> QuerySet[Consultation]:
    return Consultation.objects.filter(framework__in=coordinated_frameworks(user))


def get_consultation_for_coordinator(user, pk) -> Consultation:
    """A consultation of a framework the user coordinates, or 404."""
    try:
        return coordinated_consultations(user).select_related("framework").get(pk=pk)
    except (Consultation.DoesNotExist, ValueError, TypeError):
        raise Http404("No such consultation.") from None
