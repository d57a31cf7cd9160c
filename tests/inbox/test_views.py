"""The "My work" page, the notifications list and the menu counts."""

from django.test import Client, RequestFactory
from django.urls import reverse

from camket.inbox.context_processors import work
from camket.inbox.models import Notification
from tests.inbox.conftest import TODAY


def _notice(user, **values):
    return Notification.objects.create(
        recipient=user,
        kind="report_returned",
        event=f"test:{user.pk}:{values.get('event', 1)}",
        params={"indicator": "Officers <b>trained</b>", "subject": "1", "due_on": "2025-06-30"},
        link="/due-dates/1/",
    )


def test_signed_in_home_is_my_work_and_anonymous_goes_where_it_went(client, world):
    assert client.get("/").url == reverse("recommendation-list")
    client.force_login(world.officer_a)
    assert client.get("/").url == reverse("inbox")


def test_the_page_lists_the_focal_points_work(client, scene, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    client.force_login(scene.world.officer_a)
    page = client.get(reverse("inbox")).content.decode()
    assert "Opinions requested from your agency" in page
    assert "Reports returned for changes" in page
    assert 'class="overdue"' in page  # the late report's row
    assert "Reports to review" not in page
    assert f'href="{reverse("report-review", args=[scene.submitted_b.pk])}"' not in page


def test_the_viewer_is_told_nothing_waits(client, world):
    client.force_login(world.viewer)
    page = client.get(reverse("inbox")).content.decode()
    assert "Nothing is waiting for you" in page
    assert client.get(reverse("inbox")).status_code == 200


def test_the_anonymous_visitor_is_sent_to_sign_in(client, world):
    response = client.get(reverse("inbox"))
    assert response.status_code == 302 and reverse("login") in response.url


def test_the_menu_shows_the_work_count_and_unread_count(client, scene, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    officer = scene.world.officer_a
    _notice(officer)
    client.force_login(officer)
    page = client.get(reverse("plan-list")).content.decode()
    # 2 opinions, 1 late report, 1 due soon, 1 returned; unread: the returned report's notice
    # and the one above.
    unread = Notification.objects.filter(recipient=officer, read_at__isnull=True).count()
    assert '<span class="badge">5<span class="sr-only">' in page
    assert f'<span class="badge overdue">{unread}<span class="sr-only">' in page


def test_no_counts_for_htmx_requests_nor_anonymous(world):
    request = RequestFactory().get("/", headers={"HX-Request": "true"})
    request.user = world.officer_a
    assert work(request) == {}
    request = RequestFactory().get("/")
    request.user = world.anonymous
    assert work(request) == {}


def test_only_the_recipient_marks_a_notification_read(client, world):
    notice = _notice(world.officer_a)
    client.force_login(world.officer_b)
    url = reverse("notification-read", args=[notice.pk])
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405
    notice.refresh_from_db()
    assert notice.read_at is None
    client.force_login(world.officer_a)
    assert client.post(url).status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_mark_all_read_touches_only_ones_own(client, world):
    mine, theirs = _notice(world.officer_a), _notice(world.officer_b)
    client.force_login(world.officer_a)
    client.post(reverse("notification-read-all"))
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.read_at is not None and theirs.read_at is None


def test_marking_read_needs_the_csrf_token(world):
    notice = _notice(world.officer_a)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.officer_a)
    assert client.post(reverse("notification-read", args=[notice.pk])).status_code == 403


def test_the_list_shows_ones_own_notifications_escaped(client, world):
    _notice(world.officer_a)
    _notice(world.officer_b, event=2)
    client.force_login(world.officer_b)
    page = client.get(reverse("notification-list")).content.decode()
    assert page.count("Officers &lt;b&gt;trained&lt;/b&gt;") == 1
    assert "<b>trained</b>" not in page


def test_the_menu_button_shows_the_total_of_work_and_unread(client, world):
    """On a phone the menu's counts are folded away: the "Menu" button carries their sum."""
    from datetime import date

    from camket.review.services import send_for_review

    send_for_review(world.coordinator, [world.published], [world.agency_a], due_on=date(2026, 7, 1))
    client.force_login(world.officer_a)
    page = client.get("/inbox/").content.decode()
    # Two opinions requested (1.1 and 1.3) and one unread notification.
    assert '<span class="badge nav-total">3<' in page
    client.force_login(world.viewer)
    assert "nav-total" not in client.get("/inbox/").content.decode()
