"""`GET /api/inbox`, `GET /api/notifications` and `camket inbox`: the caller's own only."""

import json
from io import StringIO

from django.core.management import call_command

from camket.inbox.models import Notification
from tests.api.conftest import ApiClient


def _api(client, user):
    return ApiClient(client, user)


def _notice(user, event):
    return Notification.objects.create(
        recipient=user,
        kind="due_soon",
        event=event,
        params={"indicator": "Clinics", "due_on": "2025-06-30"},
    )


def test_the_inbox_api_answers_for_the_tokens_user(client, scene):
    world = scene.world
    mine = _api(client, world.officer_a).get("/inbox").json()
    assert mine["user"] == "officer_a"
    counts = {group["kind"]: group["count"] for group in mine["groups"]}
    assert counts["opinions_requested"] == 2 and counts["reports_returned"] == 1
    theirs = _api(client, world.officer_b).get("/inbox").json()
    b_counts = {group["kind"]: group["count"] for group in theirs["groups"]}
    assert b_counts["opinions_requested"] == 0 and b_counts["reports_returned"] == 0
    coordinator = _api(client, world.coordinator).get("/inbox").json()
    assert {g["kind"]: g["count"] for g in coordinator["groups"]}["reports_to_review"] == 1
    assert _api(client, world.viewer).get("/inbox").json()["groups"] == []
    assert _api(client, world.anonymous).get("/inbox").status_code == 401


def test_the_notifications_api_lists_and_marks_only_ones_own(client, world):
    mine, theirs = _notice(world.officer_a, "a"), _notice(world.officer_b, "b")
    api_a = _api(client, world.officer_a)
    listed = api_a.get("/notifications").json()
    assert [n["id"] for n in listed["items"]] == [mine.pk]
    assert "Clinics" in listed["items"][0]["text"]
    assert api_a.post(f"/notifications/{theirs.pk}/read").status_code == 404
    assert api_a.post(f"/notifications/{mine.pk}/read").json()["read_at"] is not None
    assert api_a.get("/notifications", {"unread": "true"}).json()["items"] == []
    assert _api(client, world.anonymous).get("/notifications").status_code == 401


def test_the_command_prints_the_groups_and_ends_with_json(scene):
    out = StringIO()
    call_command("inbox", "--user", "officer_a", "--json", stdout=out)
    lines = out.getvalue().strip().splitlines()
    result = json.loads(lines[-1])
    assert result["user"] == "officer_a"
    groups = {group["kind"]: group for group in result["groups"]}
    assert groups["opinions_requested"]["count"] == 2
    assert {item["what"].split(" — ")[0] for item in groups["opinions_requested"]["items"]} == {
        "1.1",
        "1.3",
    }
    assert any("Opinions requested from your agency: 2" in line for line in lines)


def test_the_command_tells_a_viewer_nothing_waits(world):
    out = StringIO()
    call_command("inbox", "--user", "viewer", stdout=out)
    assert "Nothing is waiting for viewer." in out.getvalue()
