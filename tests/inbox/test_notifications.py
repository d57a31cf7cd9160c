"""Notifications: created once per event for the agency concerned, e-mailed once."""

import logging
from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from camket.inbox import notify
from camket.inbox.models import Notification
from camket.inbox.tasks import send_notification_emails
from camket.inbox.texts import notification_text
from camket.reports.services import accept_report, return_report, save_report
from camket.review.services import send_for_review, withdraw_request
from tests.personas import make_user

Kind = Notification.Kind
DUE_SOON_DAY = date(2025, 6, 20)  # agency A's and B's 2025-06-30 due dates are due soon


@pytest.fixture
def mailed(world):
    """Agency A's focal point has an e-mail address; A's manager has none."""
    world.officer_a.email = "a@example.gov.vn"
    world.officer_a.save()
    world.officer_b.email = "b@example.gov.vn"
    world.officer_b.save()
    make_user("manager_a", "manager", world.agency_a)
    return world


def _of(user):
    return list(Notification.objects.filter(recipient=user))


def _send_queued_emails() -> int:
    """Run the e-mail task the way the worker would, whatever the configured backend."""
    return send_notification_emails.call()


def test_an_opinion_request_notifies_the_agency_once_and_mails_once(
    mailed, django_capture_on_commit_callbacks
):
    world = mailed
    with django_capture_on_commit_callbacks(execute=True):
        send_for_review(
            world.coordinator, [world.published], [world.agency_a], due_on=date(2026, 7, 1)
        )
    [notice] = _of(world.officer_a)
    # Nothing is mailed by the request itself: the e-mail waits for the background task.
    assert notice.email == Notification.Email.PENDING and mail.outbox == []
    assert DBTaskResult.objects.filter(
        task_path="camket.inbox.tasks.send_notification_emails"
    ).exists()
    assert _send_queued_emails() == 1
    notice.refresh_from_db()
    assert notice.kind == Kind.OPINION_REQUESTED and notice.email == Notification.Email.SENT
    assert notice.params["reference"] == "1.1" and notice.params["due_on"] == "2026-07-01"
    assert [m.to for m in mail.outbox] == [["a@example.gov.vn"]]
    manager = Notification.objects.get(recipient__username="manager_a")
    assert manager.email == Notification.Email.NO_ADDRESS
    assert _of(world.officer_b) == [] and _of(world.coordinator) == []
    # Asked again (nothing changes), and the task and the command run again: nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        send_for_review(
            world.coordinator, [world.published], [world.agency_a], due_on=date(2026, 7, 1)
        )
    assert _send_queued_emails() == 0
    call_command("notify", stdout=StringIO())
    assert len(_of(world.officer_a)) == 1 and len(mail.outbox) == 1


class NeverConnects(EmailBackend):
    """Fails the test if anything tries to reach the mail server."""

    def open(self):
        raise AssertionError("the web request opened an SMTP connection")

    def send_messages(self, messages):
        self.open()


def test_the_web_request_opens_no_smtp_connection_and_the_task_sends_once(
    mailed, client, settings, django_capture_on_commit_callbacks
):
    world = mailed
    settings.EMAIL_BACKEND = "tests.inbox.test_notifications.NeverConnects"
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/recommendations/{world.published.pk}/send/", {"agencies": [world.agency_a.pk]}
        )
    assert response.status_code == 302
    assert (
        Notification.objects.filter(
            recipient=world.officer_a, email=Notification.Email.PENDING
        ).count()
        == 1
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert send_notification_emails.enqueue().return_value == 1
    assert send_notification_emails.enqueue().return_value == 0
    assert [m.to for m in mail.outbox] == [["a@example.gov.vn"]]


def test_email_waits_at_most_the_configured_timeout(settings):
    from django.core.mail import get_connection

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_TIMEOUT = 7
    assert get_connection().timeout == 7


def test_a_request_withdrawn_and_made_again_is_a_new_event(mailed):
    world = mailed
    send_for_review(world.coordinator, [world.published], [world.agency_a])
    assessment = world.published.assessments.get(agency=world.agency_a)
    withdraw_request(world.coordinator, assessment)
    send_for_review(world.coordinator, [world.published], [world.agency_a])
    assert len(_of(world.officer_a)) == 2


def test_returned_and_accepted_reports_notify_the_reporting_agency(plan_world):
    world = plan_world.world
    due = plan_world.indicator_a.due_dates.order_by("due_on").first()
    values = {"status": "in_progress", "narrative": "Half done."}
    report = save_report(world.officer_a, due, values, version=None, submit=True)
    report = return_report(world.coordinator, report, version=report.version, comment="More.")
    report = save_report(world.officer_a, due, values, version=report.version, submit=True)
    accept_report(world.coordinator, report, version=report.version)
    assert [n.kind for n in _of(world.officer_a)] == [Kind.REPORT_ACCEPTED, Kind.REPORT_RETURNED]
    assert {n.link for n in _of(world.officer_a)} == {f"/due-dates/{due.pk}/"}
    assert _of(world.officer_b) == [] and _of(world.coordinator) == []


def test_due_soon_notices_are_created_once_and_left_to_the_reminder_email(plan_world):
    world = plan_world.world
    assert notify.notify_due_soon(DUE_SOON_DAY) == 1  # action B is a draft: A only
    assert notify.notify_due_soon(DUE_SOON_DAY) == 0
    call_command("notify", "--date", DUE_SOON_DAY.isoformat())
    [notice] = _of(world.officer_a)
    assert notice.kind == Kind.DUE_SOON and notice.email == Notification.Email.NOT_SENT
    assert notice.params["due_on"] == "2025-06-30"
    assert mail.outbox == [] and _of(world.officer_b) == []


def test_the_reminder_run_creates_the_due_soon_notices(plan_world):
    call_command("remind", "--date", DUE_SOON_DAY.isoformat())
    assert [n.kind for n in _of(plan_world.world.officer_a)] == [Kind.DUE_SOON]


class RefusesA(EmailBackend):
    def send_messages(self, messages):
        if any("a@example.gov.vn" in m.to for m in messages):
            raise OSError("550 mailbox unavailable")
        return super().send_messages(messages)


def test_a_failed_email_is_logged_and_sent_by_the_next_run(mailed, settings, caplog):
    world = mailed
    settings.EMAIL_BACKEND = "tests.inbox.test_notifications.RefusesA"
    send_for_review(world.coordinator, [world.published], [world.agency_a])
    with caplog.at_level(logging.ERROR, logger="camket.inbox.notify"):
        assert notify.send_pending_emails() == (0, 1)
    assert "not e-mailed" in caplog.text
    assert _of(world.officer_a)[0].email == Notification.Email.PENDING
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notify.send_pending_emails() == (1, 0)
    assert notify.send_pending_emails() == (0, 0)
    assert [m.to for m in mail.outbox] == [["a@example.gov.vn"]]


def test_the_text_is_written_in_the_readers_language(drug_world):
    world = drug_world
    send_for_review(
        world.mps_coordinator, [world.drug_draft], [world.agency_a], due_on=date(2026, 7, 1)
    )
    [notice] = _of(world.officer_a)
    with translation.override("vi"):
        vietnamese = notification_text(notice)
    with translation.override("en"):
        english = notification_text(notice)
    assert "Chương trình quốc gia phòng, chống ma túy" in vietnamese
    assert "National Programme on drug prevention" in english
    assert "2026" in english and "2026" in vietnamese
