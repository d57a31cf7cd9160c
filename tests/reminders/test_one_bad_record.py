"""One bad record or failing e-mail does not stop the reminder run (issue 9, item 8)."""

import logging
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command

from camket.plans.models import Action
from camket.plans.services import set_publication
from camket.reminders import services
from camket.reminders.models import Reminder
from tests.reminders.test_reminders import DUE_SOON_DAY


@pytest.fixture
def two_agencies(plan_world):
    """Both actions published; agency A's and B's focal points have an e-mail address."""
    world = plan_world.world
    set_publication(world.coordinator, [plan_world.action_b], "published")
    for user, email in (
        (world.officer_a, "a@example.gov.vn"),
        (world.officer_b, "b@example.gov.vn"),
    ):
        user.email = email
        user.save()
    return plan_world


def test_a_reference_holding_a_newline_does_not_stop_the_run(two_agencies):
    # Stored before references were kept to one line (update() skips every check).
    Action.objects.filter(pk=two_agencies.action_a.pk).update(reference="1\nBcc: x@evil.example")
    out = StringIO()
    call_command("remind", "--date", DUE_SOON_DAY.isoformat(), stdout=out)
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.gov.vn", "b@example.gov.vn"]
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert message.extra_headers == {} and message.bcc == []
    assert "2 reminder(s) sent." in out.getvalue()


class FailsForB(EmailBackend):
    """The mail server refuses agency B's address; everything else goes out."""

    def send_messages(self, messages):
        if any("b@example.gov.vn" in m.to for m in messages):
            raise OSError("550 mailbox unavailable")
        return super().send_messages(messages)


def test_a_failing_reminder_is_logged_rolled_back_and_retried(two_agencies, settings, caplog):
    settings.EMAIL_BACKEND = "tests.reminders.test_one_bad_record.FailsForB"
    with caplog.at_level(logging.ERROR, logger="camket.reminders.services"):
        outcomes = services.send_reminders(today=DUE_SOON_DAY)
    assert [(o.email, o.sent) for o in outcomes] == [
        ("a@example.gov.vn", True),
        ("b@example.gov.vn", False),
    ]
    assert "550 mailbox unavailable" in outcomes[1].error
    assert [m.to for m in mail.outbox] == [["a@example.gov.vn"]]
    failed = Reminder.objects.filter(recipient=two_agencies.world.officer_b)
    assert not failed.exists()  # the claim was rolled back with the failed send
    record = next(r for r in caplog.records if r.levelno == logging.ERROR)
    due_date = two_agencies.indicator_b.due_dates.get(due_on="2025-06-30")
    assert f"due date {due_date.pk}" in record.getMessage() and record.exc_info

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retried = services.send_reminders(today=DUE_SOON_DAY)
    assert [(o.email, o.sent) for o in retried] == [("b@example.gov.vn", True)]
    assert failed.count() == 1


def test_the_command_exits_non_zero_when_a_reminder_failed(two_agencies, settings):
    settings.EMAIL_BACKEND = "tests.reminders.test_one_bad_record.FailsForB"
    out = StringIO()
    with pytest.raises(CommandError, match="1 reminder.*b@example.gov.vn.*550 mailbox"):
        call_command("remind", "--date", DUE_SOON_DAY.isoformat(), stdout=out)
    assert "1 reminder(s) sent." in out.getvalue()
    assert [m.to for m in mail.outbox] == [["a@example.gov.vn"]]
