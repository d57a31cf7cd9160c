"""Signed in on the demo, the focal points and the coordinator find work waiting."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings

from camket.demo.loader import load_demo
from camket.inbox.models import Notification
from camket.inbox.work import work_for

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_users(django_db_setup, django_db_blocker, tmp_path_factory):
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        override_settings(
            PASSWORD_HASHERS=hashers,
            LANGUAGE_CODE="en",
            MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        load_demo(today=TODAY)
        yield {user.username: user for user in get_user_model().objects.all()}
        transaction.set_rollback(True)


def _counts(user):
    return {group.kind: group for group in work_for(user, today=TODAY)}


@pytest.mark.parametrize("username", ["mps_focal", "moj_focal"])
def test_each_focal_point_has_opinions_and_reports_waiting(db, demo_users, username):
    groups = _counts(demo_users[username])
    for kind in ("opinions_requested", "reports_overdue", "reports_due_soon", "reports_returned"):
        assert groups[kind].count >= 1, kind
    assert all(row.due_on for row in groups["opinions_requested"].rows)
    assert all(row.overdue for row in groups["reports_overdue"].rows)
    assert not any(row.overdue for row in groups["reports_due_soon"].rows)


def test_the_coordinator_has_an_opinion_to_decide_and_reports_to_review(db, demo_users):
    groups = _counts(demo_users["coordinator"])
    assert groups["opinions_to_decide"].count >= 1
    assert groups["reports_to_review"].count >= 1


def test_the_demo_sends_no_email_and_leaves_its_history_read(db, demo_users):
    assert not Notification.objects.filter(email=Notification.Email.PENDING).exists()
    unread = Notification.objects.filter(recipient=demo_users["mps_focal"], read_at=None)
    assert {n.kind for n in unread} >= {"opinion_requested", "report_returned", "due_soon"}
    assert not unread.filter(kind="report_accepted").exists()
