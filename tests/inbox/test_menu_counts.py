"""The menu's open-work count is kept per user until what it counts changes."""

from django.urls import reverse

from camket.inbox import menu_counts
from camket.lib.generations import OPEN_WORK
from camket.reports.services import save_report
from tests.inbox.conftest import TODAY


def _menu_badge(client):
    page = client.get(reverse("plan-list")).content.decode()
    start = page.index('class="nav-work"')
    return page[start : page.index("</a>", start)]


def _counting_calls(monkeypatch):
    calls = []
    real = menu_counts.open_work_count

    def counted(user):
        calls.append(user.pk)
        return real(user)

    monkeypatch.setattr(menu_counts, "open_work_count", counted)
    return calls


def test_the_count_is_kept_between_pages_and_follows_a_report_at_once(client, scene, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    calls = _counting_calls(monkeypatch)
    officer = scene.world.officer_a
    client.force_login(officer)
    assert '<span class="badge">5<' in _menu_badge(client)
    assert '<span class="badge">5<' in _menu_badge(client)
    assert calls == [officer.pk]  # counted once for two pages

    save_report(  # the report due soon, submitted: one thing less to do
        officer,
        scene.due_a[2],
        {"status": "in_progress", "narrative": "On track."},
        version=None,
        submit=True,
    )
    assert '<span class="badge">4<' in _menu_badge(client)
    assert len(calls) == 2


def test_each_user_has_their_own_count(client, scene, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    client.force_login(scene.world.officer_a)
    assert '<span class="badge">5<' in _menu_badge(client)
    client.force_login(scene.world.viewer)
    assert "badge" not in _menu_badge(client)


def test_a_bulk_write_bumps_the_generation_by_hand(scene):
    before = OPEN_WORK.current()
    OPEN_WORK.bump()
    assert OPEN_WORK.current() == before + 1


def test_zero_seconds_counts_on_every_page(client, scene, monkeypatch, settings):
    settings.CAMKET_WORK_COUNT_CACHE_SECONDS = 0
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    calls = _counting_calls(monkeypatch)
    client.force_login(scene.world.officer_a)
    _menu_badge(client)
    _menu_badge(client)
    assert len(calls) == 2
