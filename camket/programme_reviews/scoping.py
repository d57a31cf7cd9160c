"""Review records as each user may read them: whoever may see a framework's published items
reads its reviews; a framework's coordinators read them before anything is published."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from camket.accounts import roles
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.programme_reviews.models import FrameworkReview, ReviewAttachment


def readable_frameworks(user) -> QuerySet[Framework]:
    if roles.role_of(user) is None:
        return Framework.objects.none()
    if roles.is_coordinator(user):
        return Framework.objects.all()
    published = visible_recommendations(user).filter(
        framework=OuterRef("pk"), status=Recommendation.Status.PUBLISHED
    )
    return Framework.objects.filter(Exists(published))


def visible_reviews(user) -> QuerySet[FrameworkReview]:
    return FrameworkReview.objects.filter(framework__in=readable_frameworks(user))


def visible_attachments(user) -> QuerySet[ReviewAttachment]:
    return ReviewAttachment.objects.filter(Q(review__in=visible_reviews(user)), archived=False)


def get_review_for_user(user, pk) -> FrameworkReview:
    try:
        return visible_reviews(user).select_related("framework").get(pk=pk)
    except (FrameworkReview.DoesNotExist, ValueError, TypeError):
        raise Http404("No such review.") from None


def get_attachment_for_user(user, pk) -> ReviewAttachment:
    try:
        return visible_attachments(user).get(pk=pk)
    except (ReviewAttachment.DoesNotExist, ValueError, TypeError):
        raise Http404("No such file.") from None
