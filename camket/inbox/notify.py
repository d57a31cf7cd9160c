"""Notifications of the events an agency must hear about, and their e-mail, each once.

A notification is unique per recipient and event, so creating it again does nothing. Its
e-mail is claimed (the row moves from "pending" to "sent") in the same transaction as it is
sent, as reminders are: a second run finds nothing pending; a failed send rolls the claim
back, is logged, and is tried again by the next `camket notify`.

E-mail is never sent inside the web request that created the notification: once the request's
transaction commits, the background task `camket.inbox.tasks.send_notification_emails` is
queued (run by `camket db_worker`), so a hung mail server cannot hang the page.
"""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from camket.inbox.models import Notification
from camket.inbox.texts import notification_text
from camket.lib.text import as_one_line
from camket.reports.due_dates import RECIPIENT_ROLES, due_dates_to_chase

logger = logging.getLogger(__name__)
Kind = Notification.Kind


def agency_members(agency_ids) -> dict[int, list]:
    """The active focal points and managers of each agency, e-mail address or not."""
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            membership__agency_id__in=list(agency_ids),
            membership__role__in=RECIPIENT_ROLES,
        )
        .select_related("membership")
        .order_by("username")
    )
    members: dict[int, list] = {}
    for user in users:
        members.setdefault(user.membership.agency_id, []).append(user)
    return members


def _create(
    recipients,
    kind: str,
    event: str,
    params: dict,
    link: str,
    *,
    email: str = Notification.Email.PENDING,
) -> int:
    rows = [
        Notification(recipient=user, kind=kind, event=event, params=params, link=link, email=email)
        for user in recipients
    ]
    before = Notification.objects.filter(event=event).count()
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return Notification.objects.filter(event=event).count() - before


def _email_after_commit(event: str) -> None:
    # Imported here: the task module imports this one.
    from camket.inbox.tasks import send_notification_emails

    transaction.on_commit(send_notification_emails.enqueue)


def _framework_params(framework) -> dict:
    return {"framework": framework.name, "framework_vi": framework.name_vi}


def notify_opinion_requested(assessments) -> int:
    """The requested agency's focal points and managers hear of each new request."""
    assessments = list(assessments)
    members = agency_members({a.agency_id for a in assessments})
    created = 0
    for assessment in assessments:
        recommendation = assessment.recommendation
        event = f"opinion_requested:{assessment.pk}:{assessment.history.count()}"
        params = {
            "reference": as_one_line(recommendation.reference),
            "due_on": assessment.due_on.isoformat() if assessment.due_on else "",
            **_framework_params(recommendation.framework),
        }
        created += _create(
            members.get(assessment.agency_id, []),
            Kind.OPINION_REQUESTED,
            event,
            params,
            reverse("assessment-edit", args=[assessment.pk]),
        )
        _email_after_commit(event)
    return created


def _subject_of(indicator) -> str:
    item = indicator.action if indicator.action_id else indicator.recommendation
    return as_one_line(item.reference) if item is not None else ""


def _due_date_params(due_date) -> dict:
    indicator = due_date.indicator
    return {
        "indicator": as_one_line(indicator.title),
        "subject": _subject_of(indicator),
        "due_on": due_date.due_on.isoformat(),
    }


def notify_report_reviewed(report) -> int:
    """The reporting agency hears that the coordinator returned or accepted its report."""
    kind = Kind.REPORT_RETURNED if report.state == "returned" else Kind.REPORT_ACCEPTED
    due_date = report.due_date
    event = f"{kind}:{report.pk}:{report.version}"
    members = agency_members([due_date.indicator.agency_id])
    created = _create(
        members.get(due_date.indicator.agency_id, []),
        kind,
        event,
        _due_date_params(due_date),
        reverse("due-date-report", args=[due_date.pk]),
    )
    _email_after_commit(event)
    return created


def notify_due_soon(today: date | None = None) -> int:
    """In-app notices of the reports due within the reminders' window. Their e-mail is the
    reminder (`camket remind`), so they are not e-mailed a second time."""
    today = today or timezone.localdate()
    until = today + timedelta(days=settings.CAMKET_REMIND_DAYS_BEFORE)
    due_dates = list(
        due_dates_to_chase()
        .filter(due_on__gte=today, due_on__lte=until)
        .select_related("indicator", "indicator__action", "indicator__recommendation")
    )
    members = agency_members({d.indicator.agency_id for d in due_dates})
    created = 0
    for due_date in due_dates:
        created += _create(
            members.get(due_date.indicator.agency_id, []),
            Kind.DUE_SOON,
            f"due_soon:{due_date.pk}:{due_date.due_on.isoformat()}",
            _due_date_params(due_date),
            reverse("due-date-report", args=[due_date.pk]),
            email=Notification.Email.NOT_SENT,
        )
    logger.info("Due-soon notices of %s: %d created.", today, created)
    return created


def _message(notification: Notification) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        text = notification_text(notification)
    url = settings.CAMKET_SITE_URL.rstrip("/") + (notification.link or reverse("inbox"))
    return as_one_line(text)[:250], f"{text}\n\n{url}\n"


def send_pending_emails(notifications=None) -> tuple[int, int]:
    """E-mail the pending notifications (all, or those given): (sent, failed)."""
    queryset = Notification.objects.all() if notifications is None else notifications
    pending = list(queryset.filter(email=Notification.Email.PENDING).select_related("recipient"))
    sent = failed = 0
    for notification in pending:
        if not notification.recipient.email:
            Notification.objects.filter(
                pk=notification.pk, email=Notification.Email.PENDING
            ).update(email=Notification.Email.NO_ADDRESS)
            continue
        try:
            sent += _send_one(notification)
        except Exception:
            # The claim was rolled back with the failure: the next run tries it again.
            logger.exception(
                "Notification %s not e-mailed to %s",
                notification.pk,
                notification.recipient.username,
            )
            failed += 1
    if pending:
        logger.info("Notification e-mails: %d sent, %d failed.", sent, failed)
    return sent, failed


def _send_one(notification: Notification) -> bool:
    subject, body = _message(notification)
    with transaction.atomic():
        claimed = Notification.objects.filter(
            pk=notification.pk, email=Notification.Email.PENDING
        ).update(email=Notification.Email.SENT, emailed_at=timezone.now())
        if not claimed:
            return False  # another run sent it meanwhile
        send_mail(subject, body, None, [notification.recipient.email])
    return True
