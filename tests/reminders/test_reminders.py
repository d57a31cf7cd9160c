"""Reminders go to the reporting agency's focal points and managers, each only once."""

import json
import threading
import time
from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections

from camket.plans.services import set_publication, update_plan
from camket.reminders import services
from camket.reminders.models import Reminder
from camket.reports.services import save_report
from tests.personas import make_user

# On 2025-06-20 agency A's and B's 2025-06-30 due dates are due soon (within 14 days).
DUE_SOON_DAY = date(2025, 6, 20)
# On 2026-01-10 the 2025-06-30 and 2025-12-31 due dates are overdue.
OVERDUE_DAY = date(2026, 1, 10)


@pytest.fixture
def recipients(plan_world):
    """Both actions published; both agencies' focal points and A's manager have e-mail."""
    world = plan_world.world
    set_publication(world.coordinator, [plan_world.action_b], "published")
    for user, email in (
        (world.officer_a, "a@example.gov.vn"),
        (world.officer_b, "b@example.gov.vn"),
    ):
        user.email = email
        user.save()
    manager = make_user("manager_a", "manager", world.agency_a)
    manager.email = "manager.a@example.gov.vn"
    manager.save()
    make_user("viewer_with_mail", "viewer", None).__class__.objects.filter(
        username="viewer_with_mail"
    ).update(email="viewer@example.org")
    return plan_world


def _sent(outcomes):
    return sorted((o.kind, o.due_on, o.email) for o in outcomes)


def test_due_soon_reminders_go_to_focal_points_and_managers(recipients):
    outcomes = services.send_reminders(today=DUE_SOON_DAY)
    assert _sent(outcomes) == [
        ("due_soon", "2025-06-30", "a@example.gov.vn"),
        ("due_soon", "2025-06-30", "b@example.gov.vn"),
        ("due_soon", "2025-06-30", "manager.a@example.gov.vn"),
    ]
    assert len(mail.outbox) == 3
    message = next(m for m in mail.outbox if m.to == ["a@example.gov.vn"])
    assert "2025-06-30" in message.subject and "Officers trained" in message.body
    assert "/due-dates/" in message.body


def test_running_again_sends_nothing_new(recipients):
    services.send_reminders(today=DUE_SOON_DAY)
    assert services.send_reminders(today=DUE_SOON_DAY) == []
    assert len(mail.outbox) == 3 and Reminder.objects.count() == 3


def test_submitted_reports_are_not_chased_and_overdue_is_a_separate_reminder(recipients):
    world = recipients.world
    services.send_reminders(today=DUE_SOON_DAY)
    first_a = recipients.indicator_a.due_dates.get(due_on=date(2025, 6, 30))
    save_report(
        world.officer_a,
        first_a,
        {"status": "in_progress", "narrative": "Started."},
        version=None,
        submit=True,
    )
    mail.outbox.clear()
    outcomes = services.send_reminders(today=OVERDUE_DAY)
    assert _sent(outcomes) == [
        ("overdue", "2025-06-30", "b@example.gov.vn"),
        ("overdue", "2025-12-31", "a@example.gov.vn"),
        ("overdue", "2025-12-31", "b@example.gov.vn"),
        ("overdue", "2025-12-31", "manager.a@example.gov.vn"),
    ]


@pytest.mark.parametrize("change", ["draft action", "archived plan"])
def test_nothing_is_chased_for_draft_actions_or_archived_plans(recipients, change):
    world = recipients.world
    if change == "draft action":
        set_publication(world.coordinator, [recipients.action_b], "draft")
    else:
        update_plan(
            world.coordinator, recipients.plan, {"archived": True}, version=recipients.plan.version
        )
    expected = (
        {"a@example.gov.vn", "manager.a@example.gov.vn"} if change == "draft action" else set()
    )
    assert {o.email for o in services.send_reminders(today=DUE_SOON_DAY)} == expected


def test_dry_run_sends_and_records_nothing(recipients):
    outcomes = services.send_reminders(today=DUE_SOON_DAY, dry_run=True)
    assert len(outcomes) == 3 and not any(o.sent for o in outcomes)
    assert mail.outbox == [] and not Reminder.objects.exists()


def test_a_failed_send_is_tried_again_next_time(recipients, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr(services, "send_mail", broken)
    failed = services.send_reminders(today=DUE_SOON_DAY)  # logged, and the run goes on
    assert len(failed) == 3 and not any(o.sent for o in failed)
    assert all("mail server down" in o.error for o in failed)
    assert not Reminder.objects.exists()
    monkeypatch.undo()
    assert len(services.send_reminders(today=DUE_SOON_DAY)) == 3


def test_the_command_prints_json_and_honours_dry_run(recipients):
    out = StringIO()
    call_command("remind", "--dry-run", "--json", "--date", "2025-06-20", stdout=out)
    result = json.loads(out.getvalue())
    assert result["dry_run"] is True and len(result["reminders"]) == 3
    assert {r["agency"] for r in result["reminders"]} == {"mps", "moj"}
    assert mail.outbox == []


def test_the_background_task_sends_what_is_due_today_once(recipients, settings):
    from camket.reminders.tasks import send_due_reminders

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    first = send_due_reminders.enqueue()
    assert first.return_value == Reminder.objects.count() == len(mail.outbox) > 0
    assert send_due_reminders.enqueue().return_value == 0


def _file_database() -> bool:
    return connection.vendor != "sqlite" or not connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_time_send_each_reminder_once(recipients, monkeypatch):
    if not _file_database():
        pytest.skip("needs a database shared between threads: `make test` uses a file")
    real_send = services.send_mail

    def slow_send(*args, **kwargs):
        time.sleep(0.3)  # keep the first run's claim open while the second run starts
        return real_send(*args, **kwargs)

    monkeypatch.setattr(services, "send_mail", slow_send)
    start = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            start.wait()
            results.append(services.send_reminders(today=DUE_SOON_DAY))
        except Exception as error:  # reported below; a thread's exception is otherwise lost
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(len(r) for r in results) == 3
    assert sorted(m.to[0] for m in mail.outbox) == [
        "a@example.gov.vn",
        "b@example.gov.vn",
        "manager.a@example.gov.vn",
    ]
    assert Reminder.objects.count() == 3
