"""Recording a framework's reviews: only its coordinators (`roles.coordinates`) write them;
every change is kept in the history with who made it. Attachments are checked like
progress-report evidence (`reports/files.py`) and stored beside it, outside any served folder."""

from django.core.exceptions import ValidationError
from django.db import transaction

from camket.accounts.permissions import require
from camket.lib.concurrency import save_if_current
from camket.lib.history import attribute_change
from camket.lib.text import check_single_line
from camket.programme_reviews.models import FrameworkReview, ReviewAttachment
from camket.reports.files import check_evidence, store_checked

REVIEW_FIELDS = ["held_on", "title", "participants", "findings", "agreed_changes"]


def _check(review: FrameworkReview) -> None:
    review.full_clean(exclude=["framework", "created_by", "version"])
    check_single_line(review, ["title"])


@transaction.atomic
def create_review(
    user, framework, values: dict, *, files: list[tuple[str, bytes]] = ()
) -> FrameworkReview:
    """Record a review of `framework` with its attachments (name, content): all or nothing."""
    require(user, "programme_reviews.add_review", framework)
    files = _checked_files(files)
    review = FrameworkReview(
        framework=framework,
        created_by=user,
        **{k: v for k, v in values.items() if k in REVIEW_FIELDS},
    )
    _check(review)
    attribute_change(review, user)
    review.save()
    for name, data in files:
        _attach(user, review, name, data)
    return review


@transaction.atomic
def update_review(
    user,
    review: FrameworkReview,
    values: dict,
    *,
    version: int | None,
    files: list[tuple[str, bytes]] = (),
) -> FrameworkReview:
    """Change a review (refused if someone saved it since `version`) and attach more files."""
    require(user, "programme_reviews.change_review", review)
    files = _checked_files(files)
    fields = [name for name in REVIEW_FIELDS if name in values]
    for name in fields:
        setattr(review, name, values[name])
    _check(review)
    save_if_current(review, version, [*fields, "modified"], user=user)
    for name, data in files:
        _attach(user, review, name, data)
    return review


@transaction.atomic
def add_attachment(user, review: FrameworkReview, name: str, data: bytes) -> ReviewAttachment:
    require(user, "programme_reviews.change_review", review)
    return _attach(user, review, name, data)


@transaction.atomic
def archive_attachment(user, attachment: ReviewAttachment) -> None:
    """Attachments are never deleted: an archived one is no longer listed or served."""
    require(user, "programme_reviews.change_review", attachment.review)
    attachment.archived = True
    attribute_change(attachment, user)
    attachment.save(update_fields=["archived"])


def _attach(user, review: FrameworkReview, name: str, data: bytes) -> ReviewAttachment:
    return store_checked(ReviewAttachment(review=review), user, check_evidence(name, data), data)


def _checked_files(files) -> list[tuple[str, bytes]]:
    """Every file checked before anything is written: one refused file refuses the save."""
    errors = []
    for name, data in files:
        try:
            check_evidence(name, data)
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"file": errors})
    return list(files)
