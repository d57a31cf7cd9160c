"""Consultations: only the framework's coordinators open, change, close, moderate, answer and
summarise them (`rules.py`); anyone may comment while one is open (`submit_comment`). Every
change is kept in the history with who made it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from camket.accounts.permissions import require
from camket.consultations import guard
from camket.consultations.models import Comment, Consultation, DraftDocument
from camket.consultations.scoping import shown_items
from camket.lib.concurrency import save_if_current
from camket.lib.history import attribute_change
from camket.lib.text import check_single_line, without_control_characters
from camket.reports.files import check_evidence, store_checked

CONSULTATION_FIELDS = ["subject", "title", "description", "draft_text", "opens_at", "closes_at"]


def _check(consultation: Consultation) -> None:
    consultation.full_clean(exclude=["framework", "created_by", "version"])
    check_single_line(consultation, ["title"])
    if consultation.closes_at <= consultation.opens_at:
        raise ValidationError({"closes_at": _("A consultation must close after it opens.")})


def _check_items(framework, items) -> list:
    items = list(items)
    if any(item.framework_id != framework.pk for item in items):
        raise ValidationError({"items": _("Only items of this framework can be shown.")})
    return items


@transaction.atomic
def create_consultation(
    user, framework, values: dict, *, items=(), file: tuple[str, bytes] | None = None
) -> Consultation:
    require(user, "consultations.open_consultation", framework)
    consultation = Consultation(
        framework=framework,
        created_by=user,
        **{k: v for k, v in values.items() if k in CONSULTATION_FIELDS},
    )
    _check(consultation)
    items = _check_items(framework, items)
    attribute_change(consultation, user)
    consultation.save()
    consultation.items.set(items)
    if file:
        _attach(user, consultation, *file)
    return consultation


@transaction.atomic
def update_consultation(
    user,
    consultation: Consultation,
    values: dict,
    *,
    version: int | None,
    items=None,
    file: tuple[str, bytes] | None = None,
) -> Consultation:
    """Change a consultation (refused if someone saved it since `version`); `items`, when
    given, replaces the items shown; `file` replaces the draft document."""
    require(user, "consultations.manage_consultation", consultation)
    fields = [name for name in CONSULTATION_FIELDS if name in values]
    for name in fields:
        setattr(consultation, name, values[name])
    _check(consultation)
    if items is not None:
        items = _check_items(consultation.framework, items)
    save_if_current(consultation, version, [*fields, "modified"], user=user)
    if items is not None:
        consultation.items.set(items)
    if file:
        _attach(user, consultation, *file)
    return consultation


@transaction.atomic
def close_consultation(user, consultation: Consultation, *, version: int | None) -> Consultation:
    """End the comment period now (a consultation already closed is left as it is)."""
    require(user, "consultations.manage_consultation", consultation)
    now = timezone.now()
    if consultation.closes_at > now:
        consultation.closes_at = max(now, consultation.opens_at)
        save_if_current(consultation, version, ["closes_at", "modified"], user=user)
    return consultation


@transaction.atomic
def attach_draft(user, consultation: Consultation, name: str, data: bytes) -> DraftDocument:
    require(user, "consultations.manage_consultation", consultation)
    return _attach(user, consultation, name, data)


def _attach(user, consultation, name: str, data: bytes) -> DraftDocument:
    checked = check_evidence(name, data)
    for previous in consultation.documents.filter(archived=False):
        previous.archived = True
        attribute_change(previous, user)
        previous.save(update_fields=["archived"])
    return store_checked(DraftDocument(consultation=consultation), user, checked, data)


@transaction.atomic
def publish_summary(
    user, consultation: Consultation, summary: str, *, version: int | None
) -> Consultation:
    """Publish (or correct) the summary: from then on the public reads it with the published
    comments and their responses. Only once the comment period has ended."""
    require(user, "consultations.manage_consultation", consultation)
    if consultation.is_open() or not consultation.has_opened():
        raise ValidationError(
            {"summary": _("Close the consultation before publishing its summary.")}
        )
    summary = without_control_characters(summary).strip()
    if not summary:
        raise ValidationError({"summary": _("Write the summary before publishing it.")})
    consultation.summary = summary
    consultation.summary_published_at = consultation.summary_published_at or timezone.now()
    save_if_current(
        consultation, version, ["summary", "summary_published_at", "modified"], user=user
    )
    return consultation


@transaction.atomic
def moderate(user, comment: Comment, state: str, *, version: int | None) -> Comment:
    require(user, "consultations.manage_consultation", comment.consultation)
    if state not in Comment.State.values:
        raise ValidationError({"state": _("Unknown moderation state.")})
    comment.state, comment.moderated_by, comment.moderated_at = state, user, timezone.now()
    save_if_current(comment, version, ["state", "moderated_by", "moderated_at"], user=user)
    return comment


@transaction.atomic
def answer(user, comment: Comment, response: str, *, version: int | None) -> Comment:
    """The coordinator's response, shown with the comment once it and the summary are
    published."""
    require(user, "consultations.manage_consultation", comment.consultation)
    comment.response = without_control_characters(response).strip()
    comment.responded_by, comment.responded_at = user, timezone.now()
    save_if_current(comment, version, ["response", "responded_by", "responded_at"], user=user)
    return comment


@transaction.atomic
def submit_comment(
    consultation: Consultation,
    *,
    text: str,
    sender: str,
    name: str = "",
    organisation: str = "",
    item=None,
) -> Comment:
    """A comment from anyone (`sender`: the hash of their address, see `guard.sender_hash`),
    held for moderation. Refused outside the period, on an item not shown, when too long,
    with too many links, when the same text was already sent, or beyond the rate limits (the
    sender's, and the consultation's for all senders together)."""
    now = timezone.now()
    if not consultation.has_opened(now):
        raise ValidationError(
            _("This consultation is not open yet: comments are accepted from %(date)s.")
            % {
                "date": formats.date_format(
                    timezone.localtime(consultation.opens_at), "SHORT_DATETIME_FORMAT"
                )
            }
        )
    if not consultation.is_open(now):
        raise ValidationError(
            _("This consultation closed on %(date)s: comments are no longer accepted.")
            % {
                "date": formats.date_format(
                    timezone.localtime(consultation.closes_at), "SHORT_DATETIME_FORMAT"
                )
            }
        )
    if item is not None and not shown_items(consultation).filter(pk=item.pk).exists():
        raise ValidationError({"item": _("Comment on the whole draft or on one of its items.")})
    text = without_control_characters(text).strip()
    if not text:
        raise ValidationError({"text": _("Write your comment.")})
    guard.check_content(text)
    fingerprint = guard.fingerprint(text)
    if consultation.comments.filter(fingerprint=fingerprint).exists():
        raise ValidationError({"text": _("This comment was already sent.")})
    guard.check_consultation_volume(consultation, now)
    guard.take_rate_slot(sender)
    comment = Comment(
        consultation=consultation,
        item=item,
        text=text,
        fingerprint=fingerprint,
        sender_hash=sender,
        submitted_at=now,
        name=" ".join(without_control_characters(name).split()),
        organisation=" ".join(without_control_characters(organisation).split()),
    )
    comment.full_clean()
    comment.save()
    return comment
