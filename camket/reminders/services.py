"""Due-soon and overdue e-mails to the reporting agency's focal points and managers.

Each reminder is claimed by inserting its row in `Reminder` (unique per due date, kind and
recipient) in the same transaction as the e-mail is sent: a second run, even at the same time,
finds the row and skips it; a failed send rolls the claim back so the next run tries again,
and is logged while the run goes on with the other reminders.
"""

import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from camket.lib.text import as_one_line
from camket.plans.models import DueDate
from camket.reminders.models import Reminder
from camket.reports.due_dates import RECIPIENT_ROLES, due_dates_to_chase

logger = logging.getLogger(__name__)
Kind = Reminder.Kind


@dataclass
class Outcome:
    kind: str
    due_date: int
    due_on: str
    agency: str
    action: str
    indicator: str
    recipient: str
    email: str
    sent: bool
    error: str = ""  # why it was not sent: it is tried again on the next run


def _recipients_by_agency(agency_ids: Iterable[int]) -> dict[int | None, list[Any]]:
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            membership__agency_id__in=agency_ids,
            membership__role__in=RECIPIENT_ROLES,
        )
        .exclude(email="")
        .select_related("membership")
    )
    result: dict[int | None, list[Any]] = {}
    for user in users.order_by("username"):
        result.setdefault(user.membership.agency_id, []).append(user)
    return result


def planned(today: date) -> list[tuple[DueDate, str, Any]]:
    """(due date, kind, recipient) for every reminder that should go out and has not."""
    soon_until = today + timedelta(days=settings.CAMKET_REMIND_DAYS_BEFORE)
    due_dates = list(
        due_dates_to_chase()
        .filter(due_on__lte=soon_until)
        .select_related(
            "indicator", "indicator__agency", "indicator__action", "indicator__recommendation"
        )
    )
    recipients = _recipients_by_agency({d.indicator.agency_id for d in due_dates})
    already = set(
        Reminder.objects.filter(due_date__in=due_dates).values_list(
            "due_date_id", "kind", "recipient_id"
        )
    )
    result: list[tuple[DueDate, str, Any]] = []
    for due_date in due_dates:
        kind = Kind.OVERDUE if due_date.due_on < today else Kind.DUE_SOON
        for user in recipients.get(due_date.indicator.agency_id, []):
            if (due_date.pk, kind, user.pk) not in already:
                result.append((due_date, kind, user))
    return result


def _subject_of(due_date: DueDate) -> str:
    indicator = due_date.indicator
    reported_on = indicator.action if indicator.action_id else indicator.recommendation
    reference = reported_on.reference if reported_on is not None else ""
    return as_one_line(reference)  # stored before references were kept to one line


def _message(due_date: DueDate, kind: str, user: Any) -> tuple[str, str]:
    context = {
        "due_date": due_date,
        "kind": kind,
        "user": user,
        "subject": _subject_of(due_date),
        "overdue": kind == Kind.OVERDUE,
        "url": settings.CAMKET_SITE_URL.rstrip("/")
        + reverse("due-date-report", args=[due_date.pk]),
    }
    parts = []
    for language in ("vi", "en"):
        with translation.override(language):
            parts.append(render_to_string("reminders/email.txt", context).strip())
    with translation.override("vi"):
        subject_vi = render_to_string("reminders/subject.txt", context).strip()
    with translation.override("en"):
        subject_en = render_to_string("reminders/subject.txt", context).strip()
    subject = as_one_line(f"{subject_vi} / {subject_en}")[:250]  # e-mail headers: one line
    return subject, "\n\n— — —\n\n".join(parts)


def _outcome(due_date: DueDate, kind: str, user: Any, sent: bool) -> Outcome:
    return Outcome(
        kind=str(kind),
        due_date=due_date.pk,
        due_on=due_date.due_on.isoformat(),
        agency=due_date.indicator.agency.code,
        action=_subject_of(due_date),
        indicator=due_date.indicator.title,
        recipient=user.username,
        email=user.email,
        sent=sent,
    )


def send_reminders(*, today: date | None = None, dry_run: bool = False) -> list[Outcome]:
    """Send what is due; with `dry_run`, only say what would be sent.

    A reminder that fails is logged and comes back with `sent=False` and its `error`.
    """
    today = today or timezone.localdate()
    outcomes = []
    for due_date, kind, user in planned(today):
        if dry_run:
            outcomes.append(_outcome(due_date, kind, user, sent=False))
            continue
        try:
            sent = _send_one(due_date, kind, user)
        except Exception as error:
            # One bad record or refused address must not stop the others: its claim was
            # rolled back with the failure, so the next run tries it again.
            logger.exception(
                "Reminder not sent: due date %s, %s, to %s", due_date.pk, kind, user.username
            )
            failed = _outcome(due_date, kind, user, sent=False)
            failed.error = f"{type(error).__name__}: {error}"[:300]
            outcomes.append(failed)
            continue
        if sent:
            outcomes.append(_outcome(due_date, kind, user, sent=True))
    if not dry_run:
        failures = sum(1 for outcome in outcomes if outcome.error)
        logger.info(
            "Reminders of %s: %d sent, %d failed.", today, len(outcomes) - failures, failures
        )
    return outcomes


def _send_one(due_date: DueDate, kind: str, user: Any) -> bool:
    """Claim the reminder and send it in one transaction; False when another run has it."""
    subject, body = _message(due_date, kind, user)
    with transaction.atomic():
        try:
            with transaction.atomic():
                Reminder.objects.create(
                    due_date=due_date, kind=kind, recipient=user, email=user.email
                )
        except IntegrityError:
            return False  # another run sent this one meanwhile
        send_mail(subject, body, None, [user.email])
    return True


def as_dicts(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    return [asdict(outcome) for outcome in outcomes]
